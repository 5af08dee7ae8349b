package content

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/picture"
)

// pictureFile reads a picture ImageMagick made, of those deck/pdf's tests
// draw and compare (see deck/pdf/testdata/pictures/make.sh).
func pictureFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../deck/pdf/testdata/pictures", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pictureDeck is a deck of one slide showing the picture pics/name, with
// the theme's logo pics/logo.png.
func pictureDeck(t *testing.T, name string, data []byte) fstest.MapFS {
	t.Helper()
	return fstest.MapFS{
		"deck.yaml":     {Data: []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: x\n    blocks:\n      - image: pics/" + name + "\n")},
		"theme.yaml":    {Data: []byte("logo: pics/logo.png\n")},
		"pics/" + name:  {Data: data},
		"pics/logo.png": {Data: pictureFile(t, "rgba16.png")},
	}
}

func TestPicturesAreCarriedAsBothEnginesDrawThem(t *testing.T) {
	tests := []struct {
		name, file  string
		format      string
		pixels      [2]int
		depth, kind byte // of a PNG's header
	}{
		{"a 16-bit RGBA PNG is carried with 8 bits a channel", "rgba16.png", "png", [2]int{64, 48}, 8, 6},
		{"an interlaced PNG is carried not interlaced", "interlaced.png", "png", [2]int{64, 48}, 8, 6},
		{"an 8-bit RGB PNG is carried as it is", "rgb8.png", "png", [2]int{64, 48}, 8, 2},
		{"a JPEG stored turned a quarter is carried upright, its sides swapped", "exif6.jpg", "jpeg", [2]int{64, 48}, 0, 0},
		{"a CMYK JPEG is carried as a JPEG", "cmyk.jpg", "jpeg", [2]int{64, 48}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := pictureFile(t, tt.file)
			d, diags := Load(pictureDeck(t, tt.file, data), DeckFile, "")
			if diags.HasErrors() { // the picture has no alt: a warning
				t.Fatalf("diagnostics:\n%s", diags)
			}
			want, err := picture.Normalize(data)
			if err != nil {
				t.Fatal(err)
			}
			p := d.Slides[0].Blocks[0].(*deck.Picture)
			if !bytes.Equal(p.File.Data, want.Data) {
				t.Errorf("the picture carried is not the one picture.Normalize makes")
			}
			if want.Converted == "" && !bytes.Equal(p.File.Data, data) {
				t.Errorf("a picture both engines take is not carried as it is")
			}
			if p.Format != tt.format || p.Pixels != tt.pixels || p.Aspect != float64(tt.pixels[0])/float64(tt.pixels[1]) {
				t.Errorf("format %s, %v pixels, aspect %g; want %s, %v", p.Format, p.Pixels, p.Aspect, tt.format, tt.pixels)
			}
			if tt.format == "png" && (p.File.Data[24] != tt.depth || p.File.Data[25] != tt.kind || p.File.Data[28] != 0) {
				t.Errorf("the PNG carried is of depth %d, colour type %d, interlace %d; want %d, %d, 0",
					p.File.Data[24], p.File.Data[25], p.File.Data[28], tt.depth, tt.kind)
			}
			if logo := d.Theme.Logo.Data; len(logo) < 25 || logo[24] != 8 {
				t.Errorf("the theme's 16-bit logo is not carried with 8 bits a channel")
			}
		})
	}
}

func TestAPictureThatCannotBeReadIsAnErrorAtItsPlace(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a PNG cut short", pictureFile(t, "damaged.png"),
			"deck.yaml:6:16: error: image \"pics/a.png\" is a damaged PNG file (png: invalid format: not enough pixel data)\n"},
		{"a GIF", []byte("GIF89a"),
			"deck.yaml:6:16: error: image \"pics/a.png\" is not a PNG or JPEG file\n"},
		{"a picture of 60 million pixels", pngHeader(10000, 6000),
			"deck.yaml:6:16: error: image \"pics/a.png\" is 10000×6000 pixels; deck takes pictures of 1 to 50 million pixels\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(pictureDeck(t, "a.png", tt.data), DeckFile, "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// pngHeader returns the start of an 8-bit RGB PNG of w×h pixels: its
// signature and header, no pixels.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	out := binary.BigEndian.AppendUint32([]byte("\x89PNG\r\n\x1a\n"), 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}
