package layout_test

import (
	"math"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestPictureWidthAndCaption: an image's width, in points or as a share
// of its slot, bounds it, centred in its slot; its caption stands under
// it, centred on it.
func TestPictureWidthAndCaption(t *testing.T) {
	img := grayPNG(1200, 600)
	const inner = 880.0 // the page less its margins
	for _, tt := range []struct {
		name, spec string
		width      float64
	}{
		{"a width in points bounds the picture", "width: 300", 300},
		{"a width as a share takes that share of the slot", "width: 50%", inner / 2},
		{"without a width the picture is as wide as its slot allows", "height: 200", 400},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - image: {path: a.png, alt: 灰色, caption: 图1 充电量, " + tt.spec + "}\n"
			_, pages := layOut(t, "deck.yaml", src, "a.png", img)
			var pic layout.Rect
			var cap *layout.TextRun
			for _, it := range pages[0].Items {
				switch it := it.(type) {
				case layout.Image:
					pic = it.Rect
				case layout.TextRun:
					if it.Text == "图1 充电量" {
						cap = &it
					}
				}
			}
			if math.Abs(pic.W-tt.width) > 0.01 {
				t.Errorf("the picture is %.2fpt wide, want %.2f", pic.W, tt.width)
			}
			if mid := pic.X + pic.W/2; math.Abs(mid-(40+inner/2)) > 0.01 {
				t.Errorf("the picture's middle is at %.2f, want the slot's %.2f", mid, 40+inner/2)
			}
			if cap == nil {
				t.Fatal("no caption on the page")
			}
			if b := cap.Bounds(); b.Y < pic.Y+pic.H || b.Y > pic.Y+pic.H+20 {
				t.Errorf("the caption's top is at %.2f, want just under the picture's bottom %.2f", b.Y, pic.Y+pic.H)
			}
			if mid := cap.At.X + cap.Width()/2; math.Abs(mid-(pic.X+pic.W/2)) > 0.01 {
				t.Errorf("the caption's middle is at %.2f, want the picture's %.2f", mid, pic.X+pic.W/2)
			}
		})
	}
}
