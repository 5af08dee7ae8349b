package pptx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"golang.org/x/image/font/sfnt"
)

// Options says what goes into the presentation besides the pages. The
// zero value writes a valid file with the bundled fonts' name.
type Options struct {
	Meta    deck.Meta
	Creator string     // the program, as "deck v0.1.0"
	Fonts   *fonts.Set // the faces the pages were laid out in; nil: the bundled ones
	// Typeface is the font name the text is set in where the fonts are
	// not embedded (a theme's pptx_fallback_font: 微软雅黑); "" is the
	// family name of Fonts (Noto Sans SC), which embedded fonts always go by.
	Typeface string
	// Notes are the speaker notes of each slide, by its index in the
	// deck (Page.Slide); the first page of a slide carries them.
	Notes []string
	// EmbedFonts embeds the regular and bold faces of Fonts, each subset
	// to the glyphs the pages and notes use, and names them (Typeface is
	// then unused). PowerPoint keeps an embedded font as an Embedded
	// OpenType file (ppt/fonts/fontN.fntdata, application/x-fontdata),
	// not as the obfuscated TrueType of WordprocessingML (ECMA-376 Part 1,
	// 17.8.1); raw TrueType there makes it report a damaged file.
	EmbedFonts bool
	// NativeCharts writes bar, horizontal bar and line charts as
	// PowerPoint charts (c:chart parts, their data in an embedded
	// workbook), not pictures: a colleague can edit a number. Axis
	// titles, value labels, forecasts, highlights and annotations are
	// left out, and the application draws the chart its own way.
	NativeCharts bool
}

// modified is the time of every entry of the archive: the same pages give
// the same bytes.
var modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes pages to w as a presentation, one slide a page, whole: on
// an error nothing is written. The same pages and options give the same
// bytes.
func Write(w io.Writer, pages []layout.Page, opt Options) error {
	if len(pages) == 0 {
		return fmt.Errorf("pptx: no pages to write")
	}
	wr, err := newWriter(opt)
	if err != nil {
		return err
	}
	wr.pages = pages
	if err := layout.Paint(pages, wr); err != nil {
		return err
	}
	if wr.err != nil {
		return wr.err
	}
	var buf bytes.Buffer
	if err := wr.finish(&buf, pages[0].Size); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// A writer collects the parts of the presentation as the pages are
// painted.
type writer struct {
	opt        Options
	pages      []layout.Page
	fonts      *fonts.Set
	typeface   string
	lang       string
	slides     []slideOut
	mediaN     map[string]string // the media file of each image, by its content
	mediaFiles []mediaFile
	charts     []chartOut
	err        error // the first error of a painter's method
	cur        *slideBuilder
	curRels    *partRels
	curPage    *layout.Page
	desc       map[*fonts.Face]float64
}

type slideOut struct {
	xml   slide
	rels  *partRels
	notes string
}

type mediaFile struct {
	name string
	data []byte
}

func newWriter(opt Options) (*writer, error) {
	set := opt.Fonts
	if set == nil {
		var err error
		if set, err = fonts.Default(); err != nil {
			return nil, err
		}
	}
	w := &writer{opt: opt, fonts: set, typeface: opt.Typeface, lang: opt.Meta.Lang, mediaN: map[string]string{}, desc: map[*fonts.Face]float64{}}
	if w.typeface == "" || opt.EmbedFonts {
		w.typeface = familyName(set.Regular)
	}
	if w.lang == "" {
		w.lang = "zh-CN"
	}
	return w, nil
}

// familyName returns a face's family name (name 1), or its PostScript
// name when it has none.
func familyName(f *fonts.Face) string {
	sf, err := sfnt.Parse(f.Data())
	if err == nil {
		var buf sfnt.Buffer
		if n, err := sf.Name(&buf, sfnt.NameIDFamily); err == nil && n != "" {
			return n
		}
	}
	return f.PostScriptName()
}

// fail keeps the first error of the painter's methods, which return none.
func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// descent returns a face's descent, once a face.
func (w *writer) descent(f *fonts.Face) float64 {
	if f == nil {
		return 0.288
	}
	d, ok := w.desc[f]
	if !ok {
		d = descentOf(f)
		w.desc[f] = d
	}
	return d
}

// media returns the file name of an image in ppt/media, adding it once.
func (w *writer) media(im layout.Image) string {
	sum := sha256.Sum256(im.Data)
	key := hex.EncodeToString(sum[:8])
	if name, ok := w.mediaN[key]; ok {
		return name
	}
	ext := ".png"
	if im.JPEG {
		ext = ".jpeg"
	}
	name := fmt.Sprintf("image%d%s", len(w.mediaFiles)+1, ext)
	w.mediaN[key] = name
	w.mediaFiles = append(w.mediaFiles, mediaFile{name, im.Data})
	return name
}

// BeginPage starts a slide.
func (w *writer) BeginPage(p *layout.Page) error {
	w.curRels = &partRels{}
	w.curRels.add(relLayout, "../slideLayouts/slideLayout1.xml", "")
	w.cur = newSlideBuilder(w, p, w.curRels)
	w.curPage = p
	return nil
}

func (w *writer) Text(t layout.TextRun) { w.cur.text(t) }
func (w *writer) Box(b layout.Box)      { w.cur.box(b) }
func (w *writer) Path(p layout.Path)    { w.cur.path(p) }
func (w *writer) Image(i layout.Image)  { w.cur.image(i) }
func (w *writer) Link(l layout.Link)    { w.cur.link(l) }

// EndPage finishes the slide.
func (w *writer) EndPage() error {
	out := slideOut{xml: w.cur.slidePart(), rels: w.curRels}
	p := w.curPage
	if p.Part == 0 && p.Slide >= 0 && p.Slide < len(w.opt.Notes) {
		out.notes = w.opt.Notes[p.Slide]
	}
	w.slides = append(w.slides, out)
	return nil
}

// partRels are the relationships of one part.
type partRels struct{ rels []relationship }

// add returns the id of a relationship, adding it unless it is there.
func (r *partRels) add(typ, target, mode string) string {
	for _, x := range r.rels {
		if x.Type == typ && x.Target == target && x.TargetMode == mode {
			return x.ID
		}
	}
	id := fmt.Sprintf("rId%d", len(r.rels)+1)
	r.rels = append(r.rels, relationship{ID: id, Type: typ, Target: target, TargetMode: mode})
	return id
}

// xmlPart returns v as an XML document.
func xmlPart(v any) ([]byte, error) {
	b, err := xml.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("pptx: %w", err)
	}
	return append([]byte(xml.Header[:len(xml.Header)-1]+"\n"), b...), nil
}

