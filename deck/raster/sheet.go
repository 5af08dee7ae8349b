package raster

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"strconv"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// A Thumb is a page for a contact sheet and the number it is shown under.
type Thumb struct {
	Page   *layout.Page
	Number int
}

// The sheet's colours: a light grey ground, a thin grey frame round each
// slide, dark grey numbers.
var (
	sheetGround = deck.Color{R: 0xee, G: 0xee, B: 0xee, A: 255}
	sheetFrame  = deck.Color{R: 0xbb, G: 0xbb, B: 0xbb, A: 255}
	sheetNumber = deck.Color{R: 0x44, G: 0x44, B: 0x44, A: 255}
)

// Sheet draws the pages small on one picture o.Width pixels wide, in rows
// of as many as the square root of their count, rounded up, each with its
// number under it in the regular face of set.
func Sheet(thumbs []Thumb, set *fonts.Set, o Options) (*image.RGBA, error) {
	if len(thumbs) == 0 {
		return nil, fmt.Errorf("raster: a contact sheet needs a page")
	}
	size := thumbs[0].Page.Size
	if size.W <= 0 || size.H <= 0 {
		return nil, fmt.Errorf("raster: page %q has no size (%gx%g pt)", thumbs[0].Page.Title, size.W, size.H)
	}
	w := float64(o.width())
	cols := int(math.Ceil(math.Sqrt(float64(len(thumbs)))))
	rowsN := (len(thumbs) + cols - 1) / cols
	gap := math.Round(w / 48)
	tw := math.Floor((w - gap*float64(cols+1)) / float64(cols))
	if tw < 1 {
		return nil, fmt.Errorf("raster: a contact sheet of %d pages cannot be %d pixels wide", len(thumbs), o.width())
	}
	th := math.Round(tw * size.H / size.W)
	label := gap * 1.6 // room under a slide for its number
	h := gap + float64(rowsN)*(th+label)
	// The sheet is a page of its own whose points are pixels.
	p := newPainter(Options{Width: int(w)})
	if err := p.BeginPage(&layout.Page{Size: deck.Size{W: w, H: h}, Title: "contact sheet"}); err != nil {
		return nil, err
	}
	p.Box(layout.Box{Rect: layout.Rect{W: w, H: h}, Fill: sheetGround})
	for i, t := range thumbs {
		x := gap + float64(i%cols)*(tw+gap)
		y := gap + float64(i/cols)*(th+label)
		img, err := Draw(t.Page, Options{Width: int(tw)})
		if err != nil {
			return nil, err
		}
		p.Box(layout.Box{Rect: layout.Rect{X: x - 1, Y: y - 1, W: tw + 2, H: th + 2}, Fill: sheetFrame})
		draw.Draw(p.img, img.Bounds().Add(image.Pt(int(x), int(y))), img, image.Point{}, draw.Src)
		num := strconv.Itoa(t.Number)
		fs := gap * 0.8
		p.Text(layout.TextRun{
			At:   layout.Point{X: x + (tw-set.Regular.Width(num, fs))/2, Y: y + th + gap*0.3 + fs*set.Regular.EmTop()},
			Face: set.Regular, Size: fs, Fill: sheetNumber, Text: num,
		})
	}
	return p.img, p.err
}
