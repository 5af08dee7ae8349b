package layout_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestNumberedList: a numbered list writes 1. 2. … 10. before its items,
// the points one under another, each number on its item's first baseline
// and clear of its text.
func TestNumberedList(t *testing.T) {
	var items []string
	for i := range 10 {
		items = append(items, fmt.Sprintf("第%d项", i+1))
	}
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - list:\n          marker: number\n          items: [" + strings.Join(items, ", ") + "]\n"
	_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: shrink\n")
	nums := map[string]layout.TextRun{}
	texts := map[string]layout.TextRun{}
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok {
			if strings.HasSuffix(r.Text, ".") {
				nums[r.Text] = r
			} else {
				texts[r.Text] = r
			}
		}
	}
	right := math.NaN()
	for i := range 10 {
		n, ok := nums[fmt.Sprintf("%d.", i+1)]
		if !ok {
			t.Fatalf("no number %d. on the page", i+1)
		}
		item := texts[items[i]]
		end := n.At.X + n.Width()
		if math.IsNaN(right) {
			right = end
		}
		if math.Abs(end-right) > 0.01 {
			t.Errorf("%s ends at %.2f, want %.2f as the others", n.Text, end, right)
		}
		if n.At.Y != item.At.Y {
			t.Errorf("%s stands on baseline %.2f, its item on %.2f", n.Text, n.At.Y, item.At.Y)
		}
		if end > item.At.X-item.Size*0.25 {
			t.Errorf("%s ends at %.2f, too close to its item at %.2f", n.Text, end, item.At.X)
		}
	}
}
