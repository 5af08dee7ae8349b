package content

import (
	"reflect"
	"testing"

	"github.com/deckpdf/deck/deck"
)

func chartOf(t *testing.T, chart string) *deck.Chart {
	t.Helper()
	d, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - chart: "+chart+"\n"), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	return d.Slides[0].Blocks[0].(*deck.Chart)
}

func TestChartOptionsShowValuesAsAnalystsPublishThem(t *testing.T) {
	t.Run("a NIM line with min set draws its cut axis", func(t *testing.T) {
		c := chartOf(t, `{type: line, min: 1.7, rows: [[年, 净息差], [2021, 2.05%], [2022, 1.91%], [2023, 1.82%]]}`)
		if c.Min == nil || *c.Min != 1.7 || c.Max != nil || !c.AxisShown() {
			t.Errorf("min %v max %v shown %v", c.Min, c.Max, c.AxisShown())
		}
		if want := []float64{2.05, 1.91, 1.82}; !reflect.DeepEqual(c.Series[0].Values, want) {
			t.Errorf("values %v, want %v", c.Series[0].Values, want)
		}
	})
	t.Run("a format and a scale write the labels", func(t *testing.T) {
		c := chartOf(t, `{axis: true, format: "#,##0.0", scale: 亿, unit: 元, rows: [[年, 营业收入], [2022, "135,000,000,000"], [2023, 1.4万亿]]}`)
		if want := []string{"1,350.0", "14,000.0"}; !reflect.DeepEqual(c.Series[0].Labels, want) {
			t.Errorf("labels %q, want %q", c.Series[0].Labels, want)
		}
		if c.Scale != 1e8 || c.ScaleName != "亿" || c.Unit != "元" {
			t.Errorf("scale %v %q unit %q", c.Scale, c.ScaleName, c.Unit)
		}
	})
	t.Run("a percentage format shows percentages as written", func(t *testing.T) {
		c := chartOf(t, `{format: "0.00%", rows: [[年, ROE], [2022, 12.5], [2023, 11.25%]]}`)
		if want := []string{"12.50%", "11.25%"}; !reflect.DeepEqual(c.Series[0].Labels, want) {
			t.Errorf("labels %q, want %q", c.Series[0].Labels, want)
		}
	})
	t.Run("a bar chart's lines have their own format, unscaled", func(t *testing.T) {
		c := chartOf(t, `{axis: true, format: "#,##0", scale: 亿, line_format: "0.0%", line: [ROE], rows: [[年, 净利润, ROE], [2022, 2.3亿, 12.5%], [2023, 2.5亿, 11.9%]]}`)
		if want := []string{"2", "3"}; !reflect.DeepEqual(c.Series[0].Labels, want) {
			t.Errorf("profit labels %q, want %q", c.Series[0].Labels, want)
		}
		if want := []string{"12.5%", "11.9%"}; !reflect.DeepEqual(c.Series[1].Labels, want) {
			t.Errorf("ROE labels %q, want %q", c.Series[1].Labels, want)
		}
	})
	t.Run("totals, colours and a highlighted series", func(t *testing.T) {
		c := chartOf(t, `{stacked: true, total: true, colors: {对公: "#1f4e79"}, highlight_series: [零售], rows: [[年, 对公, 零售], [2022, 1, 2]]}`)
		if !c.Total || c.Series[0].Color != "#1F4E79" || c.Series[1].Color != "" || !c.Series[1].Highlight || c.Series[0].Highlight {
			t.Errorf("total %v, series %+v", c.Total, c.Series)
		}
	})
}

func TestChartOptionDiagnostics(t *testing.T) {
	slide := "title: t\nslides:\n  - title: 标题\n    blocks:\n      - chart: "
	rows := ", rows: [[年, 甲, 乙], [2022, 1, 2]]}\n"
	for _, tc := range []struct{ name, chart, want string }{
		{"a format that shows no number", "{format: abc" + rows, "deck.yaml:5:25: error: format \"abc\" is not a number format: write an Excel number-format code, as \"#,##0.0\" or \"0.0%\"\n"},
		{"an axis on a horizontal bar chart", "{type: hbar, axis: true, rows: [[行业, 指数], [金融, 30.2]]}\n", "deck.yaml:5:35: error: axis goes with bar and line charts, not a hbar chart\n"},
		{"a min that cuts bars", "{min: 1" + rows, "deck.yaml:5:22: error: min (1) would cut the bars: bars start at zero (甲 of 2022 is 1); set min on a line chart to cut its axis\n"},
		{"a line point below min", "{type: line, min: 1.9, rows: [[年, 净息差], [2022, 1.91%], [2023, 1.82%]]}\n", "deck.yaml:5:34: error: 净息差 of 2023 (1.82%) is below min (1.9): the line would leave the chart\n"},
		{"a bar above max", "{max: 1.5" + rows, "deck.yaml:5:22: error: 乙 of 2022 (2) is above max (1.5): it would leave the chart\n"},
		{"max below min", "{min: 3, max: 2" + rows, "deck.yaml:5:30: error: max (2) must be above min (3)\n"},
		{"an unknown scale", "{scale: 万万" + rows, "deck.yaml:5:24: error: unknown scale \"万万\" (did you mean \"万\"?); the choices are 千, 万, 百万, 亿, 十亿, 万亿\n"},
		{"a scale with a percentage", "{format: \"0%\", scale: 万" + rows, "deck.yaml:5:38: error: scale 万 and a percentage format do not go together\n"},
		{"a total without stacking", "{total: true" + rows, "deck.yaml:5:24: error: total goes with stacked bars (type: bar, stacked: true): it draws each column's total above it\n"},
		{"a colour of a series not there", "{colors: {丙: \"#112233\"}" + rows, "deck.yaml:5:26: error: \"丙\" is not a series of the chart (did you mean \"甲\"?); its series are 甲, 乙\n"},
		{"a colour that is not one", "{colors: {甲: red}" + rows, "deck.yaml:5:29: error: the colour of 甲: colour \"red\" is not of the form #RRGGBB\n"},
		{"a highlighted series not there", "{highlight_series: [甲乙]" + rows, "deck.yaml:5:35: error: \"甲乙\" is not a series of the chart (did you mean \"甲\"?); its series are 甲, 乙\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Load(files("deck.yaml", slide+tc.chart), "deck.yaml", "")
			if got := diags.String(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