// A parts is the archive's entries, in the order written, and their
// content types; [Content_Types].xml is written first.
type parts struct {
	names []string
	data  [][]byte
	ct    contentTypes
	err   error
}

// raw adds an entry of bytes.
func (z *parts) raw(name string, data []byte) {
	z.names = append(z.names, name)
	z.data = append(z.data, data)
}

// part adds an XML part and, when ctype is set, its override.
func (z *parts) part(name, ctype string, v any) {
	if z.err != nil {
		return
	}
	b, err := xmlPart(v)
	if err != nil {
		z.err = err
		return
	}
	if ctype != "" {
		z.ct.Overrides = append(z.ct.Overrides, ctOverride{PartName: "/" + name, ContentType: ctype})
	}
	z.raw(name, b)
}

// rels adds the relationships of the part name.
func (z *parts) rels(name string, r []relationship) {
	dir, file := "", name
	if i := strings.LastIndex(name, "/"); i >= 0 {
		dir, file = name[:i+1], name[i+1:]
	}
	z.part(dir+"_rels/"+file+".rels", "", relationships{NS: nsRel, Rels: r})
}

// zip writes the entries to w, [Content_Types].xml first, each dated
// modified.
func (z *parts) zip(w io.Writer) error {
	if z.err != nil {
		return z.err
	}
	ct, err := xmlPart(z.ct)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	names := append([]string{"[Content_Types].xml"}, z.names...)
	data := append([][]byte{ct}, z.data...)
	for i, name := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return fmt.Errorf("pptx: %w", err)
		}
		if _, err := f.Write(data[i]); err != nil {
			return fmt.Errorf("pptx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	return nil
}
