package pdf

import (
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// subsetFonts returns each face of set, and each other face the pages
// draw text in, subset to the runes drawn in it (layout.Runes,
// fonts.Subset): the PDF libraries then parse and embed a font of the
// document's glyphs, not the whole face. A face of set that draws nothing
// is subset to its notdef glyph: fpdf sets the regular face for the
// outline's titles.
func subsetFonts(pages []layout.Page, set *fonts.Set) (map[*fonts.Face][]byte, error) {
	used := layout.Runes(pages)
	for _, f := range []*fonts.Face{set.Regular, set.Bold} {
		if _, ok := used[f]; !ok {
			used[f] = nil
		}
	}
	out := make(map[*fonts.Face][]byte, len(used))
	for f, runes := range used {
		data, err := fonts.Subset(f, runes)
		if err != nil {
			return nil, err
		}
		out[f] = data
	}
	return out, nil
}
