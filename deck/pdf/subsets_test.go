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
		t.Run(tt.name, func(t *testing.T) {
			sub, err := fonts.Parse("subset", subsets[tt.face])
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tt.has {
				if !sub.Has(r) {
					t.Errorf("the subset lacks %q", r)
				}
			}
			for _, r := range tt.lacks {
				if sub.Has(r) {
					t.Errorf("the subset has %q, which the face does not draw", r)
				}
			}
		})
	}
	if len(subsets) != 2 {
		t.Errorf("%d subsets, want one for each face of the set", len(subsets))
	}
}
