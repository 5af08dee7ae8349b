package pdf_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/pdf"
)

// qpdfObject is an object as qpdf --json prints it: a value, or a stream
// with its dictionary and its decoded data.
type qpdfObject struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data []byte         `json:"data"`
	} `json:"stream"`
}

// A qpdfFile is a PDF's objects as qpdf reads them, by "N 0 R", and its
// trailer (the last one).
type qpdfFile struct {
	objs    map[string]qpdfObject
	trailer map[string]any
}

// readQPDF reads file with qpdf --json, its streams decoded.
func readQPDF(t *testing.T, file string) qpdfFile {
	t.Helper()
	objs := tooltest.QPDFObjects[qpdfObject](t, file, "--json-stream-data=inline", "--decode-level=generalized")
	f := qpdfFile{objs: map[string]qpdfObject{}}
	for k, o := range objs {
		if k == "trailer" {
			f.trailer, _ = o.Value.(map[string]any)
			continue
		}
		f.objs[strings.TrimPrefix(k, "obj:")] = o
	}
	return f
}

// dict returns the dictionary v is or refers to (a stream's dictionary
// for a stream).
func (f qpdfFile) dict(v any) map[string]any {
	if r, ok := v.(string); ok {
		o := f.objs[r]
		if o.Stream != nil {
			return o.Stream.Dict
		}
		v = o.Value
	}
	d, _ := v.(map[string]any)
	return d
}

// data returns the decoded data of the stream v refers to.
func (f qpdfFile) data(v any) []byte {
	r, _ := v.(string)
	if o := f.objs[r]; o.Stream != nil {
		return o.Stream.Data
	}
	return nil
}

// textOf returns a string of qpdf's JSON as text: "u:…" is a text string.
func textOf(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

// catalog returns the document's catalog.
func (f qpdfFile) catalog() map[string]any { return f.dict(f.trailer["/Root"]) }

// writePDFA writes the deck as PDF/A to a file and returns its bytes and
// its name.
func writePDFA(t *testing.T, d testDeck) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	opt := pdf.Options{Meta: d.meta, Creator: "deck test", Date: date, Fonts: d.fonts, PDFA: true}
	if err := pdf.Write(&b, d.pages, opt); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), d.name+"-pdfa.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), file
}

