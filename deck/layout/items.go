package layout

import (
	"slices"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/fonts"
)

// A Point is a position on the page, in points from the top left.
type Point struct{ X, Y float64 }

// A Rect is a rectangle by its top left corner and size.
type Rect struct{ X, Y, W, H float64 }

// A Page is one laid-out page of a slide: a slide whose table continues
// gives several pages, so a page's number is not its slide's.
type Page struct {
	Size  deck.Size
	Title string // the bookmark of the page in the PDF outline
	Items []Item
	Src   deck.Pos
	// Slide is the index in deck.Slides of the slide the page shows, and
	// Part which of its pages it is: 0 for the first, 1 for the first
	// continuation, and so on.
	Slide, Part int
	// Tree is the page's structure: a Section whose nodes hold every item
	// of the page, each in one leaf, in reading order (see Node).
	Tree *Node
}

// An Item is something drawn on a page: a TextRun, Box, Path, Image or Link.
type Item interface {
	// Bounds returns the rectangle the item covers.
	Bounds() Rect
	item() // only the five kinds above are items
}

// A TextRun is a line, or a piece of a line, of text in one face.
type TextRun struct {
	At   Point // the start of the baseline
	Face *fonts.Face
	Size float64
	Fill deck.Color
	Text string
	// Spacing is added after every character (the PDF's character spacing),
	// to justify lines of Chinese text.
	Spacing float64
	// Hidden text is not drawn but can be searched, copied and read
	// aloud: the data of a chart picture, over the picture.
	Hidden bool
	// Half reports that the run's last character is a closing punctuation
	// mark set at half its advance: where two marks meet ("）。", "：（"),
	// or where a justified line gave up the mark's blank half to take
	// one more piece. Width and Bounds count the half advance: the next
	// run, or the column's edge, is there. A painter that can draw the
	// mark's half-width form (fonts.HalfWidth) draws it, so that the
	// glyph ends where the next run starts; one that places each run
	// where it is told may draw the full glyph, whose blank half then
	// lies under the next run or past the line's end.
	Half bool
	Src  deck.Pos
}

// Width returns the width of the run from its start to the end of its last
// character: the advances plus the spacing between characters, the last
// mark of a Half run at half its advance.
func (t TextRun) Width() float64 {
	n := utf8.RuneCountInString(t.Text)
	if n == 0 {
		return 0
	}
	w := t.Face.Width(t.Text, t.Size) + float64(n-1)*t.Spacing
	if t.Half {
		w -= t.Size / 2
	}
	return w
}

// Bounds returns the run's em box.
func (t TextRun) Bounds() Rect {
	return Rect{t.At.X, t.At.Y - t.Face.EmTop()*t.Size, t.Width(), t.Size}
}

// A Box is a rectangle, filled, stroked or both, with rounded corners when
// Radius is positive. A zero colour is not drawn.
type Box struct {
	Rect        Rect
	Fill        deck.Color
	Stroke      deck.Color
	StrokeWidth float64
	Radius      float64
}

// Bounds returns the box's rectangle.
func (b Box) Bounds() Rect { return b.Rect }

// A Path is a polyline, stroked with round joins and caps. Closed joins
// its last point back to its first. Fill fills the area the points enclose,
// closed or not, by the nonzero winding rule, under the stroke. A zero
// colour is not drawn: the zero Fill and Closed give an open polyline.
type Path struct {
	Points []Point
	Stroke deck.Color
	Width  float64
	Fill   deck.Color
	Closed bool
}

