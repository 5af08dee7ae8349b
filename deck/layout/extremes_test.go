package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestBlocksReadWellAtAnyLength lays out a list, a table and stats of one
// item and of many, under fill: no diagnostic, every run of text inside
// the margins and above the footer's rule, no two runs overlapping, and
// no body text (stats' figures aside) much over the theme's maximum.
func TestBlocksReadWellAtAnyLength(t *testing.T) {
	item := func(i int) string {
		return fmt.Sprintf("第%d项：云原生架构具备高弹性与容器化等特点", i+1)
	}
	blocks := map[string]func(n int) string{
		"a list": func(n int) string {
			var items []string
			for i := range n {
				items = append(items, item(i))
			}
			return "      - list:\n          items: [" + strings.Join(items, ", ") + "]\n"
		},
		"a table": func(n int) string {
			rows := "            - [年份, 说明, 规模]\n"
			for i := range n {
				rows += fmt.Sprintf("            - [%d, %s, %d]\n", 2000+i, item(i), 100+i)
			}
			return "      - table:\n          rows:\n" + rows
		},
		"stats": func(n int) string {
			var items []string
			for i := range n {
				items = append(items, fmt.Sprintf("{figure: %d%%, who: 受访者, statement: %s}", 10+i, item(i)))
			}
			return "      - stats:\n          items: [" + strings.Join(items, ", ") + "]\n"
		},
	}
	most := map[string]int{"a list": 14, "a table": 16, "stats": 5}
	for _, kind := range []string{"a list", "a table", "stats"} {
		for _, n := range []int{1, most[kind]} {
			t.Run(fmt.Sprintf("%s of %d reads well", kind, n), func(t *testing.T) {
				src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n" + blocks[kind](n)
				d, pages := layOut(t, "deck.yaml", src)
				th := d.Theme
				rule := th.Page.H - th.Margins.Bottom - th.Sizes.Footer*2.1
				for pi, p := range pages {
					var runs []layout.TextRun
					for _, it := range p.Items {
						r, ok := it.(layout.TextRun)
						if !ok {
							continue
						}
						b := r.Bounds()
						if b.Y+b.H > rule && r.Size != th.Sizes.Footer {
							t.Errorf("page %d: %q runs below the footer's rule", pi+1, r.Text)
						}
						if b.X < th.Margins.Left-0.01 || b.X+b.W > th.Page.W-th.Margins.Right+0.01 {
							t.Errorf("page %d: %q leaves the margins", pi+1, r.Text)
						}
						if r.Size < th.Sizes.Title && r.Size != th.Sizes.Footer && r.Size > th.Sizes.MaxBody*1.2 && kind != "stats" {
							t.Errorf("page %d: %q is set at %gpt, over the maximum", pi+1, r.Text, r.Size)
						}
						for _, o := range runs {
							ob := o.Bounds()
							if b.X < ob.X+ob.W-0.01 && ob.X < b.X+b.W-0.01 && b.Y < ob.Y+ob.H-0.01 && ob.Y < b.Y+b.H-0.01 {
								t.Errorf("page %d: %q overlaps %q", pi+1, r.Text, o.Text)
							}
						}
						runs = append(runs, r)
					}
				}
			})
		}
	}
}
