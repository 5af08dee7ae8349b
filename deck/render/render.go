package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sort"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/pptx"
	"github.com/deckpdf/deck/fonts"
)

// ErrInvalid is returned by Render when the deck has errors: its
// diagnostics are in the Result, and nothing was written.
var ErrInvalid = errors.New("render: the deck has errors")

// A Result is what a render found and made.
type Result struct {
	// Diagnostics are every problem found, errors and warnings, in the
	// order of their files and positions.
	Diagnostics deck.Diagnostics
	// Slides is the number of slides in the deck; Pages the number of
	// pages laid out (a slide whose table continues takes several), all
	// of them, whichever Options.Pages selects.
	Slides, Pages int
	// Bytes is the size of the file written; FontBytes and ImageBytes the
	// part of it spent on embedded fonts and on pictures.
	Bytes, FontBytes, ImageBytes int
	// Fingerprints hold a hash a slide of everything drawn on its pages,
	// to give a later render as Options.Previous.
	Fingerprints []string
	// Changed lists the numbers (from 1) of the slides that differ from
	// Options.Previous, added and removed ones included; nil when no
	// Previous was given.
	Changed []int
	// SlideIDs are the slides' ids ("" for a slide without one).
	SlideIDs []string
	// Files are the absolute paths of the files the deck read or looked
	// for, sorted; nil for a deck not on disk.
	Files []string
	// Timings are the stages of the render and their times.
	Timings Timings
}

// Render renders the deck to a PDF, or the presentation Options.Format
// asks for, and writes it to w, whole, once it is
// complete: when the deck has errors (ErrInvalid, with the diagnostics in
// the Result) or ctx is cancelled (ctx.Err()), nothing is written. A deck
// that cannot be opened gives a nil Result.
func Render(ctx context.Context, src Source, w io.Writer, opt Options) (*Result, error) {
	var doc *pdf.Document
	begin := func(dk *deck.Deck, f *fonts.Set) {
		doc = pdf.Begin(dk.Theme.Page, pdfOptions(dk, f, opt))
	}
	if opt.Format == PPTX {
		begin = nil
	}
	d, err := build(ctx, src, opt, begin)
	if err != nil {
		return nil, err
	}
	res := &d.Result
	if !d.OK() {
		return res, ErrInvalid
	}
	pages, _, err := selectPages(d.Pages, opt.Pages)
	if err != nil {
		return res, err
	}
	clock := d.clock
	var buf bytes.Buffer
	if opt.Format == PPTX {
		if err := pptx.Write(&buf, pages, pptxOptions(d.Deck, d.Fonts, opt)); err != nil {
			return res, err
		}
		clock.lap(&res.Timings, "pptx")
	} else {
		if doc == nil {
			doc = pdf.Begin(d.Deck.Theme.Page, pdfOptions(d.Deck, d.Fonts, opt))
		}
		if err := doc.Write(&buf, pages); err != nil {
			return res, err
		}
		clock.lap(&res.Timings, "pdf")
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Bytes = buf.Len()
	if opt.Format == PPTX {
		res.FontBytes, res.ImageBytes = measurePPTX(buf.Bytes())
	} else {
		res.FontBytes, res.ImageBytes = measure(buf.Bytes())
	}
	res.Fingerprints = Fingerprints(d.Pages)
	res.SlideIDs = slideIDs(d.Deck)
	if opt.Previous != nil {
		res.Changed = Changed(opt.Previous, res.Fingerprints)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return res, err
	}
	return res, nil
}

// Validate checks the deck as Render does, charts included, and writes
// nothing. A deck with errors gives a nil error: they are in the Result.
func Validate(ctx context.Context, src Source, opt Options) (*Result, error) {
	d, err := Build(ctx, src, opt)
	if err != nil {
		return nil, err
	}
	return &d.Result, nil
}

// slideIDs returns the ids of the deck's slides.
func slideIDs(d *deck.Deck) []string {
	ids := make([]string, len(d.Slides))
	for i, s := range d.Slides {
		ids[i] = s.ID
	}
	return ids
}

// sortedFiles lists a set of paths in order.
func sortedFiles(set map[string]bool) []string {
	if set == nil {
		return nil
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
