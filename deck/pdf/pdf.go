package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/go-pdf/fpdf"
)

// Options says what goes into the PDF besides the pages. The zero value
// writes a valid file dated at the Unix epoch with the bundled fonts.
type Options struct {
	Meta    deck.Meta
	Creator string    // the program, as "deck v0.1.0"
	Date    time.Time // creation and modification date; the zero value means the Unix epoch
	Fonts   *fonts.Set
	Engine  Engine // the library that draws the pages; the zero value is fpdf
	// PDFA makes the file PDF/A-2b (ISO 19005-2, level B): see pdfa.go.
	// Only the fpdf engine writes it.
	PDFA bool
	// CacheDir is a folder where each face's last font program is kept
	// for the next process, to be taken again when it asks for the same
	// characters (see lastProgram); "" keeps none. The file is the same
	// either way.
	CacheDir string
}

// Write writes pages to w as a PDF. The same pages and options give the same
// bytes.
func Write(w io.Writer, pages []layout.Page, opt Options) error {
	if len(pages) == 0 {
		return fmt.Errorf("pdf: no pages to write")
	}
	return Begin(pages[0].Size, opt).Write(w, pages)
}

// A Document is a PDF begun before its pages are laid out.
type Document struct {
	opt    Options
	err    error
	loaded chan struct{}  // closed once loadPrograms is done; nil: not begun
	ahead  []func()       // the work Ahead gave, each done once
	kept   sync.WaitGroup // the programs Ahead made being written to the cache folder
}

// Begin starts a PDF with the given options. The fonts are embedded only
// once the pages are known, subset to the characters they draw (see
// subsetFonts); meanwhile, while the pages are laid out, the fonts'
// programs the last render kept in the cache folder are read
// (loadPrograms), for Write to take when the pages draw the same
// characters. size is the page size the deck asks for, which the pages
// carry too.
func Begin(size deck.Size, opt Options) *Document {
	d := &Document{opt: opt}
	if d.opt.Fonts == nil {
		d.opt.Fonts, d.err = fonts.Default()
	}
	if d.opt.Date.IsZero() {
		d.opt.Date = time.Unix(0, 0)
	}
	if d.err == nil && d.opt.PDFA && d.opt.Engine != EngineFPDF {
		d.err = fmt.Errorf("pdf: only the fpdf engine writes PDF/A: %v writes no structure tree, and its information dictionary is not an indirect object", d.opt.Engine)
	}
	if d.err == nil && d.opt.CacheDir != "" {
		d.loaded = make(chan struct{})
		go func() {
			defer close(d.loaded)
			loadPrograms(d.opt.Fonts, d.opt.CacheDir)
		}()
	}
	return d
}

// Ahead returns the work of making the fonts' programs for the text the
// pages draw, for the caller to give to other cores while it goes on: deck
// draws the charts meanwhile, which change the pages' pictures but not
// their text. Write does what was not done, and waits for what is being
// done; it takes the programs when the pages it is given draw the same
// characters, and makes its own when they do not. The file is the same
// either way. The pages are read before Ahead returns, and not after.
func (d *Document) Ahead(pages []layout.Page) []func() {
	if d.err != nil {
		return nil
	}
	var work []func()
	for _, n := range fontNeeds(pages, d.opt.Fonts) {
		work = append(work, sync.OnceFunc(func() {
			d.waitLoaded()
			if p, err := n.program(); err == nil {
				// Kept as the face's last; Write reports any error. The
				// cache folder is written while Write paints the pages,
				// on a core that leaves free, not by the cores drawing
				// charts; Write waits for it.
				if e, err := embed(n.face, p, ""); err == nil && p.made == nil {
					d.kept.Go(func() { writeProgram(n.face, e, d.opt.CacheDir) })
				}
			}
		}))
	}
	d.ahead = append(d.ahead, work...)
	return work
}

// Wait waits until the programs the work Ahead gave made are in the cache
// folder. Write waits for them too; a caller that does not write, having
// given the work to other cores, waits here before it lets the process
// end, so that no half-written entry is left behind.
func (d *Document) Wait() { d.kept.Wait() }

// waitLoaded waits until the programs Begin reads are read.
func (d *Document) waitLoaded() {
	if d.loaded != nil {
		<-d.loaded
	}
}

