package render

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/deckpdf/deck/deck/pdf"
)

// Version is deck's release, written into every PDF as its creator; set
// at build time with -ldflags "-X github.com/deckpdf/deck/deck/render.Version=v1.2.3".
var Version = "v0.1.0-dev"

// Options are how a deck is rendered. The zero Options render as `deck
// render` does, without a chart cache.
type Options struct {
	// Format is the file written: a PDF (the zero value) or a PowerPoint
	// presentation.
	Format Format
	// Engine is the PDF library: fpdf (the zero value) or gopdf.
	Engine pdf.Engine
	// PDFA writes PDF/A-2b (ISO 19005-2, level B) for archiving; only
	// the fpdf engine writes it (see deck/pdf).
	PDFA bool
	// Charts is how charts are drawn: pictures (the zero value) or vectors.
	Charts ChartMode
	// PPTXNativeCharts writes a presentation's bar and line charts as
	// PowerPoint charts with their data in a workbook, not as pictures
	// (see deck/pptx's Options.NativeCharts).
	PPTXNativeCharts bool
	// Date is the PDF's creation and modification date. The zero value
	// takes the deck's date, else 1970-01-01: never the clock, so that a
	// render is reproducible.
	Date time.Time
	// Creator is the program the PDF names; "" is "deck " + Version.
	Creator string
	// ChartTimeout is the longest one chart may take to draw before it is
	// an error (a chart whose data makes go-chart spin); zero is 10 s. A
	// service that renders many decks at once on few cores may want more.
	ChartTimeout time.Duration
	// CacheDir is a folder where what a render makes is kept for the
	// next one: chart pictures, in its folder charts, reused when nothing
	// they show has changed, and each face's last font program, in its
	// folder fonts, reused when the deck draws the same characters. ""
	// keeps none. The output is the same either way.
	CacheDir string
	// Previous are the Fingerprints of an earlier render of the deck, to
	// find the slides that changed since (Result.Changed); nil for none.
	Previous []string
	// Pages are the pages to write, in every format; nil writes them all.
	Pages PageSet
}

// creator is the PDF's creator.
func (o Options) creator() string {
	if o.Creator == "" {
		return "deck " + Version
	}
	return o.Creator
}

// A ChartMode is how charts are drawn.
type ChartMode int

const (
	// ChartPNG draws each chart as a picture at 200 dpi of its placed size.
	ChartPNG ChartMode = iota
	// ChartVector draws each chart as paths and selectable text.
	ChartVector
)

// String names the mode as the --charts flag does: png or vector.
func (m ChartMode) String() string {
	if m == ChartVector {
		return "vector"
	}
	return "png"
}

// ParseChartMode reads a mode's name: png or vector.
func ParseChartMode(s string) (ChartMode, error) {
	switch s {
	case "png":
		return ChartPNG, nil
	case "vector":
		return ChartVector, nil
	}
	return ChartPNG, fmt.Errorf("charts %q is not png or vector", s)
}

// cacheIn returns the folder of the cache dir where one kind of thing is
// kept, or "" when there is no cache.
func cacheIn(dir, kind string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, kind)
}
