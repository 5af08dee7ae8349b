package layout

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck"
)

// more lays out the layouts beyond the report's: a section divider, a
// quotation and a statement fill a page of their own; the others are
// content slides whose body they lay out (see body).
func (e *engine) more(s *deck.Slide) []frame {
	switch s.Layout {
	case deck.LayoutSection:
		return []frame{e.section(s)}
	case deck.LayoutQuote:
		return []frame{e.quote(s)}
	case deck.LayoutTitleOnly:
		return []frame{e.statement(s)}
	}
	return e.content(s)
}

// body lays out the body of a content slide in a box w wide and h tall:
// the blocks fitted (see fitBody), or the body of a layout that arranges
// them otherwise.
func (e *engine) body(s *deck.Slide, w, h float64) []frame {
	if h > 0 {
		switch s.Layout {
		case deck.LayoutPictureLeft, deck.LayoutPictureRight:
			if len(s.Blocks) > 0 {
				return []frame{e.beside(s, w, h)}
			}
		case deck.LayoutBigNumber:
			return []frame{e.bigNumber(s, w, h)}
		case deck.LayoutAgenda:
			return []frame{e.agenda(s, w, h)}
		}
	}
	return e.fitBody(s.Blocks, w, h, s, true)
}

// beside lays out a picture slide's body: its first block, a picture or
// chart, as tall as the body on one side; the other blocks fitted in the
// rest of the width, centred on the body's height. s.Weights share the
// width.
func (e *engine) beside(s *deck.Slide, w, h float64) frame {
	wv, wt := 1.0, 1.0
	if len(s.Weights) == 2 && s.Weights[0] > 0 && s.Weights[1] > 0 {
		wv, wt = s.Weights[0], s.Weights[1]
	}
	gap := e.theme.Sizes.Body * 2
	pw := (w - gap) * wv / (wv + wt)
	tw := w - gap - pw
	v := filling(s.Blocks[0])
	if n, ok := e.numbers[s.Blocks[0]]; ok {
		e.numbers[v] = n
	}
	vis := e.block(v, pw, h, e.scale(1))
	var text frame
	if len(s.Blocks) > 1 {
		text = e.fitBody(s.Blocks[1:], tw, h, s, true)[0]
	}
	f := frame{w: w, h: h}
	if s.Layout == deck.LayoutPictureLeft {
		f.place(vis, 0, (h-vis.h)/2)
		f.place(text, pw+gap, (h-text.h)/2)
	} else {
		f.place(text, 0, (h-text.h)/2)
		f.place(vis, tw+gap, (h-vis.h)/2)
	}
	return f
}

// filling returns a copy of a picture, chart or diagram without its own
// height, so that it fills the height it is given.
func filling(b deck.Block) deck.Block {
	switch b := b.(type) {
	case *deck.Picture:
		c := *b
		c.Height = 0
		return &c
	case *deck.Chart:
		c := *b
		c.Height = 0
		return &c
	case *deck.Diagram:
		c := *b
		c.Height = 0
		return &c
	}
	return b
}

// bigNumber lays out a big-number slide's body: the figure, as large as
// fits a share of the width up to three titles high, over an accent rule;
// the blocks beside it, a hairline between; both centred on the body's
// height. Without blocks the figure stands in the middle.
func (e *engine) bigNumber(s *deck.Slide, w, h float64) frame {
	t, c := e.theme, e.theme.Colors
	f := frame{w: w, h: h}
	numW := w * 0.42
	if len(s.Blocks) == 0 {
		numW = w
	}
	var num frame
	for size := t.Sizes.Title * 3.2; ; size -= 2 {
		num = e.text(s.Figure, textStyle{size: size, leading: 1.15, color: c.Accent, bold: true, align: alignLeft}, math.Inf(1))
		if num.w <= numW || size-2 < t.Sizes.Title {
			break
		}
	}
	if num.w > numW+0.01 {
		e.diags.Errorf(s.Figure.Pos, "text does not fit its box: the figure is %.1fpt too wide even at %gpt; shorten it", num.w-numW, t.Sizes.Title)
	}
	rule := t.Sizes.Body * 1.2
	x := 0.0
	if len(s.Blocks) == 0 {
		x = (w - num.w) / 2
	}
	y := (h - num.h - rule) / 2
	f.placeAs(num, x, y, RoleHeading)
	f.addAs(RoleArtifact, Box{Rect: Rect{x, y + num.h + rule/2, t.Sizes.Title * 2.5, 3}, Fill: c.Accent})
	if len(s.Blocks) > 0 {
		gap := t.Sizes.Body * 3
		tw := w - numW - gap
		text := e.emphasised(s, tw, h*0.8)
		f.addAs(RoleArtifact, Box{Rect: Rect{numW + gap/2, h * 0.2, 0.8, h * 0.6}, Fill: c.Muted.Mix(0.7)})
		f.place(text, numW+gap, (h-text.h)/2)
	}
	return f
}

