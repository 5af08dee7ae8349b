package charts

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// TestFacesAreFreedAfterDrawing: what charts derives from a face (the
// hash in cache keys, go-chart's parse) lives and dies with the face.
// deck watch parses a theme's own fonts anew for every build; a cache
// keyed by the face kept every one of them, 5.9 MiB a build.
func TestFacesAreFreedAfterDrawing(t *testing.T) {
	cs, theme := reportCharts(t)
	data := defaultFonts(t).Regular.Data()
	const n = 6
	freed := make(chan struct{}, n)
	for range n {
		face, err := fonts.Parse("theme", bytes.Clone(data))
		if err != nil {
			t.Fatal(err)
		}
		set, err := fonts.NewSet(face, face)
		if err != nil {
			t.Fatal(err)
		}
		runtime.AddCleanup(face, func(ch chan struct{}) { ch <- struct{}{} }, freed)
		pages := []layout.Page{{Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 200, H: 120}, Chart: cs["industry-internet-index"]}}}}
		if diags := fill(t, pages, theme, set, Options{Cache: t.TempDir()}); len(diags) > 0 {
			t.Fatal(diags)
		}
		if _, err := drawVector(cs["market-size"], theme, set, layout.Rect{W: 200, H: 120}); err != nil {
			t.Fatal(err)
		}
	}
	got, deadline := 0, time.Now().Add(10*time.Second)
	for got < n && time.Now().Before(deadline) {
		runtime.GC()
		select {
		case <-freed:
			got++
		case <-time.After(20 * time.Millisecond):
		}
	}
	if got < n {
		t.Errorf("%d of %d faces were freed after drawing with them", got, n)
	}
}
