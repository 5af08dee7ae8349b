package render_test

import (
	"context"
	"testing"

	"github.com/deckpdf/deck/deck/render"
)

// BenchmarkPictures renders the built-in report's nine slides as 1920 px
// PNG pictures, from the deck files to the PNG bytes, charts drawn anew.
func BenchmarkPictures(b *testing.B) {
	for b.Loop() {
		if _, _, err := render.Pictures(context.Background(), render.Builtin(), render.Options{}, render.PictureOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
