package charts

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

func ptr(v float64) *float64 { return &v }

// nim is the net interest margin of a bank, 2.05% falling to 1.82%: a
// line whose values are percentages as written.
func nim(min *float64) *deck.Chart {
	return &deck.Chart{ID: "nim", Kind: deck.ChartLine, Categories: []string{"2019", "2020", "2021", "2022", "2023"},
		Series: []deck.Series{{Name: "净息差", Values: []float64{2.05, 2.01, 1.96, 1.91, 1.82}, Labels: []string{"2.05%", "2.01%", "1.96%", "1.91%", "1.82%"}}},
		Min:    min, Format: "0.0%", Scale: 100}
}

// axisCharts are charts with their value axes drawn, by name.
func axisCharts() map[string]*deck.Chart {
	nan := math.NaN()
	return map[string]*deck.Chart{
		"nim": nim(ptr(1.7)),
		"combo": {ID: "profit", Kind: deck.ChartBar, Axis: true, Unit: "亿元", Categories: []string{"2019", "2020", "2021", "2022", "2023"},
			Series: []deck.Series{
				{Name: "净利润", Values: []float64{1202.3, 1251.9, 1386.5, 1428.4, 1391.0}, Labels: []string{"1,202.3", "1,251.9", "1,386.5", "1,428.4", "1,391.0"}},
				{Name: "ROE", Line: true, Values: []float64{12.1, 11.3, 11.9, 11.5, 10.2}, Labels: []string{"12.1%", "11.3%", "11.9%", "11.5%", "10.2%"}},
			}},
		"stacked": {ID: "loans", Kind: deck.ChartBar, Stacked: true, Total: true, Axis: true, Unit: "万亿元", Categories: []string{"2021", "2022", "2023"},
			Series: []deck.Series{
				{Name: "公司贷款", Values: []float64{8.1, 8.9, 9.6}, Labels: []string{"8.1", "8.9", "9.6"}},
				{Name: "个人贷款", Values: []float64{6.2, 6.5, nan}, Labels: []string{"6.2", "6.5", ""}},
				{Name: "票据", Values: []float64{0.9, 1.1, 1.3}, Labels: []string{"0.9", "1.1", "1.3"}},
			}},
		"gap": {ID: "payments", Kind: deck.ChartLine, Axis: true, Unit: "万亿元", Categories: []string{"2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1", "2023Q2"},
			Series: []deck.Series{{Name: "支付金额", Values: []float64{12.3, 13.1, nan, 14.2, 13.6, -1.5}, Labels: []string{"12.3", "13.1", "", "14.2", "13.6", "-1.5"}}}},
		"negative": {ID: "growth", Kind: deck.ChartBar, Axis: true, Categories: []string{"2020", "2021", "2022", "2023"},
			Series: []deck.Series{{Name: "增速", Values: []float64{5.2, -3.1, 2.4, -0.8}, Labels: []string{"5.2", "-3.1", "2.4", "-0.8"}}}},
	}
}

// ticks returns the texts of the tick labels among the items, from the
// top down, by their size, which no other text of a chart has; the axes'
// titles, of that size too, are left out.
func ticks(items []layout.Item, titles ...string) []layout.TextRun {
	var out []layout.TextRun
	for _, it := range items {
		if r, ok := it.(layout.TextRun); ok && math.Abs(r.Size-tickSize*9/8) < 1e-9 && !slices.Contains(titles, r.Text) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b layout.TextRun) int { return cmp.Compare(a.At.Y, b.At.Y) })
	return out
}

// texts returns what the runs say.
func texts(runs []layout.TextRun) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.Text)
	}
	return out
}

// gridlines returns the gridlines among the items: filled paths of the
// grid's colour, and the baseline at zero, darker, where values go below
// it (one line where a bar chart's baseline is drawn over it), from the
// top down.
func gridlines(items []layout.Item, theme deck.Theme) []layout.Rect {
	cv := canvas{theme: theme}
	out := filledIn(items, cv.gridColor())
	for _, b := range filledIn(items, cv.baselineColor()) {
		if !slices.ContainsFunc(out, func(g layout.Rect) bool { return math.Abs(g.Y-b.Y) < 1 }) {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b layout.Rect) int { return cmp.Compare(a.Y, b.Y) })
	return out
}

