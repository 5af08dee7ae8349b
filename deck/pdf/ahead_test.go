package pdf

import (
	"bytes"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deckpdf/deck/fonts"
)

// TestAheadMakesThePrograms does the work Ahead gives for a page's text,
// then writes the page: Write takes the programs that work made, and the
// file is the one Write alone makes. Write does the work not done, and
// pages that draw other characters than Ahead saw get programs of their
// own; their file too is Write's alone.
func TestAheadMakesThePrograms(t *testing.T) {
	const text, other = "金融云，cloud 2026", "云计算，其他字"
	for _, engine := range []Engine{EngineFPDF, EngineGoPDF} {
		t.Run(engine.String(), func(t *testing.T) {
			set := freshFaces(t)
			page := textPage(set, text)
			d := Begin(page[0].Size, Options{Fonts: set, Engine: engine})
			for _, work := range d.Ahead(page) {
				work()
			}
			for _, n := range fontNeeds(page, set) {
				if lastProgram(n.face, n.key) == nil {
					t.Fatalf("no program of %s for the page's text once Ahead is done", n.face.Name())
				}
			}
			var got bytes.Buffer
			if err := d.Write(&got, page); err != nil {
				t.Fatal(err)
			}
			if want := writeFresh(t, text, engine, ""); !bytes.Equal(got.Bytes(), want) {
				t.Error("the file written after Ahead differs from the one Write alone writes")
			}

			set = freshFaces(t)
			d = Begin(page[0].Size, Options{Fonts: set, Engine: engine})
			d.Ahead(textPage(set, text))
			got.Reset()
			if err := d.Write(&got, textPage(set, other)); err != nil {
				t.Fatal(err)
			}
			if want := writeFresh(t, other, engine, ""); !bytes.Equal(got.Bytes(), want) {
				t.Error("pages whose text is not what Ahead saw are written with Ahead's programs")
			}
		})
	}
}

// The programs the work Ahead gives makes are written to the cache folder
// while the pages are painted, and Write returns only once they are
// there, however slow the folder.
func TestWriteWaitsForTheProgramsAheadKeeps(t *testing.T) {
	wrapWriteProgram(t, func(write func(*fonts.Face, *embedding, string), f *fonts.Face, e *embedding, dir string) {
		time.Sleep(300 * time.Millisecond)
		write(f, e, dir)
	})
	dir := t.TempDir()
	set := freshFaces(t)
	writeAhead(t, set, "金融云，cloud 2026", dir)
	if entries, _ := filepath.Glob(filepath.Join(dir, "*"+programExt)); len(entries) != 2 {
		t.Fatalf("%d programs in the cache folder once Write returned, want one a face", len(entries))
	}
}

// A program the cache folder holds already, taken again by the next
// render, is not written to it again: three renders of one text write
// each face's program once.
func TestAProgramKeptIsNotWrittenAgain(t *testing.T) {
	var written atomic.Int32
	wrapWriteProgram(t, func(write func(*fonts.Face, *embedding, string), f *fonts.Face, e *embedding, dir string) {
		if dir != "" {
			written.Add(1)
		}
		write(f, e, dir)
	})
	dir := t.TempDir()
	set := freshFaces(t)
	for range 3 {
		writeAhead(t, set, "金融云，cloud 2026", dir)
	}
	if n := written.Load(); n != 2 {
		t.Errorf("the programs were written %d times to the cache folder, want once a face", n)
	}
}

// wrapWriteProgram has writeProgram call wrap, with the real one, until
// the test ends.
func wrapWriteProgram(t *testing.T, wrap func(write func(*fonts.Face, *embedding, string), f *fonts.Face, e *embedding, dir string)) {
	write := writeProgram
	writeProgram = func(f *fonts.Face, e *embedding, dir string) { wrap(write, f, e, dir) }
	t.Cleanup(func() { writeProgram = write })
}

// writeAhead writes a page of text as a render does: the work Ahead gives
// done first, then Write, with the cache folder dir.
func writeAhead(t *testing.T, set *fonts.Set, text, dir string) {
	t.Helper()
	page := textPage(set, text)
	d := Begin(page[0].Size, Options{Fonts: set, CacheDir: dir})
	for _, work := range d.Ahead(page) {
		work()
	}
	var out bytes.Buffer
	if err := d.Write(&out, page); err != nil {
		t.Fatal(err)
	}
}