// The requirements of PDF/A-2b (ISO 19005-2, level B) that the default
// deck's --pdfa file is checked against, one subtest each; the README
// lists them.
func TestPDFA(t *testing.T) {
	tooltest.Need(t, "qpdf", "pdfinfo", "mutool")
	d := defaultDeck(t)
	b, file := writePDFA(t, d)
	f := readQPDF(t, file)
	t.Run("the header says PDF 1.7 and a comment of four bytes above 127 follows it (6.1.2)", func(t *testing.T) {
		if !bytes.HasPrefix(b, []byte("%PDF-1.7\n%")) {
			t.Fatalf("the file begins %q", b[:min(len(b), 16)])
		}
		for i, c := range b[10:14] {
			if c <= 127 {
				t.Errorf("byte %d of the comment is %d", i+1, c)
			}
		}
	})
	t.Run("the last trailer has a file identifier and no encryption (6.1.3)", func(t *testing.T) {
		id, _ := f.trailer["/ID"].([]any)
		if len(id) != 2 {
			t.Fatalf("/ID is %v", f.trailer["/ID"])
		}
		for _, s := range id {
			if h, _ := s.(string); !regexp.MustCompile(`^b:[0-9a-f]{32}$`).MatchString(h) {
				t.Errorf("an identifier is %q, want 16 bytes", h)
			}
		}
		if _, ok := f.trailer["/Encrypt"]; ok {
			t.Errorf("the trailer has /Encrypt")
		}
		last := b[bytes.LastIndex(b, []byte("trailer")):]
		if !bytes.Contains(last, []byte("/ID [<")) {
			t.Errorf("the file's last trailer has no /ID:\n%s", last)
		}
	})
	t.Run("qpdf, pdfinfo and mutool read it without a warning, and it is still tagged", func(t *testing.T) {
		out, stderr := run(t, "qpdf", "--check", file)
		if strings.Contains(out+stderr, "WARNING") || !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s%s", out, stderr)
		}
		if got := pdfinfo(t, file)["Tagged"]; got != "yes" {
			t.Errorf("pdfinfo: Tagged: %q", got)
		}
		if _, stderr := run(t, "mutool", "info", file); stderr != "" {
			t.Errorf("mutool info:\n%s", stderr)
		}
	})
	t.Run("the XMP metadata is an unfiltered packet that says PDF/A-2b (6.6.2.1, 6.6.4)", func(t *testing.T) {
		meta := f.catalog()["/Metadata"]
		dict, xmp := f.dict(meta), string(f.data(meta))
		if dict["/Type"] != "/Metadata" || dict["/Subtype"] != "/XML" || dict["/Filter"] != nil {
			t.Errorf("the metadata stream's dictionary is %v", dict)
		}
		if !strings.HasPrefix(xmp, "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>") || strings.Contains(xmp, "bytes=") || strings.Contains(xmp, "encoding=") {
			t.Errorf("the packet's header is not one PDF/A allows:\n%.120s", xmp)
		}
		p := readXMP(t, xmp)
		if p.Part != "2" || p.Conformance != "B" {
			t.Errorf("pdfaid:part %q, pdfaid:conformance %q; want 2 and B", p.Part, p.Conformance)
		}
	})
	t.Run("the XMP says what the document information dictionary says (6.6.2.3.1)", func(t *testing.T) {
		info := checkXMPMatchesInfo(t, f)
		if textOf(info["/Title"]) != d.meta.Title || textOf(info["/CreationDate"]) != "D:20220930000000Z" {
			t.Errorf("the information dictionary is %v", info)
		}
	})
	t.Run("the output intent is GTS_PDFA1 with an RGB ICC profile (6.2.2, 6.2.3)", func(t *testing.T) {
		intents, _ := f.catalog()["/OutputIntents"].([]any)
		if len(intents) != 1 {
			t.Fatalf("/OutputIntents is %v", f.catalog()["/OutputIntents"])
		}
		oi := f.dict(intents[0])
		if oi["/S"] != "/GTS_PDFA1" || textOf(oi["/OutputConditionIdentifier"]) == "" {
			t.Errorf("the output intent is %v", oi)
		}
		icc, n := f.data(oi["/DestOutputProfile"]), f.dict(oi["/DestOutputProfile"])["/N"]
		switch {
		case len(icc) < 128:
			t.Fatalf("the profile has %d bytes", len(icc))
		case int(binary.BigEndian.Uint32(icc)) != len(icc):
			t.Errorf("the profile says it has %d bytes, has %d", binary.BigEndian.Uint32(icc), len(icc))
		case string(icc[36:40]) != "acsp" || string(icc[16:20]) != "RGB " || string(icc[12:16]) != "mntr":
			t.Errorf("the profile is not an RGB display profile: %q %q %q", icc[36:40], icc[16:20], icc[12:16])
		case icc[8] > 4:
			t.Errorf("the profile is of ICC version %d", icc[8])
		case n != 3.0:
			t.Errorf("/N is %v, want 3 for RGB", n)
		}
	})
	t.Run("no content paints in DeviceCMYK, which an RGB output intent does not cover (6.2.4.3)", func(t *testing.T) {
		checkNoCMYK(t, f)
	})
	t.Run("every font is an embedded TrueType CID font with every glyph drawn, as wide as /W says (6.2.11.4, 6.2.11.5)", func(t *testing.T) {
		if n := checkFonts(t, f); n < 500 {
			t.Errorf("%d characters drawn: the content was not read", n)
		}
	})
	t.Run("every annotation is printed and not hidden (6.3.2)", func(t *testing.T) {
		annots := 0
		for k, o := range f.objs {
			dict := f.dict(o.Value)
			if dict["/Type"] != "/Annot" {
				continue
			}
			annots++
			flags, _ := dict["/F"].(float64)
			if int(flags)&4 == 0 || int(flags)&(1|2|32) != 0 {
				t.Errorf("annotation %s has flags %v, want print and not hidden", k, dict["/F"])
			}
		}
		if annots == 0 {
			t.Fatal("the deck has no link: the test tests nothing")
		}
	})
	t.Run("nothing PDF/A forbids: actions, JavaScript, embedded files, LZW, interpolation, PostScript, references (6.1.7, 6.2.8, 6.2.9, 6.5, 6.8)", func(t *testing.T) {
		forbidden := []string{`"/JavaScript"`, `"/JS"`, `"/Launch"`, `"/AA"`, `"/EmbeddedFiles"`, `"/EF"`, `"/LZWDecode"`, `"/Interpolate":true`,
			`"/OPI"`, `"/Alternates"`, `"/PS"`, `"/Ref"`, `"/Encrypt"`, `"/F":"`, `"/FFilter"`, `"/SubmitForm"`, `"/ImportData"`, `"/Movie"`, `"/Sound"`}
		for k, o := range f.objs {
			j, _ := json.Marshal(o.Value)
			if o.Stream != nil {
				j, _ = json.Marshal(o.Stream.Dict)
			}
			for _, s := range forbidden {
				if bytes.Contains(j, []byte(s)) {
					t.Errorf("object %s has %s", k, s)
				}
			}
		}
	})
	t.Run("a second render gives the same bytes", func(t *testing.T) {
		if again, _ := writePDFA(t, d); !bytes.Equal(b, again) {
			t.Errorf("two renders differ")
		}
	})
	t.Run("without PDFA the file has none of it", func(t *testing.T) {
		plain := write(t, d, pdf.EngineFPDF)
		for _, s := range []string{"/Metadata", "/OutputIntents", "/ID [", "%PDF-1.7"} {
			if bytes.Contains(plain, []byte(s)) {
				t.Errorf("the file has %q", s)
			}
		}
	})
}

