package render_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/render"
)

// smallDeck is a deck of n slides, each with a paragraph and a chart whose
// figures depend on k, so that decks of different k differ.
func smallDeck(k, n int) render.Source {
	var b strings.Builder
	fmt.Fprintf(&b, "title: 测试 %d\nslides:\n", k)
	for i := range n {
		fmt.Fprintf(&b, "  - title: 第%d页（%d）\n    blocks:\n      - paragraph: 2021年市场规模达到%d亿元，预计未来4年复合增长率为28.6%%。\n", i+1, k, 300+k+i)
		fmt.Fprintf(&b, "      - chart:\n          rows: [[年份, 规模], [2021, %d], [2022, %d], [2023, %d]]\n", 10+k, 20+i, 30+k+i)
	}
	return render.FS(fstest.MapFS{"deck.yaml": {Data: []byte(b.String())}}, "deck.yaml")
}

func renderBytes(t *testing.T, src render.Source, opt render.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	res, err := render.Render(context.Background(), src, &buf, opt)
	if err != nil {
		var diags string
		if res != nil {
			diags = fmt.Sprint(res.Diagnostics)
		}
		t.Fatalf("render: %v %s", err, diags)
	}
	if res.Bytes != buf.Len() || res.Pages == 0 {
		t.Fatalf("result says %d bytes, %d pages; wrote %d bytes", res.Bytes, res.Pages, buf.Len())
	}
	return buf.Bytes()
}

// TestRendersAreReproducible: every engine and chart mode gives the same
// bytes twice, and the options change what they should.
func TestRendersAreReproducible(t *testing.T) {
	seen := map[string]string{}
	for _, engine := range []pdf.Engine{pdf.EngineFPDF, pdf.EngineGoPDF} {
		for _, mode := range []render.ChartMode{render.ChartPNG, render.ChartVector} {
			opt := render.Options{Engine: engine, Charts: mode}
			a, b := renderBytes(t, smallDeck(1, 2), opt), renderBytes(t, smallDeck(1, 2), opt)
			if !bytes.Equal(a, b) {
				t.Errorf("%v, %v: two renders differ", engine, mode)
			}
			if other, ok := seen[string(a)]; ok {
				t.Errorf("%v, %v gives the bytes %s gives", engine, mode, other)
			}
			seen[string(a)] = fmt.Sprint(engine, mode)
		}
	}
	dated := renderBytes(t, smallDeck(1, 2), render.Options{Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
	if !bytes.Contains(dated, []byte("D:20240506")) {
		t.Error("Options.Date is not the PDF's date")
	}
}

// TestACancelledRenderWritesNothing: a context cancelled before or during
// a long render (1000 slides) ends it with ctx.Err() and nothing written.
func TestACancelledRenderWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if _, err := render.Render(ctx, render.Builtin(), &buf, render.Options{}); !errors.Is(err, context.Canceled) || buf.Len() > 0 {
		t.Errorf("cancelled before: %v, %d bytes written", err, buf.Len())
	}
	n := 1000
	if testing.Short() {
		n = 200
	}
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := render.Render(ctx, smallDeck(0, n), &buf, render.Options{})
	if !errors.Is(err, context.DeadlineExceeded) || buf.Len() > 0 {
		t.Errorf("cancelled during: %v, %d bytes written", err, buf.Len())
	}
	t.Logf("a render of %d slides stopped %v after it began, 50ms after the deadline was set", n, time.Since(start).Round(time.Millisecond))
}

// TestConcurrentRendersGiveTheSameBytes renders 50 different decks on 8
// goroutines at once: each gives the bytes it gives alone.
func TestConcurrentRendersGiveTheSameBytes(t *testing.T) {
	n := 50
	if testing.Short() {
		n = 12
	}
	cache := t.TempDir() // shared, as a service's would be
	want := make([][]byte, n)
	for k := range n {
		want[k] = renderBytes(t, smallDeck(k, 2), render.Options{ChartTimeout: 10 * time.Minute})
	}
	got := make([][]byte, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for k := range jobs {
				// 8 renders at once on few cores, under -race, can take
				// a chart past the 10 s it may take alone.
				got[k] = renderBytes(t, smallDeck(k, 2), render.Options{CacheDir: cache, ChartTimeout: 10 * time.Minute})
			}
		})
	}
	for k := range n {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	for k := range n {
		if !bytes.Equal(got[k], want[k]) {
			t.Errorf("deck %d: rendered beside others, it gives other bytes than alone", k)
		}
	}
}

