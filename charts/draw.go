package charts

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
)

// Options says how pictures are drawn. The zero value draws at DPI with a
// time limit of Timeout.
type Options struct {
	DPI     float64       // dots per inch at the picture's size on the slide
	Timeout time.Duration // the longest one chart may take
	// Cache is a folder where pictures are kept by a hash of everything
	// they depend on, so that a chart whose data did not change is not
	// drawn again. Empty means no cache.
	Cache string
}

// DPI is the default resolution: crisp on screen and in print.
const DPI = 220

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

// Fill draws every chart on the pages, concurrently, and puts each PNG into
// its Image item. Problems are diagnostics at the chart's block.
func Fill(pages []layout.Page, theme deck.Theme, set *fonts.Set, opt Options) deck.Diagnostics {
	type job struct{ page, item int }
	var jobs []job
	for p := range pages {
		for i, it := range pages[p].Items {
			if im, ok := it.(layout.Image); ok && im.Chart != nil {
				jobs = append(jobs, job{p, i})
			}
		}
	}
	results := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			im := pages[j.page].Items[j.item].(layout.Image)
			dpi := opt.dpi()
			key := cacheKey(im.Chart, theme, set, toPixels(im.Rect.W, dpi), toPixels(im.Rect.H, dpi), dpi)
			if png, ok := cached(opt.Cache, key); ok {
				results[k] = png
				return
			}
			results[k], errs[k] = drawBounded(im.Chart, theme, set, im.Rect.W, im.Rect.H, opt)
			if errs[k] == nil {
				store(opt.Cache, key, results[k])
			}
		}()
	}
	wg.Wait()
	var diags deck.Diagnostics
	for k, j := range jobs {
		im := pages[j.page].Items[j.item].(layout.Image)
		if errs[k] != nil {
			diags.Errorf(im.Chart.Pos, "%v", errs[k])
			continue
		}
		im.Data = results[k]
		im.Name = fmt.Sprintf("chart-%x", sha256.Sum256(results[k]))[:22]
		pages[j.page].Items[j.item] = im
	}
	return diags
}

// drawBounded draws in a goroutine and gives up after the time limit.
func drawBounded(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h float64, opt Options) ([]byte, error) {
	type result struct {
		png []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("charts: go-chart failed: %v", r)}
			}
		}()
		png, err := Draw(c, theme, set, w, h, opt.dpi())
		done <- result{png, err}
	}()
	select {
	case r := <-done:
		return r.png, r.err
	case <-time.After(opt.timeout()):
		return nil, fmt.Errorf("charts: drawing chart %q took more than %v; check its data", c.ID, opt.timeout())
	}
}

// Draw draws c as a PNG of w×h points at dpi.
func Draw(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h, dpi float64) ([]byte, error) {
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return nil, fmt.Errorf("charts: chart %q has no data", c.ID)
	}
	ttf, err := truetypeFont(set.Regular)
	if err != nil {
		return nil, err
	}
	bold, err := truetypeFont(set.Bold)
	if err != nil {
		return nil, err
	}
	measure, err := chart.PNG(1, 1)
	if err != nil {
		return nil, err
	}
	measure.SetDPI(dpi)
	cv := canvas{chart: c, theme: theme, regular: ttf, bold: bold, scale: dpi / 72,
		width: toPixels(w, dpi), height: toPixels(h, dpi), dpi: dpi, measure: measure}
	var px pixels
	switch c.Kind {
	case deck.ChartPie, deck.ChartDonut:
		err = cv.pie().Render(chart.PNG, &px)
	default:
		err = cv.xy().Render(chart.PNG, &px)
	}
	if err == nil && px.img == nil {
		err = fmt.Errorf("no picture")
	}
	if err != nil {
		return nil, fmt.Errorf("charts: chart %q: %v", c.ID, err)
	}
	return encode(px.img)
}

// truetypeFont parses a face for go-chart's rasterizer once per face.
func truetypeFont(f *fonts.Face) (*truetype.Font, error) {
	once, _ := parsed.LoadOrStore(f, sync.OnceValues(func() (*truetype.Font, error) {
		t, err := truetype.Parse(f.Data())
		if err != nil {
			return nil, fmt.Errorf("charts: font %s: %v", f.Name(), err)
		}
		return t, nil
	}))
	return once.(func() (*truetype.Font, error))()
}

var parsed sync.Map // *fonts.Face -> func() (*truetype.Font, error)

// toPixels is a length in points as pixels at dpi.
func toPixels(pt, dpi float64) int { return int(pt*dpi/72 + 0.5) }
