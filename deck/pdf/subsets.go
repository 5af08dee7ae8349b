package pdf

import (
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
	type drawn struct{ runes, half map[rune]bool }
	faces := []*fonts.Face{set.Regular, set.Bold}
	used := map[*fonts.Face]drawn{}
	for _, f := range faces {
		used[f] = drawn{map[rune]bool{}, map[rune]bool{}}
	}
	for i := range pages {
		for _, it := range pages[i].Items {
			t, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			d, ok := used[t.Face]
			if !ok {
				d = drawn{map[rune]bool{}, map[rune]bool{}}
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
				d.runes[r] = true
			}
		}
	}
	needs := make([]fontNeed, 0, len(used))
	for _, f := range faces {
		if len(needs) > 0 && needs[len(needs)-1].face == f {
			continue // one face for both weights
		}
		runes, half := sorted(used[f].runes), sorted(used[f].half)
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

// sorted returns the runes of a set in order.
func sorted(set map[rune]bool) []rune {
	rs := make([]rune, 0, len(set))
	for r := range set {
		rs = append(rs, r)
	}
	slices.Sort(rs)
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
