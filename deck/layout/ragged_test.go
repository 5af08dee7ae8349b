package layout_test

import (
	"math"
	"sort"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// lineEnds returns the right end of each line of the runs written at
// line src of deck.yaml on page p, top to bottom.
func lineEnds(p layout.Page, src int) []float64 {
	ends := map[float64]float64{}
	for _, r := range itemsOf[layout.TextRun](p) {
		if r.Src.Line == src {
			ends[r.At.Y] = max(ends[r.At.Y], r.At.X+r.Width())
		}
	}
	ys := make([]float64, 0, len(ends))
	for y := range ends {
		ys = append(ys, y)
	}
	sort.Float64s(ys)
	out := make([]float64, len(ys))
	for i, y := range ys {
		out[i] = ends[y]
	}
	return out
}

// TestNarrowLatinParagraphsAreRagged: a paragraph mostly in Latin
// script in a narrow column is set flush left, its lines ending where
// their words do; a Chinese one there, and a Latin one across the page,
// are justified, every line but the last ending at the column's edge.
func TestNarrowLatinParagraphsAreRagged(t *testing.T) {
	const english = "Onshore indices extended September's rally in the first week of October, led by growth boards, before a pause as investors waited for fiscal detail and southbound buying slowed from its record."
	const chinese = "沪深300指数在十月第一周延续九月的涨势，成长板块领涨，随后投资者等待财政细节，南向资金流入也从纪录高位放缓，市场转入整理。"
	for _, tt := range []struct {
		name, blocks string
		right        float64 // the column's right edge
		ragged       bool
	}{
		{"a Latin paragraph in a narrow column is ragged", "      - columns:\n          - weight: 1\n            blocks:\n              - paragraph: " + english + "\n          - weight: 2\n            blocks:\n              - paragraph: 右栏。\n", 0, true},
		{"a Chinese paragraph in a narrow column is justified", "      - columns:\n          - weight: 1\n            blocks:\n              - paragraph: " + chinese + "\n          - weight: 2\n            blocks:\n              - paragraph: 右栏。\n", 0, false},
		{"a Latin paragraph across the page is justified", "      - paragraph: " + english + " " + english + "\n", 920, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n" + tt.blocks
			_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: shrink\n")
			line := 10 // the paragraph in the first column
			if tt.right != 0 {
				line = 7
			}
			ends := lineEnds(pages[0], line)
			if len(ends) < 3 {
				t.Fatalf("the paragraph has %d lines, want 3 or more", len(ends))
			}
			right := tt.right
			if right == 0 {
				right = 40 + (880-24)/3 // the first of columns weighted 1 and 2, a 24pt gutter between
			}
			short := 0
			for i, end := range ends[:len(ends)-1] {
				if end > right+1 {
					t.Errorf("line %d ends at %.2f, past the column's edge %.2f", i+1, end, right)
				}
				if math.Abs(end-right) > 1 {
					short++
				}
			}
			if tt.ragged && short == 0 {
				t.Errorf("every line but the last ends at the column's edge %.2f, want the lines ragged: %v", right, ends)
			}
			if !tt.ragged && short > 0 {
				t.Errorf("%d lines end before the column's edge %.2f, want them justified: %v", short, right, ends)
			}
		})
	}
}
