package layout_test

import (
	"math"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestTextBesideAPictureFillsItsHeight: in columns of a picture without
// a height and a paragraph, the paragraph stands in the middle of the
// picture's height (its caption included) and grows past the body size
// under fit: fill, as a short body does; under fit: shrink it stays at
// the body size at the top of its column, as before.
func TestTextBesideAPictureFillsItsHeight(t *testing.T) {
	img := grayPNG(1200, 800)
	const body = 12.0
	para := strings.Repeat("公共充电量由2020年的约18亿千瓦时增长至2025年的约78亿千瓦时。", 2)
	for _, tt := range []struct {
		name, fit string
		grows     bool
	}{
		{"under fill the paragraph grows and stands in the middle of the picture's height", "fill", true},
		{"under shrink the paragraph stays at body size at the top of its column", "shrink", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - columns:\n" +
				"          - weight: 3\n            blocks:\n              - image: {path: a.png, alt: 灰色, caption: 图1 充电量}\n" +
				"          - weight: 2\n            blocks:\n              - paragraph: " + para + "\n"
			_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: "+tt.fit+"\n", "a.png", img)
			var pic, text layout.Rect
			var size float64
			for _, it := range pages[0].Items {
				if im, ok := it.(layout.Image); ok {
					pic = im.Rect
				}
			}
			for _, it := range pages[0].Items {
				if r, ok := it.(layout.TextRun); ok {
					b := r.Bounds()
					if r.Text == "图1 充电量" {
						pic.H = b.Y + b.H - pic.Y // the caption belongs to the picture's column
					} else if b.X > pic.X+pic.W {
						text, size = union(text, b), r.Size
					}
				}
			}
			if text.H == 0 {
				t.Fatal("no text beside the picture")
			}
			above, below := text.Y-pic.Y, pic.Y+pic.H-(text.Y+text.H)
			if tt.grows {
				if size <= body {
					t.Errorf("the paragraph is set at %gpt, want larger than the body's %gpt", size, body)
				}
				if math.Abs(above-below) > size {
					t.Errorf("the paragraph leaves %.1fpt above it and %.1fpt below, want them equal within a line", above, below)
				}
				return
			}
			if size != body || above > body {
				t.Errorf("the paragraph is set at %gpt, %.1fpt under the picture's top; want %gpt at its top", size, above, body)
			}
		})
	}
}

// union returns the smallest rectangle holding a and b; an empty a holds
// nothing.
func union(a, b layout.Rect) layout.Rect {
	if a.W == 0 && a.H == 0 {
		return b
	}
	x, y := min(a.X, b.X), min(a.Y, b.Y)
	return layout.Rect{X: x, Y: y, W: max(a.X+a.W, b.X+b.W) - x, H: max(a.Y+a.H, b.Y+b.H) - y}
}
