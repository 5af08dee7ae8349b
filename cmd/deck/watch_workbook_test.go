package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/content/workbook"
)

func TestScratchNamesAreTheFilesOfficeProgramsWriteBesideAWorkbook(t *testing.T) {
	tests := []struct {
		name, base string
		want       bool
	}{
		{"an Excel or WPS lock file is scratch", "~$model.xlsx", true},
		{"a lock file of any other document is scratch", "~$deck.yaml", true},
		{"a LibreOffice lock file is scratch", ".~lock.model.xlsx#", true},
		{"a WPS hidden temporary copy is scratch", ".~model.xlsx", true},
		{"Excel's temporary copy, eight hex digits, is scratch", "A1B2C3D4", true},
		{"Excel's temporary copy in lower case is scratch", "a1b2c3d4", true},
		{"Excel's Word-style temporary file is scratch", "~WRL0001.tmp", true},
		{"a LibreOffice temporary file is scratch", "lu12345abcd.tmp", true},
		{"a temporary file in capitals is scratch", "A1B2.TMP", true},
		{"a vim swap file is scratch", ".deck.yaml.swp", true},
		{"an editor backup is scratch", "deck.yaml~", true},
		{"an emacs autosave is scratch", "#deck.yaml#", true},
		{"the workbook itself is not scratch", "model.xlsx", false},
		{"a workbook with macros is not scratch", "model.xlsm", false},
		{"a CSV file is not scratch", "model.csv", false},
		{"a workbook whose name has a dollar sign inside is not scratch", "a~$b.xlsx", false},
		{"eight digits, a folder named for a date, are not scratch", "20240101", false},
		{"seven hex digits are not scratch", "A1B2C3D", false},
		{"nine hex digits are not scratch", "A1B2C3D4E", false},
		{"eight hex digits with an extension are not scratch", "A1B2C3D4.csv", false},
		{"a Chinese file name is not scratch", "市场规模.xlsx", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scratch(tt.base); got != tt.want {
				t.Errorf("scratch(%q) = %v, want %v", tt.base, got, tt.want)
			}
		})
	}
}

// watching is a watch running in a test, with what it says and the exit
// code of each of its renders.
type watching struct {
	t              *testing.T
	out            string
	rendered       chan int
	stdout, stderr syncBuffer
}

// startWatch watches the deck in dir until the test ends, and waits for
// its first render.
func startWatch(t *testing.T, dir string) *watching {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	w := &watching{t: t, out: filepath.Join(t.TempDir(), "r.pdf"), rendered: make(chan int, 8)}
	wr := watcher{src: dir, out: w.out, stdout: &w.stdout, stderr: &w.stderr, rendered: w.rendered}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() { done <- wr.run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	w.next()
	return w
}

// next waits for a render and gives its exit code.
func (w *watching) next() int {
	w.t.Helper()
	select {
	case code := <-w.rendered:
		return code
	case <-time.After(60 * time.Second):
		w.t.Fatalf("no render after 60 s\nstdout: %s\nstderr: %s", w.stdout.String(), w.stderr.String())
		return -1
	}
}

// quiet fails the test if the watch renders within a while, saying what
// was happening.
func (w *watching) quiet(while string) {
	w.t.Helper()
	select {
	case code := <-w.rendered:
		w.t.Errorf("a render (exit %d) %s\nstderr: %s", code, while, w.stderr.String())
	case <-time.After(4 * debounce):
	}
}

// must fails the test at once on an error of a file operation.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// An officeSave is how a program saves a file: its steps up to the moment
// the new file takes the old one's name (lock and temporary files only),
// and the steps from then on.
type officeSave struct {
	program       string
	prepare, swap func(t *testing.T, dir, name string, data []byte)
}

// officeSaves are the save sequences of Excel, LibreOffice and WPS, as
// they appear in a folder's events. Each writes its temporary file in two
// parts with a pause between them longer than the debounce, as a large
// workbook on a slow disc is written, and Excel and WPS pause after moving
// the old file away, as a loaded machine may.
var officeSaves = []officeSave{
	{
		program: "Excel",
		prepare: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.WriteFile(filepath.Join(dir, "~$"+name), []byte("owner"), 0o644))
			slowWrite(t, filepath.Join(dir, "ABCD1234"), data)
		},
		swap: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.Rename(filepath.Join(dir, name), filepath.Join(dir, "5E6F7A8B.tmp")))
			time.Sleep(3 * debounce)
			must(t, os.Rename(filepath.Join(dir, "ABCD1234"), filepath.Join(dir, name)))
			must(t, os.Remove(filepath.Join(dir, "5E6F7A8B.tmp")))
			must(t, os.Remove(filepath.Join(dir, "~$"+name)))
		},
	},
	{
		program: "LibreOffice",
		prepare: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.WriteFile(filepath.Join(dir, ".~lock."+name+"#"), []byte(",owner,host,01.01.2024 10:00,owner;"), 0o644))
			slowWrite(t, filepath.Join(dir, "lu1234abcd.tmp"), data)
		},
		swap: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.Rename(filepath.Join(dir, "lu1234abcd.tmp"), filepath.Join(dir, name)))
			must(t, os.Remove(filepath.Join(dir, ".~lock."+name+"#")))
		},
	},
	{
		program: "WPS",
		prepare: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.WriteFile(filepath.Join(dir, "~$"+name), []byte("owner"), 0o644))
			slowWrite(t, filepath.Join(dir, "~$"+name+".tmp"), data)
		},
		swap: func(t *testing.T, dir, name string, data []byte) {
			must(t, os.Remove(filepath.Join(dir, name)))
			time.Sleep(3 * debounce)
			must(t, os.Rename(filepath.Join(dir, "~$"+name+".tmp"), filepath.Join(dir, name)))
			must(t, os.Remove(filepath.Join(dir, "~$"+name)))
		},
	},
}

