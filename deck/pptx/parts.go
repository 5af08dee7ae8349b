package pptx

import (
	"fmt"
	"io"
	"strings"

	"github.com/deckpdf/deck/deck"
)

// The content types of the parts.
const (
	ctPresentation = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
	ctSlide        = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
	ctLayout       = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
	ctMaster       = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"
	ctNotesMaster  = "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"
	ctNotesSlide   = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
	ctTheme        = "application/vnd.openxmlformats-officedocument.theme+xml"
	ctCore         = "application/vnd.openxmlformats-package.core-properties+xml"
	ctRels         = "application/vnd.openxmlformats-package.relationships+xml"
	ctFont         = "application/x-fontdata"
)

// finish writes every part: the package's relationships and properties,
// the presentation, its master, layout and theme, the slides and their
// notes, the pictures and the fonts.
func (w *writer) finish(out io.Writer, pageSize deck.Size) error {
	z := &parts{ct: contentTypes{NS: nsCT, Defaults: []ctDefault{
		{"rels", ctRels}, {"xml", "application/xml"}, {"png", "image/png"}, {"jpeg", "image/jpeg"}, {"fntdata", ctFont}}}}
	z.rels("", []relationship{
		{ID: "rId1", Type: relDoc, Target: "ppt/presentation.xml"},
		{ID: "rId2", Type: relCore, Target: "docProps/core.xml"}})
	m := w.opt.Meta
	z.part("docProps/core.xml", ctCore, coreProps{CP: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		DC: "http://purl.org/dc/elements/1.1/", Title: m.Title, Subject: m.Subject, Creator: m.Author,
		Keys: strings.Join(m.Keywords, ", "), Lang: w.lang})

	pres := presentation{A: nsA, R: nsR, P: nsP,
		SldSz:   size{emu(pageSize.W), emu(pageSize.H)},
		NotesSz: size{emu(540), emu(720)}}
	prels := &partRels{}
	pres.Masters.Masters = []idEntry{{ID: 2147483648, RID: prels.add(relMaster, "slideMasters/slideMaster1.xml", "")}}
	for i := range w.slides {
		pres.Slides.Slides = append(pres.Slides.Slides, idEntry{ID: 256 + i, RID: prels.add(relSlide, fmt.Sprintf("slides/slide%d.xml", i+1), "")})
	}
	prels.add(relTheme, "theme/theme1.xml", "")
	if w.hasNotes() {
		pres.NotesMasters = &idList{Notes: []idEntry{{RID: prels.add(relNotesMaster, "notesMasters/notesMaster1.xml", "")}}}
	}
	fontParts, err := w.fontParts(&pres, prels)
	if err != nil {
		return err
	}
	z.part("ppt/presentation.xml", ctPresentation, pres)
	z.rels("ppt/presentation.xml", prels.rels)

	z.part("ppt/slideMasters/slideMaster1.xml", ctMaster, w.master())
	z.rels("ppt/slideMasters/slideMaster1.xml", []relationship{
		{ID: "rId1", Type: relLayout, Target: "../slideLayouts/slideLayout1.xml"},
		{ID: "rId2", Type: relTheme, Target: "../theme/theme1.xml"}})
	z.part("ppt/slideLayouts/slideLayout1.xml", ctLayout, w.slideLayout(pageSize))
	z.rels("ppt/slideLayouts/slideLayout1.xml", []relationship{
		{ID: "rId1", Type: relMaster, Target: "../slideMasters/slideMaster1.xml"}})
	z.part("ppt/theme/theme1.xml", ctTheme, w.theme("deck"))

	notes := 0
	for i, s := range w.slides {
		name := fmt.Sprintf("ppt/slides/slide%d.xml", i+1)
		if s.notes != "" {
			notes++
			s.rels.add(relNotesSlide, fmt.Sprintf("../notesSlides/notesSlide%d.xml", notes), "")
		}
		z.part(name, ctSlide, s.xml)
		z.rels(name, s.rels.rels)
	}
	if w.hasNotes() {
		z.part("ppt/notesMasters/notesMaster1.xml", ctNotesMaster, w.notesMaster())
		z.rels("ppt/notesMasters/notesMaster1.xml", []relationship{
			{ID: "rId1", Type: relTheme, Target: "../theme/theme2.xml"}})
		z.part("ppt/theme/theme2.xml", ctTheme, w.theme("deck notes"))
		notes = 0
		for i, s := range w.slides {
			if s.notes == "" {
				continue
			}
			notes++
			name := fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", notes)
			z.part(name, ctNotesSlide, w.notesSlide(s.notes))
			z.rels(name, []relationship{
				{ID: "rId1", Type: relNotesMaster, Target: "../notesMasters/notesMaster1.xml"},
				{ID: "rId2", Type: relSlide, Target: fmt.Sprintf("../slides/slide%d.xml", i+1)}})
		}
	}
	for _, f := range w.mediaFiles {
		z.raw("ppt/media/"+f.name, f.data)
	}
	w.chartParts(z)
	for _, f := range fontParts {
		z.raw("ppt/"+f.name, f.data)
	}
	return z.zip(out)
}

// hasNotes reports whether any slide has speaker notes.
func (w *writer) hasNotes() bool {
	for _, s := range w.slides {
		if s.notes != "" {
			return true
		}
	}
	return false
}
