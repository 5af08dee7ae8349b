package pptx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pptx"
	"github.com/deckpdf/deck/deck/render"
)

// builtin lays out the built-in report once, charts drawn.
var builtin = sync.OnceValues(func() (*render.Document, error) {
	return render.Build(context.Background(), render.Builtin(), render.Options{})
})

func defaultDoc(t testing.TB) *render.Document {
	t.Helper()
	d, err := builtin()
	if err != nil || !d.OK() {
		t.Fatalf("the built-in report does not build: %v %v", err, d.Result.Diagnostics)
	}
	return d
}

// write writes the built-in report's pages as a presentation.
func write(t testing.TB, pages []layout.Page, opt pptx.Options) []byte {
	t.Helper()
	d := defaultDoc(t)
	opt.Meta, opt.Fonts = d.Deck.Meta, d.Fonts
	var b bytes.Buffer
	if err := pptx.Write(&b, pages, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withEverything are options that add every kind of part: notes on two
// slides, both fonts embedded and native charts.
func withEverything() pptx.Options {
	return pptx.Options{
		Notes:      []string{"开场：介绍报告的来源。\n第二行", "", "讲清楚云计算的三层关系。"},
		EmbedFonts: true, NativeCharts: true,
	}
}

// unzip returns the archive's entries by name, in order.
func unzip(t testing.TB, file []byte) (map[string][]byte, []string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return parts, names
}

func TestThePackageIsWhole(t *testing.T) {
	file := write(t, defaultDoc(t).Pages, withEverything())
	parts, names := unzip(t, file)
	var ct struct {
		Defaults []struct {
			Extension string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range ct.Overrides {
		typed[strings.TrimPrefix(o.PartName, "/")] = true
	}
	exts := map[string]bool{}
	for _, d := range ct.Defaults {
		exts[d.Extension] = true
	}
	t.Run("the content types come first", func(t *testing.T) {
		if names[0] != "[Content_Types].xml" {
			t.Errorf("the first entry is %s", names[0])
		}
	})
	t.Run("every part has a content type and every override names a part", func(t *testing.T) {
		for _, n := range names[1:] {
			if !typed[n] && !exts[strings.TrimPrefix(path.Ext(n), ".")] {
				t.Errorf("%s has no content type", n)
			}
		}
		for n := range typed {
			if parts[n] == nil {
				t.Errorf("[Content_Types].xml names %s, which is not in the package", n)
			}
		}
	})
	t.Run("every XML part is well-formed", func(t *testing.T) {
		for _, n := range names {
			if !strings.HasSuffix(n, ".xml") && !strings.HasSuffix(n, ".rels") {
				continue
			}
			if err := wellFormed(parts[n]); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
	})
	t.Run("every relationship's target is in the package", func(t *testing.T) {
		for _, n := range names {
			if !strings.HasSuffix(n, ".rels") {
				continue
			}
			var rels struct {
				Rels []struct {
					ID     string `xml:"Id,attr"`
					Target string `xml:"Target,attr"`
					Mode   string `xml:"TargetMode,attr"`
				} `xml:"Relationship"`
			}
			if err := xml.Unmarshal(parts[n], &rels); err != nil {
				t.Fatal(err)
			}
			// _rels/x.xml.rels belongs to x.xml; targets are relative to x's folder.
			dir := path.Dir(path.Dir(n))
			for _, r := range rels.Rels {
				if r.Mode == "External" {
					continue
				}
				target := path.Join(dir, r.Target)
				if parts[target] == nil {
					t.Errorf("%s: %s points at %s, which is not in the package", n, r.ID, target)
				}
			}
		}
	})
	t.Run("every part a relationship names is named", func(t *testing.T) {
		for _, n := range names {
			if strings.HasSuffix(n, ".rels") || n == "[Content_Types].xml" {
				continue
			}
			if !strings.Contains(string(allRels(parts)), path.Base(n)) {
				t.Errorf("no relationship points at %s", n)
			}
		}
	})
}

// allRels returns every .rels part, one after the other.
func allRels(parts map[string][]byte) []byte {
	var b bytes.Buffer
	for n, p := range parts {
		if strings.HasSuffix(n, ".rels") {
			b.Write(p)
		}
	}
	return b.Bytes()
}

// wellFormed reads an XML document to its end.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestARenderGivesTheSameBytes(t *testing.T) {
	d := defaultDoc(t)
	a, b := write(t, d.Pages, withEverything()), write(t, d.Pages, withEverything())
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same pages differ")
	}
}

func TestNoPagesIsAnError(t *testing.T) {
	var b bytes.Buffer
	err := pptx.Write(&b, nil, pptx.Options{})
	if err == nil || err.Error() != "pptx: no pages to write" || b.Len() != 0 {
		t.Errorf("got %v and %d bytes", err, b.Len())
	}
}

// pptxOptionsNone are the zero options.
func pptxOptionsNone() pptx.Options { return pptx.Options{} }
