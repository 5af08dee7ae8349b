package render

import (
	"context"
	"time"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/pptx"
	"github.com/deckpdf/deck/fonts"
)

// A Document is a deck loaded, laid out and its charts drawn: what every
// output paints.
type Document struct {
	// Deck is the checked model; nil when the deck could not be read.
	Deck *deck.Deck
	// Fonts are the deck's fonts, as measured in layout; nil when they
	// could not be read.
	Fonts *fonts.Set
	// Pages are the laid-out pages: a slide takes one or more.
	Pages []layout.Page
	// Result holds the problems found on the way, the files read and the
	// time of each stage.
	Result Result

	clock stopwatch     // the end of the last stage, for the stages after
	begun *pdf.Document // the PDF begun while the pages were laid out, for Write; nil when none
}

// OK reports whether the document has no errors and can be written.
func (d *Document) OK() bool { return d.Deck != nil && !d.Result.Diagnostics.HasErrors() }

// Build loads, checks and lays out the deck and draws its charts. It lays
// out even a deck with errors, so that one run reports every problem it
// can; charts are drawn only for a deck without errors. The error is for a
// deck that cannot be opened at all, or a cancelled ctx.
func Build(ctx context.Context, src Source, opt Options) (*Document, error) {
	return build(ctx, src, opt, false)
}

// build is Build; with begin, when the content has no errors, it begins
// the PDF of opt as soon as the fonts are known, while the pages are laid
// out, for Write with the same opt.
func build(ctx context.Context, src Source, opt Options, begin bool) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	o, err := src.open()
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	clock := &doc.clock
	clock.last = time.Now()
	res := &doc.Result
	files := &openedFS{FS: o.fsys, dir: o.dir, paths: map[string]bool{}}
	doc.Deck, res.Diagnostics = content.Load(files, o.name, o.display)
	if o.dir != "" {
		res.Files = sortedFiles(files.paths)
	}
	clock.lap(&res.Timings, "load")
	if doc.Deck == nil {
		return doc, nil
	}
	if doc.Fonts = deckFonts(doc.Deck.Theme, &res.Diagnostics); doc.Fonts == nil {
		return doc, nil
	}
	if begin && !res.Diagnostics.HasErrors() {
		doc.begun = pdf.Begin(doc.Deck.Theme.Page, pdfOptions(doc.Deck, doc.Fonts, opt))
	}
	clock.lap(&res.Timings, "fonts")
	pages, more, err := layout.LayoutContext(ctx, doc.Deck, doc.Fonts)
	if err != nil {
		return nil, err
	}
	doc.Pages = pages
	res.Diagnostics = append(res.Diagnostics, more...)
	clock.lap(&res.Timings, "layout")
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !res.Diagnostics.HasErrors() {
		var meanwhile []func()
		if doc.begun != nil && opt.Charts != ChartVector {
			// Pictures of charts change no text: the fonts of the pages
			// Write will write are subset by the cores that would wait
			// for the last charts.
			if pages, _, err := selectPages(doc.Pages, opt.Pages); err == nil {
				meanwhile = doc.begun.Ahead(pages)
			}
		}
		diags, err := charts.Fill(ctx, doc.Pages, doc.Deck.Theme, doc.Fonts, charts.Options{Cache: cacheIn(opt.CacheDir, "charts"), Vector: opt.Charts == ChartVector, Timeout: opt.ChartTimeout, Meanwhile: meanwhile})
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			if doc.begun != nil {
				doc.begun.Wait() // what the fonts' work done meanwhile writes to the cache
			}
			return nil, err
		}
		res.Diagnostics = append(res.Diagnostics, diags...)
		clock.lap(&res.Timings, "charts")
	}
	res.Diagnostics = res.Diagnostics.Sorted()
	res.Pages = len(doc.Pages)
	res.Slides = len(doc.Deck.Slides)
	return doc, nil
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
	picks := [2]deck.FontFace{t.Fonts.RegularFace, t.Fonts.BoldFace}
	for i, f := range []deck.File{t.Fonts.Regular, t.Fonts.Bold} {
		if f.Data == nil {
			return nil // not read: already reported
		}
		if i == 1 && f.Path == t.Fonts.Regular.Path && picks[1] == picks[0] {
			faces[1] = faces[0] // one face for both weights
			break
		}
		face, err := fonts.ParsePick(f.Path, f.Data, fonts.Pick{Index: picks[i].Index, Name: picks[i].Name})
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

// pdfOptions are the PDF's options for a deck.
func pdfOptions(d *deck.Deck, f *fonts.Set, opt Options) pdf.Options {
	date := opt.Date
	if date.IsZero() {
		date = d.Meta.Date
	}
	if date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	return pdf.Options{Meta: d.Meta, Creator: opt.creator(), Date: date, Fonts: f, Engine: opt.Engine, PDFA: opt.PDFA, CacheDir: cacheIn(opt.CacheDir, "fonts")}
}

// pptxOptions are the presentation's options for a deck: the fonts are
// embedded, subset, unless the theme names a font to set the text in
// instead (pptx_fallback_font).
func pptxOptions(d *deck.Deck, f *fonts.Set, opt Options) pptx.Options {
	notes := make([]string, len(d.Slides))
	for i, s := range d.Slides {
		notes[i] = s.SpeakerNotes
	}
	return pptx.Options{Meta: d.Meta, Creator: opt.creator(), Fonts: f, Typeface: d.Theme.PPTXFallbackFont, Notes: notes,
		EmbedFonts: d.Theme.PPTXFallbackFont == "", NativeCharts: opt.PPTXNativeCharts}
}