// TestValueAxisIsDrawnOnlyWhenAsked draws charts as vectors and reads
// their tick labels, top down, and gridlines: an axis is there only when
// the chart asks for one (or sets an end), its ticks evenly spaced, and
// bars always stand on zero.
func TestValueAxisIsDrawnOnlyWhenAsked(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	cs := axisCharts()
	barsFrom := func(min float64) *deck.Chart {
		c := *cs["negative"]
		c.Series = []deck.Series{{Name: "营收", Values: []float64{120, 135, 150}, Labels: []string{"120", "135", "150"}}}
		c.Categories = c.Categories[:3]
		c.Axis, c.Min = false, &min
		return &c
	}
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		want  []string
	}{
		{"the NIM line with min 1.7 starts its axis there and labels it, as percentages", nim(ptr(1.7)),
			[]string{"2.1%", "2.0%", "1.9%", "1.8%", "1.7%"}},
		{"the NIM line with an axis and no min starts at zero", func() *deck.Chart { c := nim(nil); c.Axis = true; return c }(),
			[]string{"2.5%", "2.0%", "1.5%", "1.0%", "0.5%", "0.0%"}},
		{"the NIM line without an axis has no tick labels", nim(nil), nil},
		{"bars start at zero though min is above the lowest bar", barsFrom(100),
			[]string{"200", "150", "100", "50", "0"}},
		{"negative bars reach below zero on the axis", cs["negative"],
			[]string{"6", "4", "2", "0", "-2", "-4"}},
		{"a line with a gap and a negative value", cs["gap"],
			[]string{"15", "10", "5", "0", "-5"}},
		{"a stacked chart's axis reaches over its highest column", cs["stacked"],
			[]string{"20", "15", "10", "5", "0"}},
		{"bars and a line: thousands as the labels write them on the left, the line's axis on the right", cs["combo"],
			[]string{"2,500", "12.5", "2,000", "10.0", "1,500", "7.5", "1,000", "5.0", "500", "2.5", "0", "0.0"}},
		{"a bar chart's lines take their own format on the right, the chart's scale left alone", func() *deck.Chart {
			c := *cs["combo"]
			c.Format, c.Scale, c.ScaleName, c.LineFormat = "#,##0", 10, "十", "0.0%"
			return &c
		}(),
			[]string{"250", "12.5%", "200", "10.0%", "150", "7.5%", "100", "5.0%", "50", "2.5%", "0", "0.0%"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			got := ticks(items, c.chart.ScaleName+c.chart.Unit, canvas{chart: c.chart}.rightTitle())
			if !slices.Equal(texts(got), c.want) {
				t.Fatalf("tick labels %q, want %q", texts(got), c.want)
			}
			lines := gridlines(items, theme)
			left := 0
			for _, tk := range got {
				if tk.At.X < r.X+r.W/2 {
					left++
				}
			}
			if len(lines) != left {
				t.Fatalf("%d gridlines for %d ticks on the left", len(lines), left)
			}
			for k, g := range lines {
				// Each gridline runs across the plot, at the middle of
				// its tick's label, evenly spaced.
				if g.W < r.W*0.7 || g.H > 1 {
					t.Errorf("gridline %d is %v, not a thin line across the plot", k, g)
				}
				if k > 1 {
					if d := (lines[k].Y - lines[k-1].Y) - (lines[k-1].Y - lines[k-2].Y); math.Abs(d) > 0.2 {
						t.Errorf("gridlines %d and %d are %.2f pt further apart than the two before", k-1, k, d)
					}
				}
			}
		})
	}
}

