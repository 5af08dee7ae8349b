package raster

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"golang.org/x/image/vector"
)

// DefaultWidth is the width in pixels of a picture when Options.Width is 0:
// a full HD slide.
const DefaultWidth = 1920

// Options are how a page is drawn. The zero Options draw a page 1920
// pixels wide.
type Options struct {
	// Width is the picture's width in pixels; its height keeps the page's
	// proportions. Zero is DefaultWidth.
	Width int
}

// width returns the picture's width.
func (o Options) width() int {
	if o.Width <= 0 {
		return DefaultWidth
	}
	return o.Width
}

// maxSide is the largest side of a picture, in pixels: 16384 px is eight
// times full HD, and four bytes a pixel of it already take 1 GiB.
const maxSide = 16384

// Draw draws a page on white, o.Width pixels wide.
func Draw(p *layout.Page, o Options) (*image.RGBA, error) {
	pt := newPainter(o)
	if err := layout.Paint([]layout.Page{*p}, pt); err != nil {
		return nil, err
	}
	return pt.img, pt.err
}

// A painter draws the items of one page into a picture. It keeps the
// pictures it decoded, by name, for the pages after.
type painter struct {
	width  int
	scale  float64 // pixels per point
	img    *image.RGBA
	raster vector.Rasterizer
	glyphs glyphs
	images map[string]image.Image
	err    error // the first error of a call that has no error result
}

func newPainter(o Options) *painter {
	return &painter{width: o.width(), images: map[string]image.Image{}}
}

func (p *painter) BeginPage(pg *layout.Page) error {
	if pg.Size.W <= 0 || pg.Size.H <= 0 {
		return fmt.Errorf("raster: page %q has no size (%gx%g pt)", pg.Title, pg.Size.W, pg.Size.H)
	}
	p.scale = float64(p.width) / pg.Size.W
	h := int(math.Round(pg.Size.H * p.scale))
	if p.width > maxSide || h > maxSide || h < 1 {
		return fmt.Errorf("raster: a picture of page %q would be %dx%d pixels; the largest side is %d", pg.Title, p.width, h, maxSide)
	}
	p.img = image.NewRGBA(image.Rect(0, 0, p.width, h))
	draw.Draw(p.img, p.img.Bounds(), image.White, image.Point{}, draw.Src)
	return nil
}

func (p *painter) EndPage() error { return p.err }

// Link draws nothing: a link is a place to click, not a mark.
func (p *painter) Link(layout.Link) {}

// A pt is a point in pixels.
type pt struct{ x, y float64 }

// px returns a layout point in pixels.
func (p *painter) px(q layout.Point) pt { return pt{q.X * p.scale, q.Y * p.scale} }

// paint fills the polygons with c, by the nonzero winding rule when they
// turn the same way (a polygon turned the other way cuts a hole). A zero
// colour paints nothing; any other is opaque, as the PDF draws it.
func (p *painter) paint(polys [][]pt, c deck.Color) {
	if c.A == 0 {
		return
	}
	box := image.Rectangle{}
	for _, poly := range polys {
		for _, q := range poly {
			box = box.Union(image.Rect(int(math.Floor(q.x)), int(math.Floor(q.y)), int(math.Floor(q.x))+1, int(math.Floor(q.y))+1))
		}
	}
	box = box.Intersect(p.img.Bounds())
	if box.Empty() {
		return
	}
	z := &p.raster
	z.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		z.MoveTo(float32(poly[0].x-ox), float32(poly[0].y-oy))
		for _, q := range poly[1:] {
			z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		z.ClosePath()
	}
	z.Draw(p.img, box, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{})
}
