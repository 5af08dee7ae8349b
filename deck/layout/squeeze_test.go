package layout_test

import (
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// squeezeDeck is two paragraphs of a bank's results in the narrower of two
// columns, the first weighted left.
func squeezeDeck(left string) string {
	return `title: t
theme: theme.yaml
slides:
  - id: s
    title: 标题
    blocks:
      - columns:
          - weight: ` + left + `
            blocks:
              - paragraph: 左栏。
          - weight: 2
            blocks:
              - paragraph: 三季度净利息收入983.5亿元，环比回升0.4%；生息资产规模增长抵消了息差下行。
              - paragraph: 手续费及佣金净收入1,012.7亿元，同比增长6.0%，财富管理与托管业务贡献主要增量；投资收益563.2亿元，同比增长6.87%。
`
}

// compressedMarks returns the marks of runs that a justified line set at
// half their advance (TextRun.Half) where no other mark follows: not a
// pair squeezed ("）。"), but a mark that gave up its blank half.
func compressedMarks(runs []layout.TextRun) []string {
	var out []string
	for i, r := range runs {
		if !r.Half {
			continue
		}
		if i+1 < len(runs) && runs[i+1].At.Y == r.At.Y {
			if next := []rune(runs[i+1].Text)[0]; strings.ContainsRune("，。、；：）》」』”’】〕〉（《「『“‘【〔〈", next) {
				continue
			}
		}
		out = append(out, r.Text)
	}
	return out
}

// TestLooseLinesCompressTheirMarks: a justified line that would spread
// its characters more than a tenth of an em apart takes the next piece
// where its closing marks, at half their advance, make room for it, as
// CLREQ and Typst compress punctuation before they stretch a line; a line
// that is not loose keeps its marks whole, though they would make room.
func TestLooseLinesCompressTheirMarks(t *testing.T) {
	const first, second = 13, 14 // the lines of the paragraphs in deck.yaml
	t.Run("a loose line takes the next piece", func(t *testing.T) {
		_, pages := layOut(t, "deck.yaml", squeezeDeck("4"), "theme.yaml", "fit: shrink\n")
		var runs []layout.TextRun
		var text string
		for _, r := range itemsOf[layout.TextRun](pages[0]) {
			if r.Src.Line == second {
				runs = append(runs, r)
				text += r.Text
			}
		}
		if want := "手续费及佣金净收入1,012.7亿元，同比增长6.0%，财富管理与托管业务贡献主要增量；投资收益563.2亿元，同比增长6.87%。"; text != want {
			t.Fatalf("the paragraph reads %q, want %q", text, want)
		}
		if got := compressedMarks(runs); len(got) == 0 {
			t.Errorf("no mark gives up its blank half")
		}
		right := 634.67 + 285.33 // the column's right edge: 920
		ends := lineEnds(pages[0], second)
		for i, end := range ends[:len(ends)-1] {
			if math.Abs(end-right) > 0.01 {
				t.Errorf("line %d ends at %.2f, want it justified to %.2f", i+1, end, right)
			}
		}
		for _, r := range runs {
			if r.Spacing > 0.1*r.Size+1e-9 {
				t.Errorf("%q is spread %.3f em apart, more than a tenth of an em", r.Text, r.Spacing/r.Size)
			}
		}
	})
	t.Run("a line gives up two marks at most", func(t *testing.T) {
		for _, tt := range []struct{ weight, text string }{
			// Spread 0.135 em apart, the first line would take
			// ２，１００亿美元， only by halving eight marks.
			{"10", "苹果公司的iPhone’s销量达到３，０００万台，同比增长12.3%，其中，大中华区贡献主要增量；服务收入达到２，１００亿美元，创历史新高。"},
			// The first line would take the next piece by halving three.
			{"5", "收入、利润、资产、负债、现金、拨备均改善，不良率、覆盖率、资本充足率等指标达到2,345.67亿元，好于同业平均水平。"},
		} {
			src := strings.Replace(squeezeDeck("3"), "weight: 2", "weight: "+tt.weight, 1)
			src = strings.Replace(src, "三季度净利息收入983.5亿元，环比回升0.4%；生息资产规模增长抵消了息差下行。", tt.text, 1)
			_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: none\n")
			byLine := map[float64][]layout.TextRun{}
			for _, r := range itemsOf[layout.TextRun](pages[0]) {
				if r.Src.Line == first {
					byLine[r.At.Y] = append(byLine[r.At.Y], r)
				}
			}
			for y, runs := range byLine {
				if got := compressedMarks(runs); len(got) > 2 {
					t.Errorf("the line at %.2f gives up the blank halves of %d marks: %q", y, len(got), got)
				}
			}
		}
	})
	t.Run("a line that is not loose keeps its marks whole", func(t *testing.T) {
		// The first line of the first paragraph, 0.03 em apart, would
		// take 长 with its ，and ；at half their advance.
		_, pages := layOut(t, "deck.yaml", squeezeDeck("3"), "theme.yaml", "fit: shrink\n")
		runs := itemsOf[layout.TextRun](pages[0])
		if got := compressedMarks(runs); len(got) > 0 {
			t.Errorf("marks gave up their blank halves in lines that were not loose: %q", got)
		}
		if got := lineEnds(pages[0], first); len(got) != 2 {
			t.Errorf("the first paragraph has %d lines, want 2", len(got))
		}
	})
}
