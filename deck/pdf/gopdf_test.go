package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image/color"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func TestParseEngine(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Engine
		err  string
	}{
		{in: "fpdf", want: EngineFPDF},
		{in: "gopdf", want: EngineGoPDF},
		{in: "GoPDF", err: `pdf: unknown engine "GoPDF" (want fpdf or gopdf)`},
		{in: "", err: `pdf: unknown engine "" (want fpdf or gopdf)`},
	} {
		t.Run(fmt.Sprintf("%q", c.in), func(t *testing.T) {
			got, err := ParseEngine(c.in)
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Errorf("err = %v, want %s", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("ParseEngine(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
			if got.String() != c.in {
				t.Errorf("String() = %q, want %q", got.String(), c.in)
			}
		})
	}
	t.Run("the zero value is fpdf", func(t *testing.T) {
		if (Options{}).Engine != EngineFPDF {
			t.Errorf("the default engine is %v", Options{}.Engine)
		}
	})
	t.Run("an unknown engine is named by its number", func(t *testing.T) {
		if s := Engine(7).String(); s != "Engine(7)" {
			t.Errorf("String() = %q", s)
		}
		err := Write(io.Discard, []layout.Page{{Size: deck.Size{W: 10, H: 10}}}, Options{Engine: 7})
		if err == nil || err.Error() != "pdf: unknown engine Engine(7)" {
			t.Errorf("err = %v", err)
		}
	})
}

func TestArcPointsKeepPolygonsWithinTheTolerance(t *testing.T) {
	for _, r := range []float64{0.001, 0.3, 0.72, 2.04, 2.4, 12.6, 100} {
		n := arcPoints(r)
		// gopdf's Rectangle puts n points between the ends of a quarter
		// circle: n+1 chords.
		stray := func(n int) float64 { return r * (1 - math.Cos(math.Pi/2/float64(n+1)/2)) }
		if stray(n) > arcTolerance {
			t.Errorf("r=%g: %d points stray %.4f pt from the arc", r, n, stray(n))
		}
		if n > 1 && stray(n-1) <= arcTolerance {
			t.Errorf("r=%g: %d points, where %d would do", r, n, n-1)
		}
		for _, q := range disc(layout.Point{X: 5, Y: 7}, r) {
			if d := math.Hypot(q.X-5, q.Y-7); math.Abs(d-r) > 1e-9 {
				t.Fatalf("r=%g: a point of the disc is %g from its centre", r, d)
			}
		}
	}
}

// goPages returns two pages of different sizes with one of every item.
func goPages(t *testing.T) []layout.Page {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := layout.TextRun{At: layout.Point{X: 20, Y: 40}, Face: set.Regular, Size: 12, Fill: deck.Color{A: 255}, Text: "金融云 cloud"}
	bold := text
	bold.Face, bold.At.Y, bold.Spacing = set.Bold, 60, 0.5
	pic := pngOf(t, 4, 4, color.NRGBA{200, 0, 0, 128})
	return []layout.Page{
		{Size: deck.Size{W: 400, H: 200}, Title: "第一页", Items: []layout.Item{
			text, bold,
			layout.Box{Rect: layout.Rect{X: 10, Y: 80, W: 50, H: 20}, Fill: deck.Color{R: 9, A: 255}, Radius: 4},
			layout.Path{Points: []layout.Point{{X: 70, Y: 80}, {X: 80, Y: 90}, {X: 100, Y: 70}}, Stroke: deck.Color{B: 200, A: 255}, Width: 1.5},
			layout.Image{Rect: layout.Rect{X: 120, Y: 80, W: 40, H: 40}, Name: "p", Data: pic},
			layout.Image{Rect: layout.Rect{X: 170, Y: 80, W: 40, H: 40}, Name: "p", Data: pic},
			layout.Link{Rect: layout.Rect{X: 20, Y: 100, W: 60, H: 20}, URL: "https://example.com/r?id=1"},
		}},
		{Size: deck.Size{W: 400, H: 300}, Title: "Page (2)", Items: []layout.Item{
			layout.Link{Rect: layout.Rect{X: 20, Y: 100, W: 60, H: 20}, URL: "https://example.com/2"},
		}},
	}
}

func writeGo(t *testing.T, pages []layout.Page, opt Options) []byte {
	t.Helper()
	opt.Engine = EngineGoPDF
	var b bytes.Buffer
	if err := Write(&b, pages, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkXref checks that every cross-reference entry points at its object.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	var xref int
	fmt.Sscanf(string(pdf[i+len("startxref\n"):]), "%d", &xref)
	var n int
	if _, err := fmt.Sscanf(string(pdf[xref:]), "xref\n0 %d\n", &n); err != nil {
		t.Fatalf("no cross-reference section at %d: %v", xref, err)
	}
	entries := pdf[xref+len(fmt.Sprintf("xref\n0 %d\n", n)):]
	for k := 1; k < n; k++ {
		var off int
		fmt.Sscanf(string(entries[20*k:20*k+10]), "%d", &off)
		if head := fmt.Sprintf("%d 0 obj\n", k); !bytes.HasPrefix(pdf[off:], []byte(head)) {
			t.Errorf("object %d is not at %d", k, off)
		}
	}
}

func TestGoPDFWritesTheDocumentStructureItself(t *testing.T) {
	opt := Options{
		Meta:    deck.Meta{Title: "标题", Author: "作者", Subject: "主题", Keywords: []string{"金融云", "云计算"}, Lang: "zh-CN"},
		Creator: "deck test",
		Date:    time.Date(2022, 9, 30, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)),
	}
	out := writeGo(t, goPages(t), opt)
	checkXref(t, out)
	s := string(out)
	for _, want := range []string{
		// The information dictionary is an object, with the keywords.
		"\n/Root 1 0 R\n/Info ",
		"/Keywords " + textString("金融云, 云计算"),
		"/Title " + textString("标题"),
		"/CreationDate (D:20220930000000Z)\n  /ModDate (D:20220930000000Z)",
		// The outline: one entry a page, under the outline root.
		"/Title " + textString("第一页") + "\n  /Parent 3 0 R\n",
		"/Title " + textString("Page (2)") + "\n  /Parent 3 0 R\n",
		"/XYZ 0 200.00 null]", "/XYZ 0 300.00 null]",
		"/Type /Outlines\n  /First ",
		// The catalog.
		"/Outlines 3 0 R\n  /PageMode /UseOutlines\n  /PageLayout /SinglePage\n  /OpenAction [",
		"/Lang " + textString("zh-CN"),
		// Links, placed by each page's own height.
		"/Rect [20.00 100.00 80.00 80.00] /Border [0 0 0] /A <</S /URI /URI (https://example.com/r?id=1)>>",
		"/Rect [20.00 200.00 80.00 180.00] /Border [0 0 0] /A <</S /URI /URI (https://example.com/2)>>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the file lacks %q", want)
		}
	}
	if strings.Contains(s, "/Info <<") {
		t.Errorf("the information dictionary is inline in the trailer")
	}
	if n := len(regexp.MustCompile(`/Subtype\s*/Image`).FindAllString(s, -1)); n != 2 {
		t.Errorf("%d images, want one and its soft mask", n)
	}
	if !strings.Contains(s, "/SMask") {
		t.Errorf("the picture lost its alpha channel")
	}
	// Two faces, each with a subset tag and its own name.
	if got := regexp.MustCompile(`/BaseFont /[A-Z]{6}\+NotoSansSC-(Regular|Bold)\n`).FindAllString(s, -1); len(got) != 4 || got[0] == got[2] {
		t.Errorf("font names %q", got)
	}
	if again := writeGo(t, goPages(t), opt); !bytes.Equal(out, again) {
		t.Errorf("a second render gives other bytes")
	}
}

