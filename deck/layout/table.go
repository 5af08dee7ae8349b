package layout

import (
	"math"
	"slices"
	"strings"

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
	// cont holds, for a row under a cell that spans rows, the row with
	// that cell's text drawn again, for the top of a continued table; a
	// zero frame for the other rows.
	cont []frame
	pos  []deck.Pos // where each row was written
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
	f.placeAs(lt.title, 0, 0, RoleCaption)
	f.h = lt.title.h
	for gi, g := range lt.groups {
		if gi > 0 {
			f.h += lt.gap
		}
		f.placeAs(g.header, 0, f.h, RoleHeaderRow)
		f.h += g.header.h
		for _, r := range g.rows {
			f.placeAs(r, 0, f.h, RoleRow)
			f.h += r.h
		}
	}
	closeTable(&f, 0)
	return f
}

// closeTable makes f's nodes from index from on, a table's caption and
// rows, one Table node, each cell's RowSpan cut to the rows of its group
// that the page shows.
func closeTable(f *frame, from int) {
	t := f.group(RoleTable, from)
	if t == nil {
		return
	}
	for k, row := range t.Children {
		below := 0 // the rows of row's group from row on
		for _, r := range t.Children[k:] {
			if r.Role != RoleRow {
				break
			}
			below++
		}
		if !slices.ContainsFunc(row.Children, func(cell *Node) bool { return cell.RowSpan > below }) {
			continue
		}
		// The row and its cells may be another frame's too (see
		// shifted): the cells cut are copies, in a copy of the row.
		cut := *row
		cut.Children = slices.Clone(row.Children)
		for i, cell := range cut.Children {
			if cell.RowSpan > below {
				c := *cell
				c.RowSpan = below
				cut.Children[i] = &c
			}
		}
		t.Children[k] = &cut
	}
}

// A tableRow is a row of a table to set, and how.
type tableRow struct {
	cells       []deck.Text
	head, shade bool
	total       bool   // bold, under a rule
	hidden      []bool // the cells under a span: not drawn
	rowSpan     []int  // the rows a cell takes, its own and those below (see rowSpans.length)
	open        []bool // the cells of a span that goes on below: no rule under them
	spanned     []bool // the cells of a span: not shaded
}

// A tableSetter sets the rows of one table.
type tableSetter struct {
	e      *engine
	c      deck.Palette
	st     textStyle
	pad, w float64
	// vpad is the space above and below a row's tallest cell: more where
	// a table that fills its slide opens its rows (see scaled.spread).
	vpad   float64
	widths []float64
	align  []deck.Align
	tails  []float64 // of a decimal column, the widest part from the decimal point on
}

// layTable sets every cell of t; suffix is added to the title (（续）on
// the pages a table continues on).
func (e *engine) layTable(t *deck.Table, w float64, sc scaled, suffix string) laidTable {
	c := e.theme.Colors
	st := e.tableStyle(sc)
	pad := st.size * 0.6
	lt := laidTable{w: w, gap: st.size * 0.6}
	if !t.Title.IsZero() {
		title := e.numbered(t.Title, t)
		if suffix != "" {
			title.Spans = append(append([]deck.Span{}, title.Spans...), deck.Span{Text: suffix})
		}
		lt.title = e.text(title, textStyle{size: sc.body, leading: 1.4, color: c.Text, bold: true, align: alignCenter}, w)
		lt.title.h += sc.body * 0.3
	}
	ts := tableSetter{e: e, c: c, st: st, pad: pad, vpad: pad * 0.7 * sc.spread, w: w, widths: e.columnWidths(t, w, st, pad), tails: e.decimalTails(t, st)}
	ts.align = make([]deck.Align, len(ts.widths))
	copy(ts.align, t.Align)
	for _, g := range t.Groups {
		lg := laidGroup{header: ts.row(tableRow{cells: g.Header, head: true})}
		spans := groupSpans(g)
		for i, r := range g.Rows {
			if e.ctx.Err() != nil {
				break // a long table stops too; LayoutContext returns no pages
			}
			tr := tableRow{cells: r, shade: i%2 == 1, total: slices.Contains(g.Totals, i)}
			tr.hidden, tr.open, tr.spanned = spans.hidden[i], spans.open[i], spans.spanned[i]
			tr.rowSpan = spans.lengths(i, len(r))
			lg.rows = append(lg.rows, ts.row(tr))
			lg.cont = append(lg.cont, frame{})
			if slices.Contains(tr.hidden, true) {
				tr.cells = slices.Clone(r)
				for col, start := range spans.start[i] {
					if tr.hidden[col] {
						tr.cells[col] = g.Rows[start][col]
					}
				}
				tr.hidden = nil
				lg.cont[i] = ts.row(tr)
			}
			lg.pos = append(lg.pos, r[0].Pos)
		}
		lt.groups = append(lt.groups, lg)
	}
	return lt
}

