package content

import (
	"testing"

	"github.com/deckpdf/deck/deck"
)

// TestForcedLineBreaks: <br> forces a line break in a title, paragraph or
// cell; a line break in the YAML between Chinese characters is still no
// break and no space.
func TestForcedLineBreaks(t *testing.T) {
	src := "title: t\nslides:\n  - title: 中国金融云行业<br>发展分析\n    subtitle: 副标题 <BR/> 第二行\n    blocks:\n" +
		"      - paragraph: |\n          第一行\n          接着写。<br />换行。\n" +
		"      - table:\n          rows:\n            - [项, 说明]\n            - [甲, 一<br>二]\n"
	d, diags := Load(files("deck.yaml", src), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	s := d.Slides[0]
	for _, tt := range []struct{ what, got, want string }{
		{"a title", s.Title.Plain(), "中国金融云行业\n发展分析"},
		{"a subtitle, the spaces around <BR/> dropped", s.Subtitle.Plain(), "副标题\n第二行"},
		{"a paragraph, whose YAML line break between Chinese characters is no break", paragraphText(t, s.Blocks[0]), "第一行接着写。\n换行。"},
		{"a table cell", tableCell(t, s.Blocks[1], 0, 1), "一\n二"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.what, tt.got, tt.want)
		}
	}
}

func paragraphText(t *testing.T, b deck.Block) string {
	t.Helper()
	p, ok := b.(*deck.Paragraph)
	if !ok {
		t.Fatalf("block is %T, want a paragraph", b)
	}
	return p.Text.Plain()
}

func tableCell(t *testing.T, b deck.Block, row, col int) string {
	t.Helper()
	tb, ok := b.(*deck.Table)
	if !ok || len(tb.Groups) == 0 || len(tb.Groups[0].Rows) <= row {
		t.Fatalf("block is %T, want a table with row %d", b, row)
	}
	return tb.Groups[0].Rows[row][col].Plain()
}
