package charts

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// pieOf returns a pie or donut chart of the categories and values, each
// value labelled as written.
func pieOf(kind deck.ChartKind, cats []string, values ...float64) *deck.Chart {
	c := &deck.Chart{ID: kind.String(), Kind: kind, Categories: cats, Series: []deck.Series{{Name: "占比"}}}
	for _, v := range values {
		c.Series[0].Values = append(c.Series[0].Values, v)
		c.Series[0].Labels = append(c.Series[0].Labels, strconv.FormatFloat(v, 'f', -1, 64))
	}
	return c
}

// sliceLabels returns the labels of a pie's slices: each category and
// its value, for the values above zero.
func sliceLabels(c *deck.Chart) []string {
	var out []string
	for i, cat := range c.Categories {
		if c.Series[0].Values[i] > 0 {
			out = append(out, cat+" "+c.Series[0].Labels[i])
		}
	}
	return out
}

// luminance is how light a colour looks, from 0 to 255.
func luminance(c deck.Color) float64 {
	return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
}

// inside reports whether p is inside the polygon of the points.
func inside(p layout.Point, poly []layout.Point) bool {
	in := false
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < a.X+(p.Y-a.Y)*(b.X-a.X)/(b.Y-a.Y) {
			in = !in
		}
	}
	return in
}

// under returns the fill of the topmost filled path under p.
func under(items []layout.Item, p layout.Point) (deck.Color, bool) {
	var fill deck.Color
	found := false
	for _, it := range items {
		if path, ok := it.(layout.Path); ok && path.Fill.A != 0 && inside(p, path.Points) {
			fill, found = path.Fill, true
		}
	}
	return fill, found
}

// samples returns a grid of points over r, kept off its edges by in.
func samples(r layout.Rect, in float64) []layout.Point {
	var out []layout.Point
	const nx, ny = 12, 4
	for i := range nx + 1 {
		for j := range ny + 1 {
			out = append(out, layout.Point{
				X: r.X + in + (r.W-2*in)*float64(i)/nx,
				Y: r.Y + in + (r.H-2*in)*float64(j)/ny,
			})
		}
	}
	return out
}

// overlap returns how far two rectangles overlap across and down; both
// positive means they do.
func overlap(a, b layout.Rect) (float64, float64) {
	return math.Min(a.X+a.W, b.X+b.W) - math.Max(a.X, b.X), math.Min(a.Y+a.H, b.Y+b.H) - math.Max(a.Y, b.Y)
}

