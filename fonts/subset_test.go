package fonts

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// testFace parses a font of testdata (made by testdata/make.py).
func testFace(t testing.TB, file string) *Face {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// bundled returns the bundled faces.
func bundled(t *testing.T) *Set {
	t.Helper()
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// subsetCases are faces and the text to subset them to.
func subsetCases(t *testing.T) []struct {
	name string
	face *Face
	text string
} {
	set := bundled(t)
	return []struct {
		name string
		face *Face
		text string
	}{
		{"the regular face keeps Chinese, Latin and punctuation", set.Regular, "2021年中国金融云市场规模达394亿元，同比增长28.6%（见图）。Cloud ✓"},
		{"the bold face keeps its own glyphs", set.Bold, "金融云《报告》：ABC"},
		{"composite glyphs keep their components, nested and scaled", testFace(t, "composite.ttf"), "ÄǞÅ"},
		{"a font keeps a rune above the BMP", testFace(t, "composite.ttf"), "A中\U00020000 ."},
	}
}

func TestSubsetDrawsTheRunesAsTheWholeFaceDoes(t *testing.T) {
	for _, tt := range subsetCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Subset(tt.face, []rune(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			sub, err := Parse("subset", data)
			if err != nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			for _, r := range tt.text {
				if !tt.face.Has(r) {
					t.Fatalf("test text has %q, which the face lacks", r)
				}
				if got, want := sub.Advance(r), tt.face.Advance(r); got != want {
					t.Errorf("advance of %q = %v in the subset, %v in the face", r, got, want)
				}
				if got, want := outline(t, sub, r), outline(t, tt.face, r); !slices.Equal(got, want) {
					t.Errorf("outline of %q differs:\nsubset %v\nface   %v", r, got, want)
				}
			}
		})
	}
}

// outline returns the segments of r's glyph, composites resolved.
func outline(t *testing.T, f *Face, r rune) []sfnt.Segment {
	t.Helper()
	var buf sfnt.Buffer
	gi, err := f.font.GlyphIndex(&buf, r)
	if err != nil || gi == 0 {
		t.Fatalf("%s has no glyph for %q: %v", f.name, r, err)
	}
	segs, err := f.font.LoadGlyph(&buf, gi, fixed.I(1000), nil)
	if err != nil {
		t.Fatalf("%s: glyph of %q: %v", f.name, r, err)
	}
	return slices.Clone(segs)
}

func TestSubsetKeepsOnlyTheGlyphsAskedFor(t *testing.T) {
	comp, set := testFace(t, "composite.ttf"), bundled(t)
	tests := []struct {
		name       string
		face       *Face
		runes      string
		wantGlyphs int
		absent     string
	}{
		{"two hanzi give them and notdef", set.Regular, "金云", 3, "融A，"},
		{"a repeated rune is kept once", set.Regular, "云云云", 2, "金"},
		{"a rune the face lacks is left out", set.Regular, "云😀", 2, "😀"},
		{"a composite brings its components", comp, "Ä", 4, "AǞ"},
		{"a nested composite brings its components' components", comp, "Ǟ", 5, "ÄA."},
		{"no runes give notdef alone", comp, "", 1, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Subset(tt.face, []rune(tt.runes))
			if err != nil {
				t.Fatal(err)
			}
			sub, err := Parse("subset", data)
			if err != nil {
				t.Fatal(err)
			}
			if n := sub.font.NumGlyphs(); n != tt.wantGlyphs {
				t.Errorf("%d glyphs, want %d", n, tt.wantGlyphs)
			}
			for _, r := range tt.absent {
				if sub.Has(r) {
					t.Errorf("the subset maps %q, which was not asked for", r)
				}
			}
		})
	}
}

