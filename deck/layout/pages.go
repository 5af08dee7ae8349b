package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck"
)

// section lays out a section divider: a panel of the primary colour on
// the left with the section's number in white; on the right, centred on
// the page's height, an accent rule, the title, the subtitle and the
// blocks.
func (e *engine) section(s *deck.Slide) frame {
	t, c, m := e.theme, e.theme.Colors, e.theme.Margins
	W, H := t.Page.W, t.Page.H
	f := frame{w: W, h: H}
	pw := W * 0.36
	f.addAs(RoleArtifact, Box{Rect: Rect{0, 0, pw, H}, Fill: c.Primary}, Box{Rect: Rect{pw - 6, 0, 6, H}, Fill: c.Accent})
	num := e.label(fmt.Sprintf("%02d", e.sectionNumber(s)), s.Pos, t.Sizes.Title*3.6, true, white)
	f.placeAs(num, (pw-num.w)/2, (H-num.h)/2, RoleArtifact) // the agenda says it
	x := pw + m.Left*1.5
	w := W - x - m.Right*2
	f.place(e.headGroup(s, w, t.Sizes.Title*1.4, H*0.3), x, 0)
	return f
}

// sectionNumber is the number of the section divider s among the deck's.
func (e *engine) sectionNumber(s *deck.Slide) int {
	n := 0
	for i := range e.deck.Slides {
		if e.deck.Slides[i].Layout == deck.LayoutSection {
			n++
		}
		if &e.deck.Slides[i] == s {
			break
		}
	}
	return n
}

// headGroup lays out, centred on the page's height, an accent rule, the
// title at titleSize, the subtitle and the blocks (at most bodyH tall), in
// a column w wide: a frame as tall as the page.
func (e *engine) headGroup(s *deck.Slide, w, titleSize, bodyH float64) frame {
	t, c := e.theme, e.theme.Colors
	title := e.text(s.Title, textStyle{size: titleSize, leading: 1.3, color: c.Primary, bold: true, align: alignLeft}, w)
	e.checkWidth(title, s.Title.Pos, "the title")
	parts := []frame{title.as(RoleTitle)}
	if !s.Subtitle.IsZero() {
		sub := e.text(s.Subtitle, textStyle{size: t.Sizes.Subtitle * 1.15, leading: 1.5, color: c.Text, emphasis: c.Primary, align: alignLeft}, w)
		e.checkWidth(sub, s.Subtitle.Pos, "the subtitle")
		parts = append(parts, sub.as(RoleSubtitle))
	}
	if len(s.Blocks) > 0 {
		parts = append(parts, e.fitBody(s.Blocks, w, bodyH, s, false)[0])
	}
	return e.centred(parts, w, t.Sizes.Title*0.8, true)
}

// centred stacks parts, under an accent rule when rule is set, gap
// apart, centred on the height of the page between its top margin and
// the footer.
func (e *engine) centred(parts []frame, w, gap float64, withRule bool) frame {
	t := e.theme
	rule := t.Sizes.Title * 1.2
	h := rule
	for i, p := range parts {
		if i > 0 {
			h += gap
		}
		h += p.h
	}
	f := frame{w: w, h: t.Page.H}
	y := t.Margins.Top + (e.footerTop()-t.Margins.Top-h)/2
	if withRule {
		f.addAs(RoleArtifact, Box{Rect: Rect{0, y, t.Sizes.Title * 2.5, 3}, Fill: t.Colors.Accent})
	}
	y += rule
	for i, p := range parts {
		if i > 0 {
			y += gap
		}
		f.place(p, 0, y)
		y += p.h
	}
	return f
}

// statement lays out a title-only slide: the logo in its corner, and the
// title large, the subtitle and any blocks centred on the page's height.
func (e *engine) statement(s *deck.Slide) frame {
	t, m := e.theme, e.theme.Margins
	f := e.logoPage()
	x := m.Left * 2
	f.place(e.headGroup(s, t.Page.W-x-m.Right*2, t.Sizes.Title*1.5, t.Page.H*0.3), x, 0)
	return f
}

// logoPage returns an empty page with the logo or wordmark in the top
// right corner, where content slides have it.
func (e *engine) logoPage() frame {
	t, m := e.theme, e.theme.Margins
	f := frame{w: t.Page.W, h: t.Page.H}
	logo := e.logo(m.Top)
	f.placeAs(logo, t.Page.W-m.Right-logo.w, m.Top+(t.Sizes.Title*1.2-logo.h)/2, RoleArtifact)
	return f
}

