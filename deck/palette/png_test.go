package palette

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestEncodePNGReadsBack writes indexed pictures of 1 to 256 colours, at
// every bit depth and at widths that end a packed byte early, and reads
// them back with image/png, which checks every chunk's CRC and the zlib
// stream's checksum: the same colours at the same pixels, and the same
// bytes when written twice.
func TestEncodePNGReadsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, colours := range []int{1, 2, 3, 4, 5, 16, 17, 255, 256} {
		for _, width := range []int{1, 7, 9, 333} {
			pal := make(color.Palette, colours)
			for i := range pal {
				pal[i] = color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(i), 255}
			}
			img := image.NewPaletted(image.Rect(0, 0, width, 5), pal)
			for i := range img.Pix {
				img.Pix[i] = uint8(rng.IntN(colours))
			}
			var b bytes.Buffer
			if err := EncodePNG(&b, img); err != nil {
				t.Fatal(err)
			}
			back, err := png.Decode(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatalf("%d colours, %d wide: image/png cannot read it: %v", colours, width, err)
			}
			got, ok := back.(*image.Paletted)
			if !ok || !got.Bounds().Eq(img.Bounds()) || len(got.Palette) != colours {
				t.Fatalf("%d colours, %d wide: read back as %T %v", colours, width, back, back.Bounds())
			}
			for y := range 5 {
				for x := range width {
					if got.At(x, y) != img.At(x, y) {
						t.Fatalf("%d colours, %d wide: the pixel at %d,%d is %v, was %v", colours, width, x, y, got.At(x, y), img.At(x, y))
					}
				}
			}
			var again bytes.Buffer
			EncodePNG(&again, img)
			if !bytes.Equal(again.Bytes(), b.Bytes()) {
				t.Fatalf("%d colours, %d wide: written twice, two files", colours, width)
			}
		}
	}
}

// TestEncodePNGRefusesWhatPNGCannotHold gives it an empty picture and too
// many colours.
func TestEncodePNGRefusesWhatPNGCannotHold(t *testing.T) {
	var b bytes.Buffer
	if err := EncodePNG(&b, image.NewPaletted(image.Rect(0, 0, 0, 3), color.Palette{color.Black})); err == nil {
		t.Error("an empty picture written")
	}
	if err := EncodePNG(&b, image.NewPaletted(image.Rect(0, 0, 2, 2), make(color.Palette, 257))); err == nil {
		t.Error("257 colours written")
	}
}
