package content

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/xuri/excelize/v2"
)

// model returns a workbook as an analyst keeps one: the market sizes as
// numbers shown #,##0, their growth as formulas shown 0.0% (written by
// excelize, so without saved values), and a second sheet of dates shown
// in a Chinese and a numeric format. edit changes it before it is saved.
func model(t *testing.T, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	style := func(format string) int {
		s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		must(err)
		return s
	}
	must(f.SetSheetName("Sheet1", "市场规模"))
	must(f.SetSheetRow("市场规模", "A1", &[]any{"年份", "中国金融云市场规模（亿元）", "增速"}))
	for i, v := range []int{394, 507, 652, 838, 1078} {
		r := strconvI(i + 2)
		must(f.SetCellValue("市场规模", "A"+r, 2021+i))
		must(f.SetCellValue("市场规模", "B"+r, v))
		must(f.SetCellStyle("市场规模", "B"+r, "B"+r, style("#,##0")))
		if i > 0 {
			must(f.SetCellFormula("市场规模", "C"+r, "B"+r+"/B"+strconvI(i+1)+"-1"))
			must(f.SetCellStyle("市场规模", "C"+r, "C"+r, style("0.0%")))
		}
	}
	_, err := f.NewSheet("政策")
	must(err)
	must(f.SetSheetRow("政策", "A1", &[]any{"时间", "政策文件"}))
	must(f.SetCellValue("政策", "A2", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle("政策", "A2", "A2", style(`yyyy"年"m"月"`)))
	must(f.SetCellValue("政策", "B2", "《金融科技发展规划（2022-2025）》"))
	must(f.SetCellValue("政策", "A3", time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle("政策", "A3", "A3", style("yyyy/mm")))
	must(f.SetCellValue("政策", "B3", "《关于推进“上云用数赋智”行动》"))
	if edit != nil {
		edit(f)
	}
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	must(err)
	return b.String()
}

func strconvI(i int) string { return strconv.Itoa(i) }

// deckWith returns the files of a deck of one slide whose blocks are
// given, with the workbook data/model.xlsx.
func deckWith(blocks, book string) fstest.MapFS {
	return files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n"+blocks, "data/model.xlsx", book)
}

func plainRows(g deck.TableGroup) [][]string {
	out := [][]string{plainTexts(g.Header)}
	for _, r := range g.Rows {
		out = append(out, plainTexts(r))
	}
	return out
}

func plainTexts(ts []deck.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Plain())
	}
	return out
}

