package pdf_test

import (
	"bytes"
	"testing"

	"github.com/deckpdf/deck/deck/pdf"
)

// BenchmarkWrite writes the default report's laid-out pages, charts drawn,
// with each engine: as pictures (fpdf, gopdf) and as vectors
// (fpdf-vector-charts, gopdf-vector-charts). pdf-bytes is the size of the
// file written.
func BenchmarkWrite(b *testing.B) {
	for _, d := range []struct {
		suffix string
		deck   testDeck
	}{{"", defaultDeck(b)}, {"-vector-charts", vectorDeck(b)}} {
		for _, e := range pdf.Engines {
			b.Run(e.String()+d.suffix, func(b *testing.B) {
				b.ReportAllocs()
				opt := pdf.Options{Meta: d.deck.meta, Creator: "deck bench", Date: date, Fonts: d.deck.fonts, Engine: e}
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					if err := pdf.Write(&buf, d.deck.pages, opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(buf.Len()), "pdf-bytes")
			})
		}
	}
}
