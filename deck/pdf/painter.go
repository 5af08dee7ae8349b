package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"strconv"
	"unicode/utf16"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/go-pdf/fpdf"
)

// painter draws items with fpdf. Every call sets the state it needs.
type painter struct {
	doc     *fpdf.Fpdf
	fonts   *fonts.Set
	images  map[string]placed
	widths  map[int]bool           // pixel widths of the registered images
	family  map[*fonts.Face]string // the fpdf family each face is registered as
	subsets []subset               // the fonts, as nameSubsets names them
	err     error                  // the first error of a call that has no error result
	pages   []*pageTags            // the pages drawn, as tagged
	// font and size are the font and size last set on the page: fpdf
	// writes a Tf operator for every SetFont, the same or not.
	font string
	size float64
	// fill is the fill colour last set on fpdf, which it keeps from page
	// to page; text and textOp are the text colour last drawn and its
	// operator. Both start black, as fpdf's do.
	fill, text [3]uint8
	textOp     string
	// height is the page's height: fpdf's origin is at the top left, the
	// file's at the bottom left.
	height float64
	line   []byte // the text operators being written
	// latinLang is the language of a text run of Latin letters only
	// (Meta.LatinLang); empty: none is marked.
	latinLang string
}

// mark opens the marked content of the next item on the page.
func (p *painter) mark() { p.doc.RawWriteStr(p.pages[len(p.pages)-1].begin("")) }

// markText opens the marked content of a text run: with the Latin
// language when the run is Latin letters only.
func (p *painter) markText(t layout.TextRun) {
	lang := ""
	if p.latinLang != "" && latinOnly(t.Text) {
		lang = p.latinLang
	}
	p.doc.RawWriteStr(p.pages[len(p.pages)-1].begin(lang))
}

// unmark closes it.
func (p *painter) unmark() { p.doc.RawWriteStr("EMC") }

func (p *painter) BeginPage(pg *layout.Page) error {
	p.doc.AddPageFormat("P", fpdf.SizeType{Wd: pg.Size.W, Ht: pg.Size.H})
	p.pages = append(p.pages, newPageTags(pg))
	p.font = ""
	p.height = pg.Size.H
	// fpdf writes a title as it is given: UTF-16 with a byte order mark
	// is a PDF text string.
	p.doc.Bookmark("\xFE\xFF"+utf16BE(pg.Title), 0, 0)
	return p.doc.Error()
}

func (p *painter) EndPage() error {
	if p.err != nil {
		return p.err
	}
	return p.doc.Error()
}

func (p *painter) Text(t layout.TextRun) {
	p.markText(t)
	defer p.unmark()
	if fam := p.family[t.Face]; fam != p.font || t.Size != p.size {
		p.doc.SetFont(fam, "", t.Size)
		p.font, p.size = fam, t.Size
	}
	if t.Spacing != 0 {
		p.doc.RawWriteStr(fmt.Sprintf("%.4f Tc", t.Spacing))
	}
	if t.Hidden {
		p.doc.RawWriteStr("3 Tr") // neither fill nor stroke: searchable, not seen
	}
	text, _ := drawnText(t)
	p.showText(t.At.X, t.At.Y, t.Fill, text)
	if t.Hidden {
		p.doc.RawWriteStr("0 Tr")
	}
	if t.Spacing != 0 {
		p.doc.RawWriteStr("0 Tc")
	}
}

func (p *painter) Box(b layout.Box) {
	p.mark()
	defer p.unmark()
	style := ""
	if b.Fill.A != 0 {
		p.setFill(b.Fill)
		style += "F"
	}
	if b.Stroke.A != 0 && b.StrokeWidth > 0 {
		p.doc.SetDrawColor(rgb(b.Stroke))
		p.doc.SetLineWidth(b.StrokeWidth)
		style += "D"
	}
	if style == "" {
		return
	}
	r := b.Rect
	if b.Radius > 0 {
		p.doc.RoundedRect(r.X, r.Y, r.W, r.H, min(b.Radius, r.W/2, r.H/2), "1234", style)
		return
	}
	p.doc.Rect(r.X, r.Y, r.W, r.H, style)
}

