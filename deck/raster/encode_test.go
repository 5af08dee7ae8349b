package raster_test

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/deckpdf/deck/deck/internal/pixeldiff"
	"github.com/deckpdf/deck/deck/raster"
)

// TestEncodeUsesAPaletteWhereItDoesNotHurt encodes a slide and a noisy
// photo: the slide is indexed and within half a level of its colours, the
// photo keeps its full colour, exactly.
func TestEncodeUsesAPaletteWhereItDoesNotHurt(t *testing.T) {
	pages := defaultPages(t)
	slide, err := raster.Draw(&pages[1], raster.Options{Width: 960})
	if err != nil {
		t.Fatal(err)
	}
	noise := image.NewRGBA(image.Rect(0, 0, 300, 200))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(rng.IntN(256))
		if i%4 == 3 {
			noise.Pix[i] = 255
		}
	}
	for _, c := range []struct {
		name    string
		img     *image.RGBA
		indexed bool
		maxMean float64
	}{
		{"a slide is written with a palette, within 0.5 of its colours", slide, true, 0.5},
		{"a photo is written in full colour, unchanged", noise, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := raster.Encode(&b, c.img); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&b)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := got.(*image.Paletted); ok != c.indexed {
				t.Errorf("indexed = %v, want %v (%T)", ok, c.indexed, got)
			}
			mean, _, err := pixeldiff.Diff(c.img, got, pixeldiff.Tile)
			if err != nil {
				t.Fatal(err)
			}
			if mean > c.maxMean {
				t.Errorf("the PNG differs from the picture by %.4f on average, want at most %.2f", mean, c.maxMean)
			}
		})
	}
}
