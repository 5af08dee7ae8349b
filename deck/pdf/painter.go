package pdf

import (
	"bytes"
	"fmt"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/go-pdf/fpdf"
)

// painter draws items with fpdf. Every call sets the state it needs.
type painter struct {
	doc    *fpdf.Fpdf
	fonts  *fonts.Set
	images map[string]bool
	family map[*fonts.Face]string // the fpdf family each face is registered as
}

func (p *painter) BeginPage(pg *layout.Page) error {
	p.doc.AddPageFormat("P", fpdf.SizeType{Wd: pg.Size.W, Ht: pg.Size.H})
	// fpdf garbles bookmark titles unless a UTF-8 font is current.
	p.doc.SetFont(p.family[p.fonts.Regular], "", 10)
	p.doc.Bookmark(pg.Title, 0, 0)
	return p.doc.Error()
}

func (p *painter) EndPage() error { return p.doc.Error() }

func (p *painter) Text(t layout.TextRun) {
	p.doc.SetFont(p.family[t.Face], "", t.Size)
	p.doc.SetTextColor(int(t.Fill.R), int(t.Fill.G), int(t.Fill.B))
	if t.Spacing != 0 {
		p.doc.RawWriteStr(fmt.Sprintf("%.4f Tc", t.Spacing))
	}
	p.doc.Text(t.At.X, t.At.Y, t.Text)
	if t.Spacing != 0 {
		p.doc.RawWriteStr("0 Tc")
	}
}

func (p *painter) Box(b layout.Box) {
	style := ""
	if b.Fill.A != 0 {
		p.doc.SetFillColor(rgb(b.Fill))
		style += "F"
	}
	if b.Stroke.A != 0 && b.StrokeWidth > 0 {
		p.doc.SetDrawColor(rgb(b.Stroke))
		p.doc.SetLineWidth(b.StrokeWidth)
		style += "D"
	}
	if style == "" {
		return
	}
	r := b.Rect
	if b.Radius > 0 {
		p.doc.RoundedRect(r.X, r.Y, r.W, r.H, min(b.Radius, r.W/2, r.H/2), "1234", style)
		return
	}
	p.doc.Rect(r.X, r.Y, r.W, r.H, style)
}

func (p *painter) Path(pa layout.Path) {
	if len(pa.Points) < 2 || pa.Stroke.A == 0 {
		return
	}
	p.doc.SetDrawColor(rgb(pa.Stroke))
	p.doc.SetLineWidth(pa.Width)
	p.doc.SetLineCapStyle("round")
	p.doc.SetLineJoinStyle("round")
	p.doc.MoveTo(pa.Points[0].X, pa.Points[0].Y)
	for _, q := range pa.Points[1:] {
		p.doc.LineTo(q.X, q.Y)
	}
	p.doc.DrawPath("D")
}

func (p *painter) Image(im layout.Image) {
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	if !p.images[im.Name] {
		p.doc.RegisterImageOptionsReader(im.Name, opt, bytes.NewReader(im.PNG))
		p.images[im.Name] = true
	}
	r := im.Rect
	p.doc.ImageOptions(im.Name, r.X, r.Y, r.W, r.H, false, opt, 0, "")
}

func (p *painter) Link(l layout.Link) {
	r := l.Rect
	p.doc.LinkString(r.X, r.Y, r.W, r.H, l.URL)
}

func rgb(c deck.Color) (int, int, int) { return int(c.R), int(c.G), int(c.B) }