// Bounds returns the rectangle around the path's points.
func (p Path) Bounds() Rect {
	if len(p.Points) == 0 {
		return Rect{}
	}
	x0, y0, x1, y1 := p.Points[0].X, p.Points[0].Y, p.Points[0].X, p.Points[0].Y
	for _, q := range p.Points[1:] {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// An Image is a PNG or JPEG file drawn into a rectangle. A chart's picture
// is laid out before it is drawn: Chart is set and Data is empty until
// package charts fills it in with a PNG at the size of Rect.
type Image struct {
	Rect  Rect
	Name  string // identifies the image; the same name is embedded once
	Data  []byte // the file's bytes
	JPEG  bool   // Data holds a JPEG file, not a PNG
	Chart *deck.Chart
}

// Bounds returns the image's rectangle.
func (i Image) Bounds() Rect { return i.Rect }

// A Link makes a rectangle open a URL when clicked, or, when Page is
// set, go to a page of the document.
type Link struct {
	Rect Rect
	URL  string
	// Page is the number (from 1) of the page the link goes to; 0 for a
	// link that opens URL.
	Page int
}

// Bounds returns the link's rectangle.
func (l Link) Bounds() Rect { return l.Rect }

func (TextRun) item() {}
func (Box) item()     {}
func (Path) item()    {}
func (Image) item()   {}
func (Link) item()    {}

// moved returns p moved by dx, dy. The other items are moved as placed
// (see placed.moved).
func (p Path) moved(dx, dy float64) Path {
	pts := make([]Point, len(p.Points))
	for i, q := range p.Points {
		pts[i] = Point{q.X + dx, q.Y + dy}
	}
	p.Points = pts
	return p
}

// A placed item is an item of a frame and where it is in the frame. The
// frame keeps the item's position apart from it, so that placing the
// frame in another moves the item without making it anew, as moving an
// Item does: a body is laid out several times while it is fitted, and
// only the items of the frame drawn on a page are made where they are
// (see get). A Path, which has more than one point, is moved as it is
// placed.
type placed struct {
	item Item
	// at is where item is: a TextRun's At, or the top left corner of a
	// Box's, Image's or Link's Rect; unused for a Path.
	at Point
}

// placedItem returns it as a frame holds it.
func placedItem(it Item) placed {
	switch v := it.(type) {
	case TextRun:
		return placed{item: it, at: v.At}
	case Path:
		return placed{item: it}
	}
	b := it.Bounds() // a Box, Image or Link: its Rect
	return placed{item: it, at: Point{b.X, b.Y}}
}

// moved returns p moved by dx, dy.
func (p placed) moved(dx, dy float64) placed {
	if path, ok := p.item.(Path); ok {
		p.item = path.moved(dx, dy)
		return p
	}
	p.at.X += dx
	p.at.Y += dy
	return p
}

// get returns the item where it is.
func (p placed) get() Item {
	switch it := p.item.(type) {
	case TextRun:
		it.At = p.at
		return it
	case Box:
		it.Rect.X, it.Rect.Y = p.at.X, p.at.Y
		return it
	case Image:
		it.Rect.X, it.Rect.Y = p.at.X, p.at.Y
		return it
	case Link:
		it.Rect.X, it.Rect.Y = p.at.X, p.at.Y
		return it
	}
	return p.item // a Path
}

// bounds returns get().Bounds(), without making the item.
func (p placed) bounds() Rect {
	switch it := p.item.(type) {
	case TextRun:
		it.At = p.at
		return it.Bounds()
	case Path:
		return it.Bounds()
	}
	b := p.item.Bounds() // a Box, Image or Link: its Rect
	b.X, b.Y = p.at.X, p.at.Y
	return b
}

// A frame is a laid-out piece of a page: a size and items relative to its
// top left corner.
type frame struct {
	w, h  float64
	items []placed
	// nodes are the frame's structure: the top of its trees, whose
	// items, each node's base added (see Node), index items. An item in
	// no node is loose: a text's runs, before the block that sets them
	// says what they are.
	nodes []*Node
	// overflow is how far the content exceeds the width it was given, and
	// src the block that does.
	overflow float64
	src      deck.Pos
	// warns are warnings about how the content is drawn (an image printed
	// at a low resolution): a body is laid out several times while it is
	// fitted, and only the frame drawn on a page gives them (see slide).
	warns deck.Diagnostics
}

// place adds g's items to f with g's top left corner at (x, y).
func (f *frame) place(g frame, x, y float64) {
	f.nodes = slices.Grow(f.nodes, len(g.nodes))
	f.items = slices.Grow(f.items, len(g.items))
	for _, n := range g.nodes {
		f.nodes = append(f.nodes, n.shifted(len(f.items)))
	}
	for _, it := range g.items {
		f.items = append(f.items, it.moved(x, y))
	}
	if g.overflow > f.overflow {
		f.overflow, f.src = g.overflow, g.src
	}
	f.warns = append(f.warns, g.warns...)
}

func (f *frame) add(items ...Item) {
	for _, it := range items {
		f.items = append(f.items, placedItem(it))
	}
}

// appendItems appends f's items to out, each where it is.
func (f *frame) appendItems(out []Item) []Item {
	out = slices.Grow(out, len(f.items))
	for _, p := range f.items {
		out = append(out, p.get())
	}
	return out
}
