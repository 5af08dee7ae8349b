package content

import (
	"errors"
	"path"
	"slices"
	"strings"

	"github.com/deckpdf/deck/content/workbook"
	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// workbookExts are the endings of the files read as workbooks; .xls and
// .ods among them, to be refused with a message that says what to do.
var workbookExts = []string{".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods"}

// dataKeys are a block's fields that name its data in a file.
var dataKeys = []string{"data", "sheet", "range"}

// dataTable reads the table that a block's data names: a CSV file, or the
// cells of a workbook's sheet (sheet, default the first) in a range
// (range, default the cells it uses).
func (l *loader) dataTable(dec *decoder, f map[string]*yaml.Node) *table {
	n := f["data"]
	pos, name := dec.pos(n), dec.str(n, "data")
	if slices.Contains(workbookExts, strings.ToLower(path.Ext(name))) {
		if base := path.Base(name); strings.HasPrefix(base, "~$") {
			dec.errorf(n, "%q is the lock file Excel or WPS keeps while a workbook is open, not the workbook: name %q", name, path.Join(path.Dir(name), strings.TrimPrefix(base, "~$")))
			return nil
		}
		return l.workbookTable(dec, pos, name, f["sheet"], f["range"])
	}
	for _, k := range dataKeys[1:] {
		if f[k] != nil {
			dec.errorf(f[k], "%s goes with a workbook (.xlsx), not with %q", k, name)
		}
	}
	return l.csvTable(pos, name)
}

// readsData gives the diagnostics added since mark that are in another
// file than the deck's (a data file's cells) the position of the data:
// that reads them, so that a message about a cell also names its block.
func (l *loader) readsData(mark int, via deck.Pos) {
	for i := mark; i < len(l.diags); i++ {
		if d := &l.diags[i]; d.Pos.File != via.File && d.Via == (deck.Pos{}) {
			d.Via = via
		}
	}
}

// An openBook is a workbook opened for this load, or why it cannot be.
type openBook struct {
	book *workbook.Book
	err  error
}

// book opens the workbook name once a load, however many blocks read it.
func (l *loader) book(pos deck.Pos, name string) (*workbook.Book, bool) {
	clean := path.Clean(name)
	ob, seen := l.books[clean]
	if !seen {
		data, ok := l.read(pos, name, "workbook")
		if !ok {
			return nil, false // read said why
		}
		ob.book, ob.err = workbook.Open(data)
		if l.books == nil {
			l.books = map[string]openBook{}
		}
		l.books[clean] = ob
	}
	if ob.err != nil {
		if !seen { // said once, at the first block that reads it
			l.diags.Errorf(pos, "workbook %q %s", l.shown(clean), reason(ob.err))
		}
		return nil, false
	}
	return ob.book, true
}

// spansColumn reports whether the merged area m lies in one column of t
// whose header is among spanned, the columns a table's merge: names.
func spansColumn(t *table, m workbook.Area, spanned []string) bool {
	first, last, _ := strings.Cut(m.Range, ":")
	if strings.TrimRight(first, "0123456789") != strings.TrimRight(last, "0123456789") {
		return false // it spans columns
	}
	for _, h := range t.header {
		if h.pos.Col == m.Col && slices.Contains(spanned, h.text) {
			return true
		}
	}
	return false
}

// closeBooks releases the workbooks the load opened.
func (l *loader) closeBooks() {
	for _, ob := range l.books {
		if ob.book != nil {
			ob.book.Close()
		}
	}
}

func reason(err error) string {
	var we *workbook.Error
	if errors.As(err, &we) {
		return we.Reason
	}
	return err.Error()
}

// workbookTable reads the cells of a workbook's sheet in a range as a
// table, each cell at its place in the workbook.
func (l *loader) workbookTable(dec *decoder, pos deck.Pos, name string, sheetNode, rangeNode *yaml.Node) *table {
	book, ok := l.book(pos, name)
	if !ok {
		return nil
	}
	file := l.shown(path.Clean(name))
	var sheet, rng string
	if sheetNode != nil {
		sheet = dec.str(sheetNode, "sheet")
		if !slices.Contains(book.Sheets(), sheet) {
			dec.errorf(sheetNode, "workbook %q has no sheet %q%s; its sheets are %s", file, sheet, suggest(sheet, book.Sheets()), strings.Join(book.Sheets(), ", "))
			return nil
		}
	}
	at := pos
	if rangeNode != nil {
		rng, at = dec.str(rangeNode, "range"), dec.pos(rangeNode)
	}
	g, err := book.Read(sheet, rng, workbook.Size{Rows: MaxTableRows + 1, Cols: MaxColumns})
	if err != nil {
		l.diags.Errorf(at, "in workbook %q, %s", file, reason(err))
		return nil
	}
	if b := g.Below; b != nil {
		l.diags.Warnf(deck.Pos{File: file, Sheet: g.Sheet, Line: b.Row, Col: b.Col}, "the table ends at its first empty row, and the cells below it, %s, are left out: name a range to read them", b.Range)
	}
	return l.gridTable(pos, file, g)
}

// gridTable turns the cells of g into a table; a cell whose value cannot
// be used is an error at the cell.
func (l *loader) gridTable(pos deck.Pos, file string, g *workbook.Grid) *table {
	t := &table{pos: pos, merged: g.Merged}
	ok := true
	for i, r := range g.Rows {
		row := make([]cell, len(r))
		for j, c := range r {
			at := deck.Pos{File: file, Sheet: g.Sheet, Line: c.Row, Col: c.Col}
			if c.Problem != "" {
				l.diags.Errorf(at, "the cell %s", c.Problem)
				ok = false
			}
			row[j] = cell{text: lineBreaks(c.Text), pos: at, num: c.Number, isNum: c.IsNumber, format: c.Format}
		}
		if i == 0 {
			t.header = row
		} else {
			t.rows = append(t.rows, row)
		}
	}
	if len(g.Rows) == 0 {
		l.diags.Errorf(deck.Pos{File: file, Sheet: g.Sheet}, "range %s shows no cells: its rows or columns are all hidden", g.Range)
		return nil
	}
	if !ok {
		return nil
	}
	return t
}

// mergedCells reports the merged ranges of a workbook's cells that a
// block reads: a chart needs a value in each cell, so there they are an
// error; a table draws the text in the first cell and leaves the others
// empty, and says so.
func (l *loader) mergedCells(t *table, chart bool, spanned ...string) bool {
	for _, m := range t.merged {
		if !chart && spansColumn(t, m, spanned) {
			continue // the table's merge: draws it as one cell over the rows
		}
		at := t.header[0].pos
		at.Line, at.Col = m.Row, m.Col
		if chart {
			l.diags.Errorf(at, "cells %s are merged, inside the chart's data: a chart needs a value in each cell; unmerge them, or name a range without them", m.Range)
		} else {
			l.diags.Warnf(at, "cells %s are merged: the table shows the text of the first in its own cell and leaves the others empty", m.Range)
		}
	}
	return len(t.merged) == 0
}
