package layout

import (
	"cmp"
	"fmt"
	"math"
	"path"
	"strings"
	"sync"

	"github.com/deckpdf/deck/deck"
	qrcode "github.com/skip2/go-qrcode"
)

// blockTitle sets the bold, centred title that charts, tables, comparisons
// and diagrams carry above them: their Caption.
func (e *engine) blockTitle(t deck.Text, w float64, sc scaled) frame {
	if t.IsZero() {
		return frame{w: w}
	}
	f := e.text(t, textStyle{size: sc.body, leading: 1.4, color: e.theme.Colors.Text, bold: true, align: alignCenter}, w)
	f.h += sc.body * 0.3
	return f.as(RoleCaption)
}

// comparison sets its columns side by side, a heading bar over boxed
// items, with a VS badge between neighbours. Items in the same row have
// the same height across columns.
func (e *engine) comparison(b *deck.Comparison, w float64, sc scaled) frame {
	c := e.theme.Colors
	f := e.blockTitle(b.Title, w, sc)
	n := len(b.Columns)
	if n == 0 {
		return f
	}
	gutter := sc.body * 2.8
	cw := (w - gutter*float64(n-1)) / float64(n)
	pad := sc.body * 0.6
	st := e.bodyStyle(sc)
	st.leading = 1.45
	rows := 0
	for _, col := range b.Columns {
		rows = max(rows, len(col.Items))
	}
	heads := make([]frame, n)
	headH := 0.0
	for i, col := range b.Columns {
		heads[i] = e.text(col.Heading, textStyle{size: sc.body, leading: 1.35, color: white, bold: true, align: alignCenter}, cw-2*pad)
		headH = max(headH, heads[i].h+2*pad*0.8)
	}
	// Items that are sentences are set flush left, after a marker when a
	// column has more than one (a list of one needs none); when all are
	// short phrases, each is centred in its box.
	sentences := e.compareSentences(b, st, cw-2*pad)
	markers := sentences && rows > 1
	indent := 0.0
	if markers {
		indent = sc.body * 1.1
	}
	cells := make([][]frame, n)
	rowH := make([]float64, rows)
	for i, col := range b.Columns {
		for k, it := range col.Items {
			ist := st
			if !sentences {
				ist.align = alignCenter
			}
			cell := e.text(it, ist, cw-2*pad-indent)
			cells[i] = append(cells[i], cell)
			rowH[k] = max(rowH[k], cell.h+2*pad)
		}
	}
	top := f.h
	gap := sc.body * 0.45
	for i := range b.Columns {
		x := float64(i) * (cw + gutter)
		fill := compareFill(c, b.Highlight, i, n)
		// A column is a list under its heading.
		list := len(f.nodes)
		f.addAs(RoleArtifact, Box{Rect: Rect{x, top, cw, headH}, Fill: fill, Radius: sc.body * 0.2})
		f.placeAs(heads[i], x+pad, top+(headH-heads[i].h)/2, RoleCaption)
		y := top + headH
		for k, cell := range cells[i] {
			y += gap
			item := len(f.nodes)
			f.addAs(RoleArtifact, Box{Rect: Rect{x, y, cw, rowH[k]}, Fill: c.Light, Radius: sc.body * 0.2})
			cy := y + (rowH[k]-cell.h)/2
			if markers {
				// The marker at the middle of the first line, in the
				// column's colour.
				rad := sc.body * 0.17
				mid := cy + st.size*st.leading/2
				f.addAs(RoleLabel, Box{Rect: Rect{x + pad + sc.body*0.3, mid - rad, 2 * rad, 2 * rad}, Fill: fill, Radius: rad}).Alt = "•"
			}
			f.placeAs(cell, x+pad+indent, cy, RoleBody)
			f.group(RoleListItem, item)
			y += rowH[k]
		}
		f.group(RoleList, list)
	}
	h := headH
	for _, rh := range rowH {
		h += gap + rh
	}
	// The VS badges, in the gutters, at the middle of the rows under the
	// headings.
	r := sc.body * 1.05
	for i := 1; i < n; i++ {
		cx := float64(i)*(cw+gutter) - gutter/2
		cy := top + headH + (h-headH)/2
		from := len(f.items)
		f.add(Box{Rect: Rect{cx - r, cy - r, 2 * r, 2 * r}, Fill: c.Accent, Radius: r})
		vs := e.label("VS", e.theme.StringPos(deck.Pos{}), sc.body*0.8, true, white)
		f.place(vs, cx-vs.w/2, cy-vs.h/2)
		f.leaf(RoleArtifact, from) // the badge says what the columns' order says
	}
	f.h = top + h
	return f
}