// checkXMPMatchesInfo checks that f's XMP says what its document
// information dictionary says, and returns the dictionary.
func checkXMPMatchesInfo(t *testing.T, f qpdfFile) map[string]any {
	t.Helper()
	info, p := f.dict(f.trailer["/Info"]), readXMP(t, string(f.data(f.catalog()["/Metadata"])))
	pairs := []struct{ key, info, xmp string }{
		{"Title", textOf(info["/Title"]), p.Title},
		{"Author", textOf(info["/Author"]), p.Creator},
		{"Subject", textOf(info["/Subject"]), p.Description},
		{"Keywords", textOf(info["/Keywords"]), p.Keywords},
		{"Creator", textOf(info["/Creator"]), p.CreatorTool},
		{"Producer", textOf(info["/Producer"]), p.Producer},
		{"CreationDate", pdfDate(t, textOf(info["/CreationDate"])), xmpDate(t, p.CreateDate)},
		{"ModDate", pdfDate(t, textOf(info["/ModDate"])), xmpDate(t, p.ModifyDate)},
		{"Trapped", textOf(info["/Trapped"]), p.Trapped},
	}
	for _, c := range pairs {
		if c.info != c.xmp {
			t.Errorf("/%s is %q in the information dictionary, %q in the XMP", c.key, c.info, c.xmp)
		}
	}
	return info
}

// checkNoCMYK checks that no object of f names DeviceCMYK and no content
// stream sets a CMYK colour.
func checkNoCMYK(t *testing.T, f qpdfFile) {
	t.Helper()
	cmyk := regexp.MustCompile(`(?m) [kK]$`)
	for k, o := range f.objs {
		if j, _ := json.Marshal(o.Value); bytes.Contains(j, []byte("DeviceCMYK")) {
			t.Errorf("object %s uses DeviceCMYK", k)
		}
		if o.Stream == nil {
			continue
		}
		if j, _ := json.Marshal(o.Stream.Dict); bytes.Contains(j, []byte("DeviceCMYK")) {
			t.Errorf("stream %s uses DeviceCMYK", k)
		}
		if o.Stream.Dict["/Subtype"] == nil && o.Stream.Dict["/Length1"] == nil && cmyk.Match(o.Stream.Data) {
			t.Errorf("content stream %s sets a CMYK colour", k)
		}
	}
}

