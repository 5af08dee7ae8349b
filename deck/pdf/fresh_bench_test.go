package pdf_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck/layout"

	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
)

// BenchmarkWriteFreshFonts is BenchmarkWrite/fpdf with faces parsed anew
// for every PDF, as in a process that renders once: nothing a face
// remembers (its advances, its last subset) is there yet.
func BenchmarkWriteFreshFonts(b *testing.B) {
	d := defaultDeck(b)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		b.StopTimer()
		reg, err := fonts.Parse("regular.ttf", d.fonts.Regular.Data())
		if err != nil {
			b.Fatal(err)
		}
		bold, err := fonts.Parse("bold.ttf", d.fonts.Bold.Data())
		if err != nil {
			b.Fatal(err)
		}
		pages := refaced(d.pages, map[*fonts.Face]*fonts.Face{d.fonts.Regular: reg, d.fonts.Bold: bold})
		b.StartTimer()
		buf.Reset()
		opt := pdf.Options{Meta: d.meta, Creator: "deck bench", Date: date, Fonts: &fonts.Set{Regular: reg, Bold: bold}}
		if err := pdf.Write(&buf, pages, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// refaced returns a copy of pages whose text runs are in the faces that
// faces maps theirs to.
func refaced(pages []layout.Page, faces map[*fonts.Face]*fonts.Face) []layout.Page {
	out := make([]layout.Page, len(pages))
	for i, pg := range pages {
		pg.Items = slices.Clone(pg.Items)
		for k, it := range pg.Items {
			if t, ok := it.(layout.TextRun); ok && faces[t.Face] != nil {
				t.Face = faces[t.Face]
				pg.Items[k] = t
			}
		}
		out[i] = pg
	}
	return out
}
