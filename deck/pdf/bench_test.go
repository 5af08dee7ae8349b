package pdf_test

import (
	"bytes"
	"testing"

	"github.com/deckpdf/deck/deck/pdf"
)

// BenchmarkWrite writes the default report's laid-out pages, charts drawn,
// with each engine. pdf-bytes is the size of the file written.
func BenchmarkWrite(b *testing.B) {
	d := defaultDeck(b)
	for _, e := range pdf.Engines {
		b.Run(e.String(), func(b *testing.B) {
			b.ReportAllocs()
			opt := pdf.Options{Meta: d.meta, Creator: "deck bench", Date: date, Fonts: d.fonts, Engine: e}
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := pdf.Write(&buf, d.pages, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "pdf-bytes")
		})
	}
}
