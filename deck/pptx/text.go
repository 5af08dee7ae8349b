package pptx

import (
	"math"

	"github.com/deckpdf/deck/deck/layout"
)

// A textLine is runs of one baseline that follow each other.
type textLine struct {
	runs []layout.TextRun
	x, y float64 // the start of the baseline
	size float64 // the largest size of its runs
}

// end returns where the line's last run ends.
func (l textLine) end() float64 {
	r := l.runs[len(l.runs)-1]
	return r.At.X + r.Width()
}

// A textBlock is lines stacked one under the other: one text box.
type textBlock struct {
	lines []textLine
	first int // the index in Page.Items of its first run: where it is drawn
	// bullet is the text of the list item's label that the block's first
	// line begins with, drawn as the paragraph's bullet at bulletX.
	bullet  *layout.TextRun
	role    layout.Role
	url     string // the hyperlink of its runs; "" for none
	lang    string
	isTitle bool
}

// sameBaseline is how close two baselines are to be one (in points).
const sameBaseline = 0.01

// splitLines groups runs, in reading order, into lines: a run on the
// baseline of the one before that starts less than an em after it ends
// continues its line.
func splitLines(runs []layout.TextRun) []textLine {
	var out []textLine
	for _, r := range runs {
		if n := len(out); n > 0 {
			l := &out[n-1]
			gap := r.At.X - l.end()
			if math.Abs(r.At.Y-l.y) < sameBaseline && gap > -r.Size && gap < r.Size {
				l.runs = append(l.runs, r)
				l.size = max(l.size, r.Size)
				continue
			}
		}
		out = append(out, textLine{runs: []layout.TextRun{r}, x: r.At.X, y: r.At.Y, size: r.Size})
	}
	return out
}

// splitBlocks groups lines into blocks: a line below the one before, by
// less than three of its ems, continues its block.
func splitBlocks(lines []textLine) [][]textLine {
	var out [][]textLine
	for _, l := range lines {
		if n := len(out); n > 0 {
			prev := out[n-1][len(out[n-1])-1]
			if d := l.y - prev.y; d > sameBaseline && d < 3*max(l.size, prev.size) {
				out[n-1] = append(out[n-1], l)
				continue
			}
		}
		out = append(out, []textLine{l})
	}
	return out
}

// A paragraph is lines of a block with one start and one line spacing:
// one a:p whose lines end in explicit breaks.
type paragraph struct {
	lines  []textLine
	pitch  float64 // the line spacing of its lines
	before float64 // the space above it beyond its pitch: the gap from the line before less the pitch
}

// paragraphs cuts a block into paragraphs: a line that starts elsewhere, or
// whose gap from the line before is not the paragraph's spacing, starts
// one. A paragraph takes the spacing of its own lines, the rest of the gap
// above it as space before it; the first line's spacing is that of the
// line after it, or 1.2 em for a block of one line.
func paragraphs(lines []textLine) []paragraph {
	var out []paragraph
	for i, l := range lines {
		gap := 1.2 * l.size
		if i > 0 {
			gap = l.y - lines[i-1].y
		}
		if n := len(out); n > 0 {
			p := &out[n-1]
			if math.Abs(l.x-p.lines[0].x) < sameBaseline && math.Abs(gap-p.pitch) < sameBaseline {
				p.lines = append(p.lines, l)
				continue
			}
		}
		p := paragraph{lines: []textLine{l}, pitch: gap}
		switch {
		case i == 0 && len(lines) > 1:
			p.pitch = lines[1].y - l.y
		case i > 0 && i+1 < len(lines) && math.Abs(lines[i+1].x-l.x) < sameBaseline:
			// The lines after go on with a smaller spacing: the rest
			// of the gap goes before the paragraph.
			if next := lines[i+1].y - l.y; next < gap {
				p.pitch, p.before = next, gap-next
			}
		}
		out = append(out, p)
	}
	return out
}

// pieces returns the runs of a line as the application will set them,
// each run flowing on from the end of the one before: where the layout
// moved a run (a squeezed punctuation mark, a gap), the last character
// of the run before is given the spacing that puts the next run in place.
// An application has no half-width forms: the mark that ends a Half run
// is drawn at its full advance and gives the half back in its spacing,
// so that the line, at its end too, is as wide as the layout set it (a
// table cell wraps a line wider than it).
func pieces(l textLine) []layout.TextRun {
	var out []layout.TextRun
	for i, r := range l.runs {
		flow := r.At.X + r.Width() + r.Spacing // where the next run follows on
		moved := i+1 < len(l.runs) && math.Abs(l.runs[i+1].At.X-flow) > 0.005
		if !moved && !r.Half {
			out = append(out, r)
			continue
		}
		head, last := splitLast(r)
		if head.Text != "" {
			out = append(out, head)
		}
		if last.Half {
			last.Half = false
			last.Spacing -= r.Size / 2
		}
		if moved {
			last.Spacing += l.runs[i+1].At.X - flow
		}
		out = append(out, last)
	}
	return out
}

// splitLast cuts a run before its last character.
func splitLast(r layout.TextRun) (head, last layout.TextRun) {
	rs := []rune(r.Text)
	head, last = r, r
	head.Text, head.Half = string(rs[:len(rs)-1]), false
	last.Text = string(rs[len(rs)-1:])
	if head.Text != "" {
		last.At.X = r.At.X + head.Width() + r.Spacing
	}
	return head, last
}
