package layout

import (
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
)

// slides lays out every slide of the deck, each into its pages, in the
// deck's order, and gives their diagnostics in that order. It stops
// between slides when e.ctx is done; LayoutContext then returns no
// pages.
//
// The slides are laid out on every core: each core takes the next slide
// no core has taken, with an engine of its own (fork), and the pages and
// diagnostics are put back in the deck's order, as one engine gives them:
// a slide's layout depends on no other slide. Only the characters the
// fonts cannot draw are reported across slides, once a text and a few in
// all (see checkGlyph); a deck that has any is laid out again by e alone,
// slide after slide, so that its reports are the ones one engine gives.
func (e *engine) slides() [][]Page {
	n := len(e.deck.Slides)
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers > 1 {
		if laid, ok := e.slidesAtOnce(workers); ok {
			return laid
		}
	}
	laid := make([][]Page, n)
	for i := range laid {
		if e.ctx.Err() != nil {
			break
		}
		laid[i] = e.slide(&e.deck.Slides[i])
	}
	return laid
}

// slidesAtOnce lays out the slides on workers engines at once (see
// slides). It reports false, and gives e nothing, when a character was
// reported.
func (e *engine) slidesAtOnce(workers int) ([][]Page, bool) {
	n := len(e.deck.Slides)
	laid := make([][]Page, n)
	diags := make([]deck.Diagnostics, n)
	forks := make([]*engine, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range forks {
		f := e.fork()
		forks[w] = f
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || f.ctx.Err() != nil {
					return
				}
				mark := len(f.diags)
				laid[i] = f.slide(&f.deck.Slides[i])
				diags[i] = slices.Clone(f.diags[mark:])
			}
		})
	}
	wg.Wait()
	for _, f := range forks {
		if len(f.reported) > 0 {
			return nil, false
		}
	}
	for _, d := range diags {
		e.diags = append(e.diags, d...)
	}
	return laid, true
}

// fork returns an engine for the slides of e's deck, to lay some out
// while e or other forks lay out others: it shares what is only read
// (the deck, theme, fonts and the QR codes made ahead) and has its own
// caches, scratch space and diagnostics.
func (e *engine) fork() *engine {
	return &engine{ctx: e.ctx, theme: e.theme, fonts: e.fonts, texts: e.texts, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{},
		deck: e.deck, numbers: maps.Clone(e.numbers), qrMade: e.qrMade}
}
