package pptx

import (
	"encoding/xml"
	"fmt"
	"math"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// emu converts points to English Metric Units (12,700 a point).
func emu(pt float64) int64 { return int64(math.Round(pt * 12700)) }

// hundredths converts points to the hundredths of a point of sizes and
// spacing.
func hundredths(pt float64) int { return int(math.Round(pt * 100)) }

// A slideBuilder paints one page into a shape tree. It learns at the
// start of the page what each item is from the structure tree.
type slideBuilder struct {
	w      *writer
	page   *layout.Page
	rels   *partRels
	shapes []any
	next   int                 // the index of the next item painted
	leaf   []*layout.Node      // the leaf holding each item
	alt    []string            // the alternative text of each item's Figure
	blocks map[int]*textBlock  // the text blocks, by the item of their first run
	tables map[int]*tableShape // the tables, by the first item they hold
	skip   []bool              // items drawn as part of something else (a bullet, a block, a table)
	title  bool                // the title placeholder is taken
}

// newSlideBuilder reads the page's tree: the leaf and Figure of each item,
// and the text blocks of each leaf.
func newSlideBuilder(w *writer, pg *layout.Page, rels *partRels) *slideBuilder {
	n := len(pg.Items)
	b := &slideBuilder{w: w, page: pg, rels: rels, leaf: make([]*layout.Node, n), alt: make([]string, n),
		blocks: map[int]*textBlock{}, tables: map[int]*tableShape{}, skip: make([]bool, n)}
	b.walk(pg.Tree, "", "")
	return b
}

// walk finds the leaf of each item under n, the Figure alt text over it,
// and makes the text blocks of each leaf.
func (b *slideBuilder) walk(n *layout.Node, alt, lang string) {
	if n == nil {
		return
	}
	if n.Role == layout.RoleFigure && n.Alt != "" {
		alt = n.Alt
	}
	if n.Lang != "" {
		lang = n.Lang
	}
	for _, i := range n.Items {
		if i >= 0 && i < len(b.leaf) {
			b.leaf[i], b.alt[i] = n, alt
		}
	}
	if len(n.Items) > 0 {
		b.addBlocks(n, lang)
	}
	if n.Role == layout.RoleListItem {
		b.bullet(n)
	}
	for _, c := range n.Children {
		b.walk(c, alt, lang)
	}
	if n.Role == layout.RoleTable {
		b.table(n)
	}
}

// runsOf returns the visible text runs of a leaf and their indexes.
func (b *slideBuilder) runsOf(n *layout.Node) ([]layout.TextRun, []int) {
	var runs []layout.TextRun
	var idx []int
	for _, i := range n.Items {
		if i < 0 || i >= len(b.page.Items) {
			continue
		}
		if t, ok := b.page.Items[i].(layout.TextRun); ok && !t.Hidden && t.Text != "" {
			runs = append(runs, t)
			idx = append(idx, i)
		}
	}
	return runs, idx
}

// addBlocks makes the text blocks of a leaf, each drawn at its first run.
func (b *slideBuilder) addBlocks(n *layout.Node, lang string) {
	runs, idx := b.runsOf(n)
	if len(runs) == 0 {
		return
	}
	url := ""
	if n.Role == layout.RoleLink {
		for _, i := range n.Items {
			if l, ok := b.page.Items[i].(layout.Link); ok {
				url = l.URL
			}
		}
	}
	at := 0
	for _, lines := range splitBlocks(splitLines(runs)) {
		blk := &textBlock{lines: lines, first: idx[at], role: n.Role, url: url, lang: lang}
		for _, l := range lines {
			for range l.runs {
				b.skip[idx[at]] = true
				at++
			}
		}
		b.blocks[blk.first] = blk
	}
}

// bullet makes a list item whose label is one run of text before its
// body's first line a bulleted paragraph: the label is the bullet.
func (b *slideBuilder) bullet(item *layout.Node) {
	if len(item.Children) < 2 || item.Children[0].Role != layout.RoleLabel || item.Children[1].Role != layout.RoleBody {
		return
	}
	label, body := item.Children[0], item.Children[1]
	runs, idx := b.runsOf(label)
	if len(runs) != 1 || len(runs) != len(label.Items) {
		return
	}
	_, bodyIdx := b.runsOf(body)
	if len(bodyIdx) == 0 {
		return
	}
	blk := b.blocks[bodyIdx[0]]
	if blk == nil || math.Abs(blk.lines[0].y-runs[0].At.Y) > sameBaseline || runs[0].At.X >= blk.lines[0].x {
		return
	}
	lbl := runs[0]
	blk.bullet = &lbl
	delete(b.blocks, idx[0])
	b.skip[idx[0]] = true
}

// take returns the index of the next item and moves past it, and
// whether the item is to be drawn by itself: a table drawn at it is drawn
// first, and an item drawn as part of something else is not.
func (b *slideBuilder) take() (int, bool) {
	i := b.next
	b.next++
	if t := b.tables[i]; t != nil {
		b.shapes = append(b.shapes, b.tableFrame(t))
	}
	if blk := b.blocks[i]; blk != nil {
		b.shapes = append(b.shapes, b.textBox(blk))
	}
	return i, i >= len(b.skip) || !b.skip[i]
}

func (b *slideBuilder) id() int { return len(b.shapes) + 2 }

func (b *slideBuilder) text(t layout.TextRun) {
	i, alone := b.take()
	if !alone || t.Hidden {
		return
	}
	// A run no leaf holds: a text box of its own.
	blk := &textBlock{lines: splitLines([]layout.TextRun{t}), first: i}
	b.shapes = append(b.shapes, b.textBox(blk))
}

func (b *slideBuilder) box(r layout.Box) {
	if _, alone := b.take(); !alone {
		return
	}
	fill, stroke := r.Fill.A != 0, r.Stroke.A != 0 && r.StrokeWidth > 0
	if !fill && !stroke {
		return
	}
	geom := &prstGeom{Prst: "rect"}
	if rad := min(r.Radius, r.Rect.W/2, r.Rect.H/2); rad > 0 {
		geom.Prst = "roundRect"
		adj := int(math.Round(rad / min(r.Rect.W, r.Rect.H) * 100000))
		geom.AvLst.Gd = []guide{{Name: "adj", Fmla: fmt.Sprintf("val %d", adj)}}
	}
	s := sp{NvSpPr: nvSpPr{CNvPr: cNvPr{ID: b.id(), Name: fmt.Sprintf("Shape %d", b.id()-1)}}}
	s.SpPr = spPr{Xfrm: rectXfrm(r.Rect), Prst: geom}
	b.paint(&s.SpPr, r.Fill, r.Stroke, r.StrokeWidth, false)
	b.shapes = append(b.shapes, s)
}

// paint sets a shape's fill and outline; a zero colour is none.
func (b *slideBuilder) paint(p *spPr, fill, stroke deck.Color, width float64, round bool) {
	if fill.A != 0 {
		p.Fill = colorFill(fill)
	} else {
		p.NoFill = &emptyElem{}
	}
	if stroke.A == 0 || width <= 0 {
		p.Ln = &line{NoFill: &emptyElem{}}
		return
	}
	p.Ln = &line{W: emu(width), Fill: colorFill(stroke)}
	if round {
		p.Ln.Cap, p.Ln.Round = "rnd", &emptyElem{}
	}
}

func (b *slideBuilder) path(pa layout.Path) {
	if _, alone := b.take(); !alone {
		return
	}
	fill, stroke := pa.Fill.A != 0 && len(pa.Points) > 2, pa.Stroke.A != 0 && pa.Width > 0
	if len(pa.Points) < 2 || !fill && !stroke {
		return
	}
	r := pa.Bounds()
	geo := path{W: emu(r.W), H: emu(r.H)}
	if !fill {
		geo.Fill = "none"
	}
	for k, q := range pa.Points {
		pt := point{emu(q.X) - emu(r.X), emu(q.Y) - emu(r.Y)}
		if k == 0 {
			geo.Cmds = append(geo.Cmds, moveTo{Pt: pt})
		} else {
			geo.Cmds = append(geo.Cmds, lnTo{Pt: pt})
		}
	}
	if pa.Closed {
		geo.Cmds = append(geo.Cmds, closePath{})
	}
	s := sp{NvSpPr: nvSpPr{CNvPr: cNvPr{ID: b.id(), Name: fmt.Sprintf("Path %d", b.id()-1)}}}
	s.SpPr = spPr{Xfrm: rectXfrm(r), Cust: &custGeom{Rect: geomRect{"l", "t", "r", "b"}, PathLst: pathLst{Paths: []path{geo}}}}
	if !fill {
		pa.Fill = deck.Color{}
	}
	b.paint(&s.SpPr, pa.Fill, pa.Stroke, pa.Width, true)
	b.shapes = append(b.shapes, s)
}

func (b *slideBuilder) image(im layout.Image) {
	i, alone := b.take()
	if !alone || len(im.Data) == 0 {
		return
	}
	descr := ""
	if i < len(b.alt) {
		descr = b.alt[i]
	}
	if b.w.opt.NativeCharts && nativeChart(im.Chart) {
		b.w.fail(b.chart(im, descr))
		return
	}
	rid := b.rels.add(relImage, "../media/"+b.w.media(im), "")
	p := pic{NvPicPr: nvPicPr{CNvPr: cNvPr{ID: b.id(), Name: fmt.Sprintf("Picture %d", b.id()-1), Descr: descr},
		CNvPicPr: cNvPicPr{Locks: picLocks{NoChangeAspect: "1"}}}}
	p.BlipFill = blipFill{Blip: blip{Embed: rid}}
	p.SpPr = spPr{Xfrm: rectXfrm(im.Rect), Prst: &prstGeom{Prst: "rect"}}
	b.shapes = append(b.shapes, p)
}

// link draws a link that no text of its leaf carries (a link over a
// picture) as an invisible rectangle that opens it.
func (b *slideBuilder) link(l layout.Link) {
	i, alone := b.take()
	if !alone {
		return
	}
	if n := b.leaf[i]; n != nil && n.Role == layout.RoleLink {
		if runs, _ := b.runsOf(n); len(runs) > 0 {
			return
		}
	}
	rid := b.rels.add(relHyperlink, l.URL, "External")
	s := sp{NvSpPr: nvSpPr{CNvPr: cNvPr{ID: b.id(), Name: fmt.Sprintf("Link %d", b.id()-1), Click: &hlinkClick{RID: rid}}}}
	s.SpPr = spPr{Xfrm: rectXfrm(l.Rect), Prst: &prstGeom{Prst: "rect"}}
	b.paint(&s.SpPr, deck.Color{}, deck.Color{}, 0, false)
	b.shapes = append(b.shapes, s)
}

// rectXfrm places a shape on a rectangle.
func rectXfrm(r layout.Rect) *xfrm {
	return &xfrm{Off: point{emu(r.X), emu(r.Y)}, Ext: size{emu(r.W), emu(r.H)}}
}

// colorFill returns a solid fill of the colour, with its alpha when it is
// not opaque.
func colorFill(c deck.Color) *solidFill {
	f := &solidFill{Clr: srgbClr{Val: fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B)}}
	if c.A != 255 {
		f.Clr.Alpha = &valAttr{Val: int(c.A) * 100000 / 255}
	}
	return f
}

// slidePart returns the slide's XML.
func (b *slideBuilder) slidePart() slide {
	s := newSlide("p:sld")
	s.CSld.Tree.Shapes = b.shapes
	s.ClrMapOvr = &clrMapOvr{}
	return s
}

// newSlide returns an empty slide, layout or master of the element name.
func newSlide(name string) slide {
	return slide{XMLName: xml.Name{Local: name}, A: nsA, R: nsR, P: nsP,
		CSld: cSld{Tree: spTree{NvGrpSpPr: nvGrpSpPr{CNvPr: cNvPr{ID: 1, Name: ""}}}}}
}
