// Package zlibpool lends zlib compressors (RFC 1950) at klauspost/compress's
// fastest level, from one pool for the whole program: the charts' PNGs
// and the PDF's font programs are compressed by the same kind, and on
// the same cores, the fonts once no chart is left to draw (see
// charts.Options.Meanwhile). A compressor holds 0.8 MB of tables and
// history, memory that a process that renders once gets fresh, a page
// fault a page; with a pool each, a cold render made four, with one
// pool, two.
package zlibpool

import (
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
)

var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: no error
	return w
}}

// Get returns a compressor that writes a zlib stream to w. Put gives it
// back once it is closed.
func Get(w io.Writer) *zlib.Writer {
	z := writers.Get().(*zlib.Writer)
	z.Reset(w)
	return z
}

// Put takes back a compressor that no one writes to any more.
func Put(z *zlib.Writer) {
	z.Reset(io.Discard) // not to keep what it wrote to
	writers.Put(z)
}
