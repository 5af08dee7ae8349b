package content

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes as the deck file: the loader must answer
// with a deck or diagnostics, never a panic, and every diagnostic names a
// place in a file.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{"title: t\nslides:\n  - title: x\n", "title: [", "slides: {a: 1}", "- - -", "title: t\nslides:\n  - blocks:\n      - chart: {rows: [[a, b], [x, 1]]}\n",
		"title: t\nslides:\n  - blocks:\n      - columns: [{blocks: [{paragraph: a}]}, {blocks: []}]\n", "&a [*a]", "title: !!binary aGk=\nslides: []\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, diags := Load(fstest.MapFS{"deck.yaml": {Data: data}}, "deck.yaml", "")
		for _, d := range diags {
			if d.Pos.File == "" || d.Message == "" {
				t.Fatalf("diagnostic without a place or message: %+v", d)
			}
		}
	})
}

// FuzzCSV feeds arbitrary bytes as a chart's and a table's data file.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{"年,值\n2021,394\n", "a,b\n1\n", "\ufeffa,\"b\nc\",d\n1,2,3\n", "x\n", "", "a,b\n1,NaN\n2,-1e308\n3,77.2%\n"} {
		f.Add([]byte(s))
	}
	deckFile := []byte("title: t\nslides:\n  - title: x\n    blocks:\n      - chart: {data: d.csv, stacked: true}\n      - table: {data: d.csv}\n      - stats: {data: d.csv}\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _ := Load(fstest.MapFS{"deck.yaml": {Data: deckFile}, "d.csv": {Data: data}}, "deck.yaml", "")
		if d == nil {
			t.Fatal("the deck file itself is valid")
		}
	})
}
