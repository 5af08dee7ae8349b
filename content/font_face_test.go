package content

import (
	"testing"

	"github.com/deckpdf/deck/deck"
)

func TestAThemeFontTakesAFaceOfACollection(t *testing.T) {
	const deckFile = "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n"
	tests := []struct {
		name          string
		theme         string
		regular, bold deck.FontFace
		boldPath      string
		want          string
	}{
		{"a file name takes the first face", "fonts: {regular: f.ttc}\n",
			deck.FontFace{}, deck.FontFace{}, "f.ttc", ""},
		{"an index takes that face, for bold too when bold is not given", "fonts: {regular: {file: f.ttc, index: 1}}\n",
			deck.FontFace{Index: 1}, deck.FontFace{Index: 1}, "f.ttc", ""},
		{"a name takes the face of that name", "fonts: {regular: {file: f.ttc, name: Microsoft YaHei}, bold: {file: f.ttc, index: 1}}\n",
			deck.FontFace{Name: "Microsoft YaHei"}, deck.FontFace{Index: 1}, "f.ttc", ""},
		{"index and name together are refused", "fonts: {regular: {file: f.ttc, index: 1, name: X}}\n",
			deck.FontFace{Index: 1, Name: "X"}, deck.FontFace{Index: 1, Name: "X"}, "f.ttc",
			"theme.yaml:1:48: error: a font is taken by index or by name, not both\n"},
		{"a fractional index is refused", "fonts: {regular: {file: f.ttc, index: 1.5}}\n",
			deck.FontFace{Index: 1}, deck.FontFace{Index: 1}, "f.ttc",
			"theme.yaml:1:39: error: font index must be a whole number, not 1.5\n"},
		{"a mapping without a file is refused", "fonts: {regular: {index: 1}}\n",
			deck.FontFace{}, deck.FontFace{}, "",
			"theme.yaml:1:18: error: font needs \"file\"\n"},
		{"an unknown key is refused", "fonts: {regular: {file: f.ttc, face: 1}}\n",
			deck.FontFace{}, deck.FontFace{}, "f.ttc",
			"theme.yaml:1:32: error: unknown key \"face\" in font (did you mean \"file\"?)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := Load(files("deck.yaml", deckFile, "theme.yaml", tt.theme, "f.ttc", "ttcf"), "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if d == nil {
				return
			}
			f := d.Theme.Fonts
			if f.RegularFace != tt.regular || f.BoldFace != tt.bold || f.Bold.Path != tt.boldPath {
				t.Errorf("faces %+v and %+v of %q, want %+v and %+v of %q", f.RegularFace, f.BoldFace, f.Bold.Path, tt.regular, tt.bold, tt.boldPath)
			}
		})
	}
}
