package content

import (
	"slices"
	"strings"
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

func TestAChartTakesItsColumnsByName(t *testing.T) {
	const csv = "规模,年,增速\n394,2021,28.6%\n510,2022,29.4%\n"
	type series struct {
		name   string
		labels string
		line   bool
		pos    string
	}
	tests := []struct {
		name       string
		options    string
		categories string
		series     []series
	}{
		{"the first column is the categories and every other a series of bars", "",
			"394 510", []series{{"年", "2021 2022", false, "d.csv:1:4"}, {"增速", "28.6% 29.4%", false, "d.csv:1:6"}}},
		{"x names the column of categories; the columns before and after it are series", "x: 年",
			"2021 2022", []series{{"规模", "394 510", false, "d.csv:1:1"}, {"增速", "28.6% 29.4%", false, "d.csv:1:6"}}},
		{"a line column is drawn as a line after the bars", "x: 年, line: 规模",
			"2021 2022", []series{{"增速", "28.6% 29.4%", false, "d.csv:1:6"}, {"规模", "394 510", true, "d.csv:1:1"}}},
		{"series picks and orders the columns of bars", "x: 年, series: [增速, 规模]",
			"2021 2022", []series{{"增速", "28.6% 29.4%", false, "d.csv:1:6"}, {"规模", "394 510", false, "d.csv:1:1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := ""
			if tt.options != "" {
				opts = ", " + tt.options
			}
			deckFile := "title: t\nslides:\n  - title: x\n    blocks:\n      - chart: {id: c, type: bar, data: d.csv" + opts + "}\n"
			d, diags := Load(files("deck.yaml", deckFile, "d.csv", csv), DeckFile, "")
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%s", diags)
			}
			c := d.Slides[0].Blocks[0].(*deck.Chart)
			if got := strings.Join(c.Categories, " "); got != tt.categories {
				t.Errorf("categories %q, want %q", got, tt.categories)
			}
			var got []series
			for _, s := range c.Series {
				got = append(got, series{s.Name, strings.Join(s.Labels, " "), s.Line, s.Pos.String()})
			}
			if !slices.Equal(got, tt.series) {
				t.Errorf("series:\n%v\nwant:\n%v", got, tt.series)
			}
		})
	}
}
