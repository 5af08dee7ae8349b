package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck/diskcache"
	"github.com/deckpdf/deck/deck/render"
)

// A renderRecord remembers, for one output file, the hash of the PDF last
// written there and the fingerprints of its pages.
type renderRecord struct {
	PDF   string   `json:"pdf"`
	Pages []string `json:"pages"`
}

// recordFile is where the record of an output path lives: in the user's
// cache folder, keyed by the absolute path.
func recordFile(out string) (string, bool) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", false
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", false
	}
	key := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "deck", "renders", hex.EncodeToString(key[:8])+".record"), true
}

// A record is a diskcache entry (checked on every read, never waited on:
// a FIFO or a link to a device in its place is no record) holding JSON.
const (
	recordHeader = "deck render record\n"
	maxRecord    = 64 << 20
	keptRecords  = 1000 // the output paths whose records are kept
)

// readRecord reads the record of the output path out into v, and reports
// whether there is one.
func readRecord(out string, v any) bool {
	file, ok := recordFile(out)
	if !ok {
		return false
	}
	data, err := diskcache.Read(file, recordHeader, maxRecord)
	return err == nil && json.Unmarshal(data, v) == nil
}

// writeRecord makes v the record of the output path out. A record that
// cannot be written only costs the next render's "what changed" line.
func writeRecord(out string, v any) {
	file, ok := recordFile(out)
	if !ok {
		return
	}
	data, _ := json.Marshal(v)
	diskcache.Write(filepath.Dir(file), filepath.Base(file), recordHeader, data, maxRecord, keptRecords)
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// maxRecordedPDF is the largest PDF whose pages are compared with the next
// render's: a larger file at the output path is not one deck wrote.
const maxRecordedPDF = 1 << 30

// previousPages returns the fingerprints of the PDF now at out, if it is
// the one deck last wrote there.
func previousPages(out string) ([]string, bool) {
	old, err := diskcache.ReadRegular(out, maxRecordedPDF)
	if err != nil {
		return nil, false
	}
	var r renderRecord
	if !readRecord(out, &r) || r.PDF != hashOf(old) {
		return nil, false
	}
	return r.Pages, true
}

// remember records what was written at out. A record that cannot be
// written only costs the next "what changed" line.
func remember(out string, pdf []byte, pages []string) {
	writeRecord(out, renderRecord{PDF: hashOf(pdf), Pages: pages})
}

// describeChanges says which slides differ, by number and name: "slides 4
// (role) and 9 (closing) changed", "no slide changed".
func describeChanges(old, cur []string, names []string) string {
	nums := changedSlides(old, cur, names, func(n, name string) string { return join(n, " (", name, ")") })
	var b strings.Builder
	switch {
	case len(nums) == 0:
		b.WriteString("no slide changed")
	case len(nums) == len(cur) && len(old) == len(cur) && len(nums) > 2:
		b.WriteString("all " + plural(len(cur), "slide") + " changed")
	case len(nums) == 1:
		b.WriteString("slide " + nums[0] + " changed")
	default:
		b.WriteString("slides " + strings.Join(nums[:len(nums)-1], ", ") + " and " + nums[len(nums)-1] + " changed")
	}
	if len(cur) != len(old) {
		b.WriteString("; the deck has " + plural(len(cur), "slide") + ", it had " + strconv.Itoa(len(old)))
	}
	return b.String()
}

// describeChangesChinese says the same as describeChanges in Chinese, for
// the mail of a Chinese deck: "第 4 页（role）、第 9 页（closing）有修改".
func describeChangesChinese(old, cur []string, names []string) string {
	nums := changedSlides(old, cur, names, func(n, name string) string { return join(n+" 页", "（", name, "）") })
	var b strings.Builder
	switch {
	case len(nums) == 0:
		b.WriteString("各页与上一版相同")
	case len(nums) == len(cur) && len(old) == len(cur) && len(nums) > 2:
		b.WriteString("全部 " + strconv.Itoa(len(cur)) + " 页都有修改")
	default:
		for i, n := range nums {
			if i > 0 {
				b.WriteString("、")
			}
			b.WriteString("第 " + n)
		}
		b.WriteString("有修改")
	}
	if len(cur) != len(old) {
		b.WriteString("；现共 " + strconv.Itoa(len(cur)) + " 页，上一版 " + strconv.Itoa(len(old)) + " 页")
	}
	return b.String()
}

// changedSlides returns the slides that differ, each as say puts its
// number and its name ("" for a slide without one).
func changedSlides(old, cur []string, names []string, say func(n, name string) string) []string {
	var out []string
	for _, n := range render.Changed(old, cur) {
		name := ""
		if n <= len(names) {
			name = names[n-1]
		}
		out = append(out, say(strconv.Itoa(n), name))
	}
	return out
}

// join returns n, then name between open and close when there is one.
func join(n, open, name, close string) string {
	if name == "" {
		return n
	}
	return n + open + name + close
}
