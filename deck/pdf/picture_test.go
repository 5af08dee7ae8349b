package pdf_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/picture"
)

// The pictures of testdata/pictures (made by make.sh with ImageMagick) are
// 64×48 pixels as they are shown. Each is drawn on a page of 64×48 pt and
// rasterised at 72 dpi, one pixel of the page for one of the picture, and
// compared pixel by pixel with source.png or grey.png over white.
//
// The thresholds, on a scale of 0 to 255 per red, green or blue value, are
// set from what was measured (go test -v -run TestPicturesLookAsTheyAre
// logs it), the same in both engines but for rounding:
//   - PNGs, as they are or converted: at most 2, mean at most 0.15;
//   - JPEGs as ImageMagick wrote them (baseline, progressive, grey): at
//     most 16, mean at most 0.67, the loss of the compression;
//   - JPEGs converted (CMYK, Exif-turned), compressed once more by
//     image/jpeg, which halves the colour resolution (4:2:0): at most 92
//     at the edges of the colour blocks, mean at most 3.5.
//
// Drawn wrong, they are far beyond: a 16-bit RGBA PNG as it is (the mutant
// picture-16bit-passthrough) is garbage in fpdf (mean 137) and refused by
// gopdf; a 16-bit grey one with alpha, mean 134; a JPEG left unturned, a
// mean of 84 to 105 (or the wrong size); a CMYK JPEG left as it is, 13.7.
const (
	pngMaxDiff   = 2
	pngMeanDiff  = 0.5
	jpegMaxDiff  = 100
	jpegMeanDiff = 5
)

// TestPicturesLookAsTheyAre draws every variant ImageMagick made of one
// picture, as picture.Normalize hands it over, with both engines, and
// compares what MuPDF draws of the page with the picture.
func TestPicturesLookAsTheyAre(t *testing.T) {
	tooltest.Need(t, "mutool")
	source, grey := flatten(t, "source.png"), flatten(t, "grey.png")
	tests := []struct {
		file string
		want image.Image
	}{
		{"rgba8.png", source}, {"rgb8.png", source}, {"rgba16.png", source}, {"rgb16.png", source},
		{"grey8.png", grey}, {"grey16.png", grey}, {"greyalpha8.png", grey}, {"greyalpha16.png", grey},
		{"palette.png", source}, {"palette-trns.png", threshold(t)},
		{"interlaced.png", source}, {"interlaced16.png", source},
		{"baseline.jpg", source}, {"grey.jpg", grey}, {"progressive.jpg", source}, {"cmyk.jpg", source},
		{"exif2.jpg", source}, {"exif3.jpg", source}, {"exif4.jpg", source}, {"exif5.jpg", source},
		{"exif6.jpg", source}, {"exif7.jpg", source}, {"exif8.jpg", source},
	}
	for _, tc := range tests {
		data, err := os.ReadFile(filepath.Join("testdata/pictures", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		pic, err := picture.Normalize(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		maxDiff, meanDiff := float64(pngMaxDiff), pngMeanDiff
		if pic.Format == picture.JPEG {
			maxDiff, meanDiff = jpegMaxDiff, jpegMeanDiff
		}
		for _, e := range pdf.Engines {
			t.Run(fmt.Sprintf("%s drawn by %v looks as it does", tc.file, e), func(t *testing.T) {
				t.Parallel()
				got := drawPicture(t, pic, e)
				worst, mean := compare(t, got, tc.want)
				t.Logf("%-16s %-5v converted %-40q max %3.0f mean %5.2f", tc.file, e, pic.Converted, worst, mean)
				if worst > maxDiff || mean > meanDiff {
					t.Errorf("differs from the source by at most %.0f, %.2f on average (want at most %.0f and %.2f); converted: %q",
						worst, mean, maxDiff, meanDiff, pic.Converted)
				}
			})
		}
	}
}

// flatten reads a picture of testdata/pictures and sets it on white, as a
// page shows it.
func flatten(t *testing.T, name string) *image.RGBA {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/pictures", name))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Rect, img, img.Bounds().Min, draw.Over)
	return out
}

// threshold returns source.png as make.sh turns it into palette-trns.png,
// on white: a pixel less than 40% opaque is transparent, any other opaque.
func threshold(t *testing.T) image.Image {
	t.Helper()
	data, err := os.ReadFile("testdata/pictures/source.png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out := image.NewRGBA(img.Bounds())
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c.A < 102 {
				c = color.NRGBA{255, 255, 255, 255}
			}
			c.A = 255
			out.Set(x, y, c)
		}
	}
	return out
}

// drawPicture writes a page of one picture with the engine and rasterises
// it with MuPDF at 72 dpi, failing the test on any warning.
func drawPicture(t *testing.T, pic picture.Picture, e pdf.Engine) image.Image {
	t.Helper()
	w, h := float64(pic.Width), float64(pic.Height)
	page := layout.Page{Size: deck.Size{W: w, H: h}, Items: []layout.Item{
		layout.Image{Rect: layout.Rect{W: w, H: h}, Name: "picture", Data: pic.Data, JPEG: pic.Format == picture.JPEG},
	}}
	var b bytes.Buffer
	if err := pdf.Write(&b, []layout.Page{page}, pdf.Options{Engine: e}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(file), "p.png")
	// -N: this MuPDF has no colour management, and says so otherwise.
	// pdftoppm is not used: at 72 dpi it blends some edges of the
	// picture's blocks with their neighbours, where MuPDF draws each pixel
	// as it is.
	if stdout, stderr := run(t, "mutool", "draw", "-q", "-N", "-r", "72", "-o", out, file); stdout+stderr != "" {
		t.Errorf("mutool draw:\n%s%s", stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// compare returns the largest and the mean absolute difference of the red,
// green and blue values of two pictures of one size, on a scale of 0 to
// 255.
func compare(t *testing.T, a, b image.Image) (worst, mean float64) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("the pictures are %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	sum, n := 0, 0
	for y := range a.Bounds().Dy() {
		for x := range a.Bounds().Dx() {
			r1, g1, b1, _ := a.At(a.Bounds().Min.X+x, a.Bounds().Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
				d = max(d, -d)
				sum += d
				worst = max(worst, float64(d))
				n++
			}
		}
	}
	return worst, float64(sum) / float64(n)
}
