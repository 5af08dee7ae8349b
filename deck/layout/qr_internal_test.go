package layout

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/deckpdf/deck/deck"
)

// qrAhead makes the code of every QR block of the deck, at the top of a
// slide or in its columns, each once, as makeQR makes it; qrBits then
// takes them.
func TestQRCodesAreMadeAhead(t *testing.T) {
	const top, inColumn = "https://example.com/report?id=1", "https://example.com/data"
	d := &deck.Deck{Slides: []deck.Slide{
		{Blocks: []deck.Block{&deck.QR{URL: top}}},
		{Blocks: []deck.Block{&deck.Columns{Columns: [][]deck.Block{{&deck.Paragraph{}}, {&deck.QR{URL: inColumn}}}}}},
		{Blocks: []deck.Block{&deck.QR{URL: top}}},
	}}
	e := &engine{}
	e.qrAhead(d)
	if e.qrMade == nil {
		t.Fatal("no codes are made ahead")
	}
	codes := e.qrMade()
	if len(codes) != 2 {
		t.Errorf("%d codes made ahead, want 2", len(codes))
	}
	for _, url := range []string{top, inColumn} {
		c, ok := codes[url]
		want := encodeQR(url)
		if !ok || c.err != nil || !reflect.DeepEqual(c.bits, want.bits) {
			t.Errorf("%s: made ahead %v (%v), want the code makeQR makes", url, ok, c.err)
		}
	}
	// qrBits takes a code made ahead, here one no URL has, and makes
	// the others itself; so do the engines fork makes.
	ahead := [][]bool{{true}}
	e.qrMade = func() map[string]qrCode { return map[string]qrCode{top: {bits: ahead}} }
	for _, e := range []*engine{e, e.fork()} {
		if bits, err := e.qrBits(top); err != nil || !reflect.DeepEqual(bits, ahead) {
			t.Errorf("qrBits does not take the code made ahead: %v", err)
		}
		if bits, err := e.qrBits(inColumn); err != nil || !reflect.DeepEqual(bits, codes[inColumn].bits) {
			t.Errorf("qrBits does not make a code not made ahead: %v", err)
		}
	}
	e = &engine{}
	if e.qrAhead(&deck.Deck{Slides: []deck.Slide{{Blocks: []deck.Block{&deck.Paragraph{}}}}}); e.qrMade != nil {
		t.Error("a deck without QR codes has codes made ahead")
	}
}

// A QR code is made once a process, however many layouts show it, and
// one made for another URL is not taken; past qrKept codes the process
// starts again.
func TestQRCodesAreMadeOnceAProcess(t *testing.T) {
	made := map[string]int{}
	encode := encodeQR
	encodeQR = func(url string) qrCode { made[url]++; return encode(url) }
	defer func() { encodeQR = encode }()
	madeQR.Lock()
	clear(madeQR.codes)
	madeQR.Unlock()
	const first, second = "https://example.com/once", "https://example.com/twice"
	for range 3 {
		for _, url := range []string{first, second} {
			if c, want := makeQR(url), encode(url); c.err != nil || !reflect.DeepEqual(c.bits, want.bits) {
				t.Fatalf("%s: the code made once is not the code of its URL (%v)", url, c.err)
			}
		}
	}
	if made[first] != 1 || made[second] != 1 {
		t.Errorf("codes made %v times, want once each", made)
	}
	for i := range qrKept {
		makeQR(fmt.Sprintf("https://example.com/%d", i))
	}
	if madeQR.Lock(); len(madeQR.codes) > qrKept {
		t.Errorf("%d codes kept, at most %d", len(madeQR.codes), qrKept)
	}
	madeQR.Unlock()
}
