package content

import (
	"math"
	"testing"

	"github.com/deckpdf/deck/deck"
)

func TestNumbersAreReadAsAnalystsWriteThem(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"1,234.5", 1234.5},
		{"(1,301.2)", -1301.2},
		{"-1,301.2", -1301.2},
		{"−1,301.2", -1301.2}, // U+2212 MINUS SIGN
		{"－1,356.9", -1356.9}, // full-width hyphen-minus
		{"12.3%", 12.3},
		{"12.3 %", 12.3},
		{"12.3％", 12.3},
		{"－5.19％", -5.19},
		{"１，０７８", 1078},
		{"¥526.98", 526.98},
		{"￥1,000", 1000},
		{"$1,234", 1234},
		{"-¥5", -5},
		{"¥-5", -5},
		{"5.55万", 55500},
		{"3.2亿", 320000000},
		{"1.5万亿", 1.5e12},
		{"+3", 3},
		{" 652 ", 652},
		{"0.05", 0.05},
	} {
		v, ok := number(cell{text: tc.text})
		if !ok || v != tc.want {
			t.Errorf("%q: got %v %v, want %v", tc.text, v, ok, tc.want)
		}
	}
}

func TestTextsThatAreNotNumbersAreRefused(t *testing.T) {
	for _, text := range []string{"约500", "NaN", "Inf", "0x1F", "1_000", "1,23", "12,3456", "1-2", "--5", "((5))", "5万%", "%", "¥", "(5", "1.2.3", "二〇二一"} {
		t.Run(text, func(t *testing.T) {
			if v, ok := number(cell{text: text}); ok {
				t.Fatalf("%q is read as %v", text, v)
			}
			_, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - chart: {data: d.csv}\n", "d.csv", "年,值\n2021,\""+text+"\"\n"), "deck.yaml", "")
			want := "d.csv:2:6: error: 值 of 2021 is \"" + text + "\", not a number (deck reads " + NumberForms + ")\ndeck.yaml:5:23: note: the block that reads it\n"
			if got := diags.String(); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	t.Run("6.5e2", func(t *testing.T) {
		_, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - chart: {data: d.csv}\n", "d.csv", "年,值\n2021,6.5e2\n"), "deck.yaml", "")
		want := "d.csv:2:6: error: 值 of 2021 is \"6.5e2\", not a number (write the number as it should be printed: 652, not 6.52e2)\ndeck.yaml:5:23: note: the block that reads it\n"
		if got := diags.String(); got != want {
			t.Errorf("got:\n%s\nwant:\n%s", got, want)
		}
	})
}

func TestMissingValuesAreGaps(t *testing.T) {
	d, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: 标题\n    blocks:\n      - chart: {type: line, data: d.csv}\n",
		"d.csv", "季度,交易笔数\n2022Q1,1\n2022Q2,\n2022Q3,-\n2022Q4,—\n2023Q1,N/A\n2023Q2,#N/A\n2023Q3,7\n"), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	s := d.Slides[0].Blocks[0].(*deck.Chart).Series[0]
	if len(s.Values) != 7 {
		t.Fatalf("%d values, want 7: a missing value keeps its slot", len(s.Values))
	}
	for i := range s.Values {
		if gap := i > 0 && i < 6; s.Missing(i) != gap || gap != (s.Labels[i] == "") {
			t.Errorf("value %d: %v %q, missing %v", i, s.Values[i], s.Labels[i], s.Missing(i))
		}
	}
	if !math.IsNaN(s.Values[3]) {
		t.Errorf("a gap is %v, want NaN", s.Values[3])
	}
}
