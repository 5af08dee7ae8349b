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
