package pptx

import (
	"fmt"

	"github.com/deckpdf/deck/fonts"
)

// A fontPart is an embedded font's file in the package.
type fontPart struct {
	name string
	data []byte
}

// fontParts lists the fonts Options.Embed gives in the presentation's
// embedded font list and returns their parts. PowerPoint names the font
// by its typeface and keeps each weight in a part of its own.
func (w *writer) fontParts(pres *presentation, rels *partRels) []fontPart {
	if w.opt.Embed == nil {
		return nil
	}
	var out []fontPart
	ef := embeddedFont{Font: fontRef{Typeface: w.typeface}}
	for k, face := range []*fonts.Face{w.fonts.Regular, w.fonts.Bold} {
		data, ok := w.opt.Embed(face)
		if !ok {
			continue
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
		pres.EmbedTT = "1"
	}
	return out
}
