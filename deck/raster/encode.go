package raster

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
)

// maxError is the largest mean difference, on a scale of 0 to 255, that
// writing a picture with a palette of its 256 most common colours may
// make. A slide is flat colours and the anti-aliased edges between them:
// the few pixels outside the palette, edges of text and of scaled charts,
// take the nearest colour in it, and the nine slides of the built-in report
// differ by 0.003 to 0.13 from their full colours (at most 47 at a pixel),
// in PNG files 2.6 times smaller. A photo differs by more and is written
// in full colour.
const maxError = 0.5

// Encode writes an opaque picture as a PNG: indexed when 256 colours draw
// it within maxError, in full colour otherwise. The same picture gives the
// same bytes.
func Encode(w io.Writer, img *image.RGBA) error {
	if pal := palette(img); pal != nil {
		return png.Encode(w, pal)
	}
	return png.Encode(w, img)
}

// rgb is a pixel's red, green and blue in one word, 0xRRGGBB.
func rgb(pix []byte) uint32 { return binary.BigEndian.Uint32(pix) >> 8 }

// rows calls f with each row of the picture's pixels, four bytes a pixel.
func rows(img *image.RGBA, f func(row []byte, y int)) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		f(img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)], y)
	}
}

// palette returns the picture drawn with its 256 most common colours, each
// other colour taking the nearest of them, or nil when that makes the
// picture differ by more than maxError on average.
func palette(img *image.RGBA) *image.Paletted {
	counts := map[uint32]int{}
	rows(img, func(row []byte, _ int) {
		// Counted by runs: a slide's rows are long runs of one colour.
		run, n := rgb(row), 0
		for i := 0; i < len(row); i += 4 {
			if c := rgb(row[i:]); c != run {
				counts[run] += n
				run, n = c, 0
			}
			n++
		}
		counts[run] += n
	})
	colors := make([]uint32, 0, len(counts))
	for c := range counts {
		colors = append(colors, c)
	}
	// The most common first; ties by value, so that the order is fixed.
	slices.SortFunc(colors, func(p, q uint32) int { return cmp.Or(cmp.Compare(counts[q], counts[p]), cmp.Compare(p, q)) })
	n := min(len(colors), 256)
	pal := make(color.Palette, n)
	index := make(map[uint32]uint8, len(colors))
	for i, c := range colors[:n] {
		pal[i] = rgba(c)
		index[c] = uint8(i)
	}
	var off int // the sum of the differences, over every channel of every pixel
	for _, c := range colors[n:] {
		k := pal.Index(rgba(c))
		index[c] = uint8(k)
		off += counts[c] * distance(c, colors[k])
	}
	b := img.Bounds()
	if float64(off) > maxError*float64(3*b.Dx()*b.Dy()) {
		return nil
	}
	out := image.NewPaletted(b, pal)
	rows(img, func(row []byte, y int) {
		o := out.Pix[out.PixOffset(b.Min.X, y):]
		for i := 0; i < len(row); i += 4 {
			o[i/4] = index[rgb(row[i:])]
		}
	})
	return out
}

// rgba returns a 0xRRGGBB colour as an opaque colour.
func rgba(c uint32) color.RGBA { return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 255} }

// distance returns the sum of the differences of two colours' channels.
func distance(p, q uint32) int {
	d := 0
	for shift := 0; shift < 24; shift += 8 {
		a, b := int(p>>shift&0xff), int(q>>shift&0xff)
		d += max(a-b, b-a)
	}
	return d
}
