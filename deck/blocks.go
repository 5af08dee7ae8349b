package deck

// A Table is a grid of text in one or more groups, each with its own header
// row. A table too tall for its slide continues on the next.
type Table struct {
	Pos    Pos
	Title  Text
	Groups []TableGroup
	// Widths gives each column's share of the width; nil sizes the columns
	// from their content.
	Widths []float64
}

// A TableGroup is a header row and the rows under it.
type TableGroup struct {
	Pos    Pos
	Header []Text
	Rows   [][]Text
}

// A Comparison sets two or more columns side by side, each a heading over
// its items, with "VS" between them.
type Comparison struct {
	Pos     Pos
	Title   Text
	Columns []CompareColumn
}

// A CompareColumn is one side of a comparison.
type CompareColumn struct {
	Pos     Pos
	Heading Text
	Items   []Text
}

// A Diagram is a stack of layers drawn as boxes, the first on top: each
// layer a label and the items in it.
type Diagram struct {
	Pos    Pos
	Title  Text
	Layers []Layer
	Height float64 // in points; 0 shares the free space of the slide
}

// A Layer is one row of a diagram.
type Layer struct {
	Pos   Pos
	Label Text
	Items []Text
	// Highlight draws the layer in the accent colour.
	Highlight bool
}

// A QR block draws a QR code of a URL as vector squares, with its quiet
// zone.
type QR struct {
	Pos  Pos
	URL  string
	Size float64 // the side of the code in points, quiet zone included
}

// Position returns where the table was written.
func (b *Table) Position() Pos { return b.Pos }

// Position returns where the comparison was written.
func (b *Comparison) Position() Pos { return b.Pos }

// Position returns where the diagram was written.
func (b *Diagram) Position() Pos { return b.Pos }

// Position returns where the QR code was written.
func (b *QR) Position() Pos { return b.Pos }

func (*Table) block()      {}
func (*Comparison) block() {}
func (*Diagram) block()    {}
func (*QR) block()         {}

// A Picture is an image block: a PNG or JPEG file of the deck, scaled to
// fit its slot without distortion.
type Picture struct {
	Pos    Pos
	File   File
	Format string  // "png" or "jpeg"
	Height float64 // in points; 0 shares the free space of the slide
	// Aspect is the width of the image divided by its height.
	Aspect float64
	Pixels [2]int // width and height
}

// Position returns where the picture was written.
func (b *Picture) Position() Pos { return b.Pos }

func (*Picture) block() {}
