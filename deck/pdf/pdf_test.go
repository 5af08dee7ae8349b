package pdf

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func pngOf(t *testing.T, w, h int, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImagesOfOneWidthGiveTheSameBytesEveryTime guards against fpdf's
// ordering of images by width alone: pictures of equal width must not swap
// places between runs.
func TestImagesOfOneWidthGiveTheSameBytesEveryTime(t *testing.T) {
	var items []layout.Item
	for i, c := range []color.Color{color.RGBA{200, 0, 0, 255}, color.RGBA{0, 200, 0, 255}, color.RGBA{0, 0, 200, 255}, color.RGBA{9, 9, 9, 255}} {
		items = append(items, layout.Image{Rect: layout.Rect{X: float64(10 + 110*i), Y: 10, W: 100, H: 50}, Name: string(rune('a' + i)), Data: pngOf(t, 200, 100, c)})
	}
	pages := []layout.Page{{Size: deck.Size{W: 500, H: 100}, Title: "p", Items: items}}
	var first []byte
	for run := 0; run < 20; run++ {
		var b bytes.Buffer
		if err := Write(&b, pages, Options{}); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("run %d gave different bytes", run)
		}
	}
}

func TestPadPNGKeepsThePictureAndRepeatsItsEdge(t *testing.T) {
	padded, err := pad(pngOf(t, 4, 3, color.RGBA{10, 20, 30, 255}), 6, false)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(padded))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 6 || img.Bounds().Dy() != 3 {
		t.Fatalf("size %v", img.Bounds())
	}
	if r, g, b, a := img.At(3, 2).RGBA(); r>>8 != 10 || g>>8 != 20 || b>>8 != 30 || a>>8 != 255 {
		t.Errorf("the picture changed: %v", img.At(3, 2))
	}
	if r, g, b, a := img.At(5, 0).RGBA(); r>>8 != 10 || g>>8 != 20 || b>>8 != 30 || a>>8 != 255 {
		t.Errorf("the padding %v does not repeat the edge", img.At(5, 0))
	}
}

func TestAnImageWithoutAPictureIsAnError(t *testing.T) {
	pages := []layout.Page{{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 10, H: 10}, Name: "chart:x"}}}}
	err := Write(&bytes.Buffer{}, pages, Options{})
	if err == nil || err.Error() != `pdf: image "chart:x" has no picture` {
		t.Errorf("err = %v", err)
	}
}

// TestWriteLeavesTheFontBytesAlone guards against fpdf writing into the
// font file it is given (glyphs past the last full horizontal metric, as
// the quotes “ ” of Noto Sans SC are): the faces are shared by the whole
// process, and the engines get a subset of their own.
func TestWriteLeavesTheFontBytesAlone(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	before := bytes.Clone(set.Regular.Data())
	text := layout.TextRun{At: layout.Point{X: 10, Y: 20}, Face: set.Regular, Size: 12, Text: "“云计算” ’ 燊 ABC 123"}
	pages := []layout.Page{{Size: deck.Size{W: 200, H: 100}, Title: "p", Items: []layout.Item{text}}}
	for _, e := range Engines {
		if err := Write(&bytes.Buffer{}, pages, Options{Fonts: set, Engine: e}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(before, set.Regular.Data()) {
		t.Error("writing a PDF changed the font's bytes")
	}

	// A font whose last 8 glyphs share an advance, as most fonts' last
	// glyphs do: its hhea says so, and its hmtx table is 16 bytes shorter.
	data := bytes.Clone(set.Regular.Data())
	at := bytes.Index(data, set.Regular.Table("hhea")) + 34
	binary.BigEndian.PutUint16(data[at:], binary.BigEndian.Uint16(data[at:])-8)
	for rec := 12; rec < 12+16*int(binary.BigEndian.Uint16(data[4:])); rec += 16 {
		if string(data[rec:rec+4]) == "hmtx" {
			binary.BigEndian.PutUint32(data[rec+12:], binary.BigEndian.Uint32(data[rec+12:])-16)
		}
	}
	shared, err := fonts.Parse("shared-advances.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	before = bytes.Clone(data)
	text.Face = shared
	pages[0].Items = []layout.Item{text}
	for _, e := range Engines {
		if err := Write(&bytes.Buffer{}, pages, Options{Fonts: &fonts.Set{Regular: shared, Bold: shared}, Engine: e}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(before, data) {
		t.Error("writing a PDF changed the bytes of a font with shared advances")
	}
}

func TestPadKeepsAnIndexedPictureIndexed(t *testing.T) {
	src := image.NewPaletted(image.Rect(0, 0, 4, 2), color.Palette{color.White, color.RGBA{200, 0, 0, 255}})
	src.SetColorIndex(3, 1, 1)
	src.SetColorIndex(1, 0, 1)
	var b bytes.Buffer
	png.Encode(&b, src)
	padded, err := pad(b.Bytes(), 6, false)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := png.Decode(bytes.NewReader(padded))
	p, ok := img.(*image.Paletted)
	if !ok || p.Bounds().Dx() != 6 || p.ColorIndexAt(5, 1) != 1 || p.ColorIndexAt(5, 0) != 0 {
		t.Fatalf("padded to %T %v", img, img.Bounds())
	}
	for y := range 2 {
		for x := range 4 {
			if p.ColorIndexAt(x, y) != src.ColorIndexAt(x, y) {
				t.Errorf("pixel %d,%d changed", x, y)
			}
		}
	}
}

// TestBegunDocumentsWriteWhatWriteWrites: a PDF begun before its pages
// exist, for either engine, is the PDF Write makes; begun for another page
// size, it is still made for its pages' size.
func TestBegunDocumentsWriteWhatWriteWrites(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := layout.TextRun{At: layout.Point{X: 10, Y: 20}, Face: set.Bold, Size: 12, Text: "金融云 Cloud"}
	pages := []layout.Page{{Size: deck.Size{W: 300, H: 200}, Title: "p", Items: []layout.Item{text}}}
	for _, e := range Engines {
		opt := Options{Meta: deck.Meta{Title: "t"}, Engine: e}
		var want bytes.Buffer
		if err := Write(&want, pages, opt); err != nil {
			t.Fatal(err)
		}
		for _, size := range []deck.Size{{W: 300, H: 200}, {W: 960, H: 540}} {
			var got bytes.Buffer
			if err := Begin(size, opt).Write(&got, pages); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%v begun at %v: the PDF differs from Write's", e, size)
			}
		}
	}
}

// TestSubsetNames: each font is named as a subset, six capital letters, a
// plus sign and its PostScript name; the tag is the same for the same
// program, and another for another.
func TestSubsetNames(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	named := func(face *fonts.Face, text string) string {
		s := []subset{{name: "NotoSansSC-Regular", embedding: &embedding{key: programKey(face, []rune(text), nil)}}}
		nameSubsets(s)
		return s[0].baseFont
	}
	got := named(set.Regular, "中国")
	if !regexp.MustCompile(`^[A-Z]{6}\+NotoSansSC-Regular$`).MatchString(got) {
		t.Errorf("subset named %q", got)
	}
	if again := named(set.Regular, "中国"); again != got {
		t.Errorf("the same program is named %s, then %s", got, again)
	}
	if other := named(set.Regular, "中国人"); other == got {
		t.Errorf("a program of other characters is named %s too", got)
	}
	if bold := named(set.Bold, "中国"); bold == got {
		t.Errorf("the bold face's program is named %s too", got)
	}
}
