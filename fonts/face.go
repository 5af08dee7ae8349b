package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A Face is one parsed TrueType font. It is safe for concurrent use.
type Face struct {
	name string
	data []byte
	font *sfnt.Font
	upem float64
	// emTop and emBottom are the top and bottom of the em box, in ems above
	// and below the baseline (OS/2 typographic ascender and descender).
	emTop, emBottom float64

	// bmp caches the advances of the runes up to U+FFFF, each read from
	// the font at its first use, in blocks of 256 runes made as they are
	// first needed: see advance. Reading it takes no lock.
	bmp [0x100]atomic.Pointer[bmpBlock]
	mu  sync.Mutex
	buf sfnt.Buffer
	adv map[rune]float64 // the advances of other runes, in ems; negative when the glyph is missing

	memo sync.Map // key -> func() any, made by sync.OnceValue; see Memo
}

// Parse checks that data is a single TrueType-outline font and parses it.
// name identifies the face in messages and in the PDF. ParsePick takes a
// face out of a collection.
func Parse(name string, data []byte) (*Face, error) {
	if err := checkTrueType(data); err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	face := &Face{name: name, data: data, font: f, upem: float64(f.UnitsPerEm()), adv: map[rune]float64{}}
	face.emTop, face.emBottom = 0.88, 0.12
	if asc, desc, ok := typoMetrics(data); ok && asc > 0 && desc < 0 {
		face.emTop, face.emBottom = float64(asc)/face.upem, -float64(desc)/face.upem
	}
	return face, nil
}

// PostScriptName returns the font's own PostScript name, or its file name
// when it has none.
func (f *Face) PostScriptName() string {
	var buf sfnt.Buffer
	if n, err := f.font.Name(&buf, sfnt.NameIDPostScript); err == nil && n != "" {
		return n
	}
	return f.name
}

// Name returns the name the face was parsed under.
func (f *Face) Name() string { return f.name }

// Data returns the font file's bytes: a face taken out of a collection is
// a font file of its own. The PDF embeds a Subset of them.
func (f *Face) Data() []byte { return f.data }

// Table returns the bytes of the font's table tag ("hhea", "OS/2"), or nil
// when it has none. They are part of Data: read them, do not change them.
func (f *Face) Table(tag string) []byte { return tableDirectory(f.data)[tag] }

// EmTop returns the distance from the baseline up to the top of the em box,
// as a fraction of the font size.
func (f *Face) EmTop() float64 { return f.emTop }

// EmBottom returns the distance from the baseline down to the bottom of the
// em box, as a fraction of the font size.
func (f *Face) EmBottom() float64 { return f.emBottom }

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.advance(r) >= 0 }

// Advance returns the advance width of r at size 1 (in ems). A missing glyph
// measures as the notdef glyph does, one em.
func (f *Face) Advance(r rune) float64 {
	a := f.advance(r)
	if a < 0 {
		return 1
	}
	return a
}

// Width returns the advance width of s at the given size.
func (f *Face) Width(s string, size float64) float64 {
	var w float64
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size
}

// An entry of Face.bmp is 0 while the rune has not been asked about, else
// entryKnown with entryMissing when the face lacks the glyph, or with the
// glyph's advance as the font gives it at ppem = units per em (a
// fixed.Int26_6, below entryMissing).
const (
	entryKnown   = 1 << 31
	entryMissing = 1 << 30
)

// A bmpBlock holds the Face.bmp entries of 256 runes.
type bmpBlock [0x100]atomic.Uint32

// newBMPBlock returns a block of entries of 0, written to once. A block is
// read before it is written, and memory the process has never touched is
// mapped, when it is read first, to the system's page of zeros, which the
// first write then copies, telling every other core to forget the old
// mapping (a TLB shootdown, an interrupt on each): in a fresh process
// those interrupts were a third of the time layout spent in the kernel.
// Written first, the page is the process's own at once. A block (1 KB) is
// in one page.
func newBMPBlock() *bmpBlock {
	b := new(bmpBlock)
	b[0].Store(0)
	return b
}

