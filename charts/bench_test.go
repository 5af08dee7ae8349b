package charts

import (
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
)

// BenchmarkDraw draws each chart of the report at its size in the deck.
func BenchmarkDraw(b *testing.B) {
	cs, theme := reportCharts(b)
	set := defaultFonts(b)
	sizes := map[string][2]float64{"digital-economy": {476, 253}, "industry-internet-index": {385, 237}, "market-size": {880, 326}}
	for id, size := range sizes {
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				if _, err := Draw(cs[id], theme, set, size[0], size[1], DPI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFill draws all charts of the laid-out report, concurrently.
func BenchmarkFill(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(b)
	for b.Loop() {
		pages, _ := layout.Layout(d, set)
		if diags := Fill(pages, d.Theme, set, Options{}); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
