package charts

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// withoutLines returns a copy of c without its line series.
func withoutLines(c *deck.Chart) *deck.Chart {
	out := *c
	out.Series = nil
	for _, s := range c.Series {
		if !s.Line {
			out.Series = append(out.Series, s)
		}
	}
	return &out
}

// legendNames returns the names a chart's legend shows: none for a
// single series or horizontal bars.
func legendNames(c *deck.Chart) []string {
	if len(c.Series) < 2 || c.Kind == deck.ChartHBar {
		return nil
	}
	var out []string
	for _, s := range c.Series {
		out = append(out, s.Name)
	}
	return out
}

// valueTexts returns every value label of a chart and every name in its
// legend, each as many times as the chart has it, the category labels
// too, so that a value that reads like a category is counted with it.
func valueTexts(c *deck.Chart) map[string]int {
	want := map[string]int{}
	for i := range c.Categories {
		want[c.Label(i)]++
	}
	for _, s := range c.Series {
		for _, l := range s.Labels {
			want[l]++
		}
	}
	for _, n := range legendNames(c) {
		want[n]++
	}
	return want
}

// within reports whether a lies inside b, give or take slack.
func within(a, b layout.Rect, slack float64) bool {
	return a.X >= b.X-slack && a.Y >= b.Y-slack && a.X+a.W <= b.X+b.W+slack && a.Y+a.H <= b.Y+b.H+slack
}

// checkReadable checks that a chart's drawing inside r shows every value
// and legend name as a text run inside r, that no two text runs overlap,
// and that no text straddles the edge of a bar: it is inside one, or
// clear of them all.
func checkReadable(t *testing.T, c *deck.Chart, items []layout.Item, r layout.Rect) {
	t.Helper()
	const slack = 0.01
	var runs []layout.TextRun
	got := map[string]int{}
	for _, it := range items {
		if tr, ok := it.(layout.TextRun); ok {
			runs = append(runs, tr)
			if within(tr.Bounds(), r, slack) {
				got[tr.Text]++
			}
		}
	}
	for text, n := range valueTexts(c) {
		if got[text] < n {
			t.Errorf("%q is shown %d times inside the chart, want %d", text, got[text], n)
		}
	}
	for i := range runs {
		for j := i + 1; j < len(runs); j++ {
			if a, b := runs[i].Bounds(), runs[j].Bounds(); intersects(a, b) {
				t.Errorf("%q %+v overlaps %q %+v", runs[i].Text, a, runs[j].Text, b)
			}
		}
	}
	var bars []layout.Rect
	for _, b := range filledRects(items) {
		if b.W < r.W/2 && b.H > 0.5 && b.W > categorySize+0.5 { // not the background, the baseline or a legend's square
			bars = append(bars, b)
		}
	}
	for _, tr := range runs {
		lb := tr.Bounds()
		in, across := false, false
		for _, b := range bars {
			if !intersects(lb, b) {
				continue
			}
			if within(lb, b, slack) {
				in = true
			} else {
				across = true
			}
		}
		if across && !in {
			t.Errorf("%q %+v is half on a bar", tr.Text, lb)
		}
	}
}

// TestEveryValueIsDrawnWhereItCanBeRead draws charts small and narrow,
// as a larger body type or a portrait page leaves them: every value is a
// text run inside the chart, none over another or half over a bar. A
// stacked segment too low for its value has it beside its column;
// values wider than their columns side by side step up; the values of
// two lines close together go over and under them.
func TestEveryValueIsDrawnWhereItCanBeRead(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	economy := cs["digital-economy"]
	wide := withValues(withValues(sample(deck.ChartBar, 2), 0, 1234.5, 2345.6, 3456.7), 1, 1200.5, 2300.1, 3400.2)
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		w, h  float64
	}{
		{"stacked columns with a line, at body type 14", economy, 358.6, 168.1},
		{"stacked columns with a line, on a portrait page", economy, 270, 487},
		{"stacked columns with a line, small", economy, 240, 120},
		{"stacked columns, low", withoutLines(economy), 300, 80},
		{"stacked columns, small", withoutLines(economy), 240, 120},
		{"columns side by side with values wider than they are", wide, 270, 487},
		{"columns side by side with values wider than they are, small", wide, 240, 120},
		{"two lines close together", sample(deck.ChartLine, 2), 200, 100},
		{"two lines close together, small", sample(deck.ChartLine, 2), 160, 90},
		{"one series of columns, small", cs["market-size"], 240, 120},
		{"horizontal bars, small", cs["industry-internet-index"], 240, 120},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := layout.Rect{X: 30, Y: 40, W: c.w, H: c.h}
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			if out := overflow(items, r); out > 0.01 {
				t.Errorf("the drawing reaches %.2f pt beyond the chart", out)
			}
			checkReadable(t, c.chart, items, r)
		})
	}
}

