package charts

import (
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestTickCodeCutsDecimalsToTheStep: a tick's code is the chart's format
// with no more decimals than the step needs, its literals, currency,
// separators and negative section kept.
func TestTickCodeCutsDecimalsToTheStep(t *testing.T) {
	for _, c := range []struct {
		name, code string
		d          int
		want       string
	}{
		{"one decimal dropped for a whole step", "#,##0.0", 0, "#,##0"},
		{"two decimals of a percentage cut to one", "0.00%", 1, "0.0%"},
		{"a code with fewer decimals than the step needs is kept", "0.0", 2, "0.0"},
		{"both sections of a negative in brackets are cut", "#,##0.00;(#,##0.00)", 0, "#,##0;(#,##0)"},
		{"currency and a quoted unit with a dot are kept", `¥#,##0.00"元."`, 1, `¥#,##0.0"元."`},
		{"an escaped dot is a literal", `0\.0.00`, 0, `0\.0`},
		{"a colour in brackets is kept", "[Red]0.00", 0, "[Red]0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tickCode(c.code, c.d); got != c.want {
				t.Fatalf("tickCode(%q, %d) = %q, want %q", c.code, c.d, got, c.want)
			}
		})
	}
}

// TestTickLabelsHaveTheDecimalsOfTheStep draws charts whose format has
// more decimals than their ticks need: the ticks are written in the
// format without them.
func TestTickLabelsHaveTheDecimalsOfTheStep(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	r := layout.Rect{X: 20, Y: 30, W: 420, H: 230}
	revenue := &deck.Chart{ID: "rev", Kind: deck.ChartBar, Axis: true, Format: "#,##0.0", Categories: []string{"2021", "2022", "2023"},
		Series: []deck.Series{{Name: "营收", Values: []float64{5100.2, 6200.5, 7300.9}, Labels: []string{"5,100.2", "6,200.5", "7,300.9"}}}}
	nim2 := nim(nil)
	nim2.Axis, nim2.Format = true, "0.00%"
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		want  []string
	}{
		{"thousands with one decimal tick by whole thousands", revenue, []string{"8,000", "6,000", "4,000", "2,000", "0"}},
		{"percentages with two decimals tick by half points with one", nim2, []string{"2.5%", "2.0%", "1.5%", "1.0%", "0.5%", "0.0%"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			got := texts(ticks(items, ""))
			if len(got) != len(c.want) {
				t.Fatalf("tick labels %q, want %q", got, c.want)
			}
			for k := range got {
				if got[k] != c.want[k] {
					t.Fatalf("tick labels %q, want %q", got, c.want)
				}
			}
		})
	}
}