func TestSubsetGivesTheSameBytesWhateverTheOrderOfTheRunes(t *testing.T) {
	set := bundled(t)
	a, err := Subset(set.Regular, []rune("中国金融云，2021"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Subset(set.Regular, []rune("1202，云融金国中中"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("the same runes in another order give other bytes")
	}
}

// TestFontToolsReadsTheSubset has fontTools, a program deck did not
// write, read every table of each subset with checksums checked, and
// compares its cmap and advances with the whole face's.
func TestFontToolsReadsTheSubset(t *testing.T) {
	for _, tt := range subsetCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Subset(tt.face, []rune(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			adv := fontToolsAdvances(t, data)
			want := map[rune]float64{}
			for _, r := range tt.text {
				want[r] = tt.face.Advance(r) * tt.face.upem
			}
			if len(adv) != len(want) {
				t.Errorf("fontTools finds %d runes in the cmap, want %d", len(adv), len(want))
			}
			for r, w := range want {
				if adv[r] != w {
					t.Errorf("fontTools: advance of %q = %v, want %v", r, adv[r], w)
				}
			}
		})
	}
}

// fontToolsAdvances has fontTools, a program deck did not write, read
// every table of the font data with checksums checked and every glyph's
// outline, and returns the advance of each rune of its cmap, in font
// units. It skips the test when fontTools is missing.
func fontToolsAdvances(t *testing.T, data []byte) map[rune]float64 {
	t.Helper()
	if exec.Command("/usr/bin/python3", "-c", "import fontTools").Run() != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no fontTools (Debian package python3-fonttools): .ci/run installs it")
		}
		t.Skip("no fontTools (Debian package python3-fonttools)")
	}
	const script = `
import json, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], checkChecksums=2)
for tag in f.keys():
    f[tag]  # decompile every table
glyf = f["glyf"]
for name in f.getGlyphOrder():
    glyf[name].getCoordinates(glyf)  # resolves components
cmap = f.getBestCmap()
print(json.dumps({str(u): f["hmtx"][g][0] for u, g in cmap.items()}))
`
	path := filepath.Join(t.TempDir(), "subset.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", script, path).Output()
	if err != nil {
		t.Fatalf("fontTools cannot read the subset: %v\n%s", err, stderr(err))
	}
	var adv map[rune]float64
	if err := json.Unmarshal(out, &adv); err != nil {
		t.Fatal(err)
	}
	return adv
}

func stderr(err error) string {
	if e, ok := err.(*exec.ExitError); ok {
		return string(e.Stderr)
	}
	return ""
}

// A face remembers its last subset: asked again, it gives the same bytes,
// whatever the caller did to the copy it had; asked for other glyphs, it
// makes them.
func TestTheLastSubsetIsRememberedForTheSameRunesOnly(t *testing.T) {
	f := bundled(t).Regular
	fresh := func(runes, half []rune) []byte {
		s, err := newSubsetter(f, runes, half)
		if err != nil {
			t.Fatal(err)
		}
		return s.write()
	}
	runes := []rune("中国金融云2021")
	for _, c := range []struct {
		name        string
		runes, half []rune
	}{
		{"first", runes, nil},
		{"again", runes, nil},
		{"a third time", runes, nil},
		{"with a half-width form", runes, []rune("，")},
		{"other runes", []rune("中国金融云2022"), []rune("，")},
		{"the first again", runes, nil},
	} {
		got, err := SubsetHalf(f, c.runes, c.half)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, fresh(c.runes, c.half)) {
			t.Errorf("%s: not the subset of %q and %q", c.name, string(c.runes), string(c.half))
		}
		clear(got) // the caller's copy is its own
	}
}

// BenchmarkSubset subsets a face parsed afresh, as a new process does
// (the face remembers its last subset), to 900 hanzi spread over GB 2312
// and printable ASCII: the size of a report's repertoire.
func BenchmarkSubset(b *testing.B) {
	list, err := os.ReadFile("charset/gb2312_hanzi.txt")
	if err != nil {
		b.Fatal(err)
	}
	var runes []rune
	for i, r := range []rune(strings.Join(strings.Fields(string(list)), "")) {
		if i%7 == 0 && len(runes) < 900 {
			runes = append(runes, r)
		}
	}
	for r := rune(0x20); r < 0x7f; r++ {
		runes = append(runes, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := Parse("NotoSansSC-Regular", notoRegular)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := SubsetHalf(f, runes, nil); err != nil {
			b.Fatal(err)
		}
	}
}
