package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Subset returns a TrueType font file with only the glyphs that face f
// needs to draw runes: the notdef glyph, the glyph of each rune the face
// has, and the components of composite glyphs. Runes the face lacks are
// left out; order and repeats in runes do not matter. Every glyph keeps
// its advance and outline, so text measured with the whole face draws
// alike with the subset. The same face and runes give the same bytes.
//
// The subset has the tables a PDF or presentation embeds: glyf, loca
// (long offsets), hmtx (an entry per glyph), hhea, maxp, cmap (format 4,
// and format 12 when a rune is above U+FFFF), head, name, OS/2, post
// (version 3, no glyph names), and the face's hinting tables when it has
// them. OpenType layout tables are dropped: deck draws glyphs one by one.
func Subset(f *Face, runes []rune) ([]byte, error) {
	return SubsetHalf(f, runes, nil)
}

// SubsetHalf is Subset with, besides, the half-width form of each rune of
// half that has one (see HalfWidth) and that the face has: a composite
// glyph of the mark's outline, at its code point. Forms and runes must
// not meet: a rune drawn at a form's code point is an error.
//
// The face remembers the last subset made of it: a deck rendered again
// (deck watch, a service) asks for the same glyphs, and gets them without
// the work.
func SubsetHalf(f *Face, runes, half []rune) ([]byte, error) {
	last := Memo(f, lastSubsetKey{}, func() *lastSubset { return &lastSubset{} })
	key := string(runes) + "\x00" + string(half)
	last.mu.Lock()
	hit, data := last.data != nil && last.key == key, last.data
	last.mu.Unlock()
	if hit {
		return bytes.Clone(data), nil
	}
	s, err := newSubsetter(f, runes, half)
	if err != nil {
		return nil, fmt.Errorf("fonts: subset of %s: %w", f.name, err)
	}
	data = s.write()
	last.mu.Lock()
	last.key, last.data = key, data
	last.mu.Unlock()
	return bytes.Clone(data), nil
}

// lastSubsetKey is the Memo key of a face's lastSubset.
type lastSubsetKey struct{}

// A lastSubset is the last subset made of a face, and the runes asked for.
type lastSubset struct {
	mu   sync.Mutex
	key  string
	data []byte
}

// A subsetter holds a face's tables and the glyphs a subset keeps.
type subsetter struct {
	tables  map[string][]byte
	numHM   int      // hhea.numberOfHMetrics of the face
	loca    []uint32 // glyph offsets into glyf, one more than the glyphs
	glyphs  []uint16 // the old ids of the kept glyphs, in new order
	newID   map[uint16]uint16
	cmap    []cmapEntry // rune -> new glyph id, by rune
	hasWide bool        // a rune above U+FFFF
	half    []halfGlyph // the half-width forms, after the kept glyphs
	upem    int
}

type cmapEntry struct {
	r   rune
	gid uint16
}

func newSubsetter(f *Face, runes, half []rune) (*subsetter, error) {
	s := &subsetter{tables: tableDirectory(f.data), newID: map[uint16]uint16{}, upem: int(f.upem)}
	if err := s.readLoca(); err != nil {
		return nil, err
	}
	s.numHM = int(binary.BigEndian.Uint16(s.tables["hhea"][34:]))
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	keep := map[uint16]bool{0: true}
	var buf sfnt.Buffer
	old := make(map[rune]uint16, len(rs))
	for _, r := range rs {
		gi, err := f.font.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		old[r] = uint16(gi)
		if err := s.keep(keep, uint16(gi), 0); err != nil {
			return nil, err
		}
	}
	if err := s.halfForms(f, half, old, keep); err != nil {
		return nil, err
	}
	for gi := range keep {
		s.glyphs = append(s.glyphs, gi)
	}
	slices.Sort(s.glyphs)
	for i, gi := range s.glyphs {
		s.newID[gi] = uint16(i)
	}
	for _, r := range rs {
		if gi, ok := old[r]; ok {
			s.cmap = append(s.cmap, cmapEntry{r, s.newID[gi]})
			s.hasWide = s.hasWide || r > 0xFFFF
		}
	}
	for i, h := range s.half {
		s.cmap = append(s.cmap, cmapEntry{h.code, uint16(len(s.glyphs) + i)})
	}
	slices.SortFunc(s.cmap, func(a, b cmapEntry) int { return int(a.r - b.r) })
	return s, nil
}

