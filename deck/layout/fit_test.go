package layout_test

import (
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// bodyRuns returns the runs of page p written at line of deck.yaml, and
// the top and bottom of the lines they stand on.
func bodyRuns(p layout.Page, line int) (runs []layout.TextRun, top, bottom float64) {
	top, bottom = math.Inf(1), math.Inf(-1)
	for _, it := range p.Items {
		if r, ok := it.(layout.TextRun); ok && r.Src.Line == line {
			runs = append(runs, r)
			b := r.Bounds()
			top, bottom = min(top, b.Y), max(bottom, b.Y+b.H)
		}
	}
	return runs, top, bottom
}

// shrunkSize stands for any size under the body size and not under the
// minimum; maxSize for the theme's max_body.
const (
	shrunkSize = -1
	maxSize    = -2
)

// TestFitPolicies lays out one short paragraph under each policy and a
// long one under fill: a short body grows to the maximum size and stands
// in the middle of its area under fill, stays at body size at the top
// under shrink and none; a long one still shrinks under fill.
func TestFitPolicies(t *testing.T) {
	const sentence = "云计算作为底层基础类技术，可以整合算力与网络资源。"
	tests := []struct {
		name     string
		theme    string
		repeat   int
		size     float64
		centred  bool
		withData bool
	}{
		{"a short body grows to max_body and stands in the middle of its area under fill", "", 2, maxSize, true, false},
		{"a short body grows to a theme's own max_body", "sizes: {max_body: 14}\n", 2, 14, true, false},
		{"a short body stays at body size at the top under shrink", "fit: shrink\n", 2, 12, false, false},
		{"a short body stays at body size at the top under none", "fit: none\n", 2, 12, false, false},
		{"a long body still shrinks under fill", "", 80, shrunkSize, false, false},
		{"a body with a chart does not grow: the chart takes the room", "", 2, 12, false, true},
	}
	// The area of the body: from the top of a body at the top (shrink)
	// to the bottom a long body fills.
	_, shrunk := layOut(t, "deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: 短。\n", "theme.yaml", "fit: shrink\n")
	_, areaTop, _ := bodyRuns(shrunk[0], 7)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: " + strings.Repeat(sentence, tt.repeat) + "\n"
			if tt.withData {
				src += "      - chart: {id: c, type: bar, rows: [[a, b], [x, 1], [y, 2]]}\n"
			}
			d, pages := layOut(t, "deck.yaml", src, "theme.yaml", tt.theme+"labels: {note: 注释：}\n")
			runs, top, bottom := bodyRuns(pages[0], 7)
			if len(runs) == 0 {
				t.Fatal("no run of the paragraph")
			}
			if tt.size == maxSize {
				tt.size = d.Theme.Sizes.MaxBody
			}
			for _, r := range runs {
				if tt.size == shrunkSize && r.Size < d.Theme.Sizes.Body && r.Size >= d.Theme.Sizes.MinBody {
					continue
				}
				if r.Size != tt.size {
					t.Fatalf("the paragraph is set at %gpt, want %gpt", r.Size, tt.size)
				}
			}
			// The body ends where the footer's rule is, less the gaps
			// above it (notes' and body's).
			footRule := d.Theme.Page.H - d.Theme.Margins.Bottom - d.Theme.Sizes.Footer*2.1
			areaBottom := footRule - d.Theme.Sizes.Small*0.6 - d.Theme.Sizes.Body*0.8
			above, below := top-areaTop, areaBottom-bottom
			if tt.centred && math.Abs(above-below) > tt.size {
				t.Errorf("the body stands %.1fpt under the top of its area and %.1fpt over its bottom, want as much above as below", above, below)
			}
			if !tt.centred && math.Abs(above) > 1 { // the half-leading of a smaller size
				t.Errorf("the body stands %.1fpt under the top of its area, want at the top", above)
			}
		})
	}
}

// TestFillGrowsTheLineHeightAtMaxBody: a body at max_body with room left
// opens its lines up to line_height.max, and not beyond.
func TestFillGrowsTheLineHeightAtMaxBody(t *testing.T) {
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - list:\n          items: [" +
		strings.Repeat("第一项内容较长，需要换行才能读完，这是一个完整的句子。", 3) + ", 第二项]\n"
	for _, tt := range []struct {
		name, theme string
		leading     float64
	}{
		{"lines open up to line_height.max", "line_height: {min: 1.5, max: 1.9}\n", 1.9},
		{"lines stay at line_height.min when max is min", "line_height: {min: 1.5, max: 1.5}\n", 1.5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, pages := layOut(t, "deck.yaml", src, "theme.yaml", tt.theme)
			var ys []float64
			for _, it := range pages[0].Items {
				if r, ok := it.(layout.TextRun); ok && r.Src.Line == 8 && (len(ys) == 0 || r.At.Y != ys[len(ys)-1]) {
					ys = append(ys, r.At.Y)
				}
			}
			if len(ys) < 2 {
				t.Fatalf("%d lines, want 2 or more", len(ys))
			}
			if got := (ys[1] - ys[0]) / d.Theme.Sizes.MaxBody; math.Abs(got-tt.leading) > 0.001 {
				t.Errorf("line height %.3f, want %g", got, tt.leading)
			}
		})
	}
}
