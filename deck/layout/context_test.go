package layout_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// manySlides is a deck of n content slides, each with a title, a
// paragraph and a list.
func manySlides(n int) string {
	var b strings.Builder
	b.WriteString("title: 长报告\nslides:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - id: s%d\n    title: 第%d页：算力体系\n    blocks:\n      - paragraph: 布局先进高效的算力体系，加快云计算技术规范应用，稳妥推进信息系统向多节点并行运行、数据多副本存储、业务多中心分布转变。\n      - list:\n          items: [提升网络承载能力, 数据中心 PUE 降至 1.3 以下, 2025 年算力规模超过 300 EFLOPS]\n", i, i)
	}
	return b.String()
}

// longTable is a deck of one slide whose table has n rows.
func longTable(n int) string {
	var b strings.Builder
	b.WriteString("title: 长表\nslides:\n  - id: s\n    title: 长表\n    blocks:\n      - table:\n          rows:\n            - [编号, 内容]\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "            - [R%04d, 布局先进高效的算力体系，加快云计算技术规范应用。]\n", i)
	}
	return b.String()
}

// TestLayoutContextStopsWhenCancelled: a layout whose context is done
// returns context.Canceled and no pages, whether the context was done
// before the call or is cancelled while the slides, or the rows of one
// long table, are laid out; and it stops in well under half the time the
// whole deck takes.
func TestLayoutContextStopsWhenCancelled(t *testing.T) {
	set := defaultFonts(t)
	for _, deckCase := range []struct {
		name  string
		src   string
		pages int // of the whole layout
	}{
		{"a deck of 1000 slides", manySlides(1000), 1000},
		{"a slide whose table has 1000 rows", longTable(1000), 0},
	} {
		d := loadDeck(t, "deck.yaml", deckCase.src)
		start := time.Now()
		all, diags, err := layout.LayoutContext(context.Background(), d, set)
		full := time.Since(start)
		if err != nil || len(diags) > 0 || len(all) < max(deckCase.pages, 2) {
			t.Fatalf("%s, not cancelled: %d pages, error %v, diagnostics\n%s", deckCase.name, len(all), err, diags)
		}
		t.Logf("%s: %d pages in %v", deckCase.name, len(all), full)
		for _, tt := range []struct {
			name  string
			after time.Duration // -1: cancelled before the call
		}{
			{"cancelled before the call is not laid out", -1},
			{"cancelled 5ms into the layout stops", 5 * time.Millisecond},
		} {
			t.Run(deckCase.name+" "+tt.name, func(t *testing.T) {
				testCancelled(t, d, tt.after, full)
			})
		}
	}
}

// testCancelled lays out d with a context cancelled after the given time
// (before the call if negative), which must stop in under half of full.
func testCancelled(t *testing.T, d *deck.Deck, after, full time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if after < 0 {
		cancel()
	} else {
		go func() { time.Sleep(after); cancel() }()
	}
	start := time.Now()
	pages, diags, err := layout.LayoutContext(ctx, d, defaultFonts(t))
	took := time.Since(start)
	t.Logf("returned after %v", took)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if pages != nil || diags != nil {
		t.Errorf("%d pages and diagnostics %q, want none", len(pages), diags)
	}
	if took > full/2 {
		t.Errorf("took %v, half of the %v a whole layout takes or more", took, full)
	}
}
