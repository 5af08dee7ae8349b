package render_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/render"
	"github.com/deckpdf/deck/fonts"
)

// The stage benchmarks measure the pipeline on the default report, one
// stage at a time, with the stages before it done once outside the loop.

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, diags := content.Load(content.Default(), content.DeckFile, ""); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set, _ := fonts.Default()
	for b.Loop() {
		layout.Layout(d, set)
	}
}

// BenchmarkLayoutFreshFonts is BenchmarkLayout with the fonts parsed
// anew each time, as a fresh process lays out: every character's advance
// is read from the font for the first time, from faces just parsed, and
// every text is prepared (BenchmarkLayout takes them from the cache of
// the texts the process prepared, which lives on the set of faces).
func BenchmarkLayoutFreshFonts(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	regular, err := os.ReadFile("../../fonts/NotoSansSC-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	bold, err := os.ReadFile("../../fonts/NotoSansSC-Bold.ttf")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		set, err := fonts.Load("NotoSansSC-Regular", regular, "NotoSansSC-Bold", bold)
		if err != nil {
			b.Fatal(err)
		}
		layout.Layout(d, set)
	}
}

func BenchmarkCharts(b *testing.B) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set, _ := fonts.Default()
	pages, _ := layout.Layout(d, set)
	for b.Loop() {
		if diags, err := charts.Fill(b.Context(), pages, d.Theme, set, charts.Options{}); err != nil || len(diags) > 0 {
			b.Fatal(err, diags)
		}
	}
}

func BenchmarkPDFWrite(b *testing.B) {
	d, err := render.Build(context.Background(), render.Builtin(), render.Options{})
	if err != nil || !d.OK() {
		b.Fatal(err)
	}
	opt := pdf.Options{Meta: d.Deck.Meta, Fonts: d.Fonts}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := pdf.Write(&buf, d.Pages, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkRender is the whole of deck render after start-up, as deck
// watch does it: load, lay out (while the PDF's fonts are set up), draw the
// charts (from the cache after the first time), write the PDF.
func BenchmarkRender(b *testing.B) {
	opt := render.Options{CacheDir: b.TempDir()}
	for b.Loop() {
		if _, err := render.Render(context.Background(), render.Builtin(), io.Discard, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderAfterAnEdit is BenchmarkRender with one text changed
// before each render, as deck watch renders after a save: the summary
// slide's title is new every time, and the texts not edited may come from
// the cache of the texts the process prepared (see layout's textCache),
// which BenchmarkRender, rendering an unchanged deck, finds whole.
func BenchmarkRenderAfterAnEdit(b *testing.B) {
	files := fstest.MapFS{}
	err := fs.WalkDir(content.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.Default(), p)
		files[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	deckYAML := string(files[content.DeckFile].Data)
	if !strings.Contains(deckYAML, "title: 摘要\n") {
		b.Fatal("the report has no summary slide titled 摘要")
	}
	opt := render.Options{CacheDir: b.TempDir()}
	edits := 0
	for b.Loop() {
		edits++
		files[content.DeckFile] = &fstest.MapFile{Data: []byte(strings.Replace(deckYAML, "title: 摘要\n", fmt.Sprintf("title: 摘要（第%d稿）\n", edits), 1))}
		if _, err := render.Render(context.Background(), render.FS(files, content.DeckFile), io.Discard, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderFromWorkbook is BenchmarkRender with the report's data in
// one workbook (deck init --xlsx) instead of seven CSV files: the
// difference is what reading a workbook adds to a render.
func BenchmarkRenderFromWorkbook(b *testing.B) {
	files, err := content.DefaultWorkbook()
	if err != nil {
		b.Fatal(err)
	}
	opt := render.Options{CacheDir: b.TempDir()}
	for b.Loop() {
		if _, err := render.Render(context.Background(), render.FS(files, content.DeckFile), io.Discard, opt); err != nil {
			b.Fatal(err)
		}
	}
}
