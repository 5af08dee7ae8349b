package pixeldiff

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"
)

// white returns a white picture of w×h pixels.
func white(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return img
}

func TestDiffMeasuresThePageAndItsWorstTile(t *testing.T) {
	black := white(64, 32)
	// One 16×16 tile of the eight turned black.
	draw.Draw(black, image.Rect(16, 16, 32, 32), image.Black, image.Point{}, draw.Src)
	for _, c := range []struct {
		name        string
		a, b        image.Image
		mean, local float64
	}{
		{"a picture does not differ from itself", white(64, 32), white(64, 32), 0, 0},
		{"a black tile differs by 255 there and an eighth of it on the page", white(64, 32), black, 255.0 / 8, 255},
	} {
		t.Run(c.name, func(t *testing.T) {
			mean, local, err := Diff(c.a, c.b, Tile)
			if err != nil || math.Abs(mean-c.mean) > 1e-9 || local != c.local {
				t.Errorf("Diff = %v, %v, %v; want %v, %v", mean, local, err, c.mean, c.local)
			}
		})
	}
	t.Run("pictures of two sizes are an error", func(t *testing.T) {
		_, _, err := Diff(white(2, 2), white(3, 2), Tile)
		if err == nil || err.Error() != "pixeldiff: the pictures are (0,0)-(2,2) and (0,0)-(3,2)" {
			t.Errorf("error = %v", err)
		}
	})
}

func TestShrinkAveragesSquares(t *testing.T) {
	img := white(4, 2)
	img.Set(0, 0, color.Black) // a quarter of the first 2×2 square
	got := Shrink(img, 2)
	if got.Bounds().Size() != image.Pt(2, 1) {
		t.Fatalf("the picture is %v, want 2×1", got.Bounds().Size())
	}
	if c := got.RGBAAt(0, 0); c.R != 191 || c.A != 255 {
		t.Errorf("the first pixel is %v, want grey 191 (three quarters white)", c)
	}
	if c := got.RGBAAt(1, 0); c.R != 255 {
		t.Errorf("the second pixel is %v, want white", c)
	}
}