// TestTheNIMAxisIsCutOnlyWhenMinIsSet: with min 1.7 the lowest point,
// 1.82%, is a third of a tick above the axis's bottom; with the axis from
// zero it is near the top, as high as 1.82 of 2.5.
func TestTheNIMAxisIsCutOnlyWhenMinIsSet(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{W: 420, H: 230}
	for _, c := range []struct {
		name   string
		min    *float64
		bottom string
		frac   float64 // of the axis's span from its bottom to 1.82
	}{
		{"min set: the axis starts at 1.7", ptr(1.7), "1.7%", (1.82 - 1.7) / 0.4},
		{"no min: the axis starts at zero", nil, "0.0%", 1.82 / 2.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := nim(c.min)
			ch.Axis = true
			items, err := drawVector(ch, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			lines := gridlines(items, theme)
			tk := ticks(items, "")
			if tk[len(tk)-1].Text != c.bottom {
				t.Fatalf("the lowest tick is %q, want %q", tk[len(tk)-1].Text, c.bottom)
			}
			top, bottom := lines[0].Y, lines[len(lines)-1].Y
			// The last point's dot: a closed path in the line's colour.
			var dot layout.Rect
			for _, it := range items {
				if p, ok := it.(layout.Path); ok && p.Closed && p.Stroke == theme.Colors.Primary {
					dot = p.Bounds()
				}
			}
			got := (bottom - (dot.Y + dot.H/2)) / (bottom - top)
			if math.Abs(got-c.frac) > 0.01 {
				t.Errorf("1.82%% is %.3f of the way up the axis, want %.3f", got, c.frac)
			}
		})
	}
}

// TestGridlinesArePixelsOfThePicture draws the NIM chart as a picture
// with and without its axis and counts the rows of light grey that run
// across most of it: they are where the vector drawing has its
// gridlines, within a pixel and a half (the picture's padding is whole
// pixels at 200 dpi, the drawing's at 720).
func TestGridlinesArePixelsOfThePicture(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	grid := canvas{theme: theme}.gridColor()
	for _, c := range []struct {
		name string
		min  *float64
		want int
	}{
		{"with min set, five gridlines", ptr(1.7), 5},
		{"without an axis, none", nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := Draw(nim(c.min), theme, set, 420, 230, DPI)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, data)
			b := img.Bounds()
			var rows []float64 // the first row of each gridline
			prev := false
			for y := 0; y < b.Dy(); y++ {
				n := 0
				for x := 0; x < b.Dx(); x++ {
					if rgb(img.At(x, y)) == grid {
						n++
					}
				}
				line := n > b.Dx()*3/4
				if line && !prev {
					rows = append(rows, float64(y))
				}
				prev = line
			}
			if len(rows) != c.want {
				t.Fatalf("%d gridlines, want %d", len(rows), c.want)
			}
			items, err := drawVector(nim(c.min), theme, set, layout.Rect{W: 420, H: 230})
			if err != nil {
				t.Fatal(err)
			}
			for k, g := range gridlines(items, theme) {
				if y := g.Y * DPI / 72; math.Abs(y-rows[k]) > 1.5 {
					t.Errorf("gridline %d is at row %.0f of the picture and at %.1f in the drawing", k, rows[k], y)
				}
			}
		})
	}
}

// TestTheRightAxisIsTitledWithItsLines draws bar charts with lines on a
// right axis: over its labels, right-aligned to the picture's edge, small
// and muted, is the name of its line series, or their names.
func TestTheRightAxisIsTitledWithItsLines(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	two := *axisCharts()["combo"]
	two.Series = append(slices.Clone(two.Series), deck.Series{Name: "ROA", Line: true, Values: []float64{1.1, 1.0, 1.0, 0.9, 0.9}, Labels: []string{"1.1%", "1.0%", "1.0%", "0.9%", "0.9%"}})
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		want  string
	}{
		{"one line: its name", axisCharts()["combo"], "ROE"},
		{"two lines: both names", &two, "ROE、ROA"},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			var title *layout.TextRun
			for _, it := range items {
				if run, ok := it.(layout.TextRun); ok && run.Text == c.want && !run.Hidden && math.Abs(run.Size-tickSize*9/8) < 1e-9 {
					title = &run
				}
			}
			if title == nil {
				t.Fatalf("no title %q drawn at the ticks' size", c.want)
			}
			if title.Fill != theme.Colors.Muted {
				t.Errorf("the title is %v, want the muted %v", title.Fill, theme.Colors.Muted)
			}
			tk := ticks(items, c.want, c.chart.Unit)
			var topRight layout.TextRun
			for _, run := range tk {
				if run.At.X > r.X+r.W/2 {
					topRight = run
					break
				}
			}
			if title.At.X < r.X+r.W*0.8 || title.At.Y >= topRight.At.Y-tickSize {
				t.Errorf("the title at %v is not over the right axis's top label at %v", title.At, topRight.At)
			}
		})
	}
}

