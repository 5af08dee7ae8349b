package fonts

import (
	"slices"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestHalfWidthCodePointsGoBothWays(t *testing.T) {
	seen := map[rune]bool{}
	for _, r := range HalfMarks {
		c, ok := HalfWidth(r)
		if !ok || c < 0xE000 || c > 0xF8FF {
			t.Errorf("HalfWidth(%q) = U+%04X, %v: want a code point of the BMP's Private Use Area", r, c, ok)
		}
		if seen[c] {
			t.Errorf("HalfWidth(%q) = U+%04X, which another mark has", r, c)
		}
		seen[c] = true
		if back, ok := FullWidth(c); !ok || back != r {
			t.Errorf("FullWidth(U+%04X) = %q, %v, want %q", c, back, ok, r)
		}
	}
	for _, r := range "中A，" {
		if _, ok := FullWidth(r); ok {
			t.Errorf("FullWidth(%q) reports a half-width form", r)
		}
	}
	if _, ok := HalfWidth('中'); ok {
		t.Errorf("HalfWidth('中') reports a form; only punctuation has one")
	}
}

func TestHalfWidthFormsAreTheMarksInkedHalf(t *testing.T) {
	set := bundled(t)
	for _, face := range []*Face{set.Regular, set.Bold} {
		data, err := SubsetHalf(face, []rune("中文，"), []rune(HalfMarks))
		if err != nil {
			t.Fatal(err)
		}
		sub, err := Parse("subset", data)
		if err != nil {
			t.Fatalf("the subset does not parse: %v", err)
		}
		for _, r := range HalfMarks {
			code, _ := HalfWidth(r)
			t.Run(face.Name()+" draws "+string(r)+" half an em narrower, its ink in place", func(t *testing.T) {
				if got, want := sub.Advance(code), face.Advance(r)-0.5; got != want {
					t.Errorf("advance of the form = %v em, want %v", got, want)
				}
				dx := halfShift(r, 1000)
				want := shifted(outline(t, face, r), dx)
				got := pointsUsed(outline(t, sub, code))
				if !slices.Equal(got, want) {
					t.Errorf("outline of the form differs from the mark's moved %d units:\nform %v\nmark %v", dx, got, want)
				}
				lo, hi := inkX(got)
				if lo < 0 || hi > fixed.I(500) {
					t.Errorf("the form's ink spans x %v…%v, outside its half em 0…500", lo, hi)
				}
			})
		}
		t.Run(face.Name()+" keeps the full marks drawn as they were", func(t *testing.T) {
			if got := sub.Advance('，'); got != face.Advance('，') {
				t.Errorf("advance of ， = %v, want %v", got, face.Advance('，'))
			}
			if sub.Has('。') {
				t.Errorf("the subset maps 。, which only its half-width form needs")
			}
		})
	}
}

// shifted returns segs moved dx units (pixels at 1000 ppem) to the right.
func shifted(segs []sfnt.Segment, dx int) []sfnt.Segment {
	out := slices.Clone(segs)
	for i := range out {
		for k := range argCount(out[i].Op) {
			out[i].Args[k].X += fixed.I(dx)
		}
	}
	return out
}

// pointsUsed returns segs with the points their operations do not use
// zeroed: sfnt moves all three of a component's points.
func pointsUsed(segs []sfnt.Segment) []sfnt.Segment {
	for i := range segs {
		for k := argCount(segs[i].Op); k < len(segs[i].Args); k++ {
			segs[i].Args[k] = fixed.Point26_6{}
		}
	}
	return segs
}

// argCount is the number of points a segment's operation uses.
func argCount(op sfnt.SegmentOp) int {
	switch op {
	case sfnt.SegmentOpQuadTo:
		return 2
	case sfnt.SegmentOpCubeTo:
		return 3
	}
	return 1
}

// inkX returns the leftmost and rightmost x of the points of segs.
func inkX(segs []sfnt.Segment) (lo, hi fixed.Int26_6) {
	lo, hi = fixed.I(1<<20), fixed.I(-1<<20)
	for _, s := range segs {
		for _, p := range s.Args[:argCount(s.Op)] {
			lo, hi = min(lo, p.X), max(hi, p.X)
		}
	}
	return lo, hi
}

func TestFontToolsReadsTheHalfWidthForms(t *testing.T) {
	set := bundled(t)
	data, err := SubsetHalf(set.Regular, []rune("中，"), []rune(HalfMarks))
	if err != nil {
		t.Fatal(err)
	}
	adv := fontToolsAdvances(t, data)
	for _, r := range HalfMarks {
		code, _ := HalfWidth(r)
		if adv[code] != 500 {
			t.Errorf("fontTools: advance of the form of %q (U+%04X) = %v, want 500", r, code, adv[code])
		}
	}
	if adv['，'] != 1000 || adv['中'] != 1000 {
		t.Errorf("fontTools: advances of ， and 中 = %v and %v, want 1000", adv['，'], adv['中'])
	}
}

func TestSubsetHalfRefusesAFormWhoseCodePointIsDrawn(t *testing.T) {
	set := bundled(t)
	// A face with a glyph at U+E000: a subset with the form of ， there.
	data, err := SubsetHalf(set.Regular, []rune("中，"), []rune("，"))
	if err != nil {
		t.Fatal(err)
	}
	face, err := Parse("pua.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	_, err = SubsetHalf(face, []rune("中\uE000"), []rune("，"))
	want := `fonts: subset of pua.ttf: U+E000 is drawn and is also the code point of the half-width form of '，'`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}
