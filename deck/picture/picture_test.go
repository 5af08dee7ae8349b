package picture

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// fixture reads a picture ImageMagick made (deck/pdf/testdata/pictures,
// where the tests of deck/pdf draw each through both engines).
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../pdf/testdata/pictures", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestNormalizeConvertsWhatAnEngineCannotTake(t *testing.T) {
	tests := []struct {
		file      string
		converted string
		format    Format
	}{
		{"rgba8.png", "", PNG},
		{"rgb8.png", "", PNG},
		{"grey8.png", "", PNG},
		{"palette.png", "", PNG},
		{"rgba16.png", "a 16-bit PNG", PNG},
		{"rgb16.png", "a 16-bit PNG", PNG},
		{"grey16.png", "a 16-bit PNG", PNG},
		{"greyalpha16.png", "a 16-bit PNG", PNG},
		{"greyalpha8.png", "a grey PNG with alpha", PNG},
		{"interlaced.png", "an interlaced PNG", PNG},
		{"interlaced16.png", "a 16-bit PNG", PNG},
		{"palette-trns.png", "a PNG with a transparent colour (tRNS)", PNG},
		{"baseline.jpg", "", JPEG},
		{"progressive.jpg", "", JPEG},
		{"grey.jpg", "", JPEG},
		{"cmyk.jpg", "a CMYK JPEG", JPEG},
		{"exif3.jpg", "a JPEG of Exif orientation 3", JPEG},
		{"exif6.jpg", "a JPEG of Exif orientation 6", JPEG},
	}
	for _, tt := range tests {
		name := tt.file + " is taken as it is"
		if tt.converted != "" {
			name = tt.file + " is converted as " + tt.converted
		}
		t.Run(name, func(t *testing.T) {
			data := fixture(t, tt.file)
			p, err := Normalize(data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Converted != tt.converted || p.Format != tt.format || p.Width != 64 || p.Height != 48 {
				t.Errorf("converted %q, %v, %d×%d; want %q, %v, 64×48", p.Converted, p.Format, p.Width, p.Height, tt.converted, tt.format)
			}
			if tt.converted == "" && !bytes.Equal(p.Data, data) {
				t.Errorf("the file was changed")
			}
			// Whatever comes out is taken as it is: normalising is
			// idempotent.
			again, err := Normalize(p.Data)
			if err != nil || again.Converted != "" || !bytes.Equal(again.Data, p.Data) {
				t.Errorf("normalised again: converted %q, %v", again.Converted, err)
			}
			if p.Format == PNG && (p.Data[24] != 8 || p.Data[25] == 4 || p.Data[28] != 0) {
				t.Errorf("a PNG of depth %d, colour type %d, interlace %d", p.Data[24], p.Data[25], p.Data[28])
			}
		})
	}
}

func TestConvertedPNGsKeepTheirColoursAndTransparency(t *testing.T) {
	want, err := png.Decode(bytes.NewReader(fixture(t, "source.png")))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"rgba16.png", "interlaced.png", "interlaced16.png"} {
		t.Run(file+" has every pixel of source.png", func(t *testing.T) {
			p, err := Normalize(fixture(t, file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(p.Data))
			if err != nil {
				t.Fatal(err)
			}
			for y := range 48 {
				for x := range 64 {
					a := color.NRGBAModel.Convert(got.At(x, y))
					b := color.NRGBAModel.Convert(want.At(x, y))
					if a != b {
						t.Fatalf("pixel (%d, %d) is %v, want %v", x, y, a, b)
					}
				}
			}
		})
	}
}

