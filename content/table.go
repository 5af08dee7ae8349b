package content

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/deckpdf/deck/content/workbook"
	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// A cell is one value of tabular data and where it was written.
type cell struct {
	text string
	pos  deck.Pos
	// num is a workbook cell's number, when isNum; a CSV cell's number is
	// read from its text.
	num   float64
	isNum bool
	// format is a workbook number's format code ("#,##0.0"); "" for
	// General and for a CSV or YAML cell.
	format string
}

// A table is tabular data from a CSV file or from rows in the YAML: a
// header row naming the columns, and the rows below it, all of one length.
type table struct {
	header []cell
	rows   [][]cell
	pos    deck.Pos // the data reference, for messages about the whole table
	merged []workbook.Area
}

// column returns the index of the column named name, or -1.
func (t *table) column(name string) int {
	for i, h := range t.header {
		if h.text == name {
			return i
		}
	}
	return -1
}

func (t *table) names() []string {
	var out []string
	for _, h := range t.header {
		out = append(out, h.text)
	}
	return out
}

// lineStarts returns the byte offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// runeColumn turns the byte column encoding/csv gives into a column of
// characters, as editors and the YAML positions count them.
func runeColumn(data []byte, starts []int, line, col int) int {
	if line < 1 || line > len(starts) {
		return col
	}
	start := starts[line-1]
	return utf8.RuneCount(data[start:min(start+col-1, len(data))]) + 1
}

// separator is the field separator of a CSV file: a comma, unless its
// first line has none and has semicolons (Excel in some locales) or tabs.
func separator(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Contains(first, []byte(",")) {
		return ','
	}
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte("\t")) {
		return ';'
	}
	if bytes.Contains(first, []byte("\t")) {
		return '\t'
	}
	return ','
}

// csvTable reads a CSV file; the first record is the header. Its fields
// are separated by commas, or by semicolons or tabs when its first line
// has no comma.
func (l *loader) csvTable(pos deck.Pos, name string) *table {
	data, ok := l.read(pos, name, "data file")
	if !ok {
		return nil
	}
	file := l.shown(name)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))

	if !bytes.Contains(data, []byte("\n")) {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n")) // old Mac line ends
	}
	starts := lineStarts(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1 // rows of the wrong length are reported below, all of them
	t := &table{pos: pos}
	bad := false
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				l.diags.Errorf(deck.Pos{File: file, Line: pe.Line, Col: runeColumn(data, starts, pe.Line, pe.Column)}, "CSV: %v", pe.Err)
			} else {
				l.diags.Errorf(deck.Pos{File: file}, "CSV: %v", err)
			}
			return nil
		}
		if len(rec) > MaxColumns {
			line, col := r.FieldPos(0)
			col = runeColumn(data, starts, line, col)
			l.diags.Errorf(deck.Pos{File: file, Line: line, Col: col}, "this row has %d cells; deck reads at most %d columns (is the file separated by commas?)", len(rec), MaxColumns)
			return nil
		}
		row := make([]cell, len(rec))
		for i, v := range rec {
			line, col := r.FieldPos(i)
			col = runeColumn(data, starts, line, col)
			row[i] = cell{text: lineBreaks(strings.TrimSpace(v)), pos: deck.Pos{File: file, Line: line, Col: col}}
		}
		switch {
		case t.header == nil:
			t.header = row
		case len(row) != len(t.header):
			l.diags.Errorf(row[0].pos, "this row has %s, the header has %d (a cell that holds a comma must be in double quotes)", cells(len(row)), len(t.header))
			bad = true
		default:
			t.rows = append(t.rows, row)
		}
	}
	if bad {
		return nil
	}
	if t.header == nil {
		l.diags.Errorf(deck.Pos{File: file}, "the data file is empty")
		return nil
	}
	return t
}

