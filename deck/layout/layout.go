package layout

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
	"github.com/deckpdf/deck/fonts"
)

// Layout lays out every slide of d in the given fonts. It returns one page a
// slide, or more for a slide whose table continues (Page.Slide and Part say
// which), and diagnostics for text that does not fit its box even at the
// theme's minimum size and for characters the fonts cannot draw.
func Layout(d *deck.Deck, fs *fonts.Set) ([]Page, deck.Diagnostics) {
	pages, diags, _ := LayoutContext(context.Background(), d, fs)
	return pages, diags
}

// LayoutContext is Layout that stops when ctx is done: it looks at ctx
// before each slide, and before each further page of a table that
// continues, and then returns no pages, no diagnostics and ctx.Err().
func LayoutContext(ctx context.Context, d *deck.Deck, fs *fonts.Set) ([]Page, deck.Diagnostics, error) {
	e := &engine{ctx: ctx, theme: d.Theme, fonts: fs, texts: textCacheFor(fs), reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}, deck: d, numbers: figureNumbers(d)}
	e.qrAhead(d)
	var pages []Page
	var footed []bool // which pages get the footer
	for i, laid := range e.slides() {
		for part, p := range laid {
			p.Slide, p.Part = i, part
			pages = append(pages, p)
			footed = append(footed, d.Slides[i].Layout.Footed())
		}
	}
	// A slide stopped half-way by ctx is not a slide laid out.
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	// Page numbers are known once every slide is laid out: a table may
	// have continued over several pages.
	e.agendas(pages)
	e.links(pages)
	for i := range pages {
		if footed[i] {
			var f frame
			e.footer(&f, i+1, len(pages))
			// The footer and page number are drawn, not read.
			from := len(pages[i].Items)
			pages[i].Items = f.appendItems(pages[i].Items)
			art := &Node{Role: RoleArtifact, Items: span(from, len(pages[i].Items))}
			pages[i].Tree.Children = append(pages[i].Tree.Children, art)
		}
	}
	if n := e.glyphErrors - maxGlyphErrors; n > 0 {
		e.diags.Errorf(d.Theme.Fonts.Regular.Pos, "and %d more characters the fonts cannot draw, not listed one by one: do the fonts lack a whole script? Name fonts that have it in the theme", n)
	}
	e.diags = e.diags.Sorted()
	return pages, e.diags, nil
}

// An engine lays out the slides of one deck.
type engine struct {
	// ctx stops the layout between slides and between the pages of a
	// table; LayoutContext returns its error, whatever was laid out.
	ctx      context.Context
	theme    deck.Theme
	fonts    *fonts.Set
	diags    deck.Diagnostics
	reported map[reportKey]bool // characters already reported, by text
	// segments holds each text's break opportunities: a body is laid out
	// at several sizes until it fits, and its texts break the same way.
	segments map[string][]linebreak.Segment
	// prepared holds each text prepared in a style (see prepare); nil
	// until the first.
	prepared map[prepKey]*prepared
	// texts holds the texts the process prepared in the deck's faces,
	// shared by every engine (see textCache).
	texts *textCache
	// qrMade waits for the codes qrAhead makes, by URL, and returns
	// them, to every engine of the deck (see fork); nil when there are
	// none.
	qrMade func() map[string]qrCode
	// glyphs, measures, lines and gaps are the scratch space of setText,
	// reused from one text to the next.
	glyphs   []glyph
	measures measures
	lines    []linebreak.Line
	gaps     []float64
	// labels are the labels of the slide's labeled blocks, which share
	// one width (see labeled).
	labels []string
	// glyphErrors counts the characters the fonts cannot draw.
	glyphErrors int
	// deck is the deck laid out: agendas list its slides, links name them.
	deck *deck.Deck
	// numbers are the numbers of the charts and tables (图1, 表1) when the
	// theme numbers them; see figureNumbers.
	numbers map[deck.Block]string
	// pageOf is the number of the first page of each slide, known once
	// every slide is laid out (see agendas); nil until then.
	pageOf []int
}

// segmentsOf returns linebreak.Segments(text), found once per text.
func (e *engine) segmentsOf(text string) []linebreak.Segment {
	segs, ok := e.segments[text]
	if !ok {
		segs = linebreak.Segments(text)
		e.segments[text] = segs
	}
	return segs
}

// longestPiece returns the width at size of the widest piece of text
// that no line may break, its trailing space left out: the least width
// text can be set in.
func (e *engine) longestPiece(text string, bold bool, size float64) float64 {
	face := e.fonts.Face(bold)
	w := 0.0
	for _, seg := range e.segmentsOf(text) {
		w = math.Max(w, face.Width(text[seg.Start:seg.End-seg.Space], size))
	}
	return w
}

// tallestBlock returns the block that takes the most height at scale k, on
// its own: where shortening helps most, whether or not it is the block the
// overflow begins at (a long paragraph pushes the chart under it out).
func tallestBlock(blocks []deck.Block, e *engine, w, k float64) deck.Block {
	var tallest deck.Block
	most := 0.0
	for _, b := range blocks {
		if h := e.stack([]deck.Block{b}, w, 0, e.scale(k)).h; h > most {
			tallest, most = b, h
		}
	}
	return tallest
}

func slideName(s *deck.Slide) string {
	if s.ID != "" {
		return strconv.Quote(s.ID)
	}
	return strconv.Quote(s.Title.Plain())
}

// stack lays blocks out top to bottom in a box of height avail: flexible
// blocks share what the others leave free.
func (e *engine) stack(blocks []deck.Block, w, avail float64, sc scaled) frame {
	frames := make([]frame, len(blocks))
	gaps := make([]float64, len(blocks))
	used := 0.0
	var flex []int
	for i, b := range blocks {
		if i > 0 {
			gaps[i] = sc.body * 0.9 * sc.spread
			if _, ok := b.(*deck.Heading); ok {
				gaps[i] *= 1.5
			}
		}
		frames[i] = e.block(b, w, 0, sc)
		used += gaps[i] + frames[i].h
		if flexible(b) {
			flex = append(flex, i)
		}
	}
	if free := avail - used; free > 0 && len(flex) > 0 {
		share := free / float64(len(flex))
		for _, i := range flex {
			frames[i] = e.block(blocks[i], w, frames[i].h+share, sc)
		}
	}
	// Room for every frame's items and nodes, made once.
	items, nodes := 0, 0
	for _, g := range frames {
		items, nodes = items+len(g.items), nodes+len(g.nodes)
	}
	f := frame{w: w}
	f.items, f.nodes = slices.Grow(f.items, items), slices.Grow(f.nodes, nodes)
	for i, g := range frames {
		f.h += gaps[i]
		f.place(g, 0, f.h)
		f.h += g.h
	}
	return f
}

// pageNumber formats the theme's page number.
func (e *engine) pageNumber(n, total int) string {
	r := strings.NewReplacer("{page}", strconv.Itoa(n), "{pages}", strconv.Itoa(total))
	return r.Replace(e.theme.Footer.PageNumber)
}
