package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/deckpdf/deck/fonts"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fpdf parses every TrueType font it is given, cuts it down to the
// characters drawn, and compresses the result and a 128 KB map of
// character codes to glyphs: on the default report, half the time of a
// render, for a font deck has subset already (subsetFonts). So fpdf is
// given no font: each face is registered as a core font of no metrics,
// fpdf draws its text as two-byte codes (see painter.Text), and the file
// gets deck's own composite font in place of what fpdf wrote of the core
// one (embedFonts): the subset itself as its font program, a map to its
// glyphs, its widths and its descriptor. The font program in the PDF is
// then the very subset the other outputs embed.

// A program is a subset of a face for a document: the font file, the
// character codes the document draws in it (its runes and the half-width
// forms' code points), the key of what it was made for (programKey), and
// its embedding when it was made before (lastProgram).
type program struct {
	data  []byte
	codes []rune
	key   programID
	made  *embedding
}

// An embedding is what the file needs of a program: its widths and
// descriptor, as the entries of the CID font and font descriptor
// dictionaries that say them, and the program and its map of codes to
// glyphs compressed, as stream data.
type embedding struct {
	key        programID // what the program was made for
	widths     []byte    // "/DW ... /W [...]"
	descriptor []byte    // "/Ascent ... /MissingWidth ..."
	font       []byte    // the font file, compressed
	cidToGID   []byte    // the map of codes to glyphs, compressed
	source     []byte    // the font file it was made of
}

// embed returns the embedding of the program p of face f, and keeps it
// as the face's last (see keepProgram).
func embed(f *fonts.Face, p program, dir string) (*embedding, error) {
	if p.made != nil {
		return p.made, nil
	}
	font, err := sfnt.Parse(p.data)
	if err != nil {
		return nil, fmt.Errorf("pdf: the subset of %s: %w", f.Name(), err)
	}
	d, err := fonts.Describe(p.data)
	if err != nil {
		return nil, fmt.Errorf("pdf: the subset of %s: %w", f.Name(), err)
	}
	// Codes are UTF-16 code units of the runes drawn (see painter.Text),
	// with Identity-H: two bytes of glyph id for each code up to U+FFFF.
	cidToGID := make([]byte, 2*0x10000)
	widths := make([]int, len(p.codes))
	var buf sfnt.Buffer
	units := float64(font.UnitsPerEm())
	ppem := fixed.I(int(font.UnitsPerEm())) // a pixel a unit
	for i, c := range p.codes {
		if c > 0xFFFF { // the layout reports these first
			return nil, fmt.Errorf("pdf: %U is outside the Basic Multilingual Plane, which fpdf cannot encode", c)
		}
		gi, err := font.GlyphIndex(&buf, c)
		if err == nil {
			var adv fixed.Int26_6
			adv, err = font.GlyphAdvance(&buf, gi, ppem, xfont.HintingNone)
			widths[i] = int(math.Round(float64(adv) / 64 * 1000 / units))
		}
		if err != nil {
			return nil, fmt.Errorf("pdf: the subset of %s: %w", f.Name(), err)
		}
		cidToGID[2*c], cidToGID[2*c+1] = byte(gi>>8), byte(gi)
	}
	e := &embedding{
		key:        p.key,
		widths:     widthsEntries(d.MissingWidth, p.codes, widths),
		descriptor: descriptorEntries(d),
		font:       deflate(p.data),
		cidToGID:   deflate(cidToGID),
		source:     p.data,
	}
	keepProgram(f, e, dir)
	return e, nil
}

// widthsEntries returns a CID font's /DW and /W entries (ISO 32000-1,
// 9.7.4.3): the default width, and the width of each code that has
// another, codes in a row written as one run. codes are sorted.
func widthsEntries(dw int, codes []rune, widths []int) []byte {
	b := fmt.Appendf(nil, "/DW %d\n/W [", dw)
	next := rune(-1)
	for i, c := range codes {
		if widths[i] == dw {
			continue
		}
		switch {
		case c == next:
			b = append(b, ' ')
		case next >= 0:
			b = fmt.Appendf(b, "] %d [", c)
		default:
			b = fmt.Appendf(b, "%d [", c)
		}
		b = strconv.AppendInt(b, int64(widths[i]), 10)
		next = c + 1
	}
	if next >= 0 {
		b = append(b, ']')
	}
	return append(b, ']')
}

