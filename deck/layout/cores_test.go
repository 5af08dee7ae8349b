package layout_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/deck/layout"
)

// TestSlidesOnManyCoresAsOnOne lays out decks with the process on one
// core, where one engine lays out every slide in turn, and on four, where
// the slides are laid out at once: the pages and the diagnostics, in
// their order, are the same. The decks are the golden ones, the report,
// and one whose slides lack more characters in the fonts than are listed
// one by one, each slide under the limit: those are counted across the
// deck.
func TestSlidesOnManyCoresAsOnOne(t *testing.T) {
	set := defaultFonts(t)
	var missing strings.Builder
	missing.WriteString("title: t\nslides:\n")
	for s := range 4 {
		fmt.Fprintf(&missing, "  - title: 第%d页\n    blocks:\n      - paragraph: \"", s+1)
		for k := range 12 {
			missing.WriteRune(rune(0x0E01 + 12*s + k)) // Thai, not in the fonts
		}
		missing.WriteString("\"\n      - table:\n          columns: [甲, 乙]\n          rows: [[太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了太长了, 1]]\n")
	}
	decks := map[string]*deck.Deck{}
	for _, c := range golden.Load(t, "testdata") {
		if d, _ := content.Load(c.FS(), content.DeckFile, ""); d != nil {
			decks[c.Name()] = d
		}
	}
	decks["report"], _ = content.Load(content.Default(), content.DeckFile, "")
	decks["missing"], _ = content.Load(mapFS("deck.yaml", missing.String()), "deck.yaml", "")
	layOutOn := func(d *deck.Deck, cores int) (string, string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
		pages, diags := layout.Layout(d, set)
		var dump bytes.Buffer
		if err := layout.Dump(&dump, pages); err != nil {
			t.Fatal(err)
		}
		return dump.String(), diags.String()
	}
	for name, d := range decks {
		if d == nil {
			t.Fatalf("%s: the deck did not load", name)
		}
		one, oneDiags := layOutOn(d, 1)
		many, manyDiags := layOutOn(d, 4)
		if one != many {
			t.Errorf("%s: the pages laid out on four cores differ from those laid out on one", name)
		}
		if oneDiags != manyDiags {
			t.Errorf("%s: diagnostics on four cores:\n%s\non one:\n%s", name, manyDiags, oneDiags)
		}
		if name == "missing" && !strings.Contains(oneDiags, "more characters the fonts cannot draw") {
			t.Errorf("the deck that lacks characters gives no count of those not listed:\n%s", oneDiags)
		}
	}
}
