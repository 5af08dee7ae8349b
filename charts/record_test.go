package charts

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// testRecorder is a recorder for a canvas at (100, 50) on the page, at 720
// dpi: ten pixels to the point.
func testRecorder(t *testing.T, set *fonts.Set) *recorder {
	t.Helper()
	r, err := newRecorder(set, layout.Point{X: 100, Y: 50}, 720, deck.Pos{File: "deck.yaml", Line: 7, Col: 9})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// dumpItems is the layout dump of items, without the page line.
func dumpItems(t *testing.T, items []layout.Item) string {
	t.Helper()
	var b bytes.Buffer
	if err := layout.Dump(&b, []layout.Page{{Items: items}}); err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(b.String(), "\n")
	return rest
}

var (
	red  = drawing.Color{R: 255, A: 255}
	blue = drawing.Color{B: 255, A: 255}
)

// TestRecorderMapsDrawingCallsToItems drives the recorder as go-chart does
// and compares the items it records, through the layout dump: pixels
// become points inside the canvas's place on the page, fills and strokes
// keep their colours, widths and closing.
func TestRecorderMapsDrawingCallsToItems(t *testing.T) {
	set := defaultFonts(t)
	regular, _ := truetypeFont(set.Regular)
	bold, _ := truetypeFont(set.Bold)
	for _, c := range []struct {
		name string
		draw func(r chart.Renderer)
		want string
	}{
		{"a closed fill is a filled closed path, in points from the canvas's corner", func(r chart.Renderer) {
			r.SetFillColor(red)
			r.MoveTo(0, 0)
			r.LineTo(100, 0)
			r.LineTo(100, 55)
			r.Close()
			r.Fill()
		}, "  path 100.00,50.00 110.00,50.00 110.00,55.50 none/0.00 fill=#FF0000 closed\n"},
		{"a stroke is an open path with its width in points", func(r chart.Renderer) {
			r.SetStrokeColor(blue)
			r.SetStrokeWidth(12)
			r.MoveTo(0, 100)
			r.LineTo(200, 100)
			r.LineTo(200, 300)
			r.Stroke()
		}, "  path 100.00,60.00 120.00,60.00 120.00,80.00 #0000FF/1.20\n"},
		{"a fill and stroke of one subpath is one path", func(r chart.Renderer) {
			r.SetFillColor(red)
			r.SetStrokeColor(blue)
			r.SetStrokeWidth(5)
			r.MoveTo(0, 0)
			r.LineTo(10, 0)
			r.LineTo(10, 10)
			r.Close()
			r.FillStroke()
		}, "  path 100.00,50.00 101.00,50.00 101.00,51.00 #0000FF/0.50 fill=#FF0000 closed\n"},
		{"a stroke without width or colour draws nothing, and the path starts again", func(r chart.Renderer) {
			r.SetFillColor(red)
			r.SetStrokeColor(blue)
			r.MoveTo(0, 0)
			r.LineTo(10, 0)
			r.Stroke()
			r.SetStrokeWidth(3)
			r.SetStrokeColor(drawing.ColorTransparent)
			r.LineTo(10, 10)
			r.Stroke()
		}, ""},
		{"a dashed stroke is a path a dash, from the first point", func(r chart.Renderer) {
			r.SetStrokeColor(blue)
			r.SetStrokeWidth(10)
			r.SetStrokeDashArray([]float64{30, 20})
			r.MoveTo(0, 0)
			r.LineTo(100, 0)
			r.Stroke()
		}, "  path 100.00,50.00 103.00,50.00 #0000FF/1.00\n  path 105.00,50.00 108.00,50.00 #0000FF/1.00\n"},
		{"every fill of a path comes before every stroke", func(r chart.Renderer) {
			r.SetFillColor(red)
			r.SetStrokeColor(blue)
			r.SetStrokeWidth(10)
			r.MoveTo(0, 0)
			r.LineTo(10, 0)
			r.LineTo(0, 10)
			r.MoveTo(50, 50) // a lone point draws nothing
			r.MoveTo(20, 0)
			r.LineTo(30, 0)
			r.LineTo(20, 10)
			r.Close()
			r.FillStroke()
		}, "  path 100.00,50.00 101.00,50.00 100.00,51.00 none/0.00 fill=#FF0000\n" +
			"  path 102.00,50.00 103.00,50.00 102.00,51.00 none/0.00 fill=#FF0000 closed\n" +
			"  path 100.00,50.00 101.00,50.00 100.00,51.00 #0000FF/1.00\n" +
			"  path 102.00,50.00 103.00,50.00 102.00,51.00 #0000FF/1.00 closed\n"},
		{"text is a run in the deck's face, at go-chart's size, on its baseline", func(r chart.Renderer) {
			r.SetDPI(720)
			r.SetFont(bold)
			r.SetFontSize(8) // go-chart draws 8 points as 9
			r.SetFontColor(red)
			r.Text("394亿元", 10, 200)
			r.SetFont(regular)
			r.SetFontColor(drawing.ColorTransparent)
			r.Text("not seen", 0, 0)
		}, "  text 101.00,70.00 NotoSansSC-Bold 9.00 #FF0000 sp=0.00 w=33.93 \"394亿元\"\n"},
		{"a reset keeps the font and the path, and forgets the rest", func(r chart.Renderer) {
			r.SetFont(regular)
			r.SetFontSize(8)
			r.SetFillColor(red)
			r.MoveTo(0, 0)
			r.LineTo(10, 0)
			r.LineTo(0, 10)
			r.ResetStyle()
			r.Fill()
			r.SetFontSize(8)
			r.SetFontColor(blue)
			r.Text("1", 0, 0)
		}, "  text 100.00,50.00 NotoSansSC-Regular 9.00 #0000FF sp=0.00 w=5.00 \"1\"\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := testRecorder(t, set)
			c.draw(r)
			if err := r.Save(nil); err != nil {
				t.Fatal(err)
			}
			if got := dumpItems(t, r.items); got != c.want {
				t.Errorf("items\n%swant\n%s", got, c.want)
			}
		})
	}
	t.Run("text runs name the chart as their source", func(t *testing.T) {
		r := testRecorder(t, set)
		r.SetFont(regular)
		r.SetFontSize(8)
		r.SetFontColor(red)
		r.Text("x", 0, 0)
		if run := r.items[0].(layout.TextRun); run.Src != r.src || run.Face != set.Regular {
			t.Errorf("source %v, face %s", run.Src, run.Face.Name())
		}
	})
}

