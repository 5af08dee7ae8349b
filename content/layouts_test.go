package content

import (
	"testing"

	"github.com/deckpdf/deck/deck"
)

// TestLayoutDiagnostics: what the layouts beyond the report's need is
// checked where it is written, each problem one whole message.
func TestLayoutDiagnostics(t *testing.T) {
	const head = "title: t\nslides:\n  - id: a\n    title: 标题\n"
	for _, tt := range []struct{ name, deck, want string }{
		{"a link to a slide that is not there names the nearest id", head + "    blocks:\n      - link: {text: 回, url: \"#summry\"}\n  - id: summary\n    title: 二\n",
			"deck.yaml:6:30: error: link \"#summry\" names no slide of the deck: no slide has the id \"summry\" (did you mean \"summary\"?)\n"},
		{"a link to a slide that is there is fine", head + "    blocks:\n      - link: {text: 回, url: \"#a\"}\n", ""},
		{"a marker without its footnote is an error at its text", head + "    blocks:\n      - paragraph: 规模[^2]。\n    footnotes: [注一]\n",
			"deck.yaml:6:20: error: footnote marker [^2] has no note: the slide has 1 footnotes\n" +
				"deck.yaml:7:17: warning: footnote 1 has no marker [^1] in the slide's text\n"},
		{"footnotes on a quotation", "title: t\nslides:\n  - layout: quote\n    title: 引文[^1]\n    footnotes: [注]\n",
			"deck.yaml:5:16: error: a quote slide has no foot for footnotes: put them on a content slide\n"},
		{"an agenda with blocks", "title: t\nslides:\n  - layout: agenda\n    title: 目录\n    blocks:\n      - paragraph: 文字\n",
			"deck.yaml:6:7: error: an agenda slide lists the deck's sections or slides itself: it takes no blocks\n"},
		{"a big-number slide without its figure", "title: t\nslides:\n  - layout: big-number\n    title: 增速\n",
			"deck.yaml:3:5: error: a big-number slide needs \"figure\": the number it shows\n"},
		{"a figure on a content slide", head + "    figure: 1%\n",
			"deck.yaml:5:13: error: \"figure\" is for a big-number slide; this slide's layout is content\n"},
		{"a picture slide whose first block is text", "title: t\nslides:\n  - layout: picture-right\n    title: 图\n    blocks:\n      - paragraph: 文字\n",
			"deck.yaml:3:5: error: a picture-right slide needs a picture or a chart as its first block\n"},
		{"weights of three numbers", "title: t\nslides:\n  - layout: picture-left\n    title: 图\n    weights: [1, 2, 3]\n    blocks:\n      - chart: {id: c, type: bar, rows: [[a, b], [x, 1]]}\n",
			"deck.yaml:5:14: error: weights must be a list of two numbers: the picture's share of the width, then the text's\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(files("deck.yaml", tt.deck), "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestFootnoteMarkersAreRaisedSpans: [^n] becomes a raised span holding
// n, in the weight of the text around it; other brackets stay as written.
func TestFootnoteMarkersAreRaisedSpans(t *testing.T) {
	got := parseText(deck.Pos{}, "**规模[^1]**达到[^12]，见[注]与[^0]").Spans
	want := []deck.Span{{Text: "规模", Bold: true}, {Text: "1", Bold: true, Raised: true}, {Text: "达到"}, {Text: "12", Raised: true}, {Text: "，见[注]与[^0]"}}
	if len(got) != len(want) {
		t.Fatalf("spans %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d is %+v; want %+v", i, got[i], want[i])
		}
	}
}
