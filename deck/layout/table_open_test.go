package layout_test

import (
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestTableRowsOpenWhenItCannotGrow: a table of eight rows whose longest
// cell keeps it from growing (a larger size would wrap it) opens its rows under fit:
// fill, so that it takes at least half of the body's height, its rows
// still one line each and all of one height, the whole inside the body;
// under fit: shrink its rows keep their height.
func TestTableRowsOpenWhenItCannotGrow(t *testing.T) {
	long := string([]rune(strings.Repeat("关于进一步提升电动汽车充电基础设施服务保障能力的实施意见", 3))[:70])
	rows := "[[时间, 名称], [2022.1, " + long + "]" + strings.Repeat(", [2022.8, 加快推进公路沿线充电基础设施建设]", 6) + "]"
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - table:\n          rows: " + rows + "\n"
	// The body's area, as under fill a body stands in it.
	const top, bottom = 85.0, 475.0
	var pitch [2]float64
	for i, fit := range []string{"shrink", "fill"} {
		t.Run("under "+fit+" the rows are one line each and inside the body", func(t *testing.T) {
			_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: "+fit+"\n")
			var bands []layout.Rect // the header's and the shaded rows' fills
			lines := map[float64]bool{}
			for _, it := range pages[0].Items {
				switch it := it.(type) {
				case layout.Box:
					if it.Rect.W == 880 && it.Rect.H > 5 {
						bands = append(bands, it.Rect)
					}
				case layout.TextRun:
					if it.Src.Line > 7 {
						lines[it.At.Y] = true
					}
				}
			}
			if len(lines) != 8 {
				t.Fatalf("the table's cells stand on %d lines, want 8: one a row", len(lines))
			}
			if len(bands) != 4 {
				t.Fatalf("found %d row bands, want the header's and the three shaded rows'", len(bands))
			}
			if math.Abs(bands[0].H-bands[1].H) > 0.01 {
				t.Errorf("the header is %.2fpt tall and a row %.2fpt, want one height", bands[0].H, bands[1].H)
			}
			last := bands[3].Y + bands[3].H // the eighth row is the last shaded
			if bands[0].Y < top || last > bottom {
				t.Errorf("the table spans %.1f to %.1f, want it inside the body, %g to %g", bands[0].Y, last, top, bottom)
			}
			pitch[i] = bands[0].H
			if share := (last - bands[0].Y) / (bottom - top); fit == "fill" && share < 0.5 {
				t.Errorf("the table takes %.0f%% of the body's height, want half or more", share*100)
			}
		})
	}
	if pitch[1] <= pitch[0]*1.2 {
		t.Errorf("the rows are %.2fpt tall under fill and %.2fpt under shrink, want them opened under fill", pitch[1], pitch[0])
	}
}
