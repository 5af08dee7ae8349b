package pptx

import (
	"math"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func TestPiecesPutEveryRunWhereTheLayoutPutIt(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	face := set.Regular
	run := func(x float64, text string, spacing float64) layout.TextRun {
		return layout.TextRun{At: layout.Point{X: x, Y: 100}, Face: face, Size: 10, Text: text, Spacing: spacing}
	}
	a := run(10, "规划（2022）", 0.2)
	flows := a.At.X + a.Width() + a.Spacing
	for _, c := range []struct {
		name string
		next float64 // where the layout put the second run
	}{
		{"a run that follows on is left as it is", flows},
		{"a run set 5 pt back (a squeezed bracket) takes the spacing from the character before", flows - 5},
		{"a run set 3 pt on takes a wider spacing from the character before", flows + 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			line := splitLines([]layout.TextRun{a, run(c.next, "》", 0)})[0]
			got := pieces(line)
			// Flow the pieces as an application does: each starts where
			// the one before ends, plus that one's spacing after its last
			// character.
			x := got[0].At.X
			for i, p := range got {
				if i == len(got)-1 {
					if math.Abs(x-c.next) > 0.01 {
						t.Errorf("the last run flows to %.3f, the layout put it at %.3f", x, c.next)
					}
				}
				x += p.Width() + p.Spacing
			}
			var text string
			for _, p := range got {
				text += p.Text
			}
			if text != "规划（2022）》" {
				t.Errorf("the pieces say %q", text)
			}
		})
	}
}

func TestParagraphsBreakWhereStartOrSpacingChanges(t *testing.T) {
	line := func(x, y float64) textLine { return textLine{x: x, y: y, size: 12} }
	for _, c := range []struct {
		name  string
		lines []textLine
		want  []int     // lines a paragraph
		space []float64 // the space before each
	}{
		{"lines of one start and spacing are one paragraph", []textLine{line(10, 20), line(10, 38.6), line(10, 57.2)}, []int{3}, []float64{0}},
		{"a wider gap starts a paragraph with space before it", []textLine{line(10, 20), line(10, 38.6), line(10, 61.4), line(10, 80)}, []int{2, 2}, []float64{0, 4.2}},
		{"a line that starts elsewhere starts a paragraph", []textLine{line(10, 20), line(30, 38.6)}, []int{1, 1}, []float64{0, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []int
			for k, p := range paragraphs(c.lines) {
				got = append(got, len(p.lines))
				if k < len(c.space) && math.Abs(p.before-c.space[k]) > 0.001 {
					t.Errorf("paragraph %d has %.2f pt before it, want %.2f", k+1, p.before, c.space[k])
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("paragraphs of %v lines, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("paragraphs of %v lines, want %v", got, c.want)
				}
			}
		})
	}
}

// TestPiecesDrawHalfMarksAtTheirSetWidth: an application has no
// half-width forms, so a mark a justified line set at half its advance
// (TextRun.Half) is drawn full and gives the half back in spacing: the
// run after it, and the line's end, are where the layout put them.
func TestPiecesDrawHalfMarksAtTheirSetWidth(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	half := layout.TextRun{At: layout.Point{X: 10, Y: 100}, Face: set.Regular, Size: 12, Text: "主要增量；", Spacing: 0.2, Half: true}
	next := layout.TextRun{At: layout.Point{X: half.At.X + half.Width() + half.Spacing, Y: 100}, Face: set.Regular, Size: 12, Text: "投资收益，", Spacing: 0.2, Half: true}
	got := pieces(splitLines([]layout.TextRun{half, next})[0])
	x, text := got[0].At.X, ""
	for _, p := range got {
		if p.Half {
			t.Errorf("piece %q is Half: an application would draw its mark full", p.Text)
		}
		if p.Text == "投资收益" && math.Abs(x-next.At.X) > 0.01 {
			t.Errorf("the run after the half mark flows to %.3f, the layout put it at %.3f", x, next.At.X)
		}
		x += p.Width() + p.Spacing // as an application flows them, each mark full
		text += p.Text
	}
	if end := next.At.X + next.Width() + next.Spacing; math.Abs(x-end) > 0.01 {
		t.Errorf("the line ends at %.3f, the layout ended it at %.3f", x, end)
	}
	if text != "主要增量；投资收益，" {
		t.Errorf("the pieces say %q", text)
	}
}