func TestWorkbookCellsReadAsTheSpreadsheetShowsThem(t *testing.T) {
	d, diags := Load(deckWith("      - table: {data: data/model.xlsx}\n      - table: {data: data/model.xlsx, sheet: 政策}\n"+
		"      - chart: {id: a, type: bar, data: data/model.xlsx, sheet: 市场规模, range: A1:C6, line: [增速]}\n", model(t, func(f *excelize.File) {
		// 2021's growth, as the chart needs a value in each cell
		s, _ := f.GetCellStyle("市场规模", "C3")
		f.SetCellValue("市场规模", "C2", 0.2)
		f.SetCellStyle("市场规模", "C2", "C2", s)
	})), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	blocks := d.Slides[0].Blocks
	t.Run("a table shows the numbers formatted and the formulas computed", func(t *testing.T) {
		want := [][]string{{"年份", "中国金融云市场规模（亿元）", "增速"}, {"2021", "394", "20.0%"}, {"2022", "507", "28.7%"},
			{"2023", "652", "28.6%"}, {"2024", "838", "28.5%"}, {"2025", "1,078", "28.6%"}}
		if got := plainRows(blocks[0].(*deck.Table).Groups[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("dates show in their formats, a Chinese one too", func(t *testing.T) {
		want := [][]string{{"时间", "政策文件"}, {"2022年1月", "《金融科技发展规划（2022-2025）》"}, {"2020/04", "《关于推进“上云用数赋智”行动》"}}
		if got := plainRows(blocks[1].(*deck.Table).Groups[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("a chart takes the numbers, a percentage as shown", func(t *testing.T) {
		c := blocks[2].(*deck.Chart)
		if want := []float64{394, 507, 652, 838, 1078}; !reflect.DeepEqual(c.Series[0].Values, want) {
			t.Errorf("sizes %v, want %v", c.Series[0].Values, want)
		}
		if want := []string{"394", "507", "652", "838", "1,078"}; !reflect.DeepEqual(c.Series[0].Labels, want) {
			t.Errorf("labels %q, want %q", c.Series[0].Labels, want)
		}
		// 507/394-1 = 0.28680…: the chart takes 28.680…, the label 28.7%.
		if g := c.Series[1].Values[1]; g < 28.68 || g > 28.69 {
			t.Errorf("growth of 2022 is %v, want 28.68…", g)
		}
		if got, want := c.Series[1].Labels[1], "28.7%"; got != want {
			t.Errorf("growth label %q, want %q", got, want)
		}
		if c.Format != "#,##0" {
			t.Errorf("the chart's format is %q, want its first value cell's, #,##0", c.Format)
		}
	})
	t.Run("a cell is placed as sheet and cell", func(t *testing.T) {
		got := blocks[0].(*deck.Table).Groups[0].Rows[4][1].Pos.String()
		if want := "data/model.xlsx[市场规模]!B6"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
}

func TestWorkbookHiddenRowsAndColumnsAreLeftOut(t *testing.T) {
	book := model(t, func(f *excelize.File) {
		f.SetRowVisible("市场规模", 3, false) // 2022
		f.SetColVisible("市场规模", "C", false)
	})
	d, diags := Load(deckWith("      - table: {data: data/model.xlsx}\n      - chart: {id: a, type: bar, data: data/model.xlsx}\n", book), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	want := [][]string{{"年份", "中国金融云市场规模（亿元）"}, {"2021", "394"}, {"2023", "652"}, {"2024", "838"}, {"2025", "1,078"}}
	if got := plainRows(d.Slides[0].Blocks[0].(*deck.Table).Groups[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("table %q\nwant %q", got, want)
	}
	if got, want := d.Slides[0].Blocks[1].(*deck.Chart).Categories, []string{"2021", "2023", "2024", "2025"}; !reflect.DeepEqual(got, want) {
		t.Errorf("categories %q, want %q", got, want)
	}
}

// zipOf returns a zip archive of the named files; an entry whose content
// is "" is declared as huge instead.
func zipOf(t *testing.T, entries map[string]string) string {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, data := range entries {
		if data == "" {
			w, err := z.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, UncompressedSize64: 1 << 40, CompressedSize64: 4})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("abcd"))
			continue
		}
		w, _ := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		w.Write([]byte(data))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// encrypted returns the model workbook protected by a password, as
// excelize encrypts it (ECMA-376 agile encryption, as Excel does).
func encrypted(t *testing.T) string {
	t.Helper()
	f, err := excelize.OpenReader(strings.NewReader(model(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "p.xlsx")
	if err := f.SaveAs(name, excelize.Options{Password: "deck"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWorkbookDiagnostics(t *testing.T) {
	chart := "      - chart: {id: a, type: bar, data: data/model.xlsx, range: A1:B6}\n"
	note := "deck.yaml:5:41: note: the block that reads it\n"
	tests := []struct {
		name   string
		blocks string
		book   string
		want   string
	}{
		{"a text where a chart wants a number", chart, model(t, func(f *excelize.File) { f.SetCellStr("市场规模", "B4", "约652") }),
			"data/model.xlsx[市场规模]!B4: error: 中国金融云市场规模（亿元） of 2023 is \"约652\", not a number (the cell holds text: type the number itself, or leave the cell empty for a gap)\n" + note},
		{"an empty cell in stacked bars", "      - chart: {id: a, type: bar, stacked: true, data: data/model.xlsx, range: A1:B6}\n", model(t, func(f *excelize.File) { f.SetCellValue("市场规模", "B5", nil) }),
			"data/model.xlsx[市场规模]!B5: warning: 中国金融云市场规模（亿元） of 2024 is missing (\"\"): the stacked column of 2024 is drawn without it, shorter, and so is its total\ndeck.yaml:5:56: note: the block that reads it\n"},
		{"a broken workbook read by two blocks is reported once", "      - table: {data: data/model.xlsx}\n      - table: {data: data/model.xlsx, sheet: 政策}\n", "年份,规模\n",
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is not an Excel workbook (an .xlsx file is a zip archive, and this is not one): save it from Excel, WPS or LibreOffice as .xlsx\n"},
		{"Excel's lock file named as the workbook", "      - table: {data: data/~$model.xlsx}\n", model(t, nil),
			"deck.yaml:5:23: error: \"data/~$model.xlsx\" is the lock file Excel or WPS keeps while a workbook is open, not the workbook: name \"data/model.xlsx\"\n"},
		{"an empty cell in a pie is a slice left out", "      - chart: {id: a, type: pie, data: data/model.xlsx, range: A1:B6}\n", model(t, func(f *excelize.File) { f.SetCellValue("市场规模", "B5", nil) }),
			"data/model.xlsx[市场规模]!B5: warning: 中国金融云市场规模（亿元） of 2024 is missing (\"\"): a pie chart cannot show a gap, so it leaves the slice out\ndeck.yaml:5:41: note: the block that reads it\n"},
		{"an empty cell in a table is an empty cell", "      - table: {data: data/model.xlsx}\n", model(t, func(f *excelize.File) { f.SetCellValue("市场规模", "A5", nil) }),
			""},
		{"a sheet that is not there", "      - table: {data: data/model.xlsx, sheet: 市场规横}\n", model(t, nil),
			"deck.yaml:5:47: error: workbook \"data/model.xlsx\" has no sheet \"市场规横\" (did you mean \"市场规模\"?); its sheets are 市场规模, 政策\n"},
		{"a range beyond the cells the sheet uses", "      - table: {data: data/model.xlsx, range: A1:D20}\n", model(t, nil),
			"deck.yaml:5:47: error: in workbook \"data/model.xlsx\", range A1:D20 of sheet \"市场规模\" reaches beyond the cells the sheet uses, A1:C6: name a range inside it, or leave range out to read them all\n"},
		{"a range that is not one", "      - table: {data: data/model.xlsx, range: B}\n", model(t, nil),
			"deck.yaml:5:47: error: in workbook \"data/model.xlsx\", range \"B\" is not a range of cells: write its first and last cells, as in A1:C6\n"},
		{"merged cells in a chart's data", chart, model(t, func(f *excelize.File) { f.MergeCell("市场规模", "A3", "B3") }),
			"data/model.xlsx[市场规模]!A3: error: cells A3:B3 are merged, inside the chart's data: a chart needs a value in each cell; unmerge them, or name a range without them\n" + note},
		{"merged cells in a table", "      - table: {data: data/model.xlsx, range: A1:B6}\n", model(t, func(f *excelize.File) { f.MergeCell("市场规模", "A3", "B3") }),
			"data/model.xlsx[市场规模]!A3: warning: cells A3:B3 are merged: the table shows the text of the first in its own cell and leaves the others empty\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"merged cells in a column the table merges are its span", "      - table: {data: data/model.xlsx, range: A1:B6, merge: [年份]}\n", model(t, func(f *excelize.File) { f.MergeCell("市场规模", "A3", "A4") }),
			""},
		{"a formula that gives an error", "      - table: {data: data/model.xlsx}\n", model(t, func(f *excelize.File) { f.SetCellFormula("市场规模", "C4", "B4/0") }),
			"data/model.xlsx[市场规模]!C4: error: the cell has the formula =B4/0, which gives #DIV/0! (deck computed it: the workbook was saved without its value)\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a formula deck cannot compute", "      - table: {data: data/model.xlsx}\n", model(t, func(f *excelize.File) { f.SetCellFormula("市场规模", "C4", "FOOBAR(B4)") }),
			"data/model.xlsx[市场规模]!C4: error: the cell has the formula =FOOBAR(B4) with no saved value, and deck cannot compute it (not support FOOBAR function): open the workbook in Excel, WPS or LibreOffice and save it once\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a range whose rows are all hidden", "      - table: {data: data/model.xlsx, range: A3:B4}\n", model(t, func(f *excelize.File) {
			f.SetRowVisible("市场规模", 3, false)
			f.SetRowVisible("市场规模", 4, false)
		}),
			"data/model.xlsx[市场规模]: error: range A3:B4 shows no cells: its rows or columns are all hidden\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a range of more rows than a table takes", "      - table: {data: data/model.xlsx, range: A1:C2500}\n", model(t, func(f *excelize.File) { f.SetCellValue("市场规模", "A2500", 1) }),
			"deck.yaml:5:47: error: in workbook \"data/model.xlsx\", range A1:C2500 of sheet \"市场规模\" has 2500 rows; deck reads at most 2001\n"},
		{"a note under the table, after an empty row", "      - table: {data: data/model.xlsx}\n", model(t, func(f *excelize.File) { f.SetCellValue("市场规模", "A9", "来源：行业研究部测算") }),
			"data/model.xlsx[市场规模]!A9: warning: the table ends at its first empty row, and the cells below it, A9:C9, are left out: name a range to read them\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a sheet with a CSV file", "      - table: {data: data/d.csv, sheet: 市场规模}\n", model(t, nil),
			"deck.yaml:5:23: error: data file \"data/d.csv\" does not exist (did you mean \"data/model.xlsx\"?)\ndeck.yaml:5:42: error: sheet goes with a workbook (.xlsx), not with \"data/d.csv\"\n"},
		{"an old binary workbook", "      - table: {data: data/model.xlsx}\n", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 600),
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is an Excel 97–2003 workbook (.xls), which deck does not read: open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx)\n"},
		{"a workbook protected by a password", "      - table: {data: data/model.xlsx}\n", encrypted(t),
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is protected by a password, so deck cannot read it: save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password, and clear it) and point data: at that\n"},
		{"a damaged workbook", "      - table: {data: data/model.xlsx}\n", model(t, nil)[:3000],
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is damaged (zip: not a valid zip file): open it in Excel, WPS or LibreOffice and save it again\n"},
		{"a zip bomb", "      - table: {data: data/model.xlsx}\n", zipOf(t, map[string]string{"xl/worksheets/sheet1.xml": ""}),
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" unpacks to more than 100 MiB, the most deck reads: is it a workbook (it may be a zip bomb)?\n"},
		{"a CSV file named as a workbook", "      - table: {data: data/model.xlsx}\n", "年份,规模\n2021,394\n",
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is not an Excel workbook (an .xlsx file is a zip archive, and this is not one): save it from Excel, WPS or LibreOffice as .xlsx\n"},
		{"an OpenDocument spreadsheet", "      - table: {data: data/model.xlsx}\n", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is an OpenDocument file (.ods), not an Excel workbook: save it as .xlsx\n"},
		{"a workbook over the size limit", "      - table: {data: data/model.xlsx}\n", strings.Repeat("x", MaxBinaryBytes+1),
			"deck.yaml:5:23: error: workbook \"data/model.xlsx\" is larger than 50 MiB, the most deck reads\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(deckWith(tt.blocks, tt.book), "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// A macro-enabled workbook is read for its data; its macros are never
// run (deck has no way to run them: excelize reads only the cells).
func TestAWorkbookNamedAsACSVFileIsRecognised(t *testing.T) {
	_, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - table: {data: data/model.csv}\n", "data/model.csv", model(t, nil)), "deck.yaml", "")
	want := "data/model.csv: error: the file is an Excel workbook, not a CSV file: name it .xlsx, and deck reads it as a workbook\ndeck.yaml:5:23: note: the block that reads it\n"
	if got := diags.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestAMacroEnabledWorkbookIsReadForItsData(t *testing.T) {
	f, err := excelize.OpenReader(strings.NewReader(model(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	// A VBA project is a compound file; this one holds nothing to run.
	if err := f.AddVBAProject([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 504))); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "model.xlsm")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	types, err := fs.ReadFile(z, "[Content_Types].xml")
	if err != nil || !bytes.Contains(types, []byte("macroEnabled")) {
		t.Fatalf("excelize did not write a macro-enabled workbook: %v %s", err, types)
	}
	if _, err := fs.Stat(z, "xl/vbaProject.bin"); err != nil {
		t.Fatalf("no VBA project: %v", err)
	}
	fsys := files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - table: {data: data/model.xlsm, sheet: 政策}\n", "data/model.xlsm", string(data))
	d, diags := Load(fsys, "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if got := plainRows(d.Slides[0].Blocks[0].(*deck.Table).Groups[0])[1][0]; got != "2022年1月" {
		t.Errorf("A2 reads %q, want 2022年1月", got)
	}
}

func TestStatsReadTheirFiguresFromAWorkbookAsShown(t *testing.T) {
	book := model(t, func(f *excelize.File) {
		f.NewSheet("观点")
		f.SetSheetRow("观点", "A1", &[]any{"figure", "who", "statement"})
		f.SetSheetRow("观点", "A2", &[]any{0.601, "的银行数字战略制定者认为：", "云计算是基础技术设施。"})
		format := "约0.0%"
		s, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		f.SetCellStyle("观点", "A2", "A2", s)
		f.SetSheetRow("观点", "A3", &[]any{"约65%+", "的实践者认为：", "云原生架构具备高弹性。"})
	})
	d, diags := Load(deckWith("      - stats: {data: data/model.xlsx, sheet: 观点}\n", book), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	var got []string
	for _, s := range d.Slides[0].Blocks[0].(*deck.Stats).Items {
		got = append(got, s.Figure.Plain()+"|"+s.Who.Plain()+"|"+s.Statement.Plain())
	}
	want := []string{"约60.1%|的银行数字战略制定者认为：|云计算是基础技术设施。", "约65%+|的实践者认为：|云原生架构具备高弹性。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
