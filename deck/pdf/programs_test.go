package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"golang.org/x/image/font/sfnt"
)

// The font programs in an fpdf file are deck's subsets, byte for byte
// (fpdf was given none), as qpdf reads them; and each map of codes
// to glyphs sends a drawn code to the glyph the subset's cmap gives it.
func TestFPDFEmbedsDecksOwnSubsets(t *testing.T) {
	tooltest.Need(t, "qpdf")
	pages := goPages(t)
	half := pages[0].Items[0].(layout.TextRun)
	half.Text, half.Half, half.At.Y = "（云）", true, 150 // a half-width form
	pages[0].Items = append(pages[0].Items, half)
	var b bytes.Buffer
	if err := Write(&b, pages, Options{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fonts.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	type object struct {
		Value  map[string]any
		Stream *struct {
			Dict map[string]any
			Data []byte
		}
	}
	objs := tooltest.QPDFObjects[object](t, file, "--json-stream-data=inline", "--decode-level=generalized")
	faces, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	set, err := subsetFonts(pages, faces)
	if err != nil {
		t.Fatal(err)
	}
	programs := 0
	for _, o := range objs {
		if o.Value["/Subtype"] != "/CIDFontType2" {
			continue
		}
		desc := objs["obj:"+o.Value["/FontDescriptor"].(string)].Value
		font := objs["obj:"+desc["/FontFile2"].(string)].Stream
		cidToGID := objs["obj:"+o.Value["/CIDToGIDMap"].(string)].Stream
		if font == nil || cidToGID == nil {
			t.Fatalf("no font program or map in %v", o.Value)
		}
		var p *program
		for _, s := range set {
			if bytes.Equal(s.data, font.Data) {
				p = &s
			}
		}
		if p == nil {
			t.Errorf("the font program of %v (%d bytes) is none of deck's subsets", o.Value["/BaseFont"], len(font.Data))
			continue
		}
		programs++
		f, err := sfnt.Parse(font.Data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, c := range p.codes {
			gid := sfnt.GlyphIndex(int(cidToGID.Data[2*c])<<8 | int(cidToGID.Data[2*c+1]))
			if want, err := f.GlyphIndex(&buf, c); err != nil || gid != want || gid == 0 {
				t.Errorf("%q maps to glyph %d, its glyph is %d", c, gid, want)
			}
		}
	}
	if programs != 2 {
		t.Errorf("%d of deck's subsets embedded, want 2", programs)
	}
}
