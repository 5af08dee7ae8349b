package linebreak

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// measure counts a wide character as 1 and anything below U+1100 as 0.5.
func measure(text string) func(start, end int) float64 {
	return func(start, end int) float64 {
		w := 0.0
		for _, r := range text[start:end] {
			if r < 0x1100 {
				w += 0.5
			} else {
				w++
			}
		}
		return w
	}
}

func broken(text string, width float64) string {
	var out []string
	for _, l := range Break(text, width, measure(text)) {
		out = append(out, text[l.Start:l.End])
	}
	return strings.Join(out, "|")
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  string
	}{
		{"hanzi break anywhere", "云计算作为底层基础类技术", 5, "云计算作为|底层基础类|技术"},
		{"a comma does not start a line", "金融云市场规模，预计", 6, "金融云市场规|模，预计"},
		{"a full stop does not start a line", "云原生成为重要。趋势", 7, "云原生成为重|要。趋势"},
		{"an enumeration comma does not start a line", "计算、存储、网络", 2, "计|算、|存|储、|网络"},
		{"a closing bracket does not start a line", "（1）云原生", 2, "（1）|云|原生"},
		{"a closing title mark does not start a line", "发展规划》推行", 4, "发展规|划》推行"},
		{"a closing quote does not start a line", "事件频发“卡脖子”事件", 7, "事件频发“卡脖|子”事件"},
		{"an ellipsis does not start a line", "存量市场…增量", 4, "存量市|场…增量"},
		{"an opening bracket does not end a line", "金融科技（云）", 5, "金融科技|（云）"},
		{"an opening title mark does not end a line", "指导意见《银行业", 5, "指导意见|《银行业"},
		{"an opening quote does not end a line", "更加“有据可依”", 3, "更|加“有|据|可依”"},
		{"a question mark does not start a line", "为什么要发展云服务？是的", 9, "为什么要发展云服|务？是的"},
		{"a percentage stays whole", "复合增长率为28.6%，", 7, "复合增长率为|28.6%，"},
		{"a year stays with 年", "未来4年复合增长率", 2, "未来|4年|复合|增|长率"},
		{"a number stays with its units", "达到394亿元，预计", 5, "达到|394亿元，|预计"},
		{"a year range stays with 年", "中国2017-2021年数字经济", 6, "中国|2017-2021年|数字经济"},
		{"Latin words are not split", "依托RAS特性Reliability与", 6, "依托RAS特性|Reliability|与"},
		{"Latin words break at spaces", "cloud native banking", 5, "cloud|native|banking"},
		{"a word longer than the line stands alone", "见https://www.yunbaogao.cn/report", 4, "见|https://|www.yunbaogao.cn/|report"},
		{"a newline is a hard break", "第一行\n第二行", 10, "第一行|第二行"},
		{"mixed Latin and hanzi fill the line", "金融IT架构轻量化", 4, "金融IT架|构轻量化"},
		{"an empty text has no lines", "", 5, ""},
		{"a lone last character takes one from the line before", "云计算作为底层基础类技术。", 6, "云计算作为底|层基础类|技术。"},
		{"a last line of two characters stays", "云计算作为底层基础类技术", 5, "云计算作为|底层基础类|技术"},
		{"a last line after a newline stays short", "云计算作为\n云", 5, "云计算作为|云"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := broken(tt.text, tt.width); got != tt.want {
				t.Errorf("Break(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestBreakKeepsEveryCharacter(t *testing.T) {
	text := "增量市场：（1）云原生成为重要战略技术趋势：云端资源的层层解耦使通用能力模块化下沉至云平台，“云厂商+IT服务商”成为典型服务组合。"
	for width := 1.0; width < 40; width++ {
		lines := Break(text, width, measure(text))
		var b strings.Builder
		prev := 0
		for _, l := range lines {
			if strings.TrimSpace(text[prev:l.Start]) != "" {
				t.Fatalf("width %v: text between lines lost: %q", width, text[prev:l.Start])
			}
			b.WriteString(text[l.Start:l.End])
			prev = l.End
			if l.Width > width && len(Segments(text[l.Start:l.End])) > 1 {
				t.Errorf("width %v: line %q is %v wide but could break", width, text[l.Start:l.End], l.Width)
			}
		}
		if b.String() != text {
			t.Fatalf("width %v: lines join to %q", width, b.String())
		}
	}
}

// opportunities writes text with a '|' at each of its break opportunities:
// between the segments Segments finds.
func opportunities(text string) string {
	var parts []string
	for _, s := range Segments(text) {
		parts = append(parts, text[s.Start:s.End])
	}
	return strings.Join(parts, "|")
}

// TestSegments asserts where breaks may fall, whatever the width: a greedy
// result at one width can hide a missing rule when the glued piece happens
// to fit.
// TestBreakSegmentsInto breaks texts one after another into one slice,
// which holds the lines of a longer text first: each gives the lines that
// BreakSegments gives, nothing left over from the text before.
func TestBreakSegmentsInto(t *testing.T) {
	texts := []struct {
		text  string
		width float64
	}{
		{"云计算作为底层基础类技术，可以整合算力与网络资源", 3},
		{"云计算作为底层基础类技术。", 6},
		{"第一行\n第二行", 10},
		{"", 5},
		{"复合增长率为28.6%，", 7},
	}
	var buf []Line
	for _, tt := range texts {
		segs := Segments(tt.text)
		want := BreakSegments(tt.text, segs, tt.width, measure(tt.text))
		buf = BreakSegmentsInto(buf, tt.text, segs, tt.width, measure(tt.text))
		if !slices.Equal(buf, want) {
			t.Errorf("BreakSegmentsInto(%q) = %v, want %v", tt.text, buf, want)
		}
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		want string // the text with '|' at every break opportunity
	}{
		{"hanzi may break between any two", "云|计|算"},
		{"a year stays with 年", "未|来|4年|复|合"},
		{"a full-width year stays with 年", "未|来|２０２１年|复|合"},
		{"a half-width year stays with 年", "未|来|2021年|复|合"},
		{"a full-width decimal and its percent sign are one number", "增|长|１２．５％，|预|计"},
		{"a full-width number with thousands commas is one number", "共|３，０００户|参|与"},
		{"a full-width signed number is one number", "下|降|－３．５％"},
		{"a full-width plus sign stays with its number", "增|长|＋２．５％"},
		{"a full-width range stays whole", "在|２０１７－２０２１年|的|数|据"},
		{"a full-width full stop after a number may end the line", "达|到|５．|下|一"},
		{"a full-width comma after a number may end the line", "共|５，|其|中"},
		{"a date breaks between its parts", "2021年|3月|4日"},
		{"a unit before a space may end the line", "cloud |2021年 |plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.ReplaceAll(tt.want, "|", "")
			if got := opportunities(text); got != tt.want {
				t.Errorf("Segments(%q) = %q, want %q", text, got, tt.want)
			}
		})
	}
}

// TestNumberKeepsItsUnit takes figures as statistical and financial
// reports write them: each number and its units is one piece, with a break
// opportunity before and after it.
func TestNumberKeepsItsUnit(t *testing.T) {
	figures := []string{
		"555.33亿笔", "12.6万户", "3,000张", "500只", "1.2亿股", "10手", "8台", "20件", "15套",
		"3.5万吨", "120万辆", "4500万人次", "23家", "7个", "12名", "394亿元", "50万元", "1.2亿元",
		"3.4亿美元", "2.5倍", "3季度", "6个月", "15日", "2021年", "60岁", "12项", "3次", "5款",
		"10份", "3座", "200亩", "120平方米", "3.6亿千瓦时", "28.6%", "3‰", "25bp", "50BP",
		"2个百分点", "3万余元", "30多家", "2017-2021年", "２０２１年", "５５５．３３亿笔",
		"３，０００户", "－３．５％", "＋２．５％", "１２．５万元", "２０bp",
	}
	for _, f := range figures {
		t.Run(f+" is one piece", func(t *testing.T) {
			text := "达到" + f + "以上"
			want := "达|到|" + f + "|以|上"
			if got := opportunities(text); got != want {
				t.Errorf("Segments(%q) = %q, want %q", text, got, want)
			}
		})
	}
}

// TestEveryUnitStaysWithItsNumber checks each entry of the units list
// after a half-width, a full-width and a decimal number with a magnitude.
func TestEveryUnitStaysWithItsNumber(t *testing.T) {
	for u := range strings.FieldsSeq(units) {
		for _, n := range []string{"3", "３", "555.33亿"} {
			if got := opportunities(n + u); got != n+u {
				t.Errorf("%s%s breaks as %q", n, u, got)
			}
		}
	}
}

// closing lists the characters no line may start with, and opening those
// no line may end with: what the package promises, whether UAX #14 or the
// tailoring keeps the promise.
const (
	closing = "，。、；：？！）》」』”’…%,.;:?!)]}｝〕〉】〗〙〟｠»％‰℃·・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
	opening = "（《「『“‘([{｛〔〈【〖〘〝｟«"
)

// before lists what may precede closing punctuation in a text: a hanzi, a
// Latin letter, digits, punctuation, some with a space.
func before() []string { return []string{"中", "中 ", "a", "a ", "1", "１", "。", "）", "％"} }

// unisegBreaks writes text with a '|' at each break opportunity that
// uniseg itself reports, before any tailoring.
func unisegBreaks(text string) string {
	var b strings.Builder
	state := -1
	for rest := text; len(rest) > 0; {
		var cluster string
		var boundaries int
		cluster, rest, boundaries, state = uniseg.StepString(rest, state)
		b.WriteString(cluster)
		if len(rest) > 0 && boundaries&uniseg.MaskLine != uniseg.LineDontBreak {
			b.WriteByte('|')
		}
	}
	return b.String()
}

// breaksAt reports whether Segments(text) has a break opportunity at byte
// offset i.
func breaksAt(text string, i int) bool {
	for _, s := range Segments(text) {
		if s.End == i {
			return true
		}
	}
	return false
}

func TestClosingPunctuationNeverStartsALine(t *testing.T) {
	for _, c := range closing {
		for _, b := range before() {
			text := b + string(c) + "中"
			if breaksAt(text, len(b)) {
				t.Errorf("a line may start with %q in %q: %q", c, text, opportunities(text))
			}
		}
	}
}

func TestOpeningPunctuationNeverEndsALine(t *testing.T) {
	for _, o := range opening {
		for _, b := range []string{"", "中", "a", "1", " "} {
			for _, a := range []string{"中", "a", "1", "１", "（"} {
				text := b + string(o) + a
				if breaksAt(text, len(b)+utf8.RuneLen(o)) {
					t.Errorf("a line may end with %q in %q: %q", o, text, opportunities(text))
				}
			}
		}
	}
}

// TestNoStartIsNeeded proves each entry of noStart is needed: uniseg
// itself allows a break before it after at least one of the texts in
// before, which the tailoring forbids.
func TestNoStartIsNeeded(t *testing.T) {
	for _, c := range noStart {
		t.Run(string(c)+" may start a line in UAX #14", func(t *testing.T) {
			for _, b := range before() {
				if text := b + string(c) + "中"; strings.HasPrefix(unisegBreaks(text), b+"|") {
					return
				}
			}
			t.Errorf("uniseg forbids a break before %q after all of %q: drop it from noStart", c, before())
		})
	}
}

// TestUnisegForbids pins the UAX #14 behaviour the package relies on
// instead of a rule of its own, as uniseg reports it, so that an upgrade
// that changes it fails here and not in a slide.
func TestUnisegForbids(t *testing.T) {
	t.Run("a break before the closing punctuation noStart leaves out", func(t *testing.T) {
		for _, c := range closing {
			if strings.ContainsRune(noStart, c) {
				continue
			}
			for _, b := range before() {
				text := b + string(c) + "中"
				if got, want := unisegBreaks(text), b+string(c)+"|中"; got != want {
					t.Errorf("uniseg breaks %q as %q, want %q: add %q to noStart", text, got, want, c)
				}
			}
		}
	})
	t.Run("a break after opening punctuation", func(t *testing.T) {
		for _, o := range opening {
			for _, a := range []string{"中", "a", "1", "１", "（"} {
				text := "中" + string(o) + a
				if got := unisegBreaks(text); strings.Contains(got, string(o)+"|") {
					t.Errorf("uniseg breaks %q as %q, after %q", text, got, o)
				}
			}
		}
	})
	tests := []struct {
		name string
		want string // the text with '|' at every break opportunity uniseg reports
	}{
		{"a break between any two hanzi", "云|计|算"},
		{"a break at a space between Latin words", "cloud |native |banking"},
		{"no break inside a Latin word", "依|托|Reliability|与"},
		{"no break inside a Latin word with a hyphen", "cloud-|native"},
		{"no break inside a half-width decimal or percentage", "为|28.6%|的"},
		{"no break inside a half-width number with thousands commas", "共|3,000|户"},
		{"no break inside a half-width range", "在|2017-2021|年"},
		{"no break before a half-width minus sign", "下|降-3.5%|的"},
		{"no break before an opening quote after a hanzi", "称|为“云|原|生”"},
		{"no break after a half-width number before letters", "为|25bp|的"},
		{"no break inside a URL before a slash", "https://|www.yunbaogao.cn/|report"},
		{"a mandatory break after a newline", "一\n|二"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.ReplaceAll(tt.want, "|", "")
			if got := unisegBreaks(text); got != tt.want {
				t.Errorf("uniseg breaks %q as %q, want %q", text, got, tt.want)
			}
		})
	}
}

// TestIsWide checks what is set on the CJK grid: a line break between two
// such characters is not a space, and a justified line may stretch beside
// them.
func TestIsWide(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"hanzi are wide", "中国金融云", true},
		{"kana and hangul are wide", "あアー・한", true},
		{"CJK punctuation is wide", "、。《》「」『』〔〕【】　", true},
		{"fullwidth forms are wide", "，：；？！（）２０％＋－￥", true},
		{"curly quotes, the ellipsis and the em dash are wide", "“”‘’…—", true},
		{"Latin letters and digits are narrow", "aZ09", false},
		{"ASCII punctuation and the space are narrow", ",.;:?!()%+- ", false},
		{"the en dash, the middle dot and the yen sign are narrow", "–·¥", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range tt.text {
				if got := IsWide(r); got != tt.want {
					t.Errorf("IsWide(%q) = %v, want %v", r, got, tt.want)
				}
			}
		})
	}
}

// TestBreakToleratesRounding: widths measured from a font are sums of
// fractions, and a text that fits exactly may add up a hair wider (0.1 +
// 0.1 + 0.1 > 0.3); it must still take one line.
func TestBreakToleratesRounding(t *testing.T) {
	text := "云计算"
	tenth := func(start, end int) float64 {
		w := 0.0
		for range text[start:end] {
			w += 0.1
		}
		return w
	}
	if lines := Break(text, 0.3, tenth); len(lines) != 1 {
		var got []string
		for _, l := range lines {
			got = append(got, text[l.Start:l.End])
		}
		t.Errorf("Break(%q, 0.3) = %q, want one line", text, got)
	}
}
