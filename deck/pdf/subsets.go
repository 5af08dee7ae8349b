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
// whole face. Every text run counts, hidden ones and a vector chart's
// labels included; a mark a run draws at half its advance counts as its
// half-width form (see drawnText). A face of set that draws nothing is
// subset to its notdef glyph: fpdf sets the regular face for the outline's
// titles.
//
// A face's program made last, by this process or, through the cache
// folder Begin read, by an earlier one, is taken again, embedding and
// all, when it was made for the same characters (see lastProgram).
func subsetFonts(pages []layout.Page, set *fonts.Set) (map[*fonts.Face]program, error) {
	type need struct{ runes, half map[rune]bool }
	used := map[*fonts.Face]need{}
	for _, f := range []*fonts.Face{set.Regular, set.Bold} {
		used[f] = need{map[rune]bool{}, map[rune]bool{}}
	}
	for i := range pages {
		for _, it := range pages[i].Items {
			t, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			n, ok := used[t.Face]
			if !ok {
				n = need{map[rune]bool{}, map[rune]bool{}}
				used[t.Face] = n
			}
			text, code := drawnText(t)
			if code != 0 {
				mark, _ := fonts.FullWidth(code)
				n.half[mark] = true
				text = text[:len(text)-utf8.RuneLen(code)]
			}
			for _, r := range text {
				n.runes[r] = true
			}
		}
	}
	out := make(map[*fonts.Face]program, len(used))
	for f, n := range used {
		runes, half := sorted(n.runes), sorted(n.half)
		key := programKey(f, runes, half)
		codes := slices.Clone(runes)
		for _, mark := range half {
			if c, ok := fonts.HalfWidth(mark); ok {
				codes = append(codes, c)
			}
		}
		if e := lastProgram(f, key); e != nil {
			out[f] = program{data: e.source, codes: codes, key: key, made: e}
			continue
		}
		data, err := fonts.SubsetHalf(f, runes, half)
		if err != nil {
			return nil, err
		}
		out[f] = program{data: data, codes: codes, key: key}
	}
	return out, nil
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
