package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/render"
	"github.com/fsnotify/fsnotify"
)

// debounce is how long watch waits after a file event for more: editors
// save in bursts (write a temporary file, rename it, touch the original).
const debounce = 120 * time.Millisecond

func watch(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("watch", "Usage: deck watch [-c PATH] [-o FILE]\n\n"+
		"Render the deck (by default ./deck.yaml), then render it again whenever\n"+
		"one of its files is saved.\n"+
		"Content with errors is reported and the last good PDF is kept; a PDF is\n"+
		"replaced only once the new one is complete. Stop with Ctrl-C.", stdout, stderr)
	src := fl.String("c", "", "the deck's folder, or its deck YAML file (default: this folder's deck.yaml)")
	out := fl.String("o", "report.pdf", "the file to write: a PDF, or a PowerPoint file when it ends in .pptx")
	var engine engineFlag
	fl.Var(&engine, "engine", "the PDF library: fpdf (the default, tagged) or gopdf (untagged)")
	var mode chartMode
	fl.Var(&mode, "charts", "how charts are drawn: png (the default) or vector")
	pdfa := fl.Bool("pdfa", false, pdfaFlag)
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck watch: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	if !pdfaEngine("watch", *pdfa, engine.Engine, stderr) {
		return 2
	}
	if *out == "-" {
		fmt.Fprintf(stderr, "deck watch: -o - is for deck render: a watch writes a file again and again; give it a file name\n")
		return 2
	}
	if *src = defaultSource(*src); *src == "" {
		fmt.Fprintf(stderr, "deck watch: there is no %s here to watch: give the deck with -c PATH, or make one with deck init FOLDER\n", content.DeckFile)
		return 2
	}
	// A render allocates several times the heap it keeps: a watch that
	// stays up trades some memory for re-renders a third quicker (31 → 21
	// ms in BenchmarkRender) by collecting less often.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(512 << 20)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	w := watcher{src: *src, out: *out, engine: engine.Engine, pdfa: *pdfa, charts: mode.ChartMode, stdout: stdout, stderr: stderr}
	return w.run(ctx)
}

// A watcher renders a deck each time its files settle after a change.
type watcher struct {
	src, out       string
	engine         pdf.Engine
	pdfa           bool // PDF/A-2b
	charts         render.ChartMode
	stdout, stderr io.Writer
	// rendered, when set, receives the exit code of every render: tests
	// wait on it instead of sleeping.
	rendered chan<- int
}

// run watches until ctx is done. It returns 2 when the deck cannot be
// watched at all.
func (w watcher) run(ctx context.Context) int {
	dir := w.src
	if info, err := os.Stat(dir); err != nil {
		fmt.Fprintf(w.stderr, "deck watch: %v\n", err)
		return 2
	} else if !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(w.stderr, "deck watch: %v\n", err)
		return 2
	}
	defer fsw.Close()
	if err := addTree(fsw, dir); err != nil {
		fmt.Fprintf(w.stderr, "deck watch: %v\n", err)
		return 2
	}
	outAbs, _ := filepath.Abs(w.out)
	files := w.once(ctx)
	fmt.Fprintf(w.stdout, "watching %s for changes; Ctrl-C stops\n", dir)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var away moved
	for {
		select {
		case <-ctx.Done():
			return 0
		case err := <-fsw.Errors:
			fmt.Fprintf(w.stderr, "deck watch: %v\n", err)
		case ev := <-fsw.Events:
			if w.changes(fsw, ev, files, outAbs) {
				away.note(ev, files)
				timer.Reset(debounce)
			}
		case <-timer.C:
			if away.waiting() {
				timer.Reset(debounce)
				continue
			}
			away = moved{}
			files = w.once(ctx)
		}
	}
}

// addTree watches a folder and the folders under it but hidden ones
// (.git): fsnotify watches folders, not trees.
func addTree(fsw *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil || !e.IsDir():
			return err
		case p != dir && strings.HasPrefix(e.Name(), "."):
			return filepath.SkipDir
		}
		return fsw.Add(p)
	})
}

