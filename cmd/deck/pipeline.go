package main

import (
	"context"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/render"
)

// A build is a deck run through the pipeline up to the PDF: loaded, laid
// out, its charts drawn, and every problem found on the way.
type build struct {
	deck  *deck.Deck
	pages []layout.Page
	diags deck.Diagnostics
	// files are the absolute paths of the files the deck read or looked
	// for; nil for the built-in deck.
	files []string
}

// ok reports whether the build can be written.
func (b build) ok() bool { return b.deck != nil && !b.diags.HasErrors() }

// buildDeck runs the pipeline on the deck at src ("" for the default). The
// error is for a deck that cannot be opened at all.
func buildDeck(src string) (build, error) {
	d, err := render.Build(context.Background(), source(src), render.Options{CacheDir: chartCache()})
	if err != nil {
		return build{}, err
	}
	return build{deck: d.Deck, pages: d.Pages, diags: d.Result.Diagnostics, files: d.Result.Files}, nil
}
