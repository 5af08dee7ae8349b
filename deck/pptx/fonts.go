package pptx

import (
	"fmt"
	"slices"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// A fontPart is an embedded font's file in the package.
type fontPart struct {
	name string
	data []byte
}

// fontParts embeds the regular and bold faces, each subset to the runes
// the pages draw in it (the speaker notes' runes in the regular face), as
// Embedded OpenType parts, and lists them in the presentation's embedded
// font list. PowerPoint names the font by its typeface and keeps each
// weight in a part of its own; a face that draws nothing is left out.
func (w *writer) fontParts(pres *presentation, rels *partRels) ([]fontPart, error) {
	if !w.opt.EmbedFonts {
		return nil, nil
	}
	used := layout.Runes(w.pages)
	var notes []rune
	for _, n := range w.opt.Notes {
		notes = append(notes, []rune(n)...)
	}
	var out []fontPart
	ef := embeddedFont{Font: fontRef{Typeface: w.typeface}}
	for k, face := range []*fonts.Face{w.fonts.Regular, w.fonts.Bold} {
		runes := used[face]
		if k == 0 {
			runes = append(slices.Clone(runes), notes...)
		}
		if len(runes) == 0 {
			continue
		}
		ttf, err := fonts.Subset(face, runes)
		if err != nil {
			return nil, fmt.Errorf("pptx: %w", err)
		}
		data, err := eot(ttf)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("fonts/font%d.fntdata", len(out)+1)
		out = append(out, fontPart{name, data})
		id := &idEntry{RID: rels.add(relFont, name, "")}
		if k == 0 {
			ef.Regular = id
		} else {
			ef.Bold = id
		}
	}
	if len(out) > 0 {
		pres.Fonts = &fontList{Fonts: []embeddedFont{ef}}
		pres.EmbedTT, pres.SaveSubset = "1", "1"
	}
	return out, nil
}
