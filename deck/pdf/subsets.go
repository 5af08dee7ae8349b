package pdf

import (
	"maps"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// subsetFonts returns each face of set, and each other face the pages
// draw text in, subset to the runes drawn in it (fonts.Subset): the PDF
// libraries then parse and embed a font of the document's glyphs, not the
// whole face. A face of set that draws nothing is subset to its notdef
// glyph: fpdf sets the regular face for the outline's titles.
//
// A face's program made last, by this process or, through the cache
// folder Begin read, by an earlier one, is taken again, embedding and
// all, when it was made for the same characters (see lastProgram).
func subsetFonts(pages []layout.Page, set *fonts.Set) (map[*fonts.Face]program, error) {
	needs := fontNeeds(pages, set)
	out := make(map[*fonts.Face]program, len(needs))
	for _, n := range needs {
		p, err := n.program()
		if err != nil {
			return nil, err
		}
		out[n.face] = p
	}
	return out, nil
}

// A fontNeed is what the pages draw in a face: its runes, the marks drawn
// at half their advance, both sorted, and the key of its program.
type fontNeed struct {
	face        *fonts.Face
	runes, half []rune
	key         programID
}

// fontNeeds returns what the pages draw in each face of set, and in each
// other face they draw text in, in the order first met. Every text run
// counts, hidden ones and a vector chart's labels included; a mark a run
// draws at half its advance counts as its half-width form (see
// drawnText).
func fontNeeds(pages []layout.Page, set *fonts.Set) []fontNeed {
	type drawn struct {
		runes *runeSet
		half  map[rune]bool // a few marks
	}
	faces := []*fonts.Face{set.Regular, set.Bold}
	used := map[*fonts.Face]drawn{}
	for _, f := range faces {
		used[f] = drawn{new(runeSet), map[rune]bool{}}
	}
	for i := range pages {
		for _, it := range pages[i].Items {
			t, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			d, ok := used[t.Face]
			if !ok {
				d = drawn{new(runeSet), map[rune]bool{}}
				used[t.Face] = d
				faces = append(faces, t.Face)
			}
			text, code := drawnText(t)
			if code != 0 {
				mark, _ := fonts.FullWidth(code)
				d.half[mark] = true
				text = text[:len(text)-utf8.RuneLen(code)]
			}
			for _, r := range text {
				d.runes.add(r)
			}
		}
	}
	needs := make([]fontNeed, 0, len(used))
	for _, f := range faces {
		if len(needs) > 0 && needs[len(needs)-1].face == f {
			continue // one face for both weights
		}
		runes, half := used[f].runes.sorted(), slices.Sorted(maps.Keys(used[f].half))
		needs = append(needs, fontNeed{face: f, runes: runes, half: half, key: programKey(f, runes, half)})
	}
	return needs
}

// program returns the face's program for what n draws: the one made last
// when it was made for the same characters, else a new subset.
func (n fontNeed) program() (program, error) {
	codes := slices.Clone(n.runes)
	for _, mark := range n.half {
		if c, ok := fonts.HalfWidth(mark); ok {
			codes = append(codes, c)
		}
	}
	if e := lastProgram(n.face, n.key); e != nil {
		return program{data: e.source, codes: codes, key: n.key, made: e}, nil
	}
	data, err := fonts.SubsetHalf(n.face, n.runes, n.half)
	if err != nil {
		return program{}, err
	}
	return program{data: data, codes: codes, key: n.key}, nil
}

// A runeSet is a set of runes: a bit each for those of the Basic
// Multilingual Plane, where a deck's text is, a map for the others.
// Adding every character of every text run to maps had been a fifth of
// the time a warm render spent writing its PDF (fontNeeds runs twice).
type runeSet struct {
	bmp   *[bmpWords]uint64
	other map[rune]bool
}

// bmpWords is the number of 64-bit words a bit for each rune below
// U+10000 takes.
const bmpWords = 0x10000 / 64

// add adds r to the set.
func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		if s.bmp == nil {
			// Written before it is read (see fonts.newBMPBlock), a word
			// a page, through b: through s.bmp, the check that it is
			// not nil would read the first page first.
			b := new([bmpWords]uint64)
			for i := 0; i < bmpWords; i += 4096 / 8 {
				b[i] = 0
			}
			s.bmp = b
		}
		s.bmp[r>>6] |= 1 << (r & 63)
		return
	}
	if s.other == nil {
		s.other = map[rune]bool{}
	}
	s.other[r] = true
}

// sorted returns the runes of the set in order.
func (s *runeSet) sorted() []rune {
	var rs []rune
	if s.bmp != nil {
		for i, w := range s.bmp {
			for ; w != 0; w &= w - 1 {
				rs = append(rs, rune(i*64+bits.TrailingZeros64(w)))
			}
		}
	}
	bmp := len(rs)
	for r := range s.other {
		rs = append(rs, r)
	}
	slices.Sort(rs[bmp:]) // all above the BMP's
	return rs
}

// drawnText returns the text a PDF painter draws for t, and the code
// point of the half-width form it ends in (0: none): for a run whose last
// mark is set at half its advance (TextRun.Half), that mark is replaced by
// its form (fonts.HalfWidth), whose glyph ends where the next run starts.
// Drawn with the full glyph, the next run would start inside the mark's
// box, and text extractors read a new line there.
func drawnText(t layout.TextRun) (string, rune) {
	if !t.Half {
		return t.Text, 0
	}
	last, size := utf8.DecodeLastRuneInString(t.Text)
	code, ok := fonts.HalfWidth(last)
	if !ok {
		return t.Text, 0
	}
	return t.Text[:len(t.Text)-size] + string(code), code
}