// yamlTable reads rows written in the YAML: a list of lists, the first of
// which is the header.
func yamlTable(dec *decoder, n *yaml.Node) *table {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		dec.errorf(n, "rows must be a list of rows, the first naming the columns")
		return nil
	}
	t := &table{pos: dec.pos(n)}
	ok := true
	for i, rn := range n.Content {
		rn = resolve(rn)
		if rn.Kind != yaml.SequenceNode {
			dec.errorf(rn, "a row must be a list of cells, not %s", kindName(rn))
			ok = false
			continue
		}
		if len(rn.Content) > MaxColumns {
			dec.errorf(rn, "this row has %d cells; deck reads at most %d columns", len(rn.Content), MaxColumns)
			return nil
		}
		var row []cell
		for _, c := range rn.Content {
			c = resolve(c)
			if c.Kind != yaml.ScalarNode {
				dec.errorf(c, "a cell must be a number or text, not %s", kindName(c))
				ok = false
				continue
			}
			row = append(row, cell{text: lineBreaks(strings.TrimSpace(c.Value)), pos: dec.pos(c)})
		}
		if i == 0 {
			t.header = row
			continue
		}
		if len(row) != len(t.header) {
			dec.errorf(rn, "this row has %s, the header has %d", cells(len(row)), len(t.header))
			ok = false
			continue
		}
		t.rows = append(t.rows, row)
	}
	if !ok {
		return nil
	}
	return t
}

var thousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?$`)

// missingValues are the cells that mean "no value here": a gap in a line,
// no bar.
var missingValues = []string{"", "-", "--", "—", "–", "－", "N/A", "n/a", "#N/A", "NA"}

// isMissing reports whether c is written as a missing value.
func isMissing(c cell) bool {
	return !c.isNum && slices.Contains(missingValues, strings.TrimSpace(c.text))
}

// scales are the suffixes of a number that multiply it: 5.55万 is 55,500.
var scales = []struct {
	suffix string
	factor float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}}

// halfWidth turns full-width digits and signs into ASCII, and the minus
// signs U+2212 and U+FF0D into '-': １，０７８．５ reads as 1,078.5.
var halfWidth = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"．", ".", "，", ",", "％", "%", "－", "-", "−", "-", "＋", "+", "（", "(", "）", ")", "￥", "¥", "＄", "$")

// NumberForms says which forms of a number deck reads, for messages.
const NumberForms = "numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap"

// number reads a cell as a finite number: a workbook's number, or a text
// written as an analyst writes one (see NumberForms): thousands separators,
// a sign, a minus in any of its forms or parentheses for negative, a
// currency sign before, % after (28.6% is 28.6), 万 or 亿 after (scaled:
// 5.55万 is 55,500), full-width digits. Go's strconv accepts more (NaN,
// Inf, hex, 1_000, 6.52e2): those are refused.
func number(c cell) (float64, bool) {
	if c.isNum {
		return c.num, true
	}
	s := strings.TrimSpace(halfWidth.Replace(c.text))
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = !neg, rest
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	for _, cur := range []string{"¥", "$"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, cur))
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok && !neg { // ¥-5
		neg, s = true, rest
	}
	factor := 1.0
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		s = strings.TrimSpace(rest)
	} else {
		for _, sc := range scales {
			if rest, ok := strings.CutSuffix(s, sc.suffix); ok {
				s, factor = strings.TrimSpace(rest), sc.factor
				break
			}
		}
	}
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if s == "" || strings.ContainsAny(s, "xXpP_nNiIeE+-") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	if factor != 1 {
		v = shiftDigits(v, factor)
	}
	if neg {
		v = -v
	}
	return v, true
}

// shiftDigits multiplies v by factor, a power of ten, in its decimal
// digits: 5.55万 is 55500, where 5.55*1e4 in binary is 55499.99999999999.
func shiftDigits(v, factor float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', -1, 64)+"e"+strconv.Itoa(int(math.Round(math.Log10(factor)))), 64)
	if err != nil {
		return v * factor
	}
	return r
}

func cells(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return fmt.Sprintf("%d cells", n)
}
