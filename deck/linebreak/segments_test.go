package linebreak

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// stepSegments is Segments as it was written first, over uniseg's
// StepString, which says the grapheme, word, sentence and line boundaries
// at once: the reference that Segments, reading the clusters and line
// segments alone, must agree with.
func stepSegments(text string) []Segment {
	var segs []Segment
	start, pos, state := 0, 0, -1
	number := 0
	rest := text
	for len(rest) > 0 {
		if pos >= number {
			number = pos + numberLen(rest)
		}
		var cluster string
		var boundaries int
		cluster, rest, boundaries, state = uniseg.StepString(rest, state)
		pos += len(cluster)
		brk := boundaries & uniseg.MaskLine
		if brk == uniseg.LineCanBreak && len(rest) > 0 && (pos < number || !mayStart(rest)) {
			brk = uniseg.LineDontBreak
		}
		if brk == uniseg.LineDontBreak {
			continue
		}
		seg := Segment{Start: start, End: pos, Hard: brk == uniseg.LineMustBreak && len(rest) > 0}
		body := strings.TrimRightFunc(text[start:pos], unicode.IsSpace)
		seg.Space = pos - start - len(body)
		segs = append(segs, seg)
		start = pos
	}
	return segs
}

// segmentSeeds are texts where grapheme clusters and line segments part:
// combining marks, emoji sequences, flags, Hangul, CR LF, numbers with
// marks on their digits, invalid UTF-8.
var segmentSeeds = []string{
	"", "a", "云", "云计算作为底层基础类技术，可以整合算力与网络资源。",
	"2021年中国金融云市场规模达到394亿元，预计未来4年复合增长率为28.6%。",
	"依托其强大的RAS特性（Reliability、Availability、Serviceability）",
	"未来２０２１年交易５５５．３３亿笔，同比－３．５％", "a\nb\n\n，c", "a\r\nb\rc\u2028d\u0085e",
	"e\u0301 1\u0301年 中\u0301文 -\u03013", "👍🏽 👨‍👩‍👧 a‍b 中‍文 🇨🇳🇺🇸🇯 ☝️x",
	"한국어 텍스트 각각", "\u0600123 \u0915\u094D\u0937 ก่า", "a\u00ADb c\u200Bd e\u2060f\u00A0g", "\xff\xfe中\x80文",
	"https://www.yunbaogao.cn/report?x=1 (a) [b] {c} “d” ‘e’", "3万余元 2个百分点 555.33亿笔 1,000,000 12:30 2017-2021",
}

func TestSegmentsAsStepString(t *testing.T) {
	for _, s := range segmentSeeds {
		if got, want := Segments(s), stepSegments(s); !slices.Equal(got, want) {
			t.Errorf("Segments(%q) = %v, want %v (as StepString reads it)", s, got, want)
		}
	}
}

// FuzzSegmentsAsStepString checks Segments against the StepString reading
// on any text.
func FuzzSegmentsAsStepString(f *testing.F) {
	for _, s := range segmentSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Segments(s), stepSegments(s); !slices.Equal(got, want) {
			t.Fatalf("Segments(%q) = %v, want %v (as StepString reads it)", s, got, want)
		}
	})
}

// TestSegmentsAsStepStringOnEveryPair compares the two readings on every
// pair of a set of characters of many line-break and grapheme classes.
func TestSegmentsAsStepStringOnEveryPair(t *testing.T) {
	chars := []rune("a1１ 中，。（）《》“”‘’…%％-+.:/\n\r\t\u0301\u200D\u200B\u00A0\u2060🇨👍🏽☝\uFE0F한각ก\u0E48\u0600\u094D(){}[]!?;\"'—·・ー々ぁァ℃$¥€#@&\u3000")
	var b []byte
	for _, x := range chars {
		for _, y := range chars {
			for _, z := range []rune{'a', '中', '1'} {
				b = utf8.AppendRune(utf8.AppendRune(utf8.AppendRune(utf8.AppendRune(b[:0], z), x), y), z)
				s := string(b)
				if got, want := Segments(s), stepSegments(s); !slices.Equal(got, want) {
					t.Errorf("Segments(%q) = %v, want %v (as StepString reads it)", s, got, want)
				}
			}
		}
	}
}

// BenchmarkSegments finds the break opportunities of a paragraph of a
// report: hanzi, numbers with units, Latin words, punctuation.
func BenchmarkSegments(b *testing.B) {
	text := strings.Repeat("2021年中国金融云市场规模达到394亿元，同比增长28.6%，依托其强大的RAS特性（Reliability、Availability）。", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Segments(text)
	}
}

// TestSegmentsAsStepStringOnEveryHanzi compares the two readings on every
// hanzi of the range Segments reads without uniseg (see hanziRun), in a
// run of them and beside characters of other classes.
func TestSegmentsAsStepStringOnEveryHanzi(t *testing.T) {
	if hanziRun.cluster == -2 {
		t.Fatal("uniseg's machines do not stay in one state through a run of hanzi")
	}
	var all []byte
	for h := rune(0x4E00); h <= 0x9FFF; h++ {
		all = utf8.AppendRune(all, h)
		s := fmt.Sprintf("中%c%c%c\u0301%c1%c，%c 中%c\u200d中%c", h, h, h, h, h, h, h, h)
		if got, want := Segments(s), stepSegments(s); !slices.Equal(got, want) {
			t.Fatalf("Segments(%q) = %v, want %v (as StepString reads it)", s, got, want)
		}
	}
	if got, want := Segments(string(all)), stepSegments(string(all)); !slices.Equal(got, want) {
		t.Error("Segments and StepString read the run of every hanzi apart")
	}
}
