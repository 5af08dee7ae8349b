package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// finishGoPDF gives the file gopdf wrote the parts gopdf writes wrongly or
// not at all, as fpdf writes them:
//
//   - the outline: one entry a page, titled with the page's bookmark,
//     opening the page at its top left. gopdf's own outline points every
//     entry's /Parent at the page tree (MuPDF repairs it, with a warning)
//     and scrolls each destination 90 pt to the right; the painter leaves
//     it empty and the entries are written here, into gopdf's outline root;
//   - the document information: gopdf writes it inline in the trailer,
//     where the PDF standard wants an indirect object, and has no keywords
//     or modification date. It is written here as an object of its own;
//   - the catalog: the outline shown, the first page fitted in the window,
//     one page at a time, and the deck's language;
//   - the fonts' ToUnicode CMaps: a half-width form maps to its mark.
//
// The objects gopdf wrote are kept byte for byte and in their order; the
// new ones follow them, and the cross-reference table is written anew.
// Anything but the file gopdf v0.33.0 writes is an error rather than a
// guess.
func finishGoPDF(src []byte, entries []outlineEntry, opt Options) ([]byte, error) {
	f, err := parseGoPDF(src)
	if err != nil {
		return nil, err
	}
	const catalog, pagesObj, outlines = 1, 2, 3
	if string(f.body(catalog)) != goCatalog {
		return nil, unexpected("its catalog is not the one expected")
	}
	if string(f.body(outlines)) != goOutlines {
		return nil, unexpected("its outline root is not the one expected")
	}
	pages, err := pageRefs(f.body(pagesObj))
	if err != nil {
		return nil, err
	}
	if len(pages) != len(entries) {
		return nil, unexpected(fmt.Sprintf("%d pages for %d drawn", len(pages), len(entries)))
	}

	f.halfToUnicode()
	info := f.add(infoDict(opt))
	first := len(f.objs) + 1
	for i, e := range entries {
		var b strings.Builder
		fmt.Fprintf(&b, "<<\n  /Title %s\n  /Parent %d 0 R\n", textString(e.title), outlines)
		if i > 0 {
			fmt.Fprintf(&b, "  /Prev %d 0 R\n", first+i-1)
		}
		if i < len(entries)-1 {
			fmt.Fprintf(&b, "  /Next %d 0 R\n", first+i+1)
		}
		// The top left of the page, the zoom unchanged.
		fmt.Fprintf(&b, "  /Dest [%d 0 R /XYZ 0 %.2f null]\n>>\n", pages[i], e.height)
		f.add(b.String())
	}
	f.set(outlines, fmt.Sprintf("<<\n  /Type /Outlines\n  /First %d 0 R\n  /Last %d 0 R\n  /Count %d\n>>\n", first, first+len(entries)-1, len(entries)))

	var cat strings.Builder
	fmt.Fprintf(&cat, "<<\n  /Type /Catalog\n  /Pages %d 0 R\n  /Outlines %d 0 R\n  /PageMode /UseOutlines\n", pagesObj, outlines)
	fmt.Fprintf(&cat, "  /PageLayout /SinglePage\n  /OpenAction [%d 0 R /Fit]\n", pages[0])
	if opt.Meta.Lang != "" {
		fmt.Fprintf(&cat, "  /Lang %s\n", textString(opt.Meta.Lang))
	}
	cat.WriteString(">>\n")
	f.set(catalog, cat.String())
	return f.bytes(info), nil
}

// The catalog and outline root gopdf writes for a document without an
// outline.
const (
	goCatalog  = "<<\n  /Type /Catalog\n  /Pages 2 0 R\n>>\n"
	goOutlines = "<<\n\t/Type /Outlines\n\t/Count 0\n>>\n"
)

// infoDict returns the document information dictionary.
func infoDict(opt Options) string {
	var b strings.Builder
	b.WriteString("<<\n")
	m := opt.Meta
	for _, e := range []struct{ key, value string }{
		{"Title", m.Title},
		{"Author", m.Author},
		{"Subject", m.Subject},
		{"Keywords", strings.Join(m.Keywords, ", ")},
		{"Creator", opt.Creator},
		{"Producer", opt.Creator},
	} {
		if e.value != "" {
			fmt.Fprintf(&b, "  /%s %s\n", e.key, textString(e.value))
		}
	}
	date := opt.Date.UTC().Format("20060102150405")
	fmt.Fprintf(&b, "  /CreationDate (D:%sZ)\n  /ModDate (D:%sZ)\n>>\n", date, date)
	return b.String()
}

// textString returns s as a PDF text string: UTF-16 with a byte order mark,
// in hexadecimal, so that any character can be written, above U+FFFF too.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// An outlineEntry is a page's entry in the outline.
type outlineEntry struct {
	title  string
	height float64 // the page's
}

