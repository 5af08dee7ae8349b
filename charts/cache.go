package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/fonts"
)

// cacheVersion names the drawing code in cache keys: change it with any
// change to how charts are drawn, so that no stale picture is reused.
const cacheVersion = "charts-7"

// cacheKey is the name of a chart's picture in the cache: a hash of all
// that the picture depends on — the chart, the theme's colours, the fonts,
// the size in pixels and the drawing code.
func cacheKey(c *deck.Chart, theme deck.Theme, set *fonts.Set, w, h int, dpi float64) string {
	spec := *c
	spec.Pos, spec.Title, spec.Caption, spec.Sources, spec.Height = deck.Pos{}, deck.Text{}, deck.Text{}, nil, 0
	spec.Series = append([]deck.Series(nil), c.Series...)
	for i := range spec.Series {
		spec.Series[i].Pos = deck.Pos{}
	}
	sum := sha256.New()
	fmt.Fprintf(sum, "%s|%#v|%#v|%s|%s|%d|%d|%g", cacheVersion, spec, theme.Colors, faceHash(set.Regular), faceHash(set.Bold), w, h, dpi)
	return hex.EncodeToString(sum.Sum(nil))[:32]
}

// faceHash hashes a face's bytes once per face; the hash is kept on the
// face and freed with it.
func faceHash(f *fonts.Face) string {
	return fonts.Memo(f, hashKey{}, func() string {
		s := sha256.Sum256(f.Data())
		return hex.EncodeToString(s[:8])
	})
}

// hashKey is the key of a face's hash.
type hashKey struct{}

// cached returns the picture stored under key in dir.
func cached(dir, key string) ([]byte, bool) {
	if dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(dir, key+".png"))
	// A picture cut short (a full disk, a killed copy) is drawn again: it
	// must start as a PNG does and end with the IEND chunk.
	return data, err == nil && len(data) > 20 && bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && bytes.HasSuffix(data, []byte("IEND\xaeB`\x82"))
}

// store keeps a picture for the next render; a cache that cannot be
// written only costs time.
func store(dir, key string, png []byte) {
	if dir == "" || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".chart-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(png)
	if cerr := tmp.Close(); err == nil && cerr == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, key+".png"))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
