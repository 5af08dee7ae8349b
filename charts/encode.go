package charts

import (
	"bytes"
	"image"
	"math"

	"github.com/deckpdf/deck/deck/palette"
)

// pixels collects the picture a chart was drawn as: the canvas of
// canvasRenderer, or the image.RGBA of go-chart's own renderer, which
// hands it to a writer that has SetRGBA instead of encoding it.
type pixels struct {
	canvas *indexedCanvas
	img    *image.RGBA
}

func (p *pixels) Write(b []byte) (int, error) { return len(b), nil }

// SetRGBA receives go-chart's picture.
func (p *pixels) SetRGBA(img *image.RGBA) { p.img = img }

// drawn reports whether a picture was collected.
func (p *pixels) drawn() bool { return p.canvas != nil || p.img != nil }

// rgba returns the picture as an image.RGBA.
func (p *pixels) rgba() *image.RGBA {
	if p.img == nil && p.canvas != nil {
		return p.canvas.RGBA()
	}
	return p.img
}

// encode writes an opaque picture as an indexed PNG. A chart is a few flat
// colours and the blends at their edges: its 256 most common colours hold
// all but a sliver of its pixels, and the rest take the nearest of those.
// That is a third of the size of an RGB PNG and four times quicker to
// encode. The rows are indexed as they are compressed: the indexed picture
// is never made whole (2.2 MB for the report's widest chart).
func encode(p *pixels) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	// With no limit to the difference, every picture is reduced.
	if p.canvas != nil && p.canvas.rgba == nil {
		_, err = palette.EncodeIndexedPNG(&buf, &p.canvas.Indexed, math.Inf(1))
	} else {
		_, err = palette.EncodeReducedPNG(&buf, p.rgba(), math.Inf(1))
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
