package layout

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
	"github.com/deckpdf/deck/fonts"
)

// denseMixed is a paragraph of Chinese thick with Latin words and numbers:
// with cjk_latin_space, a quarter em stands at nearly every change.
const denseMixed = "使用Kubernetes部署AI模型，2021年GPU集群规模达到3000台，采用RDMA网络与NVMe存储，推理延迟降至5ms以内；" +
	"在Linux和Windows环境下CPU利用率提高20%以上，API调用量同比增长3倍，SaaS收入占比达到45%，" +
	"ERP系统与CRM平台打通后，IT运维成本下降了1/3左右，5G专网覆盖100余个园区。"

// textsOf returns every deck.Text reachable from v: the titles, paragraphs,
// items and cells of a deck, in the order of its fields and elements (for
// blocks, the order they are written and read in).
func textsOf(v reflect.Value) []deck.Text {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return textsOf(v.Elem())
	case reflect.Slice, reflect.Array:
		var out []deck.Text
		for i := range v.Len() {
			out = append(out, textsOf(v.Index(i))...)
		}
		return out
	case reflect.Struct:
		if t, ok := v.Interface().(deck.Text); ok {
			return []deck.Text{t}
		}
		var out []deck.Text
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, textsOf(v.Field(i))...)
			}
		}
		return out
	}
	return nil
}

// reportTexts returns an engine with the built-in report's theme, with
// cjk_latin_space as asked, and every text of the report, then a dense
// paragraph of mixed Chinese and Latin, once and three times.
func reportTexts(t *testing.T, cjkLatinSpace bool) (*engine, []deck.Text) {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, diags := content.Load(content.Default(), content.DeckFile, "")
	if d == nil {
		t.Fatal(diags)
	}
	texts := textsOf(reflect.ValueOf(d.Slides))
	texts = append(texts, deck.Text{Spans: []deck.Span{{Text: denseMixed}}}, deck.Text{Spans: []deck.Span{{Text: strings.Repeat(denseMixed, 3)}}})
	theme := d.Theme
	theme.CJKLatinSpace = cjkLatinSpace
	return &engine{theme: theme, fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}, texts
}

// inkEnd is where a run's characters end: its em box's end, less the blank
// half of a closing punctuation mark at its end, which a line may end in
// when the mark was compressed against the next line's opening one.
func inkEnd(r TextRun) float64 {
	end := r.At.X + r.Width()
	if last, _ := utf8.DecodeLastRuneInString(r.Text); strings.ContainsRune(closingPunct, last) {
		end -= r.Size / 2
	}
	return end
}

// TestJustifiedLinesStayInTheirColumnWithCJKLatinSpace sets every text of
// the built-in report, and a dense paragraph of mixed Chinese and Latin,
// justified at many widths with cjk_latin_space on: every run must end
// within the width (lines ran up to 7.5pt past it, the quarter ems left
// out of the measure the line breaker used).
func TestJustifiedLinesStayInTheirColumnWithCJKLatinSpace(t *testing.T) {
	e, texts := reportTexts(t, true)
	st := e.bodyStyle(e.scale(1))
	bad := 0
	for _, tx := range texts {
		for w := 90.0; w <= 880; w += 3.7 {
			f := e.text(tx, st, w)
			if f.overflow > 0 {
				continue // a word wider than the column: an error of its own
			}
			for _, it := range f.items {
				r := it.get().(TextRun)
				if end := inkEnd(r); end > w+0.01 {
					if bad++; bad <= 10 {
						t.Errorf("%q at width %.1f: %q ends at %.2f, %.2fpt past its column", tx.Plain(), w, r.Text, end, end-w)
					}
				}
			}
		}
	}
	if bad > 10 {
		t.Errorf("and %d more runs past their column", bad-10)
	}
}

