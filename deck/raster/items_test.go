package raster_test

import (
	"image"
	"image/color"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/raster"
	"github.com/deckpdf/deck/fonts"
)

// TestItemsDrawAsInThePDF draws single items on a 200×100 pt page, 400 px
// wide, and looks at the pixels a reader would see.
func TestItemsDrawAsInThePDF(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	red := deck.Color{R: 255, A: 255}
	run := layout.TextRun{At: layout.Point{X: 10, Y: 50}, Face: set.Bold, Size: 30, Fill: deck.Color{A: 255}, Text: "394亿元"}
	hidden, clear := run, run
	hidden.Hidden = true
	clear.Fill = deck.Color{R: 0, G: 0, B: 255} // alpha 0: the PDF draws it blue all the same
	for _, c := range []struct {
		name  string
		item  layout.Item
		at    image.Point // a pixel to look at
		want  color.Color // its colour
		blank bool        // the page stays white
	}{
		{"hidden text is not seen", hidden, image.Point{}, nil, true},
		{"a link is not seen", layout.Link{Rect: layout.Rect{X: 10, Y: 10, W: 100, H: 50}, URL: "https://example.com"}, image.Point{}, nil, true},
		{"a box of the zero colour is not drawn", layout.Box{Rect: layout.Rect{X: 10, Y: 10, W: 100, H: 50}, StrokeWidth: 2}, image.Point{}, nil, true},
		{"a filled box covers its rectangle", layout.Box{Rect: layout.Rect{X: 10, Y: 10, W: 100, H: 50}, Fill: red}, image.Pt(21, 21), color.RGBA{255, 0, 0, 255}, false},
		{"a stroke is centred on the box's edge", layout.Box{Rect: layout.Rect{X: 10, Y: 10, W: 100, H: 50}, Stroke: red, StrokeWidth: 4}, image.Pt(17, 60), color.RGBA{255, 0, 0, 255}, false},
		{"a stroked box is hollow", layout.Box{Rect: layout.Rect{X: 10, Y: 10, W: 100, H: 50}, Stroke: red, StrokeWidth: 4}, image.Pt(60, 60), color.RGBA{255, 255, 255, 255}, false},
		{"a path's line is stroked with its width", layout.Path{Points: []layout.Point{{X: 10, Y: 80}, {X: 190, Y: 80}}, Stroke: red, Width: 3}, image.Pt(200, 161), color.RGBA{255, 0, 0, 255}, false},
		{"a path's round cap reaches past its end", layout.Path{Points: []layout.Point{{X: 10, Y: 80}, {X: 190, Y: 80}}, Stroke: red, Width: 6}, image.Pt(383, 160), color.RGBA{255, 0, 0, 255}, false},
		{"text in a colour without alpha is drawn, as in the PDF", clear, image.Point{}, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := raster.Draw(&layout.Page{Size: deck.Size{W: 200, H: 100}, Items: []layout.Item{c.item}}, raster.Options{Width: 400})
			if err != nil {
				t.Fatal(err)
			}
			if got := white(img); got != c.blank {
				t.Errorf("the page is blank: %v, want %v", got, c.blank)
			}
			if c.want != nil && img.At(c.at.X, c.at.Y) != c.want {
				t.Errorf("the pixel at %v is %v, want %v", c.at, img.At(c.at.X, c.at.Y), c.want)
			}
		})
	}
}

// white reports whether every pixel of the picture is white.
func white(img *image.RGBA) bool {
	for _, v := range img.Pix {
		if v != 255 {
			return false
		}
	}
	return true
}
