package fonts

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
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

// TestMemoKeepsOneValuePerFaceAndKey: many goroutines asking at once get
// one value, computed once; another key or another face computes its own;
// and the value goes with its face.
func TestMemoKeepsOneValuePerFaceAndKey(t *testing.T) {
	type keyA struct{}
	type keyB struct{}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	face := func() *Face {
		f, err := Parse("copy", bytes.Clone(set.Regular.Data()))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	f, g := face(), face()
	var calls atomic.Int32
	compute := func() *int { calls.Add(1); return new(int) }

	t.Run("many goroutines at once compute the value once", func(t *testing.T) {
		got := make([]*int, 16)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() { got[i] = Memo(f, keyA{}, compute) })
		}
		wg.Wait()
		if calls.Load() != 1 {
			t.Errorf("computed %d times, want once", calls.Load())
		}
		for _, p := range got[1:] {
			if p != got[0] {
				t.Fatal("goroutines were given different values")
			}
		}
	})
	t.Run("another key and another face compute their own", func(t *testing.T) {
		a := Memo(f, keyA{}, compute)
		b := Memo(f, keyB{}, compute)
		c := Memo(g, keyA{}, compute)
		if a == b || a == c || b == c || calls.Load() != 3 {
			t.Errorf("%d computations, values %p %p %p: want 3 apart", calls.Load(), a, b, c)
		}
	})
	t.Run("the value is freed with its face", func(t *testing.T) {
		freed := make(chan struct{}, 1)
		h := face()
		v := Memo(h, keyA{}, compute)
		runtime.AddCleanup(v, func(ch chan struct{}) { ch <- struct{}{} }, freed)
		h, v = nil, nil
		deadline := time.Now().Add(5 * time.Second)
		for {
			runtime.GC()
			select {
			case <-freed:
				return
			case <-time.After(10 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatal("a face's value is still alive 5 s after its face was dropped")
			}
		}
	})
}

// TestAdvanceIsWhatTheFontSays: the advance a face gives for a rune, the
// first time it is asked and from its table afterwards, from several
// goroutines at once, is the one the font's hmtx table holds, and a rune
// the face lacks (in the BMP or outside it) is missing every time.
func TestAdvanceIsWhatTheFontSays(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("copy", set.Regular.Data())
	if err != nil {
		t.Fatal(err)
	}
	hmtx, numHM := f.Table("hmtx"), int(binary.BigEndian.Uint16(f.Table("hhea")[34:]))
	want := func(r rune) float64 {
		gi, err := f.font.GlyphIndex(nil, r)
		if err != nil || gi == 0 {
			return -1
		}
		i := min(int(gi), numHM-1)
		return float64(binary.BigEndian.Uint16(hmtx[4*i:])) / f.upem
	}
	runes := []rune("Aa0 ，。中國後㑇©—…ＡＢ１\uE000\uFFFF😀\U0010FFFF")
	for round := range 2 {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for _, r := range runes {
					if got, w := f.advance(r), want(r); got != w {
						t.Errorf("round %d: advance(%q) = %v, want %v", round, r, got, w)
					}
				}
			})
		}
		wg.Wait()
	}
	if f.Has('😀') || f.Has('\uFFFF') || !f.Has('中') {
		t.Errorf("Has: 😀 %v, U+FFFF %v, 中 %v; want false, false, true", f.Has('😀'), f.Has('\uFFFF'), f.Has('中'))
	}
}

// BenchmarkParse parses the bundled regular face: what every process pays
// before its first measure, with the first advance read.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		f, err := Parse("NotoSansSC-Regular", notoRegular)
		if err != nil {
			b.Fatal(err)
		}
		f.Advance('中')
	}
}
