package pdf

import (
	"fmt"
	"testing"

	"github.com/deckpdf/deck/fonts"
	"github.com/go-pdf/fpdf"
)

// The descriptor deck writes of a subset says what fpdf read of it when
// fpdf was given the font itself: ascent, descent, capital height, flags,
// box, angle, stem and missing width, for both bundled weights.
func TestFontDescriptorsSayWhatFPDFRead(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range []*fonts.Face{set.Regular, set.Bold} {
		data, err := fonts.SubsetHalf(face, []rune("中国金融云 2021，ABC"), []rune("，"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := fonts.Describe(data)
		if err != nil {
			t.Fatal(err)
		}
		doc := fpdf.New("P", "pt", "A4", "")
		doc.AddUTF8FontFromBytes("f", "", data)
		if err := doc.Error(); err != nil {
			t.Fatal(err)
		}
		r := doc.GetFontDesc("f", "")
		b := r.FontBBox
		// fpdf writes the flags symbolic and not nonsymbolic.
		want := fmt.Sprintf("/Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d",
			r.Ascent, r.Descent, r.CapHeight, (r.Flags|4)&^32, b.Xmin, b.Ymin, b.Xmax, b.Ymax, r.ItalicAngle, r.StemV, r.MissingWidth)
		if got := string(descriptorEntries(d)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", face.Name(), got, want)
		}
	}
}

// Widths are written as runs of codes in a row, each code whose width is
// not the default one.
func TestWidthsEntries(t *testing.T) {
	got := string(widthsEntries(1000, []rune{32, 33, 34, 40, 0x4E2D, 0x4E2E}, []int{224, 300, 1000, 500, 1000, 1000}))
	if want := "/DW 1000\n/W [32 [224 300] 40 [500]]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := string(widthsEntries(1000, []rune{0x4E2D}, []int{1000})); got != "/DW 1000\n/W []" {
		t.Errorf("all default: %q", got)
	}
}
