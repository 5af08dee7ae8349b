package content

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/picture"
)

// countingFS counts the times each file is opened.
type countingFS struct {
	fs.FS
	opens map[string]int
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.FS.Open(name)
}

// imagesDeck is a deck of one slide for each path, each slide showing the
// picture at that path; theme.yaml is its theme when theme is not empty.
func imagesDeck(theme string, paths ...string) string {
	var b strings.Builder
	b.WriteString("title: t\n")
	if theme != "" {
		b.WriteString("theme: theme.yaml\n")
	}
	b.WriteString("slides:\n")
	for _, p := range paths {
		b.WriteString("  - title: x\n    blocks:\n      - image: " + p + "\n")
	}
	return b.String()
}

// loadCounting loads a deck through a countingFS, and returns the deck,
// its diagnostics, how often each file was opened and how many picture
// files were checked.
func loadCounting(fsys fstest.MapFS) (*deck.Deck, deck.Diagnostics, map[string]int, int) {
	c := countingFS{FS: fsys, opens: map[string]int{}}
	l := &loader{fsys: c, name: DeckFile}
	d := l.deck()
	return d, l.diags.Sorted(), c.opens, l.checks
}

func TestAPictureShownManyTimesIsReadAndCheckedOnce(t *testing.T) {
	photo := pictureFile(t, "rgba16.png") // converted: a check that does work
	want, err := picture.Normalize(photo)
	if err != nil {
		t.Fatal(err)
	}
	// The opens of one reference, the most any number of them may cost.
	_, _, once, _ := loadCounting(fstest.MapFS{
		"deck.yaml":  {Data: []byte(imagesDeck("", "pics/a.png"))},
		"pics/a.png": {Data: photo},
	})
	tests := []struct {
		name     string
		deck     string
		theme    string
		pictures int // image blocks
	}{
		{"a picture on 60 slides is read and checked once, and every slide carries it",
			imagesDeck("", strings.Split(strings.Repeat("pics/a.png ", 60), " ")[:60]...), "", 60},
		{"a picture named two ways is read and checked once",
			imagesDeck("", "pics/a.png", "pics/./a.png", "pics/../pics/a.png"), "", 3},
		{"a picture that is also the theme's logo is read and checked once",
			imagesDeck("theme.yaml", "pics/a.png", "pics/a.png"), "logo: pics/a.png\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"deck.yaml":  {Data: []byte(tt.deck)},
				"pics/a.png": {Data: photo},
			}
			if tt.theme != "" {
				fsys["theme.yaml"] = &fstest.MapFile{Data: []byte(tt.theme)}
			}
			d, diags, opens, checks := loadCounting(fsys)
			if diags.HasErrors() {
				t.Fatalf("diagnostics:\n%s", diags)
			}
			if checks != 1 || opens["pics/a.png"] != once["pics/a.png"] {
				t.Errorf("the picture was checked %d times and opened %d times; want once, and %d opens as for one reference",
					checks, opens["pics/a.png"], once["pics/a.png"])
			}
			n := 0
			for _, s := range d.Slides {
				p := s.Blocks[0].(*deck.Picture)
				if !bytes.Equal(p.File.Data, want.Data) || p.Pixels != [2]int{want.Width, want.Height} {
					t.Errorf("%s: the slide does not carry the picture picture.Normalize makes", p.Pos)
				}
				n++
			}
			if n != tt.pictures {
				t.Errorf("%d pictures, want %d", n, tt.pictures)
			}
			if tt.theme != "" && !bytes.Equal(d.Theme.Logo.Data, want.Data) {
				t.Errorf("the logo is not the picture picture.Normalize makes")
			}
		})
	}
}

func TestAPictureShownTwiceIsReportedAtBothPlaces(t *testing.T) {
	tests := []struct {
		name  string
		deck  string
		theme string
		file  []byte // pics/a.png; none when nil
		want  string
	}{
		{"a damaged picture is an error at each block that shows it",
			imagesDeck("", "pics/a.png", "pics/./a.png"), "", pictureFile(t, "damaged.png"),
			"deck.yaml:5:16: error: image \"pics/a.png\" is a damaged PNG file (png: invalid format: not enough pixel data)\n" +
				"deck.yaml:8:16: error: image \"pics/./a.png\" is a damaged PNG file (png: invalid format: not enough pixel data)\n"},
		{"a missing picture is an error at each block that names it",
			imagesDeck("", "pics/b.png", "pics/b.png"), "", nil,
			"deck.yaml:5:16: error: image \"pics/b.png\" does not exist\n" +
				"deck.yaml:8:16: error: image \"pics/b.png\" does not exist\n"},
		{"a picture too large is an error at the logo and at the block",
			imagesDeck("theme.yaml", "pics/a.png"), "logo: pics/a.png\n", pngHeader(10000, 6000),
			"deck.yaml:6:16: error: image \"pics/a.png\" is 10000×6000 pixels; deck takes pictures of 1 to 50 million pixels\n" +
				"theme.yaml:1:7: error: logo \"pics/a.png\" is 10000×6000 pixels; deck takes pictures of 1 to 50 million pixels\n"},
		{"a JPEG that is an image and the logo is refused as the logo only",
			imagesDeck("theme.yaml", "pics/a.png"), "logo: pics/a.png\n", pictureFile(t, "baseline.jpg"),
			"deck.yaml:6:9: warning: image \"pics/a.png\" has no alt text: a screen reader cannot say what it shows; write it as {path: pics/a.png, alt: what the picture shows}\n" +
				"theme.yaml:1:7: error: logo \"pics/a.png\" is not a PNG file: a logo is a PNG, which keeps a transparent background; convert a JPEG or SVG to PNG\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"deck.yaml": {Data: []byte(tt.deck)}}
			if tt.file != nil {
				fsys["pics/a.png"] = &fstest.MapFile{Data: tt.file}
			}
			if tt.theme != "" {
				fsys["theme.yaml"] = &fstest.MapFile{Data: []byte(tt.theme)}
			}
			_, diags, _, checks := loadCounting(fsys)
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if checks > 1 {
				t.Errorf("the picture was checked %d times, want at most once", checks)
			}
		})
	}
}