// emphasised lays out the blocks of s in a box w wide and h tall at up
// to a quarter over the body size, the largest step of 0.05 that fits:
// the few lines beside a big number read as its caption. Blocks that do
// not fit at the body size are fitted as any body is.
func (e *engine) emphasised(s *deck.Slide, w, h float64) frame {
	for k := 1.25; k > 1+1e-9; k -= 0.05 {
		if f := e.stack(s.Blocks, w, h, e.scale(k)); f.h <= h && f.overflow == 0 {
			return f
		}
	}
	return e.fitBody(s.Blocks, w, h, s, false)[0]
}

// An agendaEntry is one line of an agenda: the slide it lists, by index,
// its title, and a section's subtitle, set small under it.
type agendaEntry struct {
	slide int
	title deck.Text
	sub   deck.Text
}

// agendaEntries are what the agenda s lists: the deck's section dividers,
// or, in a deck without any, every listed slide (see Layout.Listed) but s.
func (e *engine) agendaEntries(s *deck.Slide) []agendaEntry {
	var sections, slides []agendaEntry
	for i := range e.deck.Slides {
		d := &e.deck.Slides[i]
		title := deck.Text{Pos: d.Title.Pos, Spans: []deck.Span{{Text: cmp.Or(d.Bookmark, d.Title.Plain(), d.ID)}}}
		switch {
		case d == s:
		case d.Layout == deck.LayoutSection:
			sub := deck.Text{Pos: d.Subtitle.Pos, Spans: []deck.Span{{Text: d.Subtitle.Plain()}}}
			sections = append(sections, agendaEntry{i, title, sub})
		case d.Layout.Listed():
			slides = append(slides, agendaEntry{i, title, deck.Text{}})
		}
	}
	if len(sections) > 0 {
		return sections
	}
	return slides
}

// agenda lays out an agenda's body: a list of entries, in one column or,
// past seven, two, larger the fewer their rows; each its number, its title and the number of the page
// it begins on, a link to that page, over a hairline; the rows spread
// over the body's height up to three and a half lines each, centred.
func (e *engine) agenda(s *deck.Slide, w, h float64) frame {
	t := e.theme
	entries := e.agendaEntries(s)
	f := frame{w: w, h: h}
	if len(entries) == 0 {
		e.diags.Errorf(s.Pos, "the agenda %s lists nothing: the deck has no other slides to list", slideName(s))
		return f
	}
	cols := 1
	if len(entries) > 7 {
		cols = 2
	}
	rows := (len(entries) + cols - 1) / cols
	gap := t.Sizes.Body * 3
	colW := (w - gap*float64(cols-1)) / float64(cols)
	size := t.Sizes.Subtitle * 1.1
	switch {
	case rows <= 3:
		size = t.Sizes.Subtitle * 1.6 // a few entries: larger, not lost in the slide's middle
	case rows <= 5:
		size = t.Sizes.Subtitle * 1.3
	}
	rowH := min(h/float64(rows), size*4)
	if rowH < size*1.9 {
		size = max(rowH/1.9, t.Sizes.MinBody)
	}
	if rowH < size*1.6 {
		e.diags.Errorf(s.Pos, "text does not fit its box: the agenda %s lists %d entries, %d a column, and a row has %.1fpt, less than a line at %gpt; split it over two agenda slides, or list fewer", slideName(s), len(entries), rows, rowH, size)
	}
	top := (h - rowH*float64(rows)) / 2
	for i, en := range entries {
		x := float64(i/rows) * (colW + gap)
		y := top + float64(i%rows)*rowH
		f.place(e.agendaRow(en, i, colW, rowH, size), x, y)
	}
	f.group(RoleList, 0)
	return f
}

