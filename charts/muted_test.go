package charts

import (
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestMutedLinesKeepLegibleValues draws lines of which one is
// highlighted: the others' lines are light greys, but their values are
// written in the theme's muted text colour, the highlighted line's in the
// accent.
func TestMutedLinesKeepLegibleValues(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	c := &deck.Chart{ID: "growth", Kind: deck.ChartLine, Categories: []string{"2021", "2022", "2023"},
		Series: []deck.Series{
			{Name: "笔数", Values: []float64{21.3, 15.1, 9.8}, Labels: []string{"21.3", "15.1", "9.8"}},
			{Name: "金额", Highlight: true, Values: []float64{3.2, -1.4, -5.2}, Labels: []string{"3.2", "-1.4", "-5.2"}},
			{Name: "终端", Values: []float64{11.0, 12.5, 8.6}, Labels: []string{"11.0", "12.5", "8.6"}},
		}}
	items, err := drawVector(c, theme, set, layout.Rect{W: 420, H: 230})
	if err != nil {
		t.Fatal(err)
	}
	fill := map[string]deck.Color{}
	for _, it := range items {
		if r, ok := it.(layout.TextRun); ok && !r.Hidden {
			fill[r.Text] = r.Fill
		}
	}
	for _, s := range c.Series {
		want := theme.Colors.Muted
		if s.Highlight {
			want = theme.Colors.Accent
		}
		t.Run("the values of "+s.Name+" are in "+want.String(), func(t *testing.T) {
			for _, l := range s.Labels {
				got, ok := fill[l]
				if !ok {
					t.Fatalf("the value %q is not drawn", l)
				}
				if got != want {
					t.Errorf("the value %q is %v, want %v", l, got, want)
				}
			}
		})
	}
}
