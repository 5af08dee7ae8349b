package layout

import (
	"bytes"
	"fmt"
	"maps"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"weak"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/fonts"
)

// forget empties the process's cache of the texts prepared in fs.
func forget(fs *fonts.Set) *textCache {
	c := textCacheFor(fs)
	c.mu.Lock()
	c.new, c.old, c.glyphs = nil, nil, 0
	c.mu.Unlock()
	return c
}

// laidOut is a deck's pages, dumped, and its diagnostics.
func laidOut(t *testing.T, d *deck.Deck, fs *fonts.Set) string {
	t.Helper()
	pages, diags := Layout(d, fs)
	var b bytes.Buffer
	if err := Dump(&b, pages); err != nil {
		t.Fatal(err)
	}
	return b.String() + diags.String()
}

// TestTextsPreparedBeforeLayOutAsFreshOnes lays decks out with the
// process's cache of prepared texts empty, then again with it holding
// their texts, and with it holding the texts as the other setting of
// cjk_latin_space prepares them: the pages and diagnostics are the same
// each time, and the second layout prepares no text (it adds none to the
// cache). The decks are the golden ones, the report, one with Chinese and
// Latin side by side, and one whose characters the fonts lack, which are
// reported again from the cache.
func TestTextsPreparedBeforeLayOutAsFreshOnes(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	decks := map[string]*deck.Deck{}
	for _, c := range golden.Load(t, "testdata") {
		if d, _ := content.Load(c.FS(), content.DeckFile, ""); d != nil {
			decks[c.Name()] = d
		}
	}
	decks["report"], _ = content.Load(content.Default(), content.DeckFile, "")
	mixed := fmt.Sprintf("title: t\nslides:\n  - title: 使用Kubernetes部署\n    blocks:\n      - paragraph: %s\n      - bullets: [GPU集群3000台, 采用RDMA网络]\n", denseMixed)
	decks["mixed"], _ = content.Load(fstest.MapFS{"deck.yaml": {Data: []byte(mixed)}}, "deck.yaml", "")
	missing := "title: t\nslides:\n  - title: 第一页\n    blocks:\n      - paragraph: \"ก ข ฃ 正文\"\n"
	decks["missing"], _ = content.Load(fstest.MapFS{"deck.yaml": {Data: []byte(missing)}}, "deck.yaml", "")
	for name, d := range decks {
		if d == nil {
			t.Fatalf("%s: the deck did not load", name)
		}
		fresh := map[bool]string{}
		for _, space := range []bool{false, true} {
			d.Theme.CJKLatinSpace = space
			c := forget(fs)
			fresh[space] = laidOut(t, d, fs)
			prepared := maps.Clone(c.new)
			if len(prepared) == 0 {
				t.Errorf("%s, cjk_latin_space %v: the layout left no text in the cache", name, space)
			}
			if again := laidOut(t, d, fs); again != fresh[space] {
				t.Errorf("%s, cjk_latin_space %v: laid out again from the cache, the deck differs:\n%s\nfresh:\n%s", name, space, again, fresh[space])
			}
			if !maps.Equal(c.new, prepared) {
				t.Errorf("%s, cjk_latin_space %v: laid out again, %d texts were prepared again (%d before)", name, space, len(c.new)-len(prepared), len(prepared))
			}
		}
		for _, space := range []bool{false, true} {
			forget(fs)
			d.Theme.CJKLatinSpace = !space
			laidOut(t, d, fs) // the cache holds the texts in the other setting
			d.Theme.CJKLatinSpace = space
			if other := laidOut(t, d, fs); other != fresh[space] {
				t.Errorf("%s, cjk_latin_space %v: after a layout with cjk_latin_space %v, the deck differs:\n%s\nfresh:\n%s", name, space, !space, other, fresh[space])
			}
		}
		if name == "mixed" && fresh[false] == fresh[true] {
			t.Errorf("the deck of Chinese and Latin is laid out the same with cjk_latin_space and without")
		}
		if name == "missing" && strings.Count(laidOut(t, d, fs), "is not in the fonts") != 3 {
			t.Errorf("the characters the fonts lack are not reported when the text comes from the cache")
		}
	}
}

// TestTextCacheIsTheSets: a deck laid out in one set of faces, then in
// another that shares its regular face and sets bold in it too, is laid
// out in the second as if the first had never been (the texts of the
// first, in their bold face, are not taken); and a set made for a render,
// with a bold face parsed for it, is freed with its faces and texts once
// the render is done, though its regular face lives on.
func TestTextCacheIsTheSets(t *testing.T) {
	def, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	same, err := fonts.NewSet(def.Regular, def.Regular)
	if err != nil {
		t.Fatal(err)
	}
	src := "title: t\nslides:\n  - title: 第一页标题 Bold Title\n    blocks:\n      - paragraph: 正文 **粗体** text\n"
	d, diags := content.Load(fstest.MapFS{"deck.yaml": {Data: []byte(src)}}, "deck.yaml", "")
	if d == nil {
		t.Fatal(diags)
	}
	forget(def)
	forget(same)
	fresh := laidOut(t, d, same)
	forget(same)
	laidOut(t, d, def)
	if got := laidOut(t, d, same); got != fresh {
		t.Errorf("laid out in regular for both after a layout in regular and bold, the deck differs:\n%s\nfresh:\n%s", got, fresh)
	}

	boldData := def.Bold.Data()
	var freed []weak.Pointer[fonts.Face]
	for range 3 {
		bold, err := fonts.Parse("NotoSansSC-Bold", boldData)
		if err != nil {
			t.Fatal(err)
		}
		set, err := fonts.NewSet(def.Regular, bold)
		if err != nil {
			t.Fatal(err)
		}
		laidOut(t, d, set)
		freed = append(freed, weak.Make(bold))
	}
	runtime.GC()
	runtime.GC()
	for i, w := range freed {
		if w.Value() != nil {
			t.Errorf("the bold face of render %d, parsed for it, is still held after it", i+1)
		}
	}
}

// TestTextCacheKeepsTwoGenerations fills a cache with texts of 1,000
// glyphs: it never holds more than two generations' glyphs, drops the
// oldest texts, and keeps a text asked for, however old.
func TestTextCacheKeepsTwoGenerations(t *testing.T) {
	c := &textCache{}
	key := func(i int) textKey { return textKey{prepKey: prepKey{spans: fmt.Sprint(i)}} }
	text := func() *prepared { return &prepared{gl: make([]glyph, 1000)} }
	kept := text()
	c.put(key(-1), kept)
	const n = 10 * textCacheGlyphs / 1000
	for i := range n {
		c.put(key(i), text())
		if c.get(key(-1)) != kept {
			t.Fatalf("after %d texts, the text asked for after each is gone", i+1)
		}
		held := 0
		for _, p := range c.new {
			held += len(p.gl)
		}
		for _, p := range c.old {
			held += len(p.gl)
		}
		if held > 2*textCacheGlyphs {
			t.Fatalf("after %d texts, the cache holds %d glyphs, over twice %d", i+1, held, textCacheGlyphs)
		}
	}
	if c.get(key(0)) != nil {
		t.Errorf("the first text, never asked for again, is still held after %d more", n-1)
	}
	if c.get(key(n-1)) == nil {
		t.Errorf("the last text is not held")
	}
	var none *textCache
	none.put(key(0), text())
	if none.get(key(0)) != nil {
		t.Errorf("a nil cache gives a text")
	}
}
