package layout_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// readingOrder is the order a reader takes a slide's texts in: a cover's
// kicker (its subtitle) above its title; else the title, the subtitle,
// the blocks as written (a column's blocks before the next column's),
// the notes and the sources.
func readingOrder(s *deck.Slide) []deck.Text {
	if s.Layout == deck.LayoutCover {
		return append([]deck.Text{s.Subtitle, s.Title}, layout.TextsOf(reflect.ValueOf(s.Blocks))...)
	}
	out := []deck.Text{s.Title, s.Subtitle}
	out = append(out, layout.TextsOf(reflect.ValueOf(s.Blocks))...)
	out = append(out, s.Notes...)
	return append(out, s.Sources...)
}

// TestPagesReadInTheOrderOfTheDeck: the text runs of each page of the
// built-in report, taken in the order of the page's items (the order of
// the PDF's text, in which it is extracted, copied and read aloud), give
// the slide's texts in reading order, each after the one before it. A
// test that only looked for each text let a page be read bottom-up.
func TestPagesReadInTheOrderOfTheDeck(t *testing.T) {
	d, pages := loadDefault(t)
	squash := strings.NewReplacer(" ", "", "\n", "", "\t", "")
	checked := 0
	for i, p := range pages {
		var b strings.Builder
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok {
				b.WriteString(r.Text)
			}
		}
		page := squash.Replace(b.String())
		at := 0
		for _, tx := range readingOrder(&d.Slides[p.Slide]) {
			s := squash.Replace(tx.Plain())
			if s == "" {
				continue
			}
			switch j := strings.Index(page[at:], s); {
			case j >= 0:
				at += j + len(s)
				checked++
			case strings.Contains(page, s):
				t.Errorf("page %d: %q comes before the text written above it", i+1, tx.Plain())
			default:
				t.Errorf("page %d: %q is not on the page", i+1, tx.Plain())
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d texts checked", checked)
	}
	t.Logf("%d texts in order on %d pages", checked, len(pages))
}
