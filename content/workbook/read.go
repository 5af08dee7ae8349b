package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A Cell is one cell of a worksheet as the spreadsheet shows it.
type Cell struct {
	Row, Col int    // counted from 1: B4 is row 4, column 2
	Text     string // as shown: the cell's number format applied ("1,078", "28.6%", "2022年1月")
	// Number is the cell's value when IsNumber: a number, or a date's
	// serial number. A percentage is read as it is shown: 0.286 shown as
	// 28.6% is 28.6, as a CSV file says 28.6%.
	Number   float64
	IsNumber bool
	// Format is the code of a number's format, as "#,##0.0" or "0.0%";
	// empty for General and for a text.
	Format string
	// Formula is the cell's formula, without its "=".
	Formula string
	// Problem says why the cell has no value to use: it shows an error
	// value such as #DIV/0!, or its formula has no saved value and cannot
	// be computed. Text is then empty.
	Problem string
}

// A Grid is the cells of a range of one worksheet that the spreadsheet
// shows, row by row: hidden rows and hidden columns are left out, as
// Excel leaves them out of its charts.
type Grid struct {
	Sheet string
	Range string // the range read, "A1:C6"
	Rows  [][]Cell
	// Merged are the merged ranges that overlap the range read. A merged
	// range shows its first cell's value; the others read empty.
	Merged []Area
	// Below is, when no range was named, the cells under the first empty
	// row that Read left out: a note or a source line under a table. Nil
	// when there are none.
	Below *Area
}

// An Area is a range of cells, "B3:C3", and its first cell.
type Area struct {
	Range    string
	Row, Col int
}

// A Size is a number of rows and of columns.
type Size struct{ Rows, Cols int }

// A rect is a range of cells, from its first row and column to its last.
type rect struct{ row0, col0, row1, col1 int }

func (r rect) String() string {
	a, _ := excelize.CoordinatesToCellName(r.col0, r.row0)
	b, _ := excelize.CoordinatesToCellName(r.col1, r.row1)
	return a + ":" + b
}

func (r rect) contains(o rect) bool {
	return o.row0 >= r.row0 && o.col0 >= r.col0 && o.row1 <= r.row1 && o.col1 <= r.col1
}

func (r rect) overlaps(o rect) bool {
	return o.row0 <= r.row1 && r.row0 <= o.row1 && o.col0 <= r.col1 && r.col0 <= o.col1
}

// parseRange reads a range such as "A1:C6" or "$A$1:$C$6".
func parseRange(ref string) (rect, bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(strings.TrimSpace(ref), "$", ""), ":")
	if !ok {
		return rect{}, false
	}
	c0, r0, err0 := excelize.CellNameToCoordinates(strings.TrimSpace(a))
	c1, r1, err1 := excelize.CellNameToCoordinates(strings.TrimSpace(b))
	if err0 != nil || err1 != nil {
		return rect{}, false
	}
	return rect{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)}, true
}

// sheet returns the name of the sheet that name means: the first when
// name is "".
func (b *Book) sheet(name string) (string, error) {
	if name == "" {
		return b.sheets[0], nil
	}
	if slices.Contains(b.sheets, name) {
		return name, nil
	}
	return "", errorf("has no sheet %q; its sheets are %s", name, strings.Join(b.sheets, ", "))
}

// UsedRange returns the smallest range that holds every cell of sheet
// with a value or a formula, "A1:C6"; "" when the sheet has none.
func (b *Book) UsedRange(sheet string) (string, error) {
	r, ok, _, err := b.used(sheet)
	if err != nil || !ok {
		return "", err
	}
	return r.String(), nil
}

// used returns the smallest rect that holds every cell of sheet with a
// value or a formula; ok is false when there is none.
func (b *Book) used(sheet string) (r rect, ok bool, rows [][]string, err error) {
	rows, err = b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return rect{}, false, nil, errorf("sheet %q cannot be read (%v)", sheet, err)
	}
	extend := func(row, col int) {
		if !ok {
			r, ok = rect{row, col, row, col}, true
			return
		}
		r = rect{min(r.row0, row), min(r.col0, col), max(r.row1, row), max(r.col1, col)}
	}
	for i, row := range rows {
		for j, v := range row {
			if v != "" {
				extend(i+1, j+1)
			}
		}
	}
	// A formula that has no saved value reads as empty above. The sheet's
	// own record of its extent holds it: look there, unless it is so
	// large that looking would take long (a damaged or odd file).
	dim, err := b.f.GetSheetDimension(sheet)
	if d, isRange := parseRange(dim); err == nil && isRange && (d.row1-d.row0+1)*(d.col1-d.col0+1) <= maxFormulaScan {
		for row := d.row0; row <= d.row1; row++ {
			for col := d.col0; col <= d.col1; col++ {
				if ok && r.contains(rect{row, col, row, col}) {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(col, row)
				if f, _ := b.f.GetCellFormula(sheet, ref); f != "" {
					extend(row, col)
				}
			}
		}
	}
	return r, ok, rows, nil
}

