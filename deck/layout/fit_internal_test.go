package layout

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
	"github.com/deckpdf/deck/fonts"
)

// steppedBody is fitBody as it was before the binary search, for the
// test that the search finds what stepping found: the size shrinks a
// sizeStep at a time from the body size until the body fits, or, under
// FitFill, a body that fits grows a sizeStep at a time up to MaxBody and
// then its line height a leadingStep at a time up to LineHeight.Max, then
// its gaps a spreadStep at a time up to maxSpread.
func steppedBody(e *engine, blocks []deck.Block, w, h float64) (frame, bool) {
	body := e.theme.Sizes.Body
	spread := 1.0
	at := func(size, leading float64) frame {
		sc := e.scale(size / body)
		sc.leading, sc.spread = leading, spread
		return e.stack(blocks, w, h, sc)
	}
	lead := e.leadings()
	if f := at(body, lead.Min); !fits(f, h) {
		for size := body - sizeStep; size >= e.theme.Sizes.MinBody-1e-9; size -= sizeStep {
			if g := at(size, lead.Min); fits(g, h) {
				return g, true
			}
		}
		return frame{}, false
	} else if e.theme.Fit != deck.FitFill || anyFlexible(blocks) {
		return f, true
	}
	size, f := body, at(body, lead.Min)
	base := f.h
	for next := body + sizeStep; next <= e.theme.Sizes.MaxBody+1e-9; next += sizeStep {
		g := at(next, lead.Min)
		if !fits(g, h) || anyTable(blocks) && g.h > base*next/body+0.01 {
			break
		}
		size, f = next, g
	}
	if size > e.theme.Sizes.MaxBody-1e-9 {
		// The grid's i-th line height is Min + i steps, not a sum of
		// steps, whose rounding would differ in the last bits.
		leading := lead.Min
		for i := 1; lead.Min+float64(i)*leadingStep <= lead.Max+1e-9; i++ {
			g := at(size, lead.Min+float64(i)*leadingStep)
			if !fits(g, h) || anyTable(blocks) && g.h > base*size/body+0.01 {
				break
			}
			f, leading = g, lead.Min+float64(i)*leadingStep
		}
		for i := 1; leading > lead.Max-1e-9 && 1+float64(i)*spreadStep <= maxSpread+1e-9; i++ {
			spread = 1 + float64(i)*spreadStep
			g := at(size, leading)
			if !fits(g, h) || anyTable(blocks) && g.h > base*size/body+0.01 {
				break
			}
			f = g
		}
	}
	g := frame{w: w, h: h}
	g.place(f, 0, (h-f.h)/2)
	return g, true
}

// TestSearchFindsWhatSteppingFound lays out bodies of every length from a
// line to more than fits even shrunk, under each policy, by the binary
// search and by stepping, and compares the frames.
func TestSearchFindsWhatSteppingFound(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "云计算作为底层基础类技术，可以整合算力与网络资源，为上层应用提供稳定支撑。"
	for _, fit := range []deck.Fit{deck.FitFill, deck.FitShrink} {
		for n := 1; n <= 70; n += 3 {
			t.Run(fmt.Sprintf("a body of %d sentences under %v is set as stepping set it", n, fit), func(t *testing.T) {
				theme := content.DefaultTheme()
				theme.Fit = fit
				e := &engine{ctx: context.Background(), theme: theme, fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}
				text := func(s string) deck.Text { return deck.Text{Spans: []deck.Span{{Text: s}}} }
				blocks := []deck.Block{
					&deck.Paragraph{Text: text(strings.Repeat(sentence, n))},
					&deck.List{Items: []deck.Text{text(sentence), text(sentence[:30]), text(strings.Repeat(sentence, 2))}},
				}
				want, ok := steppedBody(e, blocks, 880, 380)
				if !ok {
					t.Skip("does not fit even shrunk: reported, as tested elsewhere")
				}
				got := e.fitBody(blocks, 880, 380, &deck.Slide{}, true)
				if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
					t.Errorf("the search set the body otherwise than stepping did: %s, want %s", sizeOf(got[0]), sizeOf(want))
				}
			})
		}
	}
}

// TestLastTrue checks the search on every bound of a range of sizes.
func TestLastTrue(t *testing.T) {
	for n := -1; n <= 9; n++ {
		for bound := -1; bound <= n; bound++ {
			asked := 0
			got := lastTrue(n, func(i int) bool { asked++; return i <= bound })
			if got != bound {
				t.Errorf("lastTrue(%d) with ok up to %d = %d", n, bound, got)
			}
			if n >= 0 && asked > 5 {
				t.Errorf("lastTrue(%d) asked %d times, more than log2", n, asked)
			}
		}
	}
}

// sizeOf describes the first run of f: its size and where it stands.
func sizeOf(f frame) string {
	for _, it := range f.items {
		if r, ok := it.get().(TextRun); ok {
			return fmt.Sprintf("%gpt at y %.2f", r.Size, r.At.Y)
		}
	}
	return "no text"
}

// TestLastTrueNear checks the galloping search on every bound of a range
// of sizes, from every guess, good or bad, in the range or out of it.
func TestLastTrueNear(t *testing.T) {
	for n := -1; n <= 12; n++ {
		for bound := -1; bound <= n; bound++ {
			for guess := -2; guess <= n+2; guess++ {
				asked := 0
				got := lastTrueNear(n, guess, func(i int) bool { asked++; return i <= bound })
				if got != bound {
					t.Errorf("lastTrueNear(%d, guess %d) with ok up to %d = %d", n, guess, bound, got)
				}
				if guess == bound && bound >= 0 && bound < n && asked != 2 {
					t.Errorf("lastTrueNear(%d) from the right guess %d asked %d times, want 2", n, guess, asked)
				}
			}
		}
	}
}
