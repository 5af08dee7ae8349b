package charts

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// cacheFill lays out the report and fills its charts with the cache dir,
// within 20 seconds; it returns the charts' pictures in order.
func cacheFill(t *testing.T, dir string) [][]byte {
	t.Helper()
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(t)
	pages, _ := layout.Layout(d, set)
	type filled struct {
		diags deck.Diagnostics
		err   error
	}
	done := make(chan filled, 1)
	go func() {
		diags, err := Fill(t.Context(), pages, d.Theme, set, Options{Cache: dir})
		done <- filled{diags, err}
	}()
	select {
	case f := <-done:
		if f.err != nil || len(f.diags) > 0 {
			t.Fatal(f.err, f.diags)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("filling the charts from the cache hangs")
	}
	var pics [][]byte
	for _, p := range pages {
		for _, it := range p.Items {
			if im, ok := it.(layout.Image); ok && im.Chart != nil {
				pics = append(pics, im.Data)
			}
		}
	}
	return pics
}

// entries returns the cache's entries, and fails unless there are n.
func entries(t *testing.T, dir string, n int) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*"+entryExt))
	if len(files) != n {
		t.Fatalf("%d entries in the cache, want %d", len(files), n)
	}
	return files
}

// TestCacheServesUnchangedCharts fills the report twice with a cache: the
// second time every picture comes from it (an entry replaced by another
// picture, with its checksum, is what the chart shows), and a chart whose
// data changed gets a new key.
func TestCacheServesUnchangedCharts(t *testing.T) {
	dir := t.TempDir()
	first := cacheFill(t, dir)
	marked := map[string][]byte{}
	for _, f := range entries(t, dir, 3) {
		png, err := readEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		png = bytes.Clone(png)
		png[len(png)/2] ^= 0xFF
		key := filepath.Base(f[:len(f)-len(entryExt)])
		store(dir, key, png)
		marked[string(png)] = png
	}
	for k, pic := range cacheFill(t, dir) {
		if _, ok := marked[string(pic)]; !ok || bytes.Equal(pic, first[k]) {
			t.Errorf("chart %d was drawn again, not taken from the cache", k)
		}
	}
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(t)
	c := *d.Slides[7].Blocks[0].(*deck.Chart)
	k1 := cacheKey(&c, d.Theme, set, 100, 50, DPI)
	c.Series = []deck.Series{{Name: "x", Values: []float64{1}, Labels: []string{"1"}}}
	if cacheKey(&c, d.Theme, set, 100, 50, DPI) == k1 {
		t.Error("a data change keeps the cache key")
	}
	same := c
	same.ID, same.Pos = "another-id", deck.Pos{File: "x.yaml", Line: 9}
	if cacheKey(&same, d.Theme, set, 100, 50, DPI) != cacheKey(&c, d.Theme, set, 100, 50, DPI) {
		t.Error("the same chart under another id has another cache key: it is drawn twice")
	}
}