// halfForms notes the half-width forms of the marks of half that the
// face has, and keeps their glyphs; old maps the runes drawn to the
// face's glyphs.
func (s *subsetter) halfForms(f *Face, half []rune, old map[rune]uint16, keep map[uint16]bool) error {
	hs := slices.Clone(half)
	slices.Sort(hs)
	var buf sfnt.Buffer
	for _, r := range slices.Compact(hs) {
		code, ok := HalfWidth(r)
		if !ok {
			continue
		}
		gi, err := f.font.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		if _, drawn := old[code]; drawn {
			return fmt.Errorf("U+%04X is drawn and is also the code point of the half-width form of %q", code, r)
		}
		if err := s.keep(keep, uint16(gi), 0); err != nil {
			return err
		}
		s.half = append(s.half, halfGlyph{code: code, base: uint16(gi), dx: halfShift(r, s.upem)})
	}
	return nil
}

// readLoca reads the glyph offsets, short or long as head says.
func (s *subsetter) readLoca() error {
	head, maxp, loca, hhea := s.tables["head"], s.tables["maxp"], s.tables["loca"], s.tables["hhea"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return errors.New("the head, hhea or maxp table is too short")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return errors.New("the loca table is shorter than the glyph count")
	}
	s.loca = make([]uint32, n+1)
	for i := range s.loca {
		if long {
			s.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			s.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	}
	return nil
}

// glyph returns the bytes of glyph gi in glyf.
func (s *subsetter) glyph(gi uint16) ([]byte, error) {
	if int(gi)+1 >= len(s.loca) {
		return nil, fmt.Errorf("glyph %d is past the glyph count %d", gi, len(s.loca)-1)
	}
	a, b, glyf := s.loca[gi], s.loca[gi+1], s.tables["glyf"]
	if a > b || int(b) > len(glyf) {
		return nil, fmt.Errorf("glyph %d lies outside the glyf table", gi)
	}
	return glyf[a:b], nil
}

// maxDepth bounds the nesting of composite glyphs, so that a damaged font
// whose composite refers to itself fails instead of recursing for ever.
const maxDepth = 16

// keep marks glyph gi and, for a composite glyph, its components.
func (s *subsetter) keep(keep map[uint16]bool, gi uint16, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("glyph %d nests composites deeper than %d", gi, maxDepth)
	}
	keep[gi] = true
	g, err := s.glyph(gi)
	if err != nil {
		return err
	}
	return eachComponent(g, func(at int) error {
		c := binary.BigEndian.Uint16(g[at:])
		if keep[c] {
			return nil
		}
		return s.keep(keep, c, depth+1)
	})
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComps     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compHeaderLen = 10 // numberOfContours and the bounding box
)