func (p *painter) Path(pa layout.Path) {
	p.mark()
	defer p.unmark()
	style := ""
	if filled(pa) {
		p.setFill(pa.Fill)
		style += "F"
	}
	if stroked(pa) {
		p.doc.SetDrawColor(rgb(pa.Stroke))
		p.doc.SetLineWidth(pa.Width)
		p.doc.SetLineCapStyle("round")
		p.doc.SetLineJoinStyle("round")
		style += "D"
	}
	if style == "" {
		return
	}
	p.doc.MoveTo(pa.Points[0].X, pa.Points[0].Y)
	for _, q := range pa.Points[1:] {
		p.doc.LineTo(q.X, q.Y)
	}
	if pa.Closed {
		p.doc.ClosePath()
	}
	p.doc.DrawPath(style) // "F" and "FD" fill by the nonzero rule
}

// filled reports whether a path has an area to fill: a colour and three
// points.
func filled(pa layout.Path) bool { return pa.Fill.A != 0 && len(pa.Points) >= 3 }

// stroked reports whether a path has a line to stroke: a colour and two
// points.
func stroked(pa layout.Path) bool { return pa.Stroke.A != 0 && len(pa.Points) >= 2 }

func (p *painter) Image(im layout.Image) {
	p.mark()
	defer p.unmark()
	if len(im.Data) == 0 {
		p.err = fmt.Errorf("pdf: image %q has no picture", im.Name)
		return
	}
	placed, ok := p.images[im.Name]
	if !ok {
		var err error
		placed, err = p.register(im)
		if err != nil {
			p.err = err
			return
		}
		p.images[im.Name] = placed
	}
	r := im.Rect
	p.doc.ImageOptions(im.Name, r.X, r.Y, r.W*placed.widen, r.H, false, fpdf.ImageOptions{ImageType: placed.kind}, 0, "")
}

// A placed image is registered with fpdf as kind ("PNG" or "JPG"),
// widened by widen when it had to be padded.
type placed struct {
	kind  string
	widen float64
}

// register hands a PNG to fpdf. fpdf orders images in the file by pixel
// width alone, so two images of one width could swap places from run to
// run; an image whose width is taken is widened by repeating its right
// edge column, and drawn that much wider, so that every width is unique and
// the picture stays where it was.
func (p *painter) register(im layout.Image) (placed, error) {
	data := im.Data
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return placed{}, fmt.Errorf("pdf: image %q: %v", im.Name, err)
	}
	w := cfg.Width
	for p.widths[w] {
		w++
	}
	pl := placed{kind: "PNG", widen: 1}
	if im.JPEG {
		pl.kind = "JPG"
	}
	if w != cfg.Width {
		if data, err = pad(data, w, im.JPEG); err != nil {
			return placed{}, fmt.Errorf("pdf: image %q: %v", im.Name, err)
		}
		pl.widen = float64(w) / float64(cfg.Width)
	}
	p.widths[w] = true
	p.doc.RegisterImageOptionsReader(im.Name, fpdf.ImageOptions{ImageType: pl.kind}, bytes.NewReader(data))
	return pl, p.doc.Error()
}

