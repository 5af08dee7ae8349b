package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestStackedSegmentsAreAsHighAsTheirValues draws the report's stacked
// columns as vectors: in every column, each segment stands on the one
// below it (the first on the baseline), and every segment is as high as
// its value, at one scale for the whole chart.
func TestStackedSegmentsAreAsHighAsTheirValues(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	c := cs["digital-economy"]
	r := layout.Rect{X: 10, Y: 20, W: 880, H: 330}
	items, err := drawVector(c, theme, set, r)
	if err != nil {
		t.Fatal(err)
	}
	cv := canvas{chart: c, theme: theme}
	bottoms, tops := filledIn(items, cv.seriesColor(0)), filledIn(items, cv.seriesColor(1))
	// The legend's swatches have the series' colours too: a column's
	// first segment is one that reaches down to the baseline.
	base := 0.0
	for _, b := range bottoms {
		base = max(base, b.Y+b.H)
	}
	bottoms = slices.DeleteFunc(bottoms, func(b layout.Rect) bool { return math.Abs(b.Y+b.H-base) > tol })
	slices.SortFunc(bottoms, func(a, b layout.Rect) int { return int(math.Copysign(1, a.X-b.X)) })
	if len(bottoms) != len(c.Categories) {
		t.Fatalf("%d columns on the baseline, want %d", len(bottoms), len(c.Categories))
	}
	type column struct{ bottom, top layout.Rect }
	cols := make([]column, len(bottoms))
	for i, b := range bottoms {
		k := slices.IndexFunc(tops, func(o layout.Rect) bool { return math.Abs(o.X-b.X) < tol && math.Abs(o.W-b.W) < tol })
		if k < 0 {
			t.Fatalf("column %s has no second segment", c.Categories[i])
		}
		cols[i] = column{b, tops[k]}
	}
	// Points per unit, by the last column, the highest.
	last := len(cols) - 1
	scale := (base - cols[last].top.Y) / (c.Series[0].Values[last] + c.Series[1].Values[last])
	for i, col := range cols {
		if gap := col.bottom.Y - (col.top.Y + col.top.H); math.Abs(gap) > tol {
			t.Errorf("column %s: the second segment ends %.2f pt above the first", c.Categories[i], gap)
		}
		for j, seg := range []layout.Rect{col.bottom, col.top} {
			if want := c.Series[j].Values[i] * scale; math.Abs(seg.H-want) > 2*tol {
				t.Errorf("column %s, series %d: the segment is %.2f pt high, want %.2f", c.Categories[i], j, seg.H, want)
			}
		}
	}
}

// TestAStackedSeriesValuesStandAlikeInEveryColumn draws a bank's loan mix
// as wide as a slide, whose thin top segments (1,357 to 1,890) would hold
// their values in some columns and not in others: each series' values are
// inside its segments
// in every column or beside them in every column, and the thin series'
// are beside.
func TestAStackedSeriesValuesStandAlikeInEveryColumn(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	c := &deck.Chart{ID: "loan-mix", Kind: deck.ChartBar, Stacked: true, Total: true, Axis: true, Format: "#,##0",
		Categories: []string{"2019", "2020", "2021", "2022", "2023"},
		Series: []deck.Series{
			{Name: "对公贷款", Values: []float64{14231.5, 15602.1, 16955.4, 18410.2, 19800}, Labels: []string{"14,232", "15,602", "16,955", "18,410", "19,800"}},
			{Name: "个人贷款", Values: []float64{11902.8, 12874.3, 13920.7, 14336.5, 14702.9}, Labels: []string{"11,903", "12,874", "13,921", "14,337", "14,703"}},
			{Name: "票据贴现", Values: []float64{1356.9, 1569.6, 1412.0, 1735.8, 1890.4}, Labels: []string{"1,357", "1,570", "1,412", "1,736", "1,890"}},
		}}
	r := layout.Rect{X: 10, Y: 20, W: 880, H: 330}
	items, err := drawVector(c, theme, set, r)
	if err != nil {
		t.Fatal(err)
	}
	cv := canvas{chart: c, theme: theme}
	for jj, s := range c.Series {
		t.Run("the values of "+s.Name+" stand alike", func(t *testing.T) {
			segs := filledIn(items, cv.barColor(jj, jj, len(c.Series), 0))
			inside := 0
			for _, l := range s.Labels {
				k := slices.IndexFunc(items, func(it layout.Item) bool {
					run, ok := it.(layout.TextRun)
					return ok && run.Text == l && !run.Hidden
				})
				if k < 0 {
					t.Fatalf("the value %q is not drawn", l)
				}
				b := items[k].(layout.TextRun).Bounds()
				x, y := b.X+b.W/2, b.Y+b.H/2
				if slices.ContainsFunc(segs, func(g layout.Rect) bool { return g.X < x && x < g.X+g.W && g.Y < y && y < g.Y+g.H }) {
					inside++
				}
			}
			want := len(s.Labels)
			if jj == 2 {
				want = 0
			}
			if inside != want {
				t.Errorf("%d of %d values inside their segments, want %d", inside, len(s.Labels), want)
			}
		})
	}
}
