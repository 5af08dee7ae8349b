package pptx

import (
	"encoding/xml"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// placeholderShape returns an empty placeholder of the type at r, with
// the text body a placeholder of a master or layout needs.
func placeholderShape(id int, name, typ, idx string, r layout.Rect) sp {
	s := sp{TxBody: &txBody{BodyPr: bodyPr{Wrap: "none", Anchor: "t", NoAuto: &emptyElem{}}, Paras: []para{{}}}}
	s.NvSpPr.CNvPr = cNvPr{ID: id, Name: name}
	s.NvSpPr.NvPr.Ph = &placeholder{Type: typ, Idx: idx}
	s.SpPr = spPr{Xfrm: rectXfrm(r)}
	return s
}

// master returns the slide master: a title placeholder, the colour map,
// its one layout and empty text styles (every slide sets its own).
func (w *writer) master() slide {
	s := newSlide("p:sldMaster")
	s.CSld.Tree.Shapes = []any{placeholderShape(2, "Title", "title", "", layout.Rect{X: 40, Y: 20, W: 880, H: 50})}
	s.ClrMap = &defaultClrMap
	s.Layouts = &idList{Layouts: []idEntry{{ID: 2147483649, RID: "rId1"}}}
	s.TxStyles = &txStyles{}
	return s
}

// slideLayout returns the one layout: a title placeholder, as the slides'
// titles are.
func (w *writer) slideLayout(page deck.Size) slide {
	s := newSlide("p:sldLayout")
	s.Type = "titleOnly"
	s.CSld.Name = "Title Only"
	s.CSld.Tree.Shapes = []any{placeholderShape(2, "Title", "title", "", layout.Rect{X: 40, Y: 20, W: page.W - 80, H: 50})}
	s.ClrMapOvr = &clrMapOvr{}
	return s
}

// notesMaster returns the notes master: the slide's picture above the
// notes' text.
func (w *writer) notesMaster() slide {
	s := newSlide("p:notesMaster")
	s.CSld.Tree.Shapes = []any{
		placeholderShape(2, "Slide Image", "sldImg", "", layout.Rect{X: 30, Y: 54, W: 480, H: 270}),
		placeholderShape(3, "Notes", "body", "1", layout.Rect{X: 54, Y: 342, W: 432, H: 324}),
	}
	s.ClrMap = &defaultClrMap
	s.NotesSty = &emptyElem{}
	return s
}

// notesSlide returns the notes page of a slide: its picture and the
// notes, a paragraph a line.
func (w *writer) notesSlide(notes string) slide {
	s := newSlide("p:notes")
	img := sp{}
	img.NvSpPr.CNvPr = cNvPr{ID: 2, Name: "Slide Image"}
	img.NvSpPr.NvPr.Ph = &placeholder{Type: "sldImg"}
	body := sp{TxBody: &txBody{BodyPr: bodyPr{Wrap: "square", Anchor: "t"}}}
	body.NvSpPr.CNvPr = cNvPr{ID: 3, Name: "Notes"}
	body.NvSpPr.NvPr.Ph = &placeholder{Type: "body", Idx: "1"}
	for _, l := range strings.Split(strings.TrimRight(notes, "\n"), "\n") {
		p := para{End: &rPr{Lang: w.lang, Sz: 1200, B: "0"}}
		if l != "" {
			p.Content = []any{run{RPr: rPr{Lang: w.lang, Sz: 1200, B: "0", Latin: &font{w.typeface}, Ea: &font{w.typeface}}, T: l}}
		}
		body.TxBody.Paras = append(body.TxBody.Paras, p)
	}
	s.CSld.Tree.Shapes = []any{img, body}
	s.ClrMapOvr = &clrMapOvr{}
	return s
}

// theme is a:theme: the colour, font and format schemes a master needs.
type theme struct {
	XMLName xml.Name   `xml:"a:theme"`
	A       string     `xml:"xmlns:a,attr"`
	Name    string     `xml:"name,attr"`
	Colors  clrScheme  `xml:"a:themeElements>a:clrScheme"`
	Fonts   fontScheme `xml:"a:themeElements>a:fontScheme"`
	Formats fmtScheme  `xml:"a:themeElements>a:fmtScheme"`
}

type clrScheme struct {
	Name     string     `xml:"name,attr"`
	Dk1      solidFillC `xml:"a:dk1"`
	Lt1      solidFillC `xml:"a:lt1"`
	Dk2      solidFillC `xml:"a:dk2"`
	Lt2      solidFillC `xml:"a:lt2"`
	Accent1  solidFillC `xml:"a:accent1"`
	Accent2  solidFillC `xml:"a:accent2"`
	Accent3  solidFillC `xml:"a:accent3"`
	Accent4  solidFillC `xml:"a:accent4"`
	Accent5  solidFillC `xml:"a:accent5"`
	Accent6  solidFillC `xml:"a:accent6"`
	Hlink    solidFillC `xml:"a:hlink"`
	FolHlink solidFillC `xml:"a:folHlink"`
}

type fontScheme struct {
	Name  string    `xml:"name,attr"`
	Major fontGroup `xml:"a:majorFont"`
	Minor fontGroup `xml:"a:minorFont"`
}

type fontGroup struct {
	Latin font `xml:"a:latin"`
	Ea    font `xml:"a:ea"`
	Cs    font `xml:"a:cs"`
}

type fmtScheme struct {
	Name    string        `xml:"name,attr"`
	Fills   []solidScheme `xml:"a:fillStyleLst>a:solidFill"`
	Lines   []schemeLine  `xml:"a:lnStyleLst>a:ln"`
	Effects []effectStyle `xml:"a:effectStyleLst>a:effectStyle"`
	BgFills []solidScheme `xml:"a:bgFillStyleLst>a:solidFill"`
}

type solidScheme struct {
	Clr schemeClr `xml:"a:schemeClr"`
}

type schemeClr struct {
	Val string `xml:"val,attr"`
}

type schemeLine struct {
	W    int64       `xml:"w,attr"`
	Fill solidScheme `xml:"a:solidFill"`
}

type effectStyle struct {
	Lst emptyElem `xml:"a:effectLst"`
}

// theme returns a theme of the deck's typeface and plain colours.
func (w *writer) theme(name string) theme {
	c := func(hex string) solidFillC { return solidFillC{Clr: srgbClr{Val: hex}} }
	f := fontGroup{Latin: font{w.typeface}, Ea: font{w.typeface}, Cs: font{w.typeface}}
	ph := solidScheme{Clr: schemeClr{"phClr"}}
	return theme{A: nsA, Name: name,
		Colors: clrScheme{Name: name, Dk1: c("000000"), Lt1: c("FFFFFF"), Dk2: c("262B33"), Lt2: c("EEF2F8"),
			Accent1: c("123B7A"), Accent2: c("E0781E"), Accent3: c("7A8290"), Accent4: c("3D5E92"),
			Accent5: c("A0B1CA"), Accent6: c("C4CEDE"), Hlink: c("123B7A"), FolHlink: c("7A8290")},
		Fonts: fontScheme{Name: name, Major: f, Minor: f},
		Formats: fmtScheme{Name: name, Fills: []solidScheme{ph, ph, ph},
			Lines:   []schemeLine{{6350, ph}, {12700, ph}, {19050, ph}},
			Effects: []effectStyle{{}, {}, {}}, BgFills: []solidScheme{ph, ph, ph}}}
}
