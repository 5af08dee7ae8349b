package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
)

// FuzzTableSplit lays out tables of any number of rows and cell lengths:
// every row is drawn once, in order, whatever pages the table takes.
func FuzzTableSplit(f *testing.F) {
	f.Add(uint8(40), uint16(60), "云计算作为底层基础类技术，")
	f.Add(uint8(3), uint16(2000), "布局先进高效的算力体系")
	f.Add(uint8(200), uint16(5), "a b")
	f.Fuzz(func(t *testing.T, rows uint8, length uint16, unit string) {
		unit = strings.Map(func(r rune) rune {
			if r < ' ' || r == '"' || r == '\\' || r > 0xFFFF || !defaultFonts(t).Has(r) {
				return -1
			}
			return r
		}, unit)
		if unit == "" || rows == 0 {
			return
		}
		cell := strings.Repeat(unit, int(length)%4000/len([]rune(unit))+1)
		var b strings.Builder
		b.WriteString("title: t\nslides:\n  - id: s\n    title: 表\n    blocks:\n      - table:\n          rows:\n            - [编号, 内容]\n")
		for i := 0; i < int(rows); i++ {
			fmt.Fprintf(&b, "            - [\"R%03d\", %q]\n", i, cell)
		}
		d, diags := content.Load(mapFS("deck.yaml", b.String()), "deck.yaml", "")
		if d == nil || diags.HasErrors() {
			return // the cell may be too long for one text: the loader says so
		}
		pages, _ := layout.Layout(d, defaultFonts(t))
		next := 0
		for _, p := range pages {
			for _, it := range p.Items {
				if r, ok := it.(layout.TextRun); ok && len(r.Text) == 4 && r.Text[0] == 'R' {
					if want := fmt.Sprintf("R%03d", next); r.Text != want {
						t.Fatalf("row %s drawn where %s was due", r.Text, want)
					}
					next++
				}
			}
		}
		if next != int(rows) {
			t.Fatalf("%d rows drawn of %d", next, rows)
		}
	})
}