// slowWrite writes a file in two parts, a pause longer than the debounce
// between them.
func slowWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	half := len(data) / 2
	_, err = f.Write(data[:half])
	must(t, err)
	time.Sleep(2 * debounce)
	_, err = f.Write(data[half:])
	must(t, err)
}

// TestWatchRendersOnceWhenAnOfficeProgramSaves saves a data file of the
// deck as Excel, LibreOffice and WPS do: nothing renders while the lock
// and temporary files are written, the rename of the temporary file onto
// the data file renders exactly once, and removing the lock renders
// nothing; the render shows the new data, a CSV file's or a workbook
// cell's.
func TestWatchRendersOnceWhenAnOfficeProgramSaves(t *testing.T) {
	needTools(t, "pdftotext")
	files := []struct {
		name     string
		old, cur []byte
	}{
		{"model.csv", []byte("年份,规模\n2021,394\n"), []byte("年份,规模\n2021,395\n")},
		{"model.xlsx", xlsxOf(t, "394"), xlsxOf(t, "395")},
	}
	for _, save := range officeSaves {
		for _, f := range files {
			t.Run(save.program+" saving data/"+f.name+" renders once", func(t *testing.T) {
				dir := writeDeck(t, map[string][]byte{
					"deck.yaml": []byte("title: t\nslides:\n  - title: 数据\n    blocks:\n      - table: {data: data/" + f.name + "}\n"),
				})
				data := filepath.Join(dir, "data")
				must(t, os.MkdirAll(data, 0o755))
				must(t, os.WriteFile(filepath.Join(data, f.name), f.old, 0o644))
				w := startWatch(t, dir)

				save.prepare(t, data, f.name, f.cur)
				w.quiet("while the lock and temporary files were written")
				save.swap(t, data, f.name, f.cur)
				code := w.next()
				w.quiet("after the one render of the save")
				if code != 0 {
					t.Fatalf("the render after the save: exit %d\n%s", code, w.stderr.String())
				}
				if text := tool(t, "pdftotext", "-raw", w.out, "-"); !strings.Contains(text, "395") || strings.Contains(text, "394") {
					t.Errorf("the PDF does not show the new figure 395 alone:\n%s", text)
				}
			})
		}
	}
}

// xlsxOf is a workbook of one sheet, 市场规模, whose cell B2 is the
// number figure.
func xlsxOf(t *testing.T, figure string) []byte {
	t.Helper()
	var buf bytes.Buffer
	must(t, workbook.Write(&buf, []workbook.Sheet{{Name: "市场规模", Rows: [][]string{{"年份", "规模"}, {"2021", figure}}}}))
	return buf.Bytes()
}

// TestWatchFollowsAFolderRenamedIntoTheDeck: a data folder that appears by
// a rename (unpacked or copied elsewhere, then moved in) renders the deck
// that looked for it, and is watched from then on.
func TestWatchFollowsAFolderRenamedIntoTheDeck(t *testing.T) {
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: 数据\n    blocks:\n      - table: {data: data/model.csv}\n"),
	})
	w := startWatch(t, dir)
	outside := filepath.Join(t.TempDir(), "data")
	must(t, os.MkdirAll(outside, 0o755))
	csv := []byte("年份,规模\n2021,394\n")
	must(t, os.WriteFile(filepath.Join(outside, "model.csv"), csv, 0o644))

	must(t, os.Rename(outside, filepath.Join(dir, "data")))
	if code := w.next(); code != 0 {
		t.Fatalf("the render after the folder came: exit %d\n%s", code, w.stderr.String())
	}
	first, _ := os.ReadFile(w.out)
	must(t, os.WriteFile(filepath.Join(dir, "data", "model.csv"), bytes.Replace(csv, []byte("394"), []byte("395"), 1), 0o644))
	if code := w.next(); code != 0 {
		t.Fatalf("the render after an edit in the folder: exit %d\n%s", code, w.stderr.String())
	}
	if second, _ := os.ReadFile(w.out); bytes.Equal(first, second) {
		t.Error("the edit in the folder did not change the PDF")
	}
	w.quiet("after the one render of the edit")
}
