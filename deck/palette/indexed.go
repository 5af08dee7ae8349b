package palette

import (
	"image"
	"io"
	"unsafe"
)

// An Indexed picture holds a colour id for each pixel, row by row, and
// the colours by id: a picture of a few thousand colours in half the
// memory of an image.RGBA. A colour is an RGBA word, the four bytes of
// an image.RGBA's pixel as they lie in memory, read little-endian.
type Indexed struct {
	Rect   image.Rectangle
	IDs    []uint16 // Rect.Dx() a row
	Colors []uint32 // by id
}

// EncodeIndexedPNG writes img as EncodeReducedPNG writes the image.RGBA
// of the same pixels, byte for byte: its 256 most common colours, taken
// as opaque, and the nearest of them for every other. It returns false,
// and writes nothing, when the palette would draw img further than
// maxMean from its colours (see Reduce). The colours are counted by id,
// a run of one id at a time, not looked up pixel by pixel.
func EncodeIndexedPNG(w io.Writer, img *Indexed, maxMean float64) (bool, error) {
	width := img.Rect.Dx()
	counts := make([]int, len(img.Colors)) // by colour id
	for y := range img.Rect.Dy() {
		row := img.IDs[y*width:][:width]
		for len(row) > 0 {
			n := runLength16(row)
			counts[row[0]] += n
			row = row[n:]
		}
	}
	// Ids of one red, green and blue are one colour, as words that differ
	// in alpha alone are in an image.RGBA's count.
	t := newTable()
	byColor := make([]int32, len(img.Colors)) // the table's id, by colour id
	for id, n := range counts {
		if n > 0 {
			k := t.id(rgbOf(img.Colors[id]))
			byColor[id] = k
			t.counts[k] += n
		}
	}
	pal, index := choose(t, img.Rect, maxMean)
	if pal == nil {
		return false, nil
	}
	indexOf := make([]uint8, len(img.Colors)) // the palette's index, by colour id
	for id, n := range counts {
		if n > 0 {
			indexOf[id] = index[byColor[id]]
		}
	}
	return true, writePNG(w, img.Rect, pal, func(dst []byte, y int) {
		row := img.IDs[(y-img.Rect.Min.Y)*width:][:width]
		for len(row) > 0 {
			n := runLength16(row)
			fill(dst[:n], indexOf[row[0]])
			dst, row = dst[n:], row[n:]
		}
	})
}

// runLength16 returns the number of ids at the start of row that are its
// first. Sixteen ids are compared at a time, then four, as runLength
// compares pixels: a chart's rows are long runs of one colour.
func runLength16(row []uint16) int {
	first := row[0]
	four := uint64(first) * 0x0001_0001_0001_0001
	b := unsafe.Slice((*byte)(unsafe.Pointer(&row[0])), 2*len(row)) // the ids as they lie in memory
	n := 1
	for ; n+16 <= len(row); n += 16 {
		r := b[2*n : 2*n+32]
		if (pairAt(r, 0)^four)|(pairAt(r, 8)^four)|(pairAt(r, 16)^four)|(pairAt(r, 24)^four) != 0 {
			break
		}
	}
	for n+4 <= len(row) && pairAt(b, 2*n) == four {
		n += 4
	}
	for n < len(row) && row[n] == first {
		n++
	}
	return n
}
