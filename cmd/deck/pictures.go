package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck/diskcache"
	"github.com/deckpdf/deck/deck/render"
)

// pictureFlags are the flags of deck render that choose pages and draw
// them as pictures.
type pictureFlags struct {
	png   bool // --format png
	pages pagesFlag
	width int
	sheet bool
}

// addPictureFlags registers --pages, --width and --sheet.
func addPictureFlags(fl flagSet) *pictureFlags {
	p := &pictureFlags{}
	fl.Var(&p.pages, "pages", "the pages to write, in every format: 2-4,8 (default: all)")
	fl.IntVar(&p.width, "width", 0, "with --format png, the width of a picture in pixels (default 1920)")
	fl.BoolVar(&p.sheet, "sheet", false, "with --format png, draw the pages small on one picture, with their numbers")
	return p
}

// pagesFlag is the value of --pages.
type pagesFlag struct{ render.PageSet }

// Set parses a selection.
func (p *pagesFlag) Set(s string) error {
	v, err := render.ParsePages(s)
	p.PageSet = v
	return err
}

// check reports flags that need --format png without it.
func (p *pictureFlags) check() error {
	if !p.png && (p.width != 0 || p.sheet) {
		return errors.New("--width and --sheet need --format png")
	}
	if p.width < 0 {
		return fmt.Errorf("--width %d is not a width in pixels", p.width)
	}
	return nil
}

// run renders the pictures to out, a folder of 01.png, 02.png … or, for one
// picture, a file ending in .png; it returns the exit code.
func (p *pictureFlags) run(ctx context.Context, src, out string, info, stderr io.Writer) int {
	opt := render.Options{Pages: p.pages.PageSet, CacheDir: renderCache()}
	var last pictureRecord
	if !p.sheet { // a sheet is a look at the slides, not the slides
		var intact bool
		if last, intact = previousPictures(out); intact {
			opt.Previous = last.Pages
		}
	}
	pics, res, err := render.Pictures(ctx, source(src), opt, render.PictureOptions{Width: p.width, Sheet: p.sheet})
	var noPage *render.NoPageError
	switch {
	case res == nil:
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	case errors.Is(err, render.ErrInvalid):
		return rendering{}.fail(res.Diagnostics)
	case errors.As(err, &noPage):
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 1
	}
	names, err := pictureNames(out, pics, res.Pages, p.sheet)
	if err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	}
	data := make([][]byte, len(pics))
	for i, pic := range pics {
		data[i] = pic.PNG
	}
	if err := writeAll(names, data); err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 1
	}
	var stale, foreign []string
	if !p.sheet {
		stale, foreign = tidyPictures(out, names, data, last)
		rememberPictures(out, names, data, res.Fingerprints)
	}
	printDiagnostics(stderr, res.Diagnostics) // warnings
	for _, f := range foreign {
		fmt.Fprintf(stderr, "deck render: warning: %s is not from this render: deck did not write it, or it was changed since (kept)\n", f)
	}
	what := plural(len(pics), "picture")
	if p.sheet {
		what = "a contact sheet of " + plural(len(thumbsOf(p.pages.PageSet, res.Pages)), "page")
	}
	fmt.Fprintf(info, "%s: %s, %d×%d px, %s\n", out, what, pics[0].Width, pics[0].Height, size(int64(res.Bytes)))
	if res.Changed != nil {
		fmt.Fprintln(info, describeChanges(opt.Previous, res.Fingerprints, res.SlideIDs))
	}
	if len(stale) > 0 {
		fmt.Fprintf(info, "removed %s of the last render, not in this one\n", strings.Join(stale, ", "))
	}
	return 0
}

// A pictureRecord remembers, for a folder of slide pictures (or one
// picture file), the files deck last wrote there, by name within the
// folder, with the hash of each, and the fingerprints of the deck's slides.
type pictureRecord struct {
	Files map[string]string `json:"files"`
	Pages []string          `json:"pages"`
}

// picturesDir is the folder a render's pictures are in.
func picturesDir(out string) string {
	if strings.EqualFold(filepath.Ext(out), ".png") {
		return filepath.Dir(out)
	}
	return out
}

// previousPictures returns the record of the pictures deck last wrote at
// out, and whether every one of them is still there as deck wrote it.
func previousPictures(out string) (pictureRecord, bool) {
	var r pictureRecord
	if !readRecord(out, &r) || len(r.Files) == 0 {
		return pictureRecord{}, false
	}
	for name, hash := range r.Files {
		if b, err := diskcache.ReadRegular(filepath.Join(picturesDir(out), name), maxRecordedPicture); err != nil || hashOf(b) != hash {
			return r, false
		}
	}
	return r, true
}