func TestAFileThatIsNoPictureIsAnError(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a GIF", []byte("GIF89a\x01\x00\x01\x00"), "picture: the file is not a PNG or JPEG file"},
		{"a PNG cut short", fixture(t, "damaged.png"), "picture: the file is a damaged PNG file (png: invalid format: not enough pixel data)"},
		{"a JPEG cut short", fixture(t, "baseline.jpg")[:700], "picture: the file is a damaged JPEG file (invalid JPEG format: short Huffman data)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Normalize(tt.data)
			var pe *Error
			if err == nil || err.Error() != tt.want || !errors.As(err, &pe) {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

// exifJPEG returns a JPEG of a 3×2 picture whose pixels are numbered 1 to
// 6, row by row, in grey, with an Exif block of orientation o written in
// the byte order bo ("II" or "MM").
func exifJPEG(t *testing.T, o int, bo string) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 3, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(40 * (i + 1))
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	return withExif(b.Bytes(), exifBlock(o, bo))
}

// exifBlock returns the body of an APP1 Exif block with one entry, the
// orientation.
func exifBlock(o int, bo string) []byte {
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	tiff[18] = byte(o)
	if bo == "MM" {
		tiff = []byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
		tiff[19] = byte(o)
	}
	return append([]byte("Exif\x00\x00"), tiff...)
}

// withExif puts an APP1 block after a JPEG's start marker.
func withExif(jpegData, body []byte) []byte {
	seg := []byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}
	out := append([]byte{}, jpegData[:2]...)
	out = append(out, seg...)
	out = append(out, body...)
	return append(out, jpegData[2:]...)
}

func TestEveryExifOrientationIsShownUpright(t *testing.T) {
	// The pixels 1 to 6 of a 3×2 picture, as each orientation shows them
	// (Exif 2.32, the figure of tag 0x0112).
	want := map[int][]int{
		1: {1, 2, 3, 4, 5, 6},
		2: {3, 2, 1, 6, 5, 4},
		3: {6, 5, 4, 3, 2, 1},
		4: {4, 5, 6, 1, 2, 3},
		5: {1, 4, 2, 5, 3, 6},
		6: {4, 1, 5, 2, 6, 3},
		7: {6, 3, 5, 2, 4, 1},
		8: {3, 6, 2, 5, 1, 4},
	}
	for o := 1; o <= 8; o++ {
		for _, bo := range []string{"II", "MM"} {
			t.Run("orientation "+string(rune('0'+o))+" in byte order "+bo, func(t *testing.T) {
				data := exifJPEG(t, o, bo)
				if got := Orientation(data); got != o {
					t.Fatalf("Orientation = %d, want %d", got, o)
				}
				p, err := Normalize(data)
				if err != nil {
					t.Fatal(err)
				}
				img, err := jpeg.Decode(bytes.NewReader(p.Data))
				if err != nil {
					t.Fatal(err)
				}
				b := img.Bounds()
				var got []int
				for y := b.Min.Y; y < b.Max.Y; y++ {
					for x := b.Min.X; x < b.Max.X; x++ {
						v := int(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y)
						got = append(got, (v+20)/40)
					}
				}
				wantW := 3
				if o >= 5 {
					wantW = 2
				}
				if b.Dx() != wantW || p.Width != wantW || !equal(got, want[o]) {
					t.Errorf("shown %d wide (%d said): %v, want %d wide: %v", b.Dx(), p.Width, got, wantW, want[o])
				}
			})
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOrientationOfAMalformedExifIsUpright(t *testing.T) {
	plain := exifJPEG(t, 1, "II")
	plain = append(plain[:2], plain[2+4+len(exifBlock(1, "II")):]...) // the JPEG without its Exif
	block := exifBlock(6, "II")
	tests := []struct {
		name string
		data []byte
	}{
		{"no Exif block", plain},
		{"an orientation of 9", withExif(plain, exifBlock(9, "II"))},
		{"a byte order that is neither", withExif(plain, append([]byte("Exif\x00\x00XX"), block[8:]...))},
		{"the directory cut short", withExif(plain, block[:len(block)-8])},
		{"a directory past the end", withExif(plain, append(append([]byte{}, block[:10]...), 0xFF, 0xFF, 0, 0))},
		{"a block longer than the file", withExif(plain, block)[:12]},
		{"not a JPEG", []byte("\x89PNG")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Orientation(tt.data); got != 1 {
				t.Errorf("Orientation = %d, want 1", got)
			}
		})
	}
}

func FuzzOrientation(f *testing.F) {
	f.Add(withExif([]byte{0xFF, 0xD8, 0xFF, 0xD9}, exifBlock(6, "II")))
	f.Add(withExif([]byte{0xFF, 0xD8, 0xFF, 0xD9}, exifBlock(8, "MM")))
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := Orientation(data); o < 1 || o > 8 {
			t.Errorf("Orientation = %d", o)
		}
	})
}

func TestFormatNames(t *testing.T) {
	if PNG.String() != "png" || JPEG.String() != "jpeg" || Format(7).String() != "Format(7)" {
		t.Errorf("names: %s %s %s", PNG, JPEG, Format(7))
	}
}
