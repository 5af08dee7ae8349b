package fonts

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

func TestDefaultFacesMeasureFromTheEmbeddedFiles(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		face *Face
		text string
		size float64
		want float64
	}{
		{"a hanzi is one em wide", set.Regular, "云", 10, 10},
		{"fullwidth comma is one em wide", set.Regular, "，", 12, 12},
		{"a digit is narrower than a hanzi", set.Regular, "0", 1, 0.555},
		{"bold hanzi are one em wide too", set.Bold, "金融云", 20, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.face.Width(tt.text, tt.size)
			if d := got - tt.want; d > 0.01 || d < -0.01 {
				t.Errorf("Width(%q, %v) = %v, want %v", tt.text, tt.size, got, tt.want)
			}
		})
	}
}

func TestDefaultRepertoireCoversTheDocumentedCharacterLists(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"後", "㑇", "堃", "，。、；：？！（）《》「」『』“”‘’…%", "©·•—✓", "ÄéñßΩЖ", "ＡＢＣ１２３"} {
		for _, r := range s {
			if !set.Has(r) {
				t.Errorf("default fonts lack %q U+%04X", r, r)
			}
		}
	}
	if set.Has('😀') {
		t.Errorf("default fonts claim an emoji they do not have")
	}
	if set.Regular.EmTop() != 0.88 || set.Regular.EmBottom() != 0.12 {
		t.Errorf("em box = %v/%v, want 0.88/0.12 from OS/2", set.Regular.EmTop(), set.Regular.EmBottom())
	}
}

func TestParseRefusesWhatThePDFLibrariesCannotEmbed(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"CFF OpenType", append([]byte("OTTO"), make([]byte, 20)...), "CFF (PostScript) outlines"},
		{"collection", append([]byte("ttcf"), make([]byte, 20)...), "font collection"},
		{"WOFF2", append([]byte("wOF2"), make([]byte, 20)...), "WOFF web font"},
		{"not a font", []byte("<html>hello</html>"), "not a TrueType font file"},
		{"empty file", nil, "too short"},
		{"TrueType header without tables", append([]byte{0, 1, 0, 0}, make([]byte, 20)...), `no "cmap" table`},
		{"an empty glyf table", emptyGlyf(), `the font's "glyf" table is empty: the file is damaged`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("user.ttf", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "fonts: user.ttf: ") {
				t.Errorf("Parse error = %v, want one naming the file and containing %q", err, tt.want)
			}
		})
	}
}

// emptyGlyf is the regular face with its glyf table's length set to 0, as
// a damaged file has it (fpdf failed on one with "slice bounds out of
// range").
func emptyGlyf() []byte {
	data := bytes.Clone(notoRegular)
	for rec := 12; rec < 12+16*int(binary.BigEndian.Uint16(data[4:])); rec += 16 {
		if string(data[rec:rec+4]) == "glyf" {
			binary.BigEndian.PutUint32(data[rec+12:], 0)
		}
	}
	return data
}
