package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
)

// block lays out one block in the given width. h is the height a flexible
// block (see flexible) should fill; 0 asks for its smallest height.
func (e *engine) block(b deck.Block, w, h float64, sc scaled) frame {
	switch b := b.(type) {
	case *deck.Chart:
		return e.chart(b, w, h, sc)
	case *deck.Table:
		return e.table(b, w, sc)
	case *deck.Comparison:
		return e.comparison(b, w, sc)
	case *deck.Diagram:
		return e.diagram(b, w, h, sc)
	case *deck.QR:
		return e.qr(b)
	case *deck.Picture:
		return e.picture(b, w, h, sc)
	case *deck.Paragraph:
		st := e.bodyStyle(sc)
		st.align = proseAlign(b.Text.Plain(), w, st.size)
		return e.text(b.Text, st, w).as(RoleParagraph)
	case *deck.Heading:
		return e.heading(b, w, sc)
	case *deck.List:
		return e.list(b, w, sc)
	case *deck.Labeled:
		return e.labeled(b, w, sc)
	case *deck.Stats:
		return e.stats(b, w, sc)
	case *deck.Columns:
		return e.columns(b, w, h, sc)
	case *deck.Link:
		return e.link(b, w, sc, alignLeft)
	}
	return frame{}
}

// raggedEms is the width, in ems of the body size, under which a
// paragraph mostly in Latin script is set ragged right: justified, its
// few words a line open wide gaps between them.
const raggedEms = 36

// proseAlign returns how a paragraph of text in a column w wide at size
// is aligned: justified, as Chinese is set, or flush left when most of
// its letters are Latin and the column is narrower than raggedEms.
func proseAlign(text string, w, size float64) align {
	wide, narrow := 0, 0
	for _, r := range text {
		switch {
		case linebreak.IsWide(r):
			wide++
		case unicode.IsLetter(r):
			narrow++
		}
	}
	if narrow > wide && w < raggedEms*size {
		return alignLeft
	}
	return alignJustify
}

// heading: bold text in the primary colour after a short accent bar.
func (e *engine) heading(b *deck.Heading, w float64, sc scaled) frame {
	c := e.theme.Colors
	bar := sc.heading * 0.25
	indent := bar + sc.heading*0.5
	t := e.text(b.Text, textStyle{size: sc.heading, leading: 1.35, color: c.Primary, bold: true, align: alignLeft}, w-indent)
	f := frame{w: w, h: t.h}
	lh := sc.heading * 1.35
	f.addAs(RoleArtifact, Box{Rect: Rect{0, (lh - sc.heading) / 2, bar, sc.heading}, Fill: c.Accent})
	f.placeAs(t, indent, 0, RoleHeading)
	return f
}

// list: one marker and one justified paragraph an item.
func (e *engine) list(b *deck.List, w float64, sc scaled) frame {
	st := e.bodyStyle(sc)
	indent := sc.body * 1.4
	switch b.Marker {
	case deck.MarkerCheck:
		indent = sc.body * 1.6
	case deck.MarkerNumber:
		// Room for the widest number and its point, and a space.
		num := e.listNumber(len(b.Items), sc)
		indent = max(indent, num.w+sc.body*0.5)
	}
	f := frame{w: w}
	lh := st.size * st.leading
	for i, it := range b.Items {
		if i > 0 {
			f.h += sc.body * 0.6 * sc.spread
		}
		t := e.text(it, st, w-indent)
		mid := f.h + lh/2 // the middle of the first line
		item := len(f.nodes)
		switch b.Marker {
		case deck.MarkerBullet:
			r := sc.body * 0.17
			f.addAs(RoleLabel, Box{Rect: Rect{sc.body * 0.3, mid - r, 2 * r, 2 * r}, Fill: e.theme.Colors.Primary, Radius: r}).Alt = "•"
		case deck.MarkerNumber:
			// The number in bold in the primary colour, its point at the
			// same place on every item.
			num := e.listNumber(i+1, sc)
			f.placeAs(num, indent-sc.body*0.5-num.w, f.h+(lh-num.h)/2, RoleLabel)
		case deck.MarkerCheck:
			s := sc.body * 0.95
			x0, y0 := sc.body*0.15, mid-s/2
			f.addAs(RoleLabel, Box{Rect: Rect{x0, y0, s, s}, Fill: e.theme.Colors.Accent, Radius: s * 0.18},
				Path{Points: []Point{{x0 + s*0.22, y0 + s*0.52}, {x0 + s*0.43, y0 + s*0.72}, {x0 + s*0.79, y0 + s*0.30}},
					Stroke: deck.Color{R: 255, G: 255, B: 255, A: 255}, Width: s * 0.13}).Alt = "✓"
		}
		f.placeAs(t, indent, f.h, RoleBody)
		f.group(RoleListItem, item)
		f.h += t.h
	}
	f.group(RoleList, 0)
	return f
}