// pad re-encodes a picture w pixels wide, repeating its right edge column
// into the new ones: a PNG as a PNG (an opaque one stays opaque: no soft
// mask), a JPEG as a JPEG of high quality.
func pad(data []byte, w int, isJPEG bool) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	var dst draw.Image
	if p, ok := src.(*image.Paletted); ok && b.Dx() > 0 {
		// An indexed picture stays indexed: its rows are copied as they
		// are, the last index repeated.
		d := image.NewPaletted(image.Rect(0, 0, w, b.Dy()), p.Palette)
		for y := range b.Dy() {
			row := d.Pix[y*d.Stride : y*d.Stride+w]
			copy(row, p.Pix[p.PixOffset(b.Min.X, b.Min.Y+y):])
			for x := b.Dx(); x < w; x++ {
				row[x] = row[b.Dx()-1]
			}
		}
		dst = d
	} else {
		dst = image.NewNRGBA(image.Rect(0, 0, w, b.Dy()))
		draw.Draw(dst, image.Rect(0, 0, b.Dx(), b.Dy()), src, b.Min, draw.Src)
		for x := b.Dx(); x < w; x++ {
			draw.Draw(dst, image.Rect(x, 0, x+1, b.Dy()), src, image.Pt(b.Max.X-1, b.Min.Y), draw.Src)
		}
	}
	var out bytes.Buffer
	if isJPEG {
		err = jpeg.Encode(&out, dst, &jpeg.Options{Quality: 95})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&out, dst)
	}
	return out.Bytes(), err
}

func (p *painter) Link(l layout.Link) {
	p.pages[len(p.pages)-1].link(l) // written by tagFPDF
}

// utf16BE returns s in UTF-16, big-endian: the codes of a font of
// Identity-H encoding that deck embeds (see embedFonts), which fpdf draws
// as it is given them, a core font being current.
func utf16BE(s string) string { return string(appendUTF16(nil, s, false)) }

// appendLiteral appends s in UTF-16, big-endian, to b as the inside of a
// PDF literal string, escaped as fpdf escapes text: a backslash before
// each byte that is a backslash or a parenthesis, and a carriage-return
// byte as \r.
func appendLiteral(b []byte, s string) []byte { return appendUTF16(b, s, true) }

// appendUTF16 appends s in UTF-16, big-endian, to b, each byte escaped as
// appendLiteral says when escape is set.
func appendUTF16(b []byte, s string, escape bool) []byte {
	put := func(c byte) {
		if escape {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\')
			case '\r':
				b, c = append(b, '\\'), 'r'
			}
		}
		b = append(b, c)
	}
	for _, r := range s {
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			put(byte(hi >> 8))
			put(byte(hi))
			r = lo
		}
		put(byte(r >> 8))
		put(byte(r))
	}
	return b
}

// showText draws text with its baseline starting at (x, y), in colour c,
// in the font set: what fpdf's Text writes, the fill colour saved around
// a text colour of its own, made here at a fraction of the cost.
func (p *painter) showText(x, y float64, c deck.Color, text string) {
	if rgb := [3]uint8{c.R, c.G, c.B}; rgb != p.text || p.textOp == "" {
		p.text, p.textOp = rgb, colorOperator(rgb)
	}
	b := p.line[:0]
	other := p.text != p.fill
	if other {
		b = append(append(append(b, "q "...), p.textOp...), ' ')
	}
	b = strconv.AppendFloat(append(b, "BT "...), x, 'f', 2, 64)
	b = strconv.AppendFloat(append(b, ' '), p.height-y, 'f', 2, 64)
	b = append(appendLiteral(append(b, " Td ("...), text), ") Tj ET"...)
	if other {
		b = append(b, " Q"...)
	}
	p.line = b
	p.doc.RawWriteStr(string(b))
}

// setFill sets the fill colour of the shapes drawn next.
func (p *painter) setFill(c deck.Color) {
	p.doc.SetFillColor(rgb(c))
	p.fill = [3]uint8{c.R, c.G, c.B}
}

// colorOperator returns the operator that sets the nonstroking colour c,
// as fpdf writes it: g with one level when c is a gray, rg with three
// otherwise, each to three decimals.
func colorOperator(c [3]uint8) string {
	level := func(b []byte, v uint8) []byte { return strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64) }
	var b []byte
	if c[0] == c[1] && c[1] == c[2] {
		b = append(level(b, c[0]), ' ')
		return string(append(b, 'g'))
	}
	b = append(level(b, c[0]), ' ')
	b = append(level(b, c[1]), ' ')
	b = append(level(b, c[2]), ' ')
	return string(append(b, "rg"...))
}

func rgb(c deck.Color) (int, int, int) { return int(c.R), int(c.G), int(c.B) }