// The patterns of gopdf's page tree, compiled when gopdf first writes,
// not when every deck command starts.
var (
	kidsRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Kids \[((?: *\d+ 0 R)*) *\]`) })
	refRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+) 0 R`) })
	countRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Count (\d+)\n`) })
)

// pageRefs reads the page objects, in order, from gopdf's page tree.
func pageRefs(tree []byte) ([]int, error) {
	kids := kidsRe().FindSubmatch(tree)
	count := countRe().FindSubmatch(tree)
	if kids == nil || count == nil {
		return nil, unexpected("its page tree has no /Kids or /Count")
	}
	var pages []int
	for _, m := range refRe().FindAllSubmatch(kids[1], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages = append(pages, n)
	}
	if n, _ := strconv.Atoi(string(count[1])); n != len(pages) || n == 0 {
		return nil, unexpected("its page tree counts other pages than it lists")
	}
	return pages, nil
}

// A goFile is a PDF as gopdf writes it: a header, the objects 1 … n in
// order, each as "i 0 obj\n" body "endobj\n\n", one cross-reference
// section and a trailer naming object 1 as the catalog.
type goFile struct {
	header []byte
	objs   [][]byte // objs[i] is the body of object i+1
}

func unexpected(what string) error {
	return fmt.Errorf("pdf: gopdf wrote an unexpected file: %s", what)
}

// parseGoPDF splits src into its objects, by its cross-reference table,
// and checks that every object is where the table says.
func parseGoPDF(src []byte) (*goFile, error) {
	i := bytes.LastIndex(src, []byte("\nstartxref\n"))
	if i < 0 {
		return nil, unexpected("no startxref")
	}
	tail := src[i+len("\nstartxref\n"):]
	end := bytes.IndexByte(tail, '\n')
	if end < 0 || string(tail[end:]) != "\n%%EOF\n" {
		return nil, unexpected("no %%EOF after startxref")
	}
	xref, err := strconv.Atoi(string(tail[:end]))
	if err != nil || xref <= 0 || xref > i {
		return nil, unexpected("startxref is not an offset in the file")
	}
	table := src[xref : i+1]
	var n int
	if _, err := fmt.Sscanf(string(table), "xref\n0 %d\n", &n); err != nil || n < 4 {
		return nil, unexpected("no cross-reference section at startxref")
	}
	table = table[len(fmt.Sprintf("xref\n0 %d\n", n)):]
	if len(table) < 20*n || string(table[:20]) != "0000000000 65535 f \n" {
		return nil, unexpected("a short cross-reference section")
	}
	if want := fmt.Sprintf("trailer\n<<\n/Size %d\n/Root 1 0 R\n>>\n", n); string(table[20*n:]) != want {
		return nil, unexpected("its trailer is not the one expected")
	}
	offsets := make([]int, n)
	offsets[n-1] = xref
	for k := 1; k < n; k++ {
		e := table[20*k : 20*k+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" {
			return nil, unexpected(fmt.Sprintf("cross-reference entry %d is %q", k, e))
		}
		offsets[k-1] = off
	}
	f := &goFile{header: src[:offsets[0]]}
	for k := 1; k < n; k++ {
		start, stop := offsets[k-1], offsets[k]
		head := fmt.Sprintf("%d 0 obj\n", k)
		if start >= stop || stop > xref {
			return nil, unexpected(fmt.Sprintf("object %d is out of order", k))
		}
		obj := src[start:stop]
		if !bytes.HasPrefix(obj, []byte(head)) || !bytes.HasSuffix(obj, []byte("endobj\n\n")) {
			return nil, unexpected(fmt.Sprintf("object %d is not where the table says", k))
		}
		f.objs = append(f.objs, obj[len(head):len(obj)-len("endobj\n\n")])
	}
	return f, nil
}

// body returns the body of object n.
func (f *goFile) body(n int) []byte { return f.objs[n-1] }

// set replaces the body of object n.
func (f *goFile) set(n int, body string) { f.objs[n-1] = []byte(body) }

// add appends an object and returns its number.
func (f *goFile) add(body string) int {
	f.objs = append(f.objs, []byte(body))
	return len(f.objs)
}

// bytes writes the file with a new cross-reference table, object 1 as the
// catalog and object info as the document information.
func (f *goFile) bytes(info int) []byte {
	size := len(f.header) + 64 + 21*len(f.objs)
	for _, o := range f.objs {
		size += len(o) + 32
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.Write(f.header)
	offsets := make([]int, len(f.objs))
	for i, body := range f.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n", i+1)
		b.Write(body)
		b.WriteString("endobj\n\n")
	}
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root 1 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", len(f.objs)+1, info, xref)
	return b.Bytes()
}
