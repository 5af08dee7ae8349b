package pdf

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// A runeSet holds each rune added once, and gives them back in order:
// runes of the BMP and above it, at the edges of its words and of the
// plane, added again and again.
func TestRuneSetIsASortedSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 200 {
		var s runeSet
		want := map[rune]bool{}
		add := func(r rune) { s.add(r); want[r] = true }
		for range rng.IntN(300) {
			switch rng.IntN(4) {
			case 0:
				add(rune(rng.IntN(0x10000)))
			case 1:
				add(0x4e00 + rune(rng.IntN(0x5200))) // CJK, where a deck's characters are
			case 2:
				add(0x10000 + rune(rng.IntN(0x100000)))
			default:
				add([]rune{0, 63, 64, 0xffbf, 0xffff, 0x10000, 0x10ffff}[rng.IntN(7)])
			}
		}
		var rs []rune
		for r := range want {
			rs = append(rs, r)
		}
		slices.Sort(rs)
		if got := s.sorted(); !slices.Equal(got, rs) {
			t.Fatalf("trial %d: %d runes back, want %d: %U… want %U…", trial, len(got), len(rs), got[:min(len(got), 8)], rs[:min(len(rs), 8)])
		}
	}
	if got := new(runeSet).sorted(); len(got) != 0 {
		t.Errorf("an empty set gives %U", got)
	}
}
