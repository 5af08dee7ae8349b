package layout

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
	"github.com/deckpdf/deck/fonts"
)

// randomText returns a text of one to four spans of Chinese, its marks,
// numbers with their units, Latin words, spaces and newlines, some bold,
// some raised markers.
func randomText(r *rand.Rand) deck.Text {
	pieces := []string{"银", "行", "金", "融", "云", "市", "场", "规", "模", "，", "。", "、", "；", "：", "）", "》", "”", "（", "《", "“",
		"2021年", "6.87%", "1,012.7亿元", "Kubernetes", "AI", " ", "」", "』", "】", "’", "——", "…", "\n", "Cloud Native ", "３，０００"}
	var spans []deck.Span
	for range 1 + r.Intn(4) {
		var b strings.Builder
		for range 3 + r.Intn(30) {
			p := pieces[r.Intn(len(pieces))]
			if r.Intn(3) == 0 {
				p = pieces[r.Intn(9)] // mostly hanzi
			}
			b.WriteString(p)
		}
		sp := deck.Span{Text: b.String()}
		switch r.Intn(6) {
		case 0:
			sp.Bold = true
		case 1:
			sp.Raised = true
			sp.Text = []string{"1", "2）", "注", "①，"}[r.Intn(4)]
		}
		spans = append(spans, sp)
	}
	return deck.Text{Spans: spans}
}

// TestSqueezedLinesStayInTheirColumn sets random justified texts, in
// both cjk_latin_space settings, at the sizes the report uses and in
// columns 4 to 24 ems wide: every run ends inside the column unless the
// text overflows it (a piece wider than the column, as without
// squeezing), no character is lost or moved, and the prepared glyphs,
// which later layouts share, are left as they were.
func TestSqueezedLinesStayInTheirColumn(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	for range 3000 {
		e := &engine{theme: deck.Theme{CJKLatinSpace: r.Intn(2) == 0}, fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}
		text := randomText(r)
		size := []float64{9, 10.5, 12, 12.42, 13.37, 18}[r.Intn(6)]
		width := size*float64(4+r.Intn(20)) + r.Float64()*size
		st := textStyle{size: size, leading: 1.5, align: alignJustify, bold: r.Intn(8) == 0}
		p := e.prepare(text, st, 0)
		prepared := append([]glyph(nil), p.gl...)
		f := e.text(text, st, width)
		for i := range prepared {
			if prepared[i] != p.gl[i] {
				t.Fatalf("%+v: setting it changed prepared glyph %d", text.Spans, i)
			}
		}
		// The widest line the text has when no line is squeezed.
		m := e.measure(p.text, e.sized(p, size), textStyle{size: size, align: alignLeft})
		over := 0.0
		for _, ln := range e.breakLines(p.text, p.segs, m, width) {
			over = math.Max(over, ln.Width-width)
		}
		end, got := 0.0, ""
		for _, it := range f.items {
			run := it.get().(TextRun)
			end = math.Max(end, run.At.X+run.Width())
			got += run.Text
		}
		if want := strings.NewReplacer(" ", "", "\n", "").Replace(p.text); strings.ReplaceAll(got, " ", "") != want {
			t.Errorf("%+v in %.2f pt: the runs read %q", text.Spans, width, got)
		}
		if end > width+0.02 && over <= 0.01 {
			t.Errorf("%+v in %.2f pt: a run ends %.3f pt past the column, which unsqueezed lines fit", text.Spans, width, end-width)
		}
		if f.overflow < end-width-0.02 {
			t.Errorf("%+v in %.2f pt: a run ends %.3f pt past the column, but the frame says %.3f", text.Spans, width, end-width, f.overflow)
		}
	}
}