// listNumber sets the number n of a numbered list, "n.", in bold in the
// primary colour at body size.
func (e *engine) listNumber(n int, sc scaled) frame {
	t := deck.Text{Pos: e.theme.StringPos(deck.Pos{}), Spans: []deck.Span{{Text: strconv.Itoa(n) + "."}}}
	return e.text(t, textStyle{size: sc.body, leading: sc.leading, color: e.theme.Colors.Primary, bold: true, align: alignLeft}, math.Inf(1))
}

// labeled: a label cell in the primary colour, the text on a tinted panel.
func (e *engine) labeled(b *deck.Labeled, w float64, sc scaled) frame {
	c := e.theme.Colors
	labelSize := sc.body * 1.2
	// Two characters a line, or the longest word of the slide's labels
	// when that is wider ("Summary"), up to two fifths of the block: the
	// labels of a slide line up.
	word := 0.0
	for _, l := range append(e.labels, b.Label.Plain()) {
		word = max(word, e.longestPiece(l, true, labelSize))
	}
	labelW := max(labelSize*2, min(word, 0.4*w-sc.body*1.6))
	cellW := labelW + sc.body*1.6
	pad := sc.body * 0.8
	label := e.text(b.Label, textStyle{size: labelSize, leading: 1.25, color: white, bold: true, align: alignCenter}, labelW+0.01)
	st := e.bodyStyle(sc)
	textW := w - cellW - 2*pad
	body := frame{w: textW}
	for i, p := range b.Body {
		if i > 0 {
			body.h += sc.body * 0.35
		}
		g := e.text(p, st, textW)
		body.placeAs(g, 0, body.h, RoleParagraph)
		body.h += g.h
	}
	h := max(body.h+2*pad, label.h+2*pad)
	f := frame{w: w, h: h}
	f.addAs(RoleArtifact, Box{Rect: Rect{0, 0, cellW, h}, Fill: c.Primary},
		Box{Rect: Rect{cellW, 0, w - cellW, h}, Fill: c.Light})
	f.placeAs(label, (cellW-label.w)/2, (h-label.h)/2, RoleHeading)
	f.place(body, cellW+pad, (h-body.h)/2)
	return f
}

// stats: a title bar over one row a stat: the figure large on the left,
// who said it in bold and the statement on the right.
func (e *engine) stats(b *deck.Stats, w float64, sc scaled) frame {
	return e.statsGrown(b, w, sc, 0)
}

// statsGrown lays out the callouts, each grow taller than it needs: a
// column of them beside a taller one grows so that both end on one line.
func (e *engine) statsGrown(b *deck.Stats, w float64, sc scaled, grow float64) frame {
	c := e.theme.Colors
	f := frame{w: w}
	if !b.Title.IsZero() {
		pad := sc.body * 0.45
		t := e.text(b.Title, textStyle{size: sc.body, leading: 1.4, color: white, bold: true, align: alignCenter}, w-2*pad)
		f.addAs(RoleArtifact, Box{Rect: Rect{0, 0, w, t.h + 2*pad}, Fill: c.Primary})
		f.placeAs(t, pad, pad, RoleCaption)
		f.h = t.h + 2*pad + sc.body*0.5
	}
	pad := sc.body * 0.7
	bar := sc.body * 0.25
	figs := make([]frame, len(b.Items))
	figW := 0.0
	for i, s := range b.Items {
		figs[i] = e.figure(s.Figure, sc)
		figW = max(figW, figs[i].w)
	}
	textX := bar + pad + figW + pad
	textW := w - textX - pad
	for i, s := range b.Items {
		if i > 0 {
			f.h += sc.body * 0.5
		}
		g := frame{w: textW}
		for _, part := range []struct {
			t    deck.Text
			bold bool
		}{{s.Who, true}, {s.Statement, false}} {
			if part.t.IsZero() {
				continue
			}
			st := e.bodyStyle(sc)
			if part.bold {
				st.bold, st.color = true, c.Primary
			}
			t := e.text(part.t, st, textW)
			g.place(t, 0, g.h)
			g.h += t.h
		}
		h := max(g.h, figs[i].h) + 2*pad + grow
		item := len(f.nodes)
		f.addAs(RoleArtifact, Box{Rect: Rect{0, f.h, w, h}, Fill: c.Light}, Box{Rect: Rect{0, f.h, bar, h}, Fill: c.Accent})
		f.placeAs(figs[i], bar+pad, f.h+(h-figs[i].h)/2, RoleLabel)
		f.placeAs(g, textX, f.h+(h-g.h)/2, RoleBody)
		f.group(RoleListItem, item)
		f.h += h
	}
	f.group(RoleList, 0)
	return f
}

