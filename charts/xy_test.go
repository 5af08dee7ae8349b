package charts

import (
	"math"
	"strconv"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// withValues returns a copy of c whose series j has the values, labelled
// as written.
func withValues(c *deck.Chart, j int, values ...float64) *deck.Chart {
	out := *c
	out.Series = append([]deck.Series(nil), c.Series...)
	s := &out.Series[j]
	s.Values = values
	s.Labels = nil
	for _, v := range values {
		s.Labels = append(s.Labels, strconv.FormatFloat(v, 'f', -1, 64))
	}
	return &out
}

// filledRects returns the bounds of the filled paths of four corners: the
// bars, the baseline and the annotation's label.
func filledRects(items []layout.Item) []layout.Rect {
	var out []layout.Rect
	for _, it := range items {
		if p, ok := it.(layout.Path); ok && p.Fill.A != 0 && len(p.Points) == 4 {
			out = append(out, p.Bounds())
		}
	}
	return out
}

// filledIn returns the bounds of the filled paths of the colour col.
func filledIn(items []layout.Item, col deck.Color) []layout.Rect {
	var out []layout.Rect
	for _, it := range items {
		if p, ok := it.(layout.Path); ok && p.Fill == col {
			out = append(out, p.Bounds())
		}
	}
	return out
}

// barUnder returns the bar in whose column the text run's middle stands,
// the nearest to the text (not a legend's swatch).
func barUnder(t *testing.T, items []layout.Item, r layout.Rect, label layout.TextRun) layout.Rect {
	t.Helper()
	x := label.At.X + label.Width()/2
	lb := label.Bounds()
	gap := func(b layout.Rect) float64 { return max(b.Y-(lb.Y+lb.H), lb.Y-(b.Y+b.H), 0) }
	var found []layout.Rect
	for _, b := range filledRects(items) {
		if b.X < x && x < b.X+b.W && b.W < r.W/2 {
			found = append(found, b)
		}
	}
	if len(found) == 0 {
		t.Fatalf("no bar under %q", label.Text)
	}
	best := found[0]
	for _, b := range found[1:] {
		if gap(b) < gap(best) {
			best = b
		}
	}
	return best
}

const tol = 0.15 // points: whole pixels of the vector canvas, and rounding

// TestNegativeColumnsHangBelowTheZeroLine draws columns with negative
// values as vectors: the baseline is where zero is, a negative column
// hangs from it with its value below its end, inside the chart, and the
// positive columns stand on it with their values above.
func TestNegativeColumnsHangBelowTheZeroLine(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 30, Y: 40, W: 480, H: 250}
	market := *cs["market-size"]
	market.Annotation = ""
	for _, c := range []struct {
		name     string
		chart    *deck.Chart
		neg, pos string // a negative and a positive value's label
	}{
		{"a column far below zero", withValues(&market, 0, 394, 507, 652, 838, -50), "-50", "838"},
		{"a column just below zero", withValues(&market, 0, 394, 507, 652, 838, -5), "-5", "394"},
		{"a column below zero in a group of two", withValues(sample(deck.ChartBar, 2), 1, 2, -1, 3), "-1", "5"},
		{"every column below zero", withValues(&market, 0, -394, -507, -652, -838, -1078), "-1078", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			texts := checkDrawing(t, items, r, set, chartLabels(c.chart, len(c.chart.Series) > 1))
			base := filledIn(items, theme.Colors.Muted.Mix(0.5))
			if len(base) != 1 {
				t.Fatalf("%d baselines", len(base))
			}
			zero := base[0].Y
			neg := texts[c.neg]
			bar := barUnder(t, items, r, neg)
			if math.Abs(bar.Y-zero) > tol || bar.H < 1 {
				t.Errorf("the column of %s spans %.2f to %.2f, want from the zero line at %.2f down", c.neg, bar.Y, bar.Y+bar.H, zero)
			}
			if lb := neg.Bounds(); lb.Y < bar.Y+bar.H-tol {
				t.Errorf("the label %s starts at %.2f, above the end of its column at %.2f", c.neg, lb.Y, bar.Y+bar.H)
			}
			cat := texts[c.chart.Label(0)].Bounds()
			if lb := neg.Bounds(); lb.Y+lb.H > cat.Y+tol {
				t.Errorf("the label %s reaches %.2f, into the category labels from %.2f", c.neg, lb.Y+lb.H, cat.Y)
			}
			if c.pos == "" {
				return
			}
			pos := texts[c.pos]
			bar = barUnder(t, items, r, pos)
			if math.Abs(bar.Y+bar.H-zero) > tol || bar.H < 1 {
				t.Errorf("the column of %s spans %.2f to %.2f, want up from the zero line at %.2f", c.pos, bar.Y, bar.Y+bar.H, zero)
			}
			if lb := pos.Bounds(); lb.Y+lb.H > bar.Y+tol {
				t.Errorf("the label %s ends at %.2f, below the top of its column at %.2f", c.pos, lb.Y+lb.H, bar.Y)
			}
		})
	}
}