// Write writes pages to w. A Document is not for concurrent use.
func (d *Document) Write(w io.Writer, pages []layout.Page) error {
	defer d.kept.Wait() // what Ahead keeps is in the cache folder before Write returns
	if d.err != nil {
		return d.err
	}
	if len(pages) == 0 {
		return fmt.Errorf("pdf: no pages to write")
	}
	d.waitLoaded()
	for _, work := range d.ahead {
		work() // done, or waited for when it is being done
	}
	subsets, err := subsetFonts(pages, d.opt.Fonts)
	if err != nil {
		return err
	}
	switch d.opt.Engine {
	case EngineFPDF:
		p, err := beginFPDF(pages[0].Size, d.opt, subsets)
		if err != nil {
			return err
		}
		return finishFPDF(w, p, pages, d.opt)
	case EngineGoPDF:
		return writeGoPDF(w, pages, d.opt, subsets)
	default:
		return fmt.Errorf("pdf: unknown engine %v", d.opt.Engine)
	}
}

// fpdfFailed turns a panic in fpdf into an error. fpdf panics on some input
// (runes above U+FFFF); the layout reports those first, so this only turns
// a library bug into an error.
func fpdfFailed(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pdf: fpdf failed: %v", r)
	}
}

// beginFPDF sets up an fpdf document: page size, metadata, and the fonts,
// each face registered by name, to be embedded as its subset (see
// programs.go).
func beginFPDF(size deck.Size, opt Options, subsets map[*fonts.Face]program) (p *painter, err error) {
	defer fpdfFailed(&err)
	doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: size.W, Ht: size.H}})
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.SetCompression(false) // the streams are compressed by fpdfFile.bytes
	doc.SetCatalogSort(true)
	doc.SetCreationDate(opt.Date.UTC())
	doc.SetModificationDate(opt.Date.UTC())
	m := opt.Meta
	doc.SetTitle(m.Title, true)
	doc.SetAuthor(m.Author, true)
	doc.SetSubject(m.Subject, true)
	doc.SetKeywords(strings.Join(m.Keywords, ", "), true)
	doc.SetCreator(opt.Creator, true)
	doc.SetProducer(opt.Creator, true)
	if m.Lang != "" {
		doc.SetLang(m.Lang)
	}
	doc.SetDisplayMode("fullpage", "single")
	p = &painter{doc: doc, fonts: opt.Fonts, images: map[string]placed{}, widths: map[int]bool{}, family: map[*fonts.Face]string{}}
	for i, f := range []*fonts.Face{opt.Fonts.Regular, opt.Fonts.Bold} {
		if _, ok := p.family[f]; ok {
			continue // one face for both weights
		}
		// A family name becomes a PDF name: keep it to letters, digits
		// and hyphens, whatever the file was called.
		ps := pdfName(f.PostScriptName())
		fam := fmt.Sprintf("%s-%02d", ps, i)
		p.family[f] = fam
		e, err := embed(f, subsets[f], opt.CacheDir)
		if err != nil {
			return nil, err
		}
		p.subsets = append(p.subsets, subset{fpdfName: fam, name: ps, embedding: e})
		// A core font of that name and no metrics: fpdf measures
		// nothing, and embedFonts writes the font.
		def, _ := json.Marshal(struct{ Tp, Name string }{"Core", fam})
		doc.AddFontFromBytes(fam, "", def, nil)
	}
	if err := doc.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return p, nil
}

// finishFPDF paints the pages on a document beginFPDF set up and writes it.
func finishFPDF(w io.Writer, p *painter, pages []layout.Page, opt Options) (err error) {
	defer fpdfFailed(&err)
	p.latinLang = opt.Meta.LatinLang
	if err := layout.Paint(pages, p); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := p.doc.Output(&out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var a *archive
	if opt.PDFA {
		a = &archive{meta: opt.Meta, creator: opt.Creator, date: opt.Date}
	}
	nameSubsets(p.subsets)
	// The file is made in w when w is a buffer, which then grows once.
	dst, ok := w.(*bytes.Buffer)
	if !ok {
		dst = new(bytes.Buffer)
	}
	if err := tagFPDF(dst, out.Bytes(), p.pages, p.subsets, a); err != nil {
		return err
	}
	if !ok {
		_, err = w.Write(dst.Bytes())
	}
	return err
}

// A subset is a font of the file: the name fpdf knows it by, the font's
// own PostScript name, the name it has in the file (see nameSubsets), and
// what is embedded of it.
type subset struct {
	fpdfName, name, baseFont string
	*embedding
}

// nameSubsets gives each font the name the PDF standard asks of a subset
// (ISO 32000-1, 9.6.4), "ABCDEF+NotoSansSC-Regular": six capital letters,
// a plus sign and the font's PostScript name. The tag is read from the
// key of the subset's program (programKey), a hash of the face and the
// characters drawn: the same subset is named the same in every file, and
// another one otherwise.
func nameSubsets(subsets []subset) {
	for i := range subsets {
		s := &subsets[i]
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + s.key[i]%26
		}
		s.baseFont = string(tag) + "+" + s.name
	}
}

// pdfName keeps the letters, digits and hyphens of s.
func pdfName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}