// phraseEms is the longest an item of a comparison may be, in ems of its
// size, and still be a phrase that is centred in its box: a longer one,
// or one that wraps, reads as a sentence.
const phraseEms = 14

// compareSentences reports whether an item of b is a sentence: longer
// than phraseEms, or wrapping in a cell of width w. Then every item is set
// flush left (after a marker), as a list is, since centred lines of a
// sentence have ragged edges on both sides and are hard to read.
func (e *engine) compareSentences(b *deck.Comparison, st textStyle, w float64) bool {
	st.align = alignLeft // its width is then its longest line's
	for _, col := range b.Columns {
		for _, it := range col.Items {
			one := e.text(it, st, math.Inf(1))
			if one.w > phraseEms*st.size+0.01 || one.w > w+0.01 {
				return true
			}
		}
	}
	return false
}

// compareFill is the colour of the heading of column i of n: of two
// columns, the highlighted one is in the primary colour and the other
// muted; more columns are all in the primary colour.
func compareFill(c deck.Palette, hl deck.Side, i, n int) deck.Color {
	if n != 2 || hl == deck.SideNone {
		return c.Primary
	}
	if (i == 0) == (hl == deck.SideLeft) {
		return c.Primary
	}
	return c.Muted
}

// diagram draws layers as rows of boxes, the first on top: the label in a
// cell on the left and the items side by side; a layer without items is
// one band. A chevron between layers shows that each rests on the one
// below. The rows share the height h when the diagram is flexible.
func (e *engine) diagram(d *deck.Diagram, w, h float64, sc scaled) frame {
	c := e.theme.Colors
	f := e.blockTitle(d.Title, w, sc)
	n := float64(len(d.Layers))
	if n == 0 {
		return f
	}
	gap := sc.body * 1.1
	minRow := sc.body * 2.4
	target := h
	if d.Height > 0 {
		target = d.Height
	}
	rowH := math.Max(minRow, math.Min(sc.body*4.5, (target-f.h-gap*(n-1))/n))
	labelW := sc.body * 6
	itemGap := sc.body * 0.5
	y := f.h
	from := len(f.items) // the drawing: one Figure
	for li, l := range d.Layers {
		if li > 0 {
			// A chevron pointing up, between the layers.
			cx, cy, s := w/2, y+gap/2, sc.body*0.45
			f.add(Path{Points: []Point{{cx - s, cy + s*0.5}, {cx, cy - s*0.5}, {cx + s, cy + s*0.5}}, Stroke: c.Muted, Width: sc.body * 0.12})
			y += gap
		}
		lab := textStyle{size: sc.body, leading: 1.3, color: white, bold: true, align: alignCenter}
		if len(l.Items) == 0 {
			fill := c.Primary
			if l.Highlight {
				fill = c.Accent
			}
			f.add(Box{Rect: Rect{0, y, w, rowH}, Fill: fill, Radius: sc.body * 0.25})
			lab.size = sc.body * 1.1
			t := e.text(l.Label, lab, w-sc.body)
			f.place(t, sc.body/2, y+(rowH-t.h)/2)
			y += rowH
			continue
		}
		cellFill := c.Primary
		if l.Highlight {
			cellFill = c.Accent
		}
		f.add(Box{Rect: Rect{0, y, labelW, rowH}, Fill: cellFill, Radius: sc.body * 0.25})
		t := e.text(l.Label, lab, labelW-sc.body)
		f.place(t, sc.body/2, y+(rowH-t.h)/2)
		k := float64(len(l.Items))
		iw := (w - labelW - itemGap*k) / k
		for i, it := range l.Items {
			x := labelW + itemGap + float64(i)*(iw+itemGap)
			f.add(Box{Rect: Rect{x, y, iw, rowH}, Fill: c.Light, Stroke: c.Primary.Mix(0.6), StrokeWidth: 0.6, Radius: sc.body * 0.25})
			tt := e.text(it, textStyle{size: sc.body, leading: 1.3, color: c.Primary, bold: true, align: alignCenter}, iw-sc.body*0.6)
			f.place(tt, x+sc.body*0.3, y+(rowH-tt.h)/2)
		}
		y += rowH
	}
	f.h = y
	if fig := f.leaf(RoleFigure, from); fig != nil {
		fig.Alt = diagramAlt(d)
	}
	return f
}