func TestGoPDFEmbedsOnlyTheFacesUsed(t *testing.T) {
	pages := goPages(t)
	pages[0].Items = pages[0].Items[:1] // the regular run
	s := string(writeGo(t, pages, Options{}))
	if n := strings.Count(s, "/FontFile2"); n != 1 {
		t.Errorf("%d fonts embedded, want 1", n)
	}
}

func TestGoPDFWritesAPageWithNothingOnIt(t *testing.T) {
	out := writeGo(t, []layout.Page{{Size: deck.Size{W: 100, H: 100}}}, Options{})
	checkXref(t, out)
	if regexp.MustCompile(`/Contents\s*\n`).Match(out) {
		t.Errorf("a page without contents")
	}
}

func TestGoPDFReportsAMissingGlyph(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	run := layout.TextRun{At: layout.Point{X: 10, Y: 50}, Face: set.Regular, Size: 12, Text: "云ก"}
	err = Write(io.Discard, []layout.Page{{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{run}}}, Options{Engine: EngineGoPDF})
	if err == nil || err.Error() != `pdf: font NotoSansSC-Regular has no glyph for 'ก' (U+0E01)` {
		t.Errorf("err = %v", err)
	}
}

func TestGoPDFReportsAnImageWithoutAPicture(t *testing.T) {
	pages := []layout.Page{{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 10, H: 10}, Name: "chart:x"}}}}
	err := Write(io.Discard, pages, Options{Engine: EngineGoPDF})
	if err == nil || err.Error() != `pdf: image "chart:x" has no picture` {
		t.Errorf("err = %v", err)
	}
}

