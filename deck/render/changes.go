package render

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// Fingerprints returns a hash a slide of everything drawn on its pages:
// the dump of their items and the bytes of their pictures. Where a slide
// was written is left out: an edit above it moves it down its file, not
// on the page.
func Fingerprints(pages []layout.Page) []string {
	// A picture shown on many pages is one slice of bytes: hash it once.
	type bytesAt struct {
		first *byte
		n     int
	}
	digests := map[bytesAt][sha256.Size]byte{}
	var hashes []hash.Hash
	for i := range pages {
		p := pages[i]
		for len(hashes) <= p.Slide {
			hashes = append(hashes, sha256.New())
		}
		h := hashes[p.Slide]
		p.Src = deck.Pos{}
		layout.Dump(h, []layout.Page{p})
		for _, it := range p.Items {
			if im, ok := it.(layout.Image); ok && len(im.Data) > 0 {
				at := bytesAt{&im.Data[0], len(im.Data)}
				d, ok := digests[at]
				if !ok {
					d = sha256.Sum256(im.Data)
					digests[at] = d
				}
				h.Write(d[:])
			}
		}
	}
	out := make([]string, len(hashes))
	for i, h := range hashes {
		out[i] = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return out
}

// Changed returns the numbers (from 1) of the slides whose fingerprints
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
