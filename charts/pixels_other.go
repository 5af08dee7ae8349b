//go:build !unix

package charts

// newCanvas returns n bytes made in the heap, cleared: this system lends
// no memory by the page here.
func newCanvas(n int) pixelMemory { return pixelMemory{pix: make([]uint8, n)} }

// returnPixels is never called: no canvas is lent.
func returnPixels([]uint8) {}
