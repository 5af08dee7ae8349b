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
	// Align gives each column's alignment; a column it does not reach,
	// or AlignAuto, is set to the left.
	Align []Align
}

// A TableGroup is a header row and the rows under it.
type TableGroup struct {
	Pos    Pos
	Header []Text
	Rows   [][]Text
	// Totals are the indices in Rows of the rows that are totals, in
	// order: set in bold, under a rule.
	Totals []int
	// Spans are the cells that span the rows below them in their column.
	Spans []RowSpan
}

// A RowSpan is a cell of a table group, Rows[Row][Col], that spans Rows
// rows: its own and the Rows-1 below it, whose cells in the column are not
// drawn. Where a table continues on the next slide inside a span, the
// span's text is drawn again at the top.
type RowSpan struct {
	Row, Col, Rows int
}

// Align is how the cells of a table column sit in it.
type Align int

// The alignments. A header cell of a decimal column is set to the right.
const (
	AlignAuto    Align = iota // as AlignLeft; the loader sets a column of numbers to AlignDecimal
	AlignLeft                 // to the left; the last column's text justified
	AlignCenter               // centred
	AlignRight                // to the right
	AlignDecimal              // to the right, the decimal points of the cells one under another
)

// Aligns lists every alignment, in the order of the constants.
var Aligns = []Align{AlignAuto, AlignLeft, AlignCenter, AlignRight, AlignDecimal}

// String returns the alignment's name as written in a deck file.
func (a Align) String() string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	case AlignDecimal:
		return "decimal"
	default:
		return "auto"
	}
}

// A Comparison sets two or more columns side by side, each a heading over
// its items, with "VS" between them.
type Comparison struct {
	Pos     Pos
	Title   Text
	Columns []CompareColumn
	// Highlight is the column of two drawn in the primary colour, the
	// other in the muted one: the subject of the comparison.
	Highlight Side
}

// A Side is a column of a two-column comparison.
type Side int

// The sides. The zero Side is SideRight, the column a comparison ends on.
const (
	SideRight Side = iota // the right column in the primary colour, the left muted
	SideLeft              // the left column in the primary colour, the right muted
	SideNone              // both columns in the primary colour
)

// Sides lists every side, in the order of the constants.
var Sides = []Side{SideRight, SideLeft, SideNone}

// String returns the side's name as written in a deck file.
func (s Side) String() string {
	switch s {
	case SideLeft:
		return "left"
	case SideNone:
		return "none"
	default:
		return "right"
	}
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
	Pos Pos
	URL string
	// Size is the side of the code in points, quiet zone included; 0 is
	// 110pt, or on a closing slide 30% of the page's height.
	Size float64
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
	// Width is the most the picture is wide, in points; 0 is as wide as
	// its slot. WidthShare is the same as a share of the slot's width
	// (0.6 for "60%"), used when Width is 0.
	Width, WidthShare float64
	// Caption is set small under the picture, centred on it.
	Caption Text
	// Aspect is the width of the image divided by its height.
	Aspect float64
	Pixels [2]int // width and height
	// Alt says what the picture shows, for those who cannot see it: a
	// screen reader reads it instead of the picture.
	Alt string
}

// Position returns where the picture was written.
func (b *Picture) Position() Pos { return b.Pos }

func (*Picture) block() {}
