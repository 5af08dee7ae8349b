package charts

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
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
				if err != nil || !px.drawn() {
					t.Fatal(err)
				}
				return px.rgba()
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
			samePixels(t, got, slow)
		})
	}
}

// samePixels fails t unless got has go-chart's picture's bytes, want.
func samePixels(t *testing.T, got, want *image.RGBA) {
	t.Helper()
	if bytes.Equal(got.Pix, want.Pix) {
		return
	}
	n := 0
	for i := range got.Pix {
		if got.Pix[i] != want.Pix[i] {
			n++
		}
	}
	t.Errorf("%d of %d bytes differ from go-chart's picture", n, len(got.Pix))
}

// counting counts the fills quickRaster paints itself.
type counting struct {
	*quickRaster
	n *int
}

func (c counting) Fill() {
	if _, ok := c.quickFill(); ok {
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
		{[]pathOp{m(1, 2), l(5, 2), l(5, 9), l(1, 9)}, image.Rectangle{}, false}, // open
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

// TestQuickRasterPaintsARectangleOnce: a rectangle of the colour of the
// rectangle painted last, inside it, is not painted again; once go-chart
// has painted anything over it, it is. A pixel changed behind the
// renderer's back shows which: it stays when the fill is left out.
func TestQuickRasterPaintsARectangleOnce(t *testing.T) {
	white, blue := drawing.Color{R: 255, G: 255, B: 255, A: 255}, drawing.Color{B: 255, A: 255}
	rect := func(q *quickRaster, c drawing.Color, r image.Rectangle) {
		q.SetFillColor(c)
		q.MoveTo(r.Min.X, r.Min.Y)
		q.LineTo(r.Max.X, r.Min.Y)
		q.LineTo(r.Max.X, r.Max.Y)
		q.LineTo(r.Min.X, r.Max.Y)
		q.Close()
		q.Fill()
	}
	mark := color.RGBA{R: 1, G: 2, B: 3, A: 255}
	for _, c := range []struct {
		name    string
		between func(q *quickRaster)
		color   drawing.Color
		inner   image.Rectangle
		painted bool
	}{
		{"same colour inside", func(*quickRaster) {}, white, image.Rect(10, 10, 50, 40), false},
		{"same colour reaching out", func(*quickRaster) {}, white, image.Rect(10, 10, 70, 40), true},
		{"same colour, clipped to the canvas", func(*quickRaster) {}, white, image.Rect(10, 10, 50, 90), false},
		{"another colour", func(*quickRaster) {}, blue, image.Rect(10, 10, 50, 40), true},
		{"after a stroke", func(q *quickRaster) {
			q.SetStrokeColor(blue)
			q.SetStrokeWidth(1)
			q.MoveTo(70, 5)
			q.LineTo(75, 5)
			q.Stroke()
		}, white, image.Rect(10, 10, 50, 40), true},
		{"after text", func(q *quickRaster) { q.SetFontColor(blue); q.Text("x", 70, 20) }, white, image.Rect(10, 10, 50, 40), true},
		{"inside a stroked rectangle", strokedSquare(5), white, image.Rect(10, 10, 50, 40), false},
		{"inside one stroked with a width below 0", strokedSquare(-5), white, image.Rect(10, 10, 50, 40), true},
		{"over the stroke of one", strokedSquare(5), white, image.Rect(3, 10, 50, 40), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := quickPNG(80, 60)
			if err != nil {
				t.Fatal(err)
			}
			q := r.(*quickRaster)
			font, err := truetypeFont(defaultFonts(t).Regular)
			if err != nil {
				t.Fatal(err)
			}
			q.SetFont(font)
			q.SetFontSize(12)
			rect(q, white, image.Rect(0, 0, 60, 60))
			c.between(q)
			q.img.Set(20, 20, mark)
			rect(q, c.color, c.inner)
			if painted := q.img.At(20, 20) != color.Color(mark); painted != c.painted {
				t.Errorf("the inner rectangle painted: %v, want %v", painted, c.painted)
			}
		})
	}
}

// strokedSquare fills and strokes, in one, a white square whose edges are
// at 0 and 60, with a blue line w wide.
func strokedSquare(w float64) func(q *quickRaster) {
	return func(q *quickRaster) {
		q.SetFillColor(drawing.Color{R: 255, G: 255, B: 255, A: 255})
		q.SetStrokeColor(drawing.Color{B: 255, A: 255})
		q.SetStrokeWidth(w)
		q.MoveTo(0, 0)
		q.LineTo(60, 0)
		q.LineTo(60, 60)
		q.LineTo(0, 60)
		q.Close()
		q.FillStroke()
	}
}

// TestCanvasOfManyColoursPaintsWhatGoChartPaints: a picture of more
// colours than the canvas has ids goes on as an image.RGBA, whether the
// ids run out in a rectangle's fill or in the middle of a translucent
// path's spans, and comes out as go-chart paints it, pixel for pixel.
func TestCanvasOfManyColoursPaintsWhatGoChartPaints(t *testing.T) {
	const w, h = 300, 240
	square := func(r chart.Renderer, x0, y0, x1, y1 int) {
		r.MoveTo(x0, y0)
		r.LineTo(x1, y0)
		r.LineTo(x1, y1)
		r.LineTo(x0, y1)
		r.Close()
	}
	pixelsOf := func(r chart.Renderer) *image.RGBA {
		var px pixels
		if err := r.Save(&px); err != nil || !px.drawn() {
			t.Fatal(err)
		}
		return px.rgba()
	}
	for _, c := range []struct {
		name    string
		squares int // 1×1 squares of colours of their own, row by row
		outgrow bool
	}{
		{"the ids run out in a fill", w * h, true},
		{"the ids run out in a path's spans", 65000, true},
		{"they do not", 1000, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			draw := func(r chart.Renderer) *image.RGBA {
				for i := range c.squares {
					x, y := i%w, i/w
					r.SetFillColor(drawing.Color{R: uint8(i), G: uint8(i >> 8), B: uint8(i >> 16), A: 255})
					square(r, x, y, x+1, y+1)
					r.Fill()
				}
				r.SetFillColor(drawing.Color{R: 200, G: 30, B: 90, A: 120})
				r.Circle(110, 150, 120)
				r.Fill()
				r.SetStrokeColor(drawing.Color{G: 90, B: 200, A: 200})
				r.SetStrokeWidth(3.5)
				r.MoveTo(5, 230)
				r.LineTo(295, 10)
				r.Stroke()
				return pixelsOf(r)
			}
			theirs, err := chart.PNG(w, h)
			if err != nil {
				t.Fatal(err)
			}
			ours, err := quickPNG(w, h)
			if err != nil {
				t.Fatal(err)
			}
			want, got := draw(theirs), draw(ours)
			if outgrew := ours.(*quickRaster).img.rgba != nil; outgrew != c.outgrow {
				t.Errorf("the canvas went on as an image.RGBA: %v, want %v", outgrew, c.outgrow)
			}
			samePixels(t, got, want)
		})
	}
}
