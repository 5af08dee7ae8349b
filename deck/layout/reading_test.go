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

// squash takes the spaces out of a text, which layout adds and breaks
// lines at.
var squash = strings.NewReplacer(" ", "", "\n", "", "\t", "")

// inReadingOrder checks that the texts of slide s stand in page (its text
// squashed, of page i) in reading order, each after the one before it;
// missing says how a text that is not there fails. It returns how many
// texts it found.
func inReadingOrder(t *testing.T, i int, page string, s *deck.Slide, missing string) int {
	t.Helper()
	found, at := 0, 0
	for _, tx := range readingOrder(s) {
		want := squash.Replace(tx.Plain())
		if want == "" {
			continue
		}
		switch j := strings.Index(page[at:], want); {
		case j >= 0:
			at += j + len(want)
			found++
		case strings.Contains(page, want):
			t.Errorf("page %d: %q comes before the text written above it", i+1, tx.Plain())
		default:
			t.Errorf("page %d: %q %s", i+1, tx.Plain(), missing)
		}
	}
	return found
}

// TestPagesReadInTheOrderOfTheDeck: the text runs of each page of the
// built-in report, taken in the order of the page's items (the order of
// the PDF's text, in which it is extracted, copied and read aloud), give
// the slide's texts in reading order, each after the one before it. A
// test that only looked for each text let a page be read bottom-up.
func TestPagesReadInTheOrderOfTheDeck(t *testing.T) {
	d, pages := loadDefault(t)
	checked := 0
	for i, p := range pages {
		var b strings.Builder
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok {
				b.WriteString(r.Text)
			}
		}
		checked += inReadingOrder(t, i, squash.Replace(b.String()), &d.Slides[p.Slide], "is not on the page")
	}
	if checked < 100 {
		t.Errorf("only %d texts checked", checked)
	}
	t.Logf("%d texts in order on %d pages", checked, len(pages))
}
