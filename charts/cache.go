package charts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/diskcache"
	"github.com/deckpdf/deck/fonts"
)

// cacheVersion names the drawing code in cache keys: change it with any
// change to how charts are drawn, so that no stale picture is reused.
const cacheVersion = "charts-17"

// cacheKey is the name of a chart's picture in the cache: a hash of all
// that the picture depends on — the chart, the theme's colours, the fonts,
// the size in pixels and the drawing code.
func cacheKey(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h int, dpi float64) string {
	spec := *c
	// What the picture does not show is left out: where the chart was
	// written, the texts the slide sets around it, and its id (two charts
	// of the same data under different ids are one picture).
	spec.Pos, spec.ID, spec.Title, spec.Caption, spec.Sources, spec.Height = deck.Pos{}, "", deck.Text{}, deck.Text{}, nil, 0
	spec.Series = append([]deck.Series(nil), c.Series...)
	for i := range spec.Series {
		spec.Series[i].Pos = deck.Pos{}
	}
	// The ends of the axis by their values: a pointer prints as its
	// address, which changes from run to run.
	min, max := bound(spec.Min), bound(spec.Max)
	spec.Min, spec.Max = nil, nil
	sum := sha256.New()
	fmt.Fprintf(sum, "%s|%#v|%s|%s|%#v|%s|%s|%d|%d|%g", cacheVersion, spec, min, max, theme.Colors, faceHash(set.Regular), faceHash(set.Bold), w, h, dpi)
	return hex.EncodeToString(sum.Sum(nil))[:32]
}

// bound writes an end of a value axis for a cache key: its value, or
// "none".
func bound(v *float64) string {
	if v == nil {
		return "none"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}

// faceHash identifies a face's bytes in a cache key: the first 8 bytes of
// their SHA-256, in hex.
func faceHash(f *fonts.Face) string { return f.Digest()[:16] }

// A cache entry is a file named by its chart's key and entryExt, made by
// diskcache: the line entryHeader, the SHA-256 of the picture, and the
// picture, a PNG, of at most maxEntry bytes in all.
const (
	entryExt    = ".chart"
	entryHeader = "deck chart cache entry\n"
	maxEntry    = 64 << 20
	// keptEntries is how many pictures the cache keeps, the last drawn:
	// at about 30 KB a chart, 8 MB.
	keptEntries = 256
)

// cached returns the picture stored under key in dir. An entry that cannot
// be trusted is a miss: the chart is drawn again and stored in its place.
func cached(dir, key string) ([]byte, bool) {
	if dir == "" {
		return nil, false
	}
	png, err := readEntry(filepath.Join(dir, key+entryExt))
	return png, err == nil
}

// readEntry returns the picture of the cache entry at path, or why the
// entry cannot be used.
func readEntry(path string) ([]byte, error) { return diskcache.Read(path, entryHeader, maxEntry) }

// store keeps a picture for the next render, with its checksum, in place
// of whatever had its name; a cache that cannot be written only costs
// time.
func store(dir, key string, png []byte) {
	if dir != "" {
		diskcache.Write(dir, key+entryExt, entryHeader, png, maxEntry, keptEntries)
	}
}