// changes reports whether an event changes the deck, so that it must be
// rendered again once its files settle. A file the deck read (or looked
// for) changes it, whatever its name; the PDF being written and the
// scratch files of editors and office programs never do, nor is anything
// but the name of a scratch file looked at. A folder that appears (made,
// or renamed into the deck's folder) is watched with its folders and
// changes the deck. When the deck could not be read at all (files is
// nil), any other file changes it.
func (w watcher) changes(fsw *fsnotify.Watcher, ev fsnotify.Event, files map[string]bool, outAbs string) bool {
	abs, _ := filepath.Abs(ev.Name)
	switch {
	case abs == outAbs:
		return false
	case !files[abs] && scratch(filepath.Base(ev.Name)):
		return false
	case ev.Has(fsnotify.Create) && isDir(ev.Name):
		addTree(fsw, ev.Name) // a folder gone already has nothing to watch
		return true
	}
	return files == nil || files[abs]
}

// isDir reports whether name is a folder, not following a link.
func isDir(name string) bool {
	info, err := os.Lstat(name)
	return err == nil && info.IsDir()
}

// scratch reports whether a file name is one that editors and office
// programs write beside the file they save, never a file of the deck:
//   - lock files: ~$model.xlsx (Excel, WPS), .~lock.model.xlsx# (LibreOffice);
//   - hidden files, among them WPS's .~model.xlsx and vim's .deck.yaml.swp;
//   - temporary files: *.tmp (Excel's ~WRL0001.tmp, LibreOffice's
//     lu12345abcd.tmp, WPS's), *.swp and backups ending in ~;
//   - Excel's temporary copy of a workbook: eight hex digits with a letter
//     among them, no extension (A1B2C3D4), written and then renamed over
//     the workbook; eight plain digits are more likely a folder named for
//     a date (20240101).
func scratch(base string) bool {
	switch {
	case strings.HasPrefix(base, "~$"), strings.HasPrefix(base, "."),
		strings.HasSuffix(base, "~"), strings.HasSuffix(base, "#"):
		return true
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".tmp", ".swp":
		return true
	}
	return len(base) == 8 && strings.Trim(base, "0123456789abcdefABCDEF") == "" &&
		strings.ContainsAny(base, "abcdefABCDEF")
}

// awayGrace is how long a watch waits for a file of the deck that was
// renamed away or removed to come back before it renders without it:
// Excel and WPS save a workbook by moving it aside and renaming their
// temporary copy onto its name, and on a loaded machine the second rename
// may come later than debounce.
const awayGrace = 2 * time.Second

// moved are the files of the deck renamed away or removed since the last
// render, and when the first of them went.
type moved struct {
	since time.Time
	paths []string
}

// note records a file of the deck that an event renamed away or removed.
func (m *moved) note(ev fsnotify.Event, files map[string]bool) {
	abs, _ := filepath.Abs(ev.Name)
	if !files[abs] || !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
		return
	}
	if m.paths == nil {
		m.since = time.Now()
	}
	m.paths = append(m.paths, abs)
}

// waiting reports whether to wait one more debounce before rendering: a
// file moved away is still missing and the grace for its return has not
// run out, or it has just come back, and the event of its return may not
// have been read yet (a render then would be followed by another).
func (m *moved) waiting() bool {
	if m.paths == nil || time.Since(m.since) >= awayGrace {
		return false
	}
	for _, p := range m.paths {
		if _, err := os.Lstat(p); err != nil {
			return true
		}
	}
	m.paths = nil
	return true
}

// once renders and says how it went and how long it took. It returns the
// files the deck read, or nil when it could not be read at all.
func (w watcher) once(ctx context.Context) map[string]bool {
	start := time.Now()
	code := 2
	defer func() {
		if w.rendered != nil {
			w.rendered <- code
		}
	}()
	r := rendering{watching: true, src: w.src, out: w.out, engine: w.engine, output: outputFormat(nil, w.out), pdfa: w.pdfa, charts: w.charts, info: w.stdout, stderr: w.stderr}
	var res *render.Result
	res, code = r.run(ctx)
	if res == nil {
		return nil
	}
	took := time.Since(start).Round(time.Millisecond)
	if code == 0 {
		fmt.Fprintf(w.stdout, "%s rendered in %v\n", start.Format("15:04:05"), took)
	} else {
		if _, err := os.Stat(w.out); err == nil {
			fmt.Fprintf(w.stderr, "%s kept the last good %s (checked in %v)\n", start.Format("15:04:05"), w.out, took)
		} else {
			fmt.Fprintf(w.stderr, "%s nothing written (checked in %v)\n", start.Format("15:04:05"), took)
		}
	}
	if res.Files == nil {
		return nil
	}
	files := map[string]bool{}
	for _, f := range res.Files {
		files[f] = true
	}
	return files
}
