package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck/internal/tooltest"
	"golang.org/x/tools/txtar"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
)

// structText returns what pdfinfo -struct-text prints of the default
// deck's file, and the deck.
func structText(t *testing.T) (string, testDeck) {
	t.Helper()
	tooltest.Need(t, "pdfinfo", "qpdf")
	d := defaultDeck(t)
	file := filepath.Join(t.TempDir(), "default.pdf")
	if err := os.WriteFile(file, write(t, d, pdf.EngineFPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := run(t, "pdfinfo", "-struct-text", file)
	return out, d
}

// texts returns the text of the deck's visible runs that a node of the
// structure tree holds (content) and of those under an artifact.
func texts(d testDeck) (content, artifact []string) {
	for _, pg := range d.pages {
		in := map[int]bool{}
		pg.Tree.Walk(func(n *layout.Node) bool {
			if n.Role == layout.RoleArtifact {
				return false
			}
			for _, i := range n.Items {
				in[i] = true
			}
			return true
		})
		for i, it := range pg.Items {
			r, ok := it.(layout.TextRun)
			switch {
			case !ok || r.Hidden || strings.TrimSpace(r.Text) == "":
			case in[i]:
				content = append(content, r.Text)
			default:
				artifact = append(artifact, r.Text)
			}
		}
	}
	return content, artifact
}

func TestTheDefaultDeckIsTagged(t *testing.T) {
	tooltest.Need(t, "pdfinfo", "qpdf")
	d := defaultDeck(t)
	b := write(t, d, pdf.EngineFPDF)
	file := filepath.Join(t.TempDir(), "default.pdf")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("pdfinfo says it is tagged", func(t *testing.T) {
		if got := pdfinfo(t, file)["Tagged"]; got != "yes" {
			t.Errorf("Tagged: %q, want yes", got)
		}
	})
	t.Run("qpdf finds nothing wrong", func(t *testing.T) {
		out, stderr := run(t, "qpdf", "--check", file)
		if strings.Contains(out+stderr, "WARNING") || !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s%s", out, stderr)
		}
	})
	t.Run("the catalog marks it, shows its title and gives the structure tree", func(t *testing.T) {
		for _, want := range []string{"/StructTreeRoot ", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>", "/Lang (zh-CN)", "/Tabs /S", "/ParentTreeNextKey "} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("the file lacks %q", want)
			}
		}
	})
	t.Run("a second render gives the same bytes", func(t *testing.T) {
		if !bytes.Equal(b, write(t, d, pdf.EngineFPDF)) {
			t.Errorf("two renders differ")
		}
	})
}

func TestTheStructureTreeReadsAsTheDeck(t *testing.T) {
	got, d := structText(t)
	t.Run("it is the golden file", func(t *testing.T) {
		// pdfinfo -struct-text of the default deck, rewritten by go test -update.
		const path = "testdata/default-struct.txtar"
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		golden.Case{Path: path, Archive: a}.Check(t, "want.struct", []byte(got))
	})
	content, artifact := texts(d)
	t.Run("every line of text is under an element", func(t *testing.T) {
		for _, s := range content {
			if !strings.Contains(got, `"`+s+`"`) {
				t.Errorf("%q is in no element", s)
			}
		}
	})
	t.Run("the footer and the other artifacts are under none", func(t *testing.T) {
		if len(artifact) == 0 {
			t.Fatal("the deck has no artifact text: the test tests nothing")
		}
		for _, s := range artifact {
			if strings.Contains(got, `"`+s+`"`) {
				t.Errorf("the artifact %q is in an element", s)
			}
		}
	})
}

func TestAContinuedTablesHeaderRowIsReadAsHeaderCells(t *testing.T) {
	tooltest.Need(t, "pdfinfo")
	a, err := txtar.ParseFile("../layout/testdata/table-continues.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	d := build(t, "table-continues", fsys, charts.Options{})
	heads, continued := 0, 0
	for _, pg := range d.pages {
		pg.Tree.Walk(func(n *layout.Node) bool {
			if n.Role == layout.RoleHeaderCell {
				heads++
				if pg.Part > 0 {
					continued++
				}
			}
			return true
		})
	}
	if continued == 0 {
		t.Fatal("the table does not continue: the test tests nothing")
	}
	file := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(file, write(t, d, pdf.EngineFPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := run(t, "pdfinfo", "-struct-text", file)
	th := regexp.MustCompile(`(?m)^ +TH:\n +/Scope /Column\n`)
	if n := len(th.FindAllString(got, -1)); n != heads {
		t.Errorf("%d TH with a column scope, want %d (%d of them on the table's continued page):\n%s", n, heads, continued, got)
	}
}
