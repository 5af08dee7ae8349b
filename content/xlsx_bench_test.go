package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/content/workbook"
)

// tenSheets returns a deck of ten charts, each reading 100 rows of ten
// series (1,000 cells), from ten sheets of one workbook or from ten CSV
// files: 10,000 cells in all.
func tenSheets(b *testing.B, asWorkbook bool) fstest.MapFS {
	fsys := fstest.MapFS{}
	var deckYAML strings.Builder
	deckYAML.WriteString("title: t\nslides:\n")
	var sheets []workbook.Sheet
	for s := range 10 {
		rows := [][]string{{"年份"}}
		for c := range 10 {
			rows[0] = append(rows[0], fmt.Sprintf("系列%d", c))
		}
		for r := range 99 {
			row := []string{strconv.Itoa(1900 + r)}
			for c := range 10 {
				row = append(row, fmt.Sprintf("%d,%03d.%d", 1+r%9, (r*c+s)%1000, c))
			}
			rows = append(rows, row)
		}
		name := fmt.Sprintf("sheet%d", s)
		data := fmt.Sprintf("data: data/%s.csv", name)
		if asWorkbook {
			data = "data: data/model.xlsx, sheet: " + name
			sheets = append(sheets, workbook.Sheet{Name: name, Rows: rows})
		} else {
			var csv strings.Builder
			for _, r := range rows {
				csv.WriteString(`"` + strings.Join(r, `","`) + "\"\n")
			}
			fsys["data/"+name+".csv"] = &fstest.MapFile{Data: []byte(csv.String())}
		}
		fmt.Fprintf(&deckYAML, "  - title: 第%d页\n    blocks:\n      - chart: {id: c%d, type: bar, %s}\n", s+1, s, data)
	}
	if asWorkbook {
		var buf bytes.Buffer
		if err := workbook.Write(&buf, sheets); err != nil {
			b.Fatal(err)
		}
		fsys["data/model.xlsx"] = &fstest.MapFile{Data: buf.Bytes()}
	}
	fsys[DeckFile] = &fstest.MapFile{Data: []byte(deckYAML.String())}
	return fsys
}

func benchmarkTenSheets(b *testing.B, asWorkbook bool) {
	fsys := tenSheets(b, asWorkbook)
	for b.Loop() {
		if _, diags := Load(fsys, DeckFile, ""); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoadWorkbook10Sheets10000Cells loads a deck whose ten charts
// read 10,000 cells from ten sheets of one workbook;
// BenchmarkLoadCSV10Files10000Cells the same cells from ten CSV files.
func BenchmarkLoadWorkbook10Sheets10000Cells(b *testing.B) { benchmarkTenSheets(b, true) }

func BenchmarkLoadCSV10Files10000Cells(b *testing.B) { benchmarkTenSheets(b, false) }