// maxFormulaScan bounds the cells of a sheet's recorded extent that are
// looked at for formulas without values.
const maxFormulaScan = 200000

// Read returns the cells that sheet shows in range ref: the first sheet
// when sheet is "". When ref is "", the table the sheet's cells start
// with: down to the first wholly empty row, as Excel finds a table around
// a cell; what lies below is named in the grid's Below. A range larger
// than max, or that reaches beyond the cells the sheet uses, is an error.
func (b *Book) Read(sheet, ref string, max Size) (*Grid, error) {
	sheet, err := b.sheet(sheet)
	if err != nil {
		return nil, err
	}
	used, ok, rows, err := b.used(sheet)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errorf("sheet %q is empty", sheet)
	}
	r := used
	if ref != "" {
		if r, ok = parseRange(ref); !ok {
			return nil, errorf("range %q is not a range of cells: write its first and last cells, as in A1:C6", ref)
		}
		if !used.contains(r) {
			return nil, errorf("range %s of sheet %q reaches beyond the cells the sheet uses, %s: name a range inside it, or leave range out to read them all", r, sheet, used)
		}
	}
	var below rect
	if ref == "" {
		r, below = b.region(sheet, rows, used, max)
	}
	if n := r.row1 - r.row0 + 1; n > max.Rows {
		return nil, errorf("range %s of sheet %q has %d rows; deck reads at most %d", r, sheet, n, max.Rows)
	}
	if n := r.col1 - r.col0 + 1; n > max.Cols {
		return nil, errorf("range %s of sheet %q has %d columns; deck reads at most %d", r, sheet, n, max.Cols)
	}
	g, err := b.grid(sheet, r)
	if err == nil && below != (rect{}) {
		g.Below = &Area{Range: below.String(), Row: below.row0, Col: below.col0}
	}
	return g, err
}

// region returns the table that used starts with, as Excel's "current
// region" finds it: its rows down to the first wholly empty one; and what
// lies below that row (a note, a source line), or the zero rect. rows are
// the sheet's raw values. A used range wider than max is left whole (it is
// refused), and at most max.Rows+1 rows are looked at.
func (b *Book) region(sheet string, rows [][]string, used rect, max Size) (table, below rect) {
	if used.col1-used.col0+1 > max.Cols {
		return used, rect{}
	}
	empty := func(row int) bool { return b.emptyRow(sheet, rows, row, used) }
	for row := used.row0 + 1; row <= used.row1 && row <= used.row0+max.Rows; row++ {
		if !empty(row) {
			continue
		}
		table = rect{used.row0, used.col0, row - 1, used.col1}
		if next := row + 1; next <= used.row1 {
			below = rect{next, used.col0, used.row1, used.col1}
			for below.row0 < below.row1 && empty(below.row0) {
				below.row0++
			}
		}
		return table, below
	}
	return used, rect{}
}

// emptyRow reports whether row has no value (in rows, the sheet's raw
// values) and no formula in the columns of r.
func (b *Book) emptyRow(sheet string, rows [][]string, row int, r rect) bool {
	for col := r.col0; col <= r.col1; col++ {
		if row <= len(rows) && col <= len(rows[row-1]) && rows[row-1][col-1] != "" {
			return false
		}
		ref, _ := excelize.CoordinatesToCellName(col, row)
		if f, _ := b.f.GetCellFormula(sheet, ref); f != "" {
			return false
		}
	}
	return true
}

// grid reads the visible cells of r.
func (b *Book) grid(sheet string, r rect) (*Grid, error) {
	g := &Grid{Sheet: sheet, Range: r.String()}
	merged, err := b.merged(sheet, r)
	if err != nil {
		return nil, err
	}
	var cols []int
	for col := r.col0; col <= r.col1; col++ {
		if visible, err := b.f.GetColVisible(sheet, colName(col)); err != nil || visible {
			cols = append(cols, col)
		}
	}
	for row := r.row0; row <= r.row1; row++ {
		if visible, err := b.f.GetRowVisible(sheet, row); err == nil && !visible {
			continue
		}
		cells := make([]Cell, 0, len(cols))
		for _, col := range cols {
			cells = append(cells, b.cell(sheet, row, col, merged))
		}
		g.Rows = append(g.Rows, cells)
	}
	for _, m := range merged {
		g.Merged = append(g.Merged, Area{Range: m.String(), Row: m.row0, Col: m.col0})
	}
	return g, nil
}

