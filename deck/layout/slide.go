package layout

import (
	"cmp"
	"math"
	"slices"

	"github.com/deckpdf/deck/deck"
)

// slide lays out one slide: one page, or more when a table continues.
// Content pages get their footer later, once pages are numbered.
func (e *engine) slide(s *deck.Slide) []Page {
	mark := len(e.diags)
	e.labels = labelsOf(s.Blocks, e.labels[:0])
	var frames []frame
	switch s.Layout {
	case deck.LayoutCover:
		frames = []frame{e.cover(s)}
	case deck.LayoutClosing:
		frames = []frame{e.closing(s)}
	default:
		frames = e.more(s)
	}
	title := cmp.Or(s.Bookmark, s.Title.Plain(), s.ID)
	var pages []Page
	var warns deck.Diagnostics
	for i, f := range frames {
		t := title
		if i > 0 {
			t += "（续）"
		}
		tree := (&Node{Role: RoleSection, Children: f.nodes}).resolved(0)
		pages = append(pages, Page{Size: e.theme.Page, Title: t, Items: f.appendItems(nil), Src: s.Pos, Tree: tree})
		warns = append(warns, f.warns...)
	}
	// Only the frames drawn give their warnings, before the errors the
	// slide gave while it was laid out (where they were when given as it
	// went: Sorted keeps the order at one place).
	e.diags = slices.Insert(e.diags, mark, warns...)
	return pages
}

// content lays out a content slide on the grid every content slide shares:
// title and logo, a rule, subtitle, body, notes and sources (the footer is
// added later). It returns a page a body: more than one when a table
// continues, the title then followed by （续）.
func (e *engine) content(s *deck.Slide) []frame {
	t, c, m := e.theme, e.theme.Colors, e.theme.Margins
	W := t.Page.W
	inner := W - m.Left - m.Right

	// The head of the page: title, logo, rule, subtitle; and y, the top of
	// the body.
	head := func(titleText deck.Text) (frame, float64) {
		f := frame{w: W, h: t.Page.H}
		logo := e.logo(m.Top)
		title := e.text(titleText, textStyle{size: t.Sizes.Title, leading: 1.2, color: c.Primary, bold: true, align: alignLeft}, inner-logo.w-t.Sizes.Title)
		e.checkWidth(title, s.Title.Pos, "the title")
		f.placeAs(title, m.Left, m.Top, RoleTitle)
		f.placeAs(logo, W-m.Right-logo.w, m.Top+(t.Sizes.Title*1.2-logo.h)/2, RoleArtifact)
		y := m.Top + title.h + t.Sizes.Title*0.35
		// The rule under the title: a hairline across, an accent bar at the left.
		f.addAs(RoleArtifact, Box{Rect: Rect{m.Left, y, inner, 0.6}, Fill: c.Primary.Mix(0.75)},
			Box{Rect: Rect{m.Left, y - 1, t.Sizes.Title * 2.5, 2.6}, Fill: c.Accent})
		y += t.Sizes.Subtitle * 0.9
		if !s.Subtitle.IsZero() {
			sub := e.text(s.Subtitle, textStyle{size: t.Sizes.Subtitle, leading: 1.4, color: c.Text, emphasis: c.Primary, align: alignLeft}, inner)
			e.checkWidth(sub, s.Subtitle.Pos, "the subtitle")
			f.placeAs(sub, m.Left, y, RoleSubtitle)
			y += sub.h + t.Sizes.Subtitle*0.8
		} else {
			y += t.Sizes.Subtitle * 0.4
		}
		return f, y
	}

	first, y := head(s.Title)
	// The notes are measured first, to know where the body ends, but drawn
	// after it, so that the PDF's text is in reading order.
	var notes frame
	bottom := e.notes(&notes, s, e.footerTop()-t.Sizes.Small*0.6)
	bodies := e.body(s, inner, bottom-t.Sizes.Body*0.8-y)

	var out []frame
	for i, body := range bodies {
		f := first
		if i > 0 {
			cont := s.Title
			cont.Spans = append(append([]deck.Span{}, cont.Spans...), deck.Span{Text: "（续）"})
			f, _ = head(cont)
		}
		f.place(body, m.Left, y)
		f.place(notes, 0, 0)
		out = append(out, f)
	}
	return out
}

