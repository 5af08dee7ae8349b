package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
)

// A built deck is loaded, laid out and has its charts drawn.
type built struct {
	deck  *deck.Deck
	pages []layout.Page
	fonts *fonts.Set
}

// build runs the pipeline up to the PDF, printing diagnostics. It returns
// the exit code: 0, 1 for errors in the content, 2 for a deck that cannot
// be opened.
func build(src string, stderr io.Writer, cmd string) (built, int) {
	fsys, name, display, err := source(src)
	if err != nil {
		fmt.Fprintf(stderr, "deck %s: %v\n", cmd, err)
		return built{}, 2
	}
	d, diags := content.Load(fsys, name, display)
	var b built
	if d != nil && !diags.HasErrors() {
		b.fonts = deckFonts(d.Theme, &diags)
	}
	if b.fonts != nil {
		var more deck.Diagnostics
		b.pages, more = layout.Layout(d, b.fonts)
		diags = append(diags, more...)
		if !diags.HasErrors() {
			diags = append(diags, charts.Fill(b.pages, d.Theme, b.fonts, charts.Options{})...)
		}
	}
	for _, dg := range diags {
		fmt.Fprintln(stderr, dg)
	}
	if d == nil || diags.HasErrors() {
		fmt.Fprintf(stderr, "deck %s: %s; nothing written\n", cmd, count(diags))
		return built{}, 1
	}
	b.deck = d
	return b, 0
}

func render(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("render", "Usage: deck render [-c PATH] [-o FILE]\n\n"+
		"Render a deck to PDF. Nothing is written when the content has errors;\n"+
		"an existing file is replaced only once the new one is complete.\n"+
		"SOURCE_DATE_EPOCH, when set, is the date written into the PDF.", stderr)
	src := fl.String("c", "", deckFlag)
	out := fl.String("o", "report.pdf", "the PDF file to write")
	if ok, code := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck render: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	b, code := build(*src, stderr, "render")
	if code != 0 {
		return code
	}
	d, pages, set := b.deck, b.pages, b.fonts
	date, err := pdfDate(d.Meta)
	if err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	}
	opt := pdf.Options{Meta: d.Meta, Creator: "deck " + version, Date: date, Fonts: set}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pages, opt); err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 1
	}
	if err := writeAtomic(*out, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 1
	}
	info, err := os.Stat(*out)
	if err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d pages, %s\n", *out, len(pages), kib(info.Size()))
	return 0
}

// source opens the deck named by -c: a folder holding deck.yaml, or a YAML
// file whose folder holds the files it refers to.
func source(path string) (fs.FS, string, string, error) {
	if path == "" {
		return content.Default(), content.DeckFile, "", nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", "", fmt.Errorf("cannot open the deck %s: %w", path, errors.Unwrap(err))
	}
	if info.IsDir() {
		return os.DirFS(path), content.DeckFile, filepath.ToSlash(path), nil
	}
	dir := filepath.Dir(path)
	display := filepath.ToSlash(dir)
	if display == "." {
		display = ""
	}
	return os.DirFS(dir), filepath.Base(path), display, nil
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

// pdfDate is SOURCE_DATE_EPOCH when set, else the deck's date, else the
// Unix epoch: never the clock, so that renders are reproducible.
func pdfDate(m deck.Meta) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if !m.Date.IsZero() {
		return m.Date, nil
	}
	return time.Unix(0, 0).UTC(), nil
}

func count(ds deck.Diagnostics) string {
	e, w := 0, 0
	for _, d := range ds {
		if d.Severity == deck.Error {
			e++
		} else {
			w++
		}
	}
	s := plural(e, "error")
	if w > 0 {
		s += ", " + plural(w, "warning")
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func kib(n int64) string {
	if n < 1<<20 {
		return strings.TrimSuffix(fmt.Sprintf("%.0f KiB", float64(n)/1024), ".0")
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
