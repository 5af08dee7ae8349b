package layout_test

import (
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func TestRunesListsEachFacesRunesOnceInOrder(t *testing.T) {
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	reg, bold := set.Regular, set.Bold
	page := func(items ...layout.Item) layout.Page { return layout.Page{Items: items} }
	for _, c := range []struct {
		name  string
		pages []layout.Page
		want  map[*fonts.Face][]rune
	}{
		{"pages without text use no face", []layout.Page{page(layout.Box{})}, map[*fonts.Face][]rune{}},
		{"a run's runes are sorted and listed once", []layout.Page{page(layout.TextRun{Face: reg, Text: "云计算云 2021"})},
			map[*fonts.Face][]rune{reg: []rune(" 012云算计")}},
		{"each face has its own runes, over all pages", []layout.Page{
			page(layout.TextRun{Face: reg, Text: "甲"}, layout.TextRun{Face: bold, Text: "乙"}),
			page(layout.TextRun{Face: reg, Text: "丙甲"})},
			map[*fonts.Face][]rune{reg: []rune("丙甲"), bold: []rune("乙")}},
		{"hidden text counts", []layout.Page{page(layout.TextRun{Face: reg, Text: "图", Hidden: true})},
			map[*fonts.Face][]rune{reg: []rune("图")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := layout.Runes(c.pages)
			if len(got) != len(c.want) {
				t.Fatalf("%d faces, want %d", len(got), len(c.want))
			}
			for f, want := range c.want {
				if !slices.Equal(got[f], want) {
					t.Errorf("%s: %q, want %q", f.Name(), string(got[f]), string(want))
				}
			}
		})
	}
}