// row sets one row of the table.
func (ts *tableSetter) row(r tableRow) frame {
	c := ts.c
	cs := ts.st
	fill := deck.Color{}
	if r.head {
		cs.bold, cs.color, fill = true, white, c.Primary
	} else if r.shade {
		fill = c.Light
	}
	cs.bold = cs.bold || r.total
	texts := make([]frame, 0, len(r.cells))
	rights := make([]float64, 0, len(r.cells)) // the space each text keeps free at its right
	h := 0.0
	for i, cell := range r.cells {
		if i < len(r.hidden) && r.hidden[i] {
			texts, rights = append(texts, frame{}), append(rights, 0)
			continue
		}
		right := 0.0
		cs.align = ts.cellAlign(i, len(r.cells), r.head)
		// A gap ("-", "N/A") has no point: it stands at the numbers' right
		// edge, not left of their points.
		if ts.align[i] == deck.AlignDecimal && !r.head && ts.tails[i] > 0 && strings.ContainsAny(cell.Plain(), "0123456789") {
			right = max(0, ts.tails[i]-ts.e.tail(cell.Plain(), cs.bold, cs.size))
		}
		tf := ts.e.text(cell, cs, ts.widths[i]-2*ts.pad-right)
		texts, rights = append(texts, tf), append(rights, right)
		h = math.Max(h, tf.h)
	}
	f := frame{w: ts.w, h: h + 2*ts.vpad}
	drawn := len(f.items) // the fills and rules: an artifact
	if fill.A != 0 {
		ts.band(&f, r.spanned, 0, f.h, fill)
	}
	art := &Node{Role: RoleArtifact, Items: span(drawn, len(f.items))}
	role, scope := RoleCell, ScopeNone
	if r.head {
		role, scope = RoleHeaderCell, ScopeColumn
	}
	x := 0.0
	for i, tf := range texts {
		if i >= len(r.hidden) || !r.hidden[i] { // a cell under a span is the span's
			cell := f.placeAs(tf, x+ts.pad, (f.h-tf.h)/2, role)
			cell.Scope = scope
			if i < len(r.rowSpan) && r.rowSpan[i] > 1 {
				cell.RowSpan = r.rowSpan[i]
			}
		}
		x += ts.widths[i]
	}
	drawn = len(f.items)
	if !r.head {
		ts.band(&f, r.open, f.h-0.5, 0.5, c.Muted.Mix(0.7))
	}
	if r.total {
		f.add(Box{Rect: Rect{0, 0, ts.w, 0.8}, Fill: c.Primary})
	}
	art.Items = append(art.Items, span(drawn, len(f.items))...)
	if len(art.Items) > 0 {
		f.nodes = append(f.nodes, art)
	}
	return f
}

// cellAlign is how cell i of a row of n cells is set: a column to the
// left sets its body cells in the last column justified, a decimal
// column to the right.
func (ts *tableSetter) cellAlign(i, n int, head bool) align {
	switch ts.align[i] {
	case deck.AlignCenter:
		return alignCenter
	case deck.AlignRight, deck.AlignDecimal:
		return alignRight
	}
	if head || i < n-1 {
		return alignLeft
	}
	return alignJustify
}

// band draws a box from y, h tall, across the row but for the columns
// skip marks: across the whole row when it marks none.
func (ts *tableSetter) band(f *frame, skip []bool, y, h float64, fill deck.Color) {
	if !slices.Contains(skip, true) {
		f.add(Box{Rect: Rect{0, y, ts.w, h}, Fill: fill})
		return
	}
	x, from := 0.0, -1.0
	for i, cw := range ts.widths {
		switch {
		case skip[i] && from >= 0:
			f.add(Box{Rect: Rect{from, y, x - from, h}, Fill: fill})
			from = -1
		case !skip[i] && from < 0:
			from = x
		}
		x += cw
	}
	if from >= 0 {
		f.add(Box{Rect: Rect{from, y, ts.w - from, h}, Fill: fill})
	}
}

// rowSpans says, for each row of a group, which of its cells a span
// takes: hidden under a span's first cell (start, the row of that cell),
// open to the row below, spanned at all.
type rowSpans struct {
	hidden, open, spanned [][]bool
	start                 []map[int]int
}

// lengths returns, for a row of n cells, the rows each cell of a span
// takes from this row on (see length); nil when the row has none.
func (s rowSpans) lengths(row, n int) []int {
	if s.spanned[row] == nil {
		return nil
	}
	out := make([]int, n)
	for col := range out {
		out[col] = s.length(row, col)
	}
	return out
}

