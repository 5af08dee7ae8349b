package content

import (
	"regexp"
	"strings"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// DefaultTheme is the theme a deck gets when it names none: the default
// report's page, colours and type, with no brand and no footer but the
// page number, and a body that fills its slide (deck.FitFill).
func DefaultTheme() deck.Theme {
	c := func(s string) deck.Color { col, _ := deck.ParseColor(s); return col }
	return deck.Theme{
		Page:    deck.Size{W: 960, H: 540},
		Margins: deck.Margins{Top: 30, Right: 40, Bottom: 22, Left: 40},
		Colors: deck.Palette{
			Primary: c("#123B7A"),
			Accent:  c("#E0781E"),
			Text:    c("#262B33"),
			Muted:   c("#7A8290"),
			Light:   c("#EEF2F8"),
		},
		Sizes:      deck.TypeScale{Title: 24, Subtitle: 14, Heading: 13, Body: 12, MinBody: 9, MaxBody: 18, Small: 8.5, Footer: 8, Figure: 30},
		Footer:     deck.Footer{PageNumber: "{page}"},
		Labels:     deck.Labels{Note: "注释：", Source: "来源："},
		LineHeight: deck.Range{Min: 1.55, Max: 1.8},
	}
}

// theme reads the theme file named at n, over DefaultTheme: what the file
// does not say keeps its default.
func (l *loader) theme(deckDec *decoder, n *yaml.Node) deck.Theme {
	t := DefaultTheme()
	if n == nil {
		return t
	}
	name := deckDec.str(n, "theme")
	data, ok := l.read(deckDec.pos(n), name, "theme file")
	if !ok {
		return t
	}
	dec := &decoder{file: l.shown(name), diags: &l.diags}
	root, ok := dec.parse(data)
	if !ok {
		return t
	}
	t.Pos = dec.pos(root)
	f, ok := dec.fields(root, "the theme", "brand", "page", "margins", "colors", "sizes", "fonts", "logo", "footer", "labels", "cjk_latin_space", "number_figures", "pptx_fallback_font", "fit", "line_height")
	if !ok {
		return t
	}
	for _, k := range themeKeys {
		if n := f[k.key]; n != nil {
			k.read(l, dec, n, &t)
		}
	}
	return t
}

// A themeReader reads the value n of one key of a theme file into t.
type themeReader func(l *loader, dec *decoder, n *yaml.Node, t *deck.Theme)

// themeKeys are the keys of a theme file with their readers, in the order
// they are read.
var themeKeys = []struct {
	key  string
	read themeReader
}{
	{"cjk_latin_space", themeCJKLatinSpace}, {"brand", themeBrand}, {"page", themePage}, {"margins", themeMargins},
	{"colors", themeColors}, {"sizes", themeSizes}, {"fonts", (*loader).themeFonts}, {"logo", (*loader).themeLogo},
	{"footer", (*loader).themeFooter}, {"labels", themeLabels}, {"number_figures", themeNumberFigures},
	{"pptx_fallback_font", themePPTXFallbackFont}, {"fit", themeFit}, {"line_height", themeLineHeight},
}

func themePPTXFallbackFont(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.PPTXFallbackFont = dec.str(n, "pptx_fallback_font")
}

func themeFit(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.Fit = named(dec, n, "fit", deck.Fits)
}

func themeLineHeight(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	lh, ok := dec.fields(n, "line_height", "min", "max")
	if !ok {
		return
	}
	setNum(dec, lh["min"], "line_height min", 1, 3, &t.LineHeight.Min)
	setNum(dec, lh["max"], "line_height max", 1, 3, &t.LineHeight.Max)
	if t.LineHeight.Max < t.LineHeight.Min {
		if lh["max"] == nil {
			t.LineHeight.Max = t.LineHeight.Min // a min over the default max moves it
			return
		}
		dec.errorf(n, "line_height max (%g) is smaller than min (%g)", t.LineHeight.Max, t.LineHeight.Min)
	}
}

func themeCJKLatinSpace(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.CJKLatinSpace = dec.boolean(n, "cjk_latin_space")
}

func themeBrand(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.Brand, t.BrandPos = dec.str(n, "brand"), dec.pos(n)
}

func themePage(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	if p, ok := dec.fields(n, "page", "width", "height"); ok {
		setNum(dec, p["width"], "page width", 72, 14400, &t.Page.W)
		setNum(dec, p["height"], "page height", 72, 14400, &t.Page.H)
	}
}

func themeMargins(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	if m, ok := dec.fields(n, "margins", "top", "right", "bottom", "left"); ok {
		for k, dst := range map[string]*float64{"top": &t.Margins.Top, "right": &t.Margins.Right, "bottom": &t.Margins.Bottom, "left": &t.Margins.Left} {
			setNum(dec, m[k], "margin "+k, 0, 500, dst)
		}
	}
}

func themeColors(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	if c, ok := dec.fields(n, "colors", "primary", "accent", "text", "muted", "light"); ok {
		for k, dst := range map[string]*deck.Color{"primary": &t.Colors.Primary, "accent": &t.Colors.Accent, "text": &t.Colors.Text, "muted": &t.Colors.Muted, "light": &t.Colors.Light} {
			if c[k] != nil {
				*dst = dec.color(c[k], "colors."+k)
			}
		}
	}
}

func themeSizes(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	s, ok := dec.fields(n, "sizes", "title", "subtitle", "heading", "body", "min_body", "max_body", "small", "footer", "figure")
	if !ok {
		return
	}
	for k, dst := range map[string]*float64{"title": &t.Sizes.Title, "subtitle": &t.Sizes.Subtitle, "heading": &t.Sizes.Heading,
		"body": &t.Sizes.Body, "min_body": &t.Sizes.MinBody, "max_body": &t.Sizes.MaxBody, "small": &t.Sizes.Small, "footer": &t.Sizes.Footer, "figure": &t.Sizes.Figure} {
		setNum(dec, s[k], "size "+k, 4, 200, dst)
	}
	if t.Sizes.MinBody > t.Sizes.Body {
		dec.errorf(n, "min_body (%g) is larger than body (%g)", t.Sizes.MinBody, t.Sizes.Body)
	}
	if s["max_body"] != nil && t.Sizes.MaxBody < t.Sizes.Body {
		dec.errorf(n, "max_body (%g) is smaller than body (%g)", t.Sizes.MaxBody, t.Sizes.Body)
	}
}

func (l *loader) themeFonts(dec *decoder, n *yaml.Node, t *deck.Theme) {
	fo, ok := dec.fields(n, "fonts", "regular", "bold")
	if !ok || !dec.require(n, fo, "fonts", "regular") {
		return
	}
	t.Fonts.Regular, t.Fonts.RegularFace = l.fontFile(dec, fo["regular"])
	// A font of one weight serves for both: bold text is then set in it,
	// not bolder.
	t.Fonts.Bold, t.Fonts.BoldFace = t.Fonts.Regular, t.Fonts.RegularFace
	if fo["bold"] != nil {
		t.Fonts.Bold, t.Fonts.BoldFace = l.fontFile(dec, fo["bold"])
	}
}

// fontFile reads a font: a file name, or a mapping of the file and, for a
// collection (.ttc, .otc), the index or name of the face to take.
func (l *loader) fontFile(dec *decoder, n *yaml.Node) (deck.File, deck.FontFace) {
	if n.Kind != yaml.MappingNode {
		return l.file(dec, n, "font file"), deck.FontFace{}
	}
	fo, ok := dec.fields(n, "font", "file", "index", "name")
	if !ok || !dec.require(n, fo, "font", "file") {
		return deck.File{}, deck.FontFace{}
	}
	var face deck.FontFace
	if fo["index"] != nil {
		v := dec.num(fo["index"], "font index", 0, 65535)
		if face.Index = int(v); float64(face.Index) != v {
			dec.errorf(fo["index"], "font index must be a whole number, not %g", v)
		}
	}
	if fo["name"] != nil {
		face.Name = dec.str(fo["name"], "font name")
		if fo["index"] != nil {
			dec.errorf(fo["name"], "a font is taken by index or by name, not both")
		}
	}
	return l.file(dec, fo["file"], "font file"), face
}

func (l *loader) themeLogo(dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.Logo = l.file(dec, n, "logo")
	if len(t.Logo.Data) == 0 {
		return
	}
	if !strings.HasPrefix(string(t.Logo.Data), "\x89PNG\r\n\x1a\n") {
		dec.errorf(n, "logo %q is not a PNG file: a logo is a PNG, which keeps a transparent background; convert a JPEG or SVG to PNG", t.Logo.Path)
	} else if _, _, err := decodeImage(t.Logo.Data); err != nil {
		dec.errorf(n, "logo %q %v", t.Logo.Path, err)
	}
}

func (l *loader) themeFooter(dec *decoder, n *yaml.Node, t *deck.Theme) {
	ft, ok := dec.fields(n, "footer", "copyright", "site", "page_number")
	if !ok {
		return
	}
	for k, dst := range map[string]themeString{"copyright": {&t.Footer.Copyright, &t.Footer.CopyrightPos},
		"site": {&t.Footer.Site, &t.Footer.SitePos}, "page_number": {&t.Footer.PageNumber, &t.Footer.PageNumberPos}} {
		if ft[k] != nil {
			*dst.text, *dst.pos = dec.str(ft[k], "footer "+k), dec.pos(ft[k])
		}
	}
	if pn := ft["page_number"]; pn != nil {
		for _, m := range placeholder.FindAllString(t.Footer.PageNumber, -1) {
			if m != "{page}" && m != "{pages}" {
				l.diags.Warnf(dec.pos(pn), "footer page_number: %s is printed as it is; the page number is {page} and the page count {pages}", m)
			}
		}
	}
}

func themeLabels(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	if lb, ok := dec.fields(n, "labels", "note", "source"); ok {
		for k, dst := range map[string]themeString{"note": {&t.Labels.Note, &t.Labels.NotePos}, "source": {&t.Labels.Source, &t.Labels.SourcePos}} {
			if lb[k] != nil {
				*dst.text, *dst.pos = dec.str(lb[k], "label "+k), dec.pos(lb[k])
			}
		}
	}
}

// A themeString is where the theme reader puts a string and its position.
type themeString struct {
	text *string
	pos  *deck.Pos
}

func setNum(dec *decoder, n *yaml.Node, what string, lo, hi float64, dst *float64) {
	if n != nil {
		if v := dec.num(n, what, lo, hi); v != 0 {
			*dst = v
		}
	}
}

// file reads a file named relative to the deck's folder.
func (l *loader) file(dec *decoder, n *yaml.Node, what string) deck.File {
	f := deck.File{Pos: dec.pos(n), Path: dec.str(n, what)}
	if f.Path != "" {
		f.Data, _ = l.read(f.Pos, f.Path, what)
	}
	return f
}

// placeholder matches a {word} in a footer's page_number.
var placeholder = regexp.MustCompile(`\{[^{}]*\}`)
