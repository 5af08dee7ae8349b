package charts

import (
	"math"
	"slices"
	"testing"

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
	r := layout.Rect{X: 10, Y: 20, W: 476, H: 253}
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
