package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestStackedTotalsStandOverTheirColumns draws stacked columns with
// totals as vectors: each total, bold, in the text colour, is centred
// over its column and above its top; written with the labels' decimals,
// or with the chart's format after its scale; a column of missing values
// only has none; without Total there is none.
func TestStackedTotalsStandOverTheirColumns(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	base := axisCharts()["stacked"]
	with := func(edit func(c *deck.Chart)) *deck.Chart {
		c := *base
		c.Series = slices.Clone(base.Series)
		edit(&c)
		return &c
	}
	nan := math.NaN()
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		want  []string // by column; "" for none
	}{
		{"with the labels' decimals, a missing segment left out", base, []string{"15.2", "16.5", "10.9"}},
		{"with the chart's format and scale", with(func(c *deck.Chart) { c.Format, c.Scale = "#,##0.00", 0.001 }),
			[]string{"15,200.00", "16,500.00", "10,900.00"}},
		{"a column of missing values has no total", with(func(c *deck.Chart) {
			for j := range c.Series {
				s := &c.Series[j]
				s.Values, s.Labels = slices.Clone(s.Values), slices.Clone(s.Labels)
				s.Values[0], s.Labels[0] = nan, ""
			}
		}), []string{"", "16.5", "10.9"}},
		{"without Total, none", with(func(c *deck.Chart) { c.Total = false }), []string{"", "", ""}},
		{"without an axis, as with one", with(func(c *deck.Chart) { c.Axis = false }), []string{"15.2", "16.5", "10.9"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			// Columns' middles: their categories' labels'.
			mids := map[string]float64{}
			runs := map[string]layout.TextRun{}
			for _, it := range items {
				if t, ok := it.(layout.TextRun); ok {
					if t.Face == set.Bold {
						runs[t.Text] = t
					}
					mids[t.Text] = t.At.X + t.Width()/2
				}
			}
			for k, want := range c.want {
				mid := mids[c.chart.Categories[k]]
				if want == "" {
					for _, t2 := range runs {
						if m := t2.At.X + t2.Width()/2; math.Abs(m-mid) < 0.2 {
							t.Errorf("column %d has a total %q", k, t2.Text)
						}
					}
					continue
				}
				run, ok := runs[want]
				if !ok {
					t.Fatalf("no bold text %q; bold texts %v", want, runs)
				}
				if m := run.At.X + run.Width()/2; math.Abs(m-mid) > 0.2 {
					t.Errorf("%q is centred at %.2f, its column at %.2f", want, m, mid)
				}
				if run.Fill != theme.Colors.Text {
					t.Errorf("%q is in %v, want the text colour", want, run.Fill)
				}
				// Above the column's highest segment: every segment of
				// the column (a filled path centred on it) is below the
				// total's baseline.
				for _, b := range filledRects(items) {
					if math.Abs(b.X+b.W/2-mid) < 0.2 && b.Y < run.At.Y {
						t.Errorf("%q at %.2f is not above its column, which reaches %.2f", want, run.At.Y, b.Y)
					}
				}
			}
		})
	}
}

// TestSeriesColours draws a bar chart with a line as vectors: a series'
// own colour fills its bars and its legend's swatch; a highlighted
// series takes the accent and the others greys.
func TestSeriesColours(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	own := deck.Color{R: 0x2E, G: 0x8B, B: 0x57, A: 255}
	c0 := axisCharts()["stacked"]
	for _, c := range []struct {
		name  string
		edit  func(s []deck.Series)
		fills map[deck.Color]int // filled paths by colour: bars and swatches
	}{
		{"the palette in turn", func([]deck.Series) {},
			map[deck.Color]int{theme.Colors.Primary: 4, theme.Colors.Primary.Mix(0.5): 3, theme.Colors.Accent: 4}},
		{"a series' own colour", func(s []deck.Series) { s[1].Color = own.String() },
			map[deck.Color]int{theme.Colors.Primary: 4, own: 3, theme.Colors.Accent: 4}},
		{"a highlighted series in the accent, the others grey", func(s []deck.Series) { s[0].Highlight = true },
			map[deck.Color]int{theme.Colors.Accent: 4, theme.Colors.Muted.Mix(mutedTints[1]): 3, theme.Colors.Muted.Mix(mutedTints[2]): 4}},
		{"an own colour wins over the greys of a highlight", func(s []deck.Series) { s[0].Highlight, s[2].Color = true, own.String() },
			map[deck.Color]int{theme.Colors.Accent: 4, theme.Colors.Muted.Mix(mutedTints[1]): 3, own: 4}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := *c0
			ch.Series = slices.Clone(c0.Series)
			c.edit(ch.Series)
			items, err := drawVector(&ch, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			for col, want := range c.fills {
				if got := len(filledIn(items, col)); got != want {
					t.Errorf("%d paths filled with %v, want %d", got, col, want)
				}
			}
		})
	}
}
