package charts

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"unsafe"

	"github.com/deckpdf/deck/deck/palette"
	"github.com/golang/freetype/raster"
)

// An indexedCanvas is the picture a chart is drawn on: a colour id a
// pixel, two bytes where an image.RGBA takes four. A chart is a few flat
// colours and the blends at their edges, a few thousand colours in all,
// and a picture is memory the system clears page by page before it is
// drawn on: the report's widest chart takes 4.4 MB, not 8.9. The canvas is
// also go-chart's painter: it paints the rasterizer's spans as freetype's
// RGBAPainter paints them on an image.RGBA, the same blend of the same
// bytes, a colour and a coverage over a colour id giving a colour id. A
// picture of more than 65,536 colours goes on as an image.RGBA.
type indexedCanvas struct {
	palette.Indexed
	idOf map[uint32]uint16 // by colour
	// rgba is the picture once its colours outgrew the ids: what is
	// painted from then on is painted on it, by over.
	rgba *image.RGBA
	over raster.RGBAPainter
	// The colour being painted, 16-bit and premultiplied as RGBAPainter
	// holds it, and the blends made with it: the id of the colour over a
	// colour id at a coverage, kept by a hash of the two, one a slot.
	// A blend of another colour (another color, an older generation) is
	// none: SetColor starts a generation, not clearing 4096 slots.
	cr, cg, cb, ca uint32
	blends         *[blendSlots]blend
	color          uint32
}

// blendSlots is the number of blends a canvas keeps, a power of 2.
const blendSlots = 1 << 12

// A blend is the colour id of a colour painted over one.
type blend struct {
	under uint16
	id    uint16
	alpha uint32 // the coverage
	color uint32 // the colour's generation, from 1
}

// newIndexedCanvas returns a w×h canvas on ids, which are all 0: every
// pixel transparent black, as a new image.RGBA's.
func newIndexedCanvas(ids []uint16, w, h int) *indexedCanvas {
	return &indexedCanvas{
		Indexed: palette.Indexed{Rect: image.Rect(0, 0, w, h), IDs: ids, Colors: []uint32{0}},
		idOf:    map[uint32]uint16{0: 0},
		color:   1, // the blends' slots, all of generation 0, are empty
	}
}

// id returns the id of the colour whose RGBA word is c, giving it the
// next when it has none; false when every id is taken.
func (c *indexedCanvas) id(word uint32) (uint16, bool) {
	if id, ok := c.idOf[word]; ok {
		return id, true
	}
	if len(c.Colors) > 0xffff {
		return 0, false
	}
	id := uint16(len(c.Colors))
	c.Colors = append(c.Colors, word)
	c.idOf[word] = id
	return id, true
}

// toRGBA makes the picture an image.RGBA, which is drawn on from then on.
func (c *indexedCanvas) toRGBA() {
	if c.rgba != nil {
		return
	}
	c.rgba = c.RGBA()
	c.over = raster.RGBAPainter{Image: c.rgba}
	c.over.SetColor(color.RGBA64{uint16(c.cr), uint16(c.cg), uint16(c.cb), uint16(c.ca)})
}

// RGBA returns the picture as an image.RGBA.
func (c *indexedCanvas) RGBA() *image.RGBA {
	if c.rgba != nil {
		return c.rgba
	}
	img := image.NewRGBA(c.Rect)
	for i, id := range c.IDs {
		binary.LittleEndian.PutUint32(img.Pix[4*i:], c.Colors[id])
	}
	return img
}

// wordOf returns the RGBA word of col, as an image.RGBA holds it.
func wordOf(col color.Color) uint32 {
	k := color.RGBAModel.Convert(col).(color.RGBA)
	return uint32(k.R) | uint32(k.G)<<8 | uint32(k.B)<<16 | uint32(k.A)<<24
}

// ColorModel, Bounds, At and Set make the canvas a draw.Image, which
// go-chart's graphic context asks for; it paints through Paint.
func (c *indexedCanvas) ColorModel() color.Model { return color.RGBAModel }

func (c *indexedCanvas) Bounds() image.Rectangle { return c.Rect }

func (c *indexedCanvas) At(x, y int) color.Color {
	if c.rgba != nil {
		return c.rgba.At(x, y)
	}
	if !(image.Point{x, y}.In(c.Rect)) {
		return color.RGBA{}
	}
	w := c.Colors[c.IDs[(y-c.Rect.Min.Y)*c.Rect.Dx()+x-c.Rect.Min.X]]
	return color.RGBA{uint8(w), uint8(w >> 8), uint8(w >> 16), uint8(w >> 24)}
}

