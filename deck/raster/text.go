package raster

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// parsedKey is the key under which a face keeps its outlines' parse.
type parsedKey struct{}

// A parsed face is the sfnt parse of a face's bytes, made once per face.
type parsed struct {
	font *sfnt.Font
	err  error
}

// outlines returns the parse of the face's font file, the very bytes
// that the layout measured and the PDF embeds.
func outlines(f *fonts.Face) parsed {
	return fonts.Memo(f, parsedKey{}, func() parsed {
		font, err := sfnt.Parse(f.Data())
		return parsed{font, err}
	})
}

// glyphs is the painter's scratch space for loading outlines.
type glyphs struct {
	buf  sfnt.Buffer
	poly [][]pt
}

// Text draws a run glyph by glyph: each stands where the one before it
// ends, by the font's advance, plus the run's spacing, as the PDF's
// character spacing puts it. Hidden text is not drawn; other text is
// opaque in its colour's red, green and blue, as in the PDF, whatever its
// alpha.
func (p *painter) Text(t layout.TextRun) {
	if t.Hidden {
		return
	}
	pf := outlines(t.Face)
	if pf.err != nil {
		p.fail(fmt.Errorf("raster: font %s: %v", t.Face.Name(), pf.err))
		return
	}
	ppem := t.Size * p.scale
	x := t.At.X
	for _, r := range t.Text {
		gi, err := pf.font.GlyphIndex(&p.glyphs.buf, r)
		if err != nil {
			p.fail(fmt.Errorf("raster: font %s: %q: %v", t.Face.Name(), r, err))
			return
		}
		// A missing glyph is index 0, the font's notdef box, as in the PDF.
		p.glyph(pf.font, gi, pt{x * p.scale, t.At.Y * p.scale}, ppem, t.Fill)
		x += t.Face.Advance(r)*t.Size + t.Spacing
	}
}

// glyph fills the outline of glyph gi, ppem pixels to the em, with its
// origin at o.
func (p *painter) glyph(f *sfnt.Font, gi sfnt.GlyphIndex, o pt, ppem float64, fill deck.Color) {
	segs, err := f.LoadGlyph(&p.glyphs.buf, gi, fixed.Int26_6(math.Round(ppem*64)), nil)
	if err != nil || len(segs) == 0 {
		return // a space has no outline
	}
	b := segs.Bounds()
	box := image.Rect(
		int(math.Floor(o.x+fx(b.Min.X))), int(math.Floor(o.y+fx(b.Min.Y))),
		int(math.Ceil(o.x+fx(b.Max.X))), int(math.Ceil(o.y+fx(b.Max.Y)))).Intersect(p.img.Bounds())
	if box.Empty() {
		return
	}
	z := &p.raster
	z.Reset(box.Dx(), box.Dy())
	dx, dy := o.x-float64(box.Min.X), o.y-float64(box.Min.Y)
	at := func(q fixed.Point26_6) (float32, float32) { return float32(fx(q.X) + dx), float32(fx(q.Y) + dy) }
	for _, s := range segs {
		x0, y0 := at(s.Args[0])
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.ClosePath()
			z.MoveTo(x0, y0)
		case sfnt.SegmentOpLineTo:
			z.LineTo(x0, y0)
		case sfnt.SegmentOpQuadTo:
			x1, y1 := at(s.Args[1])
			z.QuadTo(x0, y0, x1, y1)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := at(s.Args[1])
			x2, y2 := at(s.Args[2])
			z.CubeTo(x0, y0, x1, y1, x2, y2)
		}
	}
	z.ClosePath()
	z.Draw(p.img, box, image.NewUniform(color.RGBA{fill.R, fill.G, fill.B, 255}), image.Point{})
}

// fx returns a 26.6 fixed-point number as a float.
func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

// fail keeps the first error of a drawing call.
func (p *painter) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}
