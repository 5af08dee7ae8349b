package content

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing/fstest"

	"github.com/deckpdf/deck/content/workbook"
)

// ReportWorkbook is where DefaultWorkbook keeps the report's data.
const ReportWorkbook = "data/report.xlsx"

// dataLine is a line of deck.yaml that names a CSV file as data: its
// indentation up to the key, and the file.
var dataLine = regexp.MustCompile(`(?m)^( *(?:- )?)data: (data/([^/\s]+)\.csv)$`)

// DefaultWorkbook returns the files of the default report with its data in
// one workbook, ReportWorkbook, instead of CSV files: a sheet for each
// file, named as the file without .csv, each figure a number with the
// number format that prints it as the CSV file writes it. Its deck.yaml
// names the workbook and the sheet where it named the file; it renders
// the same text as Default.
func DefaultWorkbook() (fs.FS, error) {
	src := Default()
	out := fstest.MapFS{}
	var sheets []workbook.Sheet
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if path.Ext(p) != ".csv" {
			out[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	deckYAML := out[DeckFile].Data
	for _, m := range dataLine.FindAllSubmatch(deckYAML, -1) {
		rows, err := readCSV(src, string(m[2]))
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, workbook.Sheet{Name: string(m[3]), Rows: rows})
	}
	// "  data: data/x.csv" becomes "  data: data/report.xlsx" and a line
	// "  sheet: x" below it, at the column of data.
	out[DeckFile].Data = dataLine.ReplaceAllFunc(deckYAML, func(line []byte) []byte {
		m := dataLine.FindSubmatch(line)
		indent := strings.Repeat(" ", len(m[1]))
		return []byte(string(m[1]) + "data: " + ReportWorkbook + "\n" + indent + "sheet: " + string(m[3]))
	})
	var b bytes.Buffer
	if err := workbook.Write(&b, sheets); err != nil {
		return nil, err
	}
	out[ReportWorkbook] = &fstest.MapFile{Data: b.Bytes(), Mode: 0o644}
	return out, nil
}

// readCSV reads a CSV file of the report, its cells trimmed as the loader
// trims them.
func readCSV(fsys fs.FS, name string) ([][]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	for _, r := range rows {
		for i := range r {
			r[i] = strings.TrimSpace(r[i])
		}
	}
	return rows, err
}
