package pdf

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/deckpdf/deck/deck"
	"github.com/go-pdf/fpdf"
)

// TestUTF16BE compares utf16BE with the standard library's encoding, on
// Latin, Chinese, a rune beyond the BMP, and a byte that is not UTF-8.
func TestUTF16BE(t *testing.T) {
	for _, s := range []string{"", "a", "金融云，cloud 2026", "𠀀x😀", "a\xffb", "（续）"} {
		var want []byte
		for _, u := range utf16.Encode([]rune(s)) {
			want = append(want, byte(u>>8), byte(u))
		}
		if got := utf16BE(s); got != string(want) {
			t.Errorf("utf16BE(%q) = % x, want % x", s, got, want)
		}
	}
}

// TestShowTextWritesWhatFPDFWrites draws text runs over fills, gray and
// coloured, the same and not, with characters whose UTF-16 bytes are a
// parenthesis, a backslash or a carriage return, with the painter's
// showText and with fpdf's own Text: the pages' content is the same,
// byte for byte.
func TestShowTextWritesWhatFPDFWrites(t *testing.T) {
	page := func(draw func(doc *fpdf.Fpdf)) []byte {
		doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: 400, Ht: 200}})
		doc.SetCompression(false)
		doc.SetCatalogSort(true)
		doc.SetCreationDate(time.Unix(0, 0))
		doc.SetModificationDate(time.Unix(0, 0))
		doc.SetFont("Helvetica", "", 12)
		doc.AddPage()
		draw(doc)
		var b bytes.Buffer
		if err := doc.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	gray, blue, white := deck.Color{R: 90, G: 90, B: 90, A: 255}, deck.Color{R: 18, G: 59, B: 122, A: 255}, deck.Color{R: 255, G: 255, B: 255, A: 255}
	runs := []struct {
		fill, text deck.Color
		x, y       float64
		s          string
	}{
		{white, gray, 10, 20, "灰色的字"},
		{white, blue, 10.005, 40.126, "蓝色 (括号) \\ 反斜杠"},
		{blue, blue, 0, 199.999, "同色"},
		{blue, white, 33.3, 60, "ĨĩĪ̀  ⨨⨩㈨㈩䨨䨩嘨嘩尨尩帨帩不屜"}, // bytes 0x28, 0x29, 0x5C and 0x0D
		{gray, gray, 5, 80, "𠀀 beyond the BMP"},
	}
	want := page(func(doc *fpdf.Fpdf) {
		for _, r := range runs {
			doc.SetFillColor(rgb(r.fill))
			doc.SetTextColor(rgb(r.text))
			doc.Text(r.x, r.y, utf16BE(r.s))
		}
	})
	got := page(func(doc *fpdf.Fpdf) {
		p := &painter{doc: doc, height: 200}
		for _, r := range runs {
			p.setFill(r.fill)
			p.showText(r.x, r.y, r.text, r.s)
		}
	})
	if !bytes.Equal(got, want) {
		t.Errorf("showText writes\n%q\nfpdf's Text writes\n%q", contentOf(got), contentOf(want))
	}
}

// contentOf returns the part of a file from its first BT to its last ET.
func contentOf(file []byte) []byte {
	i, j := bytes.Index(file, []byte("BT ")), bytes.LastIndex(file, []byte(" ET"))
	if i < 0 || j < i {
		return file
	}
	return file[i : j+3]
}
