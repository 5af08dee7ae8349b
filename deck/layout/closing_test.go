package layout_test

import (
	"math"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestClosingSlideIsSizedForItsPage: a closing message short enough for
// one line at the cover title's size is set at it, a longer one at the
// title size; under fit: fill its link grows past the body's link size;
// the message, the link and a QR code stand as one group in the middle
// of the page's height, left of the brand panel.
func TestClosingSlideIsSizedForItsPage(t *testing.T) {
	t.Run("a line under the message grows only while it stays one line", func(t *testing.T) {
		src := "title: t\nslides:\n  - id: s\n    layout: closing\n    title: 谢谢\n    blocks:\n      - paragraph: 数据更新：编辑 data/model.xlsx 并保存，再运行 deck render。\n"
		_, pages := layOut(t, "deck.yaml", src)
		lines := map[float64]bool{}
		size := 0.0
		for _, r := range itemsOf[layout.TextRun](pages[0]) {
			if r.Src.Line == 7 {
				lines[r.At.Y], size = true, r.Size
			}
		}
		if len(lines) != 1 || size <= 12 {
			t.Errorf("the line is set on %d lines at %gpt, want one line larger than the body's 12pt", len(lines), size)
		}
	})
	const title, body, page, panel = 24.0, 12.0, 540.0, 960 * 0.64
	for _, tt := range []struct {
		name, title, blocks string
		titleSize           float64
	}{
		{"a short message is as large as the cover's title", "谢谢", "      - link: {text: 返回目录, url: \"#s\"}\n", title * 1.6},
		{"a long message is set at the title size", "预览已结束，完整报告链接和二维码如下：", "      - link: {text: 返回目录, url: \"#s\"}\n", title},
		{"a short message over a link and a QR code", "谢谢", "      - link: {text: 返回目录, url: \"#s\"}\n      - qr: https://example.com\n", title * 1.6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\nslides:\n  - id: s\n    layout: closing\n    title: " + tt.title + "\n    blocks:\n" + tt.blocks
			_, pages := layOut(t, "deck.yaml", src)
			top, bottom := math.Inf(1), math.Inf(-1)
			var titleSize, linkSize float64
			for _, it := range pages[0].Items {
				b := it.Bounds()
				if b.X >= panel-0.01 || b.W > panel { // the panel and what is on it
					continue
				}
				if b.X+b.W > panel {
					t.Errorf("an item spans %.1f to %.1f, into the panel at %.1f", b.X, b.X+b.W, panel)
				}
				top, bottom = min(top, b.Y), max(bottom, b.Y+b.H)
				if r, ok := it.(layout.TextRun); ok {
					if r.Text == "返回目录" {
						linkSize = r.Size
					} else {
						titleSize = max(titleSize, r.Size)
					}
				}
			}
			if math.Abs(titleSize-tt.titleSize) > 0.01 {
				t.Errorf("the message is set at %gpt, want %gpt", titleSize, tt.titleSize)
			}
			if linkSize <= body*1.15 {
				t.Errorf("the link is set at %gpt, want larger than a body's link (%gpt)", linkSize, body*1.15)
			}
			if mid := (top + bottom) / 2; math.Abs(mid-page/2) > title*0.5 {
				t.Errorf("the group spans %.1f to %.1f, its middle %.1f; want it in the middle of the page, %g", top, bottom, mid, page/2)
			}
		})
	}
}
