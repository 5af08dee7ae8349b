package pptx

import (
	"fmt"
	"math"
	"slices"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// A tableShape is a table of the layout as a native table: its grid, read
// back from where the layout put its cells' text, fills and rules.
type tableShape struct {
	x, y  float64
	cols  []float64 // the columns' left edges, then the table's right edge
	rows  []tableRow
	first bool // the first row is a header row
}

// A tableRow is a row of the grid: a row of the layout, or the gap
// between two parts of a table.
type tableRow struct {
	top, bottom float64
	cells       []*layout.Node // a cell a column; nil under a cell above that spans it
	spans       []int          // each cell's rows; 0 for a cell spanned
	fill        deck.Color
	rule        layout.Box // a rule along its bottom; zero for none
}

// ruleHeight is the tallest box that is a table's rule, not a fill.
const ruleHeight = 1.5

// table makes a table node a native table when its grid can be read back:
// every row's artifacts are boxes, its cells start in columns, and its
// rows follow each other. Otherwise the table stays text boxes and shapes.
func (b *slideBuilder) table(n *layout.Node) {
	t, items := b.readTable(n)
	if t == nil {
		return
	}
	for _, i := range items {
		b.skip[i] = true
		delete(b.blocks, i)
	}
	b.tables[slices.Min(items)] = t
}

// readTable reads a table's grid; nil when it cannot. It returns the
// items the table draws.
func (b *slideBuilder) readTable(n *layout.Node) (*tableShape, []int) {
	var t tableShape
	var items []int
	left, right := math.Inf(1), math.Inf(-1)
	var rows []*layout.Node
	for _, r := range n.Children {
		if r.Role == layout.RoleHeaderRow || r.Role == layout.RoleRow {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	t.first = rows[0].Role == layout.RoleHeaderRow
	var starts [][]float64 // the left of each cell's text, by row
	for k, r := range rows {
		row := tableRow{top: math.Inf(1), bottom: math.Inf(-1)}
		var xs []float64
		for _, c := range r.Children {
			items = append(items, c.Items...)
			switch c.Role {
			case layout.RoleCell, layout.RoleHeaderCell:
				row.cells = append(row.cells, c)
				x := math.Inf(1)
				for _, i := range c.Items {
					t, ok := b.page.Items[i].(layout.TextRun)
					if !ok {
						return nil, nil
					}
					x = min(x, t.At.X)
				}
				row.spans = append(row.spans, max(c.RowSpan, 1))
				xs = append(xs, x)
			case layout.RoleArtifact:
				for _, i := range c.Items {
					bx, ok := b.page.Items[i].(layout.Box)
					if !ok || bx.Radius > 0 || bx.Stroke.A != 0 {
						return nil, nil
					}
					left, right = min(left, bx.Rect.X), max(right, bx.Rect.X+bx.Rect.W)
					row.bottom = max(row.bottom, bx.Rect.Y+bx.Rect.H)
					if bx.Rect.H > ruleHeight {
						row.fill, row.top = bx.Fill, bx.Rect.Y
					} else {
						row.rule = bx
					}
				}
			default:
				return nil, nil
			}
		}
		if math.IsInf(row.top, 1) {
			if k == 0 {
				return nil, nil
			}
			row.top = t.rows[len(t.rows)-1].bottom
		}
		if row.bottom <= row.top {
			return nil, nil
		}
		if k > 0 {
			prev := t.rows[len(t.rows)-1].bottom
			if row.top < prev-sameBaseline {
				return nil, nil
			}
			if row.top > prev+sameBaseline {
				t.rows = append(t.rows, tableRow{top: prev, bottom: row.top})
			}
		}
		t.rows = append(t.rows, row)
		starts = append(starts, xs)
	}
	if math.IsInf(left, 1) || !b.grid(&t, starts, left, right) {
		return nil, nil
	}
	t.x, t.y = left, t.rows[0].top
	return &t, items
}

// grid finds the columns from the first row's cells and puts each row's
// cells in them, under the cells above that span rows.
func (b *slideBuilder) grid(t *tableShape, starts [][]float64, left, right float64) bool {
	head := starts[0]
	if len(head) == 0 || slices.Contains(head, math.Inf(1)) {
		return false
	}
	pad := head[0] - left
	for k, x := range head {
		if k > 0 && x-pad <= t.cols[k-1] {
			return false
		}
		t.cols = append(t.cols, x-pad)
	}
	t.cols = append(t.cols, right)
	covered := make([]int, len(head))
	for k := range t.rows {
		r := &t.rows[k]
		if r.cells == nil && r.spans == nil {
			continue // a gap
		}
		cells, spans := r.cells, r.spans
		r.cells, r.spans = make([]*layout.Node, len(head)), make([]int, len(head))
		for c := range head {
			if covered[c] > 0 {
				covered[c]--
				continue
			}
			if len(cells) == 0 {
				return false
			}
			r.cells[c], r.spans[c] = cells[0], spans[0]
			covered[c] = spans[0] - 1
			cells, spans = cells[1:], spans[1:]
		}
		if len(cells) > 0 {
			return false
		}
	}
	return true
}

// tableFrame returns the table's graphic frame.
func (b *slideBuilder) tableFrame(t *tableShape) graphicFrame {
	g := graphicFrame{}
	g.NvPr.CNvPr = cNvPr{ID: b.id(), Name: fmt.Sprintf("Table %d", b.id()-1)}
	g.NvPr.CNvGfPr.Locks.NoGrp = "1"
	last := t.rows[len(t.rows)-1]
	g.Xfrm = *rectXfrm(layout.Rect{X: t.x, Y: t.y, W: t.cols[len(t.cols)-1] - t.x, H: last.bottom - t.y})
	g.Graphic.URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
	tb := &tbl{}
	g.Graphic.Tbl = tb
	if t.first {
		tb.Pr.FirstRow = "1"
	}
	for k := 1; k < len(t.cols); k++ {
		tb.Grid = append(tb.Grid, gridCol{W: emu(t.cols[k]) - emu(t.cols[k-1])})
	}
	for k, r := range t.rows {
		row := tr{H: emu(r.bottom) - emu(r.top)}
		for c := range len(t.cols) - 1 {
			row.Cells = append(row.Cells, b.tableCell(t, k, c))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return g
}

// tableCell returns the cell of row k and column c: its text set from the
// cell's top left corner as the layout set it, its row's fill and rule.
func (b *slideBuilder) tableCell(t *tableShape, k, c int) tc {
	r := t.rows[k]
	cell := tc{TxBody: txBody{BodyPr: bodyPr{Wrap: "square", Anchor: "t"}}}
	cell.Pr = tcPr{Anchor: "t", LnL: noLine(), LnR: noLine(), LnT: noLine(), LnB: noLine()}
	if r.fill.A != 0 {
		cell.Pr.Fill = colorFill(r.fill)
	} else {
		cell.Pr.NoFill = &emptyElem{}
	}
	if r.rule.Rect.H > 0 {
		cell.Pr.LnB = line{W: emu(r.rule.Rect.H), Fill: colorFill(r.rule.Fill)}
	}
	var n *layout.Node
	if r.cells != nil {
		n = r.cells[c]
	}
	switch {
	case r.cells != nil && n == nil:
		cell.VMerge = "1"
	case n != nil && r.spans[c] > 1:
		cell.RowSpan = r.spans[c]
	}
	runs := []layout.TextRun(nil)
	if n != nil {
		runs, _ = b.runsOf(n)
	}
	if len(runs) == 0 {
		// An empty paragraph of the smallest size, that does not make
		// the row taller.
		cell.TxBody.Paras = []para{{End: &rPr{Lang: b.w.lang, Sz: 100, B: "0"}}}
		return cell
	}
	blk := &textBlock{lines: splitLines(runs), role: n.Role}
	paras := paragraphs(blk.lines)
	first := blk.lines[0]
	x := first.x
	for _, l := range blk.lines {
		x = min(x, l.x)
	}
	// LibreOffice sets a cell's lines by the hhea descender alone (see
	// descentOf), measured as text boxes are.
	top := first.y - paras[0].pitch + hheaDescent(first.runs[0].Face)*first.size
	cell.Pr.MarL, cell.Pr.MarT = emu(x-t.cols[c]), max(0, emu(top-r.top))
	for k, p := range paras {
		cell.TxBody.Paras = append(cell.TxBody.Paras, b.paragraph(blk, p, x, k == 0))
	}
	return cell
}

// noLine is a cell's side without a border.
func noLine() line { return line{NoFill: &emptyElem{}} }
