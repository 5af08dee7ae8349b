package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck/layout"
)

// The fpdf engine writes a tagged PDF (ISO 32000-1, 14.8): the painter
// marks each item it draws, and tagFPDF adds the structure tree after fpdf
// has written the file.
//
// In the page streams, an item that a node of the page's structure tree
// holds is drawn inside "/P <</MCID n>> BDC … EMC", its MCID numbered per
// page in the order of drawing and its tag the leaf's structure type; an
// artifact, and any item of a page without a tree, inside "/Artifact BMC …
// EMC". A chart's hidden text is an artifact (its Figure's /Alt says the
// data), so that a screen reader does not read the data twice.

// pageTags is what the painter learns about a page while drawing it: which
// leaf holds each item, the MCIDs it gave, the links it placed.
type pageTags struct {
	tree   *layout.Node
	slide  int
	height float64
	leaf   []*layout.Node // the leaf of each item; nil for an artifact
	mcid   []int          // the MCID of each item drawn; -1: none
	annot  []int          // the annotation object of each link item; 0: none
	mcids  []*layout.Node // the leaf of each MCID, in order
	links  []pageLink     // the page's links, in the order drawn
	next   int            // the index of the next item drawn
}

// A pageLink is a link annotation to write: its rectangle in PDF units, its
// URL or the page it goes to (from 1; 0: none), its item, the Link node it
// belongs to (nil: none) and its object.
type pageLink struct {
	rect [4]float64
	url  string
	page int
	item int
	leaf *layout.Node
	num  int
}

// newPageTags finds the leaf of each item of pg: the leaves under an
// Artifact, and items no leaf holds, have none.
func newPageTags(pg *layout.Page) *pageTags {
	n := len(pg.Items)
	t := &pageTags{tree: pg.Tree, slide: pg.Slide, height: pg.Size.H, leaf: make([]*layout.Node, n), mcid: make([]int, n), annot: make([]int, n)}
	for i := range t.mcid {
		t.mcid[i] = -1
	}
	pg.Tree.Walk(func(n *layout.Node) bool {
		if n.Role == layout.RoleArtifact {
			return false
		}
		for _, i := range n.Items {
			if i >= 0 && i < len(t.leaf) {
				t.leaf[i] = n
			}
		}
		return true
	})
	return t
}

// begin returns the operator that opens the marked content of the next
// item drawn, with a /Lang when lang is not empty.
func (t *pageTags) begin(lang string) string {
	i := t.next
	n := t.take()
	if n == nil {
		return "/Artifact BMC"
	}
	t.mcid[i] = len(t.mcids)
	t.mcids = append(t.mcids, n)
	mcid := strconv.Itoa(len(t.mcids) - 1)
	if lang != "" {
		return "/" + structType(n.Role) + " <</Lang " + literal(lang) + " /MCID " + mcid + ">> BDC"
	}
	return "/" + structType(n.Role) + " <</MCID " + mcid + ">> BDC"
}

// latinOnly reports whether s is written in Latin letters alone: one at
// least, and besides them only ASCII digits, spaces and punctuation
// (ROE, Cloud-native, IaaS/PaaS). A run with a hanzi, or without a letter
// (28.6%), is not.
func latinOnly(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			letter = true
		case r < utf8.RuneSelf && !unicode.IsLetter(r) && unicode.IsPrint(r):
		default:
			return false
		}
	}
	return letter
}

// take returns the leaf of the next item and moves past it.
func (t *pageTags) take() *layout.Node {
	i := t.next
	t.next++
	if i < len(t.leaf) {
		return t.leaf[i]
	}
	return nil
}

// link records a link drawn on the page.
func (t *pageTags) link(l layout.Link) {
	i := t.next
	n := t.take()
	r := l.Rect
	rect := [4]float64{r.X, t.height - r.Y, r.X + r.W, t.height - r.Y - r.H}
	t.links = append(t.links, pageLink{rect: rect, url: l.URL, page: l.Page, item: i, leaf: n})
}

// structType returns the standard structure type of a role.
func structType(r layout.Role) string {
	switch r {
	case layout.RoleSection:
		return "Sect"
	case layout.RoleTitle:
		return "H1"
	case layout.RoleHeading:
		return "H2"
	case layout.RoleList:
		return "L"
	case layout.RoleListItem:
		return "LI"
	case layout.RoleLabel:
		return "Lbl"
	case layout.RoleBody:
		return "LBody"
	case layout.RoleTable:
		return "Table"
	case layout.RoleHeaderRow, layout.RoleRow:
		return "TR"
	case layout.RoleHeaderCell:
		return "TH"
	case layout.RoleCell:
		return "TD"
	case layout.RoleFigure:
		return "Figure"
	case layout.RoleCaption:
		return "Caption"
	case layout.RoleNote:
		return "Note"
	case layout.RoleLink:
		return "Link"
	default: // Subtitle, Paragraph, Source
		return "P"
	}
}

