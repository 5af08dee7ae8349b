package layout

import (
	"fmt"
	"math"

	"github.com/deckpdf/deck/deck"
)

// scaled is the body type scale at a fitting step: the theme's sizes times
// k, and the body's line height.
type scaled struct {
	k       float64
	body    float64
	heading float64
	figure  float64
	leading float64
	// spread multiplies the gaps between blocks and between list items:
	// 1, or more where a body that fills its slide opens them.
	spread float64
}

// defaultLeading is the body's line height when the theme sets none.
const defaultLeading = 1.55

// Fitting moves in steps of these: a body size is the theme's body size
// plus or minus a whole number of sizeStep, and a line height the theme's
// minimum plus a whole number of leadingStep.
const (
	sizeStep    = 0.25
	leadingStep = 0.05
	spreadStep  = 0.25
	// maxSpread is the most the gaps between blocks and list items open:
	// more, and the items of a list read as separate blocks.
	maxSpread = 2
)

func (e *engine) scale(k float64) scaled {
	s := e.theme.Sizes
	return scaled{k: k, body: s.Body * k, heading: s.Heading * k, figure: s.Figure * k, leading: e.leadings().Min, spread: 1}
}

// leadings is the theme's line-height range with its defaults filled in.
func (e *engine) leadings() deck.Range {
	r := e.theme.LineHeight
	if r.Min <= 0 {
		r.Min = defaultLeading
	}
	r.Max = max(r.Max, r.Min)
	return r
}

func (e *engine) bodyStyle(sc scaled) textStyle {
	return textStyle{size: sc.body, leading: sc.leading, color: e.theme.Colors.Text, emphasis: e.theme.Colors.Primary}
}

// lastTrue returns the largest i in [0, n] for which ok(i) holds, or -1,
// asking ok about O(log n) values of i. ok must hold for every i up to
// some bound and for none after it, as "fits at the i-th size" does when
// sizes grow with i: the answer is then what asking every i in turn would
// give.
func lastTrue(n int, ok func(i int) bool) int {
	return bisect(-1, n+1, ok)
}

