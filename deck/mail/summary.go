package mail

import (
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// summaryNames are the ids and titles that make a slide the deck's
// summary, compared without case.
var summaryNames = []string{"summary", "executive summary", "abstract", "overview", "key points", "highlights",
	"摘要", "概要", "提要", "总结", "小结", "要点", "核心观点", "核心发现", "主要发现"}

// SummarySlide returns the index of the deck's summary slide, or -1 when
// it has none: the first slide, not a cover or a closing slide, whose id
// or title is a summary's ("summary", "摘要", "总结", "核心观点", …), else
// the first content slide after the cover (in a report, the second
// slide, which is where a summary stands).
func SummarySlide(d *deck.Deck) int {
	first := -1
	for i, s := range d.Slides {
		if s.Layout != deck.LayoutContent {
			continue
		}
		if isSummaryName(s.ID) || isSummaryName(s.Title.Plain()) {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

func isSummaryName(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, n := range summaryNames {
		if s == n {
			return true
		}
	}
	return false
}

// SummaryOf returns the title and the text of the deck's summary slide
// (SummarySlide), read from its pages' structure trees as a screen reader
// reads them: one paragraph a leaf (a paragraph, a list item, a table
// row; a heading or a labeled block's label marked Heading), a figure as
// its alt text; the slide's title apart, its
// notes, sources and artifacts left out. A deck without a summary slide
// gives the zero Summary.
func SummaryOf(d *deck.Deck, pages []layout.Page) Summary {
	i := SummarySlide(d)
	if i < 0 {
		return Summary{}
	}
	s := Summary{Title: d.Slides[i].Title.Plain()}
	for _, p := range pages {
		if p.Slide == i && p.Tree != nil {
			s.Paragraphs = append(s.Paragraphs, readPage(p)...)
		}
	}
	return s
}

// readPage returns the paragraphs of a page's tree.
func readPage(p layout.Page) []Paragraph {
	var out []Paragraph
	heading := false
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, Paragraph{Text: s, Heading: heading})
		}
	}
	p.Tree.Walk(func(n *layout.Node) bool {
		switch n.Role {
		case layout.RoleArtifact, layout.RoleTitle, layout.RoleNote, layout.RoleSource:
			return false
		case layout.RoleFigure:
			add(n.Alt)
			return false
		case layout.RoleListItem, layout.RoleRow, layout.RoleHeaderRow:
			add(joinedText(p, n))
			return false
		}
		if len(n.Children) == 0 {
			heading = n.Role == layout.RoleHeading
			add(leafText(p, n))
			heading = false
		}
		return true
	})
	return out
}

// joinedText is the text of the leaves under n, a space between them: a
// list item's marker and body, a row's cells.
func joinedText(p layout.Page, n *layout.Node) string {
	var parts []string
	n.Walk(func(c *layout.Node) bool {
		if c.Role == layout.RoleArtifact {
			return false
		}
		if len(c.Children) == 0 {
			t := leafText(p, c)
			if t == "" {
				t = c.Alt // a marker drawn as a shape
			}
			if t != "" {
				parts = append(parts, t)
			}
		}
		return true
	})
	return strings.Join(parts, " ")
}

// leafText is the text of a leaf's runs, its lines joined as they were
// written: no space at a break between Chinese characters, a space at a
// break between Latin words (which layout never splits).
func leafText(p layout.Page, n *layout.Node) string {
	var b strings.Builder
	var lastY float64
	for k, i := range n.Items {
		r, ok := p.Items[i].(layout.TextRun)
		if !ok || r.Text == "" {
			continue
		}
		if k > 0 && b.Len() > 0 && r.At.Y != lastY && needsSpace(b.String(), r.Text) {
			b.WriteByte(' ')
		}
		b.WriteString(r.Text)
		lastY = r.At.Y
	}
	return b.String()
}

// needsSpace reports whether a line break between before and after stood
// for a space: both sides Latin letters, digits or ASCII punctuation.
func needsSpace(before, after string) bool {
	a, c := before[len(before)-1], after[0]
	return a < 0x80 && a != ' ' && c < 0x80 && c != ' '
}
