package main

import (
	"bytes"
	"io"
	"testing"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
)

// The stage benchmarks measure the pipeline on the default report, one
// stage at a time, with the stages before it done once outside the loop.

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, diags := content.Load(content.Default(), content.DeckFile, ""); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set, _ := fonts.Default()
	for b.Loop() {
		layout.Layout(d, set)
	}
}

func BenchmarkCharts(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set, _ := fonts.Default()
	pages, _ := layout.Layout(d, set)
	for b.Loop() {
		if diags := charts.Fill(pages, d.Theme, set, charts.Options{}); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

func BenchmarkPDFWrite(b *testing.B) {
	bld, _ := buildDeck("")
	opt := pdf.Options{Meta: bld.deck.Meta, Fonts: bld.fonts}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := pdf.Write(&buf, bld.pages, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkRender is the whole of deck render after start-up: load, lay
// out, draw the charts, write the PDF.
func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		bld, err := buildDeck("")
		if err != nil || !bld.ok() {
			b.Fatal(err, bld.diags)
		}
		if err := pdf.Write(io.Discard, bld.pages, pdf.Options{Meta: bld.deck.Meta, Fonts: bld.fonts}); err != nil {
			b.Fatal(err)
		}
	}
}
