package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestInitXLSXRendersTheReportFromAWorkbook is the analyst's loop with a
// workbook: init the report with its data in data/report.xlsx, render it
// (the text, and here the bytes, of the built-in report), change a cell
// in the workbook as a spreadsheet program would, render again: the
// render names the one slide whose cells changed and the PDF shows the
// new figure.
func TestInitXLSXRendersTheReportFromAWorkbook(t *testing.T) {
	needTools(t, "pdftotext")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	work := t.TempDir()
	dir := filepath.Join(work, "my-report")
	if code, out, errs := runCode("init", "--xlsx", dir); code != 0 || !strings.Contains(out, "wrote 4 files") {
		t.Fatalf("init --xlsx: %d %s %s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "market-size.csv")); err == nil {
		t.Error("init --xlsx wrote the CSV files too")
	}
	mine, builtin := filepath.Join(work, "mine.pdf"), filepath.Join(work, "builtin.pdf")
	runOK(t, "render", "-c", dir, "-o", mine)
	runOK(t, "render", "-o", builtin)
	if a, b := tool(t, "pdftotext", "-raw", mine, "-"), tool(t, "pdftotext", "-raw", builtin, "-"); a != b {
		t.Fatalf("the workbook's report reads otherwise than the built-in one:\n%s\n---\n%s", a, b)
	}
	a, _ := os.ReadFile(mine)
	b, _ := os.ReadFile(builtin)
	if !bytes.Equal(a, b) {
		t.Error("the workbook's report does not render to the built-in report's bytes (the same numbers and texts should give the same PDF)")
	}

	book := filepath.Join(dir, "data", "report.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("market-size", "B6"); v != "1078" {
		t.Fatalf("market-size!B6 is %q, want 1078", v)
	}
	if err := f.SetCellValue("market-size", "B6", 1099); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := runOK(t, "render", "-c", dir, "-o", mine)
	if !strings.Contains(out, "slide 8 (market-size) changed") {
		t.Errorf("render said %q, want it to name slide 8 alone", out)
	}
	text := space.ReplaceAllString(tool(t, "pdftotext", "-raw", mine, "-"), "")
	if !strings.Contains(text, "3945076528381099") {
		t.Errorf("the PDF lacks the edited cell 1099:\n%s", text)
	}
}