// checkPieLabels checks what a reader sees of a pie's labels, drawn as
// vectors inside r: every label a text run inside r (checkDrawing), no
// two overlapping, every point of each over a fill it stands out from
// (white on a dark slice, the text colour on white or a light slice), and
// no line (a leader) through any.
func checkPieLabels(t *testing.T, items []layout.Item, r layout.Rect, c *deck.Chart) {
	t.Helper()
	set := defaultFonts(t)
	texts := checkDrawing(t, items, r, set, sliceLabels(c))
	var runs []layout.TextRun
	for _, l := range sliceLabels(c) {
		if run, ok := texts[l]; ok {
			runs = append(runs, run)
		}
	}
	const slack = 0.05 // points
	for i, a := range runs {
		for _, b := range runs[i+1:] {
			if w, h := overlap(a.Bounds(), b.Bounds()); w > slack && h > slack {
				t.Errorf("%q and %q overlap by %.2f×%.2f pt", a.Text, b.Text, w, h)
			}
		}
	}
	for _, run := range runs {
		bad := 0
		var first string
		for _, p := range samples(run.Bounds(), 0.2) {
			fill, ok := under(items, p)
			if !ok {
				fill = white // the page
			}
			if d := math.Abs(luminance(run.Fill) - luminance(fill)); d < 80 {
				if bad == 0 {
					first = fmt.Sprintf("(%.1f, %.1f) is %s on %s", p.X, p.Y, run.Fill, fill)
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%q cannot be read at %d points of its box: %s", run.Text, bad, first)
		}
	}
	for _, it := range items {
		p, ok := it.(layout.Path)
		if !ok || p.Fill.A != 0 || p.Stroke.A == 0 {
			continue
		}
		for k := 1; k < len(p.Points); k++ {
			a, b := p.Points[k-1], p.Points[k]
			n := int(math.Hypot(b.X-a.X, b.Y-a.Y)/0.2) + 1
			for _, run := range runs {
				box := run.Bounds()
				for s := range n + 1 {
					q := layout.Point{X: a.X + (b.X-a.X)*float64(s)/float64(n), Y: a.Y + (b.Y-a.Y)*float64(s)/float64(n)}
					if q.X > box.X+0.2 && q.X < box.X+box.W-0.2 && q.Y > box.Y+0.2 && q.Y < box.Y+box.H-0.2 {
						t.Errorf("a line runs through %q at (%.1f, %.1f)", run.Text, q.X, q.Y)
						break
					}
				}
			}
		}
	}
}

// TestPieLabelsCanBeReadAtAnySize draws pies and donuts as vectors in
// slots from a short strip beside a long paragraph to a whole slide, and
// checks each label as a reader would: all there, inside the picture,
// none over another, none in a colour lost against what is behind it.
func TestPieLabelsCanBeReadAtAnySize(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	cloud := []string{"私有云", "公有云", "混合云", "边缘云"}
	industries := []string{"金融", "制造", "政务", "医疗", "教育", "零售", "交通", "能源", "其他"}
	many := append(append([]string(nil), industries...), "农业", "物流", "文娱", "旅游", "地产", "化工", "建筑")
	short := layout.Rect{X: 40, Y: 300, W: 300, H: 90}
	wide := layout.Rect{X: 40, Y: 300, W: 880, H: 90}
	large := layout.Rect{X: 30, Y: 40, W: 480, H: 250}
	narrow := layout.Rect{X: 30, Y: 40, W: 140, H: 260}
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		r     layout.Rect
	}{
		{"three slices in a short slot", pieOf(deck.ChartPie, cloud[:3], 45, 35, 20), short},
		{"three slices in a short wide slot", pieOf(deck.ChartPie, cloud[:3], 45, 35, 20), wide},
		{"a 3% slice among large ones in a short slot", pieOf(deck.ChartPie, cloud, 45, 35, 17, 3), short},
		{"a 3% slice among large ones in a large slot", pieOf(deck.ChartPie, cloud, 45, 35, 17, 3), large},
		{"three slices in a large slot", pieOf(deck.ChartPie, cloud[:3], 45, 35, 20), large},
		{"three slices in a narrow slot", pieOf(deck.ChartPie, cloud[:3], 45, 35, 20), narrow},
		{"one slice", pieOf(deck.ChartPie, cloud[:2], 100, 0), short},
		{"a donut in a short slot", pieOf(deck.ChartDonut, cloud[:3], 45, 35, 20), short},
		{"a donut of nine slices in a short slot", pieOf(deck.ChartDonut, industries, 31, 22, 15, 9, 8, 6, 4, 3, 2), short},
		{"a donut of nine slices in a large slot", pieOf(deck.ChartDonut, industries, 31, 22, 15, 9, 8, 6, 4, 3, 2), large},
		{"a donut of nine slices in a narrow slot", pieOf(deck.ChartDonut, industries, 31, 22, 15, 9, 8, 6, 4, 3, 2), narrow},
		{"sixteen slices in a short slot", pieOf(deck.ChartPie, many, 31, 22, 15, 9, 8, 6, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1), short},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, c.r)
			if err != nil {
				t.Fatal(err)
			}
			checkPieLabels(t, items, c.r, c.chart)
		})
	}
}

// TestPieLabelsThatFitNowhereAreAnError: labels that no way of placing
// fits in the picture are an error that says what to do, not labels cut
// off or drawn over each other.
func TestPieLabelsThatFitNowhereAreAnError(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	var cats []string
	var values []float64
	for i := range 60 {
		cats = append(cats, fmt.Sprintf("类别%d", i))
		values = append(values, float64(i+1))
	}
	c := pieOf(deck.ChartPie, cats, values...)
	_, err := drawVector(c, theme, set, layout.Rect{W: 200, H: 60})
	want := `charts: chart "pie": the labels of its 60 slices do not fit in 200×60 pt; give it more room or fewer slices`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if _, err := drawVector(c, theme, set, layout.Rect{W: 900, H: 480}); err != nil {
		t.Errorf("on a whole slide: %v", err)
	}
}

