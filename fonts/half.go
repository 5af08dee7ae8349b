package fonts

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Half-width forms of Chinese punctuation.
//
// A Chinese punctuation mark takes a full em, half of it blank: the blank
// is on the right of a closing mark and on the left of an opening one.
// Where two marks meet, the layout takes half an em out of the first.
// Drawn with the full glyph, the next mark then starts inside the first
// one's box, and text extractors (poppler) read a new line there. A
// subset made with SubsetHalf has a glyph of its own for the compressed
// form: the same outline with half an em less advance, the ink kept in
// place for a closing mark and moved half an em left for an opening one,
// so that the form is the mark's inked half.
//
// Each form is mapped in the subset's cmap to a code point of the Private
// Use Area, fixed per mark: HalfBase plus the mark's place in HalfMarks.
// A PDF draws the form by that code point and maps it back to the mark
// for text extraction.
const (
	// HalfMarks are the marks that have half-width forms: the closing
	// ones, then the opening ones.
	HalfMarks = closingMarks + openingMarks
	// HalfBase is the code point of the first mark's half-width form.
	HalfBase rune = 0xE000

	closingMarks = "，。、；：）》」』”’】〕〉"
	openingMarks = "（《「『“‘【〔〈"
)

// HalfWidth returns the code point of r's half-width form, and whether r
// has one.
func HalfWidth(r rune) (rune, bool) {
	i := strings.IndexRune(HalfMarks, r)
	if i < 0 {
		return 0, false
	}
	return HalfBase + rune(utf8.RuneCountInString(HalfMarks[:i])), true
}

// FullWidth returns the mark whose half-width form is at code point c,
// and whether c is one.
func FullWidth(c rune) (rune, bool) {
	i := int(c - HalfBase)
	if c < HalfBase || i >= utf8.RuneCountInString(HalfMarks) {
		return 0, false
	}
	return []rune(HalfMarks)[i], true
}

// halfShift returns how far, in font units, the half-width form of r
// moves its outline: nothing for a closing mark, half an em to the left
// for an opening one.
func halfShift(r rune, upem int) int {
	if strings.ContainsRune(openingMarks, r) {
		return -upem / 2
	}
	return 0
}

// A halfGlyph is a half-width form a subset adds: a composite of the
// face's glyph base, its outline moved by dx font units, mapped to code.
type halfGlyph struct {
	code rune
	base uint16 // the face's glyph id
	dx   int
}

// compositeOf returns a composite glyph of one component, the glyph
// newBase moved by dx, whose outline g (the component's own glyph data)
// bounds.
func compositeOf(g []byte, newBase uint16, dx int) []byte {
	const argsWords, argsXY = 0x0001, 0x0002
	out := make([]byte, compHeaderLen+8)
	binary.BigEndian.PutUint16(out, 0xFFFF) // numberOfContours -1: composite
	if len(g) >= compHeaderLen {
		for k, off := range []int{2, 4, 6, 8} {
			v := int(int16(binary.BigEndian.Uint16(g[off:])))
			if k%2 == 0 { // xMin, xMax
				v += dx
			}
			binary.BigEndian.PutUint16(out[off:], uint16(int16(v)))
		}
	}
	binary.BigEndian.PutUint16(out[compHeaderLen:], argsWords|argsXY)
	binary.BigEndian.PutUint16(out[compHeaderLen+2:], newBase)
	binary.BigEndian.PutUint16(out[compHeaderLen+4:], uint16(int16(dx)))
	return out // dy stays 0
}
