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
	r := reduce(img, maxMean)
	if r == nil {
		return nil
	}
	b := img.Bounds()
	out := image.NewPaletted(b, r.palette)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		r.row(out.Pix[out.PixOffset(b.Min.X, y):][:b.Dx()], y)
	}
	return out
}

// A reduction is a picture's palette of its 256 most common colours, and
// the index in it of each of its colours.
type reduction struct {
	img     *image.RGBA
	t       *table
	palette color.Palette
	index   []uint8 // by the table's colour id
}

// reduce counts img's colours and chooses its palette, or returns nil when
// the palette draws img further than maxMean from its colours (see
// Reduce).
func reduce(img *image.RGBA, maxMean float64) *reduction {
	t := count(img)
	pal, index := choose(t, img.Bounds(), maxMean)
	if pal == nil {
		return nil
	}
	return &reduction{img: img, t: t, palette: pal, index: index}
}

// choose returns the palette of the 256 most common colours of t, and the
// index in it of each of t's colours by id; or nil when the palette draws
// the picture, of bounds b, further than maxMean from its colours.
func choose(t *table, b image.Rectangle, maxMean float64) (color.Palette, []uint8) {
	// Colours by id, the most common first; ties by value, so that the
	// order is fixed.
	order := make([]int32, len(t.colors))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(p, q int32) int {
		return cmp.Or(cmp.Compare(t.counts[q], t.counts[p]), cmp.Compare(t.colors[p], t.colors[q]))
	})
	n := min(len(order), 256)
	pal := make(color.Palette, n)
	index := make([]uint8, len(order)) // by id
	for i, id := range order[:n] {
		pal[i] = rgba(t.colors[id])
		index[id] = uint8(i)
	}
	var off int // the sum of the differences, over every channel of every pixel
	var near *nearest
	if len(order) > n {
		near = newNearest(t.colors, order[:n])
	}
	for _, id := range order[n:] {
		c := t.colors[id]
		k := near.index(c)
		index[id] = uint8(k)
		off += t.counts[id] * distance(c, t.colors[order[k]])
	}
	if float64(off) > maxMean*float64(3*b.Dx()*b.Dy()) {
		return nil, nil
	}
	return pal, index
}

// A nearest finds, for a colour, the index in a palette of the colour
// nearest it, as color.Palette.Index finds it: the least sum of the
// squared differences of the 16-bit channels, the first of equal ones.
// The palette's colours are kept by red, so that a colour is compared
// only with those whose red alone is no further than the nearest found
// so far: a chart's thousand blends beyond its 256 most common colours
// had each been compared with all 256, a sixth of the time its PNG took
// to write.
type nearest struct {
	byRed []paletteColor // by red, then by index
}

// A paletteColor is a colour of the palette (0xRRGGBB) and its index.
type paletteColor struct {
	c     uint32
	index int
}

// newNearest returns a nearest for the palette given as the ids of its
// colours in colors.
func newNearest(colors []uint32, palette []int32) *nearest {
	byRed := make([]paletteColor, len(palette))
	for i, id := range palette {
		byRed[i] = paletteColor{colors[id], i}
	}
	slices.SortFunc(byRed, func(p, q paletteColor) int {
		return cmp.Or(cmp.Compare(p.c>>16, q.c>>16), cmp.Compare(p.index, q.index))
	})
	return &nearest{byRed: byRed}
}

// index returns the index in the palette of the colour nearest c.
func (n *nearest) index(c uint32) int {
	best, least := len(n.byRed), ^uint32(0)
	r, g, b := c>>16&0xff, c>>8&0xff, c&0xff
	// From the first colour of c's red or more, up, then down; a side
	// ends where its red alone is further than the nearest so far.
	start, _ := slices.BinarySearchFunc(n.byRed, r, func(p paletteColor, r uint32) int { return cmp.Compare(p.c>>16, r) })
	try := func(p paletteColor) bool {
		sum := sqDiff(r, p.c>>16)
		if sum > least {
			return false
		}
		sum += sqDiff(g, p.c>>8&0xff) + sqDiff(b, p.c&0xff)
		if sum < least || sum == least && p.index < best {
			best, least = p.index, sum
		}
		return true
	}
	for i := start; i < len(n.byRed) && try(n.byRed[i]); i++ {
	}
	for i := start - 1; i >= 0 && try(n.byRed[i]); i-- {
	}
	return best
}