// checkFonts checks every font that draws text in f's pages (checkFont)
// and returns how many characters they draw.
func checkFonts(t *testing.T, f qpdfFile) int {
	t.Helper()
	used := usedCIDs(t, f)
	n := 0
	for ref, cids := range used {
		checkFont(t, f, ref, cids)
		n += len(cids)
	}
	if len(used) != 2 {
		t.Errorf("text is drawn in %d fonts, want the two weights", len(used))
	}
	return n
}

// checkFont checks a composite font of the file and the CIDs drawn in
// it: a CIDFontType2 with a program embedded as FontFile2, a CIDToGIDMap,
// no CIDSet, and for each CID drawn a glyph of the program (not .notdef)
// whose advance /W gives.
func checkFont(t *testing.T, f qpdfFile, ref string, cids map[int]bool) {
	t.Helper()
	font := f.dict(ref)
	kids, _ := font["/DescendantFonts"].([]any)
	if font["/Subtype"] != "/Type0" || len(kids) != 1 {
		t.Fatalf("font %s: %v, /DescendantFonts %v", ref, font["/Subtype"], font["/DescendantFonts"])
	}
	cid := f.dict(kids[0])
	desc := f.dict(cid["/FontDescriptor"])
	program := f.data(desc["/FontFile2"])
	if cid["/Subtype"] != "/CIDFontType2" || len(program) == 0 {
		t.Fatalf("font %s: %v, FontFile2 of %d bytes", ref, cid["/Subtype"], len(program))
	}
	if _, ok := desc["/CIDSet"]; ok {
		t.Errorf("font %s has a CIDSet, which PDF/A-2 does not ask for and would have to list every CID", ref)
	}
	gids := f.data(cid["/CIDToGIDMap"])
	if len(gids) == 0 && cid["/CIDToGIDMap"] != "/Identity" {
		t.Fatalf("font %s: CIDToGIDMap %v", ref, cid["/CIDToGIDMap"])
	}
	advance := advances(t, program)
	widths := cidWidths(t, cid["/W"])
	dw, ok := cid["/DW"].(float64)
	if !ok {
		dw = 1000
	}
	for c := range cids {
		g := c
		if len(gids) > 0 {
			g = 0
			if 2*c+2 <= len(gids) {
				g = int(binary.BigEndian.Uint16(gids[2*c:]))
			}
		}
		w, ok := widths[c]
		if !ok {
			w = dw
		}
		switch {
		case g == 0 || g >= len(advance):
			t.Errorf("font %s: CID %d (%q) drawn is glyph %d, not one of the program's %d", ref, c, rune(c), g, len(advance))
		case w-advance[g] > 1 || advance[g]-w > 1:
			t.Errorf("font %s: CID %d (%q) is %v wide in /W, %v in the program", ref, c, rune(c), w, advance[g])
		}
	}
}

// usedCIDs returns the CIDs each font draws in the pages' content: the
// two-byte codes (Identity-H) of the strings shown after the font's Tf.
func usedCIDs(t *testing.T, f qpdfFile) map[string]map[int]bool {
	t.Helper()
	used := map[string]map[int]bool{}
	op := regexp.MustCompile(`/(\S+) [\d.]+ Tf|\(((?:[^\\)]|\\.)*)\) ?Tj`)
	kids, _ := f.dict(f.catalog()["/Pages"])["/Kids"].([]any)
	for _, k := range kids {
		page := f.dict(k)
		fonts := f.dict(f.dict(page["/Resources"])["/Font"])
		font := ""
		for _, m := range op.FindAllStringSubmatch(string(f.data(page["/Contents"])), -1) {
			if m[1] != "" {
				font, _ = fonts["/"+m[1]].(string)
				continue
			}
			if font == "" {
				t.Fatalf("text shown with no font")
			}
			b := unescape(m[2])
			if used[font] == nil {
				used[font] = map[int]bool{}
			}
			for i := 0; i+1 < len(b); i += 2 {
				used[font][int(binary.BigEndian.Uint16(b[i:]))] = true
			}
		}
	}
	return used
}