// diagramAlt says what a diagram shows: its title, then its layers from the
// top, each label with its items in brackets ("云计算与基础资源和新型技术间
// 的关系示意图，自上而下4层：行业应用（金融、制造、政府、医疗）；…；云计算；…").
func diagramAlt(d *deck.Diagram) string {
	var b strings.Builder
	b.WriteString(cmp.Or(d.Title.Plain(), "示意图"))
	fmt.Fprintf(&b, "，自上而下%d层：", len(d.Layers))
	for i, l := range d.Layers {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(l.Label.Plain())
		if len(l.Items) > 0 {
			items := make([]string, len(l.Items))
			for k, it := range l.Items {
				items[k] = it.Plain()
			}
			b.WriteString("（" + strings.Join(items, "、") + "）")
		}
	}
	return b.String()
}

// qr draws a QR code as squares, each run of dark modules in a row one box,
// on a white square that holds the quiet zone of four modules; the block's
// left edge is that of the modules.
// defaultQRSize is the side of a QR code that sets none, outside a
// closing slide, in points.
const defaultQRSize = 110

// closingQRShare is the side of a QR code that sets none on a closing
// slide, as a share of the page's height: the code is what the page is
// for, large enough to scan from across a table.
const closingQRShare = 0.3

// sizedForPage returns blocks with each QR code that sets no size sized
// for a closing page of height h: the blocks are the slide's, not to be
// changed, so a QR code is copied.
func sizedForPage(blocks []deck.Block, h float64) []deck.Block {
	out := make([]deck.Block, len(blocks))
	for i, b := range blocks {
		if q, ok := b.(*deck.QR); ok && q.Size == 0 {
			sized := *q
			sized.Size = h * closingQRShare
			b = &sized
		}
		out[i] = b
	}
	return out
}

func (e *engine) qr(q *deck.QR) frame {
	if q.URL == "" {
		return frame{} // the loader has said it needs one
	}
	bits, err := e.qrBits(q.URL)
	if err != nil {
		e.diags.Errorf(q.Pos, "cannot make a QR code of %q: %v", q.URL, err)
		return frame{}
	}
	n := len(bits)
	const quiet = 4
	size := cmp.Or(q.Size, defaultQRSize)
	m := size / float64(n+2*quiet)
	// The modules line up with the text beside the code: the quiet zone
	// on the left hangs out of the block, into the white around it.
	hang := quiet * m
	f := frame{w: size - hang, h: size}
	f.add(Box{Rect: Rect{-hang, 0, size, size}, Fill: white})
	dark := deck.Color{A: 255}
	for y, row := range bits {
		for x := 0; x < n; {
			if !row[x] {
				x++
				continue
			}
			end := x
			for end < n && row[end] {
				end++
			}
			f.add(Box{Rect: Rect{float64(x) * m, float64(quiet+y) * m, float64(end-x) * m, m}, Fill: dark})
			x = end
		}
	}
	f.leaf(RoleFigure, 0).Alt = "二维码：" + q.URL
	return f
}

// qrBits returns the modules of the QR code of url, without its border,
// made once a process (makeQR): the fit search lays a slide out at
// several sizes. The codes qrAhead made are taken first.
func (e *engine) qrBits(url string) ([][]bool, error) {
	if e.qrMade != nil {
		if c, ok := e.qrMade()[url]; ok {
			return c.bits, c.err
		}
	}
	c := makeQR(url)
	return c.bits, c.err
}

