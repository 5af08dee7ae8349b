package render

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// Fingerprints returns a hash a page of everything drawn on it: the dump of
// its items and the bytes of its pictures. Where a slide was written is
// left out: an edit above it moves it down its file, not on the page.
func Fingerprints(pages []layout.Page) []string {
	out := make([]string, len(pages))
	for i := range pages {
		h := sha256.New()
		p := pages[i]
		p.Src = deck.Pos{}
		layout.Dump(h, []layout.Page{p})
		for _, it := range pages[i].Items {
			if im, ok := it.(layout.Image); ok {
				h.Write(im.Data)
			}
		}
		out[i] = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return out
}

// Changed returns the numbers (from 1) of the pages whose fingerprints
// differ, added and removed ones included; empty, not nil, when none does.
func Changed(old, cur []string) []int {
	changed := []int{}
	for i := 0; i < max(len(old), len(cur)); i++ {
		if i >= len(old) || i >= len(cur) || old[i] != cur[i] {
			changed = append(changed, i+1)
		}
	}
	return changed
}