// bisect returns the largest i in [lo, hi) for which ok(i) holds, given
// that ok(lo) holds (or lo is before the range) and ok(hi) does not (or
// hi is after it).
func bisect(lo, hi int, ok func(i int) bool) int {
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if ok(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// lastTrueNear is lastTrue that starts at guess, an estimate of the
// answer: it gallops away from guess (1, 2, 4 … places) until ok changes,
// then bisects what is between. With a good guess it asks two or three
// values; with a bad one, at most twice as many as lastTrue.
func lastTrueNear(n, guess int, ok func(i int) bool) int {
	if n < 0 {
		return -1
	}
	guess = min(max(guess, 0), n)
	lo, hi := -1, n+1
	if ok(guess) {
		lo = guess
		for d := 1; lo+d <= n; d *= 2 {
			if !ok(lo + d) {
				hi = lo + d
				break
			}
			lo += d
		}
	} else {
		hi = guess
		for d := 1; hi-d >= 0; d *= 2 {
			if ok(hi - d) {
				lo = hi - d
				break
			}
			hi -= d
		}
	}
	return bisect(lo, hi, ok)
}

// guessSize estimates the size at which a body set at size as f fits a
// height h: the area text takes grows with the square of its size.
func guessSize(size float64, f frame, h float64) float64 {
	if f.h <= 0 {
		return size
	}
	return size * math.Sqrt(h/f.h)
}

// steps is how many whole steps of step fit between lo and hi.
func steps(lo, hi, step float64) int {
	if hi < lo {
		return -1
	}
	return int(math.Floor((hi-lo)/step + 1e-9))
}

// fits reports whether f fits a body of height h.
func fits(f frame, h float64) bool { return f.h <= h+0.01 && f.overflow == 0 }

// fitBody lays out blocks in a box of the given size. Under FitShrink and
// FitFill a body too tall is set at the largest size on the grid of
// sizeStep from the theme's body size down to its minimum at which it
// fits, found by binary search. When it does not fit even then, a table
// among them continues on further bodies (one a slide) at body size;
// otherwise the block that overflows is reported. It returns one body or
// more. A body that fits at body size grows when grow is set and the
// theme's policy is FitFill (see fill).
func (e *engine) fitBody(blocks []deck.Block, w, h float64, slide *deck.Slide, grow bool) []frame {
	body, minBody := e.theme.Sizes.Body, min(e.theme.Sizes.MinBody, e.theme.Sizes.Body)
	if h <= 0 {
		e.diags.Errorf(slide.Pos, "slide %s has no room for its body: the page's margins, title and subtitle take its whole height and %.1fpt more; make the page taller, or the margins, title or subtitle smaller", slideName(slide), -h)
		return []frame{e.stack(blocks, w, 0, e.scale(1))}
	}
	f := e.stack(blocks, w, h, e.scale(1))
	if fits(f, h) {
		if grow && e.theme.Fit == deck.FitFill && !anyFlexible(blocks) {
			f = e.fill(blocks, w, h, f, false)
		}
		return []frame{f}
	}
	if e.theme.Fit != deck.FitNone {
		// Sizes from the minimum up: the i-th is minBody + i steps, so
		// that a larger i is a larger size, and the body size is n.
		n := steps(minBody, body, sizeStep)
		at := func(i int) frame { return e.stack(blocks, w, h, e.scale((body-float64(n-i)*sizeStep)/body)) }
		var last frame
		guess := n - int(math.Ceil((body-guessSize(body, f, h))/sizeStep))
		i := lastTrueNear(n-1, guess, func(i int) bool {
			if e.ctx.Err() != nil {
				return false
			}
			g := at(i)
			if fits(g, h) {
				last = g
				return true
			}
			return false
		})
		if i >= 0 && e.ctx.Err() == nil {
			return []frame{last}
		}
		if e.ctx.Err() != nil {
			return []frame{f} // LayoutContext returns no pages
		}
		f = at(0)
	} else {
		minBody = body
	}
	if f.overflow == 0 {
		for i, b := range blocks {
			if _, ok := b.(*deck.Table); ok {
				return e.splitTable(blocks, i, w, h, e.scale(1))
			}
		}
	}
	e.reportTooLong(blocks, f, w, h, minBody, slide)
	return []frame{f}
}

// reportTooLong reports a body f, set at its minimum size, that does not
// fit its box: how far it overflows, and the size that would fit.
func (e *engine) reportTooLong(blocks []deck.Block, f frame, w, h, minBody float64, slide *deck.Slide) {
	body := e.theme.Sizes.Body
	fits := ""
	// Sizes from 4pt up to a step under the minimum, as above.
	lowest := minBody - sizeStep*float64(steps(4, minBody-sizeStep, sizeStep)+1)
	n := steps(lowest, minBody-sizeStep, sizeStep)
	if i := lastTrue(n, func(i int) bool {
		g := e.stack(blocks, w, h, e.scale((lowest+float64(i)*sizeStep)/body))
		return g.h <= h+0.01 && g.overflow == 0
	}); i >= 0 {
		fits = fmt.Sprintf("; it would fit at %gpt", lowest+float64(i)*sizeStep)
	}
	if f.overflow > 0 {
		e.diags.Errorf(f.src, "text does not fit its box: a line is %.1fpt too wide even at the minimum size %gpt%s; break the long word, widen its column, or lower sizes.min_body in the theme", f.overflow, minBody, fits)
		return
	}
	over, src := f.h-h, slide.Pos
	advice := "shorten the text (this is its tallest block), move some of it to another slide, or lower sizes.min_body in the theme"
	if b := tallestBlock(blocks, e, w, minBody/body); b != nil {
		src = b.Position()
		switch b.(type) {
		case *deck.Picture, *deck.Chart, *deck.Diagram, *deck.QR:
			advice = "make this block smaller (it is the tallest: give it a lower height), or move a block to another slide"
		}
	}
	e.diags.Errorf(src, "text does not fit its box: the body of slide %s is %.1fpt too tall even at the minimum size %gpt%s; %s", slideName(slide), over, minBody, fits, advice)
}

// anyFlexible reports whether one of blocks grows to fill its height.
func anyFlexible(blocks []deck.Block) bool {
	for _, b := range blocks {
		if flexible(b) {
			return true
		}
	}
	return false
}

// anyTable reports whether one of blocks is a table.
func anyTable(blocks []deck.Block) bool {
	for _, b := range blocks {
		if _, ok := b.(*deck.Table); ok {
			return true
		}
	}
	return false
}

// fill grows blocks, which fit a body of height h as f at body size, to
// use the room they leave: first the size, on the grid of sizeStep up to
// the theme's MaxBody, then, at MaxBody, the line height on the grid of
// leadingStep up to LineHeight.Max, then at that the gaps between blocks
// and list items up to maxSpread times theirs, each the largest that
// fits, found by binary search; a body with a table, or any when
// keepLines is set, grows only while no cell or text wraps onto more
// lines (a table whose short cells break is cramped, not larger). The
// room still left is shared equally above and below the body: a short
// text stands in the middle of its area, as a designer sets it, not at
// the top with the lower half of the slide empty.
func (e *engine) fill(blocks []deck.Block, w, h float64, f frame, keepLines bool) frame {
	body := e.theme.Sizes.Body
	top := max(e.theme.Sizes.MaxBody, body)
	spread := 1.0
	at := func(size, leading float64) frame {
		sc := e.scale(size / body)
		sc.leading, sc.spread = leading, spread
		return e.stack(blocks, w, h, sc)
	}
	// A table grows only while none of its cells wraps onto more lines
	// than at body size: its height then grows as its size does.
	base, tables := f.h, anyTable(blocks)
	keep := keepLines || tables
	try := func(size, leading float64) bool {
		if e.ctx.Err() != nil {
			return false
		}
		if g := at(size, leading); fits(g, h) && (!keep || g.h <= base*size/body+0.01) {
			f = g
			return true
		}
		return false
	}
	lead := e.leadings()
	n := steps(body, top, sizeStep)
	guess := int(math.Floor((guessSize(body, f, h)-body)/sizeStep)) - 1
	// opens the gaps at a size and line height, the most that fits: for a
	// table, the room between its rows too, whose cells wrap no more as
	// they open.
	opens := func(size, leading float64) {
		lastTrue(steps(1, maxSpread, spreadStep)-1, func(i int) bool {
			spread = 1 + float64(i+1)*spreadStep
			return try(size, leading)
		})
	}
	// A short body that fits at the largest size, line height and gaps
	// ends there whatever the searches try first: one layout instead of
	// about ten (a slide of a sentence or two).
	if !tables {
		spread = 1 + float64(steps(1, maxSpread, spreadStep))*spreadStep
		if try(top, lead.Max) {
			return centred(f, w, h)
		}
		spread = 1
	}
	i := lastTrueNear(n-1, guess, func(i int) bool { return try(body+float64(i+1)*sizeStep, lead.Min) })
	switch {
	case i == n-1:
		m := steps(lead.Min, lead.Max, leadingStep)
		if j := lastTrue(m-1, func(i int) bool { return try(top, lead.Min+float64(i+1)*leadingStep) }); j == m-1 {
			opens(top, lead.Max)
		}
	case tables:
		// A table stopped growing before the largest size, as its cells
		// would wrap: its rows open instead, so that it does not leave
		// most of its slide empty.
		base = math.Inf(1)
		opens(body+float64(i+1)*sizeStep, lead.Min)
	}
	return centred(f, w, h)
}

// centred returns f in the middle of a frame of width w and height h.
func centred(f frame, w, h float64) frame {
	g := frame{w: w, h: h}
	g.place(f, 0, (h-f.h)/2)
	return g
}
