package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
)

// A build is a deck run through the pipeline up to the PDF: loaded, laid
// out, its charts drawn, and every problem found on the way.
type build struct {
	deck  *deck.Deck
	pages []layout.Page
	fonts *fonts.Set
	diags deck.Diagnostics
	watch *stopwatch    // the time of each stage
	pdf   *pdf.Document // the PDF, begun; nil when not asked for
	// files holds the absolute path of every file the deck opened or
	// tried to open; nil for the built-in deck.
	files map[string]bool
}

// ok reports whether the build can be written.
func (b build) ok() bool { return b.deck != nil && !b.diags.HasErrors() }

// buildDeck runs the pipeline on the deck at src ("" for the default). It
// lays out even a deck with errors, so that one run reports every problem
// it can; charts are drawn only for a deck without errors. The error is for
// a deck that cannot be opened at all.
func buildDeck(src string) (build, error) { return buildWith(src, chartMode{}, nil) }

// chartMode is how charts are drawn: pictures (the default) or vectors.
type chartMode struct{ vector bool }

// String names the mode as --charts takes it.
func (m chartMode) String() string {
	if m.vector {
		return "vector"
	}
	return "png"
}

// Set parses --charts.
func (m *chartMode) Set(s string) error {
	switch s {
	case "png":
		m.vector = false
	case "vector":
		m.vector = true
	default:
		return fmt.Errorf("charts %q is not png or vector", s)
	}
	return nil
}

// buildWith is buildDeck with charts drawn as the mode says. When begin is
// not nil and the content has no errors, it is called as soon as the fonts
// are known, to begin the PDF while the pages are laid out.
func buildWith(src string, mode chartMode, begin func(*deck.Deck, *fonts.Set) *pdf.Document) (build, error) {
	fsys, name, display, dir, err := source(defaultSource(src))
	if err != nil {
		return build{}, err
	}
	b := build{watch: newStopwatch()}
	opened := &openedFS{FS: fsys, dir: dir, paths: map[string]bool{}}
	b.deck, b.diags = content.Load(opened, name, display)
	if dir != "" {
		b.files = opened.paths
	}
	b.watch.lap("load")
	if b.deck == nil {
		return b, nil
	}
	if b.fonts = deckFonts(b.deck.Theme, &b.diags); b.fonts == nil {
		return b, nil
	}
	if begin != nil && !b.diags.HasErrors() {
		b.pdf = begin(b.deck, b.fonts)
	}
	b.watch.lap("fonts")
	var more deck.Diagnostics
	b.pages, more = layout.Layout(b.deck, b.fonts)
	b.diags = append(b.diags, more...)
	b.watch.lap("layout")
	if !b.diags.HasErrors() {
		b.diags = append(b.diags, charts.Fill(b.pages, b.deck.Theme, b.fonts, charts.Options{Cache: chartCache(), Vector: mode.vector})...)
		b.watch.lap("charts")
	}
	b.diags = b.diags.Sorted()
	return b, nil
}

// defaultSource is the deck to use when -c names none: deck.yaml in the
// working folder if there is one, else "" for the built-in report.
func defaultSource(src string) string {
	if src != "" {
		return src
	}
	if _, err := os.Stat(content.DeckFile); err == nil {
		return "."
	}
	return ""
}

// source opens the deck named by -c: a folder holding deck.yaml, or a YAML
// file whose folder holds the files it refers to. It returns the folder as
// a file system, the deck file's name in it, the folder as messages name
// it, and its absolute path ("" for the built-in deck).
func source(path string) (fsys fs.FS, name, display, dir string, err error) {
	if path == "" {
		return content.Default(), content.DeckFile, "", "", nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", "", "", fmt.Errorf("cannot open the deck %s: %w", path, errors.Unwrap(err))
	}
	dir, name, display = path, content.DeckFile, filepath.ToSlash(path)
	if display == "." {
		display = ""
	}
	if !info.IsDir() {
		dir, name = filepath.Dir(path), filepath.Base(path)
		if display = filepath.ToSlash(dir); display == "." {
			display = ""
		}
	}
	// An os.Root keeps every file the deck names inside its folder, even
	// through symbolic links.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", "", "", fmt.Errorf("cannot open the deck %s: %w", path, errors.Unwrap(err))
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, "", "", "", fmt.Errorf("cannot open the deck %s: %w", path, err)
	}
	return root.FS(), name, display, dir, nil
}

// openedFS notes the path of every file opened through it, or tried, so
// that deck watch can tell an edit of the deck from a file changing beside
// it (a log, a PDF, an editor's backup).
type openedFS struct {
	fs.FS
	dir     string // the folder's absolute path; "" notes nothing
	mu      sync.Mutex
	paths   map[string]bool
	realDir string // dir with its links followed, found on first use
}

// Open opens name and notes its path, and the path of the file it links
// to when it is a symbolic link (an edit of that file changes the deck).
func (o *openedFS) Open(name string) (fs.File, error) {
	if o.dir != "" {
		p := filepath.Join(o.dir, filepath.FromSlash(name))
		o.mu.Lock()
		o.paths[p] = true
		if target, ok := o.linkTarget(p); ok {
			o.paths[target] = true
		}
		o.mu.Unlock()
	}
	return o.FS.Open(name)
}

// deckFonts returns the theme's own fonts, or the bundled ones. A font that
// cannot be used is reported at the theme line that names it.
func deckFonts(t deck.Theme, diags *deck.Diagnostics) *fonts.Set {
	if t.Fonts.Regular.Path == "" {
		set, err := fonts.Default()
		if err != nil {
			diags.Errorf(deck.Pos{}, "%v", err)
		}
		return set
	}
	var faces [2]*fonts.Face
	for i, f := range []deck.File{t.Fonts.Regular, t.Fonts.Bold} {
		if f.Data == nil {
			return nil // not read: already reported
		}
		if i == 1 && f.Path == t.Fonts.Regular.Path {
			faces[1] = faces[0] // one file for both weights
			break
		}
		face, err := fonts.Parse(f.Path, f.Data)
		if err != nil {
			diags.Errorf(f.Pos, "%v", err)
		}
		faces[i] = face
	}
	if faces[0] == nil || faces[1] == nil {
		return nil
	}
	set, err := fonts.NewSet(faces[0], faces[1])
	if err != nil {
		diags.Errorf(t.Fonts.Bold.Pos, "%v", err)
	}
	return set
}

// chartCache is the folder where chart pictures are kept between renders,
// or "" when the user has no cache folder.
func chartCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "deck", "charts")
}

// Stat returns the file's information without opening it (a pipe would
// block an open), from the folder's own Stat.
func (o *openedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.FS, name) }

// linkTarget returns, when the file at p is a symbolic link (or lies under
// one) within the folder, the path of the file it leads to, named from the
// folder as p is, as file events name it.
func (o *openedFS) linkTarget(p string) (string, bool) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", false
	}
	if o.realDir == "" {
		if o.realDir, err = filepath.EvalSymlinks(o.dir); err != nil {
			return "", false
		}
	}
	rel, err := filepath.Rel(o.realDir, real)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	if target := filepath.Join(o.dir, rel); target != p {
		return target, true
	}
	return "", false
}
