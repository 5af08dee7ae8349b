package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.stderr sections of testdata/bad/*.txtar")

// A badDeck is one deck of the bad-input corpus: its files, or a function
// that makes them.
type badDeck struct {
	name  string
	files map[string][]byte
	setup func(t *testing.T, dir string) // extra set-up: links, huge files
	// out returns the output path to use; nil means a fresh folder.
	out     func(t *testing.T) string
	archive *txtar.Archive
	path    string
}

// generated are the bad decks too large or too odd to keep as files.
func generated() []badDeck {
	slide := "title: t\nslides:\n  - title: x\n    blocks:\n"
	return []badDeck{
		{name: "a 1 MB paragraph", files: map[string][]byte{"deck.yaml": []byte(slide + "      - paragraph: " + strings.Repeat("云计算作为底层基础类技术。", 30000) + "\n")}},
		{name: "a 10,000-row table", files: map[string][]byte{"deck.yaml": []byte(slide + "      - table: {data: t.csv}\n"), "t.csv": []byte("a,b\n" + strings.Repeat("1,2\n", 10000))}},
		{name: "a 11 MB data file", files: map[string][]byte{"deck.yaml": []byte(slide + "      - chart: {data: d.csv}\n"), "d.csv": bytes.Repeat([]byte("2021,394\n"), 11<<20/9)}},
		{name: "2000 slides", files: map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n" + strings.Repeat("  - title: x\n", 2000))}},
		{name: "a symbolic link out of the folder", files: map[string][]byte{"deck.yaml": []byte(slide + "      - chart: {data: d.csv}\n")},
			setup: func(t *testing.T, dir string) {
				outside := filepath.Join(t.TempDir(), "secret.csv")
				os.WriteFile(outside, []byte("a,b\nx,1\n"), 0o644)
				if err := os.Symlink(outside, filepath.Join(dir, "d.csv")); err != nil {
					t.Skip(err)
				}
			}},
		{name: "an output in a missing folder", files: map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n  - title: x\n")},
			out: func(t *testing.T) string { return filepath.Join(t.TempDir(), "no", "such", "r.pdf") }},
		{name: "an output under a file", files: map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n  - title: x\n")},
			out: func(t *testing.T) string {
				f := filepath.Join(t.TempDir(), "file")
				os.WriteFile(f, nil, 0o644)
				return filepath.Join(f, "r.pdf")
			}},
		{name: "a missing deck folder", out: nil, setup: func(t *testing.T, dir string) { os.Remove(dir) }},
	}
}

// placeLine is a diagnostic with its place: file:line[:col]: error: …
var placeLine = regexp.MustCompile(`(?m)^\S+:\d+(:\d+)?: error: |^\S+\.(yaml|csv|ttf): error: `)

// TestBadInputCorpus renders every deck of testdata/bad and the generated
// ones: each ends with exit code 1 or 2, says what is wrong and where,
// within a bounded time, and leaves an existing output file as it was.
func TestBadInputCorpus(t *testing.T) {
	paths, _ := filepath.Glob("testdata/bad/*.txtar")
	var decks []badDeck
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := badDeck{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), files: map[string][]byte{}, archive: a, path: p}
		for _, f := range a.Files {
			if f.Name != "want.stderr" {
				d.files[f.Name] = f.Data
			}
		}
		decks = append(decks, d)
	}
	decks = append(decks, generated()...)
	if len(decks) < 30 {
		t.Fatalf("the corpus has %d decks, want 30 or more", len(decks))
	}
	for _, d := range decks {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range d.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, data, 0o644)
			}
			if d.setup != nil {
				d.setup(t, dir)
			}
			out := filepath.Join(t.TempDir(), "report.pdf")
			if d.out != nil {
				out = d.out(t)
			}
			previous := []byte("%PDF- the last good report")
			os.WriteFile(out, previous, 0o644) // fails, as it should, where the folder is missing

			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			start := time.Now()
			go func() {
				var stdout, stderr bytes.Buffer
				code := run([]string{"render", "-c", dir, "-o", out}, &stdout, &stderr)
				done <- result{code, stderr.String()}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("no answer in 60 s")
			}
			t.Logf("answered in %v", time.Since(start).Round(time.Millisecond))
			if r.code != 1 && r.code != 2 {
				t.Errorf("exit code %d, want 1 or 2\n%s", r.code, r.stderr)
			}
			if r.code == 1 && !placeLine.MatchString(r.stderr) && !strings.Contains(r.stderr, "deck render: cannot write") {
				t.Errorf("no diagnostic names a place:\n%s", r.stderr)
			}
			if r.code == 2 && !strings.HasPrefix(r.stderr, "deck render: ") {
				t.Errorf("a usage error says nothing:\n%s", r.stderr)
			}
			if data, err := os.ReadFile(out); err == nil && !bytes.Equal(data, previous) {
				t.Error("the previous output was changed")
			}
			if d.archive != nil {
				got := []byte(strings.ReplaceAll(r.stderr, dir, "$DECK"))
				checkWant(t, d, got)
			}
		})
	}
}

// checkWant compares stderr with the archive's want.stderr, or rewrites it
// under -update.
func checkWant(t *testing.T, d badDeck, got []byte) {
	t.Helper()
	for i, f := range d.archive.Files {
		if f.Name == "want.stderr" {
			if bytes.Equal(f.Data, got) {
				return
			}
			if *update {
				d.archive.Files[i].Data = got
				os.WriteFile(d.path, txtar.Format(d.archive), 0o644)
				return
			}
			t.Errorf("stderr differs from want.stderr (go test -update accepts it):\n--- got ---\n%s--- want ---\n%s", got, f.Data)
			return
		}
	}
	if *update {
		d.archive.Files = append(d.archive.Files, txtar.File{Name: "want.stderr", Data: got})
		os.WriteFile(d.path, txtar.Format(d.archive), 0o644)
		return
	}
	t.Error(fmt.Sprintf("%s has no want.stderr section (go test -update adds it)", d.path))
}
