package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// texts returns the cells of g as texts.
func texts(g *Grid) [][]string {
	var out [][]string
	for _, r := range g.Rows {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

var big = Size{Rows: 2001, Cols: 100}

func TestWrittenCellsReadBackAsWritten(t *testing.T) {
	rows := [][]string{
		{"年份", "规模（亿元）", "占比", "时间", "说明", "编号"},
		{"2021", "1,078", "77.2%", "2022/01", "约65%+", "007"},
		{"2022", "6.2", "-3.5%", "2020/10", "《规划》", "12345678901234567890"},
		{"2023", "21.0", "0%", "2021/13", "", "1,234,567.25"},
	}
	var b bytes.Buffer
	if err := Write(&b, []Sheet{{Name: "数据", Rows: rows}, {Name: "second", Rows: rows[:2]}}); err != nil {
		t.Fatal(err)
	}
	book, err := Open(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	if got, want := book.Sheets(), []string{"数据", "second"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	g, err := book.Read("", "", big)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(g); !reflect.DeepEqual(got, rows) {
		t.Errorf("read back\n%q\nwant\n%q", got, rows)
	}
	t.Run("numbers are stored as numbers", func(t *testing.T) {
		for _, tc := range []struct {
			row, col int
			want     float64
		}{{1, 1, 2021}, {1, 2, 1078}, {1, 3, 77.2}, {2, 3, -3.5}, {2, 2, 6.2}, {3, 6, 1234567.25}} {
			if c := g.Rows[tc.row][tc.col-1]; !c.IsNumber || c.Number != tc.want {
				t.Errorf("%s%d: %v %v, want the number %v", string(rune('A'+tc.col-1)), tc.row+1, c.Number, c.IsNumber, tc.want)
			}
		}
		for _, c := range []Cell{g.Rows[1][4], g.Rows[1][5], g.Rows[2][5], g.Rows[3][3]} {
			if c.IsNumber {
				t.Errorf("%q is read as the number %v, want a text", c.Text, c.Number)
			}
		}
	})
}

func TestRangesAreCheckedAgainstTheCellsUsed(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{{"a", "b"}, {"1", "2"}, {"3", "4"}}
	if err := Write(&b, []Sheet{{Name: "s", Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	book, err := Open(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ ref, want string }{
		{"A1:B2", ""},
		{"$B$3:$A$1", ""},
		{"A1:C3", `workbook: range A1:C3 of sheet "s" reaches beyond the cells the sheet uses, A1:B3: name a range inside it, or leave range out to read them all`},
		{"A1:XFD1048576", `workbook: range A1:XFD1048576 of sheet "s" reaches beyond the cells the sheet uses, A1:B3: name a range inside it, or leave range out to read them all`},
		{"A1", `workbook: range "A1" is not a range of cells: write its first and last cells, as in A1:C6`},
	} {
		_, err := book.Read("s", tc.ref, big)
		if got := errString(err); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.ref, got, tc.want)
		}
	}
	if _, err := book.Read("s", "", Size{Rows: 2, Cols: 2}); errString(err) != `workbook: range A1:B3 of sheet "s" has 3 rows; deck reads at most 2` {
		t.Errorf("too many rows: %v", err)
	}
}

// A cell far from the others (a stray value at XFD1048576) makes the
// sheet's used range huge: it is refused by its size, not scanned cell by
// cell (which took minutes).
func TestAStrayFarCellIsRefusedByTheRangeSize(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "a")
	f.SetCellValue("Sheet1", "XFD1048576", "z")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	book, err := Open(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	_, err = book.Read("", "", big)
	if want := `workbook: range A1:XFD1048576 of sheet "Sheet1" has 1048576 rows; deck reads at most 2001`; errString(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzOpen checks that no workbook, however damaged, makes the reader
// panic or run away: each is opened and its every sheet read. Most
// mutations of a zip archive only break its checksums, so the fuzzer
// mutates the first sheet's XML, which the test packs into a workbook,
// and, when the input starts as a zip archive does, whole files.
func FuzzOpen(f *testing.F) {
	var b bytes.Buffer
	if err := Write(&b, []Sheet{{Name: "s", Rows: [][]string{{"年份", "值", "占比"}, {"2021", "1,078", "28.6%"}, {"2022/01", "6.2", "-3.5%"}}}}); err != nil {
		f.Fatal(err)
	}
	template := b.Bytes()
	z, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		f.Fatal(err)
	}
	sheet, err := fs.ReadFile(z, "xl/worksheets/sheet1.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sheet)
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>B1+1</f></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C3"/></mergeCells></worksheet>`))
	f.Add(template)
	fixtures, _ := filepath.Glob("testdata/*.xls*")
	for _, name := range fixtures {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, zipMagic) {
			data = replaced(t, z, "xl/worksheets/sheet1.xml", data)
		}
		book, err := Open(data)
		if err != nil {
			return
		}
		defer book.Close()
		for _, s := range book.Sheets() {
			book.Read(s, "", Size{Rows: 200, Cols: 50})
		}
	})
}

// replaced returns the files of z as a zip archive, with the file name
// holding data.
func replaced(t *testing.T, z *zip.Reader, name string, data []byte) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range z.File {
		body, err := fs.ReadFile(z, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			body = data
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readShown reads a CSV that LibreOffice exported with each cell as it
// is shown: the oracle for the fixtures in testdata (see its README).
func readShown(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestFixturesReadAsLibreOfficeShowsThem reads each sheet of the
// workbooks that openpyxl and LibreOffice Calc wrote, and compares every
// cell with the text LibreOffice shows for it: number formats, dates in
// Chinese and numeric formats, formulas saved with their values
// (LibreOffice) and without (openpyxl: deck computes them), a merged
// range, and the hidden row and column left out.
func TestFixturesReadAsLibreOfficeShowsThem(t *testing.T) {
	oracles, _ := filepath.Glob("testdata/*.shown.csv")
	if len(oracles) < 6 {
		t.Fatalf("%d oracle files in testdata, want 6", len(oracles))
	}
	books := map[string]*Book{}
	for _, oracle := range oracles {
		base := strings.TrimSuffix(filepath.Base(oracle), ".shown.csv")
		bookName, sheet, _ := strings.Cut(base, ".")
		t.Run(base, func(t *testing.T) {
			book := books[bookName]
			if book == nil {
				data, err := os.ReadFile(filepath.Join("testdata", bookName+".xlsx"))
				if err != nil {
					t.Fatal(err)
				}
				if book, err = Open(data); err != nil {
					t.Fatal(err)
				}
				books[bookName] = book
			}
			want := readShown(t, oracle)
			g, err := book.Read(sheet, "", big)
			if err != nil {
				t.Fatal(err)
			}
			cells := 0
			for _, row := range g.Rows {
				for _, c := range row {
					cells++
					shown := ""
					if c.Row <= len(want) && c.Col <= len(want[c.Row-1]) {
						shown = want[c.Row-1][c.Col-1]
					}
					if c.Text != shown || c.Problem != "" {
						t.Errorf("%s%d: deck reads %q (%s), LibreOffice shows %q", colName(c.Col), c.Row, c.Text, c.Problem, shown)
					}
				}
			}
			visible := len(want) * len(want[0])
			if sheet == "layout" {
				visible = (len(want) - 1) * (len(want[0]) - 1) // row 4 and column E are hidden
			}
			if cells != visible {
				t.Errorf("deck read %d cells, LibreOffice shows %d (hidden ones aside)", cells, visible)
			}
		})
	}
	t.Run("numbers are numbers and percentages read as shown", func(t *testing.T) {
		g, err := books["calc"].Read("市场规模", "", big)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			row, col int
			want     float64
			format   string
		}{{6, 2, 1078, "#,##0"}, {7, 2, 3469, "#,##0"}, {3, 3, 28.6802030456853, "0.0%"}, {7, 4, 100, "0.0%"}} {
			c := g.Rows[tc.row-1][tc.col-1]
			if !c.IsNumber || math.Abs(c.Number-tc.want) > 1e-9 || c.Format != tc.format {
				t.Errorf("%s%d: %v %v %q, want the number %v in %q", colName(tc.col), tc.row, c.Number, c.IsNumber, c.Format, tc.want, tc.format)
			}
		}
	})
}

func TestFixturesOfOtherFormatsAreRefused(t *testing.T) {
	for name, want := range map[string]string{
		"old.xls":       "workbook: is an Excel 97–2003 workbook (.xls), which deck does not read: open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx)",
		"password.xlsx": "workbook: is protected by a password, so deck cannot read it: save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password, and clear it) and point data: at that",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Open(data); errString(err) != want {
			t.Errorf("%s: got %v, want %s", name, err, want)
		}
	}
}