// footerTop is the y of the rule above the footer.
func (e *engine) footerTop() float64 {
	t := e.theme
	size := t.Sizes.Footer
	return t.Page.H - t.Margins.Bottom - size*1.6 - size*0.5
}

// footer draws the rule, page number, copyright and site line at the
// bottom and returns the y of the rule.
func (e *engine) footer(f *frame, n, total int) float64 {
	t, c, m := e.theme, e.theme.Colors, e.theme.Margins
	W, H := t.Page.W, t.Page.H
	size := t.Sizes.Footer
	lh := size * 1.6
	top := H - m.Bottom - lh
	rule := e.footerTop()
	f.add(Box{Rect: Rect{m.Left, rule, W - m.Left - m.Right, 0.5}, Fill: c.Muted.Mix(0.6)})
	x := m.Left
	if num := e.pageNumber(n, total); num != "" {
		nt := e.label(num, t.StringPos(t.Footer.PageNumberPos), size, true, white)
		bw := max(nt.w+size*1.2, lh)
		f.add(Box{Rect: Rect{x, top, bw, lh}, Fill: c.Primary})
		f.place(nt, x+(bw-nt.w)/2, top+(lh-nt.h)/2)
		x += bw + size
	}
	end := x // where the site may begin
	if t.Footer.Copyright != "" {
		ct := e.label(t.Footer.Copyright, t.StringPos(t.Footer.CopyrightPos), size, false, c.Muted)
		f.place(ct, x, top+(lh-ct.h)/2)
		end = x + ct.w + size
	}
	if t.Footer.Site != "" {
		st := e.label(t.Footer.Site, t.StringPos(t.Footer.SitePos), size, false, c.Muted)
		f.place(st, W-m.Right-st.w, top+(lh-st.h)/2)
		if over := end - (W - m.Right - st.w); over > 0.01 {
			// At the copyright, the first of the two on the line.
			e.diags.Errorf(t.StringPos(t.Footer.CopyrightPos), "text does not fit its box: the footer's copyright and site overlap by %.1fpt; shorten one of them, or lower sizes.footer", over)
		}
	}
	return rule
}

// notes sets the note and source lines upwards from bottom and returns the
// y of the first.
func (e *engine) notes(f *frame, s *deck.Slide, bottom float64) float64 {
	t := e.theme
	inner := t.Page.W - t.Margins.Left - t.Margins.Right
	st := textStyle{size: t.Sizes.Small, leading: 1.45, color: t.Colors.Muted, align: alignLeft}
	lines := e.footnotes(s, st, inner)
	for _, group := range []struct {
		label string
		pos   deck.Pos
		texts []deck.Text
		role  Role
	}{{t.Labels.Note, t.Labels.NotePos, s.Notes, RoleNote}, {t.Labels.Source, t.Labels.SourcePos, s.Sources, RoleSource}} {
		for _, tx := range group.texts {
			g := e.labelled(group.label, t.StringPos(group.pos), tx, st, inner)
			e.checkWidth(g, tx.Pos, "the line")
			lines = append(lines, g.as(group.role))
		}
	}
	y := bottom
	for _, l := range lines {
		y -= l.h
	}
	top := y
	for _, l := range lines {
		f.place(l, t.Margins.Left, y)
		y += l.h
	}
	return top
}

// logo draws the theme's logo image at the given height, or else the brand
// as a wordmark: an accent square and the name in bold.
func (e *engine) logo(h float64) frame {
	t := e.theme
	if len(t.Logo.Data) > 0 {
		w, ok := pngAspect(t.Logo.Data)
		if ok {
			size := t.Sizes.Title * 1.2
			f := frame{w: size * w, h: size}
			f.add(Image{Rect: Rect{0, 0, f.w, f.h}, Name: t.Logo.Path, Data: t.Logo.Data})
			return f
		}
	}
	if t.Brand == "" {
		return frame{}
	}
	size := t.Sizes.Subtitle * 1.1
	name := e.label(t.Brand, t.StringPos(t.BrandPos), size, true, t.Colors.Primary)
	sq := size * 0.55
	f := frame{w: sq + size*0.35 + name.w, h: name.h}
	f.add(Box{Rect: Rect{0, (name.h - sq) / 2, sq, sq}, Fill: t.Colors.Accent})
	f.place(name, sq+size*0.35, 0)
	return f
}

