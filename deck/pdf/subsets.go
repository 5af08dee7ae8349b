package pdf

import (
	"slices"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// subsetFonts returns each face of set, and each other face the pages
// draw text in, subset to the runes drawn in it (fonts.Subset): the PDF
// libraries then parse and embed a font of the document's glyphs, not the
// whole face. Every text run counts, hidden ones and a vector chart's
// labels included. A face of set that draws nothing is subset to its
// notdef glyph: fpdf sets the regular face for the outline's titles.
func subsetFonts(pages []layout.Page, set *fonts.Set) (map[*fonts.Face][]byte, error) {
	used := map[*fonts.Face]map[rune]bool{set.Regular: {}, set.Bold: {}}
	for i := range pages {
		for _, it := range pages[i].Items {
			t, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			rs := used[t.Face]
			if rs == nil {
				rs = map[rune]bool{}
				used[t.Face] = rs
			}
			for _, r := range t.Text {
				rs[r] = true
			}
		}
	}
	out := make(map[*fonts.Face][]byte, len(used))
	for f, rs := range used {
		runes := make([]rune, 0, len(rs))
		for r := range rs {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		data, err := fonts.Subset(f, runes)
		if err != nil {
			return nil, err
		}
		out[f] = data
	}
	return out, nil
}