// TestZeroIsTheBaselineWhenValuesGoBelowIt draws lines with an axis: where
// the axis reaches below zero, the gridline at zero is the darker
// baseline and the others stay light; where it starts at zero, the line
// at zero is a gridline like the others.
func TestZeroIsTheBaselineWhenValuesGoBelowIt(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	fromZero := nim(nil)
	fromZero.Axis = true
	cv := canvas{theme: theme}
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		zero  string
		want  deck.Color
	}{
		{"a line below zero has a baseline at zero", axisCharts()["gap"], "0", cv.baselineColor()},
		{"a line from zero has a light gridline there", fromZero, "0.0%", cv.gridColor()},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			var zero layout.TextRun
			for _, tk := range ticks(items, c.chart.Unit) {
				if tk.Text == c.zero {
					zero = tk
				}
			}
			mid := zero.Bounds().Y + zero.Bounds().H/2
			n := 0
			for _, it := range items {
				p, ok := it.(layout.Path)
				if b := p.Bounds(); !ok || b.W < r.W*0.7 || b.H > 1 {
					continue
				}
				b := p.Bounds()
				want := cv.gridColor()
				if math.Abs(b.Y-mid) < 1.5 {
					want = c.want
					n++
				}
				if p.Fill != want {
					t.Errorf("the line at %.1f is %v, want %v", b.Y, p.Fill, want)
				}
			}
			if n != 1 {
				t.Fatalf("%d lines at the tick %q, want 1", n, c.zero)
			}
		})
	}
}

// TestTheAxisEndsAtTheNiceTickClosestOverTheValues: of the nice steps
// that cut the axis into 4 to 6 intervals, it takes the one whose top is
// closest over the highest value, the smaller where two reach the same
// top; a fixed end stays where it is set.
func TestTheAxisEndsAtTheNiceTickClosestOverTheValues(t *testing.T) {
	cv := canvas{chart: &deck.Chart{}}
	for _, c := range []struct {
		name      string
		lo, hi    float64
		fixLo     bool
		top, step float64
	}{
		{"94.7 runs to 100 by 20, not to 125 by 25", 0, 94.7, false, 100, 20},
		{"100.7 runs to 120 by 20, not to 125 by 25", 0, 100.7, false, 120, 20},
		{"2.05 runs to 2.5 by 0.5", 0, 2.05, false, 2.5, 0.5},
		{"3,003 runs to 4,000 by 1,000: 3,500 by 500 is 7 intervals", 0, 3003, false, 4000, 1000},
		{"from a fixed 1.7, 2.05 runs to 2.1 by 0.1", 1.7, 2.05, true, 2.1, 0.1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := cv.scaleAxis(c.lo, c.hi, c.fixLo, false)
			if a.hi != c.top || a.step != c.step || a.lo != c.lo {
				t.Fatalf("the axis runs from %g to %g by %g, want %g to %g by %g", a.lo, a.hi, a.step, c.lo, c.top, c.step)
			}
		})
	}
}

// TestTheAxisTitleClearsTheTopTick draws charts with an axis title: the
// title's box ends at least 2 pt over the top tick label's.
func TestTheAxisTitleClearsTheTopTick(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	for name, c := range axisCharts() {
		if c.Unit == "" {
			continue
		}
		t.Run("the "+name+" chart's "+c.Unit, func(t *testing.T) {
			items, err := drawVector(c, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			tk := ticks(items, c.Unit, canvas{chart: c}.rightTitle())
			var title layout.TextRun
			for _, it := range items {
				if run, ok := it.(layout.TextRun); ok && run.Text == c.Unit && math.Abs(run.Size-tickSize*9/8) < 1e-9 {
					title = run
				}
			}
			tb, kb := title.Bounds(), tk[0].Bounds()
			if gap := kb.Y - (tb.Y + tb.H); gap < 2 {
				t.Errorf("the title %q ends %.2f pt over the top tick %q, want 2 or more", c.Unit, gap, tk[0].Text)
			}
			if tb.Y < r.Y {
				t.Errorf("the title %q is %.2f pt over the chart", c.Unit, r.Y-tb.Y)
			}
		})
	}
}
