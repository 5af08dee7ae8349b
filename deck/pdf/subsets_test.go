package pdf

import (
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func TestSubsetFontsKeepTheRunesEachFaceDraws(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	run := func(f *fonts.Face, text string, hidden bool) layout.TextRun {
		return layout.TextRun{Face: f, Size: 10, Text: text, Hidden: hidden}
	}
	pages := []layout.Page{
		{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{run(set.Regular, "云A", false), layout.Box{}}},
		{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{run(set.Bold, "金", false), run(set.Regular, "28.6%", true)}},
	}
	subsets, err := subsetFonts(pages, set)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		face       *fonts.Face
		has, lacks string
	}{
		{"the regular face keeps the runes of every page, hidden ones too", set.Regular, "云A28.6%", "金B"},
		{"the bold face keeps its own runes only", set.Bold, "金", "云A2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRunes(t, subsets[tt.face].data, []rune(tt.has), []rune(tt.lacks)) })
	}
	if len(subsets) != 2 {
		t.Errorf("%d subsets, want one for each face of the set", len(subsets))
	}
}

func TestSubsetFontsHaveTheHalfWidthFormsDrawn(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	pages := []layout.Page{{Size: deck.Size{W: 100, H: 100}, Items: []layout.Item{
		layout.TextRun{Face: set.Regular, Size: 10, Text: "市场：", Half: true},
		layout.TextRun{Face: set.Regular, Size: 10, Text: "（1）", Half: true},
		layout.TextRun{Face: set.Regular, Size: 10, Text: "。"},
		layout.TextRun{Face: set.Bold, Size: 10, Text: "甲）"},
	}}}
	subsets, err := subsetFonts(pages, set)
	if err != nil {
		t.Fatal(err)
	}
	form := func(r rune) rune { c, _ := fonts.HalfWidth(r); return c }
	tests := []struct {
		name       string
		face       *fonts.Face
		has, lacks []rune
	}{
		{"the regular face has the forms of the marks its runs end in, not the full marks", set.Regular,
			[]rune{'市', '（', '。', form('：'), form('）')}, []rune{'：', form('（'), form('。')}},
		{"the bold face, whose run is not half, has no form", set.Bold,
			[]rune{'甲', '）'}, []rune{form('）')}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRunes(t, subsets[tt.face].data, tt.has, tt.lacks) })
	}
	got, code := drawnText(pages[0].Items[1].(layout.TextRun))
	if want := "（1" + string(form('）')); got != want || code != form('）') {
		t.Errorf("drawnText = %q, U+%04X, want %q, U+%04X", got, code, want, form('）'))
	}
}

// checkRunes checks that the font data maps every rune of has and none of
// lacks.
func checkRunes(t *testing.T, data []byte, has, lacks []rune) {
	t.Helper()
	sub, err := fonts.Parse("subset", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range has {
		if !sub.Has(r) {
			t.Errorf("the subset lacks %q (U+%04X)", r, r)
		}
	}
	for _, r := range lacks {
		if sub.Has(r) {
			t.Errorf("the subset has %q (U+%04X), which the face does not draw", r, r)
		}
	}
}
