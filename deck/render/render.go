package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sort"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/pptx"
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
	d, err := build(ctx, src, opt, opt.Format != PPTX)
	if err != nil {
		return nil, err
	}
	if begun := d.begun; begun != nil {
		// The programs made while the charts were drawn are in the cache
		// folder when Render returns, written or not (pdf.Document.Wait).
		defer begun.Wait()
	}
	return &d.Result, d.Write(ctx, w, opt)
}

// Write writes the built deck as Render does: the pages opt.Pages
// selects, in opt.Format, to w, whole, once complete. It fills the
// Result's Bytes, FontBytes, ImageBytes, Fingerprints, SlideIDs and, with
// opt.Previous, Changed. A document with errors gives ErrInvalid and
// writes nothing. One Build and one Write give the bytes Render gives
// with the same Options; a Document may be written more than once.
func (d *Document) Write(ctx context.Context, w io.Writer, opt Options) error {
	res := &d.Result
	if !d.OK() {
		return ErrInvalid
	}
	pages, _, err := selectPages(d.Pages, opt.Pages)
	if err != nil {
		return err
	}
	// The fingerprints read the pages as the writer does, and change
	// nothing: they are taken meanwhile, on another core.
	fingerprints := make(chan []string, 1)
	go func() { fingerprints <- Fingerprints(d.Pages) }()
	// The file is made in w when w is a buffer, and taken out of it
	// again when it cannot be made whole.
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = new(bytes.Buffer)
	}
	start := buf.Len()
	err = d.encode(ctx, buf, pages, opt)
	fps := <-fingerprints
	if err != nil {
		buf.Truncate(start)
		return err
	}
	file := buf.Bytes()[start:]
	res.Bytes = len(file)
	if opt.Format == PPTX {
		res.FontBytes, res.ImageBytes = measurePPTX(file)
	} else {
		res.FontBytes, res.ImageBytes = measure(file)
	}
	d.fingerprinted(fps, opt.Previous)
	if !direct {
		_, err = w.Write(file)
	}
	return err
}

// encode writes pages to buf in opt.Format, and times it.
func (d *Document) encode(ctx context.Context, buf *bytes.Buffer, pages []layout.Page, opt Options) error {
	res := &d.Result
	clock := d.clock
	clock.last = time.Now()
	if opt.Format == PPTX {
		if err := pptx.Write(buf, pages, pptxOptions(d.Deck, d.Fonts, opt)); err != nil {
			return err
		}
		clock.lap(&res.Timings, "pptx")
	} else {
		doc := d.begun
		d.begun = nil // a pdf.Document writes once
		if doc == nil {
			doc = pdf.Begin(d.Deck.Theme.Page, pdfOptions(d.Deck, d.Fonts, opt))
		}
		if err := doc.Write(buf, pages); err != nil {
			return err
		}
		clock.lap(&res.Timings, "pdf")
	}
	return ctx.Err()
}

// fingerprint fills the Result's Fingerprints, SlideIDs and, when
// previous is not nil, Changed.
func (d *Document) fingerprint(previous []string) {
	d.fingerprinted(Fingerprints(d.Pages), previous)
}

// fingerprinted is fingerprint with the pages' fingerprints taken.
func (d *Document) fingerprinted(fingerprints, previous []string) {
	res := &d.Result
	res.Fingerprints = fingerprints
	res.SlideIDs = slideIDs(d.Deck)
	res.Changed = nil
	if previous != nil {
		res.Changed = Changed(previous, res.Fingerprints)
	}
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