// quote lays out a quotation: a large opening mark, the title as the
// quotation beside an accent bar, the subtitle as who said it after a
// dash, and any blocks, centred on the page's height.
func (e *engine) quote(s *deck.Slide) frame {
	t, c, m := e.theme, e.theme.Colors, e.theme.Margins
	f := e.logoPage()
	x := m.Left * 3
	w := (t.Page.W - x - m.Right) * 0.82
	q := e.text(s.Title, textStyle{size: t.Sizes.Title * 1.15, leading: 1.6, color: c.Primary, emphasis: c.Accent, align: alignLeft}, w)
	e.checkWidth(q, s.Title.Pos, "the quotation")
	parts := []frame{q.as(RoleTitle)}
	if !s.Subtitle.IsZero() {
		by := deck.Text{Pos: s.Subtitle.Pos, Spans: append([]deck.Span{{Text: "—— "}}, s.Subtitle.Spans...)}
		g := e.text(by, textStyle{size: t.Sizes.Subtitle, leading: 1.4, color: c.Muted, align: alignLeft}, w)
		e.checkWidth(g, s.Subtitle.Pos, "the subtitle")
		parts = append(parts, g.as(RoleSubtitle))
	}
	if len(s.Blocks) > 0 {
		parts = append(parts, e.fitBody(s.Blocks, w, t.Page.H*0.25, s, false)[0])
	}
	g := e.centred(parts, w, t.Sizes.Title*0.7, false)
	top := g.items[0].bounds().Y - t.Sizes.Title*1.15*1.6 // a line over the quotation's first
	mark := e.label("“", s.Pos, t.Sizes.Title*4, true, c.Accent.Mix(0.55))
	f.placeAs(mark, x-t.Sizes.Title*0.8, top-mark.h*0.2, RoleArtifact)
	f.addAs(RoleArtifact, Box{Rect: Rect{x - t.Sizes.Title*0.8, top + t.Sizes.Title*2.2, 3, q.h - t.Sizes.Title*0.6}, Fill: c.Accent})
	f.place(g, x, 0)
	return f
}

// footnotes sets a slide's footnotes in style st, w wide: each after its
// number, raised, as a Note.
func (e *engine) footnotes(s *deck.Slide, st textStyle, w float64) []frame {
	var out []frame
	for i, t := range s.Footnotes {
		n := deck.Text{Pos: t.Pos, Spans: append([]deck.Span{{Text: strconv.Itoa(i + 1), Raised: true}, {Text: " "}}, t.Spans...)}
		g := e.text(n, st, w)
		e.checkWidth(g, t.Pos, "the footnote")
		out = append(out, g.as(RoleNote))
	}
	return out
}

// figureNumbers numbers the titled charts and tables of d, each kind on
// its own, in the order of the slides, when its theme asks for it: 图1 and
// 表1, or Figure 1 and Table 1 in a deck whose lang is English.
func figureNumbers(d *deck.Deck) map[deck.Block]string {
	if !d.Theme.NumberFigures {
		return nil
	}
	fig, tab := "图%d ", "表%d "
	if strings.HasPrefix(strings.ToLower(d.Meta.Lang), "en") {
		fig, tab = "Figure %d. ", "Table %d. "
	}
	out := map[deck.Block]string{}
	var figs, tabs int
	var walk func([]deck.Block)
	walk = func(blocks []deck.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *deck.Chart:
				if !b.Title.IsZero() {
					figs++
					out[b] = fmt.Sprintf(fig, figs)
				}
			case *deck.Table:
				if !b.Title.IsZero() {
					tabs++
					out[b] = fmt.Sprintf(tab, tabs)
				}
			case *deck.Columns:
				for _, col := range b.Columns {
					walk(col)
				}
			}
		}
	}
	for i := range d.Slides {
		walk(d.Slides[i].Blocks)
	}
	return out
}

// numbered returns the title t of the block b with its number before it,
// when it has one.
func (e *engine) numbered(t deck.Text, b deck.Block) deck.Text {
	n, ok := e.numbers[b]
	if !ok {
		return t
	}
	t.Spans = append([]deck.Span{{Text: n, Bold: true}}, t.Spans...)
	return t
}
