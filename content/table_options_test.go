package content

import (
	"reflect"
	"testing"

	"github.com/deckpdf/deck/deck"
)

func tableOf(t *testing.T, table string, more ...string) *deck.Table {
	t.Helper()
	fsys := files(append([]string{"deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - table: " + table + "\n"}, more...)...)
	d, diags := Load(fsys, "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	return d.Slides[0].Blocks[0].(*deck.Table)
}

func TestTableOptionsSetNumbersAsAnalystsPublishThem(t *testing.T) {
	t.Run("a column of numbers is decimal, the stub and text columns auto", func(t *testing.T) {
		tb := tableOf(t, `{rows: [[年份, 收入, 变动, 说明], ["2022", "1,301.2", "(14.4)", 稳健], ["2023", "955.1", "-", "12"]]}`)
		want := []deck.Align{deck.AlignAuto, deck.AlignDecimal, deck.AlignDecimal, deck.AlignAuto}
		if !reflect.DeepEqual(tb.Align, want) {
			t.Errorf("align %v, want %v", tb.Align, want)
		}
	})
	t.Run("a column of gaps alone is not a column of numbers", func(t *testing.T) {
		tb := tableOf(t, `{rows: [[项目, 值], [a, "-"], [b, N/A]]}`)
		if want := []deck.Align{deck.AlignAuto, deck.AlignAuto}; !reflect.DeepEqual(tb.Align, want) {
			t.Errorf("align %v, want %v", tb.Align, want)
		}
	})
	t.Run("align overrides the default, and auto keeps it", func(t *testing.T) {
		tb := tableOf(t, `{align: [center, auto, left], rows: [[a, b, c], [x, "1.5", "2.5"]]}`)
		want := []deck.Align{deck.AlignCenter, deck.AlignDecimal, deck.AlignLeft}
		if !reflect.DeepEqual(tb.Align, want) {
			t.Errorf("align %v, want %v", tb.Align, want)
		}
	})
	t.Run("format writes the numbers of its columns and leaves gaps and the header", func(t *testing.T) {
		tb := tableOf(t, `{data: d.csv, format: ["", "#,##0.0", "0.00%"]}`, "d.csv", "项目,金额,占比\n甲,1301.25,2.05%\n乙,(955.1),1.9\n丙,-,N/A\n")
		want := [][]string{{"项目", "金额", "占比"}, {"甲", "1,301.3", "2.05%"}, {"乙", "-955.1", "1.90%"}, {"丙", "-", "N/A"}}
		if got := plainRows(tb.Groups[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("rows %q, want %q", got, want)
		}
	})
	t.Run("totals mark every row with a cell of one of their names", func(t *testing.T) {
		tb := tableOf(t, `{totals: [小计, 合计], rows: [[a, b, c], [x, y, "1"], ["", 小计, "1"], [z, y, "2"], [合计, "", "3"]]}`)
		if got := tb.Groups[0].Totals; !reflect.DeepEqual(got, []int{1, 3}) {
			t.Errorf("totals %v, want [1 3]", got)
		}
	})
	t.Run("merge spans repeated and empty cells, and a total starts anew", func(t *testing.T) {
		tb := tableOf(t, `{merge: [类别], totals: [合计], rows: [[类别, 项目, 值], [公司, 甲, "1"], [公司, 乙, "2"], ["", 丙, "3"], [个人, 丁, "4"], [个人, 戊, "5"], ["", 合计, "15"]]}`)
		want := []deck.RowSpan{{Row: 0, Col: 0, Rows: 3}, {Row: 3, Col: 0, Rows: 2}}
		if got := tb.Groups[0].Spans; !reflect.DeepEqual(got, want) {
			t.Errorf("spans %v, want %v", got, want)
		}
	})
	t.Run("merge spans no rows of a column without repeats", func(t *testing.T) {
		tb := tableOf(t, `{merge: [类别], rows: [[类别, 值], [公司, "1"], [个人, "2"]]}`)
		if got := tb.Groups[0].Spans; len(got) != 0 {
			t.Errorf("spans %v, want none", got)
		}
	})
}

func TestTableOptionMistakesAreReportedWhereWritten(t *testing.T) {
	const slide = "title: t\nslides:\n  - title: 标题\n    blocks:\n"
	tests := []struct {
		name string
		fsys map[string]string
		want string
	}{
		{"an unknown alignment, near a known one", map[string]string{"deck.yaml": slide + "      - table: {align: [left, rigth], rows: [[a, b], [x, y]]}\n"},
			"deck.yaml:5:31: error: unknown alignment \"rigth\" (did you mean \"right\"?); the choices are auto, left, center, right, decimal\n"},
		{"align with fewer alignments than columns", map[string]string{"deck.yaml": slide + "      - table: {align: [left], rows: [[a, b], [x, y]]}\n"},
			"deck.yaml:5:24: error: align has 1 alignment, the table has 2 columns\n"},
		{"align that is not a list", map[string]string{"deck.yaml": slide + "      - table: {align: right, rows: [[a, b], [x, y]]}\n"},
			"deck.yaml:5:24: error: align must be a list, one alignment a column, as [left, right, right]\n"},
		{"a format code that shows no number", map[string]string{"deck.yaml": slide + "      - table: {format: [\"\", abc], rows: [[a, b], [x, \"1\"]]}\n"},
			"deck.yaml:5:30: error: format \"abc\" is not a number format: write an Excel number-format code, as \"#,##0.0\" or \"0.0%\"\n"},
		{"format with more codes than columns", map[string]string{"deck.yaml": slide + "      - table: {format: [\"\", \"0.0\", \"0.0\"], rows: [[a, b], [x, \"1\"]]}\n"},
			"deck.yaml:5:25: error: format has 3 codes, the table has 2 columns\n"},
		{"a cell of a formatted column that is not a number", map[string]string{"deck.yaml": slide + "      - table: {data: d.csv, format: [\"\", \"#,##0.0\"]}\n", "d.csv": "项目,金额\n甲,约500\n"},
			"d.csv:2:3: error: 金额 of 甲 is \"约500\", not a number for the column's format \"#,##0.0\" (deck reads " + NumberForms + ")\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a total that no row has", map[string]string{"deck.yaml": slide + "      - table: {totals: [合记], rows: [[a, b], [合计, \"1\"]]}\n"},
			"deck.yaml:5:26: error: no row of the table has a cell \"合记\", to be a total (did you mean \"合计\"?)\n"},
		{"merge of a column the table does not have", map[string]string{"deck.yaml": slide + "      - table: {merge: [类型], rows: [[类别, 值], [公司, \"1\"]]}\n"},
			"deck.yaml:5:25: error: unknown column \"类型\" (did you mean \"类别\"?); the table has the columns 类别, 值\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var kv []string
			for k, v := range tt.fsys {
				kv = append(kv, k, v)
			}
			_, diags := Load(files(kv...), "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
