package linebreak

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzBreak checks the breaker on any text at any width: every character
// is kept exactly once, in order; a line is wider than the width only when
// it is one unbreakable piece; and no line starts with closing punctuation
// except after a newline of the text.
func FuzzBreak(f *testing.F) {
	for _, s := range []string{"", "云计算作为底层基础类技术，可以整合算力与网络资源。", "2021年中国金融云市场规模达到394亿元，预计未来4年复合增长率为28.6%。",
		"依托其强大的RAS特性（Reliability、Availability、Serviceability）", "“云厂商+IT服务商”成为典型服务组合", "a\nb\n\n，c", "https://www.yunbaogao.cn/report?x=1",
		"未来２０２１年交易５５５．３３亿笔，同比－３．５％", "共 ；中 …a %"} {
		f.Add(s, 5.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width != width || width < 0 || width > 1e6 {
			return
		}
		lines := Break(text, width, measure(text))
		var b strings.Builder
		prev := 0
		for i, l := range lines {
			if l.Start < prev || l.End < l.Start || l.End > len(text) {
				t.Fatalf("line %d [%d,%d) out of order (after %d)", i, l.Start, l.End, prev)
			}
			if gap := text[prev:l.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
				t.Fatalf("text %q between lines is lost", gap)
			}
			b.WriteString(text[prev:l.End])
			prev = l.End
			line := text[l.Start:l.End]
			if l.Width > width+1e-9 && len(Segments(line)) > 1 {
				t.Fatalf("line %q is %v wide at width %v but could break", line, l.Width, width)
			}
			if r, _ := utf8.DecodeRuneInString(line); i > 0 && !lines[i-1].Hard && strings.ContainsRune(closing, r) && line != "" {
				if !strings.ContainsRune(text[lines[i-1].End:l.Start], '\n') {
					t.Fatalf("line %q starts with %q", line, r)
				}
			}
		}
		b.WriteString(text[prev:])
		if b.String() != text {
			t.Fatalf("lines join to %q, not %q", b.String(), text)
		}
	})
}
