package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/deckpdf/deck/fonts"
	"golang.org/x/image/font/sfnt"
)

// fpdf cuts down every font it is given to the characters drawn, and
// compresses the result and a 128 KB map of character codes to glyphs: a
// third of its time on the default report, for a font deck has subset
// already (subsetFonts). So fpdf is given each subset hollow (fonts.Hollow:
// the same character map and advances, which its widths, /W and font
// descriptor are read from, and no outlines), and the file gets the
// subset itself as its font program, and a map to its glyphs, in place of
// what fpdf made of the hollow font (embedPrograms). The font program in
// the PDF is then the very subset the other outputs embed.

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

// An embedding is what the file needs of a program: the hollow font for
// fpdf, and the program and its map of codes to glyphs compressed, as
// stream data.
type embedding struct {
	key      programID // what the program was made for
	hollow   []byte
	font     []byte // the font file, compressed
	cidToGID []byte // the map of codes to glyphs, compressed
	source   []byte // the font file it was made of
}

// embed returns the embedding of the program p of face f, and keeps it
// as the face's last (see keepProgram).
func embed(f *fonts.Face, p program, dir string) (*embedding, error) {
	if p.made != nil {
		return p.made, nil
	}
	hollow, err := fonts.Hollow(p.data)
	if err != nil {
		return nil, err
	}
	font, err := sfnt.Parse(p.data)
	if err != nil {
		return nil, fmt.Errorf("pdf: the subset of %s: %w", f.Name(), err)
	}
	// Codes are UTF-16 code units of the runes drawn (fpdf writes text so,
	// with Identity-H): two bytes of glyph id for each code up to U+FFFF.
	cidToGID := make([]byte, 2*0x10000)
	var buf sfnt.Buffer
	for _, c := range p.codes {
		if c > 0xFFFF { // the layout reports these first
			return nil, fmt.Errorf("pdf: %U is outside the Basic Multilingual Plane, which fpdf cannot encode", c)
		}
		gi, err := font.GlyphIndex(&buf, c)
		if err != nil {
			return nil, fmt.Errorf("pdf: the subset of %s: %w", f.Name(), err)
		}
		cidToGID[2*c], cidToGID[2*c+1] = byte(gi>>8), byte(gi)
	}
	e := &embedding{key: p.key, hollow: hollow, font: deflate(p.data), cidToGID: deflate(cidToGID), source: p.data}
	keepProgram(f, e, dir)
	return e, nil
}

var (
	type0Re      = regexp.MustCompile(`/Subtype /Type0\n/BaseFont /(\S+)\n/Encoding /Identity-H\n/DescendantFonts \[(\d+) 0 R\]`)
	descriptorRe = regexp.MustCompile(`\n/FontDescriptor (\d+) 0 R\n`)
	cidToGIDRe   = regexp.MustCompile(`\n/CIDToGIDMap (\d+) 0 R>>$`)
	fontFileRe   = regexp.MustCompile(`/FontFile2 (\d+) 0 R>>$`)
)

// embedPrograms puts each font's program and map of codes to glyphs in
// place of the ones fpdf wrote of its hollow font. The fonts are known by
// the names tagSubsets gave them.
func (f *fpdfFile) embedPrograms(subsets []subset) error {
	byName := map[string]*embedding{}
	for _, s := range subsets {
		byName[s.baseFont] = s.embedding
	}
	found := 0
	for _, m := range type0Re.FindAllSubmatch(f.src, -1) {
		e := byName[string(m[1])]
		if e == nil {
			return fpdfUnexpected(fmt.Sprintf("a font %s it was not given", m[1]))
		}
		found++
		cid, err := f.body(atoi(m[2]))
		if err != nil {
			return err
		}
		d, g := descriptorRe.FindStringSubmatch(cid), cidToGIDRe.FindStringSubmatch(cid)
		if d == nil || g == nil {
			return fpdfUnexpected(fmt.Sprintf("the CID font of %s is not the one expected", m[1]))
		}
		desc, err := f.body(atoi([]byte(d[1])))
		if err != nil {
			return err
		}
		ff := fontFileRe.FindStringSubmatch(desc)
		if ff == nil {
			return fpdfUnexpected(fmt.Sprintf("the font descriptor of %s is not the one expected", m[1]))
		}
		fileNum, mapNum := atoi([]byte(ff[1])), atoi([]byte(g[1]))
		if !f.isStream(fileNum, "/Length1 ") || !f.isStream(mapNum, "/Filter /FlateDecode") {
			return fpdfUnexpected(fmt.Sprintf("the font program or map of %s is not the one expected", m[1]))
		}
		f.objs[fileNum] = fmt.Sprintf("<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n%s\nendstream", len(e.font), len(e.source), e.font)
		f.objs[mapNum] = fmt.Sprintf("<</Length %d/Filter /FlateDecode>>\nstream\n%s\nendstream", len(e.cidToGID), e.cidToGID)
	}
	if found != len(subsets) {
		return fpdfUnexpected(fmt.Sprintf("%d fonts for %d given", found, len(subsets)))
	}
	return nil
}

// isStream reports whether object n is a stream whose dictionary holds
// key.
func (f *fpdfFile) isStream(n int, key string) bool {
	off, ok := f.offsets[n]
	if !ok {
		return false
	}
	head := fmt.Sprintf("%d 0 obj\n<<", n)
	rest := f.src[off:min(off+256, len(f.src))]
	dict, _, found := bytes.Cut(rest, []byte("stream\n"))
	return bytes.HasPrefix(rest, []byte(head)) && found && bytes.Contains(dict, []byte(key))
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}
