package content

import (
	"testing"

	"github.com/deckpdf/deck/deck"
)

func TestALineBreakInACellIsANewlineHoweverWritten(t *testing.T) {
	const fromCSV = "title: t\nslides:\n  - title: x\n    blocks:\n      - table: {data: d.csv}\n      - chart: {id: c, type: bar, data: d.csv}\n"
	fromRows := func(rows string) string {
		return "title: t\nslides:\n  - title: x\n    blocks:\n      - table: {rows: " + rows + "}\n      - chart: {id: c, type: bar, rows: " + rows + "}\n"
	}
	tests := []struct {
		name, deck, csv string
	}{
		{"CR LF inside quotes in a CSV file of LF lines", fromCSV, "指标,值\n\"增长\r\n-3%\",1\n"},
		{"CR LF inside quotes in a CSV file of CR LF lines", fromCSV, "指标,值\r\n\"增长\r\n-3%\",1\r\n"},
		{"a lone CR inside quotes in a CSV file", fromCSV, "指标,值\n\"增长\r-3%\",1\n"},
		{"a lone CR unquoted in a CSV file", fromCSV, "指标,值\n增长\r-3%,1\n"},
		{"a CR escaped in a YAML cell", fromRows(`[[指标, 值], ["增长\r-3%", 1]]`), ""},
		{"a CR LF escaped in a YAML cell", fromRows(`[[指标, 值], ["增长\r\n-3%", 1]]`), ""},
		{"a literal block in a deck file of CR LF lines", "title: t\r\nslides:\r\n  - title: x\r\n    blocks:\r\n" +
			"      - table:\r\n          rows:\r\n            - [指标, 值]\r\n            - - |\r\n                增长\r\n                -3%\r\n              - 1\r\n" +
			"      - chart:\r\n          id: c\r\n          type: bar\r\n          rows:\r\n            - [指标, 值]\r\n            - - |-\r\n                增长\r\n                -3%\r\n              - 1\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := Load(files("deck.yaml", tt.deck, "d.csv", tt.csv), DeckFile, "")
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%s", diags)
			}
			tb := d.Slides[0].Blocks[0].(*deck.Table)
			if got := tb.Groups[0].Rows[0][0].Plain(); got != "增长\n-3%" {
				t.Errorf("the table's cell is %q, want %q", got, "增长\n-3%")
			}
			if got := d.Slides[0].Blocks[1].(*deck.Chart).Categories; len(got) != 1 || got[0] != "增长\n-3%" {
				t.Errorf("the chart's categories are %q, want [%q]", got, "增长\n-3%")
			}
		})
	}
}
