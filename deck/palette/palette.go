// Package palette writes opaque pictures with 256 colours: a chart or a
// slide is a few flat colours and the anti-aliased blends at their edges,
// and its 256 most common colours hold all but a sliver of its pixels. An
// indexed PNG of it is a third of the size of an RGB one and quicker to
// encode.
package palette

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"slices"
)

// Reduce returns the picture drawn with its 256 most common colours, every
// other colour taking the nearest of them, or nil when that makes the
// picture differ from img by more than maxMean on average (the absolute
// differences of red, green and blue, on a scale of 0 to 255). img is
// taken as opaque. The same picture gives the same palette and pixels.
func Reduce(img *image.RGBA, maxMean float64) *image.Paletted {
	counts := count(img)
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
	if float64(off) > maxMean*float64(3*b.Dx()*b.Dy()) {
		return nil
	}
	out := image.NewPaletted(b, pal)
	rows(img, func(row []byte, y int) {
		o := out.Pix[out.PixOffset(b.Min.X, y):]
		// A colour is looked up when it changes along the row: no colour
		// is 0xffffffff, so the first pixel is looked up.
		last, k := ^uint32(0), uint8(0)
		for i := 0; i < len(row); i += 4 {
			if c := rgb(row[i:]); c != last {
				last, k = c, index[c]
			}
			o[i/4] = k
		}
	})
	return out
}

// count returns how many pixels of each colour the picture has.
func count(img *image.RGBA) map[uint32]int {
	counts := map[uint32]int{}
	rows(img, func(row []byte, _ int) {
		// Counted by runs: the rows are long runs of one colour.
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
	return counts
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
