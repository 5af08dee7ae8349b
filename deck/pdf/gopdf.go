package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/signintech/gopdf"
)

// writeGoPDF writes the PDF with gopdf, then gives it the outline, the
// document information and the catalog (finishGoPDF). The package
// documentation says what gopdf draws differently from fpdf.
func writeGoPDF(w io.Writer, pages []layout.Page, opt Options, subsets map[*fonts.Face]program) (err error) {
	defer func() {
		// Like fpdf, gopdf may panic on input the layout should have
		// refused: turn a library bug into an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: gopdf failed: %v", r)
		}
	}()
	size := pages[0].Size
	doc := &gopdf.GoPdf{}
	doc.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: size.W, H: size.H}})
	doc.SetCompressLevel(zlib.BestSpeed)
	p := &goPainter{doc: doc, docHeight: size.H, family: map[*fonts.Face]string{}, subsets: subsets}
	if err := layout.Paint(pages, p); err != nil {
		return err
	}
	var raw bytes.Buffer
	if _, err := doc.WriteTo(&raw); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := finishGoPDF(raw.Bytes(), p.outline, opt)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// goPainter draws items with gopdf. Every call sets the state it needs.
type goPainter struct {
	doc       *gopdf.GoPdf
	docHeight float64                 // the height gopdf places links by: the first page's
	height    float64                 // the current page's height
	family    map[*fonts.Face]string  // the gopdf family each face is registered as
	subsets   map[*fonts.Face]program // the font embedded for each face
	hidden    *gopdf.Transparency     // fully transparent, for hidden text
	outline   []outlineEntry          // every page's entry in the outline
	err       error                   // the first error of a call that has no error result
}

func (p *goPainter) fail(err error) {
	if p.err == nil && err != nil {
		p.err = err
	}
}

func (p *goPainter) BeginPage(pg *layout.Page) error {
	p.doc.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: pg.Size.W, H: pg.Size.H}})
	p.height = pg.Size.H
	p.outline = append(p.outline, outlineEntry{pg.Title, pg.Size.H})
	// gopdf makes a page's content stream on the first drawing call; a page
	// without one would be written with an empty /Contents. Setting the
	// line width to its default makes the stream.
	p.doc.SetLineWidth(1)
	p.doc.SetAnchor(pageAnchor(len(p.outline))) // where links to the page go
	return p.err
}

func (p *goPainter) EndPage() error { return p.err }

// font returns the gopdf family of the face f, registering the face's
// subset on first use, so that a face the deck never uses is not embedded.
func (p *goPainter) font(f *fonts.Face) (string, error) {
	if fam, ok := p.family[f]; ok {
		return fam, nil
	}
	// The family becomes the font's PDF name, BaseFont: a subset tag (six
	// capitals, different for each face) and the PostScript name kept to
	// letters, digits and hyphens, whatever the file was called. gopdf
	// embeds only the glyphs used, as the tag says.
	fam := subsetTag(f, len(p.family)) + "+" + pdfName(f.PostScriptName())
	opt := gopdf.TtfOption{
		Style: gopdf.Regular,
		OnGlyphNotFound: func(r rune) {
			p.fail(fmt.Errorf("pdf: font %s has no glyph for %q (U+%04X)", f.Name(), r, r))
		},
	}
	if err := p.doc.AddTTFFontDataWithOption(fam, p.subsets[f].data, opt); err != nil {
		return "", fmt.Errorf("pdf: font %s: %v", f.Name(), err)
	}
	p.family[f] = fam
	return fam, nil
}