// descriptorEntries returns the entries of a font descriptor that
// describe the font (ISO 32000-1, 9.8.1), as fpdf writes them: symbolic,
// since the codes are no standard encoding; italic, bold or fixed pitch
// as the font says; its stem width guessed from its weight.
func descriptorEntries(d fonts.Description) []byte {
	flags := 4
	if d.FixedPitch {
		flags |= 1
	}
	if d.ItalicAngle != 0 {
		flags |= 64
	}
	if d.Weight >= 600 {
		flags |= 1 << 18
	}
	stemV := 50 + int(math.Pow(float64(d.Weight)/65, 2))
	return fmt.Appendf(nil, "/Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d",
		d.Ascent, d.Descent, d.CapHeight, flags, d.BBox[0], d.BBox[1], d.BBox[2], d.BBox[3], d.ItalicAngle, stemV, d.MissingWidth)
}

// embedFonts puts each of deck's fonts in place of the core font fpdf
// wrote for it: a composite font (ISO 32000-1, 9.7) of Identity-H codes,
// with its CID font, descriptor, program, map of codes to glyphs, and a
// ToUnicode CMap that gives each code its character (halfCMap). The
// fonts are known by fpdf's names, and get the names nameSubsets gave
// them.
func (f *fpdfFile) embedFonts(subsets []subset) error {
	fonts, err := f.coreFonts()
	if err != nil {
		return err
	}
	if len(fonts) != len(subsets) {
		return fpdfUnexpected(fmt.Sprintf("%d fonts for %d given", len(fonts), len(subsets)))
	}
	cmap := halfCMap()
	for i := range subsets {
		s := &subsets[i]
		n, ok := fonts[s.fpdfName]
		if !ok {
			return fpdfUnexpected("no font " + s.fpdfName)
		}
		cid, toUnicode, desc, gids, program := f.add(), f.add(), f.add(), f.add(), f.add()
		f.objs[n] = fmt.Sprintf("<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding /Identity-H\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>", s.baseFont, cid, toUnicode)
		f.objs[cid] = fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>>\n/FontDescriptor %d 0 R\n%s\n/CIDToGIDMap %d 0 R>>", s.baseFont, desc, s.widths, gids)
		f.objs[toUnicode] = fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(cmap), cmap)
		f.objs[desc] = fmt.Sprintf("<</Type /FontDescriptor /FontName /%s %s /FontFile2 %d 0 R>>", s.baseFont, s.descriptor, program)
		f.streams[gids] = object{fmt.Appendf(nil, "<</Length %d /Filter /FlateDecode>>", len(s.cidToGID)), s.cidToGID}
		f.streams[program] = object{fmt.Appendf(nil, "<</Length %d /Filter /FlateDecode /Length1 %d>>", len(s.font), len(s.source)), s.font}
	}
	return nil
}

// coreFonts returns the number of each font object fpdf wrote, by name:
// all are core fonts. They are found by their text (a regular expression
// over the file took a fifth of a render's time).
func (f *fpdfFile) coreFonts() (map[string]int, error) {
	const head = " 0 obj\n<</Type /Font\n/BaseFont /"
	const tail = "\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>\nendobj\n"
	out := map[string]int{}
	for at := 0; ; {
		i := bytes.Index(f.src[at:], []byte(head))
		if i < 0 {
			return out, nil
		}
		at += i
		line := bytes.LastIndexByte(f.src[:at], '\n') + 1
		n := atoi(f.src[line:at])
		rest := f.src[at+len(head):]
		name, _, _ := bytes.Cut(rest[:min(len(rest), 256)], []byte("\n"))
		if off, ok := f.offsets[n]; !ok || off != line || !bytes.HasPrefix(rest[len(name):], []byte(tail)) {
			return nil, fpdfUnexpected(fmt.Sprintf("object %d is not a font of the kind expected", n))
		}
		out[string(name)] = n
		at += len(head)
	}
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}
