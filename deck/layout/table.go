package layout

import (
	"math"

	"github.com/deckpdf/deck/deck"
)

// A laidTable is a table cut into the pieces a page break may fall
// between: its title, and per group a header row and body rows.
type laidTable struct {
	w      float64
	title  frame
	groups []laidGroup
	gap    float64 // between groups
}

type laidGroup struct {
	header frame
	rows   []frame
	pos    []deck.Pos // where each row was written
}

// tableStyle is the type of table cells: a little smaller than body text.
func (e *engine) tableStyle(sc scaled) textStyle {
	st := e.bodyStyle(sc)
	st.size = sc.body * 0.92
	st.leading = 1.4
	return st
}

// table lays out a table whole, at its natural height.
func (e *engine) table(t *deck.Table, w float64, sc scaled) frame {
	lt := e.layTable(t, w, sc, "")
	f := frame{w: w}
	f.place(lt.title, 0, 0)
	f.h = lt.title.h
	for gi, g := range lt.groups {
		if gi > 0 {
			f.h += lt.gap
		}
		f.place(g.header, 0, f.h)
		f.h += g.header.h
		for _, r := range g.rows {
			f.place(r, 0, f.h)
			f.h += r.h
		}
	}
	return f
}

// layTable sets every cell of t; suffix is added to the title (（续）on
// the pages a table continues on).
func (e *engine) layTable(t *deck.Table, w float64, sc scaled, suffix string) laidTable {
	c := e.theme.Colors
	st := e.tableStyle(sc)
	pad := st.size * 0.6
	lt := laidTable{w: w, gap: st.size * 0.6}
	if !t.Title.IsZero() {
		title := t.Title
		if suffix != "" {
			title.Spans = append(append([]deck.Span{}, title.Spans...), deck.Span{Text: suffix})
		}
		lt.title = e.text(title, textStyle{size: sc.body, leading: 1.4, color: c.Text, bold: true, align: alignCenter}, w)
		lt.title.h += sc.body * 0.3
	}
	widths := e.columnWidths(t, w, st, pad)
	row := func(cells []deck.Text, head bool, shade bool) frame {
		cs := st
		cs.align = alignLeft
		fill := deck.Color{}
		if head {
			cs.bold, cs.color, fill = true, white, c.Primary
		} else if shade {
			fill = c.Light
		}
		var texts []frame
		h := 0.0
		for i, cell := range cells {
			al := alignJustify
			if head || i < len(cells)-1 {
				al = alignLeft
			}
			cs.align = al
			tf := e.text(cell, cs, widths[i]-2*pad)
			texts = append(texts, tf)
			h = math.Max(h, tf.h)
		}
		f := frame{w: w, h: h + 2*pad*0.7}
		if fill.A != 0 {
			f.add(Box{Rect: Rect{0, 0, w, f.h}, Fill: fill})
		}
		x := 0.0
		for i, tf := range texts {
			f.place(tf, x+pad, (f.h-tf.h)/2)
			x += widths[i]
		}
		if !head {
			f.add(Box{Rect: Rect{0, f.h - 0.5, w, 0.5}, Fill: c.Muted.Mix(0.7)})
		}
		return f
	}
	for _, g := range t.Groups {
		lg := laidGroup{header: row(g.Header, true, false)}
		for i, r := range g.Rows {
			if e.ctx.Err() != nil {
				break // a long table stops too; LayoutContext returns no pages
			}
			lg.rows = append(lg.rows, row(r, false, i%2 == 1))
			lg.pos = append(lg.pos, r[0].Pos)
		}
		lt.groups = append(lt.groups, lg)
	}
	return lt
}