// advance returns the advance of r in ems, or -1 when the face lacks it.
func (f *Face) advance(r rune) float64 {
	if r < 0 || r > 0xFFFF {
		return f.advanceSlow(r)
	}
	b := f.bmp[r>>8].Load()
	if b == nil {
		// Two goroutines that race make a block each; one is kept.
		f.bmp[r>>8].CompareAndSwap(nil, newBMPBlock())
		b = f.bmp[r>>8].Load()
	}
	e := b[r&0xFF].Load()
	if e == 0 {
		f.mu.Lock()
		adv, ok := f.glyphAdvance(r)
		f.mu.Unlock()
		switch {
		case !ok:
			e = entryKnown | entryMissing
		case adv >= 0 && adv < entryMissing:
			e = entryKnown | uint32(adv)
		default: // no font has such an advance; kept in the map
			return f.advanceSlow(r)
		}
		b[r&0xFF].Store(e) // two goroutines that race store the same value
	}
	if e&entryMissing != 0 {
		return -1
	}
	return em(fixed.Int26_6(e&^entryKnown), f.upem)
}

// advanceSlow is advance for a rune outside the BMP, kept in a map.
func (f *Face) advanceSlow(r rune) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := -1.0
	if adv, ok := f.glyphAdvance(r); ok {
		a = em(adv, f.upem)
	}
	f.adv[r] = a
	return a
}

// glyphAdvance reads the advance of r's glyph from the font at ppem =
// units per em, which is the advance in font units times 64, or reports
// false when the face has no glyph for r. f.mu must be held.
func (f *Face) glyphAdvance(r rune) (fixed.Int26_6, bool) {
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return 0, false
	}
	adv, err := f.font.GlyphAdvance(&f.buf, gi, fixed.Int26_6(f.upem*64), font.HintingNone)
	return adv, err == nil
}

// em converts an advance read at ppem = upem to ems.
func em(adv fixed.Int26_6, upem float64) float64 { return float64(adv) / 64 / upem }

// Memo returns the value that compute gives for the face f under key,
// calling compute once per face and key, however many goroutines ask at
// once. The value lives on the face and is freed with it: what other
// packages derive from a face (a hash of its bytes, a parse by another
// font library) is kept here, not in a package-level map that would keep
// every face ever parsed alive. The key should be of a type private to the
// package that asks, as context keys are, so that packages do not collide;
// one key must always be asked for with the same T.
func Memo[T any](f *Face, key any, compute func() T) T {
	return memo(&f.memo, key, compute)
}

// memo returns the value compute gives under key in m, calling compute
// once per key, however many goroutines ask at once.
func memo[T any](m *sync.Map, key any, compute func() T) T {
	once, ok := m.Load(key)
	if !ok {
		once, _ = m.LoadOrStore(key, sync.OnceValue(func() any { return compute() }))
	}
	return once.(func() any)().(T)
}

// checkTrueType refuses what the PDF libraries cannot embed: collections,
// CFF (PostScript) outlines, WOFF, and files missing the tables they read.
func checkTrueType(data []byte) error {
	if len(data) < 12 {
		return errors.New("not a font file (too short)")
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return errors.New(errCFF)
	case "ttcf":
		return errors.New("the file is a font collection (.ttc/.otc): say which face to take (ParsePick)")
	case "wOFF", "wOF2":
		return errors.New("the file is a WOFF web font; deck needs a plain TrueType .ttf")
	default:
		return errors.New("not a TrueType font file")
	}
	tables := tableDirectory(data)
	for _, t := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
		if b, ok := tables[t]; !ok {
			return fmt.Errorf("the font has no %q table; deck needs a TrueType-outline .ttf", t)
		} else if len(b) == 0 {
			return fmt.Errorf("the font's %q table is empty: the file is damaged", t)
		}
	}
	return nil
}

// tableDirectory maps table tags to their byte ranges.
func tableDirectory(data []byte) map[string][]byte {
	n := int(binary.BigEndian.Uint16(data[4:6]))
	out := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			break
		}
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		length := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || length < 0 || off+length > len(data) || off+length < off {
			continue
		}
		out[string(data[rec:rec+4])] = data[off : off+length]
	}
	return out
}

// typoMetrics reads sTypoAscender and sTypoDescender from the OS/2 table.
func typoMetrics(data []byte) (asc, desc int16, ok bool) {
	os2, found := tableDirectory(data)["OS/2"]
	if !found || len(os2) < 72 {
		return 0, 0, false
	}
	return int16(binary.BigEndian.Uint16(os2[68:])), int16(binary.BigEndian.Uint16(os2[70:])), true
}
