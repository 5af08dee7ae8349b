package deck

import (
	"fmt"
	"strconv"
)

// A Color is an sRGB colour. The zero Color is transparent: nothing is drawn.
type Color struct{ R, G, B, A uint8 }

// ParseColor reads "#RRGGBB".
func ParseColor(s string) (Color, error) {
	if len(s) != 7 || s[0] != '#' {
		return Color{}, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
	}
	return Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// String returns "#RRGGBB", or "none" for a transparent colour.
func (c Color) String() string {
	if c.A == 0 {
		return "none"
	}
	const hex = "0123456789ABCDEF"
	return string([]byte{'#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15]})
}

// Mix returns c blended toward white: t = 0 is c, t = 1 is white.
func (c Color) Mix(t float64) Color {
	m := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*t + 0.5) }
	return Color{R: m(c.R), G: m(c.G), B: m(c.B), A: c.A}
}

// A Theme is the brand a deck is drawn in. All lengths are in points.
type Theme struct {
	Pos   Pos
	Brand string // the wordmark drawn when there is no logo image
	// BrandPos is where the brand is set, for messages about it.
	BrandPos Pos
	Page     Size
	Margins  Margins
	Colors   Palette
	Sizes    TypeScale
	Fonts    FontFiles
	Logo     File // a PNG drawn in the top right corner of content slides
	Footer   Footer
	Labels   Labels
	// CJKLatinSpace sets a quarter em between a Chinese character and a
	// Latin letter or digit, as ctex and Typst do. Text extraction then
	// reads the gap as a space: "2021 年".
	CJKLatinSpace bool
	// NumberFigures numbers the titled charts and tables of the deck, each
	// kind on its own (图1, 表1; Figure 1, Table 1 in a deck whose lang is
	// English), the number before the title.
	NumberFigures bool
	// PPTXFallbackFont is a typeface a PowerPoint file sets its text in
	// instead of embedding the fonts (微软雅黑); "" embeds the fonts,
	// subset, and names their own family.
	PPTXFallbackFont string
	// Fit is what a body does with the height of its slide: grow into
	// room it leaves free, only shrink when it is too long, or neither.
	Fit Fit
	// LineHeight is the range of the body's line height, as a multiple of
	// its size: Min is the line height a body is set at, and a body that
	// fills its slide (FitFill) opens up to Max once it is at
	// Sizes.MaxBody. Zero values mean 1.55 and Min.
	LineHeight Range
}

// A Range is a lower and an upper bound.
type Range struct{ Min, Max float64 }

// Fit is a policy for fitting a body to the height its slide gives it.
type Fit int

// The fitting policies. The zero Fit is FitFill, what a designer does.
const (
	// FitFill shrinks a body that is too long, down to Sizes.MinBody, and
	// grows a short one of text, tables and lists (no chart, picture or
	// diagram, which take the room themselves), up to Sizes.MaxBody and
	// then LineHeight.Max; what room is left is shared equally above and
	// below the body, which then stands in the middle of its area.
	FitFill Fit = iota
	// FitShrink only shrinks a body that is too long; a short one stands
	// at the top of its area at Sizes.Body.
	FitShrink
	// FitNone sets every body at Sizes.Body: one too long is an error.
	FitNone
)

// Fits lists every fitting policy, in the order of the constants.
var Fits = []Fit{FitFill, FitShrink, FitNone}

// String returns the policy's name as written in a theme file.
func (f Fit) String() string {
	switch f {
	case FitShrink:
		return "shrink"
	case FitNone:
		return "none"
	default:
		return "fill"
	}
}

// Size is a width and a height in points.
type Size struct{ W, H float64 }

// Margins are the distances from the page edges to the content, in points.
type Margins struct{ Top, Right, Bottom, Left float64 }

// A Palette is the theme's colours.
type Palette struct {
	Primary Color // titles, rules, label cells
	Accent  Color // figures, highlights, the title rule
	Text    Color // body text
	Muted   Color // notes, sources, footer
	Light   Color // tinted panels
}

// A TypeScale is the theme's font sizes in points.
type TypeScale struct {
	Title    float64
	Subtitle float64
	Heading  float64
	Body     float64
	MinBody  float64 // body text shrinks down to this size before it is an error
	// MaxBody is the size body text grows up to when its slide has room
	// (Theme.Fit FitFill); below Body it is Body.
	MaxBody float64
	Small   float64 // notes and sources
	Footer  float64
	Figure  float64 // the numbers of stat callouts
}

// FontFiles names the user's own TrueType files. Empty paths mean the
// bundled Noto Sans SC.
type FontFiles struct {
	Regular File
	Bold    File
	// RegularFace and BoldFace say which face of a font collection (.ttc,
	// .otc) each file gives; the zero FontFace takes the first.
	RegularFace, BoldFace FontFace
}

// A FontFace names a face of a font collection: by Name when it is set
// (a full, PostScript or family name), else by Index, counted from 0.
type FontFace struct {
	Index int
	Name  string
}

// A File is a file the content refers to, with its bytes once loaded.
type File struct {
	Pos  Pos
	Path string
	Data []byte
}

// Footer is the line at the bottom of content slides.
type Footer struct {
	Copyright  string
	Site       string
	PageNumber string // a format in which {page} and {pages} are replaced
	// CopyrightPos, SitePos and PageNumberPos are where each string is
	// set in the theme, for messages about it; zero for a default.
	CopyrightPos, SitePos, PageNumberPos Pos
}

// Labels are the words put before notes and sources.
type Labels struct {
	Note   string
	Source string
	// NotePos and SourcePos are where each label is set in the theme, for
	// messages about it; zero for a default.
	NotePos, SourcePos Pos
}

// StringPos returns where a string of the theme was set, for a message
// about it: at, the position of its key, when the theme file sets it;
// else the regular font's, since a default string is a problem only for
// fonts that cannot draw it; else the theme file's.
func (t *Theme) StringPos(at Pos) Pos {
	switch {
	case at != Pos{}:
		return at
	case t.Fonts.Regular.Pos != Pos{}:
		return t.Fonts.Regular.Pos
	}
	return t.Pos
}
