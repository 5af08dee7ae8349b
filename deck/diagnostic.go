package deck

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A Pos is a place in a content file. Line and Col count from 1; zero means
// unknown. In a workbook, Sheet names the worksheet and Line and Col are
// the row and column of a cell.
type Pos struct {
	File  string
	Sheet string
	Line  int
	Col   int
}

// String returns "file:line:col", leaving out the parts that are unknown;
// in a workbook "file[sheet]!B4", as spreadsheets name a cell.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "<input>"
	}
	if p.Sheet != "" {
		s += "[" + p.Sheet + "]"
		if p.Line > 0 && p.Col > 0 {
			s += "!" + ColumnName(p.Col) + strconv.Itoa(p.Line)
		}
		return s
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// ColumnName returns the letters a spreadsheet names column col by,
// counting from 1: A, …, Z, AA, AB, ….
func ColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// Severity says whether a diagnostic stops a render.
type Severity int

// The severities, from worst.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// A Diagnostic is one problem found in the content, at a position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
	// Via is where the deck reads the file that Pos is in, when that is
	// another file: the data: of the chart or table whose cell is wrong.
	Via Pos
}

// String formats d as "file:line:col: error: message", and when d has a
// Via, a second line "file:line:col: note: the block that reads it".
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
	if d.Via != (Pos{}) {
		s += fmt.Sprintf("\n%s: note: the block that reads it", d.Via)
	}
	return s
}

// Diagnostics collects the problems of one run, so that all of them can be
// reported at once.
type Diagnostics []Diagnostic

// Errorf adds an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (ds *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sorted returns the diagnostics ordered by file, line and column, keeping
// the order of those at the same place, each said once: content repeated
// through YAML aliases would otherwise repeat its problems.
func (ds Diagnostics) Sorted() Diagnostics {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Sheet, b.Pos.Sheet), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	seen := make(map[Diagnostic]bool, len(ds))
	out := ds[:0]
	for _, d := range ds {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// String returns one diagnostic a line.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
