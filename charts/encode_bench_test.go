package charts

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/deckpdf/deck/deck/palette"
	"github.com/wcharczuk/go-chart/v2"
)

// BenchmarkEncode encodes the report's widest chart, drawn once: the
// palette reduced alone; reduced and written as a PNG in one pass, as
// charts do (reduced-png); and, to compare, the reduced picture written by
// image/png at its fastest; and the indexed canvases charts draw the
// report's three charts on, written as charts write them (indexed-png).
func BenchmarkEncode(b *testing.B) {
	img := marketSizePixels(b)
	b.Run("reduce", func(b *testing.B) {
		for b.Loop() {
			palette.Reduce(img, math.Inf(1))
		}
	})
	b.Run("image/png", func(b *testing.B) {
		p := palette.Reduce(img, math.Inf(1))
		for b.Loop() {
			var buf bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name string
		w, h float64
	}{{"market-size", 880, 326}, {"digital-economy", 471, 253}, {"industry-internet-index", 385, 238}} {
		b.Run("indexed-png/"+c.name, func(b *testing.B) {
			px := reportCanvas(b, c.name, c.w, c.h)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := encode(px); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("reduced-png", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if _, err := palette.EncodeReducedPNG(&buf, img, math.Inf(1)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// reportCanvas returns the report's chart of that name drawn as charts
// draw it, on an indexed canvas, w×h points at DPI: its size in the deck.
func reportCanvas(b *testing.B, name string, w, h float64) *pixels {
	cs, theme := reportCharts(b)
	measure, err := chart.PNG(1, 1)
	if err != nil {
		b.Fatal(err)
	}
	measure.SetDPI(DPI)
	px := new(pixels)
	d := new(chartCanvas)
	if _, err := render(cs[name], theme, defaultFonts(b), w, h, DPI, measure, d.provider(), px); err != nil {
		b.Fatal(err)
	}
	if px.canvas == nil || px.canvas.rgba != nil {
		b.Fatal("the chart was not drawn on an indexed canvas")
	}
	return px
}

// marketSizePixels returns the report's market-size chart as go-chart
// rasterized it, at its size in the deck.
func marketSizePixels(b *testing.B) *image.RGBA {
	cs, theme := reportCharts(b)
	set := defaultFonts(b)
	measure, err := chart.PNG(1, 1)
	if err != nil {
		b.Fatal(err)
	}
	measure.SetDPI(DPI)
	var px pixels
	if _, err := render(cs["market-size"], theme, set, 880, 326, DPI, measure, quickPNG, &px); err != nil {
		b.Fatal(err)
	}
	return px.rgba()
}
