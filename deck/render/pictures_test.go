package render_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"regexp"
	"testing"

	"github.com/deckpdf/deck/deck/render"
)

// TestPicturesDrawTheSelectedPages draws the built-in report's pictures as
// a user would ask for them.
func TestPicturesDrawTheSelectedPages(t *testing.T) {
	sel, err := render.ParsePages("2-3,9")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		opt       render.Options
		po        render.PictureOptions
		wantPages []int
		wantSize  image.Point
	}{
		{"a selection gives its pages, numbered as in the deck", render.Options{Pages: sel}, render.PictureOptions{Width: 480}, []int{2, 3, 9}, image.Pt(480, 270)},
		// Three pages make two rows of two 225×127 slides, under gaps of
		// 10 px and with 16 px for their numbers.
		{"a sheet is one picture of number 0", render.Options{Pages: sel}, render.PictureOptions{Width: 480, Sheet: true}, []int{0}, image.Pt(480, 296)},
	} {
		t.Run(c.name, func(t *testing.T) {
			pics, res, err := render.Pictures(context.Background(), render.Builtin(), c.opt, c.po)
			if err != nil {
				t.Fatal(err)
			}
			if len(pics) != len(c.wantPages) {
				t.Fatalf("%d pictures, want %d", len(pics), len(c.wantPages))
			}
			total := 0
			for i, p := range pics {
				img, err := png.Decode(bytes.NewReader(p.PNG))
				if err != nil {
					t.Fatalf("picture %d: %v", p.Page, err)
				}
				if p.Page != c.wantPages[i] || img.Bounds().Size() != c.wantSize || p.Width != c.wantSize.X || p.Height != c.wantSize.Y {
					t.Errorf("picture %d is page %d, %v (says %dx%d); want page %d, %v", i, p.Page, img.Bounds().Size(), p.Width, p.Height, c.wantPages[i], c.wantSize)
				}
				total += len(p.PNG)
			}
			if res.Bytes != total || res.Pages != 9 {
				t.Errorf("the result says %d bytes of %d pages; the pictures are %d bytes of the 9 laid out", res.Bytes, res.Pages, total)
			}
		})
	}
}

// TestAPageThatDoesNotExistIsAnError asks for page 10 of 9, as pictures
// and as a PDF: nothing is made.
func TestAPageThatDoesNotExistIsAnError(t *testing.T) {
	sel, _ := render.ParsePages("8-10")
	var np *render.NoPageError
	pics, _, err := render.Pictures(context.Background(), render.Builtin(), render.Options{Pages: sel}, render.PictureOptions{Width: 100})
	if !errors.As(err, &np) || pics != nil {
		t.Errorf("Pictures: %d pictures, error %v; want none and a NoPageError", len(pics), err)
	}
	var buf bytes.Buffer
	if _, err := render.Render(context.Background(), render.Builtin(), &buf, render.Options{Pages: sel}); !errors.As(err, &np) || buf.Len() != 0 {
		t.Errorf("Render: %d bytes, error %v; want none and a NoPageError", buf.Len(), err)
	}
}

// TestAPDFHoldsTheSelectedPages renders pages 2-4 and 8 of the report.
func TestAPDFHoldsTheSelectedPages(t *testing.T) {
	sel, _ := render.ParsePages("2-4,8")
	var buf bytes.Buffer
	res, err := render.Render(context.Background(), render.Builtin(), &buf, render.Options{Pages: sel})
	if err != nil {
		t.Fatal(err)
	}
	// The page tree's count: fpdf writes it as /Type /Pages /Kids [...] /Count n.
	count := regexp.MustCompile(`/Type /Pages\s*/Kids \[[^]]*\]\s*/Count (\d+)`).FindSubmatch(buf.Bytes())
	if count == nil || string(count[1]) != "4" || res.Pages != 9 {
		t.Errorf("the PDF's page tree %q, of the %d pages laid out; want /Count 4 of 9", count, res.Pages)
	}
}