// TestRecorderRefusesWhatItCannotDraw: text at an angle, a font that is
// not the deck's and translucent colours are errors that Save returns, so
// that go-chart's Render fails rather than draw a chart wrongly.
func TestRecorderRefusesWhatItCannotDraw(t *testing.T) {
	set := defaultFonts(t)
	regular, _ := truetypeFont(set.Regular)
	other, err := truetype.Parse(set.Regular.Data()) // the same bytes, another font
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		draw func(r chart.Renderer)
		want string
	}{
		{"rotated text", func(r chart.Renderer) {
			r.SetFont(regular)
			r.SetFontColor(red)
			r.SetTextRotation(math.Pi / 2)
			r.Text("2021", 0, 0)
		}, `charts: text "2021" is drawn at an angle, which vector charts cannot draw`},
		{"a font that is not the deck's", func(r chart.Renderer) {
			r.SetFont(other)
			r.SetFontColor(red)
			r.Text("2021", 0, 0)
		}, "charts: text in a font that is not one of the deck's"},
		{"a translucent fill", func(r chart.Renderer) {
			r.SetFillColor(drawing.Color{R: 10, A: 128})
			r.MoveTo(0, 0)
			r.LineTo(10, 0)
			r.LineTo(0, 10)
			r.Fill()
		}, "charts: colour rgba(10,0,0,0.5) is translucent, which vector charts cannot draw"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := testRecorder(t, set)
			c.draw(r)
			if err := r.Save(nil); err == nil || err.Error() != c.want {
				t.Errorf("err = %v, want %s", err, c.want)
			}
		})
	}
}

// TestRecorderMeasuresTextAsItDrawsIt: the width is the advance of the
// run the recorder draws, by the deck's face; the height is the ink's, as
// go-chart's raster renderer measures it.
func TestRecorderMeasuresTextAsItDrawsIt(t *testing.T) {
	set := defaultFonts(t)
	regular, _ := truetypeFont(set.Regular)
	r := testRecorder(t, set)
	r.SetDPI(720)
	r.SetFont(regular)
	r.SetFontSize(8)
	for _, s := range []string{"394", "金融 30.2%", "（万亿元）"} {
		box := r.MeasureText(s)
		if want := set.Regular.Width(s, 9) * 10; math.Abs(float64(box.Width())-want) > 1 {
			t.Errorf("%q is %d px wide, want %.1f", s, box.Width(), want)
		}
		raster, _ := chart.PNG(1, 1)
		raster.SetDPI(720)
		raster.SetFont(regular)
		raster.SetFontSize(8)
		if want := raster.MeasureText(s).Height(); abs(box.Height()-want) > 1 {
			t.Errorf("%q is %d px high, want %d", s, box.Height(), want)
		}
	}
}

