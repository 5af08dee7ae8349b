package charts

import (
	"sync"
	"unsafe"

	"github.com/wcharczuk/go-chart/v2"
)

// canvases are the pictures the charts of one render are drawn on: a
// chart takes one at least its size that no chart is drawing on, or a new
// one when there is none, and gives it back once its PNG is made. The
// largest charts are drawn first (see each), so the smaller ones after
// them draw on canvases already made: a new canvas is memory the system
// has to find and clear, page by page, and the report's widest chart
// needs 4.4 MB (see indexedCanvas).
//
// Where the system lends memory by the page (see pixels_unix.go), the
// canvases are such memory, outside Go's heap, given back to the system
// when the render is done with them (close): canvases kept in the heap
// for the next chart would raise the heap the collector lets grow. A nil
// *canvases makes a new canvas in the heap for every chart.
type canvases struct {
	mu     sync.Mutex
	free   []pixelMemory
	closed bool // the render is done: a canvas given back is freed
}

// A pixelMemory is the memory of a picture, and whether it was lent by the
// system (lent) rather than made in the heap.
type pixelMemory struct {
	pix  []uint8
	lent bool
}

// take returns a w×h canvas, cleared, and its memory.
func (c *canvases) take(w, h int) (*indexedCanvas, pixelMemory) {
	n := 2 * w * h // a colour id a pixel
	if c == nil {
		pix := make([]uint8, n)
		return newIndexedCanvas(ids(pix, w*h), w, h), pixelMemory{pix: pix}
	}
	c.mu.Lock()
	best := -1
	for i, f := range c.free {
		if cap(f.pix) >= n && (best < 0 || cap(f.pix) < cap(c.free[best].pix)) {
			best = i
		}
	}
	var cv pixelMemory
	if best >= 0 {
		cv = c.free[best]
		c.free = append(c.free[:best], c.free[best+1:]...)
	}
	c.mu.Unlock()
	if cv.pix == nil {
		// With room for a chart an eighth larger: a deck's charts of
		// one size differ by a pixel or so (see resolutions), the
		// larger after. The room is not touched, so not paid for, until
		// a chart draws on it.
		cv = newCanvas(n + n/8) // cleared by the system
	} else {
		clear(cv.pix[:n])
	}
	return newIndexedCanvas(ids(cv.pix[:n], w*h), w, h), cv
}

// ids returns the n colour ids in pix, two bytes each.
func ids(pix []uint8, n int) []uint16 {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*uint16)(unsafe.Pointer(&pix[0])), n)
}

// give takes back a canvas no one draws on or reads any more.
func (c *canvases) give(cv pixelMemory) {
	if c == nil || cv.pix == nil {
		return
	}
	c.mu.Lock()
	closed := c.closed
	if !closed {
		c.free = append(c.free, cv)
	}
	c.mu.Unlock()
	if closed {
		cv.release()
	}
}

// close frees the canvases given back, and those given back from now on:
// the charts are drawn. A drawing that ran out of time and still runs
// gives its canvas back when it ends. The canvases given back are freed
// on another core, not waited for: giving the report's two back to the
// system took 0.9 ms (two munmaps, perf trace), which a render, going on
// to write its PDF, would otherwise spend first.
func (c *canvases) close() {
	c.mu.Lock()
	free := c.free
	c.free, c.closed = nil, true
	c.mu.Unlock()
	if len(free) > 0 {
		go func() {
			for _, cv := range free {
				cv.release()
			}
		}()
	}
}

// release gives a canvas lent by the system back to it; the heap's are
// left to the collector.
func (cv pixelMemory) release() {
	if cv.lent {
		returnPixels(cv.pix)
	}
}

// A chartCanvas is the canvas one chart is being drawn on, taken through its
// provider and given back by done.
type chartCanvas struct {
	cs *canvases
	cv pixelMemory
}

// provider returns a go-chart renderer provider that draws on a canvas
// taken from d's canvases, with quickRaster's short way for
// rectangles.
func (d *chartCanvas) provider() chart.RendererProvider {
	return func(w, h int) (chart.Renderer, error) {
		d.done() // go-chart asks once; a second canvas replaces the first
		img, cv := d.cs.take(w, h)
		d.cv = cv
		r := newCanvasRenderer(img)
		return &quickRaster{Renderer: r, img: img}, nil
	}
}

// done gives d's canvas back: nothing draws on it or reads it
// any more.
func (d *chartCanvas) done() {
	d.cs.give(d.cv)
	d.cv = pixelMemory{}
}