// maxRecordedPicture is the largest picture compared with the one deck
// wrote at its name: a larger file there is not one deck wrote.
const maxRecordedPicture = 1 << 28

// rememberPictures records the pictures written at out. A record that
// cannot be written only costs the next render's changes and tidying.
func rememberPictures(out string, names []string, data [][]byte, pages []string) {
	r := pictureRecord{Files: map[string]string{}, Pages: pages}
	for i, name := range names {
		r.Files[filepath.Base(name)] = hashOf(data[i])
	}
	writeRecord(out, r)
}

// pagePicture matches the name of a page's picture: 01.png, 123.png.
var pagePicture = regexp.MustCompile(`^[0-9]+\.png$`)

// tidyPictures removes from the folder out the pictures of pages that the
// last render wrote (last) and this one did not (names), when they are
// still as deck wrote them: a folder of slides is posted whole, and a
// slide picture left from an earlier render, of a page deleted or not
// selected now, would be posted silently with the new ones. Any other
// page picture there is kept and returned as foreign, to warn of; the
// removed ones are returned as stale. A file -o names is left alone.
func tidyPictures(out string, names []string, data [][]byte, last pictureRecord) (stale, foreign []string) {
	if strings.EqualFold(filepath.Ext(out), ".png") {
		return nil, nil
	}
	written := map[string]bool{}
	for _, n := range names {
		written[filepath.Base(n)] = true
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		name := e.Name()
		if written[name] || !e.Type().IsRegular() || !pagePicture.MatchString(name) {
			continue
		}
		path := filepath.Join(out, name)
		if b, err := os.ReadFile(path); err == nil && last.Files[name] == hashOf(b) && os.Remove(path) == nil {
			stale = append(stale, name)
			continue
		}
		foreign = append(foreign, path)
	}
	return stale, foreign
}

// thumbsOf returns the pages a selection takes of n.
func thumbsOf(s render.PageSet, n int) []int {
	idx, _ := s.Select(n)
	return idx
}

// pictureNames returns the files to write: out itself when it ends in
// .png, which takes one picture; else in the folder out, a sheet as
// sheet.png and pages by their numbers, padded to the digits of the page
// count, two at least (01.png … 09.png).
func pictureNames(out string, pics []render.Picture, pages int, sheet bool) ([]string, error) {
	if strings.EqualFold(filepath.Ext(out), ".png") {
		if len(pics) != 1 {
			return nil, fmt.Errorf("-o %s is one picture, and the selection has %d pages: give --pages one page, --sheet, or a folder", out, len(pics))
		}
		return []string{out}, nil
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	digits := max(2, len(strconv.Itoa(pages)))
	names := make([]string, len(pics))
	for i, pic := range pics {
		names[i] = filepath.Join(out, fmt.Sprintf("%0*d.png", digits, pic.Page))
		if sheet {
			names[i] = filepath.Join(out, "sheet.png")
		}
	}
	return names, nil
}

// writeAll writes every file or none: each to a temporary file beside it
// first, renamed into place only when all are written.
func writeAll(names []string, data [][]byte) error {
	writes.RLock()
	defer writes.RUnlock()
	// What would stop a rename half way stops the writing before it
	// starts: a folder where a picture goes.
	for _, name := range names {
		if fi, err := os.Lstat(name); err == nil && !fi.Mode().IsRegular() {
			return fmt.Errorf("cannot write %s: it is not a file", name)
		}
	}
	temps := make([]string, 0, len(names))
	clean := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for i, name := range names {
		f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
		if err != nil {
			clean()
			return fmt.Errorf("cannot write to %s: %w", filepath.Dir(name), err)
		}
		temps = append(temps, f.Name())
		err = f.Chmod(0o644)
		if err == nil {
			_, err = f.Write(data[i])
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			clean()
			return fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	for i, t := range temps {
		if err := os.Rename(t, names[i]); err != nil {
			clean()
			return err
		}
	}
	return osFiles{}.SyncDir(filepath.Dir(names[0]))
}

// pictureOut is where pictures go: -o when given, else the folder slides.
func pictureOut(fl flagSet, out string) string {
	given := false
	fl.Visit(func(f *flag.Flag) { given = given || f.Name == "o" })
	if !given {
		return "slides"
	}
	return out
}
