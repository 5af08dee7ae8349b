package layout

import (
	"slices"

	"github.com/deckpdf/deck/fonts"
)

// Runes returns the runes the pages draw in each face, sorted and once
// each: what a painter that embeds a subset of a face needs. Every text
// run counts, hidden ones (a chart's text for a screen reader) included.
func Runes(pages []Page) map[*fonts.Face][]rune {
	used := map[*fonts.Face]map[rune]bool{}
	for i := range pages {
		for _, it := range pages[i].Items {
			t, ok := it.(TextRun)
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
	out := make(map[*fonts.Face][]rune, len(used))
	for f, rs := range used {
		runes := make([]rune, 0, len(rs))
		for r := range rs {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		out[f] = runes
	}
	return out
}