// merged returns the merged ranges of sheet that overlap r.
func (b *Book) merged(sheet string, r rect) ([]rect, error) {
	all, err := b.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, errorf("the merged cells of sheet %q cannot be read (%v)", sheet, err)
	}
	var out []rect
	for _, m := range all {
		if mr, ok := parseRange(m.GetStartAxis() + ":" + m.GetEndAxis()); ok && mr.overlaps(r) {
			out = append(out, mr)
		}
	}
	return out, nil
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// cell reads one cell as the sheet shows it. A cell of a merged range
// other than its first shows nothing.
func (b *Book) cell(sheet string, row, col int, merged []rect) Cell {
	c := Cell{Row: row, Col: col}
	for _, m := range merged {
		if m.contains(rect{row, col, row, col}) && (row != m.row0 || col != m.col0) {
			return c
		}
	}
	ref, _ := excelize.CoordinatesToCellName(col, row)
	c.Formula, _ = b.f.GetCellFormula(sheet, ref)
	raw, _ := b.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	shown, _ := b.f.GetCellValue(sheet, ref)
	kind, _ := b.f.GetCellType(sheet, ref)
	if c.Formula != "" && raw == "" {
		// Saved by a program that does not compute (openpyxl, a script):
		// compute it as Excel would have.
		var err error
		shown, err = b.f.CalcCellValue(sheet, ref)
		switch {
		case err != nil && err.Error() != shown: // "not support FOO function"
			c.Problem = fmt.Sprintf("has the formula =%s with no saved value, and deck cannot compute it (%v): open the workbook in Excel, WPS or LibreOffice and save it once", c.Formula, err)
			return c
		case isErrorValue(shown):
			c.Problem = fmt.Sprintf("has the formula =%s, which gives %s (deck computed it: the workbook was saved without its value)", c.Formula, shown)
			return c
		}
		raw, _ = b.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		kind = excelize.CellTypeNumber
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			kind = excelize.CellTypeFormula // a text result
		}
	}
	if kind == excelize.CellTypeError || isErrorValue(shown) && kind != excelize.CellTypeSharedString && kind != excelize.CellTypeInlineString {
		c.Problem = "shows the error " + shown
		if c.Formula != "" {
			c.Problem += " of its formula =" + c.Formula
		}
		return c
	}
	c.Text = strings.TrimSpace(shown)
	switch kind {
	case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeDate:
		c.Number, c.IsNumber = number(raw, c.Text)
	}
	if c.IsNumber {
		c.Format = b.numberFormat(sheet, ref)
	}
	return c
}

// builtinFormats are the codes of Excel's built-in number formats for
// numbers, by their ids.
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)"}

// numberFormat returns the code of the number format of the cell ref:
// "" for General. Each style is looked up once.
func (b *Book) numberFormat(sheet, ref string) string {
	idx, err := b.f.GetCellStyle(sheet, ref)
	if err != nil || idx == 0 {
		return ""
	}
	if code, ok := b.formats[idx]; ok {
		return code
	}
	code := ""
	if st, err := b.f.GetStyle(idx); err == nil {
		if st.CustomNumFmt != nil {
			code = *st.CustomNumFmt
		} else {
			code = builtinFormats[st.NumFmt]
		}
	}
	if b.formats == nil {
		b.formats = map[int]string{}
	}
	b.formats[idx] = code
	return code
}

// number reads a cell's raw value as the number it shows: a percentage
// times 100.
func number(raw, shown string) (float64, bool) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return 0, false
	}
	if strings.HasSuffix(shown, "%") {
		v = shift(v, 2)
	}
	return v, true
}

// shift moves the decimal point of v by places to the right, in its
// decimal digits: 0.286 shifted by 2 is 28.6, where 0.286*100 in binary
// is 28.599999999999998.
func shift(v float64, places int) float64 {
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	e, _ := strconv.Atoi(exp)
	v, _ = strconv.ParseFloat(mant+"e"+strconv.Itoa(e+places), 64)
	return v
}

// errorValues are the values a spreadsheet shows for a formula that fails.
var errorValues = []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}

func isErrorValue(s string) bool { return slices.Contains(errorValues, s) }
