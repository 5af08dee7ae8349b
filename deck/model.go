package deck

import (
	"strings"
	"time"
)

// A Deck is a whole presentation: its metadata, its theme and its slides.
type Deck struct {
	Pos    Pos
	Meta   Meta
	Theme  Theme
	Slides []Slide
}

// Meta is the document information written into the PDF.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords []string
	Lang     string // BCP 47 tag, "zh-CN"
	// LatinLang is the language of the runs of Latin letters in the
	// deck's text (ROE, Cloud), a BCP 47 tag such as "en-US": the tagged
	// PDF says it of each such run. Empty: they are in Lang.
	LatinLang string
	// Date is the creation date written into the PDF. The zero value means
	// the renderer's fixed date (SOURCE_DATE_EPOCH or the Unix epoch).
	Date time.Time
}

// A Span is a run of text in one weight.
type Span struct {
	Text string
	Bold bool
	// Raised text is set small above the baseline: a footnote marker.
	Raised bool
}

// Text is a piece of styled text and the place it was written.
type Text struct {
	Pos   Pos
	Spans []Span
}

// Plain returns the text without styling.
func (t Text) Plain() string {
	var b strings.Builder
	for _, s := range t.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return t.Plain() == "" }

// Layout names the arrangement of a slide.
type Layout int

// The slide layouts.
const (
	LayoutContent      Layout = iota // title, subtitle, body, notes and sources, footer
	LayoutCover                      // the title page
	LayoutClosing                    // the last page: a message and a link
	LayoutSection                    // a section divider: its number and title (see layouts.go)
	LayoutAgenda                     // the contents: the sections' or slides' titles, linked, with page numbers
	LayoutPictureLeft                // the first block, a picture or chart, left of the others
	LayoutPictureRight               // the first block, a picture or chart, right of the others
	LayoutBigNumber                  // a figure set large beside its explanation
	LayoutQuote                      // the title as a quotation, the subtitle as who said it
	LayoutTitleOnly                  // the title and subtitle large, as a statement
)

// Layouts lists every layout, in the order of the constants.
var Layouts = []Layout{LayoutContent, LayoutCover, LayoutClosing, LayoutSection, LayoutAgenda,
	LayoutPictureLeft, LayoutPictureRight, LayoutBigNumber, LayoutQuote, LayoutTitleOnly}

// String returns the layout's name as written in a deck file.
func (l Layout) String() string {
	switch l {
	case LayoutCover:
		return "cover"
	case LayoutClosing:
		return "closing"
	case LayoutSection, LayoutAgenda, LayoutPictureLeft, LayoutPictureRight, LayoutBigNumber, LayoutQuote, LayoutTitleOnly:
		return moreLayoutNames[l-LayoutSection]
	default:
		return "content"
	}
}

// A Slide is one page of the deck.
type Slide struct {
	Pos      Pos
	ID       string
	Layout   Layout
	Title    Text
	Subtitle Text
	Bookmark string // the slide's entry in the PDF outline; the title when empty
	Blocks   []Block
	Notes    []Text // printed after the theme's note label, above the sources
	Sources  []Text // printed after the theme's source label, above the footer
	// Footnotes are the notes that the markers [^1], [^2]… of the slide's
	// text point to, printed at its foot above the notes, each after its
	// number.
	Footnotes []Text
	// Figure is a big-number slide's figure ("1.82%").
	Figure Text
	// Weights are a picture-left or picture-right slide's shares of the
	// width: the picture's, then the text's; nil for even shares.
	Weights []float64
	// SpeakerNotes are what the presenter says: not printed on the slide;
	// a presentation's notes page.
	SpeakerNotes string
}

// A Block is one element of a slide body. The kinds are Paragraph, Heading,
// List, Labeled, Stats, Columns, Link, Chart, Table, Comparison, Diagram, QR
// and Picture.
type Block interface {
	// Position returns where the block was written.
	Position() Pos
	block()
}

// A Paragraph is body text, justified.
type Paragraph struct {
	Pos  Pos
	Text Text
}

// A Heading titles the blocks that follow it.
type Heading struct {
	Pos  Pos
	Text Text
}

// Marker is the sign in front of each list item.
type Marker int

// The list markers.
const (
	MarkerBullet Marker = iota // a round bullet
	MarkerCheck                // a drawn check mark
	MarkerNone                 // no sign, items indented alike
	MarkerNumber               // 1. 2. 3. in the order of the items
)

// Markers lists every marker, in the order of the constants.
var Markers = []Marker{MarkerBullet, MarkerCheck, MarkerNone, MarkerNumber}

// String returns the marker's name as written in a deck file.
func (m Marker) String() string {
	switch m {
	case MarkerCheck:
		return "check"
	case MarkerNone:
		return "none"
	case MarkerNumber:
		return "number"
	default:
		return "bullet"
	}
}

// A List is a column of items, each with a marker.
type List struct {
	Pos    Pos
	Marker Marker
	Items  []Text
}

// A Labeled block is a label cell on the left and paragraphs on the right.
type Labeled struct {
	Pos   Pos
	Label Text
	Body  []Text
}

// A Stat is one survey figure: the big number, who said it, and what.
type Stat struct {
	Pos       Pos
	Figure    Text // "约60.1%": leading words are set smaller than the number
	Who       Text
	Statement Text
}

// Stats is a titled group of stat callouts, laid side by side.
type Stats struct {
	Pos   Pos
	Title Text
	Items []Stat
}

// Columns lays groups of blocks side by side. Weights gives each column's
// share of the width.
type Columns struct {
	Pos     Pos
	Weights []float64
	Columns [][]Block
}

// A Link is a line of text that opens URL when clicked.
type Link struct {
	Pos  Pos
	Text Text
	URL  string
}

// Position returns where the paragraph was written.
func (b *Paragraph) Position() Pos { return b.Pos }

// Position returns where the heading was written.
func (b *Heading) Position() Pos { return b.Pos }

// Position returns where the list was written.
func (b *List) Position() Pos { return b.Pos }

// Position returns where the labeled block was written.
func (b *Labeled) Position() Pos { return b.Pos }

// Position returns where the stats group was written.
func (b *Stats) Position() Pos { return b.Pos }

// Position returns where the columns were written.
func (b *Columns) Position() Pos { return b.Pos }

// Position returns where the link was written.
func (b *Link) Position() Pos { return b.Pos }

func (*Paragraph) block() {}
func (*Heading) block()   {}
func (*List) block()      {}
func (*Labeled) block()   {}
func (*Stats) block()     {}
func (*Columns) block()   {}
func (*Link) block()      {}
