package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
)

// BenchmarkLayoutShrinking lays out 60 slides whose bodies are too long
// at body size, each by a different amount, so that each shrinks to a
// different size between the body size and the minimum: the fitting of
// issue 17, where each step down laid the slide out again.
func BenchmarkLayoutShrinking(b *testing.B) {
	const sentence = "云计算作为底层基础类技术，可以整合算力与网络资源，为上层应用提供稳定支撑。"
	var src strings.Builder
	src.WriteString("title: t\nslides:\n")
	for i := range 60 {
		fmt.Fprintf(&src, "  - id: s%d\n    title: 标题\n    blocks:\n      - paragraph: %s\n      - list:\n          items: [%s, %s]\n",
			i, strings.Repeat(sentence, 40+i%20), sentence, sentence)
	}
	d, diags := content.Load(mapFS("deck.yaml", src.String()), "deck.yaml", "")
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	set := defaultFonts(b)
	b.ResetTimer()
	for b.Loop() {
		if _, diags := layout.Layout(d, set); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
