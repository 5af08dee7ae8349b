package pdf_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/pdf"
)

// linkDeck has an agenda of three slides, the first a table that continues
// over several pages, and a last slide that links back to the agenda.
func linkDeck() fstest.MapFS {
	var b strings.Builder
	b.WriteString("title: t\nslides:\n  - id: agenda\n    layout: agenda\n    title: 目录\n  - id: data\n    title: 数据\n    blocks:\n      - table:\n          rows:\n            - [编号, 内容]\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "            - [R%03d, 布局先进高效的算力体系。]\n", i)
	}
	b.WriteString("  - id: mid\n    title: 中间\n  - id: end\n    title: 结论\n    blocks:\n      - link: {text: 回到目录, url: \"#agenda\"}\n")
	return fstest.MapFS{"deck.yaml": {Data: []byte(b.String())}}
}

// annotLinks returns, for each page of the PDF file (from 1), where its
// link annotations go: "page N" for a destination, the URI for an action.
func annotLinks(t *testing.T, file string) map[int][]string {
	t.Helper()
	out, _ := run(t, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", file)
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value map[string]any `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	pageNo := map[string]int{}
	for i, p := range doc.Pages {
		pageNo[p.Object] = i + 1
	}
	links := map[int][]string{}
	for i, p := range doc.Pages {
		annots, _ := objs["obj:"+p.Object].Value["/Annots"].([]any)
		for _, a := range annots {
			v := objs["obj:"+a.(string)].Value
			switch {
			case v["/Dest"] != nil:
				links[i+1] = append(links[i+1], fmt.Sprintf("page %d", pageNo[v["/Dest"].([]any)[0].(string)]))
			case v["/A"] != nil:
				links[i+1] = append(links[i+1], fmt.Sprint(v["/A"].(map[string]any)["/URI"]))
			}
		}
	}
	return links
}

// TestInternalLinksGoToTheirPages: in the files of both engines, the
// agenda's entries go to the first pages of the slides they list, past a
// table that takes several, and the last slide's link to the agenda's
// page; in the tagged file (fpdf) each is the object of a Link's OBJR.
func TestInternalLinksGoToTheirPages(t *testing.T) {
	tooltest.Need(t, "qpdf")
	d := build(t, "links", linkDeck(), charts.Options{})
	last := len(d.pages)
	if last < 5 {
		t.Fatalf("the deck has %d pages; want the table to continue", last)
	}
	for _, e := range []pdf.Engine{pdf.EngineFPDF, pdf.EngineGoPDF} {
		t.Run(e.String()+" writes destinations to the listed pages", func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "links.pdf")
			if err := os.WriteFile(file, write(t, d, e), 0o644); err != nil {
				t.Fatal(err)
			}
			links := annotLinks(t, file)
			want := fmt.Sprintf("page 2|page %d|page %d", last-1, last)
			if got := strings.Join(links[1], "|"); got != want {
				t.Errorf("the agenda's links go to %q; want %q", got, want)
			}
			if got := strings.Join(links[last], "|"); got != "page 1" {
				t.Errorf("the last page's link goes to %q; want page 1", got)
			}
		})
	}
	t.Run("fpdf's link annotations are the objects of Link elements", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "links.pdf")
		if err := os.WriteFile(file, write(t, d, pdf.EngineFPDF), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := run(t, "pdfinfo", "-struct-text", file)
		if n := strings.Count(out, "Link (inline)"); n != 4 {
			t.Errorf("the structure tree has %d Link elements; want 4:\n%s", n, out)
		}
		if n := strings.Count(out, "Object "); n != 4 {
			t.Errorf("the Link elements hold %d annotations; want 4", n)
		}
	})
}