// TestAFolderSourceListsItsFiles: a deck on disk names the files it read,
// a missing folder is an error without a Result, and a deck with errors
// gives ErrInvalid and writes nothing.
func TestAFolderSourceListsItsFiles(t *testing.T) {
	res, err := render.Validate(context.Background(), render.Dir("testdata/broken"), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("testdata/broken/deck.yaml")
	if len(res.Files) == 0 || res.Files[0] != abs {
		t.Errorf("files %q, want %s first", res.Files, abs)
	}
	if _, err := render.Validate(context.Background(), render.Dir("testdata/no-such"), render.Options{}); err == nil || !strings.Contains(err.Error(), "cannot open the deck testdata/no-such") {
		t.Errorf("a missing folder: %v", err)
	}
	var buf bytes.Buffer
	res, err = render.Render(context.Background(), render.Dir("testdata/broken"), &buf, render.Options{})
	if !errors.Is(err, render.ErrInvalid) || buf.Len() > 0 || len(res.Diagnostics) != 2 {
		t.Errorf("a deck with errors: %v, %d bytes written, %d diagnostics", err, buf.Len(), len(res.Diagnostics))
	}
}

// TestChangedNamesThePagesThatDiffer: given the fingerprints of an earlier
// render, the result lists the pages that differ.
func TestChangedNamesThePagesThatDiffer(t *testing.T) {
	var buf bytes.Buffer
	first, err := render.Render(context.Background(), smallDeck(1, 3), &buf, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Changed != nil {
		t.Errorf("changed %v without a previous render", first.Changed)
	}
	// smallDeck(2, 3) differs from smallDeck(1, 3) on every slide; the
	// same deck on none.
	for _, tt := range []struct {
		k    int
		want string
	}{{1, "[]"}, {2, "[1 2 3]"}} {
		res, err := render.Render(context.Background(), smallDeck(tt.k, 3), &buf, render.Options{Previous: first.Fingerprints})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Changed); got != tt.want {
			t.Errorf("deck %d: changed %s, want %s", tt.k, got, tt.want)
		}
	}
}

// TestChangedCountsSlidesNotPages: a table that grows onto more pages
// changes two slides (its own, and the next, whose page number moved), not
// four pages, and the result names slides by their number in the deck.
func TestChangedCountsSlidesNotPages(t *testing.T) {
	deckOf := func(rows int) render.Source {
		var b strings.Builder
		b.WriteString("title: 表格\nslides:\n  - id: table\n    title: 表\n    blocks:\n      - table:\n          rows:\n            - [年份, 规模]\n")
		for i := range rows {
			fmt.Fprintf(&b, "            - [%d, %d]\n", 2000+i, i)
		}
		b.WriteString("  - id: after\n    title: 后\n    blocks:\n      - paragraph: 不变的一页。\n")
		return render.FS(fstest.MapFS{"deck.yaml": {Data: []byte(b.String())}}, "deck.yaml")
	}
	var buf bytes.Buffer
	short, err := render.Render(context.Background(), deckOf(5), &buf, render.Options{})
	if err != nil {
		t.Fatal(err, short.Diagnostics)
	}
	long, err := render.Render(context.Background(), deckOf(60), &buf, render.Options{Previous: short.Fingerprints})
	if err != nil {
		t.Fatal(err)
	}
	if long.Pages <= short.Pages {
		t.Fatalf("the long table takes %d pages, the short %d: it should continue", long.Pages, short.Pages)
	}
	if got := fmt.Sprint(long.Changed, long.SlideIDs, len(long.Fingerprints)); got != "[1 2] [table after] 2" {
		t.Errorf("changed, ids, fingerprints: %s, want [1 2] [table after] 2", got)
	}
}

// TestABuiltDocumentWritesWhatRenderWrites: Build then Write gives the
// bytes Render gives, in every format and engine, written once or twice,
// and the Result's fingerprints and changes as Render's.
func TestABuiltDocumentWritesWhatRenderWrites(t *testing.T) {
	for _, opt := range []render.Options{
		{},
		{Engine: pdf.EngineGoPDF},
		{Format: render.PPTX},
		{Pages: render.PageSet{{First: 2, Last: 2}}, Previous: []string{"x", "y"}},
	} {
		t.Run(fmt.Sprintf("with format %v, engine %v and pages %q", opt.Format, opt.Engine, opt.Pages.String()), func(t *testing.T) {
			var want bytes.Buffer
			res, err := render.Render(context.Background(), smallDeck(3, 2), &want, opt)
			if err != nil {
				t.Fatal(err)
			}
			d, err := render.Build(context.Background(), smallDeck(3, 2), opt)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				var got bytes.Buffer
				if err := d.Write(context.Background(), &got, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("write %d: %d bytes, Render wrote %d other bytes", i+1, got.Len(), want.Len())
				}
			}
			if r := d.Result; r.Bytes != res.Bytes || fmt.Sprint(r.Fingerprints, r.Changed) != fmt.Sprint(res.Fingerprints, res.Changed) {
				t.Errorf("the document's result says %d bytes, changed %v; Render's %d, %v", r.Bytes, r.Changed, res.Bytes, res.Changed)
			}
		})
	}
}

// TestAWriteIntoABufferLeavesWhatItHeld: Write makes the file in a
// bytes.Buffer it is given, after what the buffer held, the same bytes it
// writes to any other writer; a write that fails (here its context is
// cancelled while the file is made) leaves the buffer as it was.
func TestAWriteIntoABufferLeavesWhatItHeld(t *testing.T) {
	for _, opt := range []render.Options{{}, {Engine: pdf.EngineGoPDF}, {Format: render.PPTX}} {
		d, err := render.Build(context.Background(), smallDeck(4, 2), opt)
		if err != nil {
			t.Fatal(err)
		}
		var plain bytes.Buffer
		if err := d.Write(context.Background(), struct{ io.Writer }{&plain}, opt); err != nil {
			t.Fatal(err)
		}
		buf := bytes.NewBufferString("held")
		if err := d.Write(context.Background(), buf, opt); err != nil {
			t.Fatal(err)
		}
		if got := buf.Bytes(); !bytes.HasPrefix(got, []byte("held")) || !bytes.Equal(got[4:], plain.Bytes()) || d.Result.Bytes != plain.Len() {
			t.Errorf("%v: the buffer holds %d bytes, result says %d; want \"held\" and the %d bytes of the file", opt.Format, buf.Len(), d.Result.Bytes, plain.Len())
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		buf = bytes.NewBufferString("held")
		if err := d.Write(ctx, buf, opt); !errors.Is(err, context.Canceled) || buf.String() != "held" {
			t.Errorf("%v: a cancelled write gives %v and leaves %d bytes in the buffer, want only \"held\"", opt.Format, err, buf.Len())
		}
	}
}
