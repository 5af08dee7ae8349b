package layout_test

import (
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// boxesUnder returns the boxes of p that hold r, in the order drawn.
func boxesUnder(p layout.Page, r layout.Rect) []layout.Box {
	var out []layout.Box
	for _, it := range p.Items {
		if b, ok := it.(layout.Box); ok && b.Rect.X <= r.X+0.01 && b.Rect.Y <= r.Y+0.01 && b.Rect.X+b.Rect.W >= r.X+r.W-0.01 && b.Rect.Y+b.Rect.H >= r.Y+r.H-0.01 {
			out = append(out, b)
		}
	}
	return out
}

// TestComparisonItems: a comparison whose items are sentences sets them
// flush left, each after a round marker; one of short phrases centres
// each in its box; the highlighted column is the author's.
func TestComparisonItems(t *testing.T) {
	sentences := []string{"集中式架构通过纵向增加单机资源来提升系统处理能力，成本较高。", "新旧系统整合困难，新应用的部署周期长达数月之久。", "硬件高配低用的现象普遍存在，资源利用率偏低。"}
	phrases := []string{"大型机", "纵向拓展", "烟囱式部署"}
	for _, tt := range []struct {
		name      string
		items     []string
		highlight string
		flush     bool
		primary   int // the column whose heading is in the primary colour; -1 both
	}{
		{"sentences are flush left after markers, the right column highlighted by default", sentences, "", true, 1},
		{"short phrases are centred in their boxes", phrases, "", false, 1},
		{"the author highlights the left column", phrases, "highlight: left\n", false, 0},
		{"the author highlights neither", sentences, "highlight: none\n", true, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list := "[" + strings.Join(tt.items, ", ") + "]"
			src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - comparison:\n" + indent(tt.highlight, 10) +
				"          columns:\n            - {heading: 甲方, items: " + list + "}\n            - {heading: 乙方, items: " + list + "}\n"
			d, pages := layOut(t, "deck.yaml", src)
			p := pages[0]
			c := d.Theme.Colors
			for _, it := range p.Items {
				r, ok := it.(layout.TextRun)
				if !ok {
					continue
				}
				under := boxesUnder(p, r.Bounds())
				if r.Text == "甲方" || r.Text == "乙方" {
					col := map[string]int{"甲方": 0, "乙方": 1}[r.Text]
					want := c.Muted
					if tt.primary == -1 || tt.primary == col {
						want = c.Primary
					}
					if len(under) == 0 || under[len(under)-1].Fill != want {
						t.Errorf("heading %s is not on a %v box", r.Text, want)
					}
					continue
				}
				var cell *layout.Rect
				for i := range under {
					if under[i].Fill == c.Light {
						cell = &under[i].Rect
					}
				}
				if cell == nil {
					continue // not an item
				}
				left, right := r.At.X-cell.X, cell.X+cell.W-(r.At.X+r.Width())
				if tt.flush {
					marker := false
					for _, it := range p.Items {
						if b, ok := it.(layout.Box); ok && b.Radius > 0 && b.Rect.W < r.Size && b.Rect.X > cell.X && b.Rect.X+b.Rect.W < r.At.X && b.Rect.Y > cell.Y && b.Rect.Y < cell.Y+cell.H {
							marker = true
						}
					}
					if !marker {
						t.Errorf("item line %q has no marker before it in its box", r.Text)
					}
				} else if math.Abs(left-right) > 0.5 {
					t.Errorf("item %q stands %.1fpt from its box's left and %.1fpt from its right, want centred", r.Text, left, right)
				}
			}
		})
	}
}

// indent puts n spaces before every line of s.
func indent(s string, n int) string {
	if s == "" {
		return ""
	}
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+pad) + "\n"
}
