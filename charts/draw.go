package charts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"image"
	_ "image/jpeg" // the widths of JPEG pictures on the slides
	"io"
	"math"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/numfmt"
	"github.com/deckpdf/deck/fonts"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
)

// Options says how charts are drawn. The zero value draws pictures at DPI
// with a time limit of Timeout.
type Options struct {
	DPI     float64       // dots per inch at the picture's size on the slide
	Timeout time.Duration // the longest one chart may take
	// Cache is a folder where pictures are kept by a hash of everything
	// they depend on, so that a chart whose data did not change is not
	// drawn again. Empty means no cache.
	Cache string
	// Vector draws every chart as paths and text runs on its page instead
	// of a picture: sharp at any zoom, its text the deck's own, selectable
	// and searchable. DPI and Cache apply to pictures only.
	Vector bool
	// Meanwhile is other work of the caller's, which the cores drawing
	// the charts take up once no chart is left to start, rather than
	// wait for the last ones: a render subsets its fonts meanwhile. Work
	// not begun when Fill returns (there was no chart, or ctx is done) is
	// left to the caller.
	Meanwhile []func()
}

// DPI is the default resolution at a picture's size on the slide: crisp
// on screen and in print, and no more pixels than that needs.
const DPI = 200

// Timeout is the default time limit for one chart. go-chart's rasterizer
// has been seen to spin on degenerate ranges; the limit turns that into an
// error instead of a hung render.
const Timeout = 10 * time.Second

func (o Options) dpi() float64 {
	if o.DPI > 0 {
		return o.DPI
	}
	return DPI
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return Timeout
}

// Fill draws every chart on the pages, concurrently. By default it puts
// each chart's PNG into its Image item; with opt.Vector it replaces the
// Image item by the chart's drawing (see Options.Vector) and leaves out
// the hidden text the layout set over the picture, since the drawing has
// the text. Problems are diagnostics at the chart's block.
//
// When ctx is done, no chart starts drawing, the charts being drawn stop
// at their next call to a renderer, and Fill returns ctx.Err(); the pages
// are then left as they were.
func Fill(ctx context.Context, pages []layout.Page, theme deck.Theme, set *fonts.Set, opt Options) (deck.Diagnostics, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	jobs := chartJobs(pages)
	if opt.Vector {
		return fillVector(ctx, pages, jobs, theme, set, opt)
	}
	dpis := resolutions(pages, jobs, theme, set, opt.dpi())
	canvas := new(canvases)
	defer canvas.close()
	pics, errs := each(ctx, pages, jobs, opt.Meanwhile, func(k int, im layout.Image) (picture, error) {
		dpi := dpis[k]
		key := cacheKey(im.Chart, theme, set, toPixels(im.Rect.W, dpi), toPixels(im.Rect.H, dpi), dpi)
		if png, ok := cached(opt.Cache, key); ok {
			return picture{png: png}, nil
		}
		pic, err := drawBounded(ctx, im.Chart, theme, set, im.Rect.W, im.Rect.H, dpi, opt.timeout(), canvas)
		// A picture that left something out is drawn again next time,
		// so that its warning is given again.
		if err == nil && pic.short.empty() {
			store(opt.Cache, key, pic.png)
		}
		return pic, err
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var diags deck.Diagnostics
	for k, j := range jobs {
		im := j.image(pages)
		if errs[k] != nil {
			diags.Errorf(im.Chart.Pos, "%v", errs[k])
			continue
		}
		pics[k].short.warn(&diags, im.Chart, "the picture")
		im.Data = pics[k].png
		im.Name = fmt.Sprintf("chart-%x", sha256.Sum256(im.Data))[:22]
		pages[j.page].Items[j.item] = im
	}
	return diags, nil
}

// A picture is a chart's PNG and what there was no room for in it.
type picture struct {
	png   []byte
	short shortfall
}

// resolutions gives every chart picture its own width in pixels, at dpi
// or a little finer: the PDF writer orders pictures by width alone, and
// two of one width could trade places from one run to the next. The k-th
// chart of a size that is taken is drawn that many pixels wider, and as
// much taller as keeps its shape, so it still fills its place exactly.
// Charts that are the same picture keep one width, so they stay one
// picture in the PDF.
func resolutions(pages []layout.Page, jobs []job, theme deck.Theme, set *fonts.Set, dpi float64) []float64 {
	taken := map[int]bool{}
	for _, p := range pages {
		for _, it := range p.Items {
			if im, ok := it.(layout.Image); ok && im.Chart == nil {
				if cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Data)); err == nil {
					taken[cfg.Width] = true
				}
			}
		}
	}
	same := map[string]float64{}
	dpis := make([]float64, len(jobs))
	for k, j := range jobs {
		im := j.image(pages)
		w0 := toPixels(im.Rect.W, dpi)
		key := cacheKey(im.Chart, theme, set, w0, toPixels(im.Rect.H, dpi), dpi)
		if d, ok := same[key]; ok {
			dpis[k] = d
			continue
		}
		w := w0
		for taken[w] {
			w++
		}
		taken[w] = true
		dpis[k] = dpi
		if w != w0 {
			dpis[k] = float64(w) * 72 / im.Rect.W
		}
		same[key] = dpis[k]
	}
	return dpis
}