// sqDiff is color's sqDiff of two 8-bit channels taken to 16 bits, as
// Color.RGBA gives them: the square of their difference, over 4.
func sqDiff(x, y uint32) uint32 {
	d := x*0x101 - y*0x101
	return d * d >> 2
}

// row writes the palette indexes of row y of the picture into dst, one a
// pixel. A colour is looked up once a run of it.
func (r *reduction) row(dst []byte, y int) {
	b := r.img.Bounds()
	row := r.img.Pix[r.img.PixOffset(b.Min.X, y):r.img.PixOffset(b.Max.X, y)]
	for len(row) > 0 {
		w := word(row)
		n := runLength(row, w)
		fill(dst[:n], r.index[r.t.id(rgbOf(w))])
		dst, row = dst[n:], row[4*n:]
	}
}

// A table numbers a picture's colours, from 0 in the order met, and
// counts their pixels. Looking a colour up in a map for every run of it
// took most of Reduce's time: the colours last met are kept in a small
// cache by hash first, where most lookups end.
type table struct {
	ids    map[uint32]int32
	colors []uint32 // by id
	counts []int    // by id
	keys   [cacheSize]uint32
	vals   [cacheSize]int32
}

// cacheSize is the number of colours the cache keeps, a power of 2.
const cacheSize = 1 << 12

func newTable() *table {
	t := &table{ids: map[uint32]int32{}}
	for i := range t.keys {
		t.keys[i] = ^uint32(0) // no colour
	}
	return t
}

// id returns the colour's number, giving it the next one when it is new.
func (t *table) id(c uint32) int32 {
	h := c * 0x9e3779b1 >> 20 // Fibonacci hashing to 12 bits
	if t.keys[h] == c {
		return t.vals[h]
	}
	id, ok := t.ids[c]
	if !ok {
		id = int32(len(t.colors))
		t.ids[c] = id
		t.colors = append(t.colors, c)
		t.counts = append(t.counts, 0)
	}
	t.keys[h], t.vals[h] = c, id
	return id
}

// count returns the picture's colours and how many pixels each has.
func count(img *image.RGBA) *table {
	t := newTable()
	rows(img, func(row []byte, _ int) {
		// Counted by runs: the rows are long runs of one colour. Pixels
		// are compared whole, as they lie in memory: a run split by alpha
		// alone counts to the same colour.
		for len(row) > 0 {
			w := word(row)
			n := runLength(row, w)
			t.counts[t.id(rgbOf(w))] += n
			row = row[4*n:]
		}
	})
	return t
}

// runLength returns the number of pixels at the start of row whose word
// is w, the word of its first pixel. Eight pixels are compared at a time,
// then two: a chart's rows are long runs of one colour, and scanning them
// was most of Reduce's time.
func runLength(row []byte, w uint32) int {
	pair := uint64(w)<<32 | uint64(w)
	i := 4
	for ; i+32 <= len(row); i += 32 {
		r := row[i : i+32]
		if (pairAt(r, 0)^pair)|(pairAt(r, 8)^pair)|(pairAt(r, 16)^pair)|(pairAt(r, 24)^pair) != 0 {
			break
		}
	}
	for i+8 <= len(row) && pairAt(row, i) == pair {
		i += 8
	}
	for i+4 <= len(row) && word(row[i:]) == w {
		i += 4
	}
	return i / 4
}

// pairAt returns the words of the two pixels at offset i of row, as they
// lie in memory, in one load.
func pairAt(row []byte, i int) uint64 { return binary.LittleEndian.Uint64(row[i:]) }

// fill sets every byte of s to k, doubling what it has set with each copy.
func fill(s []byte, k byte) {
	if len(s) == 0 {
		return
	}
	s[0] = k
	for n := 1; n < len(s); n *= 2 {
		copy(s[n:], s[:n])
	}
}

// word is a pixel's four bytes as they lie in memory, read in one load.
func word(pix []byte) uint32 { return binary.LittleEndian.Uint32(pix) }

// rgbOf returns the red, green and blue of a pixel's word, 0xRRGGBB.
func rgbOf(w uint32) uint32 { return w&0xff<<16 | w&0xff00 | w>>16&0xff }

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
