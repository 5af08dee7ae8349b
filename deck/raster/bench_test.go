package raster_test

import (
	"bytes"
	"testing"

	"github.com/deckpdf/deck/deck/raster"
)

// BenchmarkDraw draws the built-in report's nine laid-out slides 1920 px
// wide, one after the other, without encoding them.
func BenchmarkDraw(b *testing.B) {
	pages := defaultPages(b)
	for b.Loop() {
		for i := range pages {
			if _, err := raster.Draw(&pages[i], raster.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkEncode encodes the nine slides as PNG files.
func BenchmarkEncode(b *testing.B) {
	pages := defaultPages(b)
	var buf bytes.Buffer
	for i := range pages {
		img, err := raster.Draw(&pages[i], raster.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(pages[i].Title, func(b *testing.B) {
			for b.Loop() {
				buf.Reset()
				if err := raster.Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
