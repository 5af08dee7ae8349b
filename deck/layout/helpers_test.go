package layout_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

func mapFS(files ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return fsys
}

// loadDeck loads deck.yaml from files (name, content, name, content…),
// failing the test on any diagnostic of the loader.
func loadDeck(t *testing.T, files ...string) *deck.Deck {
	t.Helper()
	d, diags := content.Load(mapFS(files...), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return d
}

// layOut loads and lays out the deck of files, failing the test on any
// diagnostic of either.
func layOut(t *testing.T, files ...string) (*deck.Deck, []layout.Page) {
	t.Helper()
	d := loadDeck(t, files...)
	pages, diags := layout.Layout(d, defaultFonts(t))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return d, pages
}

// grayPNG returns the bytes of a black PNG picture w by h pixels.
func grayPNG(w, h int) string {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.String()
}