// label sets a short plain string on one line, at its natural width. The
// strings are the theme's (brand, footer), and messages about them point
// at pos, the key that sets them (see Theme.StringPos), or the layout's
// own.
func (e *engine) label(s string, pos deck.Pos, size float64, bold bool, color deck.Color) frame {
	t := deck.Text{Pos: pos, Spans: []deck.Span{{Text: s, Bold: bold}}}
	return e.text(t, textStyle{size: size, leading: 1.2, color: color, align: alignLeft}, math.Inf(1))
}

// line sets a text in bold on one line, at its natural width.
func (e *engine) line(t deck.Text, size float64, color deck.Color) frame {
	return e.text(t, textStyle{size: size, leading: 1.15, color: color, bold: true, align: alignLeft}, math.Inf(1))
}

// checkWidth reports a fixed-size text that is wider than its box.
func (e *engine) checkWidth(f frame, pos deck.Pos, what string) {
	if f.overflow > 0 {
		e.diags.Errorf(pos, "text does not fit its box: %s has a line %.1fpt too wide", what, f.overflow)
	}
}

// cover is the title page: the subtitle as a kicker over a large title.
func (e *engine) cover(s *deck.Slide) frame {
	t, c := e.theme, e.theme.Colors
	return e.panelPage(s, func(w float64) []frame {
		var heads []frame
		if !s.Subtitle.IsZero() {
			heads = append(heads, e.text(s.Subtitle, textStyle{size: t.Sizes.Title * 0.85, leading: 1.3, color: c.Accent, bold: true, align: alignLeft}, w))
		}
		return append(heads, e.text(s.Title, textStyle{size: t.Sizes.Title * 1.6, leading: 1.3, color: c.Primary, bold: true, align: alignLeft}, w))
	}, t.Page.H*0.3, false)
}

// closing is the last page: the message over its blocks (a link, a QR
// code). A message that fits on one line at the cover title's size is
// set at that size, as large as the deck's first words ("谢谢"); a longer
// one at the title size. Under fit: fill the blocks grow as a short body
// does, while none takes more lines.
func (e *engine) closing(s *deck.Slide) frame {
	t, c := e.theme, e.theme.Colors
	sized := *s
	sized.Blocks = sizedForPage(s.Blocks, t.Page.H)
	return e.panelPage(&sized, func(w float64) []frame {
		st := textStyle{size: t.Sizes.Title * 1.6, leading: 1.3, color: c.Primary, bold: true, align: alignLeft}
		if f := e.text(s.Title, st, w); f.overflow == 0 && f.h <= st.size*st.leading+0.01 {
			return []frame{f}
		}
		st.size, st.leading = t.Sizes.Title, 1.35
		return []frame{e.text(s.Title, st, w)}
	}, t.Page.H*0.55, t.Fit == deck.FitFill)
}

