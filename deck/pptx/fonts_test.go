package pptx_test

import (
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// An eotFile is what a reader of the W3C submission's header finds: its
// fields at their offsets, the four names and the font after them.
type eotFile struct {
	size, dataSize, version, flags uint32
	weight                         uint32
	magic                          uint16
	names                          []string
	font                           []byte
}

// readEOT reads an Embedded OpenType file of version 2.1 by the
// submission's offsets (little-endian), independently of the writer.
func readEOT(b []byte) (eotFile, error) {
	le := binary.LittleEndian
	if len(b) < 82 {
		return eotFile{}, fmt.Errorf("%d bytes, shorter than a header", len(b))
	}
	e := eotFile{size: le.Uint32(b), dataSize: le.Uint32(b[4:]), version: le.Uint32(b[8:]),
		flags: le.Uint32(b[12:]), weight: le.Uint32(b[28:]), magic: le.Uint16(b[34:])}
	at := 80 // Padding1, then padding and a name four times
	for range 4 {
		if at+4 > len(b) || le.Uint16(b[at:]) != 0 {
			return e, fmt.Errorf("no zero padding at %d", at)
		}
		n := int(le.Uint16(b[at+2:]))
		at += 4
		if at+n > len(b) || n%2 != 0 {
			return e, fmt.Errorf("a name of %d bytes at %d", n, at)
		}
		u := make([]uint16, n/2)
		for i := range u {
			u[i] = le.Uint16(b[at+2*i:])
		}
		e.names = append(e.names, string(utf16.Decode(u)))
		at += n
	}
	if at+4 > len(b) || le.Uint32(b[at:]) != 0 { // Padding5, RootStringSize
		return e, fmt.Errorf("no empty root string at %d", at)
	}
	e.font = b[at+4:]
	return e, nil
}

func TestEmbeddedFontsAreEOTSubsetsOfTheDecksGlyphs(t *testing.T) {
	d := defaultDoc(t)
	opt := withEverything()
	parts, _ := unzip(t, write(t, d.Pages, opt))
	var pres struct {
		Embed string `xml:"embedTrueTypeFonts,attr"`
		Fonts []struct {
			Font struct {
				Typeface string `xml:"typeface,attr"`
			} `xml:"font"`
			Regular struct {
				ID string `xml:"id,attr"`
			} `xml:"regular"`
			Bold struct {
				ID string `xml:"id,attr"`
			} `xml:"bold"`
		} `xml:"embeddedFontLst>embeddedFont"`
	}
	if err := xml.Unmarshal(parts["ppt/presentation.xml"], &pres); err != nil {
		t.Fatal(err)
	}
	t.Run("the presentation lists one font, Noto Sans SC, regular and bold", func(t *testing.T) {
		if pres.Embed != "1" || len(pres.Fonts) != 1 || pres.Fonts[0].Font.Typeface != "Noto Sans SC" ||
			pres.Fonts[0].Regular.ID == "" || pres.Fonts[0].Bold.ID == "" {
			t.Fatalf("the embedded font list is %+v", pres)
		}
	})
	targets := relTargets(t, parts["ppt/_rels/presentation.xml.rels"])
	runes := layout.Runes(d.Pages)
	notes := []rune(strings.Join(opt.Notes, ""))
	for _, c := range []struct {
		name, rid, style string
		weight           uint32
		face             *fonts.Face
		extra            []rune
	}{
		{"the regular face", pres.Fonts[0].Regular.ID, "Regular", 400, d.Fonts.Regular, notes},
		{"the bold face", pres.Fonts[0].Bold.ID, "Bold", 700, d.Fonts.Bold, nil},
	} {
		name := "ppt/" + targets[c.rid]
		t.Run(c.name+" is an uncompressed EOT file around a TrueType font", func(t *testing.T) {
			if !strings.HasSuffix(name, ".fntdata") || parts[name] == nil {
				t.Fatalf("its relationship %s is %q", c.rid, name)
			}
			e, err := readEOT(parts[name])
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if e.size != uint32(len(parts[name])) || e.dataSize != uint32(len(e.font)) {
				t.Errorf("EOTSize %d of a file of %d; FontDataSize %d of a font of %d", e.size, len(parts[name]), e.dataSize, len(e.font))
			}
			if e.version != 0x00020001 || e.magic != 0x504C || e.flags&(0x4|0x10000000) != 0 || e.weight != c.weight {
				t.Errorf("version %#x, magic %#x, flags %#x, weight %d", e.version, e.magic, e.flags, e.weight)
			}
			if e.names[0] != "Noto Sans SC" || e.names[1] != c.style {
				t.Errorf("the names are %q", e.names)
			}
			sub, err := fonts.Parse(name, e.font)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range append(runes[c.face], c.extra...) {
				if c.face.Has(r) && !sub.Has(r) {
					t.Errorf("the font has no glyph for %q, which the deck draws in it", r)
				}
			}
			if sub.Has('龘') || len(e.font) > len(c.face.Data())/10 {
				t.Errorf("the font of %d bytes is not a subset of the face of %d", len(e.font), len(c.face.Data()))
			}
		})
	}
}

// relTargets returns a relationships part's targets by id.
func relTargets(t *testing.T, b []byte) map[string]string {
	t.Helper()
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rels); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rels.Rels {
		out[r.ID] = r.Target
	}
	return out
}
