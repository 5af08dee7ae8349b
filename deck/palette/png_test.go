package palette

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"testing"
)

// encodePNG writes an indexed picture as EncodeReducedPNG writes the
// rows it indexes, for pictures made to test the writing alone.
func encodePNG(w io.Writer, p *image.Paletted) error {
	b := p.Bounds()
	return writePNG(w, b, p.Palette, func(dst []byte, y int) {
		copy(dst, p.Pix[p.PixOffset(b.Min.X, y):])
	})
}

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
			if err := encodePNG(&b, img); err != nil {
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
			encodePNG(&again, img)
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
	if err := encodePNG(&b, image.NewPaletted(image.Rect(0, 0, 0, 3), color.Palette{color.Black})); err == nil {
		t.Error("an empty picture written")
	}
	if err := encodePNG(&b, image.NewPaletted(image.Rect(0, 0, 2, 2), make(color.Palette, 257))); err == nil {
		t.Error("257 colours written")
	}
}

// TestEncodeReducedPNGIsEncodeOfReduce writes pictures of runs in a few
// hundred colours, and of noise, both ways: the same bytes, and nothing
// where Reduce refuses.
func TestEncodeReducedPNGIsEncodeOfReduce(t *testing.T) {
	runs := image.NewRGBA(image.Rect(0, 0, 517, 23))
	rng := rand.New(rand.NewPCG(7, 8))
	for y := range 23 {
		for x := 0; x < 517; {
			c := color.RGBA{uint8(rng.IntN(30) * 8), uint8(rng.IntN(20) * 12), 40, 255}
			for n := 1 + rng.IntN(60); n > 0 && x < 517; n, x = n-1, x+1 {
				runs.SetRGBA(x, y, c)
			}
		}
	}
	for _, tc := range []struct {
		name    string
		img     *image.RGBA
		maxMean float64
	}{{"runs", runs, math.Inf(1)}, {"noise", noise(64, 48), math.Inf(1)}, {"noise under a limit", noise(64, 48), 0.5}} {
		var want bytes.Buffer
		if p := Reduce(tc.img, tc.maxMean); p != nil {
			if err := encodePNG(&want, p); err != nil {
				t.Fatal(err)
			}
		}
		var got bytes.Buffer
		ok, err := EncodeReducedPNG(&got, tc.img, tc.maxMean)
		if err != nil {
			t.Fatal(err)
		}
		if ok != (want.Len() > 0) || !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: EncodeReducedPNG wrote %d bytes (%v), encodePNG of Reduce %d", tc.name, got.Len(), ok, want.Len())
		}
	}
}
