package render_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/deckpdf/deck/deck/render"
)

// Render the built-in report into memory.
func ExampleRender() {
	var pdf bytes.Buffer
	res, err := render.Render(context.Background(), render.Builtin(), &pdf, render.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d pages, a PDF: %v\n", res.Pages, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
	// Output: 9 pages, a PDF: true
}

// Check a deck folder and print its problems, as `deck validate` does.
func ExampleValidate() {
	res, err := render.Validate(context.Background(), render.Dir("testdata/broken"), render.Options{})
	if err != nil {
		fmt.Println(err) // the folder could not be opened
		return
	}
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// testdata/broken/deck.yaml:5:9: error: unknown block kind "chrt" (did you mean "chart"?)
	// testdata/broken/deck.yaml:10:33: error: 利润 of Q1 is "十二", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)
}

// Build the built-in report once, then write its PDF and draw its first
// slide as a picture from the same pages, as deck mail does.
func ExampleDocument_Write() {
	ctx := context.Background()
	doc, err := render.Build(ctx, render.Builtin(), render.Options{})
	if err != nil || !doc.OK() {
		fmt.Println(err, doc.Result.Diagnostics)
		return
	}
	var pdf bytes.Buffer
	if err := doc.Write(ctx, &pdf, render.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	pics, err := doc.Pictures(ctx, render.PageSet{{First: 1, Last: 1}}, render.PictureOptions{Width: 960})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("a PDF of %d pages: %v; slide %d as a %d×%d picture\n", doc.Result.Pages, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), pics[0].Page, pics[0].Width, pics[0].Height)
	// Output: a PDF of 9 pages: true; slide 1 as a 960×540 picture
}
