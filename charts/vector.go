package charts

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/wcharczuk/go-chart/v2"
)

// vectorDPI is the resolution of the canvas a vector chart is drawn on.
// go-chart places everything on whole pixels: at 720 dpi a pixel is a
// tenth of a point, too small to see.
const vectorDPI = 720

// drawVector draws c as layout items inside the rectangle r of its page:
// go-chart draws into a recorder instead of a picture.
func drawVector(c *deck.Chart, theme deck.Theme, set *fonts.Set, r layout.Rect) ([]layout.Item, error) {
	d, err := drawVectorShort(c, theme, set, r, nil)
	return d.items, err
}

// A vectorDrawing is a chart's items and what there was no room for in it.
type vectorDrawing struct {
	items []layout.Item
	short shortfall
}

// drawVectorShort draws c as drawVector does, and says what there was no
// room for. It stops when stop says so (see halt).
func drawVectorShort(c *deck.Chart, theme deck.Theme, set *fonts.Set, r layout.Rect, stop *halt) (vectorDrawing, error) {
	rec, err := newRecorder(set, layout.Point{X: r.X, Y: r.Y}, vectorDPI, c.Pos)
	if err != nil {
		return vectorDrawing{}, err
	}
	// Text is measured as the recorder draws it, by the deck's faces.
	measure, err := newRecorder(set, layout.Point{}, vectorDPI, c.Pos)
	if err != nil {
		return vectorDrawing{}, err
	}
	provide := func(w, h int) (chart.Renderer, error) {
		rec.fit(r, w, h)
		return rec, nil
	}
	short, err := render(c, theme, set, r.W, r.H, vectorDPI, stop.renderer(measure), stop.provider(provide), io.Discard)
	if err != nil {
		return vectorDrawing{}, err
	}
	return vectorDrawing{rec.items, short}, nil
}

// fillVector draws the charts of the jobs as items and puts them on their
// pages in place of their Image items. When ctx is done, it returns
// ctx.Err() and leaves the pages as they were.
func fillVector(ctx context.Context, pages []layout.Page, jobs []job, theme deck.Theme, set *fonts.Set, opt Options) (deck.Diagnostics, error) {
	drawn, errs := each(ctx, pages, jobs, opt.Meanwhile, func(_ int, im layout.Image) (vectorDrawing, error) {
		return bounded(ctx, im.Chart, opt.timeout(), func(stop *halt) (vectorDrawing, error) {
			return drawVectorShort(im.Chart, theme, set, im.Rect, stop)
		})
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var diags deck.Diagnostics
	byPage := map[int]map[int]vectorDrawing{}
	for k, j := range jobs {
		im := j.image(pages)
		if errs[k] != nil {
			diags.Errorf(im.Chart.Pos, "%v", errs[k])
			continue
		}
		if out := overflow(drawn[k].items, im.Rect); out > maxOverflow {
			diags.Warnf(im.Chart.Pos, "charts: chart %s reaches %.1f pt beyond its place on the slide, over what is next to it; give it more room or shorter labels", im.Chart.Name(), out)
		}
		drawn[k].short.warn(&diags, im.Chart, "the drawing")
		if byPage[j.page] == nil {
			byPage[j.page] = map[int]vectorDrawing{}
		}
		byPage[j.page][j.item] = drawn[k]
	}
	for p, d := range byPage {
		pages[p].Items = replaceCharts(pages[p].Items, d)
	}
	return diags, nil
}

// maxOverflow is how far, in points, a vector chart may reach beyond its
// rectangle unremarked. A picture cuts off what goes beyond it; a drawing
// does not.
const maxOverflow = 0.5

// overflow returns how far the items reach beyond r, strokes included.
func overflow(items []layout.Item, r layout.Rect) float64 {
	out := 0.0
	for _, it := range items {
		b := it.Bounds()
		if p, ok := it.(layout.Path); ok && p.Stroke.A != 0 {
			b = layout.Rect{X: b.X - p.Width/2, Y: b.Y - p.Width/2, W: b.W + p.Width, H: b.H + p.Width}
		}
		out = max(out, r.X-b.X, r.Y-b.Y, b.X+b.W-(r.X+r.W), b.Y+b.H-(r.Y+r.H))
	}
	return out
}

// replaceCharts returns the items with the chart Image at each index of
// drawn replaced by the chart's drawing, and without the hidden text the
// layout set over those charts, since the drawing has the text, visible:
// all but the hidden text that holds a value the drawing had no room for,
// so that the figure is still in the PDF, to be found and copied.
func replaceCharts(items []layout.Item, drawn map[int]vectorDrawing) []layout.Item {
	charts := map[deck.Pos][]string{} // the values each chart left out
	n := len(items)
	for i, d := range drawn {
		pos := items[i].(layout.Image).Chart.Pos
		charts[pos] = append(charts[pos], d.short.values...)
		n += len(d.items) - 1
	}
	out := make([]layout.Item, 0, n)
	for i, it := range items {
		if d, ok := drawn[i]; ok {
			out = append(out, d.items...)
			continue
		}
		if t, ok := it.(layout.TextRun); ok && t.Hidden {
			if lost, ok := charts[t.Src]; ok && !holdsAny(t.Text, lost) {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// holdsAny reports whether the hidden text s, values separated by
// spaces, holds one of the values.
func holdsAny(s string, values []string) bool {
	return slices.ContainsFunc(values, func(v string) bool {
		return strings.Contains(" "+s+" ", " "+v+" ")
	})
}
