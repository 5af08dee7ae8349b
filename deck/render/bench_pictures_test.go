package render_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/render"
)

// The many-pictures deck is the case of issue 17: 480 slides, one
// 1600×900 photo on every 8th of them (60 references to one file), as a
// logo or a product photo recurs through a long deck.
const (
	picturesSlides = 480
	picturesEvery  = 8
	photoWidth     = 1600
	photoHeight    = 900
)

var writePicturesDeck = flag.String("write-pictures-deck", "", "write the many-pictures deck (JPEG photo) to this folder, for .ci/bench")

// photo returns a 1600×900 picture that compresses as a photo does: a
// smooth colour gradient with grain, the same every call.
func photo() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, photoWidth, photoHeight))
	rng := rand.New(rand.NewPCG(17, 1600))
	for y := range photoHeight {
		for x := range photoWidth {
			noise := rng.IntN(25) - 12
			img.SetRGBA(x, y, color.RGBA{
				R: clampByte(40 + 180*x/photoWidth + noise),
				G: clampByte(60 + 150*y/photoHeight + noise),
				B: clampByte(200 - 120*(x+y)/(photoWidth+photoHeight) + noise),
				A: 0xFF,
			})
		}
	}
	return img
}

func clampByte(v int) uint8 { return uint8(min(max(v, 0), 255)) }

// photoFile encodes the photo as a JPEG (quality 85) or a PNG file.
func photoFile(tb testing.TB, format string) []byte {
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, photo())
	} else {
		err = jpeg.Encode(&buf, photo(), &jpeg.Options{Quality: 85})
	}
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// picturesDeck returns the deck file of the many-pictures deck: every
// slide a title and a paragraph of Chinese, every 8th one the photo.
func picturesDeck(photoName string) string {
	var b strings.Builder
	b.WriteString("title: 多图测试\nlang: zh-CN\nslides:\n")
	for i := range picturesSlides {
		fmt.Fprintf(&b, "  - title: 第%d页：产品照片与说明\n    blocks:\n", i+1)
		b.WriteString("      - paragraph: 金融机构上云进程不断加速，云原生成为重要战略技术趋势，多层级云云协同体系将在赋能实体经济方面发挥更大价值。\n")
		if i%picturesEvery == 0 {
			fmt.Fprintf(&b, "      - image: {path: %s, height: 300, alt: 渐变色的产品照片}\n", photoName)
		}
	}
	return b.String()
}

// picturesFS returns the many-pictures deck with its photo as a JPEG or a
// PNG file.
func picturesFS(tb testing.TB, format string) fstest.MapFS {
	name := "photo." + map[string]string{"jpeg": "jpg", "png": "png"}[format]
	return fstest.MapFS{
		content.DeckFile: {Data: []byte(picturesDeck(name))},
		name:             {Data: photoFile(tb, format)},
	}
}

// TestManyPicturesDeck checks the benchmark's deck: it loads without a
// problem, shows the one photo on 60 slides, and renders all 480 pages.
// With -write-pictures-deck DIR it also writes the deck there.
func TestManyPicturesDeck(t *testing.T) {
	fsys := picturesFS(t, "jpeg")
	d, diags := content.Load(fsys, content.DeckFile, "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	t.Run("every 8th slide shows the photo at its full size", func(t *testing.T) {
		n := 0
		for _, s := range d.Slides {
			for _, b := range s.Blocks {
				if p, ok := b.(*deck.Picture); ok {
					n++
					if p.File.Path != "photo.jpg" || p.Pixels != [2]int{photoWidth, photoHeight} {
						t.Errorf("%s: picture %q of %v pixels, want photo.jpg of 1600×900", p.Pos, p.File.Path, p.Pixels)
					}
				}
			}
		}
		if len(d.Slides) != picturesSlides || n != picturesSlides/picturesEvery {
			t.Errorf("%d slides and %d pictures, want %d and %d", len(d.Slides), n, picturesSlides, picturesSlides/picturesEvery)
		}
	})
	t.Run("the photo compresses as a photo does, not as flat colour", func(t *testing.T) {
		if n := len(fsys["photo.jpg"].Data); n < 200_000 {
			t.Errorf("the JPEG photo is %d bytes, want at least 200000", n)
		}
	})
	if *writePicturesDeck != "" {
		if err := os.MkdirAll(*writePicturesDeck, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, f := range fsys {
			if err := os.WriteFile(filepath.Join(*writePicturesDeck, name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// BenchmarkManyPictures renders the many-pictures deck, its photo a JPEG
// or a PNG; load-ms and pdf-ms are the stages' times per render.
func BenchmarkManyPictures(b *testing.B) {
	for _, format := range []string{"jpeg", "png"} {
		b.Run(format, func(b *testing.B) {
			src := render.FS(picturesFS(b, format), content.DeckFile)
			opt := render.Options{CacheDir: b.TempDir()}
			stages := map[string]float64{}
			for b.Loop() {
				res, err := render.Render(context.Background(), src, io.Discard, opt)
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range res.Timings {
					stages[s.Name] += float64(s.Took.Microseconds()) / 1000
				}
			}
			for _, name := range []string{"load", "layout", "pdf"} {
				b.ReportMetric(stages[name]/float64(b.N), name+"-ms")
			}
		})
	}
}

// BenchmarkLoadManyPictures is the load stage alone of the many-pictures
// deck (JPEG photo).
func BenchmarkLoadManyPictures(b *testing.B) {
	fsys := picturesFS(b, "jpeg")
	for b.Loop() {
		if _, diags := content.Load(fsys, content.DeckFile, ""); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

// BenchmarkFingerprintsManyPictures is the fingerprints of the
// many-pictures deck's pages, which hash a picture's bytes at every page
// that shows it.
func BenchmarkFingerprintsManyPictures(b *testing.B) {
	for _, format := range []string{"jpeg", "png"} {
		b.Run(format, func(b *testing.B) {
			src := render.FS(picturesFS(b, format), content.DeckFile)
			d, err := render.Build(context.Background(), src, render.Options{CacheDir: b.TempDir()})
			if err != nil || !d.OK() {
				b.Fatal(err)
			}
			for b.Loop() {
				render.Fingerprints(d.Pages)
			}
		})
	}
}
