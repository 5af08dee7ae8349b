package layout_test

import (
	"math"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestQRCodeIsSizedForItsPage: a QR code that sets no size is 30% of the
// page's height on a closing slide, 110pt elsewhere; a size set is kept.
func TestQRCodeIsSizedForItsPage(t *testing.T) {
	for _, tt := range []struct {
		name, layout, qr string
		side             float64
	}{
		{"a QR code on a closing slide is 30% of the page's height", "closing", "https://example.com", 540 * 0.3},
		{"a QR code on a content slide is 110pt", "content", "https://example.com", 110},
		{"a QR code's own size is kept on a closing slide", "closing", "{url: https://example.com, size: 90}", 90},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\nslides:\n  - id: s\n    layout: " + tt.layout + "\n    title: 谢谢\n    blocks:\n      - qr: " + tt.qr + "\n"
			_, pages := layOut(t, "deck.yaml", src)
			side := 0.0
			for _, it := range pages[0].Items {
				// The code's white square, its quiet zone included.
				if b, ok := it.(layout.Box); ok && b.Fill.R == 255 && b.Fill.G == 255 && b.Fill.B == 255 && b.Rect.W == b.Rect.H {
					side = max(side, b.Rect.W)
				}
			}
			if math.Abs(side-tt.side) > 0.01 {
				t.Errorf("the code is %.2fpt square, want %.2f", side, tt.side)
			}
		})
	}
}