// unescape returns the bytes of a literal string's content.
func unescape(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b = append(b, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		default:
			if c >= '0' && c <= '7' {
				v, n := 0, 0
				for ; n < 3 && i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '7'; n++ {
					v = v*8 + int(s[i+n]-'0')
				}
				b = append(b, byte(v))
				i += n - 1
				continue
			}
			b = append(b, c)
		}
	}
	return b
}

// advances returns the advance of each glyph of a TrueType program, in
// thousandths of an em.
func advances(t *testing.T, font []byte) []float64 {
	t.Helper()
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		e := font[12+16*i:]
		off, size := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if int(off+size) > len(font) {
			t.Fatalf("table %q is past the program's end", e[:4])
		}
		tables[string(e[:4])] = font[off : off+size]
	}
	head, hhea, maxp, hmtx := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"]
	if len(head) < 20 || len(hhea) < 36 || len(maxp) < 6 {
		t.Fatal("the program lacks head, hhea or maxp")
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	long, glyphs := int(binary.BigEndian.Uint16(hhea[34:])), int(binary.BigEndian.Uint16(maxp[4:]))
	if len(hmtx) < 4*long {
		t.Fatal("the program's hmtx is short")
	}
	out := make([]float64, glyphs)
	for g := range out {
		k := min(g, long-1)
		out[g] = float64(binary.BigEndian.Uint16(hmtx[4*k:])) * 1000 / upem
	}
	return out
}

// cidWidths reads a CIDFont's /W array: "c [w …]" and "c1 c2 w".
func cidWidths(t *testing.T, v any) map[int]float64 {
	t.Helper()
	a, _ := v.([]any)
	out := map[int]float64{}
	for i := 0; i < len(a); {
		c, _ := a[i].(float64)
		switch ws := a[i+1].(type) {
		case []any:
			for k, w := range ws {
				out[int(c)+k], _ = w.(float64)
			}
			i += 2
		case float64:
			w, _ := a[i+2].(float64)
			for k := int(c); k <= int(ws); k++ {
				out[k] = w
			}
			i += 3
		default:
			t.Fatalf("/W entry %d is %v", i, a[i+1])
		}
	}
	return out
}

// xmpProps are the XMP properties PDF/A asks to match the information
// dictionary, and its identification.
type xmpProps struct {
	Title, Creator, Description, Keywords, CreatorTool, Producer, CreateDate, ModifyDate, Trapped string
	Part, Conformance                                                                             string
}

