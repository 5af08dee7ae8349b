package raster_test

import (
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/raster"
	"github.com/deckpdf/deck/fonts"
)

// TestBadPagesAreErrors draws pages that cannot be drawn: each gives an
// error naming the page or the picture, and no picture.
func TestBadPagesAreErrors(t *testing.T) {
	size := deck.Size{W: 960, H: 540}
	for _, c := range []struct {
		name  string
		page  layout.Page
		width int
		want  string
	}{
		{"a page without a size", layout.Page{Title: "封面"}, 0,
			`raster: page "封面" has no size (0x0 pt)`},
		{"a picture wider than 16384 px", layout.Page{Title: "封面", Size: size}, 20000,
			`raster: a picture of page "封面" would be 20000x11250 pixels; the largest side is 16384`},
		{"an image that is not a PNG", layout.Page{Title: "p", Size: size, Items: []layout.Item{
			layout.Image{Rect: layout.Rect{W: 10, H: 10}, Name: "logo.png", Data: []byte("GIF89a, not a PNG")}}}, 0,
			`raster: image "logo.png": png: invalid format: not a PNG file`},
		{"an image without its picture", layout.Page{Title: "p", Size: size, Items: []layout.Item{
			layout.Image{Rect: layout.Rect{W: 10, H: 10}, Name: "chart-1"}}}, 0,
			`raster: image "chart-1" has no picture`},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := raster.Draw(&c.page, raster.Options{Width: c.width})
			if err == nil || err.Error() != c.want {
				t.Errorf("error = %v\nwant    %s", err, c.want)
			}
			if img != nil {
				t.Errorf("a picture came with the error")
			}
		})
	}
}

// TestSheetHoldsEveryPageInRows lays out contact sheets of several sizes.
func TestSheetHoldsEveryPageInRows(t *testing.T) {
	pages := defaultPages(t)
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name         string
		n, width     int
		wantW, wantH int
	}{
		// Gaps of a 48th of the width, 40 px: 3 columns of 586 px slides
		// (330 px high); 3 rows of a slide and 64 px for its number under
		// a gap.
		{"nine pages make three rows of three", 9, 1920, 1920, 40 + 3*(330+64)},
		{"two pages make one row of two", 2, 1920, 1920, 40 + 1*(506+64)},
		{"one page is one slide", 1, 960, 960, 20 + 1*(518+32)},
	} {
		t.Run(c.name, func(t *testing.T) {
			thumbs := make([]raster.Thumb, c.n)
			for i := range thumbs {
				thumbs[i] = raster.Thumb{Page: &pages[i], Number: i + 1}
			}
			img, err := raster.Sheet(thumbs, set, raster.Options{Width: c.width})
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != c.wantW || got.Y != c.wantH {
				t.Errorf("the sheet is %v, want %dx%d", got, c.wantW, c.wantH)
			}
		})
	}
}
