package fonts

import (
	"encoding/binary"
	"errors"
	"math"
)

// A Description is what a PDF font descriptor says of a TrueType font
// (ISO 32000-1, 9.8), in thousandths of an em, read from the font's
// tables as fpdf reads them, so that a file deck describes itself says
// what fpdf said.
type Description struct {
	// Ascent and Descent are the horizontal header's ascender and
	// descender, or the OS/2 typographic ones where those are zero.
	Ascent, Descent int
	// CapHeight is the OS/2 capital height; the ascent before OS/2
	// version 2.
	CapHeight int
	// BBox is the head table's box of all glyphs: xMin, yMin, xMax, yMax.
	BBox        [4]int
	ItalicAngle int // in degrees, counterclockwise from the vertical
	// Weight is the OS/2 weight class, 400 regular, 700 bold; 500 when the
	// font has no OS/2 table.
	Weight     int
	FixedPitch bool
	// MissingWidth is the advance of glyph 0, the notdef glyph.
	MissingWidth int
}

// Describe reads the description of the TrueType font file font.
func Describe(font []byte) (Description, error) {
	if len(font) < 12 {
		return Description{}, errors.New("fonts: not a font file")
	}
	t := tableDirectory(font)
	head, hhea, post, hmtx := t["head"], t["hhea"], t["post"], t["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(post) < 16 || len(hmtx) < 2 {
		return Description{}, errors.New("fonts: no head, hhea, post and hmtx tables to describe the font by")
	}
	be := binary.BigEndian
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return Description{}, errors.New("fonts: a font of 0 units per em")
	}
	// fpdf truncates the metrics and rounds the advances.
	scaled := func(b []byte) int { return int(float64(int16(be.Uint16(b))) * 1000 / upem) }
	d := Description{
		Ascent:       scaled(hhea[4:]),
		Descent:      scaled(hhea[6:]),
		BBox:         [4]int{scaled(head[36:]), scaled(head[38:]), scaled(head[40:]), scaled(head[42:])},
		ItalicAngle:  int(int16(be.Uint16(post[4:]))),
		FixedPitch:   be.Uint32(post[12:]) != 0,
		MissingWidth: int(math.Round(float64(be.Uint16(hmtx)) * 1000 / upem)),
		Weight:       500,
	}
	os2 := t["OS/2"]
	if len(os2) < 72 {
		if d.Ascent == 0 {
			d.Ascent = d.BBox[3]
		}
		if d.Descent == 0 {
			d.Descent = d.BBox[1]
		}
		d.CapHeight = d.Ascent
		return d, nil
	}
	d.Weight = int(be.Uint16(os2[4:]))
	if d.Ascent == 0 {
		d.Ascent = scaled(os2[68:])
	}
	if d.Descent == 0 {
		d.Descent = scaled(os2[70:])
	}
	d.CapHeight = d.Ascent
	if be.Uint16(os2) > 1 && len(os2) >= 90 {
		d.CapHeight = scaled(os2[88:])
	}
	return d, nil
}
