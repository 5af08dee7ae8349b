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

// TestReduceRuns reduces rows of runs of every length from 1 to 150
// pixels, some split by alpha alone, and checks every pixel and the
// palette's order against counts made pixel by pixel.
func TestReduceRuns(t *testing.T) {
	const w, h = 1001, 9
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(3, 4))
	for y := range h {
		for x := 0; x < w; {
			c := color.RGBA{uint8(rng.IntN(12) * 20), uint8(rng.IntN(10) * 25), 90, 255}
			n := 1 + rng.IntN(150)
			for ; n > 0 && x < w; n, x = n-1, x+1 {
				px := c
				if n%37 == 0 {
					px.A = 254 // the same colour, a different word
				}
				img.SetRGBA(x, y, px)
			}
		}
	}
	p := Reduce(img, 0)
	if p == nil {
		t.Fatal("a picture of 120 colours was not reduced exactly")
	}
	counts := map[color.RGBA]int{}
	for y := range h {
		for x := range w {
			c := img.RGBAAt(x, y)
			c.A = 255
			counts[c]++
			if got := p.At(x, y); got != c {
				t.Fatalf("the pixel at %d,%d is %v, was %v", x, y, got, c)
			}
		}
	}
	if len(p.Palette) != len(counts) {
		t.Fatalf("%d colours in the palette, %d in the picture", len(p.Palette), len(counts))
	}
	for i := 1; i < len(p.Palette); i++ {
		if a, b := counts[p.Palette[i-1].(color.RGBA)], counts[p.Palette[i].(color.RGBA)]; a < b {
			t.Fatalf("palette entry %d has %d pixels, entry %d has %d: not the commonest first", i-1, a, i, b)
		}
	}
}

// TestNearestIsPaletteIndex: nearest picks what color.Palette.Index picks,
// for random colours against random palettes, and against palettes of
// near and repeated colours, where sums tie.
func TestNearestIsPaletteIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	near := func(base uint32, spread uint32) uint32 {
		c := uint32(0)
		for shift := 0; shift < 24; shift += 8 {
			c |= (base>>shift&0xff + rng.Uint32()%spread) & 0xff << shift
		}
		return c
	}
	for trial := range 2000 {
		n := 1 + rng.IntN(256)
		spread := uint32(256)
		if trial%2 == 1 { // close colours, some the same: ties
			spread = 4
		}
		base := rng.Uint32() & 0xffffff
		colors := make([]uint32, n)
		for i := range colors {
			colors[i] = near(base, spread)
		}
		// The palette numbers colors backwards.
		ids := make([]int32, n)
		pal := make(color.Palette, n)
		for i := range ids {
			ids[i] = int32(n - 1 - i)
			pal[i] = rgba(colors[ids[i]])
		}
		finder := newNearest(colors, ids)
		for range 20 {
			c := near(base, spread+2)
			if got, want := finder.index(c), pal.Index(rgba(c)); got != want {
				t.Fatalf("nearest(%06x) = %d, Palette.Index = %d (palette %v)", c, got, want, pal)
			}
		}
	}
}
