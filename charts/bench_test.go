package charts

import (
	"slices"
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

// BenchmarkFill draws all the charts of the laid-out report as pictures,
// concurrently.
func BenchmarkFill(b *testing.B) { benchmarkFill(b, Options{}) }

// BenchmarkFillVector draws all the charts of the laid-out report as
// vectors, concurrently.
func BenchmarkFillVector(b *testing.B) { benchmarkFill(b, Options{Vector: true}) }

// benchmarkFill fills a fresh copy of the report's pages each time: Fill
// changes the pages' items.
func benchmarkFill(b *testing.B, opt Options) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(b)
	laid, _ := layout.Layout(d, set)
	pages := make([]layout.Page, len(laid))
	for b.Loop() {
		for i, p := range laid {
			p.Items = slices.Clone(p.Items)
			pages[i] = p
		}
		if diags := fill(b, pages, d.Theme, set, opt); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
