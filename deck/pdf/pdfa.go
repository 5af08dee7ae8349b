package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/deckpdf/deck/deck"
)

// A PDF/A-2b file (ISO 19005-2, level B) is the tagged file of the fpdf
// engine, made in the same pass (tagFPDF), with what the standard adds:
//
//   - a header that says PDF 1.7 and, after it, a comment of four bytes
//     above 127 (6.1.2);
//   - a file identifier /ID in the trailer (6.1.3);
//   - an XMP metadata stream in the catalog, saying pdfaid:part 2 and
//     pdfaid:conformance B, whose properties are those of the document
//     information dictionary, written again from the same
//     values, its dates with their time zone (6.6.2);
//   - an sRGB output intent, GTS_PDFA1 with the ICC profile of icc/, since
//     the pages paint in DeviceRGB and DeviceGray (6.2.2, 6.2.4.3);
//   - the print flag on every link annotation (6.3.2);
//   - no /Names in the catalog, where fpdf writes an empty tree of
//     embedded files.
//
// fpdf's fonts are embedded TrueType CID fonts (FontFile2, Identity-H,
// a CIDToGIDMap stream, no CIDSet, which PDF/A-2 does not ask for); its
// files have no encryption, JavaScript or external content. The tests in
// pdfa_test.go check each of these.

// sRGB is the ICC profile of the output intent: see icc/LICENSE.
//
//go:embed icc/sRGB.icc
var sRGB string

// binaryComment is the comment after the header line.
const binaryComment = "%\xE2\xE3\xCF\xD3\n"

// An archive is what a PDF/A-2b file says of itself: the document
// information, written into both the information dictionary and the XMP.
type archive struct {
	meta    deck.Meta
	creator string
	date    time.Time
}

// addBinaryComment gives the file the header PDF/A asks for: the version
// PDF/A-2 is built on, 1.7, where fpdf writes 1.3 (though its transparency
// and the added metadata are of 1.4), and a comment of bytes above 127
// after it.
func (f *fpdfFile) addBinaryComment() {
	f.header = "%PDF-1.7\n" + binaryComment
}

// objects adds the PDF/A objects to the file: the information
// dictionary in place of fpdf's, the XMP stream, the output intent and its
// profile. It gives the file its identifier, and returns the entries the
// catalog gains.
func (a archive) objects(f *fpdfFile) string {
	sum := md5.Sum(f.src)
	f.id = sum[:]
	f.objs[f.info] = a.info()
	meta := f.add()
	xmp := a.xmp()
	f.objs[meta] = fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(xmp), xmp)
	profile := sRGBStream()
	icc, intent := f.add(), f.add()
	f.objs[icc] = fmt.Sprintf("<</N 3 /Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream", len(profile), profile)
	f.objs[intent] = fmt.Sprintf("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>", icc)
	return fmt.Sprintf("/Metadata %d 0 R\n/OutputIntents [%d 0 R]\n", meta, intent)
}

// emptyNames is the name dictionary fpdf writes into every catalog: an
// empty tree of embedded files.
const emptyNames = "/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>\n"

// withoutEmptyNames returns the entries of a catalog without fpdf's empty
// name dictionary: a PDF/A file shows no sign of embedded files.
func withoutEmptyNames(entries string) string { return strings.Replace(entries, emptyNames, "", 1) }

// sRGBStream is the profile compressed, once per process, as tightly as
// zlib does: it goes into every PDF/A file.
var sRGBStream = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write([]byte(sRGB)) // a bytes.Buffer takes every write
	w.Close()
	return b.Bytes()
})

// A property is one entry of the document information and the XMP
// property it is (ISO 19005-2, 6.6.2.3.1); an empty value is left out
// of both.
type property struct {
	key, value string
	xmp        func(string) string
}

// properties returns the document information, in the order written.
func (a archive) properties() []property {
	date := a.date.UTC()
	pdfDate := date.Format("D:20060102150405Z")
	xmpDate := date.Format("2006-01-02T15:04:05Z")
	return []property{
		{"Title", a.meta.Title, func(v string) string { return xmpAlt("dc:title", v) }},
		{"Author", a.meta.Author, func(v string) string {
			return "<dc:creator><rdf:Seq><rdf:li>" + xmlText(v) + "</rdf:li></rdf:Seq></dc:creator>"
		}},
		{"Subject", a.meta.Subject, func(v string) string { return xmpAlt("dc:description", v) }},
		{"Keywords", strings.Join(a.meta.Keywords, ", "), func(v string) string { return xmpSimple("pdf:Keywords", v) }},
		{"Creator", a.creator, func(v string) string { return xmpSimple("xmp:CreatorTool", v) }},
		{"Producer", a.creator, func(v string) string { return xmpSimple("pdf:Producer", v) }},
		{"CreationDate", pdfDate, func(string) string { return xmpSimple("xmp:CreateDate", xmpDate) }},
		{"ModDate", pdfDate, func(string) string { return xmpSimple("xmp:ModifyDate", xmpDate) }},
	}
}

// info returns the document information dictionary.
func (a archive) info() string {
	var b strings.Builder
	b.WriteString("<<\n")
	for _, p := range a.properties() {
		switch {
		case p.value == "":
		case strings.HasPrefix(p.value, "D:"):
			fmt.Fprintf(&b, "/%s (%s)\n", p.key, p.value)
		default:
			fmt.Fprintf(&b, "/%s %s\n", p.key, utf16Literal(p.value))
		}
	}
	b.WriteString(">>")
	return b.String()
}

// xmp returns the XMP packet: the document information and the PDF/A
// identification. It has no bytes or encoding attribute (6.6.2.1).
func (a archive) xmp() string {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"" +
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	for _, p := range a.properties() {
		if p.value != "" {
			b.WriteString(p.xmp(p.value) + "\n")
		}
	}
	b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.String()
}

// xmpSimple returns a property of simple text.
func xmpSimple(name, v string) string { return "<" + name + ">" + xmlText(v) + "</" + name + ">" }

// xmpAlt returns a language alternative of one default text.
func xmpAlt(name, v string) string {
	return "<" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlText(v) + "</rdf:li></rdf:Alt></" + name + ">"
}

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace(s)
}

// trailerID returns the trailer's /ID entry for the file identifier id:
// both its parts the same, as for a file first written.
func trailerID(id []byte) string {
	h := fmt.Sprintf("<%x>", id)
	return "/ID [" + h + " " + h + "]\n"
}