// A fpdfFile is the file fpdf wrote, read by its cross-reference table,
// and the objects tagFPDF adds to it or replaces (see rewrite.go).
type fpdfFile struct {
	src     []byte
	offsets map[int]int // where each object of src starts
	xref    int         // the offset of src's cross-reference section
	size    int         // /Size of src's trailer
	root    int
	info    int
	objs    map[int]string // the objects added or replaced, by number
	// streams are the objects added whose data is compressed already,
	// written as they are.
	streams map[int]object
	next    int    // the number of the next new object
	id      []byte // the file identifier; nil: none
	header  string // the header to write; empty: fpdf's
}

var (
	trailerRe = regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n$`)
	pagesRe   = regexp.MustCompile(`/Pages (\d+) 0 R`)
)

// parseFPDF reads the trailer and cross-reference table of the file fpdf
// v0.9.0 writes. Anything else is an error rather than a guess.
func parseFPDF(src []byte) (*fpdfFile, error) {
	m := trailerRe.FindSubmatch(src)
	if m == nil {
		return nil, fpdfUnexpected("its trailer is not the one expected")
	}
	f := &fpdfFile{src: src, offsets: map[int]int{}, objs: map[int]string{}, streams: map[int]object{}}
	f.size, _ = strconv.Atoi(string(m[1]))
	f.root, _ = strconv.Atoi(string(m[2]))
	f.info, _ = strconv.Atoi(string(m[3]))
	f.xref, _ = strconv.Atoi(string(m[4]))
	f.next = f.size
	head := fmt.Sprintf("xref\n0 %d\n", f.size)
	if f.xref >= len(src) || !bytes.HasPrefix(src[f.xref:], []byte(head)) {
		return nil, fpdfUnexpected("no cross-reference section at startxref")
	}
	table := src[f.xref+len(head):]
	if len(table) < 20*f.size {
		return nil, fpdfUnexpected("a short cross-reference section")
	}
	for k := 1; k < f.size; k++ {
		e := table[20*k : 20*k+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off >= f.xref {
			return nil, fpdfUnexpected(fmt.Sprintf("cross-reference entry %d is %q", k, e))
		}
		f.offsets[k] = off
	}
	return f, nil
}

func fpdfUnexpected(what string) error {
	return fmt.Errorf("pdf: fpdf wrote an unexpected file: %s", what)
}

// body returns the dictionary of object n as fpdf wrote it.
func (f *fpdfFile) body(n int) (string, error) {
	off, ok := f.offsets[n]
	head := fmt.Sprintf("%d 0 obj\n", n)
	if !ok || !bytes.HasPrefix(f.src[off:], []byte(head)) {
		return "", fpdfUnexpected(fmt.Sprintf("object %d is not where the table says", n))
	}
	rest := f.src[off+len(head) : f.xref]
	end := bytes.Index(rest, []byte("\nendobj\n"))
	if end < 0 || bytes.Contains(rest[:end], []byte("stream\n")) {
		return "", fpdfUnexpected(fmt.Sprintf("object %d is not a dictionary", n))
	}
	return string(rest[:end]), nil
}

// add reserves the number of a new object.
func (f *fpdfFile) add() int {
	f.next++
	return f.next - 1
}

// tagFPDF adds the structure tree to the file fpdf wrote of the pages the
// painter tagged, and appends the file written anew to dst (nothing when
// it fails): the structure tree root, its
// parent tree, an element for every node of the pages' trees but the
// artifacts (Document, then one Sect for the pages of a slide), the link
// annotations with their /StructParent, and new versions of the catalog
// (/StructTreeRoot, /MarkInfo, /ViewerPreferences) and of the pages
// (/StructParents, /Tabs /S, /Annots), and deck's fonts in place of the
// core fonts fpdf wrote (see embedFonts). With an archive, the same pass
// makes the file PDF/A-2b (see pdfa.go).
func tagFPDF(dst *bytes.Buffer, src []byte, pages []*pageTags, subsets []subset, a *archive) error {
	f, err := parseFPDF(src)
	if err != nil {
		return err
	}
	if a != nil {
		f.addBinaryComment()
	}
	cat, err := f.body(f.root)
	if err != nil {
		return err
	}
	const catHead = "<<\n/Type /Catalog\n"
	m := pagesRe.FindStringSubmatch(cat)
	if !strings.HasPrefix(cat, catHead) || m == nil {
		return fpdfUnexpected("its catalog is not the one expected")
	}
	if strings.Contains(cat, "/StructTreeRoot") {
		return fpdfUnexpected("it has a structure tree already")
	}
	if err := f.embedFonts(subsets); err != nil {
		return err
	}
	treeNum, _ := strconv.Atoi(m[1])
	tree, err := f.body(treeNum)
	if err != nil {
		return err
	}
	refs, err := pageRefs([]byte(tree))
	if err != nil {
		return err
	}
	if len(refs) != len(pages) {
		return fpdfUnexpected(fmt.Sprintf("%d pages for %d drawn", len(refs), len(pages)))
	}
	s := &structWriter{f: f, pages: pages, refs: refs, elems: map[*layout.Node]int{}, print: a != nil}
	root, parents := f.add(), f.add()
	s.numberAnnots()
	doc := s.document(root)
	if err := s.pageObjects(); err != nil {
		return err
	}
	f.objs[root] = fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", doc, parents, s.nextKey)
	f.objs[parents] = s.parentTree()
	more := ""
	if a != nil {
		more = a.objects(f)
	}
	rest := cat[len(catHead):]
	if a != nil {
		rest = withoutEmptyNames(rest)
	}
	f.objs[f.root] = catHead + fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n", root) + more + rest
	return f.writeTo(dst)
}

// A structWriter writes the structure elements of the pages.
type structWriter struct {
	f        *fpdfFile
	pages    []*pageTags
	refs     []int                // the page objects
	elems    map[*layout.Node]int // the element of each node written
	nextKey  int                  // the next key of the parent tree
	linkKeys []string             // the parent tree's entries for the annotations
	print    bool                 // the annotations have their print flag (PDF/A)
}

// document writes the Document element and the Sects under it, one for
// the pages of each slide, and returns the Document's number.
func (s *structWriter) document(root int) int {
	doc := s.f.add()
	var kids []string
	for i := 0; i < len(s.pages); {
		j := i + 1
		for j < len(s.pages) && s.pages[j].slide == s.pages[i].slide {
			j++
		}
		sect := s.f.add()
		var sk []string
		for p := i; p < j; p++ {
			t := s.pages[p].tree
			if t == nil || t.Role == layout.RoleArtifact {
				continue
			}
			s.elems[t] = sect
			sk = append(sk, s.content(t, p, s.refs[i])...)
			for _, c := range t.Children {
				sk = append(sk, s.node(c, p, sect)...)
			}
		}
		s.f.objs[sect] = element("Sect", doc, s.refs[i], sk, "")
		kids = append(kids, ref(sect))
		i = j
	}
	s.f.objs[doc] = element("Document", root, 0, kids, "")
	return doc
}

// node writes the element of n, on page p under parent, and the elements
// under it, and returns the reference to put in the parent's /K: none for
// an artifact.
func (s *structWriter) node(n *layout.Node, p, parent int) []string {
	if n.Role == layout.RoleArtifact {
		return nil
	}
	num := s.f.add()
	s.elems[n] = num
	kids := s.content(n, p, s.refs[p])
	pg := 0 // a /Pg only for an element with content of its own
	if len(kids) > 0 {
		pg = s.refs[p]
	}
	for _, c := range n.Children {
		kids = append(kids, s.node(c, p, num)...)
	}
	s.f.objs[num] = element(structType(n.Role), parent, pg, kids, attributes(n))
	return []string{ref(num)}
}

// content returns the kids of an element on page pg for the items of n,
// a node of page p, in n's order: the MCID of an item drawn (in a marked
// content reference when pg is not p), an object reference to a link's
// annotation.
func (s *structWriter) content(n *layout.Node, p, pg int) []string {
	t := s.pages[p]
	var kids []string
	for _, i := range n.Items {
		switch {
		case i < 0 || i >= len(t.mcid):
		case t.mcid[i] >= 0 && pg == s.refs[p]:
			kids = append(kids, strconv.Itoa(t.mcid[i]))
		case t.mcid[i] >= 0:
			kids = append(kids, fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", s.refs[p], t.mcid[i]))
		case t.annot[i] > 0:
			kids = append(kids, fmt.Sprintf("<</Type /OBJR /Pg %d 0 R /Obj %d 0 R>>", s.refs[p], t.annot[i]))
		}
	}
	return kids
}

// numberAnnots gives each link annotation an object number.
func (s *structWriter) numberAnnots() {
	for _, t := range s.pages {
		for k := range t.links {
			t.links[k].num = s.f.add()
			if i := t.links[k].item; i < len(t.annot) {
				t.annot[i] = t.links[k].num
			}
		}
	}
}

// pageObjects writes the new versions of the pages, with their
// /StructParents (the page's index), /Tabs /S and /Annots, and the
// annotations, each with its /StructParent after the pages' keys when a
// Link element holds it.
func (s *structWriter) pageObjects() error {
	const head = "<</Type /Page\n"
	key := len(s.pages)
	for p, t := range s.pages {
		old, err := s.f.body(s.refs[p])
		if err != nil {
			return err
		}
		if !strings.HasPrefix(old, head) || strings.Contains(old, "/Annots") || strings.Contains(old, "/StructParents") {
			return fpdfUnexpected(fmt.Sprintf("page object %d is not the one expected", s.refs[p]))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s/StructParents %d\n/Tabs /S\n", head, p)
		if len(t.links) > 0 {
			b.WriteString("/Annots [")
			for k, l := range t.links {
				if k > 0 {
					b.WriteString(" ")
				}
				b.WriteString(ref(l.num))
			}
			b.WriteString("]\n")
		}
		b.WriteString(old[len(head):])
		s.f.objs[s.refs[p]] = b.String()
		for _, l := range t.links {
			r := l.rect
			action := fmt.Sprintf("/A <</S /URI /URI %s>>", literal(l.url))
			if l.page > 0 && l.page <= len(s.refs) {
				action = fmt.Sprintf("/Dest [%d 0 R /Fit]", s.refs[l.page-1])
			}
			a := fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] %s /P %d 0 R",
				r[0], r[1], r[2], r[3], action, s.refs[p])
			if s.print {
				a += " /F 4"
			}
			if e, ok := s.elems[l.leaf]; ok && l.leaf != nil {
				a += fmt.Sprintf(" /StructParent %d", key)
				s.linkKeys = append(s.linkKeys, fmt.Sprintf("%d %d 0 R", key, e))
				key++
			}
			s.f.objs[l.num] = a + ">>"
		}
	}
	s.nextKey = key
	return nil
}

// parentTree returns the parent tree: for each page, the element of each
// MCID; for each annotation in a Link, its element.
func (s *structWriter) parentTree() string {
	var b strings.Builder
	b.WriteString("<</Nums [")
	for p, t := range s.pages {
		fmt.Fprintf(&b, "\n%d [", p)
		for k, leaf := range t.mcids {
			if k > 0 {
				b.WriteString(" ")
			}
			b.WriteString(ref(s.elems[leaf]))
		}
		b.WriteString("]")
	}
	for _, k := range s.linkKeys {
		b.WriteString("\n" + k)
	}
	b.WriteString("\n]>>")
	return b.String()
}

// literal returns s as a PDF literal string, as fpdf writes a link's URL.
func literal(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "(", "\\(", ")", "\\)", "\r", "\\r")
	return "(" + r.Replace(s) + ")"
}

// attributes returns the other entries of n's element: /Alt, /Lang, /A.
func attributes(n *layout.Node) string {
	var b strings.Builder
	if n.Alt != "" && n.Role == layout.RoleFigure {
		fmt.Fprintf(&b, " /Alt %s", utf16Literal(n.Alt))
	}
	if n.Alt != "" && n.Role == layout.RoleLabel {
		fmt.Fprintf(&b, " /ActualText %s", utf16Literal(n.Alt))
	}
	if n.Lang != "" {
		fmt.Fprintf(&b, " /Lang %s", textString(n.Lang))
	}
	if n.Role == layout.RoleHeaderCell && n.Scope == layout.ScopeColumn {
		b.WriteString(" /A <</O /Table /Scope /Column>>")
	}
	if n.Role == layout.RoleCell && n.RowSpan > 1 {
		fmt.Fprintf(&b, " /A <</O /Table /RowSpan %d>>", n.RowSpan)
	}
	return b.String()
}

// element returns a structure element's dictionary; pg 0 means no /Pg.
func element(typ string, parent, pg int, kids []string, more string) string {
	n := 40 + len(typ) + len(more)
	for _, k := range kids {
		n += len(k) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, "<</S /"...)
	b = append(b, typ...)
	b = appendRef(append(b, " /P "...), parent)
	if pg != 0 {
		b = appendRef(append(b, " /Pg "...), pg)
	}
	switch len(kids) {
	case 0:
	case 1:
		b = append(append(b, " /K "...), kids[0]...)
	default:
		b = append(b, " /K ["...)
		for i, k := range kids {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, k...)
		}
		b = append(b, ']')
	}
	b = append(b, more...)
	b = append(b, ">>"...)
	return string(b)
}

// appendRef appends a reference to the object n, "n 0 R".
func appendRef(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...)
}

// utf16Literal returns s as a PDF text string: UTF-16 with a byte order
// mark, in a literal string, half the size of textString's hexadecimal.
func utf16Literal(s string) string {
	b := append(appendLiteral([]byte("(\xFE\xFF"), s), ')')
	return string(b)
}

func ref(n int) string { return string(appendRef(nil, n)) }
