package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleFigures are figures each deck in examples/ must print, as a
// reader finds them in the PDF's text: a value label, an axis or table
// number written with its format, a total.
var exampleFigures = map[string][]string{
	// The bank's results: the NIM's last point, a revenue bar in 亿元, a
	// (1,301.2) negative and the 合计 row of the table, a pie slice.
	"results": {"1.82%", "2.05%", "5,264", "(1,301.2)", "(1,356.9)", "2,638.6", "64.6%", "12.38%"},
	// The payment statistics: a bar in 亿笔, a line point in 万亿元, a
	// negative growth rate, an ATM count in 万台, the tables' totals.
	"payments": {"3,259", "99.9", "-11.4%", "85.4", "-5.19%", "13,097.28", "12,049.86"},
	// The workbook note: figures as LibreOffice shows the cells.
	"workbook": {"1,078", "28.6%", "65.0%"},
	// The quarterly results from an openpyxl workbook: a big number, a
	// stacked bar's value, a margin in 0.00%, the table's numbered title and a
	// negative change; the agenda's page numbers.
	"quarterly": {"1,568.3亿元", "1,012", "1.70%", "表1前三季度主要财务指标", "-3.2%", "01盈利3"},
	// The policy briefing: the agenda of sections with their pages, a
	// footnote after its number, the numbered table, the quotation.
	"policy": {"01适用范围与基本原则", "1服务商的责任", "表1三级数据的主要管理要求", "——示例监管部门负责人"},
	// The market update: Figure and Table numbers in English, a figure
	// with its currency, a mixed-script row.
	"market": {"Figure1.Indexreturns", "Table1.Netflows", "¥3.45trn", "Householddeposits居民存款", "-1,670"},
}

// TestExamplesRender renders every deck in examples/ and reads its text
// back: each renders with no error or warning, and its key figures are in
// the PDF, written as the deck's formats write them.
func TestExamplesRender(t *testing.T) {
	needTools(t, "pdftotext")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		seen++
		name := e.Name()
		t.Run(name+" renders without a diagnostic and prints its key figures", func(t *testing.T) {
			dir := filepath.Join("..", "..", "examples", name)
			pdf := filepath.Join(t.TempDir(), name+".pdf")
			code, _, errs := runCode("render", "-c", dir, "-o", pdf)
			if code != 0 {
				t.Fatalf("deck render -c %s exited %d:\n%s", dir, code, errs)
			}
			if errs != "" {
				t.Errorf("deck render -c %s printed diagnostics:\n%s", dir, errs)
			}
			figures, ok := exampleFigures[name]
			if !ok {
				t.Fatalf("examples/%s has no key figures in exampleFigures: add a few the PDF must show", name)
			}
			text := space.ReplaceAllString(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"), "")
			for _, want := range figures {
				if !strings.Contains(text, want) {
					t.Errorf("the PDF of examples/%s lacks %q", name, want)
				}
			}
		})
	}
	if seen < len(exampleFigures) {
		t.Errorf("examples/ holds %d decks, want at least the %d named in exampleFigures", seen, len(exampleFigures))
	}
}