// agendaRow lays out entry i of an agenda in a row w wide and h tall.
func (e *engine) agendaRow(en agendaEntry, i int, w, h, size float64) frame {
	c := e.theme.Colors
	f := frame{w: w, h: h}
	num := e.label(fmt.Sprintf("%02d", i+1), en.title.Pos, size*1.3, true, c.Accent)
	numW := size * 2.6
	page := ""
	if e.pageOf != nil {
		page = strconv.Itoa(e.pageOf[en.slide])
	}
	pg := e.label(page, en.title.Pos, size*0.9, false, c.Muted)
	pageW := size * 2.5
	title := e.text(en.title, textStyle{size: size, leading: 1.3, color: c.Primary, bold: true, align: alignLeft}, w-numW-pageW)
	e.checkWidth(title, en.title.Pos, "the agenda's entry")
	if over := title.h - h; over > 0.01 && e.pageOf == nil {
		e.diags.Errorf(en.title.Pos, "text does not fit its box: the agenda's entry takes %.1fpt more than its row; shorten the title (or give the slide a shorter bookmark), or list fewer entries", over)
	}
	f.placeAs(num, 0, (h-num.h)/2, RoleLabel)
	from := len(f.items)
	if !en.sub.IsZero() {
		sub := e.text(en.sub, textStyle{size: size * 0.62, leading: 1.3, color: c.Muted, align: alignLeft}, w-numW-pageW)
		e.checkWidth(sub, en.sub.Pos, "the section's subtitle in the agenda")
		y := (h - title.h - sub.h - size*0.15) / 2
		title.place(sub, 0, title.h+size*0.15)
		title.h = h - 2*y
	}
	f.place(title, numW, (h-title.h)/2)
	f.place(pg, w-pg.w, (h-pg.h)/2)
	f.add(Link{Rect: Rect{0, 0, w, h}, Page: e.pageNumberOf(en.slide)})
	f.leaf(RoleLink, from)
	f.group(RoleBody, 1)
	f.group(RoleListItem, 0)
	f.addAs(RoleArtifact, Box{Rect: Rect{0, h - 0.6, w, 0.6}, Fill: c.Muted.Mix(0.75)})
	return f
}

// pageNumberOf returns the number of the first page of slide i, or 0 while
// pages are not yet numbered.
func (e *engine) pageNumberOf(i int) int {
	if e.pageOf == nil {
		return 0
	}
	return e.pageOf[i]
}

// agendas numbers the first page of every slide, then lays out the
// agendas among pages again, now that the numbers of the pages they list
// are known: a table before an entry may have continued over more pages
// than one. Their diagnostics were given the first time.
func (e *engine) agendas(pages []Page) {
	e.pageOf = make([]int, len(e.deck.Slides))
	for i := len(pages) - 1; i >= 0; i-- {
		e.pageOf[pages[i].Slide] = i + 1
	}
	for i, p := range pages {
		s := &e.deck.Slides[p.Slide]
		if s.Layout != deck.LayoutAgenda {
			continue
		}
		mark := len(e.diags)
		again := e.slide(s)
		e.diags = e.diags[:mark]
		again[0].Slide, again[0].Part = p.Slide, p.Part
		pages[i] = again[0]
	}
}

// links points every link to a slide (#slide-id) at the first page of
// that slide.
func (e *engine) links(pages []Page) {
	for _, p := range pages {
		for k, it := range p.Items {
			l, ok := it.(Link)
			if !ok || !strings.HasPrefix(l.URL, "#") {
				continue
			}
			if i, ok := e.deck.SlideIndex(l.URL[1:]); ok {
				l.Page, l.URL = e.pageOf[i], ""
				p.Items[k] = l
			}
		}
	}
}