// panelPage lays out the cover and closing pages: the brand panel on the
// right; on the left, centred as a group, the heads (the last of which is
// the title), an accent rule and the slide's blocks, which may be bodyH
// tall, and grow, while none of them takes more lines, when grow is set
// (see fill).
func (e *engine) panelPage(s *deck.Slide, heads func(w float64) []frame, bodyH float64, grow bool) frame {
	t, m := e.theme, e.theme.Margins
	W, H := t.Page.W, t.Page.H
	f := frame{w: W, h: H}
	panelX := W * 0.64
	e.panel(&f, panelX)
	x := m.Left * 2
	w := panelX - x - m.Left
	parts := heads(w)
	e.checkWidth(parts[len(parts)-1], s.Title.Pos, "the title")
	body := e.fitBody(s.Blocks, w, bodyH, s, false)[0]
	if grow && fits(body, bodyH) && !anyFlexible(s.Blocks) {
		// Larger only while no line is added: a link or a line of
		// contact broken in two is not finished. fill centres the blocks
		// in bodyH; the group is centred here.
		body = trimmed(e.fill(s.Blocks, w, bodyH, body, true))
	}
	rule := t.Sizes.Title * 1.6 // the space the accent rule takes
	h := rule + body.h
	for _, p := range parts {
		h += p.h
	}
	y := (H - h) / 2
	for i, p := range parts {
		role := RoleSubtitle // a cover's kicker, above its title
		if i == len(parts)-1 {
			role = RoleTitle
		}
		f.placeAs(p, x, y, role)
		y += p.h
	}
	y += t.Sizes.Title * 0.5
	f.addAs(RoleArtifact, Box{Rect: Rect{x, y, t.Sizes.Title * 2.5, 3}, Fill: t.Colors.Accent})
	f.place(body, x, y+rule-t.Sizes.Title*0.5)
	return f
}

// panel fills the page right of x with the primary colour, a few lighter
// bands and the wordmark in white: one artifact.
func (e *engine) panel(f *frame, x float64) {
	t, c := e.theme, e.theme.Colors
	W, H := t.Page.W, t.Page.H
	from := len(f.items)
	f.add(Box{Rect: Rect{x, 0, W - x, H}, Fill: c.Primary})
	pw := W - x
	for i, band := range []struct{ y, h, tint float64 }{{0.18, 0.10, 0.12}, {0.34, 0.22, 0.07}, {0.62, 0.06, 0.18}} {
		bx := x + pw*float64(i+1)*0.18
		f.add(Box{Rect: Rect{bx, H * band.y, W - bx, H * band.h}, Fill: c.Primary.Mix(band.tint)})
	}
	f.add(Box{Rect: Rect{x, 0, 6, H}, Fill: c.Accent})
	if t.Brand != "" {
		name := e.panelBrand(pw - 6 - 2*t.Margins.Right)
		f.place(name, W-t.Margins.Right-name.w, H-t.Margins.Bottom-name.h-t.Sizes.Title*0.5)
	}
	f.leaf(RoleArtifact, from) // the panel and the brand on it: decoration
}

// panelBrand sets the brand for the panel, right-aligned in width w: at
// the title size, or smaller down to the subtitle size until it takes at
// most two lines. A brand that does not fit even so is an error.
func (e *engine) panelBrand(w float64) frame {
	t := e.theme
	brand := deck.Text{Pos: t.StringPos(t.BrandPos), Spans: []deck.Span{{Text: t.Brand, Bold: true}}}
	var name frame
	size := t.Sizes.Title
	for ; ; size-- {
		name = e.text(brand, textStyle{size: size, leading: 1.2, color: white, align: alignRight}, w)
		if size-1 < t.Sizes.Subtitle || name.overflow == 0 && name.h <= 2*size*1.2+0.01 {
			break
		}
	}
	if name.overflow > 0 || name.h > 2*size*1.2+0.01 {
		e.diags.Errorf(brand.Pos, "text does not fit its box: the brand %q takes more than two lines of the cover's panel even at %gpt; shorten it, or set a logo", t.Brand, size)
	}
	return name
}

// trimmed returns f moved up and cut to the height its items take, from
// the top of the highest to the bottom of the lowest.
func trimmed(f frame) frame {
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, it := range f.items {
		b := it.bounds()
		top, bottom = min(top, b.Y), max(bottom, b.Y+b.H)
	}
	if len(f.items) == 0 {
		return frame{w: f.w}
	}
	g := f
	g.items, g.nodes = nil, nil
	g.place(f, 0, -top)
	g.h = bottom - top
	return g
}

// labelsOf appends the labels of the labeled blocks among blocks, in
// columns too, to labels.
func labelsOf(blocks []deck.Block, labels []string) []string {
	for _, b := range blocks {
		switch b := b.(type) {
		case *deck.Labeled:
			labels = append(labels, b.Label.Plain())
		case *deck.Columns:
			for _, col := range b.Columns {
				labels = labelsOf(col, labels)
			}
		}
	}
	return labels
}