func (c *indexedCanvas) Set(x, y int, col color.Color) {
	if !(image.Point{x, y}.In(c.Rect)) {
		return
	}
	if c.rgba == nil {
		if id, ok := c.id(wordOf(col)); ok {
			c.IDs[(y-c.Rect.Min.Y)*c.Rect.Dx()+x-c.Rect.Min.X] = id
			return
		}
		c.toRGBA()
	}
	c.rgba.Set(x, y, col)
}

// fill paints the rectangle r with the opaque colour col, as draw.Draw
// paints an image.RGBA from a uniform colour with draw.Src.
func (c *indexedCanvas) fill(r image.Rectangle, col color.Color) {
	r = r.Intersect(c.Rect)
	if r.Empty() {
		return
	}
	if c.rgba == nil {
		if id, ok := c.id(wordOf(col)); ok {
			w := c.Rect.Dx()
			first := c.IDs[(r.Min.Y-c.Rect.Min.Y)*w+r.Min.X-c.Rect.Min.X:][:r.Dx()]
			for i := range first {
				first[i] = id
			}
			for y := r.Min.Y + 1; y < r.Max.Y; y++ {
				copy(c.IDs[(y-c.Rect.Min.Y)*w+r.Min.X-c.Rect.Min.X:], first)
			}
			return
		}
		c.toRGBA()
	}
	draw.Draw(c.rgba, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// SetColor sets the colour Paint paints with.
func (c *indexedCanvas) SetColor(col color.Color) {
	c.cr, c.cg, c.cb, c.ca = col.RGBA()
	if c.rgba != nil {
		c.over.SetColor(col)
		return
	}
	c.color++
}

// Paint paints the spans in the colour set, over what is there, as
// freetype's RGBAPainter paints them.
func (c *indexedCanvas) Paint(ss []raster.Span, done bool) {
	if c.rgba != nil {
		c.over.Paint(ss, done)
		return
	}
	b, w := c.Rect, c.Rect.Dx()
	for k, s := range ss {
		if s.Y < b.Min.Y {
			continue
		}
		if s.Y >= b.Max.Y {
			return
		}
		s.X0, s.X1 = max(s.X0, b.Min.X), min(s.X1, b.Max.X)
		if s.X0 >= s.X1 {
			continue
		}
		row := c.IDs[(s.Y-b.Min.Y)*w+s.X0-b.Min.X:][:s.X1-s.X0]
		for i, under := range row {
			id, ok := c.blend(under, s.Alpha)
			if !ok { // the colours outgrew the ids: the rest on an image.RGBA
				c.toRGBA()
				s.X0 += i
				c.over.Paint(append([]raster.Span{s}, ss[k+1:]...), done)
				return
			}
			row[i] = id
		}
	}
}

// newBlends returns empty slots for a canvas's blends, each page of them
// written to once: the slots are read before they are written, and a page
// of new memory read first is the system's page of zeros until a write
// copies it, interrupting every other core (see fonts.newBMPBlock).
func newBlends() *[blendSlots]blend {
	b := new([blendSlots]blend)
	for i := 0; i < blendSlots; i += 4096 / int(unsafe.Sizeof(blend{})) {
		b[i].color = 0 // generation 0: empty
	}
	return b
}

// blend returns the id of the colour being painted at coverage alpha over
// the colour of id under.
func (c *indexedCanvas) blend(under uint16, alpha uint32) (uint16, bool) {
	if c.blends == nil {
		c.blends = newBlends()
	}
	slot := &c.blends[(uint32(under)*0x9e3779b1^alpha*0x85ebca6b)>>20] // Fibonacci hashing to 12 bits
	if slot.color == c.color && slot.under == under && slot.alpha == alpha {
		return slot.id, true
	}
	// RGBAPainter's sum, on the bytes of the colour under.
	const m = 1<<16 - 1
	d := c.Colors[under]
	a := (m - (c.ca * alpha / m)) * 0x101
	word := uint32(uint8((d&0xff*a+c.cr*alpha)/m>>8)) |
		uint32(uint8((d>>8&0xff*a+c.cg*alpha)/m>>8))<<8 |
		uint32(uint8((d>>16&0xff*a+c.cb*alpha)/m>>8))<<16 |
		uint32(uint8((d>>24*a+c.ca*alpha)/m>>8))<<24
	id, ok := c.id(word)
	if ok {
		*slot = blend{under: under, id: id, alpha: alpha, color: c.color}
	}
	return id, ok
}