// TestCacheKeysFollowTheFonts: a chart set in other fonts has another
// key, and the same font files parsed again (as deck watch does on every
// save) keep the key.
func TestCacheKeysFollowTheFonts(t *testing.T) {
	cs, theme := reportCharts(t)
	c := cs["market-size"]
	set := defaultFonts(t)
	key := func(regular, bold *fonts.Face) string {
		s, err := fonts.NewSet(regular, bold)
		if err != nil {
			t.Fatal(err)
		}
		return cacheKey(c, theme, s, 300, 200, DPI)
	}
	parse := func(f *fonts.Face) *fonts.Face {
		g, err := fonts.Parse(f.Name(), bytes.Clone(f.Data()))
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	want := key(set.Regular, set.Bold)
	if key(set.Regular, set.Regular) == want {
		t.Error("a chart with the regular face for bold keeps the key of the bundled pair")
	}
	if key(set.Bold, set.Bold) == want {
		t.Error("a chart with the bold face for regular keeps the key of the bundled pair")
	}
	if key(parse(set.Regular), parse(set.Bold)) != want {
		t.Error("the same font files parsed again give another key: deck watch would draw every chart again")
	}
}

// TestCacheRedrawsWhatItCannotTrust spoils every entry of the cache as a
// full disk, a bad sector or a stray command would, and fills again: each
// chart is drawn again, without a word, in a bounded time, and is cached
// anew where its entry can be replaced. A picture damaged in its middle
// was embedded as it was; one missing a block failed every render with
// "pdf: fpdf failed: short buffer"; a FIFO hung, a link to /dev/zero read
// for ever.
func TestCacheRedrawsWhatItCannotTrust(t *testing.T) {
	rewrite := func(change func([]byte) []byte) func(string) error {
		return func(f string) error {
			data, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			return os.WriteFile(f, change(bytes.Clone(data)), 0o644)
		}
	}
	replace := func(make func(string) error) func(string) error {
		return func(f string) error {
			if err := os.Remove(f); err != nil {
				return err
			}
			return make(f)
		}
	}
	cases := []struct {
		name     string
		unix     bool // needs FIFOs or /dev/zero
		spoil    func(string) error
		repaired bool // the entry is cached anew
	}{
		{"a byte changed in the middle", false, rewrite(func(b []byte) []byte { b[len(b)/2] ^= 0x01; return b }), true},
		{"a block missing from the middle", false, rewrite(func(b []byte) []byte { return append(b[:len(b)/3], b[len(b)/3+512:]...) }), true},
		{"the end cut off", false, rewrite(func(b []byte) []byte { return b[:len(b)-100] }), true},
		{"the checksum cut off", false, rewrite(func(b []byte) []byte { return b[:len(entryHeader)+10] }), true},
		{"an empty file", false, rewrite(func([]byte) []byte { return nil }), true},
		{"a bare PNG, as an older deck stored it", false, rewrite(func(b []byte) []byte { return b[len(entryHeader)+32:] }), true},
		{"a folder in its place", false, replace(func(f string) error { return os.Mkdir(f, 0o755) }), false},
		{"a FIFO in its place", true, replace(mkfifo), true},
		{"a link to /dev/zero in its place", true, replace(func(f string) error { return os.Symlink("/dev/zero", f) }), true},
	}
	want := cacheFill(t, "")
	for _, tc := range cases {
		t.Run(tc.name+" is drawn again", func(t *testing.T) {
			if tc.unix && runtime.GOOS == "windows" {
				t.Skip("no FIFOs or /dev/zero on Windows")
			}
			dir := t.TempDir()
			cacheFill(t, dir)
			for _, f := range entries(t, dir, 3) {
				if err := tc.spoil(f); err != nil {
					t.Fatal(err)
				}
			}
			for k, pic := range cacheFill(t, dir) {
				if !bytes.Equal(pic, want[k]) {
					t.Errorf("chart %d is not the picture drawn without a cache", k)
				}
			}
			for _, f := range entries(t, dir, 3) {
				if _, err := readEntry(f); (err == nil) != tc.repaired {
					t.Errorf("after the fill, the entry %s reads with error %v, want it repaired: %v", filepath.Base(f), err, tc.repaired)
				}
			}
		})
	}
}

// TestCacheKeysFollowTheAxisOptions: every option of issue 15 changes a
// chart's key, a missing value too; the same ends of the axis at other
// addresses keep it.
func TestCacheKeysFollowTheAxisOptions(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	base := axisCharts()["combo"]
	key := func(c *deck.Chart) string { return cacheKey(c, theme, set, 300, 200, DPI) }
	want := key(base)
	for _, c := range []struct {
		name string
		edit func(c *deck.Chart)
	}{
		{"axis", func(c *deck.Chart) { c.Axis = !c.Axis }},
		{"min", func(c *deck.Chart) { c.Min = ptr(100) }},
		{"max", func(c *deck.Chart) { c.Max = ptr(3000) }},
		{"format", func(c *deck.Chart) { c.Format = "#,##0.0" }},
		{"scale", func(c *deck.Chart) { c.Scale, c.ScaleName = 1e4, "万" }},
		{"total", func(c *deck.Chart) { c.Total = true }},
		{"a series' colour", func(c *deck.Chart) { c.Series[0].Color = "#2E8B57" }},
		{"a highlighted series", func(c *deck.Chart) { c.Series[1].Highlight = true }},
		{"a missing value", func(c *deck.Chart) { c.Series[0].Values[2], c.Series[0].Labels[2] = math.NaN(), "" }},
	} {
		t.Run("toggling "+c.name+" changes the key", func(t *testing.T) {
			ch := *base
			ch.Series = slices.Clone(base.Series)
			for j := range ch.Series {
				ch.Series[j].Values, ch.Series[j].Labels = slices.Clone(ch.Series[j].Values), slices.Clone(ch.Series[j].Labels)
			}
			c.edit(&ch)
			if key(&ch) == want {
				t.Errorf("the key stays %s", want)
			}
		})
	}
	t.Run("the same ends at other addresses keep the key", func(t *testing.T) {
		a, b := *base, *base
		a.Min, a.Max, b.Min, b.Max = ptr(100), ptr(3000), ptr(100), ptr(3000)
		if key(&a) != key(&b) {
			t.Error("two charts with min 100 and max 3000 have other keys")
		}
	})
}