// TestNegativeHorizontalBarsReachLeftOfZero draws horizontal bars with a
// negative value: it reaches left from where the others start, its value
// left of its end, clear of the category labels.
func TestNegativeHorizontalBarsReachLeftOfZero(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 30, Y: 40, W: 300, H: 250}
	c := withValues(cs["industry-internet-index"], 0, -5.5, 11.2, 15.6, 16.1, 19.5, 21.5, 30.2)
	items, err := drawVector(c, theme, set, r)
	if err != nil {
		t.Fatal(err)
	}
	texts := checkDrawing(t, items, r, set, chartLabels(c, false))
	neg, pos := texts["-5.5"], texts["11.2"]
	negBar := hbarBeside(t, items, neg)
	posBar := hbarBeside(t, items, pos)
	zero := posBar.X
	if math.Abs(negBar.X+negBar.W-zero) > tol || negBar.W < 1 {
		t.Errorf("the bar of -5.5 spans %.2f to %.2f, want left from zero at %.2f", negBar.X, negBar.X+negBar.W, zero)
	}
	if lb := neg.Bounds(); lb.X+lb.W > negBar.X+tol {
		t.Errorf("the label -5.5 ends at %.2f, right of its bar's end at %.2f", lb.X+lb.W, negBar.X)
	}
	cat := texts["制造"].Bounds()
	if lb := neg.Bounds(); lb.X < cat.X+cat.W {
		t.Errorf("the label -5.5 starts at %.2f, over the category label ending at %.2f", lb.X, cat.X+cat.W)
	}
	if lb := pos.Bounds(); lb.X < posBar.X+posBar.W-tol {
		t.Errorf("the label 11.2 starts at %.2f, left of its bar's end at %.2f", lb.X, posBar.X+posBar.W)
	}
}

