package raster_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck/internal/pixeldiff"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/raster"
	"github.com/deckpdf/deck/deck/render"
)

// width is the width of the pictures compared with poppler's, the
// default; they are compared shrunk by shrink.
const (
	width  = raster.DefaultWidth
	shrink = 4
)

// The thresholds, on a scale of 0 to 255, for a slide drawn here against
// poppler's rendering of deck's PDF of it at the same width, both shrunk
// four times (a pixel the mean of 4×4) and compared over tiles of 16
// pixels (32 pt). The two differ by anti-aliasing, by pictures placed on
// whole pixels here, and most of all because poppler puts every glyph's
// baseline on a whole pixel row, up to a pixel above where the layout put
// it (drawing the baselines floored, as an experiment, halves the means).
// Measured on the nine slides of the built-in report (go test -v logs
// every page): page means 0.50 to 2.79, tile means 9.5 to 11.4. Two
// characters left out of a line of body text raise a tile's mean to 18.5,
// though the page's mean only from 2.33 to 2.35: hence a tile threshold
// between the two, and a page threshold for what goes wrong everywhere (a
// wrong font, a slide shifted).
const (
	maxMeanDiff = 3.5
	maxTileDiff = 14
)

// defaultPages lays out the built-in report and draws its charts.
func defaultPages(t testing.TB) []layout.Page {
	t.Helper()
	d, err := render.Build(context.Background(), render.Builtin(), render.Options{})
	if err != nil || !d.OK() {
		t.Fatalf("the built-in report does not build: %v\n%s", err, d.Result.Diagnostics)
	}
	return d.Pages
}

// poppler renders deck's own PDF of the built-in report with pdftoppm,
// width pixels wide, a picture a page.
func poppler(t *testing.T) []image.Image {
	t.Helper()
	tooltest.Need(t, "pdftoppm")
	dir := t.TempDir()
	var pdf bytes.Buffer
	if _, err := render.Render(context.Background(), render.Builtin(), &pdf, render.Options{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "deck.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	imgs, err := pixeldiff.Poppler(file, "-scale-to-x", fmt.Sprint(width), "-scale-to-y", "-1")
	if err != nil {
		t.Fatal(err)
	}
	return imgs
}

// draw draws a page width pixels wide.
func draw(t *testing.T, p *layout.Page) *image.RGBA {
	t.Helper()
	img, err := raster.Draw(p, raster.Options{Width: width})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestSlidesLookAsPopplerDrawsThePDF compares every slide of the built-in
// report with poppler's rendering of its PDF, and checks that the
// comparison sees a missing word.
func TestSlidesLookAsPopplerDrawsThePDF(t *testing.T) {
	pages := defaultPages(t)
	want := poppler(t)
	if len(want) != len(pages) {
		t.Fatalf("poppler drew %d pages, the layout has %d", len(want), len(pages))
	}
	for i := range pages {
		t.Run(fmt.Sprintf("page %d is within the thresholds", i+1), func(t *testing.T) {
			mean, local, err := compare(draw(t, &pages[i]), want[i])
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("page %d: mean absolute difference %.4f, largest over a tile %.2f (of 255)", i+1, mean, local)
			if mean > maxMeanDiff {
				t.Errorf("the page differs by %.4f on average (threshold %.2f)", mean, maxMeanDiff)
			}
			if local > maxTileDiff {
				t.Errorf("a tile differs by %.2f (threshold %d)", local, maxTileDiff)
			}
		})
	}
	t.Run("a page with two characters left out is not within them", func(t *testing.T) {
		missingWord(t, pages[1], want[1])
	})
}

// missingWord draws a page with two characters of its first line of body
// text left out: the comparison with poppler's rendering of the whole page
// must fail.
func missingWord(t *testing.T, page layout.Page, want image.Image) {
	page.Items = slices.Clone(page.Items)
	found := false
	for i, it := range page.Items {
		if r, ok := it.(layout.TextRun); ok && !r.Hidden && r.Size == 12 && utf8.RuneCountInString(r.Text) > 30 {
			head := string([]rune(r.Text)[:2])
			r.At.X += r.Face.Width(head, r.Size) + 2*r.Spacing
			r.Text = strings.TrimPrefix(r.Text, head)
			page.Items[i] = r
			found = true
			break
		}
	}
	if !found {
		t.Fatal("page 2 has no line of body text")
	}
	mean, local, err := compare(draw(t, &page), want)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("two characters left out: mean %.4f, over a tile %.2f", mean, local)
	if local <= maxTileDiff {
		t.Errorf("a tile differs by %.2f, within the threshold %d", local, maxTileDiff)
	}
}

// compare compares two pictures shrunk by shrink.
func compare(a, b image.Image) (mean, local float64, err error) {
	return pixeldiff.Diff(pixeldiff.Shrink(a, shrink), pixeldiff.Shrink(b, shrink), pixeldiff.Tile)
}

// TestPicturesHaveThePagesProportions draws pages at several widths.
func TestPicturesHaveThePagesProportions(t *testing.T) {
	pages := defaultPages(t)
	for _, c := range []struct {
		name  string
		width int
		want  image.Point
	}{
		{"the zero width is full HD", 0, image.Pt(1920, 1080)},
		{"a width of 1000 px rounds the height", 1000, image.Pt(1000, 563)},
		{"a thumbnail keeps 16:9", 320, image.Pt(320, 180)},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := raster.Draw(&pages[0], raster.Options{Width: c.width})
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got != c.want {
				t.Errorf("the picture is %v, want %v", got, c.want)
			}
		})
	}
}

// TestDrawingAgainGivesTheSameBytes draws and encodes every page twice.
func TestDrawingAgainGivesTheSameBytes(t *testing.T) {
	pages := defaultPages(t)
	for i := range pages {
		t.Run(fmt.Sprintf("page %d encodes to the same bytes", i+1), func(t *testing.T) {
			a, b := encode(t, &pages[i]), encode(t, &pages[i])
			if !bytes.Equal(a, b) {
				t.Errorf("two renders differ (%d and %d bytes)", len(a), len(b))
			}
		})
	}
}

// encode draws a page 960 px wide and encodes it.
func encode(t *testing.T, p *layout.Page) []byte {
	t.Helper()
	img, err := raster.Draw(p, raster.Options{Width: 960})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := raster.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