// readXMP reads the properties of an XMP packet.
func readXMP(t *testing.T, packet string) xmpProps {
	t.Helper()
	var x struct {
		Desc []struct {
			Title       string `xml:"title>Alt>li"`
			Creator     string `xml:"creator>Seq>li"`
			Description string `xml:"description>Alt>li"`
			Keywords    string `xml:"Keywords"`
			CreatorTool string `xml:"CreatorTool"`
			Producer    string `xml:"Producer"`
			CreateDate  string `xml:"CreateDate"`
			ModifyDate  string `xml:"ModifyDate"`
			Trapped     string `xml:"Trapped"`
			Part        string `xml:"part"`
			Conformance string `xml:"conformance"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal([]byte(packet), &x); err != nil || len(x.Desc) != 1 {
		t.Fatalf("the XMP does not read (%v):\n%s", err, packet)
	}
	return xmpProps(x.Desc[0])
}

// pdfDate returns a PDF date in UTC (D:…Z) as an instant in RFC 3339, a
// date without a time zone without one; "" for "".
func pdfDate(t *testing.T, s string) string {
	t.Helper()
	if s == "" {
		return ""
	}
	if d, err := time.Parse("D:20060102150405Z", s); err == nil {
		return d.Format(time.RFC3339)
	}
	d, err := time.Parse("D:20060102150405", s)
	if err != nil {
		t.Fatalf("date %q is not D:YYYYMMDDHHmmSS or that with Z", s)
	}
	return d.Format("2006-01-02T15:04:05")
}

// xmpDate returns an XMP date as an instant in RFC 3339; "" for "".
func xmpDate(t *testing.T, s string) string {
	t.Helper()
	if s == "" {
		return ""
	}
	d, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return d.UTC().Format(time.RFC3339)
}

// TestEveryTestDeckKeepsToPDFA checks of each deck of the parity tests,
// with vector charts, pictures and continued tables, what its content
// decides: a clean file, fonts and colours.
func TestEveryTestDeckKeepsToPDFA(t *testing.T) {
	tooltest.Need(t, "qpdf")
	for _, d := range testDecks(t) {
		t.Run(d.name+" is read by qpdf without a warning, its XMP says its information, it draws all its glyphs and paints in no CMYK", func(t *testing.T) {
			_, file := writePDFA(t, d)
			out, stderr := run(t, "qpdf", "--check", file)
			if strings.Contains(out+stderr, "WARNING") {
				t.Errorf("qpdf --check:\n%s%s", out, stderr)
			}
			f := readQPDF(t, file)
			checkXMPMatchesInfo(t, f)
			checkFonts(t, f)
			checkNoCMYK(t, f)
		})
	}
}

func TestTheGopdfEngineRefusesPDFA(t *testing.T) {
	d := defaultDeck(t)
	var b bytes.Buffer
	err := pdf.Write(&b, d.pages, pdf.Options{Meta: d.meta, Fonts: d.fonts, Engine: pdf.EngineGoPDF, PDFA: true})
	const want = "pdf: only the fpdf engine writes PDF/A: gopdf writes no structure tree, and its information dictionary is not an indirect object"
	if err == nil || err.Error() != want || b.Len() != 0 {
		t.Errorf("error %v and %d bytes, want %q and none", err, b.Len(), want)
	}
}

func TestLatinRunsSayTheirLanguageWhenTheDeckDoes(t *testing.T) {
	tooltest.Need(t, "qpdf")
	const slides = `slides:
  - title: 金融云
    blocks:
      - paragraph: Cloud native
      - paragraph: ROE 12.5%
      - paragraph: 云原生 Cloud
      - paragraph: 28.6%
`
	cases := []struct {
		name, head string
		want       []string
	}{
		{"a deck with latin_lang marks its two runs of Latin letters, not the hanzi, the mixed run or the figure", "title: t\nlang: zh-CN\nlatin_lang: en-US\n", []string{"en-US", "en-US"}},
		{"a deck without it marks none", "title: t\nlang: zh-CN\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := build(t, "latin", fstest.MapFS{"deck.yaml": {Data: []byte(c.head + slides)}}, charts.Options{})
			file := filepath.Join(t.TempDir(), "latin.pdf")
			if err := os.WriteFile(file, write(t, d, pdf.EngineFPDF), 0o644); err != nil {
				t.Fatal(err)
			}
			f := readQPDF(t, file)
			page := f.dict(f.dict(f.catalog()["/Pages"])["/Kids"].([]any)[0])
			content := string(f.data(page["/Contents"]))
			var got []string
			for _, m := range regexp.MustCompile(`/P <</Lang \(([^)]*)\) /MCID \d+>> BDC`).FindAllStringSubmatch(content, -1) {
				got = append(got, m[1])
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("marked content with /Lang: %q, want %q", got, c.want)
			}
			if n := strings.Count(content, "/MCID"); n < 5 {
				t.Errorf("%d marked contents, want the title and four paragraphs at least", n)
			}
		})
	}
}