// TestLegendFitsItsPicture draws a legend of three entries in charts
// narrower than it: it wraps onto rows, each centred, every entry inside
// the chart; where it fits, it is one row.
func TestLegendFitsItsPicture(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	c := cs["digital-economy"]
	for _, w := range []float64{470.8, 360, 270, 200, 130} {
		r := layout.Rect{X: 30, Y: 40, W: w, H: 250}
		items, err := drawVector(c, theme, set, r)
		if err != nil {
			t.Fatal(err)
		}
		if out := overflow(items, r); out > 0.01 {
			t.Errorf("%g pt wide: the drawing reaches %.2f pt beyond the chart", w, out)
		}
		rows := map[float64][]layout.TextRun{} // by baseline
		for _, it := range items {
			tr, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			for _, s := range c.Series {
				if tr.Text == s.Name {
					if !within(tr.Bounds(), r, 0.01) {
						t.Errorf("%g pt wide: the legend's %q %+v is outside the chart", w, tr.Text, tr.Bounds())
					}
					rows[tr.At.Y] = append(rows[tr.At.Y], tr)
				}
			}
		}
		n := 0
		for _, row := range rows {
			n += len(row)
			// The row from its first square to its last name.
			left, right := math.Inf(1), math.Inf(-1)
			for _, tr := range row {
				left = math.Min(left, tr.At.X-categorySize*1.6)
				right = math.Max(right, tr.At.X+tr.Width())
			}
			if mid := (left + right) / 2; math.Abs(mid-(r.X+r.W/2)) > 0.5 {
				t.Errorf("%g pt wide: a row of the legend is centred at %.2f, the chart at %.2f", w, mid, r.X+r.W/2)
			}
		}
		if n != len(c.Series) {
			t.Errorf("%g pt wide: the legend shows %d names, want %d", w, n, len(c.Series))
		}
		if w == 470.8 && len(rows) != 1 {
			t.Errorf("%g pt wide: the legend has %d rows, want 1", w, len(rows))
		}
		if w <= 270 && len(rows) < 2 {
			t.Errorf("%g pt wide: the legend has %d rows, want more", w, len(rows))
		}
	}
}

// TestValuesWithoutRoomAreWarnedAndKept draws a chart too small for its
// values, as a picture and as vectors: a warning names the values left
// out, and the PDF keeps them: as a drawing, the hidden text that holds
// them stays (the rest of the hidden text goes); as a picture, it all
// stays, as always, and the picture is not cached, so that the warning
// comes again.
func TestValuesWithoutRoomAreWarnedAndKept(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	pos := deck.Pos{File: "deck.yaml", Line: 3, Col: 5}
	c := *withoutLines(cs["digital-economy"])
	c.Pos = pos
	hidden := []string{strings.Join(c.Categories, " ")}
	for _, s := range c.Series {
		hidden = append(hidden, strings.Join(s.Labels, " "))
	}
	page := func() []layout.Page {
		items := []layout.Item{layout.Image{Rect: layout.Rect{X: 10, Y: 10, W: 160, H: 90}, Chart: &c}}
		for k, h := range hidden {
			items = append(items, layout.TextRun{At: layout.Point{X: 10, Y: 15 + 6*float64(k)}, Face: set.Regular, Size: 5, Text: h, Hidden: true, Src: pos})
		}
		return []layout.Page{{Items: items}}
	}
	const lost = "21.0, 24.9, 28.8, 31.7"
	for _, vector := range []bool{false, true} {
		name, what := "a picture", "the picture"
		if vector {
			name, what = "a drawing", "the drawing"
		}
		t.Run(name, func(t *testing.T) {
			cache := t.TempDir()
			pages := page()
			diags := fill(t, pages, theme, set, Options{Vector: vector, Cache: cache})
			want := `deck.yaml:3:5: warning: charts: chart "digital-economy" has no room to show the values ` + lost + `; ` + what + ` leaves them out and the PDF keeps them only as hidden text; give the chart more room`
			if got := strings.TrimSpace(diags.String()); got != want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, want)
			}
			var shown, kept []string
			for _, it := range pages[0].Items {
				if tr, ok := it.(layout.TextRun); ok {
					if tr.Hidden {
						kept = append(kept, tr.Text)
					} else {
						shown = append(shown, tr.Text)
					}
				}
			}
			for _, v := range strings.Split(lost, ", ") {
				if !strings.Contains(strings.Join(kept, "\n"), v) {
					t.Errorf("the value %s left out of the chart is not in the hidden text %q", v, kept)
				}
			}
			for _, s := range c.Series {
				for _, v := range s.Labels {
					if !slices.Contains(shown, v) && !strings.Contains(strings.Join(kept, "\n"), v) {
						t.Errorf("the value %s is neither drawn nor in the hidden text", v)
					}
				}
			}
			if vector && strings.Contains(strings.Join(kept, "\n"), "2017") {
				t.Errorf("the hidden text %q keeps the categories, which the drawing shows", kept)
			}
			if !vector && len(kept) != len(hidden) {
				t.Errorf("the picture's page keeps %d hidden runs, want %d", len(kept), len(hidden))
			}
			if files, _ := os.ReadDir(cache); !vector && len(files) > 0 {
				t.Errorf("a picture that leaves values out is cached")
			}
		})
	}
}

// TestCrowdedBarsAreWarned draws horizontal bars closer together than
// their labels are high: a warning says so.
func TestCrowdedBarsAreWarned(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	c := *cs["industry-internet-index"]
	c.Pos = deck.Pos{File: "deck.yaml", Line: 3, Col: 5}
	for _, h := range []float64{90, 60} {
		pages := []layout.Page{{Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 240, H: h}, Chart: &c}}}}
		got := strings.TrimSpace(fill(t, pages, theme, set, Options{Vector: true}).String())
		want := ""
		if h == 60 {
			want = `deck.yaml:3:5: warning: charts: chart "industry-internet-index" has its bars closer together than their labels are high, so that the labels overlap; give the chart more height`
		}
		if got != want {
			t.Errorf("%g pt high: diagnostics\n%s\nwant\n%s", h, got, want)
		}
	}
}