// figure sets a stat's figure on one line at its natural width: leading
// words such as 约 at a little over body size, the number from its first
// digit on (with its sign, currency or decimal point: -5.5%, ¥1.2, .5) at
// the figure size, both on one baseline.
func (e *engine) figure(t deck.Text, sc scaled) frame {
	plain := t.Plain()
	i := max(strings.IndexFunc(plain, unicode.IsDigit), 0)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(plain[:i])
		if !strings.ContainsRune(numberLead, r) {
			break
		}
		i -= n
	}
	accent := e.theme.Colors.Accent
	bold := e.fonts.Bold
	big := e.line(deck.Text{Pos: t.Pos, Spans: []deck.Span{{Text: plain[i:]}}}, sc.figure, accent)
	f := frame{w: big.w, h: big.h}
	if i > 0 {
		size := sc.body * 1.2
		small := e.line(deck.Text{Pos: t.Pos, Spans: []deck.Span{{Text: plain[:i]}}}, size, accent)
		bigBase := (big.h-sc.figure)/2 + bold.EmTop()*sc.figure
		smallBase := (small.h-size)/2 + bold.EmTop()*size
		f.place(small, 0, bigBase-smallBase)
		x := small.w + sc.body*0.1
		f.place(big, x, 0)
		f.w = x + big.w
		return f
	}
	f.place(big, 0, 0)
	return f
}

// numberLead holds what may stand right before a number's first digit and
// belongs to it: signs, currency symbols, a decimal point.
const numberLead = "+-−±.¥￥$€£"

// flexible reports whether a block grows to fill the height it is given:
// a chart without a fixed height, or columns holding one.
func flexible(b deck.Block) bool {
	switch b := b.(type) {
	case *deck.Chart:
		return b.Height == 0
	case *deck.Diagram:
		return b.Height == 0
	case *deck.Picture:
		return b.Height == 0
	case *deck.Columns:
		for _, col := range b.Columns {
			for _, c := range col {
				if flexible(c) {
					return true
				}
			}
		}
	}
	return false
}

// columns: the blocks of each column stacked, columns side by side.
func (e *engine) columns(b *deck.Columns, w, h float64, sc scaled) frame {
	gutter := sc.body * 2
	total := 0.0
	for _, wt := range b.Weights {
		total += wt
	}
	avail := w - gutter*float64(len(b.Columns)-1)
	f := frame{w: w}
	cols := make([]frame, len(b.Columns))
	for i, col := range b.Columns {
		cols[i] = e.stack(col, avail*b.Weights[i]/total, h, sc)
		f.h = max(f.h, cols[i].h)
	}
	x := 0.0
	for i, col := range b.Columns {
		cw := avail * b.Weights[i] / total
		// A column of stat callouts beside a taller one grows its
		// callouts, so that both end on one line.
		if st, ok := onlyStats(col); ok && cols[i].h < f.h-0.01 && len(st.Items) > 0 {
			cols[i] = e.statsGrown(st, cw, sc, (f.h-cols[i].h)/float64(len(st.Items)))
		} else if e.fillsBeside(col, cols[i], h, f.h, sc) {
			cols[i] = e.fill(col, cw, f.h, cols[i], false)
		}
		f.place(cols[i], x, 0)
		x += cw + gutter
	}
	return f
}

// fillsBeside reports whether a column laid out as col, shorter than
// the columns' height colsH, grows into that height as a body with room
// does (see fill): when the columns are given a height h to fill (a
// picture or chart beside the column takes it), the column holds nothing
// that fills it itself, the theme's policy is FitFill and the body is at
// its base size, not shrunk. The text beside a picture then stands in
// the middle of the picture's height, at the size a short body grows to,
// not at the top of its column with the lower part of the slide empty.
func (e *engine) fillsBeside(blocks []deck.Block, col frame, h, colsH float64, sc scaled) bool {
	return h > 0 && col.h < colsH-0.01 && e.theme.Fit == deck.FitFill && sc.k == 1 && sc.spread == 1 && !anyFlexible(blocks)
}

// onlyStats returns the stats block that is a column's only block.
func onlyStats(col []deck.Block) (*deck.Stats, bool) {
	if len(col) != 1 {
		return nil, false
	}
	st, ok := col[0].(*deck.Stats)
	return st, ok
}

// link: underlined text in the primary colour that opens the URL.
func (e *engine) link(b *deck.Link, w float64, sc scaled, al align) frame {
	size := sc.body * 1.15
	c := e.theme.Colors.Primary
	t := e.text(b.Text, textStyle{size: size, leading: 1.5, color: c, align: al}, w)
	f := frame{w: w, h: t.h, overflow: t.overflow, src: t.src}
	// The text and the links are the link's; the underlines are drawn.
	link, under := &Node{Role: RoleLink}, &Node{Role: RoleArtifact}
	for _, p := range t.items {
		it := p.get()
		r := it.Bounds()
		base := it.(TextRun).At.Y + size*0.12
		n := len(f.items)
		f.add(it, Path{Points: []Point{{r.X, base}, {r.X + r.W, base}}, Stroke: c, Width: size * 0.06})
		f.add(Link{Rect: Rect{r.X, r.Y - size*0.2, r.W, r.H + size*0.4}, URL: asciiURI(b.URL)})
		link.Items = append(link.Items, n, n+2)
		under.Items = append(under.Items, n+1)
	}
	if len(t.items) > 0 {
		f.nodes = []*Node{link, under}
	}
	return f
}

var white = deck.Color{R: 255, G: 255, B: 255, A: 255}

// asciiURI percent-encodes what a PDF's URI may not hold (it is 7-bit
// ASCII): the bytes of non-ASCII characters, spaces, controls and the
// characters URIs exclude. https://例子.cn/路径 opens as it should.
func asciiURI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
