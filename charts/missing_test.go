package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestMissingValuesAreGaps draws charts with missing values (NaN, an
// empty label) as vectors: a line is drawn in pieces either side of the
// gap with no dot there, a bar or a stacked segment is not drawn, no
// value is written, and no coordinate is NaN.
func TestMissingValuesAreGaps(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	nan := math.NaN()
	cs := axisCharts()
	noAxis := func(c *deck.Chart) *deck.Chart { out := *c; out.Axis = false; return &out }
	grouped := &deck.Chart{ID: "grouped", Kind: deck.ChartBar, Categories: []string{"2021", "2022", "2023"},
		Series: []deck.Series{
			{Name: "甲", Values: []float64{3, nan, 4}, Labels: []string{"3", "", "4"}},
			{Name: "乙", Values: []float64{2, 1, 3}, Labels: []string{"2", "1", "3"}},
		}}
	hbar := &deck.Chart{ID: "hbar", Kind: deck.ChartHBar, Categories: []string{"银行", "保险", "证券"},
		Series: []deck.Series{{Name: "甲", Values: []float64{3, nan, 4}, Labels: []string{"3", "", "4"}}}}
	primary := theme.Colors.Primary
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		// pieces of line, dots, and filled paths in the colour of the
		// series with a missing value (bars and the legend's swatch)
		pieces, dots, fills int
		fill                deck.Color
	}{
		{"a line with an axis has two pieces around its gap and five dots", cs["gap"], 2, 5, 0, primary},
		{"a line without an axis too", noAxis(cs["gap"]), 2, 5, 0, primary},
		{"a line whose only neighbours of a gap are alone has no piece there", &deck.Chart{ID: "lone", Kind: deck.ChartLine, Categories: []string{"a", "b", "c", "d"},
			Series: []deck.Series{{Name: "甲", Values: []float64{1, nan, 2, 3}, Labels: []string{"1", "", "2", "3"}}}}, 1, 3, 0, primary},
		{"a stacked column leaves out its missing segment", cs["stacked"], 0, 0, 2 + 1, primary.Mix(0.5)},
		{"a grouped column is not drawn", grouped, 0, 0, 2 + 1, primary},
		{"a horizontal bar is not drawn", hbar, 0, 0, 2, primary},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			pieces, dots, fills := 0, 0, 0
			for _, it := range items {
				switch it := it.(type) {
				case layout.Path:
					for _, p := range it.Points {
						if math.IsNaN(p.X) || math.IsNaN(p.Y) {
							t.Fatalf("a path has the point %v", p)
						}
					}
					switch {
					case it.Stroke == primary && it.Closed:
						dots++
					case it.Stroke == primary && it.Fill.A == 0:
						pieces++
					case it.Fill == c.fill:
						fills++
					}
				case layout.TextRun:
					if it.Text == "" {
						t.Errorf("an empty text run at %v", it.At)
					}
				}
			}
			if pieces != c.pieces || dots != c.dots || fills != c.fills {
				t.Errorf("%d pieces of line, %d dots, %d filled; want %d, %d, %d", pieces, dots, fills, c.pieces, c.dots, c.fills)
			}
		})
	}
}

// TestALineGapIsBlankInThePicture draws the line with a gap as a picture
// and looks down the middle between 2022Q2 and 2022Q4, where the line
// would run, and between 2022Q1 and 2022Q2, where it does.
func TestALineGapIsBlankInThePicture(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	c := axisCharts()["gap"]
	for _, axis := range []bool{true, false} {
		ch := *c
		ch.Axis = axis
		data, err := Draw(&ch, theme, set, 420, 230, DPI)
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, data)
		b := img.Bounds()
		// The categories' places, read off the vector drawing of the
		// same chart at the picture's size in points.
		items, err := drawVector(&ch, theme, set, layout.Rect{W: 420, H: 230})
		if err != nil {
			t.Fatal(err)
		}
		at := map[string]float64{}
		for _, it := range items {
			if r, ok := it.(layout.TextRun); ok && slices.Contains(ch.Categories, r.Text) {
				at[r.Text] = (r.At.X + r.Width()/2) * DPI / 72
			}
		}
		line := func(x float64) int {
			n := 0
			for y := 0; y < b.Dy()*7/8; y++ {
				if rgb(img.At(int(x), y)) == theme.Colors.Primary {
					n++
				}
			}
			return n
		}
		if n := line((at["2022Q2"] + at["2022Q4"]) / 2); n > 0 {
			t.Errorf("axis %v: %d pixels of the line where its value is missing", axis, n)
		}
		if n := line((at["2022Q1"] + at["2022Q2"]) / 2); n == 0 {
			t.Errorf("axis %v: no line between two values", axis)
		}
	}
}
