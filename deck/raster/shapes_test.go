package raster

import (
	"fmt"
	"image"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestRectanglesFilledDirectlyMatchTheRasterizer: a box without rounded
// corners, filled without the rasterizer, differs from the rasterizer's
// fill of the same outline by at most one level in any channel, on whole
// and fractional edges, over a colour and at the picture's edges.
func TestRectanglesFilledDirectlyMatchTheRasterizer(t *testing.T) {
	for _, r := range [][4]float64{
		{2, 3, 10, 7},          // whole pixels
		{2.25, 3.5, 9.75, 6.1}, // fractional edges
		{4.3, 4.4, 4.6, 4.9},   // inside one pixel
		{-3.5, 10.2, 40, 20.7}, // beyond the picture's left and right
		{5.5, 0, 6.5, 24},      // one pixel wide, split over two
	} {
		t.Run(fmt.Sprintf("a rectangle from (%g, %g) to (%g, %g)", r[0], r[1], r[2], r[3]), func(t *testing.T) {
			under, fill := deck.Color{R: 30, G: 200, B: 90, A: 255}, deck.Color{R: 250, G: 20, B: 120, A: 255}
			pics := [2]*image.RGBA{}
			for k := range pics {
				p := newPainter(Options{Width: 32})
				if err := p.BeginPage(&layout.Page{Size: deck.Size{W: 32, H: 24}}); err != nil {
					t.Fatal(err)
				}
				p.fillRect(8, 0, 16, 24, under)
				if k == 0 {
					p.fillRect(r[0], r[1], r[2], r[3], fill)
				} else {
					p.paint([][]pt{roundRect(r[0], r[1], r[2]-r[0], r[3]-r[1], 0)}, fill)
				}
				pics[k] = p.img
			}
			for i, v := range pics[0].Pix {
				if d := int(v) - int(pics[1].Pix[i]); d > 1 || d < -1 {
					x, y := i/4%32, i/4/32
					t.Fatalf("pixel (%d, %d) channel %d is %d filled directly, %d rasterized", x, y, i%4, v, pics[1].Pix[i])
				}
			}
		})
	}
}
