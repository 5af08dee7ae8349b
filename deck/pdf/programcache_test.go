package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/diskcache"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// freshFaces parses the bundled faces anew, as a new process has them:
// they remember no program.
func freshFaces(t *testing.T) *fonts.Set {
	t.Helper()
	def, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := fonts.Parse(def.Regular.Name(), def.Regular.Data())
	if err != nil {
		t.Fatal(err)
	}
	bold, err := fonts.Parse(def.Bold.Name(), def.Bold.Data())
	if err != nil {
		t.Fatal(err)
	}
	return &fonts.Set{Regular: reg, Bold: bold}
}

// textPage returns a page that draws text in both faces of set.
func textPage(set *fonts.Set, text string) []layout.Page {
	run := layout.TextRun{At: layout.Point{X: 20, Y: 40}, Face: set.Regular, Size: 12, Fill: deck.Color{A: 255}, Text: text}
	bold := run
	bold.Face, bold.At.Y = set.Bold, 60
	return []layout.Page{{Size: deck.Size{W: 400, H: 200}, Title: "一", Items: []layout.Item{run, bold}}}
}

// writeFresh writes text as a new process would, with the cache folder
// dir ("" for none).
func writeFresh(t *testing.T, text string, engine Engine, dir string) []byte {
	t.Helper()
	set := freshFaces(t)
	var b bytes.Buffer
	if err := Write(&b, textPage(set, text), Options{Fonts: set, Engine: engine, CacheDir: dir}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFontProgramsAreKeptForTheNextProcess writes with faces parsed
// afresh, as each new process does, and a cache folder: the next process
// takes each face's program from it when it draws the same characters,
// and the file is the same as with no cache.
func TestFontProgramsAreKeptForTheNextProcess(t *testing.T) {
	const text, other = "金融云，cloud 2026", "云计算 cloud"
	dir := t.TempDir()
	first := writeFresh(t, text, EngineFPDF, dir)
	if !bytes.Equal(first, writeFresh(t, text, EngineFPDF, "")) {
		t.Fatal("the file written with a cache folder differs from the one written without")
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*"+programExt))
	if len(entries) != 2 {
		t.Fatalf("%d entries in the cache folder, want one a face: %v", len(entries), entries)
	}
	regular := filepath.Join(dir, programName(freshFaces(t).Regular))
	firstKey := readEntry(t, regular).key

	t.Run("the next process takes a face's program whole", func(t *testing.T) {
		// The entry's compressed program is replaced by another
		// compression of the same program: only a file made from the
		// entry holds those bytes.
		e := readEntry(t, regular)
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(e.source)
		w.Close()
		if bytes.Equal(z.Bytes(), e.font) {
			t.Fatal("the marked program is the one deck writes")
		}
		e.font = z.Bytes()
		if err := diskcache.Write(dir, filepath.Base(regular), programHeader, encodeEmbedding(e), maxProgram, keptPrograms); err != nil {
			t.Fatal(err)
		}
		if got := writeFresh(t, text, EngineFPDF, dir); !bytes.Contains(got, e.font) {
			t.Error("the file does not hold the program of the cache entry")
		}
		if got := writeFresh(t, text, EngineFPDF, ""); bytes.Contains(got, e.font) {
			t.Error("a file written without the cache holds the marked program")
		}
	})

	t.Run("Begin reads each face's program while the pages are laid out", func(t *testing.T) {
		set := freshFaces(t)
		d := Begin(deck.Size{W: 960, H: 540}, Options{Fonts: set, CacheDir: dir})
		if d.loaded == nil {
			t.Fatal("Begin reads nothing")
		}
		<-d.loaded
		memo := lastOf(set.Regular)
		memo.mu.Lock()
		last := memo.last
		memo.mu.Unlock()
		if last == nil || last.key != firstKey {
			t.Errorf("after Begin, the regular face's program in memory is %v, want the entry's", last)
		}
		if Begin(deck.Size{W: 960, H: 540}, Options{Fonts: freshFaces(t)}).loaded != nil {
			t.Error("Begin with no cache folder reads one")
		}
	})

	t.Run("a damaged entry is made again", func(t *testing.T) {
		data, err := os.ReadFile(regular)
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)-1] ^= 0xFF
		if err := os.WriteFile(regular, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := writeFresh(t, text, EngineFPDF, dir); !bytes.Equal(got, first) {
			t.Error("a damaged entry changed the file")
		}
		if _, err := diskcache.Read(regular, programHeader, maxProgram); err != nil {
			t.Errorf("the damaged entry was not made again: %v", err)
		}
	})

	t.Run("other characters make their own program, in the entry's place", func(t *testing.T) {
		want := writeFresh(t, other, EngineFPDF, "")
		if got := writeFresh(t, other, EngineFPDF, dir); !bytes.Equal(got, want) {
			t.Error("other characters with the cache give another file than without")
		}
		if readEntry(t, regular).key == firstKey {
			t.Error("the entry still holds the first characters' program")
		}
		if got := writeFresh(t, other, EngineFPDF, dir); !bytes.Equal(got, want) {
			t.Error("the program of the other characters, taken from the cache, gives another file")
		}
	})

	t.Run("gopdf embeds the same programs", func(t *testing.T) {
		want := writeFresh(t, other, EngineGoPDF, "")
		if got := writeFresh(t, other, EngineGoPDF, dir); !bytes.Equal(got, want) {
			t.Error("gopdf writes another file with the cache than without")
		}
	})
}

// readEntry returns the embedding in the cache entry at path.
func readEntry(t *testing.T, path string) *embedding {
	t.Helper()
	data, err := diskcache.Read(path, programHeader, maxProgram)
	if err != nil {
		t.Fatal(err)
	}
	e, err := decodeEmbedding(data)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestDecodeEmbeddingRefusesCutEntries reads every prefix of an encoded
// embedding: only the whole one is one.
func TestDecodeEmbeddingRefusesCutEntries(t *testing.T) {
	e := &embedding{key: programID{1, 2, 3}, source: []byte("font"), widths: []byte("/W []"), descriptor: []byte("/Ascent 1"), font: []byte("z"), cidToGID: []byte("map")}
	data := encodeEmbedding(e)
	for n := range len(data) {
		if _, err := decodeEmbedding(data[:n]); err == nil {
			t.Fatalf("%d of %d bytes read as an embedding", n, len(data))
		}
	}
	if _, err := decodeEmbedding(append(data, 0)); err == nil {
		t.Error("a byte after the end read as part of an embedding")
	}
	got, err := decodeEmbedding(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.key != e.key || string(got.source) != "font" || string(got.widths) != "/W []" || string(got.descriptor) != "/Ascent 1" || string(got.font) != "z" || string(got.cidToGID) != "map" {
		t.Errorf("decoded %+v, want %+v", got, e)
	}
}

// TestProgramVersionNamesTheEmbedding hashes the embeddings made of a
// fixed text: when they change, programVersion must change too, or a
// process would take a program an older deck made, and write another
// file than it would without the cache.
func TestProgramVersionNamesTheEmbedding(t *testing.T) {
	c := golden.Load(t, "testdata/programs")[0]
	text := strings.TrimSpace(string(c.FS()["text"].Data))
	set := freshFaces(t)
	progs, err := subsetFonts(textPage(set, text), set)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.New()
	for _, f := range []*fonts.Face{set.Regular, set.Bold} {
		e, err := embed(f, progs[f], "")
		if err != nil {
			t.Fatal(err)
		}
		sum.Write(encodeEmbedding(e))
	}
	got := programVersion + " " + hex.EncodeToString(sum.Sum(nil)) + "\n"
	for _, f := range c.Archive.Files {
		if was := strings.Fields(string(f.Data)); f.Name == "want.version" && string(f.Data) != got && len(was) > 0 && was[0] == programVersion {
			t.Fatalf("the embeddings changed and programVersion (%s) did not: change it, then run go test -run ProgramVersion -update\ngot  %swant %s", programVersion, got, f.Data)
		}
	}
	c.Check(t, "want.version", []byte(got))
}
