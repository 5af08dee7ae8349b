package mail_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/mail"
	"github.com/deckpdf/deck/deck/render"
)

// build lays out a deck written as YAML.
func build(t *testing.T, yaml string) *render.Document {
	t.Helper()
	doc, err := render.Build(context.Background(), render.FS(fstest.MapFS{"deck.yaml": {Data: []byte(yaml)}}, "deck.yaml"), render.Options{})
	if err != nil || !doc.OK() {
		t.Fatalf("deck: %v\n%s", err, doc.Result.Diagnostics)
	}
	return doc
}

// TestSummarySlide: the summary is the slide named one, else the first
// content slide.
func TestSummarySlide(t *testing.T) {
	slide := func(layout deck.Layout, id, title string) deck.Slide {
		return deck.Slide{Layout: layout, ID: id, Title: deck.Text{Spans: []deck.Span{{Text: title}}}}
	}
	for _, tc := range []struct {
		name   string
		slides []deck.Slide
		want   int
	}{
		{"a slide titled 摘要 after a contents slide is the summary",
			[]deck.Slide{slide(deck.LayoutCover, "", "报告"), slide(deck.LayoutContent, "", "目录"), slide(deck.LayoutContent, "", "摘要")}, 2},
		{"a slide whose id is summary is the summary",
			[]deck.Slide{slide(deck.LayoutContent, "", "背景"), slide(deck.LayoutContent, "summary", "本期要点一览")}, 1},
		{"an English title names a summary in any case",
			[]deck.Slide{slide(deck.LayoutContent, "", "Agenda"), slide(deck.LayoutContent, "", "Executive Summary")}, 1},
		{"without a named one the first content slide after the cover is the summary",
			[]deck.Slide{slide(deck.LayoutCover, "", "报告"), slide(deck.LayoutContent, "", "市场规模"), slide(deck.LayoutContent, "", "竞争格局")}, 1},
		{"a closing slide named 总结 is no summary",
			[]deck.Slide{slide(deck.LayoutCover, "", "报告"), slide(deck.LayoutClosing, "", "总结")}, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mail.SummarySlide(&deck.Deck{Slides: tc.slides}); got != tc.want {
				t.Errorf("slide %d, want %d", got, tc.want)
			}
		})
	}
}

// TestTheDefaultDecksSummary: the built-in report's summary is its
// second slide, 摘要, read as written: the labels and paragraphs in
// order, lines joined without the breaks layout made, and no source line.
func TestTheDefaultDecksSummary(t *testing.T) {
	doc, err := render.Build(context.Background(), render.Builtin(), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := mail.SummaryOf(doc.Deck, doc.Pages)
	all := strings.Join(texts(s.Paragraphs), "\n")
	if s.Title != "摘要" || len(s.Paragraphs) != 10 {
		t.Fatalf("summary %q with %d paragraphs:\n%s", s.Title, len(s.Paragraphs), all)
	}
	var labels []string
	for _, p := range s.Paragraphs {
		if p.Heading {
			labels = append(labels, p.Text)
		}
	}
	if want := []string{"趋势洞察", "市场规模", "发展背景", "竞争格局"}; !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	for _, want := range []string{"2021年中国金融云市场规模达到394亿元，预计未来4年复合增长率为28.6%，2025年我国金融云市场规模将有望突破千亿。", "“云厂商+IT服务商”成为典型服务组合。"} {
		if !strings.Contains(all, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	if strings.Contains(all, "来源") || strings.Contains(all, "艾瑞咨询研究院自主研究绘制") {
		t.Error("the summary holds the source line")
	}
}

// TestSummaryTextIsTheTextWritten: a paragraph that layout breaks into
// many lines reads back as written: a space where a line broke between
// Latin words, none between Chinese characters; a list's items each a
// paragraph after their marker.
func TestSummaryTextIsTheTextWritten(t *testing.T) {
	english := strings.Repeat("Revenue grew in every region while costs fell, so margins widened again. ", 6)
	chinese := strings.Repeat("金融机构上云进程不断加速，云原生成为重要战略技术趋势。", 8)
	doc := build(t, `title: T
slides:
  - title: Summary
    blocks:
      - paragraph: "`+english+`"
      - paragraph: "`+chinese+`"
      - list: {items: [第一项, second item]}
`)
	got := texts(mail.SummaryOf(doc.Deck, doc.Pages).Paragraphs)
	want := []string{strings.TrimSpace(english), chinese, "• 第一项", "• second item"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs\n%q\nwant\n%q", got, want)
	}
	lines := 0 // the runs of the English paragraph: the test means nothing unless it broke
	for _, it := range doc.Pages[0].Items {
		if r, ok := it.(layout.TextRun); ok && strings.Contains(english, strings.TrimSpace(r.Text)) {
			lines++
		}
	}
	if lines < 3 {
		t.Errorf("the English paragraph took %d lines, want several", lines)
	}
}

// texts returns the paragraphs' texts.
func texts(ps []mail.Paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}
