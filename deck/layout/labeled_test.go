package layout_test

import (
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestLabelsTakeTheirLongestWord lays out labeled blocks whose labels are
// English words, longer than the two characters a line a Chinese label
// gets: each word is set whole on one line, and the label cells of a
// slide are one width, the widest word's. Chinese labels keep the two
// characters a line.
func TestLabelsTakeTheirLongestWord(t *testing.T) {
	src := `title: t
slides:
  - id: en
    title: English labels
    blocks:
      - labeled: {label: Summary, text: The market grew by a quarter.}
      - labeled: {label: Key, text: Banks moved first.}
  - id: zh
    title: 中文标签
    blocks:
      - labeled: {label: 趋势洞察, text: 金融机构上云。}
`
	d, pages := layOut(t, "deck.yaml", src)
	primary := d.Theme.Colors.Primary
	cells := func(p layout.Page) []layout.Rect {
		var out []layout.Rect
		for _, it := range p.Items {
			if b, ok := it.(layout.Box); ok && b.Fill == primary && b.Rect.H > 20 {
				out = append(out, b.Rect)
			}
		}
		return out
	}
	words := map[string]bool{}
	var wordW float64
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok && (r.Text == "Summary" || r.Text == "Key") {
			words[r.Text] = true
			wordW = max(wordW, r.Width())
		}
	}
	if !words["Summary"] || !words["Key"] {
		t.Fatalf("the labels are not set whole on one line each: found %v", words)
	}
	en := cells(pages[0])
	if len(en) != 2 || en[0].W != en[1].W || en[0].W <= wordW {
		t.Errorf("label cells %v: want two of one width, wider than Summary (%.2f)", en, wordW)
	}
	zh := cells(pages[1])
	if len(zh) != 1 || zh[0].W >= en[0].W {
		t.Errorf("the Chinese label cell %v, want one narrower than the English ones (%v)", zh, en)
	}
}
