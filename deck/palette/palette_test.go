package palette

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

// noise returns a picture of random opaque colours.
func noise(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.IntN(256))
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	return img
}

func TestReduce(t *testing.T) {
	// Three colours in stripes: the commonest first in the palette.
	stripes := image.NewRGBA(image.Rect(0, 0, 10, 4))
	for y := range 4 {
		for x := range 10 {
			c := color.RGBA{255, 255, 255, 255}
			switch {
			case x < 2:
				c = color.RGBA{200, 0, 0, 255}
			case x < 3:
				c = color.RGBA{0, 0, 90, 255}
			}
			stripes.Set(x, y, c)
		}
	}
	t.Run("a picture of few colours keeps them exactly, the commonest first", func(t *testing.T) {
		p := Reduce(stripes, 0)
		if p == nil || len(p.Palette) != 3 || p.Palette[0] != (color.RGBA{255, 255, 255, 255}) || p.Palette[2] != (color.RGBA{0, 0, 90, 255}) {
			t.Fatalf("palette %v", p)
		}
		for y := range 4 {
			for x := range 10 {
				if p.At(x, y) != stripes.At(x, y) {
					t.Fatalf("the pixel at %d,%d is %v, was %v", x, y, p.At(x, y), stripes.At(x, y))
				}
			}
		}
	})
	t.Run("noise is refused under a limit and reduced without one", func(t *testing.T) {
		img := noise(64, 64)
		if p := Reduce(img, 0.5); p != nil {
			t.Errorf("noise reduced to 256 colours within 0.5")
		}
		if p := Reduce(img, math.Inf(1)); p == nil || len(p.Palette) != 256 {
			t.Errorf("without a limit, noise gives %v", p)
		}
	})
}