// TestSpreadKeepsLabelsApartAndNearTheirPlaces checks the stacking of
// labels beside a pie.
func TestSpreadKeepsLabelsApartAndNearTheirPlaces(t *testing.T) {
	for _, c := range []struct {
		want   []float64
		lo, hi float64
		got    []float64 // nil: they do not fit
	}{
		{[]float64{10, 50}, 0, 100, []float64{10, 50}},
		{[]float64{40, 42}, 0, 100, []float64{36, 46}},
		{[]float64{-5, 0}, 0, 100, []float64{0, 10}},
		{[]float64{95, 99}, 0, 100, []float64{90, 100}},
		{[]float64{10, 12, 14, 60}, 0, 100, []float64{2, 12, 22, 60}},
		{[]float64{10, 12, 14, 25}, 0, 100, []float64{0.25, 10.25, 20.25, 30.25}},
		{[]float64{0, 0, 0}, 0, 15, nil},
	} {
		got, ok := spread(c.want, 10, c.lo, c.hi)
		if ok != (c.got != nil) || len(got) != len(c.got) {
			t.Errorf("spread(%v) = %v, %v; want %v", c.want, got, ok, c.got)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.got[i]) > 1e-9 {
				t.Errorf("spread(%v) = %v; want %v", c.want, got, c.got)
				break
			}
		}
	}
}

// TestInsideLabelsUseTheSlicesContrastColour: a label inside its slice is
// white on a dark slice; one beside the pie is in the text colour.
func TestInsideLabelsUseTheSlicesContrastColour(t *testing.T) {
	_, theme := reportCharts(t)
	c := pieOf(deck.ChartPie, []string{"私有云", "公有云", "混合云", "边缘云"}, 45, 35, 17, 3)
	items, err := drawVector(c, theme, defaultFonts(t), layout.Rect{W: 480, H: 250})
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]deck.Color{}
	for _, it := range items {
		if r, ok := it.(layout.TextRun); ok {
			colours[r.Text] = r.Fill
		}
	}
	if got := colours["私有云 45"]; got != white {
		t.Errorf("the label of the largest, darkest slice is %s, want white inside it", got)
	}
	if got := colours["边缘云 3"]; got != theme.Colors.Text {
		t.Errorf("the label of the 3%% slice is %s, want the text colour beside the pie", got)
	}
}

// TestPieLabelsFitPicturesToo lays pies out as pictures are drawn, their
// text measured by go-chart's rasterizer (which runs wider than the
// font's metrics): every label inside the picture and none over another.
func TestPieLabelsFitPicturesToo(t *testing.T) {
	_, theme := reportCharts(t)
	industries := []string{"金融", "制造", "政务", "医疗", "教育", "零售", "交通", "能源", "其他"}
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		w, h  float64
	}{
		{"three slices in a short slot", pieOf(deck.ChartPie, []string{"私有云", "公有云", "混合云"}, 45, 35, 20), 300, 90},
		{"a donut of nine slices in a short slot", pieOf(deck.ChartDonut, industries, 31, 22, 15, 9, 8, 6, 4, 3, 2), 300, 90},
		{"a donut of nine slices in a narrow slot", pieOf(deck.ChartDonut, industries, 31, 22, 15, 9, 8, 6, 4, 3, 2), 140, 260},
	} {
		t.Run(c.name, func(t *testing.T) {
			cv := testCanvas(t, c.chart, theme, c.w, c.h)
			lay := pieLayoutOf(t, cv)
			half := cv.px(labelSize * labelHalf)
			var boxes []layout.Rect
			for _, l := range lay.labels {
				b := layout.Rect{X: l.x, Y: l.y - half, W: cv.textWidth(l.text, labelSize, false), H: 2 * half}
				if b.X < 0 || b.Y < 0 || b.X+b.W > float64(cv.width) || b.Y+b.H > float64(cv.height) {
					t.Errorf("%q at %+v reaches out of the %d×%d picture", l.text, b, cv.width, cv.height)
				}
				for k, o := range boxes {
					if w, h := overlap(b, o); w > 0 && h > 0 {
						t.Errorf("%q overlaps %q", l.text, lay.labels[k].text)
					}
				}
				boxes = append(boxes, b)
			}
		})
	}
}

// pieLayoutOf lays out the pie of cv, failing the test on an error.
func pieLayoutOf(t *testing.T, cv canvas) pieLayout {
	t.Helper()
	slices, err := cv.slices()
	if err != nil {
		t.Fatal(err)
	}
	lay, err := cv.layoutPie(slices)
	if err != nil {
		t.Fatal(err)
	}
	return lay
}