func abs(i int) int { return max(i, -i) }

// TestCurvesAreFlattenedWithinTheTolerance checks the polylines that stand
// for circles, arcs and curves against the true curves, at sizes from a
// legend's dot to a pie.
func TestCurvesAreFlattenedWithinTheTolerance(t *testing.T) {
	set := defaultFonts(t)
	for _, radius := range []float64{0.5, 2.4, 12, 150} {
		px := radius * 10 // at 720 dpi
		r := testRecorder(t, set)
		r.SetFillColor(red)
		r.Circle(px, 500, 500)
		r.Fill()
		r.MoveTo(500, 500)
		r.ArcTo(500, 500, px, px, 0.3, 2.1)
		r.Fill()
		center := layout.Point{X: 150, Y: 100}
		for k, it := range r.items {
			pts := it.(layout.Path).Points
			if k == 1 {
				// The wedge starts at the centre; the arc at the angle 0.3,
				// clockwise, 2.1 round.
				start, end := pts[1], pts[len(pts)-1]
				if math.Abs(start.X-(150+radius*math.Cos(0.3))) > 1e-9 || math.Abs(end.Y-(100+radius*math.Sin(2.4))) > 1e-9 {
					t.Errorf("r=%g: the arc runs from %v to %v", radius, start, end)
				}
				pts = pts[1:]
			}
			for i := range pts {
				a, b := pts[i], pts[(i+1)%len(pts)]
				if k == 1 && i == len(pts)-1 {
					break
				}
				on := math.Hypot(a.X-center.X, a.Y-center.Y)
				mid := math.Hypot((a.X+b.X)/2-center.X, (a.Y+b.Y)/2-center.Y)
				if math.Abs(on-radius) > 1e-9 || radius-mid > flatTolerance+1e-9 {
					t.Fatalf("r=%g: a chord strays %.4f pt from the curve", radius, radius-mid)
				}
			}
		}
	}
	t.Run("a quadratic curve", func(t *testing.T) {
		a, b, c := layout.Point{X: 0, Y: 0}, layout.Point{X: 50, Y: 80}, layout.Point{X: 100, Y: 0}
		pts := append([]layout.Point{a}, quad(a, b, c, flatTolerance)...)
		if pts[len(pts)-1] != c {
			t.Errorf("the curve ends at %v", pts[len(pts)-1])
		}
		// Sample the curve finely and measure each sample's distance to
		// the polyline.
		for i := 0; i <= 1000; i++ {
			u := float64(i) / 1000
			p := layout.Point{X: 2*u*(1-u)*b.X + u*u*c.X, Y: 2 * u * (1 - u) * b.Y}
			best := math.Inf(1)
			for j := 1; j < len(pts); j++ {
				best = min(best, segmentDistance(p, pts[j-1], pts[j]))
			}
			if best > flatTolerance+1e-6 {
				t.Fatalf("at t=%.3f the polyline is %.4f from the curve", u, best)
			}
		}
	})
}

func segmentDistance(p, a, b layout.Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}

func TestDashesFollowThePatternAcrossCorners(t *testing.T) {
	pts := []layout.Point{{X: 0, Y: 0}, {X: 4, Y: 0}, {X: 4, Y: 6}}
	got := dashes(pts, []float64{3, 2})
	want := [][]layout.Point{
		{{X: 0, Y: 0}, {X: 3, Y: 0}},
		{{X: 4, Y: 1}, {X: 4, Y: 4}}, // and a gap to the end
	}
	if len(got) != len(want) {
		t.Fatalf("dashes %v, want %v", got, want)
	}
	for i := range want {
		for j := range want[i] {
			if len(got[i]) != len(want[i]) || math.Hypot(got[i][j].X-want[i][j].X, got[i][j].Y-want[i][j].Y) > 1e-9 {
				t.Fatalf("dash %d is %v, want %v", i, got[i], want[i])
			}
		}
	}
	if got := dashes(pts, []float64{0, 0}); len(got) != 1 || len(got[0]) != 3 {
		t.Errorf("an empty pattern gives %v, want the line whole", got)
	}
}
