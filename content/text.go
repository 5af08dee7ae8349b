package content

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
)

var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// joinLines joins the lines of one paragraph. A line break next to a wide
// (Chinese, Japanese, fullwidth) character disappears, as in xeCJK, so that
// "金融IT⏎系统" is "金融IT系统"; between two narrow characters it becomes
// one space.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !linebreak.IsWide(prev) && !linebreak.IsWide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// lineBreaks turns every line break of a cell into '\n': CR LF (Windows),
// and a lone CR (old Macs, some exporters), which would otherwise reach
// the page as a control character. encoding/csv turns a CR LF inside
// quotes into '\n' but keeps a lone CR; YAML does the same for a literal
// block, but keeps a "\r" written as an escape.
func lineBreaks(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// cellLines keeps the line breaks of a table cell, where a line break is
// meant (a CSV cell's Alt+Enter, a YAML literal block): each line trimmed,
// blank lines dropped.
func cellLines(s string) string {
	var lines []string
	for _, l := range strings.Split(lineBreaks(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// forcedBreak matches <br>, <br/> and <br /> in any case: a line break the
// author forces in a title, a paragraph or a cell. A line break in the
// YAML itself is not one: between two Chinese characters it disappears
// (see joinLines), since editors wrap long lines.
var forcedBreak = regexp.MustCompile(`(?i)[ \t]*<br\s*/?>[ \t]*`)

// parseText splits **bold** markup into spans, each <br> a line break.
func parseText(pos deck.Pos, s string) deck.Text {
	if strings.Contains(s, "<") { // the expression has no prefix to look for first
		s = forcedBreak.ReplaceAllString(s, "\n")
	}
	t := deck.Text{Pos: pos}
	bold := false
	for {
		i := strings.Index(s, "**")
		if i < 0 {
			break
		}
		if i > 0 {
			t.Spans = append(t.Spans, deck.Span{Text: s[:i], Bold: bold})
		}
		bold = !bold
		s = s[i+2:]
	}
	if s != "" {
		t.Spans = append(t.Spans, deck.Span{Text: s, Bold: bold})
	}
	return footnoteMarks(t)
}
