package palette

import (
	"bytes"
	"encoding/binary"
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

// rgbaOf returns the image.RGBA of the same pixels as img.
func rgbaOf(img *Indexed) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	for i, id := range img.IDs {
		binary.LittleEndian.PutUint32(out.Pix[4*i:], img.Colors[id])
	}
	return out
}

// TestEncodeIndexedPNGWritesWhatReducedWrites: pictures of runs of a few
// colours to thousands, some colours alike but for alpha, some ids never
// used, are written byte for byte as EncodeReducedPNG writes their
// image.RGBA; and under a limit they are refused alike.
func TestEncodeIndexedPNGWritesWhatReducedWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, colours := range []int{1, 3, 200, 256, 257, 3000} {
		for _, width := range []int{1, 17, 640} {
			img := &Indexed{Rect: image.Rect(5, 9, 5+width, 9+40)}
			for i := range colours + 10 { // ten ids no pixel has
				c := rng.Uint32() | 0xff000000
				if i%9 == 1 && i > 0 {
					c = img.Colors[i-1] &^ 0xff000000 // the colour before, transparent
				}
				img.Colors = append(img.Colors, c)
			}
			for len(img.IDs) < width*40 {
				id := uint16(rng.IntN(colours))
				for n := 1 + rng.IntN(60); n > 0 && len(img.IDs) < width*40; n-- {
					img.IDs = append(img.IDs, id)
				}
			}
			for _, limit := range []float64{math.Inf(1), 0.5} {
				var got, want bytes.Buffer
				okGot, err := EncodeIndexedPNG(&got, img, limit)
				if err != nil {
					t.Fatal(err)
				}
				okWant, err := EncodeReducedPNG(&want, rgbaOf(img), limit)
				if err != nil {
					t.Fatal(err)
				}
				if okGot != okWant || !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%d colours, %d wide, limit %g: reduced %v, %d bytes; from the RGBA picture %v, %d bytes", colours, width, limit, okGot, got.Len(), okWant, want.Len())
				}
			}
		}
	}
}

// TestRunLength16 counts runs of every length from 1 to 70 at every
// offset, the run ended by another id or by the row's end.
func TestRunLength16(t *testing.T) {
	for n := 1; n <= 70; n++ {
		for _, end := range []bool{false, true} {
			row := make([]uint16, 0, n+1)
			for range n {
				row = append(row, 0x0102)
			}
			if !end {
				row = append(row, 0x0103)
			}
			for off := range n {
				if got := runLength16(row[off:]); got != n-off {
					t.Fatalf("a run of %d from %d, ended by another id: %v: %d, want %d", n, off, !end, got, n-off)
				}
			}
		}
	}
}
