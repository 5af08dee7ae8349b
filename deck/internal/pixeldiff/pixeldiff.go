// Package pixeldiff compares pictures of pages for tests: how far apart two
// renderings of one page are, over the whole page and over its worst
// small square, where a missing word shows.
package pixeldiff

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Tile is the side, in pixels, of the squares over which Diff takes its
// local means: 16 pixels at 50 dpi are 23 pt, two characters of body text.
const Tile = 16

// Diff compares two pictures of one size by the absolute differences of
// their red, green and blue values, on a scale of 0 to 255. It returns the
// mean difference over the whole picture and the largest mean over a tile
// of side tile pixels.
func Diff(a, b image.Image, tile int) (mean, local float64, err error) {
	if a.Bounds() != b.Bounds() {
		return 0, 0, fmt.Errorf("pixeldiff: the pictures are %v and %v", a.Bounds(), b.Bounds())
	}
	r := a.Bounds()
	var total int
	for ty := r.Min.Y; ty < r.Max.Y; ty += tile {
		for tx := r.Min.X; tx < r.Max.X; tx += tile {
			sum, n := 0, 0
			for y := ty; y < min(ty+tile, r.Max.Y); y++ {
				for x := tx; x < min(tx+tile, r.Max.X); x++ {
					r1, g1, b1, _ := a.At(x, y).RGBA()
					r2, g2, b2, _ := b.At(x, y).RGBA()
					for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
						sum += max(d, -d)
					}
					n += 3
				}
			}
			total += sum
			local = max(local, float64(sum)/float64(n))
		}
	}
	return float64(total) / float64(3*r.Dx()*r.Dy()), local, nil
}

// Shrink returns the picture f times smaller, each pixel the mean of an f×f
// square: differences of a fraction of a pixel in where two renderers put
// an edge (poppler puts every glyph's baseline on a whole pixel row) fade,
// and a missing word stays.
func Shrink(img image.Image, f int) *image.RGBA {
	// Read as RGBA once: At on a decoded PNG is ten times slower.
	src := image.NewRGBA(img.Bounds())
	draw.Draw(src, src.Bounds(), img, img.Bounds().Min, draw.Src)
	b := src.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx()/f, b.Dy()/f))
	n := f * f
	for y := range out.Bounds().Dy() {
		for x := range out.Bounds().Dx() {
			var sum [4]int
			for dy := range f {
				row := src.Pix[src.PixOffset(b.Min.X+x*f, b.Min.Y+y*f+dy):]
				for i := range 4 * f {
					sum[i%4] += int(row[i])
				}
			}
			o := out.PixOffset(x, y)
			for c := range 4 {
				out.Pix[o+c] = uint8((sum[c] + n/2) / n)
			}
		}
	}
	return out
}

// Poppler draws every page of a PDF file with poppler's pdftoppm, given
// its options for the size ("-r", "50"), into PNG files beside the PDF,
// and returns the pictures in page order.
func Poppler(pdf string, size ...string) ([]image.Image, error) {
	prefix := strings.TrimSuffix(pdf, ".pdf")
	args := append(slices.Clone(size), "-png", pdf, prefix)
	if out, err := exec.Command("pdftoppm", args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pixeldiff: pdftoppm %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	names, err := filepath.Glob(prefix + "-*.png")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("pixeldiff: pdftoppm made no pictures of %s (%v)", pdf, err)
	}
	slices.Sort(names) // pdftoppm pads the numbers to one width
	imgs := make([]image.Image, len(names))
	for i, n := range names {
		data, err := os.ReadFile(n)
		if err == nil {
			imgs[i], err = png.Decode(bytes.NewReader(data))
		}
		if err != nil {
			return nil, fmt.Errorf("pixeldiff: %s: %v", n, err)
		}
	}
	return imgs, nil
}
