package pptx_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// A slideText is what a slide's XML says in its text: each line (a
// paragraph or a piece of one between breaks), the text of its title
// placeholder, and the descriptions of its pictures.
type slideText struct {
	lines  []string
	title  string
	descrs []string
}

// readSlide reads a slide's lines, title and picture descriptions. A
// bulleted paragraph's first line starts with its bullet.
func readSlide(t *testing.T, b []byte) slideText {
	t.Helper()
	var s slideText
	d := xml.NewDecoder(bytes.NewReader(b))
	inTitle, inT := false, false
	depth, titleDepth := 0, -1
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return s
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "sp", "graphicFrame":
				titleDepth = depth
			case "ph":
				inTitle = attr(e, "type") == "title"
			case "p", "br":
				s.lines = append(s.lines, "")
			case "buChar":
				s.lines[len(s.lines)-1] += attr(e, "char")
			case "t":
				inT = true
			case "cNvPr":
				if d := attr(e, "descr"); d != "" {
					s.descrs = append(s.descrs, d)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "t" {
				inT = false
			}
			if depth == titleDepth {
				inTitle = false
			}
			depth--
		case xml.CharData:
			if inT {
				s.lines[len(s.lines)-1] += string(e)
				if inTitle {
					s.title += string(e)
				}
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// layoutLines returns the text of a page's lines as the layout set them:
// runs that follow each other on one baseline, hidden ones left out.
func layoutLines(p layout.Page) []string {
	var out []string
	var last *layout.TextRun
	for _, it := range p.Items {
		r, ok := it.(layout.TextRun)
		if !ok || r.Hidden {
			continue
		}
		if last != nil && math.Abs(r.At.Y-last.At.Y) < 0.01 && math.Abs(r.At.X-last.At.X-last.Width()) < r.Size {
			out[len(out)-1] += r.Text
		} else {
			out = append(out, r.Text)
		}
		last = &r
	}
	return out
}

func TestSlidesSayWhatThePagesSay(t *testing.T) {
	d := defaultDoc(t)
	parts, _ := unzip(t, write(t, d.Pages, withEverything()))
	t.Run("the slide size is the page size in EMU", func(t *testing.T) {
		if !bytes.Contains(parts["ppt/presentation.xml"], []byte(`<p:sldSz cx="12192000" cy="6858000">`)) {
			t.Error("the slide size is not 12192000 × 6858000 EMU")
		}
	})
	for i, p := range d.Pages {
		s := readSlide(t, parts[fmt.Sprintf("ppt/slides/slide%d.xml", i+1)])
		t.Run(fmt.Sprintf("slide %d's title placeholder holds its title", i+1), func(t *testing.T) {
			var want string
			p.Tree.Walk(func(n *layout.Node) bool {
				if n.Role == layout.RoleTitle && want == "" {
					for _, k := range n.Items {
						want += p.Items[k].(layout.TextRun).Text
					}
				}
				return true
			})
			if s.title != want {
				t.Errorf("the title placeholder holds %q, want %q", s.title, want)
			}
		})
		t.Run(fmt.Sprintf("slide %d has the lines of the page, broken where the layout broke them", i+1), func(t *testing.T) {
			var got []string
			for _, l := range s.lines {
				if l != "" {
					got = append(got, l)
				}
			}
			want := layoutLines(p)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("the lines differ:\n got %q\nwant %q", got, want)
			}
		})
		t.Run(fmt.Sprintf("slide %d's pictures are described by their figures", i+1), func(t *testing.T) {
			var want []string
			p.Tree.Walk(func(n *layout.Node) bool {
				if n.Role == layout.RoleFigure {
					for _, k := range n.Items {
						if im, ok := p.Items[k].(layout.Image); ok && len(im.Data) > 0 {
							want = append(want, n.Alt)
						}
					}
				}
				return true
			})
			if !slices.Equal(s.descrs, want) {
				t.Errorf("the descriptions are %q, want %q", s.descrs, want)
			}
		})
	}
}

func TestTablesAreNative(t *testing.T) {
	d := defaultDoc(t)
	parts, _ := unzip(t, write(t, d.Pages, withEverything()))
	slide := string(parts["ppt/slides/slide7.xml"])
	t.Run("the policy table is one table with a header row", func(t *testing.T) {
		if n := strings.Count(slide, "<a:tbl>"); n != 1 {
			t.Fatalf("slide 7 has %d tables", n)
		}
		if !strings.Contains(slide, `<a:tblPr firstRow="1">`) {
			t.Error("its first row is not a header row")
		}
	})
	t.Run("its columns start where the layout's cells start, less their padding", func(t *testing.T) {
		cols := regexp.MustCompile(`<a:gridCol w="(\d+)">`).FindAllStringSubmatch(slide, -1)
		// The layout's cells start at 46.21, 97.15 and 334.17 pt with
		// 6.21 pt of padding, in a table from 40 to 920 pt.
		want := []float64{97.15 - 46.21, 334.17 - 97.15, 920 - (334.17 - 6.21)}
		if len(cols) != len(want) {
			t.Fatalf("%d columns, want %d", len(cols), len(want))
		}
		for k, c := range cols {
			var w float64
			fmt.Sscan(c[1], &w)
			if math.Abs(w/12700-want[k]) > 0.01 {
				t.Errorf("column %d is %.3f pt wide, want %.2f", k+1, w/12700, want[k])
			}
		}
	})
	t.Run("a cell's text is in the cell", func(t *testing.T) {
		if !regexp.MustCompile(`<a:tc><a:txBody>.*?<a:t>时间</a:t>`).MatchString(slide) {
			t.Error("the header cell 时间 is not a table cell's text")
		}
	})
}

func TestLinksAndNotes(t *testing.T) {
	d := defaultDoc(t)
	parts, _ := unzip(t, write(t, d.Pages, withEverything()))
	t.Run("the closing slide's link is a hyperlink on its text", func(t *testing.T) {
		rels := string(parts["ppt/slides/_rels/slide9.xml.rels"])
		m := regexp.MustCompile(`Id="(rId\d+)" Type="[^"]*/hyperlink" Target="https://www.yunbaogao.cn/report/index/report\?reportId=1_46706" TargetMode="External"`).FindStringSubmatch(rels)
		if m == nil {
			t.Fatalf("no external hyperlink relationship in %s", rels)
		}
		if !regexp.MustCompile(`<a:hlinkClick r:id="` + m[1] + `"></a:hlinkClick></a:rPr><a:t>https://`).MatchString(string(parts["ppt/slides/slide9.xml"])) {
			t.Error("the link's text does not carry the hyperlink")
		}
	})
	t.Run("speaker notes are the notes pages of their slides, a paragraph a line", func(t *testing.T) {
		n1 := readSlide(t, parts["ppt/notesSlides/notesSlide1.xml"])
		if !slices.Equal(n1.lines, []string{"开场：介绍报告的来源。", "第二行"}) {
			t.Errorf("notes 1 are %q", n1.lines)
		}
		if !strings.Contains(string(parts["ppt/slides/_rels/slide3.xml.rels"]), "../notesSlides/notesSlide2.xml") {
			t.Error("slide 3 does not point at the second notes page")
		}
		if strings.Contains(string(parts["ppt/slides/_rels/slide2.xml.rels"]), "notesSlide") {
			t.Error("slide 2, without notes, has a notes page")
		}
	})
	t.Run("without notes there is no notes master", func(t *testing.T) {
		parts, _ := unzip(t, write(t, d.Pages, pptxOptionsNone()))
		for n := range parts {
			if strings.Contains(n, "notes") {
				t.Errorf("%s is in a presentation without notes", n)
			}
		}
	})
}
