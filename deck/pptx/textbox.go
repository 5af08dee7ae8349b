package pptx

import (
	"fmt"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// textBox returns the shape of a text block: a box without insets,
// wrapping or autofit whose lines keep the layout's breaks and baselines.
//
// With exact line spacing, a line is as tall as its spacing and its
// baseline is its font's descent above the line's bottom (as LibreOffice
// sets it), so the box's top is the first baseline less the first line's
// spacing plus its descent.
func (b *slideBuilder) textBox(blk *textBlock) sp {
	paras := paragraphs(blk.lines)
	first, last := blk.lines[0], blk.lines[len(blk.lines)-1]
	left, right := first.x, first.end()
	for _, l := range blk.lines {
		left, right = min(left, l.x), max(right, l.end())
	}
	if blk.bullet != nil {
		left = min(left, blk.bullet.At.X)
	}
	top := first.y - paras[0].pitch + b.w.descent(first.runs[0].Face)*first.size
	bottom := last.y + b.w.descent(last.runs[0].Face)*last.size
	body := &txBody{BodyPr: bodyPr{Wrap: "none", Anchor: "t", NoAuto: &emptyElem{}}}
	for k, p := range paras {
		body.Paras = append(body.Paras, b.paragraph(blk, p, left, k == 0))
	}
	s := sp{TxBody: body}
	s.NvSpPr.CNvPr = cNvPr{ID: b.id(), Name: fmt.Sprintf("%s %d", blk.role, b.id()-1)}
	if blk.role == layout.RoleTitle && !b.title {
		b.title = true
		s.NvSpPr.NvPr.Ph = &placeholder{Type: "title"}
	} else {
		s.NvSpPr.CNvSpPr.TxBox = "1"
	}
	// The box is a point wider than its longest line, so that an
	// application's rounding never pushes a line's end out of it.
	s.SpPr = spPr{Xfrm: rectXfrm(layout.Rect{X: left, Y: top, W: right - left + 1, H: bottom - top}),
		Prst: &prstGeom{Prst: "rect"}, NoFill: &emptyElem{}}
	return s
}

// paragraph returns one paragraph of a block: its lines, with explicit
// breaks between them, set from left.
func (b *slideBuilder) paragraph(blk *textBlock, p paragraph, left float64, first bool) para {
	pp := &pPr{MarL: emu(p.lines[0].x - left), Algn: "l",
		LnSpc: &spacing{Pts: valAttr{hundredths(p.pitch)}}, SpcBef: &spacing{Pts: valAttr{hundredths(p.before)}}, SpcAft: &spacing{}}
	if lbl := blk.bullet; first && lbl != nil {
		pp.Indent = -emu(p.lines[0].x - lbl.At.X)
		pp.BuClr = &solidFillC{Clr: colorFill(lbl.Fill).Clr}
		pp.BuSz = &valAttr{Val: int(lbl.Size / p.lines[0].runs[0].Size * 100000)}
		pp.BuFont = &font{Typeface: b.w.typeface}
		pp.BuChar = &buChar{Char: lbl.Text}
	} else {
		pp.BuNone = &emptyElem{}
	}
	out := para{PPr: pp}
	var lastRun layout.TextRun
	for k, l := range p.lines {
		if k > 0 {
			out.Content = append(out.Content, lineBreak{RPr: b.runProps(blk, lastRun)})
		}
		for _, r := range pieces(l) {
			out.Content = append(out.Content, run{RPr: b.runProps(blk, r), T: r.Text})
			lastRun = r
		}
	}
	end := b.runProps(blk, lastRun)
	end.Click = nil
	out.End = &end
	return out
}

// runProps returns the properties of a run: its size, weight, spacing,
// colour, the typeface for Latin and East Asian text, and its link.
func (b *slideBuilder) runProps(blk *textBlock, r layout.TextRun) rPr {
	lang := blk.lang
	if lang == "" {
		lang = b.w.lang
	}
	p := rPr{Lang: lang, Sz: hundredths(r.Size), B: "0", Spc: hundredths(r.Spacing), Fill: colorFill(r.Fill),
		Latin: &font{b.w.typeface}, Ea: &font{b.w.typeface}, Cs: &font{b.w.typeface}}
	if r.Face != nil && r.Face == b.w.fonts.Bold && b.w.fonts.Bold != b.w.fonts.Regular {
		p.B = "1"
	}
	if blk.url != "" {
		p.Click = &hlinkClick{RID: b.rels.add(relHyperlink, blk.url, "External")}
	}
	return p
}

// descentOf returns how far above the bottom of a line of exact spacing
// an application sets the baseline, as a fraction of the font's size: the
// hhea descender less a twelfth of an em. The twelfth is measured, not
// derived: LibreOffice 7.4 sets Noto Sans SC that much lower than the
// descender alone says, at 8.5, 12, 14.4 and 24 pt alike (at 576 dpi).
func descentOf(f *fonts.Face) float64 {
	return hheaDescent(f) - 1.0/12
}

// hheaDescent returns a face's hhea descender as a fraction of its size.
func hheaDescent(f *fonts.Face) float64 {
	hhea := f.Table("hhea")
	head := f.Table("head")
	if len(hhea) < 8 || len(head) < 20 {
		return f.EmBottom()
	}
	upem := float64(uint16(head[18])<<8 | uint16(head[19]))
	desc := float64(int16(uint16(hhea[6])<<8 | uint16(hhea[7])))
	if upem == 0 || desc >= 0 {
		return f.EmBottom()
	}
	return -desc / upem
}