// streams returns the file's Flate streams, decompressed, one after the
// other.
func streams(pdf []byte) string {
	var b strings.Builder
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return b.String()
		}
		rest = rest[i+len("stream\n"):]
		if r, err := zlib.NewReader(bytes.NewReader(rest)); err == nil {
			data, _ := io.ReadAll(r)
			b.Write(data)
		}
	}
}

// TestHiddenTextIsDrawnTransparentByGoPDF shows the one difference a reader
// could find: fpdf writes hidden text with text render mode 3 (neither
// fill nor stroke); gopdf has no render mode, and the text is filled fully
// transparent instead. Either way it is not seen and extracts alike
// (TestHiddenTextIsSearchableButNotSeen).
func TestHiddenTextIsDrawnTransparentByGoPDF(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	run := layout.TextRun{At: layout.Point{X: 10, Y: 50}, Face: set.Regular, Size: 12, Text: "394亿元", Hidden: true}
	pages := []layout.Page{{Size: deck.Size{W: 200, H: 100}, Items: []layout.Item{run}}}
	var fp bytes.Buffer
	if err := Write(&fp, pages, Options{}); err != nil {
		t.Fatal(err)
	}
	renderMode := regexp.MustCompile(`(?m)^\d Tr$`)
	if !renderMode.MatchString(streams(fp.Bytes())) {
		t.Errorf("fpdf: no text render mode 3")
	}
	gp := writeGo(t, pages, Options{})
	c := streams(gp)
	if renderMode.MatchString(c) {
		t.Errorf("gopdf writes a text render mode after all")
	}
	if !regexp.MustCompile(`q\n[^Q]*\n/GS\d+ gs\nBT\n[^Q]*\] TJ\nET\nQ\n`).MatchString(c) {
		t.Fatalf("gopdf: the hidden text is not drawn inside q … Q under a graphics state")
	}
	if !regexp.MustCompile(`<<\n\t/Type /ExtGState\n\t/ca 0\.000\n\t/CA 0\.000\n`).Match(gp) {
		t.Errorf("gopdf: the graphics state is not fully transparent")
	}
}

func TestFinishRefusesAFileItDoesNotKnow(t *testing.T) {
	var fp bytes.Buffer
	if err := Write(&fp, goPages(t), Options{}); err != nil {
		t.Fatal(err)
	}
	gp := writeGo(t, goPages(t), Options{})
	entries := []outlineEntry{{"a", 200}, {"b", 300}}
	for _, c := range []struct {
		name string
		file []byte
		err  string
	}{
		{"not a PDF", []byte("hello"), "no startxref"},
		{"a file of fpdf's", fp.Bytes(), "its trailer is not the one expected"},
		{"a file finished already", gp, "its trailer is not the one expected"},
		{"a file cut short", gp[:len(gp)/2], "no startxref"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := finishGoPDF(c.file, entries, Options{})
			if want := "pdf: gopdf wrote an unexpected file: " + c.err; err == nil || err.Error() != want {
				t.Errorf("err = %v, want %s", err, want)
			}
		})
	}
}
