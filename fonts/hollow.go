package fonts

import (
	"encoding/binary"
	"errors"
	"maps"
)

// Hollow returns the TrueType font file font with every glyph's outline
// taken out and all else kept: its character map, advances and metrics.
// A PDF library that only reads a font's metrics and cuts it down is
// given the hollow font, which costs it next to nothing, and the font
// program written into the file is the whole one (see deck/pdf).
func Hollow(font []byte) ([]byte, error) {
	tables := tableDirectory(font)
	maxp, head := tables["maxp"], tables["head"]
	if tables["glyf"] == nil || tables["loca"] == nil || len(maxp) < 6 || len(head) < 54 {
		return nil, errors.New("fonts: no TrueType outlines to take out")
	}
	out := maps.Clone(tables)
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	entry := 2 // short offsets
	if binary.BigEndian.Uint16(head[50:]) == 1 {
		entry = 4
	}
	out["loca"] = make([]byte, entry*(glyphs+1))
	out["glyf"] = []byte{}
	h := patched(head, 8, 0) // checkSumAdjustment, set by assemble
	binary.BigEndian.PutUint16(h[10:], 0)
	out["head"] = h
	return assemble(out), nil
}
