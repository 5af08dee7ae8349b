package charts

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// A drawnBar is a horizontal bar of a vector drawing with the category
// label left of it and the value label right of it.
type drawnBar struct {
	bar             layout.Rect
	category, value layout.TextRun
}

// drawnBars returns the bars of a horizontal bar chart of positive values
// from the top down, each with the text runs level with its middle on
// either side: the category label ending left of the bar, the value label
// starting right of its end.
func drawnBars(t *testing.T, items []layout.Item, r layout.Rect) []drawnBar {
	t.Helper()
	var out []drawnBar
	for _, b := range filledRects(items) {
		if b.H > r.H/2 {
			continue // not a bar: the background
		}
		d := drawnBar{bar: b}
		mid := b.Y + b.H/2
		for _, it := range items {
			tr, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			lb := tr.Bounds()
			level := lb.Y < mid && mid < lb.Y+lb.H
			switch {
			case level && lb.X+lb.W <= b.X+tol:
				d.category = tr
			case level && lb.X >= b.X+b.W-tol:
				d.value = tr
			}
		}
		if d.category.Text == "" || d.value.Text == "" {
			t.Fatalf("the bar at y %.2f has the category %q and the value %q beside it", b.Y, d.category.Text, d.value.Text)
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b drawnBar) int { return int(math.Copysign(1, a.bar.Y-b.bar.Y)) })
	return out
}

// TestHorizontalBarsReadFromTheTop draws data out of order, as written and
// sorted both ways, and reads the drawing as the eye does: the bars from
// the top down (descending puts the largest on top), the text runs in the
// order a PDF reader extracts them, and each value label level with its
// own bar, just right of its end, saying the value of that bar's category.
func TestHorizontalBarsReadFromTheTop(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	data := &deck.Chart{ID: "unsorted", Kind: deck.ChartHBar,
		Categories: []string{"银行", "保险", "证券", "信托", "基金"},
		Series:     []deck.Series{{Name: "指数", Values: []float64{12.5, 3.1, 27.8, 8.4, 19.2}, Labels: []string{"12.5", "3.1", "27.8", "8.4", "19.2"}}}}
	r := layout.Rect{X: 20, Y: 30, W: 320, H: 220}
	cases := []struct {
		name  string
		order deck.Order
		want  string // the categories from the top down
	}{
		{"without sort, the first row of the data is on top", deck.OrderAsWritten, "银行 保险 证券 信托 基金"},
		{"ascending puts the smallest on top", deck.OrderAscending, "保险 信托 银行 基金 证券"},
		{"descending puts the largest on top", deck.OrderDescending, "证券 基金 银行 信托 保险"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := *data
			c.Sort = tc.order
			items, err := drawVector(&c, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			bars := drawnBars(t, items, r)
			var down []string
			for _, b := range bars {
				down = append(down, b.category.Text)
			}
			if got := strings.Join(down, " "); got != tc.want {
				t.Errorf("bars from the top: %s, want %s", got, tc.want)
			}
			var read []string
			for _, it := range items {
				if tr, ok := it.(layout.TextRun); ok && slices.Contains(c.Categories, tr.Text) {
					read = append(read, tr.Text)
				}
			}
			if got := strings.Join(read, " "); got != tc.want {
				t.Errorf("categories in the order of the text: %s, want %s", got, tc.want)
			}
			// Points of bar per unit of value, by the longest bar.
			longest := slices.MaxFunc(bars, func(a, b drawnBar) int { return int(math.Copysign(1, a.bar.W-b.bar.W)) })
			top, _ := strconv.ParseFloat(longest.value.Text, 64)
			scale := longest.bar.W / top
			for _, b := range bars {
				i := slices.Index(c.Categories, b.category.Text)
				if want := c.Series[0].Labels[i]; b.value.Text != want {
					t.Errorf("the bar of %s is labelled %s, want %s", b.category.Text, b.value.Text, want)
				}
				if gap := b.value.At.X - (b.bar.X + b.bar.W); gap < 0 || gap > 6 {
					t.Errorf("the value %s starts %.2f pt from its bar's end, want 0 to 6", b.value.Text, gap)
				}
				if lb := b.value.Bounds(); math.Abs(lb.Y+lb.H/2-(b.bar.Y+b.bar.H/2)) > b.bar.H/4 {
					t.Errorf("the value %s has its middle at %.2f, its bar's is at %.2f", b.value.Text, lb.Y+lb.H/2, b.bar.Y+b.bar.H/2)
				}
				v, _ := strconv.ParseFloat(b.value.Text, 64)
				if math.Abs(b.bar.W-v*scale) > 2*tol {
					t.Errorf("the bar labelled %s is %.2f pt long, want %.2f", b.value.Text, b.bar.W, v*scale)
				}
			}
		})
	}
}