// eachComponent calls fn with the offset in g of each component's glyph
// index, when g is a composite glyph.
func eachComponent(g []byte, fn func(at int) error) error {
	if len(g) < compHeaderLen || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil // empty or simple
	}
	for at := compHeaderLen; ; {
		if at+4 > len(g) {
			return errors.New("a composite glyph is cut short")
		}
		flags := binary.BigEndian.Uint16(g[at:])
		if err := fn(at + 2); err != nil {
			return err
		}
		at += 4 + 2
		if flags&argsAreWords != 0 {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// metric returns the advance and left side bearing of glyph gi.
func (s *subsetter) metric(gi uint16) (adv, lsb uint16) {
	hmtx := s.tables["hmtx"]
	i := int(gi)
	if i < s.numHM {
		if 4*i+4 <= len(hmtx) {
			return binary.BigEndian.Uint16(hmtx[4*i:]), binary.BigEndian.Uint16(hmtx[4*i+2:])
		}
		return 0, 0
	}
	// Past the last full entry: its advance, and a bearing of its own.
	if last := 4 * (s.numHM - 1); last >= 0 && last+2 <= len(hmtx) {
		adv = binary.BigEndian.Uint16(hmtx[last:])
	}
	if at := 4*s.numHM + 2*(i-s.numHM); at+2 <= len(hmtx) {
		lsb = binary.BigEndian.Uint16(hmtx[at:])
	}
	return adv, lsb
}

// write assembles the subset's tables into a font file.
func (s *subsetter) write() []byte {
	out := map[string][]byte{}
	glyf, loca := s.glyfLoca()
	out["glyf"], out["loca"] = glyf, loca
	n := len(s.glyphs) + len(s.half)
	hmtx := make([]byte, 4*n)
	for i, gi := range s.glyphs {
		adv, lsb := s.metric(gi)
		binary.BigEndian.PutUint16(hmtx[4*i:], adv)
		binary.BigEndian.PutUint16(hmtx[4*i+2:], lsb)
	}
	for i, h := range s.half {
		adv, lsb := s.metric(h.base)
		at := 4 * (len(s.glyphs) + i)
		binary.BigEndian.PutUint16(hmtx[at:], adv-uint16(s.upem/2))
		binary.BigEndian.PutUint16(hmtx[at+2:], uint16(int16(lsb)+int16(h.dx)))
	}
	out["hmtx"] = hmtx
	out["hhea"] = patched(s.tables["hhea"], 34, uint16(n))
	out["maxp"] = s.maxp(n)
	head := patched(s.tables["head"], 50, 1) // long loca offsets
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	out["head"] = head
	out["cmap"] = s.cmapTable()
	out["post"] = postV3(s.tables["post"])
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if b, ok := s.tables[tag]; ok {
			out[tag] = b
		}
	}
	return assemble(out)
}

// glyfLoca copies the kept glyphs, renumbering the components of
// composite glyphs, each padded to four bytes.
func (s *subsetter) glyfLoca() (glyf, loca []byte) {
	loca = make([]byte, 4*(len(s.glyphs)+len(s.half)+1))
	size := 0
	for _, gi := range s.glyphs {
		g, _ := s.glyph(gi) // checked by keep
		size += (len(g) + 3) &^ 3
	}
	glyf = make([]byte, 0, size+len(s.half)*(compHeaderLen+8))
	for i, gi := range s.glyphs {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		g, _ := s.glyph(gi) // checked by keep
		at := len(glyf)
		glyf = append(glyf, g...)
		_ = eachComponent(g, func(c int) error {
			old := binary.BigEndian.Uint16(g[c:])
			binary.BigEndian.PutUint16(glyf[at+c:], s.newID[old])
			return nil
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	for i, h := range s.half {
		binary.BigEndian.PutUint32(loca[4*(len(s.glyphs)+i):], uint32(len(glyf)))
		g, _ := s.glyph(h.base) // checked by keep
		glyf = append(glyf, compositeOf(g, s.newID[h.base], h.dx)...)
	}
	binary.BigEndian.PutUint32(loca[len(loca)-4:], uint32(len(glyf)))
	return glyf, loca
}

// maxp returns the face's maxp table for n glyphs; with half-width forms,
// its composite maxima (version 1.0) count their one component on top of
// the deepest mark.
func (s *subsetter) maxp(n int) []byte {
	m := patched(s.tables["maxp"], 4, uint16(n))
	if len(s.half) == 0 || len(m) < 32 {
		return m
	}
	raise := func(off, v int) {
		if int(binary.BigEndian.Uint16(m[off:])) < v {
			binary.BigEndian.PutUint16(m[off:], uint16(v))
		}
	}
	depth := 1
	for _, h := range s.half {
		g, _ := s.glyph(h.base) // checked by keep
		pts, contours, simple := simpleSize(g)
		if !simple {
			// A composite mark's own sizes count already; one level more.
			depth = int(binary.BigEndian.Uint16(m[30:])) + 1
			continue
		}
		raise(10, pts)      // maxCompositePoints
		raise(12, contours) // maxCompositeContours
	}
	raise(28, 1)     // maxComponentElements
	raise(30, depth) // maxComponentDepth
	return m
}

// simpleSize returns the points and contours of a simple glyph, and false
// for a composite one.
func simpleSize(g []byte) (points, contours int, simple bool) {
	if len(g) < compHeaderLen {
		return 0, 0, true // empty
	}
	nc := int(int16(binary.BigEndian.Uint16(g)))
	if nc < 0 {
		return 0, 0, false
	}
	if nc == 0 || len(g) < compHeaderLen+2*nc {
		return 0, nc, true
	}
	return int(binary.BigEndian.Uint16(g[compHeaderLen+2*(nc-1):])) + 1, nc, true
}

// patched returns a copy of table b with the uint16 at off set to v.
func patched(b []byte, off int, v uint16) []byte {
	c := slices.Clone(b)
	binary.BigEndian.PutUint16(c[off:], v)
	return c
}

// postV3 returns a post table of version 3: the header of the face's,
// without glyph names, which the subset's new glyph ids would make wrong.
func postV3(post []byte) []byte {
	out := make([]byte, 32)
	copy(out, post)
	binary.BigEndian.PutUint32(out, 0x00030000)
	return out
}

// cmapTable maps the runes to the new glyph ids: a format 4 subtable for
// the runes up to U+FFFF under (3, 1), and a format 12 subtable of all
// of them under (3, 10) when a rune is above.
func (s *subsetter) cmapTable() []byte {
	f4 := s.format4()
	n := 1
	if s.hasWide {
		n = 2
	}
	out := make([]byte, 4+8*n)
	binary.BigEndian.PutUint16(out[2:], uint16(n))
	binary.BigEndian.PutUint16(out[4:], 3)
	binary.BigEndian.PutUint16(out[6:], 1)
	binary.BigEndian.PutUint32(out[8:], uint32(len(out)))
	if s.hasWide {
		binary.BigEndian.PutUint16(out[12:], 3)
		binary.BigEndian.PutUint16(out[14:], 10)
		binary.BigEndian.PutUint32(out[16:], uint32(len(out)+len(f4)))
	}
	out = append(out, f4...)
	if s.hasWide {
		out = append(out, s.format12()...)
	}
	return out
}

// A segment maps the runes first..last to glyph ids first+delta onwards.
type segment struct {
	first, last rune
	delta       int
}

// segments groups the cmap's entries up to max into runs of consecutive
// runes with consecutive glyph ids.
func (s *subsetter) segments(max rune) []segment {
	var segs []segment
	for _, e := range s.cmap {
		if e.r > max {
			break
		}
		d := int(e.gid) - int(e.r)
		if n := len(segs); n > 0 && segs[n-1].last == e.r-1 && segs[n-1].delta == d {
			segs[n-1].last = e.r
			continue
		}
		segs = append(segs, segment{e.r, e.r, d})
	}
	return segs
}

// format4 writes a format 4 cmap subtable with idDelta segments only.
func (s *subsetter) format4() []byte {
	segs := append(s.segments(0xFFFE), segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	b := make([]byte, 16+8*n)
	binary.BigEndian.PutUint16(b[0:], 4)
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	binary.BigEndian.PutUint16(b[6:], uint16(2*n))
	p := floorPow2(n)
	binary.BigEndian.PutUint16(b[8:], uint16(2*p))
	binary.BigEndian.PutUint16(b[10:], uint16(log2(p)))
	binary.BigEndian.PutUint16(b[12:], uint16(2*n-2*p))
	ends, starts := 14, 16+2*n
	deltas := starts + 2*n
	for i, sg := range segs {
		binary.BigEndian.PutUint16(b[ends+2*i:], uint16(sg.last))
		binary.BigEndian.PutUint16(b[starts+2*i:], uint16(sg.first))
		binary.BigEndian.PutUint16(b[deltas+2*i:], uint16(sg.delta))
		// idRangeOffset stays zero: glyph = rune + delta.
	}
	return b
}

// format12 writes a format 12 cmap subtable of every rune.
func (s *subsetter) format12() []byte {
	segs := s.segments(0x10FFFF)
	b := make([]byte, 16+12*len(segs))
	binary.BigEndian.PutUint16(b[0:], 12)
	binary.BigEndian.PutUint32(b[4:], uint32(len(b)))
	binary.BigEndian.PutUint32(b[12:], uint32(len(segs)))
	for i, sg := range segs {
		at := 16 + 12*i
		binary.BigEndian.PutUint32(b[at:], uint32(sg.first))
		binary.BigEndian.PutUint32(b[at+4:], uint32(sg.last))
		binary.BigEndian.PutUint32(b[at+8:], uint32(int(sg.first)+sg.delta))
	}
	return b
}

// floorPow2 returns the largest power of two not above n (n ≥ 1).
func floorPow2(n int) int {
	p := 1
	for p*2 <= n {
		p *= 2
	}
	return p
}

// log2 returns the base-2 logarithm of a power of two.
func log2(p int) int {
	k := 0
	for p > 1 {
		p /= 2
		k++
	}
	return k
}

// assemble writes tables as a TrueType font file: the table directory in
// tag order, each table at a four-byte boundary with its checksum, and
// head's checkSumAdjustment making the whole file sum to 0xB1B0AFBA.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	p := floorPow2(n)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*p))
	binary.BigEndian.PutUint16(out[8:], uint16(log2(p)))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*p))
	headAt := 0
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the OpenType table checksum: the sum of big-endian uint32s,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	whole := len(b) &^ 3
	for i := 0; i < whole; i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if whole < len(b) {
		var w [4]byte
		copy(w[:], b[whole:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