// TestControlCharactersAreErrors: a control character that reaches the
// layout is an error at its text, with the text before it, whether or not
// the fonts have a glyph for it (a CR drew as a box, silently); a line
// break and a tab are set as they are.
func TestControlCharactersAreErrors(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	pos := deck.Pos{File: "data/growth.csv", Line: 3, Col: 7}
	for _, tt := range []struct{ name, text, want string }{
		{"a CR left from a CR LF is an error", "增长\r\n-3%",
			`data/growth.csv:3:7: error: character '\r' (U+000D) after "增长" is a carriage return, a control character that cannot be drawn; a line break is a plain line end (a CR LF or lone CR in a CSV cell is read as one)` + "\n"},
		{"a NUL at the start is an error", "\x00增长",
			`data/growth.csv:3:7: error: character '\x00' (U+0000) at the start of the text is a control character, which cannot be drawn; remove it` + "\n"},
		{"a C1 control is an error", "增长\u0085率",
			`data/growth.csv:3:7: error: character '\u0085' (U+0085) after "增长" is a control character, which cannot be drawn; remove it` + "\n"},
		{"a paragraph separator is an error", "一段\u2029二段",
			`data/growth.csv:3:7: error: character '\u2029' (U+2029) after "一段" is a line or paragraph separator, which cannot be drawn; write a line break instead` + "\n"},
		{"a soft hyphen the font has is an error", "云\u00ad计算",
			`data/growth.csv:3:7: error: character '\u00ad' (U+00AD) after "云" is an invisible format character, which the layout does not apply; remove it` + "\n"},
		{"a character reported once a text", "a\rb\rc",
			`data/growth.csv:3:7: error: character '\r' (U+000D) after "a" is a carriage return, a control character that cannot be drawn; a line break is a plain line end (a CR LF or lone CR in a CSV cell is read as one)` + "\n"},
		{"a line break and a tab are no error", "增长\n-3%\t同比", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &engine{fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}
			e.text(deck.Text{Pos: pos, Spans: []deck.Span{{Text: tt.text}}}, textStyle{size: 12, leading: 1.2}, 300)
			if got := e.diags.String(); got != tt.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestTightGapsAreInsideNumbersAndWords: the gaps a justified line does
// not widen are those inside a number or word of one segment; a bracket
// before it, a comma after it and the ideographs around it keep theirs.
// In want, "-" is a tight gap after a character, "." one that may widen.
func TestTightGapsAreInsideNumbersAndWords(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"full-width digits are one number", "截至２０２１年", "..---.."},
		{"a full-width separator joins digits", "超过３，０００个", "..----.."},
		{"a sign and a percent sign are the number's", "降－３．５％了", ".----.."},
		{"a bracket before and a comma after keep their gaps", "（２０），好", ".-...."},
		{"half-width digits and their unit", "2021年底", "---..."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var gl []glyph
			for off, r := range tt.text {
				gl = append(gl, glyph{r: r, off: off})
			}
			markTight(gl, linebreak.Segments(tt.text))
			var got strings.Builder
			for _, g := range gl {
				got.WriteByte(".-"[b2i(g.tight)])
			}
			if got.String() != tt.want {
				t.Errorf("%q: tight gaps %s, want %s", tt.text, got.String(), tt.want)
			}
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestRunsSayWhichEndInAHalfWidthMark: a run ends at a punctuation mark
// compressed against the next one, and says so (TextRun.Half), so that a
// painter draws the mark's half-width form; a run ending in the quarter
// em of cjk_latin_space, or at the end of the text, does not.
func TestRunsSayWhichEndInAHalfWidthMark(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		text string
		half bool
	}
	tests := []struct {
		name  string
		text  string
		space bool // cjk_latin_space
		want  []run
	}{
		{"a colon before an opening bracket is half", "增量市场：（1）云原生。", false,
			[]run{{"增量市场：", true}, {"（1）云原生。", false}}},
		{"each mark of a closing pair is half but the last", "他说：“好”。完", false,
			[]run{{"他说：", true}, {"“好”", true}, {"。完", false}}},
		{"a mark before a hanzi is full", "甲，乙。", false, []run{{"甲，乙。", false}}},
		{"a gap of cjk_latin_space is not a half mark", "使用Go部署", true,
			[]run{{"使用", false}, {"Go", false}, {"部署", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := deck.Theme{CJKLatinSpace: tt.space}
			e := &engine{theme: theme, fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}
			st := textStyle{size: 20, leading: 1.5, align: alignLeft}
			f := e.text(deck.Text{Spans: []deck.Span{{Text: tt.text}}}, st, 1000)
			var got []run
			for _, it := range f.items {
				r := it.get().(TextRun)
				got = append(got, run{r.Text, r.Half})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("runs = %v\nwant   %v", got, tt.want)
			}
		})
	}
}

// TestJustifiedLinesKeepWordsInOneRun sets every text of the built-in
// report, and a dense paragraph of mixed Chinese and Latin, justified at
// many widths: no word or number is split between two runs ("的R" and
// "eliability" were), which text extraction and a run's language see.
func TestJustifiedLinesKeepWordsInOneRun(t *testing.T) {
	alnum := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	for _, space := range []bool{false, true} {
		e, texts := reportTexts(t, space)
		st := e.bodyStyle(e.scale(1))
		bad, justified := 0, 0
		for _, tx := range texts {
			for w := 90.0; w <= 880; w += 3.7 {
				items := e.text(tx, st, w).items
				for i := 1; i < len(items); i++ {
					a, b := items[i-1].get().(TextRun), items[i].get().(TextRun)
					if a.Spacing != 0 || b.Spacing != 0 {
						justified++
					}
					last, _ := utf8.DecodeLastRuneInString(a.Text)
					first, _ := utf8.DecodeRuneInString(b.Text)
					if a.At.Y == b.At.Y && alnum(last) && alnum(first) {
						if bad++; bad <= 10 {
							t.Errorf("cjk_latin_space %v, width %.1f: a word is split between runs %q and %q", space, w, a.Text, b.Text)
						}
					}
				}
			}
		}
		if bad > 10 {
			t.Errorf("and %d more words split", bad-10)
		}
		if justified == 0 {
			t.Errorf("cjk_latin_space %v: no run is justified; the test sees nothing", space)
		}
	}
}

// TestIsClosingIsTheSet: isClosing, which looks in the set of closing
// marks only for runes in their ranges, says what the set says, for every
// rune of the Basic Multilingual Plane.
func TestIsClosingIsTheSet(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if isClosing(r) != closing[r] {
			t.Errorf("isClosing(%q) = %v, the set says %v", r, isClosing(r), closing[r])
		}
	}
}

// TestCompressLeavesMarksInsideNumbersAndWords: a justified line gives up
// the blank halves of its marks from its end back, but never of one
// inside a number (the ， of ３，０００) or a word (the ’ of iPhone’s).
func TestCompressLeavesMarksInsideNumbersAndWords(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := &engine{fonts: set, reported: map[reportKey]bool{}, segments: map[string][]linebreak.Segment{}}
	st := textStyle{size: 20, leading: 1.5, align: alignJustify}
	const text = "销量３，０００万台，苹果iPhone’s增长。"
	p := e.prepare(deck.Text{Spans: []deck.Span{{Text: text}}}, st, 0)
	gl := e.sized(p, st.size)
	given := compress(gl, 1000, st.size)
	var halved []rune
	for _, g := range gl {
		if g.half {
			halved = append(halved, g.r)
		}
	}
	if string(halved) != "，。" || given != st.size {
		t.Errorf("halved %q, giving up %.1f pt; want the ， after 万台 and the 。, 20 pt", string(halved), given)
	}
	if q := e.prepare(deck.Text{Spans: []deck.Span{{Text: text}}}, st, 0); q.gl[len(q.gl)-1].half {
		t.Errorf("compress halved a mark of the prepared text, which later layouts share")
	}
}
