package content

import (
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck"
)

// TestAPictureSaysWhatItShows: an image block's alt: is the picture's
// Alt, the text a screen reader says instead of it; a picture without
// one is warned about at its block, and one that cannot be read only
// gets its error.
func TestAPictureSaysWhatItShows(t *testing.T) {
	png := pictureFile(t, "rgb8.png")
	tests := []struct {
		name, block string
		files       fstest.MapFS
		alt, want   string
	}{
		{"alt: is carried as written, without the spaces around it", "{path: a.png, alt: \" 2021年营业收入构成 \", height: 90}",
			fstest.MapFS{"a.png": {Data: png}}, "2021年营业收入构成", ""},
		{"a picture given by its path alone is warned about at its block", "a.png",
			fstest.MapFS{"a.png": {Data: png}}, "",
			"deck.yaml:5:9: warning: image \"a.png\" has no alt text: a screen reader cannot say what it shows; write it as {path: a.png, alt: what the picture shows}\n"},
		{"an empty alt: is no alt", "{path: a.png, alt: \"\"}",
			fstest.MapFS{"a.png": {Data: png}}, "",
			"deck.yaml:5:9: warning: image \"a.png\" has no alt text: a screen reader cannot say what it shows; write it as {path: a.png, alt: what the picture shows}\n"},
		{"a picture that does not exist gets its error alone", "{path: b.png}",
			fstest.MapFS{}, "",
			"deck.yaml:5:23: error: image \"b.png\" does not exist\n"},
		{"an alt: that is not text is an error, and no warning besides", "{path: a.png, alt: [a, b]}",
			fstest.MapFS{"a.png": {Data: png}}, "",
			"deck.yaml:5:35: error: alt must be text, not a list\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := tt.files
			fsys["deck.yaml"] = &fstest.MapFile{Data: []byte("title: t\nslides:\n  - title: x\n    blocks:\n      - image: " + tt.block + "\n")}
			d, diags := Load(fsys, DeckFile, "")
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.want)
			}
			if d == nil || tt.want != "" && diags.HasErrors() {
				return
			}
			if p := d.Slides[0].Blocks[0].(*deck.Picture); p.Alt != tt.alt {
				t.Errorf("alt %q, want %q", p.Alt, tt.alt)
			}
		})
	}
}