// qrAhead makes the QR codes of d's QR blocks on another core while the
// slides before them are laid out: go-qrcode weighs all eight masks of a
// code, a millisecond for the report's closing slide.
func (e *engine) qrAhead(d *deck.Deck) {
	var urls []string
	add := func(bs []deck.Block) {
		for _, b := range bs {
			if q, ok := b.(*deck.QR); ok && q.URL != "" {
				urls = append(urls, q.URL)
			}
		}
	}
	for _, s := range d.Slides {
		add(s.Blocks)
		for _, b := range s.Blocks {
			if c, ok := b.(*deck.Columns); ok {
				for _, col := range c.Columns {
					add(col)
				}
			}
		}
	}
	if len(urls) == 0 {
		return
	}
	made := make(chan map[string]qrCode, 1)
	e.qrMade = sync.OnceValue(func() map[string]qrCode { return <-made })
	go func() {
		codes := map[string]qrCode{}
		for _, u := range urls {
			if _, ok := codes[u]; !ok {
				codes[u] = makeQR(u)
			}
		}
		made <- codes
	}()
}

// makeQR returns the QR code of url, made once a process: deck watch,
// and a program that renders again, lay the same codes out at every
// render, and go-qrcode takes a millisecond for one. The modules are
// shared, and read only.
func makeQR(url string) qrCode {
	madeQR.Lock()
	c, ok := madeQR.codes[url]
	madeQR.Unlock()
	if ok {
		return c
	}
	c = encodeQR(url)
	madeQR.Lock()
	defer madeQR.Unlock()
	if len(madeQR.codes) >= qrKept {
		clear(madeQR.codes)
	}
	if madeQR.codes == nil {
		madeQR.codes = map[string]qrCode{}
	}
	madeQR.codes[url] = c
	return c
}

// madeQR holds the QR codes made in this process, by URL, at most qrKept
// (the largest, of 177×177 modules, takes 35 KB).
var madeQR struct {
	sync.Mutex
	codes map[string]qrCode
}

// qrKept is how many QR codes a process keeps; past that it starts again.
const qrKept = 64

// encodeQR makes the QR code of url.
var encodeQR = func(url string) qrCode {
	var c qrCode
	code, err := qrcode.New(url, qrcode.Medium)
	if c.err = err; err == nil {
		code.DisableBorder = true
		c.bits = code.Bitmap()
	}
	return c
}

// A qrCode is the modules of a QR code, or why it could not be made.
type qrCode struct {
	bits [][]bool
	err  error
}

// picture scales an image to the width w and the height h it is given (its
// own Height, or at least a third of the width when flexible), keeping its
// aspect, centred across the width.
func (e *engine) picture(p *deck.Picture, w, h float64, sc scaled) frame {
	if p.Aspect == 0 {
		return frame{w: w}
	}
	var caption frame
	gap := 0.0
	if !p.Caption.IsZero() {
		st := textStyle{size: e.theme.Sizes.Small * sc.k, leading: 1.45, color: e.theme.Colors.Muted, align: alignCenter}
		caption = e.text(p.Caption, st, w)
		gap = sc.body * 0.5
	}
	ph := p.Height
	if ph == 0 {
		ph = max(h-caption.h-gap, sc.body*8)
	}
	slot := w
	switch {
	case p.Width > 0:
		slot = min(w, p.Width)
	case p.WidthShare > 0:
		slot = w * p.WidthShare
	}
	iw := min(slot, ph*p.Aspect)
	ih := iw / p.Aspect
	f := frame{w: w, h: ih}
	if dpi := float64(p.Pixels[0]) / (iw / 72); dpi < 96 {
		f.warns.Warnf(p.Pos, "image %q is %d×%d pixels: %.0fpt wide on the slide, it prints at %.0f dpi and looks blurred; use one %d pixels wide or more",
			p.File.Path, p.Pixels[0], p.Pixels[1], iw, dpi, int(iw/72*150+0.5))
	}
	f.addAs(RoleFigure, Image{Rect: Rect{(w - iw) / 2, 0, iw, ih}, Name: path.Clean(p.File.Path), Data: p.File.Data, JPEG: p.Format == "jpeg"}).Alt = p.Alt
	if !p.Caption.IsZero() {
		f.h += gap
		f.placeAs(caption, 0, f.h, RoleCaption)
		f.h += caption.h
		f.overflow, f.src = caption.overflow, caption.src
	}
	return f
}