// drawBounded draws a picture on a canvas of cs within the time limit, or
// until ctx is done.
func drawBounded(ctx context.Context, c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h, dpi float64, limit time.Duration, cs *canvases) (picture, error) {
	return bounded(ctx, c, limit, func(stop *halt) (picture, error) { return drawPicture(c, theme, set, w, h, dpi, stop, cs) })
}

// Draw draws c as a PNG of w×h points at dpi.
func Draw(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h, dpi float64) ([]byte, error) {
	pic, err := drawPicture(c, theme, set, w, h, dpi, nil, nil)
	return pic.png, err
}

// drawPicture draws c as a PNG of w×h points at dpi, on a canvas of cs
// (nil: a new one), and says what there was no room for. It stops when
// stop says so (see halt); a drawing stopped keeps its canvas.
func drawPicture(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h, dpi float64, stop *halt, cs *canvases) (picture, error) {
	measure, err := chart.PNG(1, 1)
	if err != nil {
		return picture{}, err
	}
	measure.SetDPI(dpi)
	// The canvas is given back once the PNG is made, or the drawing
	// stopped or failed: nothing draws on it then.
	d := &chartCanvas{cs: cs}
	defer d.done()
	var px pixels
	short, err := render(c, theme, set, w, h, dpi, stop.renderer(measure), stop.provider(d.provider()), &px)
	if err != nil {
		return picture{}, err
	}
	if !px.drawn() {
		return picture{}, fmt.Errorf("charts: chart %s: no picture", c.Name())
	}
	stop.check()
	png, err := encode(&px)
	return picture{png, short}, err
}

// render draws c with go-chart on a canvas of w×h points at dpi, through
// the renderer that rp makes, which saves to out; measure is a scratch
// renderer that measures text as that renderer draws it. It returns what
// there was no room to draw.
func render(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h, dpi float64, measure chart.Renderer, rp chart.RendererProvider, out io.Writer) (shortfall, error) {
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return shortfall{}, fmt.Errorf("charts: chart %s has no data", c.Name())
	}
	ttf, err := truetypeFont(set.Regular)
	if err != nil {
		return shortfall{}, err
	}
	bold, err := truetypeFont(set.Bold)
	if err != nil {
		return shortfall{}, err
	}
	var nf, lf *numfmt.Format
	for _, f := range []struct {
		code string
		to   **numfmt.Format
	}{{c.Format, &nf}, {c.LineFormat, &lf}} {
		if f.code != "" {
			if *f.to, err = numfmt.Parse(f.code); err != nil {
				return shortfall{}, fmt.Errorf("charts: chart %s: %v", c.Name(), err)
			}
		}
	}
	var short shortfall
	cv := canvas{chart: c, theme: theme, regular: ttf, bold: bold, scale: dpi / 72,
		width: toPixels(w, dpi), height: toPixels(h, dpi), dpi: dpi, measure: measure,
		format: nf, divide: c.Scale, lineFormat: lf, short: &short}
	switch c.Kind {
	case deck.ChartPie, deck.ChartDonut:
		err = cv.pie().Render(rp, out)
	default:
		err = cv.xy().Render(rp, out)
	}
	if err != nil {
		return shortfall{}, fmt.Errorf("charts: chart %s: %v", c.Name(), err)
	}
	return short, nil
}

// truetypeFont parses a face for go-chart's rasterizer once per face; the
// parse is kept on the face and freed with it.
func truetypeFont(f *fonts.Face) (*truetype.Font, error) {
	p := fonts.Memo(f, parsedKey{}, func() parsedFont {
		t, err := truetype.Parse(f.Data())
		if err != nil {
			return parsedFont{err: fmt.Errorf("charts: font %s: %v", f.Name(), err)}
		}
		return parsedFont{font: t}
	})
	return p.font, p.err
}

// parsedKey is the key of a face's parse by go-chart's font library.
type parsedKey struct{}

// A parsedFont is a face as go-chart's font library parsed it, or why it
// could not.
type parsedFont struct {
	font *truetype.Font
	err  error
}

// toPixels is a length in points as pixels at dpi.
func toPixels(pt, dpi float64) int { return int(math.Ceil(pt*dpi/72 - 1e-9)) }