// length returns how many rows the cell at row and col takes from row on:
// its own and the rows below under the same span; 1 when no span takes it.
func (s rowSpans) length(row, col int) int {
	if s.spanned[row] == nil || !s.spanned[row][col] {
		return 1
	}
	start := row
	if s.hidden[row] != nil && s.hidden[row][col] {
		start = s.start[row][col]
	}
	n := 1
	for j := row + 1; j < len(s.hidden) && s.hidden[j] != nil && s.hidden[j][col] && s.start[j][col] == start; j++ {
		n++
	}
	return n
}

// groupSpans finds the cells of g's spans; a span reaching past the last
// row stops there.
func groupSpans(g deck.TableGroup) rowSpans {
	n := len(g.Rows)
	s := rowSpans{hidden: make([][]bool, n), open: make([][]bool, n), spanned: make([][]bool, n), start: make([]map[int]int, n)}
	mark := func(m [][]bool, r, c int) {
		if m[r] == nil {
			m[r] = make([]bool, len(g.Rows[r]))
		}
		m[r][c] = true
	}
	for _, sp := range g.Spans {
		if sp.Row < 0 || sp.Col < 0 || sp.Row >= n || sp.Col >= len(g.Rows[sp.Row]) {
			continue
		}
		last := min(sp.Row+sp.Rows, n) - 1
		for r := sp.Row; r <= last; r++ {
			mark(s.spanned, r, sp.Col)
			if r < last {
				mark(s.open, r, sp.Col)
			}
			if r > sp.Row {
				mark(s.hidden, r, sp.Col)
				if s.start[r] == nil {
					s.start[r] = map[int]int{}
				}
				s.start[r][sp.Col] = sp.Row
			}
		}
	}
	return s
}

// tail is the width of s from its decimal point on, in the style's size,
// bold or not: from the point before its last digits ("1,301.2" → ".2",
// "12.3%" → ".3%"), or else after its last digit ("(12)" → ")"), so that
// whole numbers stand where the point would be.
func (e *engine) tail(s string, bold bool, size float64) float64 {
	at := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if at < 0 {
		return 0
	}
	at++
	if dot := strings.LastIndex(s[:at], "."); dot > 0 && strings.Trim(s[dot+1:at], "0123456789") == "" {
		at = dot
	}
	return e.fonts.Face(bold).Width(s[at:], size)
}

// decimalTails returns, for each decimal column of t, the widest tail of
// its body cells: the width its points keep to their right.
func (e *engine) decimalTails(t *deck.Table, st textStyle) []float64 {
	var out []float64
	for i, a := range t.Align {
		out = append(out, 0)
		if a != deck.AlignDecimal {
			continue
		}
		for _, g := range t.Groups {
			for ri, r := range g.Rows {
				if i < len(r) {
					out[i] = math.Max(out[i], e.tail(r[i].Plain(), slices.Contains(g.Totals, ri), st.size))
				}
			}
		}
	}
	return out
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
	tails := e.decimalTails(t, st)
	for _, g := range t.Groups {
		for ri, r := range append([][]deck.Text{g.Header}, g.Rows...) {
			for i, cell := range r {
				bold := ri == 0 || slices.Contains(g.Totals, ri-1)
				s := cell.Plain()
				face := e.fonts.Face(bold)
				nat[i] = math.Max(nat[i], face.Width(s, st.size)+2*pad)
				least[i] = math.Max(least[i], e.longestPiece(s, bold, st.size)+2*pad)
				if i < len(tails) && tails[i] > 0 && ri > 0 {
					// the part before the point, and the widest tail
					aligned := face.Width(s, st.size) - e.tail(s, bold, st.size) + tails[i] + 2*pad
					nat[i], least[i] = math.Max(nat[i], aligned), math.Max(least[i], aligned)
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
	table := len(cur.nodes) // the nodes of the table on the page
	cur.placeAs(first.title, 0, cur.h, RoleCaption)
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
				closeTable(&cur, table)
				bodies = append(bodies, cur)
				cur, table = frame{w: w}, 0
				cur.placeAs(cont.title, 0, 0, RoleCaption)
				cur.h = cont.title.h
				headerPlaced = false
				if g.cont[ri].w > 0 {
					r = g.cont[ri] // the cells spanning rows, drawn again
				}
			}
			if !headerPlaced {
				cur.placeAs(g.header, 0, cur.h, RoleHeaderRow)
				cur.h += g.header.h
				headerPlaced = true
			}
			if cont.title.h+g.header.h+r.h > h+0.01 {
				e.diags.Errorf(g.pos[ri], "a table row is %.1fpt tall, more than a whole slide holds under the table's title and header (%.1fpt): shorten it", r.h, h-cont.title.h-g.header.h)
			}
			cur.placeAs(r, 0, cur.h, RoleRow)
			cur.h += r.h
		}
	}
	closeTable(&cur, table)
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
