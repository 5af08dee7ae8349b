//go:build unix

package charts

import "syscall"

// newCanvas returns n bytes of memory the system lends, cleared, outside
// Go's heap; or, when it lends none, bytes made in the heap.
func newCanvas(n int) pixelMemory {
	pix, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return pixelMemory{pix: make([]uint8, n)}
	}
	return pixelMemory{pix: pix, lent: true}
}

// returnPixels gives memory newCanvas had lent back to the system. No
// slice of it may be used after.
func returnPixels(pix []uint8) { syscall.Munmap(pix[:cap(pix)]) }