// columnWidths sizes the columns: the shares the deck gives, or else from
// the content, as HTML's automatic table layout does: every column gets
// its longest unbreakable piece, and the rest of the width goes to the
// columns in proportion to how much more they would take on one line.
func (e *engine) columnWidths(t *deck.Table, w float64, st textStyle, pad float64) []float64 {
	n := 0
	if len(t.Groups) > 0 {
		n = len(t.Groups[0].Header)
	}
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	if len(t.Widths) == n {
		sum := 0.0
		for _, v := range t.Widths {
			sum += v
		}
		for i, v := range t.Widths {
			out[i] = w * v / sum
		}
		return out
	}
	nat, least := make([]float64, n), make([]float64, n)
	for _, g := range t.Groups {
		for ri, r := range append([][]deck.Text{g.Header}, g.Rows...) {
			for i, cell := range r {
				bold := ri == 0
				s := cell.Plain()
				face := e.fonts.Face(bold)
				nat[i] = math.Max(nat[i], face.Width(s, st.size)+2*pad)
				for _, seg := range e.segmentsOf(s) {
					least[i] = math.Max(least[i], face.Width(s[seg.Start:seg.End-seg.Space], st.size)+2*pad)
				}
			}
		}
	}
	sumNat, sumMin := 0.0, 0.0
	for i := range nat {
		sumNat += nat[i]
		sumMin += least[i]
	}
	switch {
	case sumNat <= w:
		for i := range out {
			out[i] = nat[i] + (w-sumNat)*nat[i]/sumNat
		}
	case sumMin >= w:
		for i := range out {
			out[i] = least[i] * w / sumMin
		}
	default:
		for i := range out {
			out[i] = least[i] + (w-sumMin)*(nat[i]-least[i])/(sumNat-sumMin)
		}
	}
	return out
}

// splitTable lays out blocks whose index ti is a table over as many bodies
// of height h as the table needs: the blocks before it and the rows that
// fit on the first, then rows under the title with （续） and the group's
// header again, the blocks after it at the end. A row never splits; a row
// taller than a whole body is an error.
func (e *engine) splitTable(blocks []deck.Block, ti int, w, h float64, sc scaled) []frame {
	t := blocks[ti].(*deck.Table)
	before := e.stack(blocks[:ti], w, 0, sc)
	gap := sc.body * 0.9
	cur := frame{w: w}
	cur.place(before, 0, 0)
	cur.h = before.h
	if ti > 0 {
		cur.h += gap
	}
	var bodies []frame
	first := e.layTable(t, w, sc, "")
	cont := e.layTable(t, w, sc, "（续）")
	if g := first.groups; ti > 0 && len(g) > 0 && len(g[0].rows) > 0 && cur.h+first.title.h+g[0].header.h+g[0].rows[0].h > h+0.01 {
		// Not even the first row fits under the blocks before: the table
		// starts on the next slide, its title with it.
		bodies = append(bodies, cur)
		cur = frame{w: w}
	}
	cur.place(first.title, 0, cur.h)
	cur.h += first.title.h
	for gi, g := range first.groups {
		if gi > 0 {
			cur.h += first.gap
		}
		headerPlaced := false
		for ri, r := range g.rows {
			need := r.h
			if !headerPlaced {
				need += g.header.h
			}
			if cur.h+need > h+0.01 && cur.h > 0 {
				if e.ctx.Err() != nil {
					return bodies // LayoutContext returns no pages
				}
				bodies = append(bodies, cur)
				cur = frame{w: w}
				cur.place(cont.title, 0, 0)
				cur.h = cont.title.h
				headerPlaced = false
			}
			if !headerPlaced {
				cur.place(g.header, 0, cur.h)
				cur.h += g.header.h
				headerPlaced = true
			}
			if cont.title.h+g.header.h+r.h > h+0.01 {
				e.diags.Errorf(g.pos[ri], "a table row is %.1fpt tall, more than a whole slide holds under the table's title and header (%.1fpt): shorten it", r.h, h-cont.title.h-g.header.h)
			}
			cur.place(r, 0, cur.h)
			cur.h += r.h
		}
	}
	if ti+1 < len(blocks) {
		after := e.stack(blocks[ti+1:], w, 0, sc)
		if cur.h+gap+after.h > h+0.01 {
			bodies = append(bodies, cur)
			cur = frame{w: w}
		} else {
			cur.h += gap
		}
		cur.place(after, 0, cur.h)
		cur.h += after.h
		if cur.h > h+0.01 {
			e.diags.Errorf(blocks[ti+1].Position(), "text does not fit its box: the blocks after the table are %.1fpt too tall for a slide", cur.h-h)
		}
	}
	return append(bodies, cur)
}