// subsetTag returns six capital letters from the face's names and its
// place among the registered faces.
func subsetTag(f *fonts.Face, n int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%s", n, f.Name(), f.PostScriptName())
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

func (p *goPainter) Text(t layout.TextRun) {
	if t.Text == "" {
		return
	}
	fam, err := p.font(t.Face)
	if err != nil {
		p.fail(err)
		return
	}
	if err := p.doc.SetFont(fam, "", t.Size); err != nil {
		p.fail(fmt.Errorf("pdf: font %s: %v", t.Face.Name(), err))
		return
	}
	p.doc.SetTextColor(t.Fill.R, t.Fill.G, t.Fill.B)
	p.fail(p.doc.SetCharSpacing(t.Spacing)) // gopdf writes "Tc" with every run
	if t.Hidden {
		if err := p.beginHidden(); err != nil {
			p.fail(err)
			return
		}
		defer p.doc.RotateReset() // Q
	}
	// gopdf's Text starts at the current point on the baseline, as
	// TextRun.At is.
	p.doc.SetXY(t.At.X, t.At.Y)
	text, _ := drawnText(t)
	if err := p.doc.Text(text); err != nil {
		p.fail(fmt.Errorf("pdf: text %q: %v", t.Text, err))
	}
}

// beginHidden saves the graphics state and makes what follows fully
// transparent, until RotateReset restores the state. gopdf has neither a
// text render mode nor a way to save the state, so a rotation by zero
// degrees saves it ("q" and an identity matrix), and an empty cell carries
// the transparency: of gopdf's text calls only a cell writes its
// transparency, and it writes it without a q … Q of its own.
func (p *goPainter) beginHidden() error {
	if p.hidden == nil {
		t, err := gopdf.NewTransparency(0, "")
		if err != nil {
			return fmt.Errorf("pdf: %v", err)
		}
		p.hidden = &t
	}
	p.doc.Rotate(0, 0, 0)
	if err := p.doc.CellWithOption(&gopdf.Rect{}, "", gopdf.CellOption{Align: gopdf.Left | gopdf.Top, Transparency: p.hidden}); err != nil {
		p.doc.RotateReset()
		return fmt.Errorf("pdf: %v", err)
	}
	return nil
}

func (p *goPainter) Box(b layout.Box) {
	style := ""
	if b.Fill.A != 0 {
		p.doc.SetFillColor(b.Fill.R, b.Fill.G, b.Fill.B)
		style += "F"
	}
	if b.Stroke.A != 0 && b.StrokeWidth > 0 {
		p.doc.SetStrokeColor(b.Stroke.R, b.Stroke.G, b.Stroke.B)
		p.doc.SetLineWidth(b.StrokeWidth)
		style += "D"
	}
	if style == "" {
		return
	}
	r := b.Rect
	if radius := min(b.Radius, r.W/2, r.H/2); radius > 0 {
		p.fail(p.doc.Rectangle(r.X, r.Y, r.X+r.W, r.Y+r.H, style, radius, arcPoints(radius)))
		return
	}
	// fpdf writes a rectangle by its top edge and its height, each rounded
	// to 0.01 pt; gopdf by its bottom edge and its height. Handing gopdf the
	// rounded top and height makes it write fpdf's corners, which matters
	// where edges fall on pixel boundaries: the modules of a QR code.
	top, h := round2(p.height-r.Y), round2(r.H)
	p.doc.RectFromUpperLeftWithStyle(r.X, p.height-top, r.W, h, style)
}

// round2 rounds v to 0.01, as the PDF libraries write numbers.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// arcTolerance is how far, in points, a polygon may stray from the arc it
// stands for: half the 0.01 pt to which gopdf rounds coordinates.
const arcTolerance = 0.005

// arcPoints returns how many points gopdf's Rectangle needs between the
// ends of a quarter circle of radius r for its chords to stay within
// arcTolerance of the arc.
func arcPoints(r float64) int {
	if r <= arcTolerance {
		return 1
	}
	// A chord over the angle a strays r(1 - cos(a/2)) from its arc.
	a := 2 * math.Acos(1-arcTolerance/r)
	return max(1, int(math.Ceil(math.Pi/2/a))-1)
}

// disc returns a polygon within arcTolerance of the circle of radius r
// around c.
func disc(c layout.Point, r float64) []gopdf.Point {
	n := 4 * (arcPoints(r) + 1)
	pts := make([]gopdf.Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = gopdf.Point{X: c.X + r*math.Cos(a), Y: c.Y + r*math.Sin(a)}
	}
	return pts
}

func (p *goPainter) Path(pa layout.Path) {
	if filled(pa) {
		// gopdf's polygon fills by the nonzero rule, as fpdf's path does.
		pts := make([]gopdf.Point, len(pa.Points))
		for i, q := range pa.Points {
			pts[i] = gopdf.Point{X: q.X, Y: q.Y}
		}
		p.doc.SetFillColor(pa.Fill.R, pa.Fill.G, pa.Fill.B)
		p.doc.Polygon(pts, "F")
	}
	if !stroked(pa) {
		return
	}
	c := pa.Stroke
	p.doc.SetStrokeColor(c.R, c.G, c.B)
	p.doc.SetLineWidth(pa.Width)
	line := pa.Points
	if pa.Closed {
		line = append(slices.Clip(line), line[0])
	}
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		p.doc.Line(a.X, a.Y, b.X, b.Y)
	}
	// Round caps and joins: a disc as wide as the line on every point.
	p.doc.SetFillColor(c.R, c.G, c.B)
	for _, q := range pa.Points {
		p.doc.Polygon(disc(q, pa.Width/2), "F")
	}
}

// namedImage hands gopdf an image under its layout name, by which gopdf
// embeds it once however often it is drawn.
type namedImage struct {
	name string
	*bytes.Reader
}

func (n namedImage) ID() string { return n.name }

func (p *goPainter) Image(im layout.Image) {
	if len(im.Data) == 0 {
		p.fail(fmt.Errorf("pdf: image %q has no picture", im.Name))
		return
	}
	r := im.Rect
	err := p.doc.ImageByHolder(namedImage{im.Name, bytes.NewReader(im.Data)}, r.X, r.Y, &gopdf.Rect{W: r.W, H: r.H})
	if err != nil {
		p.fail(fmt.Errorf("pdf: image %q: %v", im.Name, err))
	}
}

func (p *goPainter) Link(l layout.Link) {
	r := l.Rect
	// gopdf turns y upside down with the first page's height, whatever
	// the page's own.
	if l.Page > 0 {
		p.doc.AddInternalLink(pageAnchor(l.Page), r.X, r.Y+p.docHeight-p.height, r.W, r.H)
		return
	}
	p.doc.AddExternalLink(l.URL, r.X, r.Y+p.docHeight-p.height, r.W, r.H)
}

// pageAnchor names page n (from 1) for links to it.
func pageAnchor(n int) string { return "page" + strconv.Itoa(n) }