// hbarBeside returns the horizontal bar level with a text run.
func hbarBeside(t *testing.T, items []layout.Item, label layout.TextRun) layout.Rect {
	t.Helper()
	lb := label.Bounds()
	y := lb.Y + lb.H/2
	var found []layout.Rect
	for _, b := range filledRects(items) {
		if b.Y < y && y < b.Y+b.H && b.H < 40 {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d bars beside %q, want 1", len(found), label.Text)
	}
	return found[0]
}

// TestLinesBelowZeroStayInside draws lines through negative values, alone
// and beside columns.
func TestLinesBelowZeroStayInside(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 30, Y: 40, W: 480, H: 250}
	mixed := withValues(sample(deck.ChartBar, 2), 1, -2, 1, -3)
	mixed.Series[1].Line = true
	for name, c := range map[string]*deck.Chart{
		"lines":               withValues(sample(deck.ChartLine, 2), 1, 2, -1, -3),
		"a line beside bars":  mixed,
		"columns and a line":  withValues(mixed, 0, 3, -5, 4),
		"bars and lines mix":  withValues(withValues(mixed, 0, -3, -5, -4), 1, 2, 1, 3),
		"lines all below one": withValues(sample(deck.ChartLine, 1), 0, -3, -5, -4),
	} {
		t.Run(name, func(t *testing.T) {
			items, err := drawVector(c, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			checkDrawing(t, items, r, set, chartLabels(c, len(c.Series) > 1))
		})
	}
}

// intersects reports whether two rectangles overlap.
func intersects(a, b layout.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// crosses reports whether the segment from p to q passes through r.
func crosses(p, q layout.Point, r layout.Rect) bool {
	// Clip the segment to r's slab across, then down (Liang–Barsky).
	t0, t1 := 0.0, 1.0
	for _, e := range [][2]float64{
		{-(q.X - p.X), p.X - r.X}, {q.X - p.X, r.X + r.W - p.X},
		{-(q.Y - p.Y), p.Y - r.Y}, {q.Y - p.Y, r.Y + r.H - p.Y},
	} {
		d, n := e[0], e[1]
		if d == 0 {
			if n < 0 {
				return false
			}
			continue
		}
		s := n / d
		if d < 0 {
			t0 = max(t0, s)
		} else {
			t1 = min(t1, s)
		}
	}
	return t0 < t1
}

// TestTrendStaysInsideTheChart draws the trend annotation over rising,
// falling and flat columns, negative ones and small charts: the arrow and
// its label are inside the chart's rectangle, the label whole, neither
// the label nor the arrow covers a column's value, and the arrow does not
// run behind its label.
func TestTrendStaysInsideTheChart(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	market := cs["market-size"]
	wide := layout.Rect{X: 30, Y: 40, W: 480, H: 250}
	grouped := withValues(sample(deck.ChartBar, 2), 0, 3, 5, 1)
	grouped.Annotation = "CAGR=-12%"
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		r     layout.Rect
	}{
		{"rising", market, wide},
		{"falling", withValues(market, 0, 1078, 838, 652, 507, 394), wide},
		{"falling at the end after rising", withValues(market, 0, 394, 507, 652, 838, 300), wide},
		{"falling to a negative value", withValues(market, 0, 394, 507, 652, 838, -5), wide},
		{"falling far below zero", withValues(market, 0, 394, 507, 652, 838, -50), wide},
		{"highest in the middle", withValues(market, 0, 394, 1078, 652, 507, 400), wide},
		{"flat", withValues(market, 0, 500, 500, 500, 500, 500), wide},
		{"flat in a small chart", withValues(market, 0, 500, 500, 500, 500, 500), layout.Rect{X: 30, Y: 40, W: 300, H: 120}},
		{"falling in a small chart", withValues(market, 0, 394, 507, 652, 838, 300), layout.Rect{X: 30, Y: 40, W: 300, H: 120}},
		{"rising in a small chart", market, layout.Rect{X: 30, Y: 40, W: 300, H: 120}},
		{"below a legend", grouped, wide},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, c.r)
			if err != nil {
				t.Fatal(err)
			}
			legend := len(c.chart.Series) > 1
			texts := checkDrawing(t, items, c.r, set, chartLabels(c.chart, legend))
			note := texts[c.chart.Annotation]
			var box layout.Rect
			for _, b := range filledIn(items, theme.Colors.Accent) {
				if nb := note.Bounds(); b.X <= nb.X && nb.X+nb.W <= b.X+b.W {
					box = b
				}
			}
			if box.W == 0 {
				t.Fatal("no box behind the annotation")
			}
			if nb := note.Bounds(); nb.Y < box.Y-tol || nb.Y+nb.H > box.Y+box.H+tol {
				t.Errorf("the annotation %.2f–%.2f is out of its box %.2f–%.2f", nb.Y, nb.Y+nb.H, box.Y, box.Y+box.H)
			}
			var values []layout.TextRun
			for _, s := range c.chart.Series {
				for _, l := range s.Labels {
					values = append(values, texts[l])
				}
			}
			if legend {
				for _, s := range c.chart.Series {
					values = append(values, texts[s.Name])
				}
			}
			for _, v := range values {
				if intersects(box, v.Bounds()) {
					t.Errorf("the annotation's box %+v covers %q %+v", box, v.Text, v.Bounds())
				}
			}
			for _, it := range items {
				p, ok := it.(layout.Path)
				if !ok || p.Stroke != theme.Colors.Accent || p.Fill.A != 0 {
					continue
				}
				for k := 1; k < len(p.Points); k++ {
					for _, v := range values {
						if crosses(p.Points[k-1], p.Points[k], v.Bounds()) {
							t.Errorf("the arrow crosses %q", v.Text)
						}
					}
					if crosses(p.Points[k-1], p.Points[k], box) {
						t.Errorf("the arrow %v–%v runs behind the annotation's box %+v", p.Points[k-1], p.Points[k], box)
					}
				}
			}
		})
	}
}

// TestTrendLabelIsInThePicture draws the market-size chart with falling
// values as a picture: the annotation's box is as much in the accent
// colour as when the values rise, not cut off at the top.
func TestTrendLabelIsInThePicture(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	accent := func(c *deck.Chart) int {
		data, err := Draw(c, theme, set, 480, 250, DPI)
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, data)
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if rgb(img.At(x, y)) == theme.Colors.Accent {
					n++
				}
			}
		}
		return n
	}
	market := cs["market-size"]
	rising := accent(market)
	cv := testCanvas(t, market, theme, 480, 250)
	box := (cv.textWidth(market.Annotation, noteSize, true) + cv.px(10)) * cv.px(noteSize*1.7)
	if float64(rising) < box/2 {
		t.Fatalf("rising: %d accent pixels, for a box of %.0f", rising, box)
	}
	for name, c := range map[string]*deck.Chart{
		"falling at the end": withValues(market, 0, 394, 507, 652, 838, 300),
		"falling below zero": withValues(market, 0, 394, 507, 652, 838, -5),
		"flat":               withValues(market, 0, 500, 500, 500, 500, 500),
	} {
		t.Run(name, func(t *testing.T) {
			if n := accent(c); float64(n) < float64(rising)*0.9 {
				t.Errorf("%d accent pixels, want about the %d of the rising chart", n, rising)
			}
		})
	}
}
