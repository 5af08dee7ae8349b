package fonts

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A hollow font maps every rune to the glyph its font does, with the same
// advance, and draws nothing.
func TestHollowKeepsTheMetricsAndNotTheOutlines(t *testing.T) {
	runes := []rune("中国金融云 2021，ABC")
	full, err := SubsetHalf(bundled(t).Regular, runes, []rune("，"))
	if err != nil {
		t.Fatal(err)
	}
	hollow, err := Hollow(full)
	if err != nil {
		t.Fatal(err)
	}
	if len(hollow) >= len(full)-len(tableDirectory(full)["glyf"])+4 {
		t.Errorf("the hollow font is %d bytes, the font %d", len(hollow), len(full))
	}
	if g := tableDirectory(hollow)["glyf"]; len(g) != 0 {
		t.Errorf("glyf holds %d bytes", len(g))
	}
	a, err := sfnt.Parse(full)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sfnt.Parse(hollow)
	if err != nil {
		t.Fatalf("the hollow font does not parse: %v", err)
	}
	if a.NumGlyphs() != b.NumGlyphs() {
		t.Errorf("%d glyphs, want %d", b.NumGlyphs(), a.NumGlyphs())
	}
	var buf sfnt.Buffer
	ppem := fixed.I(1000)
	comma, _ := HalfWidth('，')
	for _, r := range append(runes, comma) {
		ga, err1 := a.GlyphIndex(&buf, r)
		gb, err2 := b.GlyphIndex(&buf, r)
		if err1 != nil || err2 != nil || ga != gb || ga == 0 {
			t.Errorf("%q: glyph %d, want %d (%v, %v)", r, gb, ga, err1, err2)
			continue
		}
		wa, _ := a.GlyphAdvance(&buf, ga, ppem, font.HintingNone)
		wb, _ := b.GlyphAdvance(&buf, gb, ppem, font.HintingNone)
		if wa != wb {
			t.Errorf("%q: advance %v, want %v", r, wb, wa)
		}
		if segs, err := b.LoadGlyph(&buf, gb, ppem, nil); err != nil || len(segs) != 0 {
			t.Errorf("%q: the hollow glyph has %d segments (%v)", r, len(segs), err)
		}
	}
	if _, err := Hollow([]byte("not a font")); err == nil {
		t.Error("no error for a file that is not a font")
	}
}
