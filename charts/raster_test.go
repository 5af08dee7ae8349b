package charts

import (
	"bytes"
	"image"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
)

// TestQuickRasterPaintsWhatGoChartPaints draws every kind of chart with
// go-chart's raster renderer and with quickPNG: the pixels must be the
// same, byte for byte, and the short way must have been taken.
func TestQuickRasterPaintsWhatGoChartPaints(t *testing.T) {
	cs, theme := reportCharts(t)
	for name, c := range map[string]*deck.Chart{
		"stacked with line": cs["digital-economy"],
		"hbar":              cs["industry-internet-index"],
		"forecast":          cs["market-size"],
		"grouped bars":      sample(deck.ChartBar, 2),
		"lines":             sample(deck.ChartLine, 2),
		"pie":               sample(deck.ChartPie, 1),
		"donut":             sample(deck.ChartDonut, 1),
	} {
		t.Run(name, func(t *testing.T) {
			cv := testCanvas(t, c, theme, 400, 250)
			draw := func(rp chart.RendererProvider) *image.RGBA {
				var px pixels
				var err error
				if c.Kind == deck.ChartPie || c.Kind == deck.ChartDonut {
					err = cv.pie().Render(rp, &px)
				} else {
					err = cv.xy().Render(rp, &px)
				}
				if err != nil || px.img == nil {
					t.Fatal(err)
				}
				return px.img
			}
			quick, quickFills := 0, 0
			slow := draw(chart.PNG)
			got := draw(func(w, h int) (chart.Renderer, error) {
				r, err := quickPNG(w, h)
				quick++
				return counting{r.(*quickRaster), &quickFills}, err
			})
			if quick == 0 || quickFills == 0 {
				t.Fatalf("quickPNG used %d times, %d quick fills", quick, quickFills)
			}
			if !bytes.Equal(got.Pix, slow.Pix) {
				n := 0
				for i := range got.Pix {
					if got.Pix[i] != slow.Pix[i] {
						n++
					}
				}
				t.Errorf("%d of %d bytes differ from go-chart's picture", n, len(got.Pix))
			}
		})
	}
}

// counting counts the fills quickRaster paints itself.
type counting struct {
	*quickRaster
	n *int
}

func (c counting) Fill() {
	if c.quickFill() {
		*c.n++
		return
	}
	c.quickRaster.Fill()
}

func (c counting) FillStroke() {
	held := c.held
	if r, ok := rectangle(held); ok && !c.forwarded && !c.rotated && c.fill.A == 255 && !r.Empty() {
		*c.n++
	}
	c.quickRaster.FillStroke()
}

func TestRectangleKnowsUprightRectangles(t *testing.T) {
	m, l, z := func(x, y int) pathOp { return pathOp{'M', x, y} }, func(x, y int) pathOp { return pathOp{'L', x, y} }, pathOp{kind: 'Z'}
	for _, c := range []struct {
		ops  []pathOp
		want image.Rectangle
		ok   bool
	}{
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9), l(1, 9), l(1, 2)}, image.Rect(1, 2, 5, 9), true},
		{[]pathOp{m(5, 9), l(5, 2), l(1, 2), l(1, 9), z}, image.Rect(1, 2, 5, 9), true},
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9), l(1, 9)}, image.Rect(1, 2, 5, 9), true},
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9), l(1, 9), l(1, 2), z}, image.Rect(1, 2, 5, 9), true},
		{[]pathOp{m(1, 2), l(5, 2), l(6, 9), l(1, 9)}, image.Rectangle{}, false}, // slanted
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9), l(1, 9), l(1, 3)}, image.Rectangle{}, false},
		{[]pathOp{m(1, 2), l(5, 2), l(5, 2), l(1, 9)}, image.Rectangle{}, false}, // an empty side
		{[]pathOp{m(1, 2), l(5, 2), l(9, 2), l(1, 2)}, image.Rectangle{}, false}, // a line
		{[]pathOp{m(1, 2), l(5, 2), m(5, 9), l(1, 9)}, image.Rectangle{}, false}, // two subpaths
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9)}, image.Rectangle{}, false},
	} {
		got, ok := rectangle(c.ops)
		if got != c.want || ok != c.ok {
			t.Errorf("rectangle(%v) = %v, %v; want %v, %v", c.ops, got, ok, c.want, c.ok)
		}
	}
}
