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
	"encoding/binary"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // a valid level: no error
	return w
}}

// A Writer writes one zlib stream: the header klauspost/compress's zlib
// writes at its fastest level, the data as its deflater compresses it,
// and the data's Adler-32 checksum (see checksum): the bytes its
// zlib.Writer writes.
type Writer struct {
	deflate *flate.Writer
	out     io.Writer
	adler   uint32
	err     error // the first error of out
}

// Get returns a compressor that writes a zlib stream to w. Put gives it
// back once it is closed.
func Get(w io.Writer) *Writer {
	d := deflaters.Get().(*flate.Writer)
	d.Reset(w)
	z := &Writer{deflate: d, out: w, adler: 1}
	_, z.err = w.Write([]byte{0x78, 0x01}) // deflate, a 32 KiB window, the fastest level, no dictionary
	return z
}

// Write compresses p.
func (z *Writer) Write(p []byte) (int, error) {
	z.adler = checksum(z.adler, p)
	if z.err != nil {
		return 0, z.err
	}
	n, err := z.deflate.Write(p)
	z.err = err
	return n, err
}

// Close ends the stream: the compressed data's last block, then the
// checksum.
func (z *Writer) Close() error {
	if z.err != nil {
		return z.err
	}
	if z.err = z.deflate.Close(); z.err != nil {
		return z.err
	}
	_, z.err = z.out.Write(binary.BigEndian.AppendUint32(nil, z.adler))
	return z.err
}

// Put takes back a compressor that no one writes to any more.
func Put(z *Writer) {
	z.deflate.Reset(io.Discard) // not to keep what it wrote to
	deflaters.Put(z.deflate)
	z.deflate = nil
}

// checksum returns the Adler-32 checksum of p (RFC 1950, as hash/adler32
// gives it) continuing from adler. Eight bytes that are one byte eight
// times are added with the rest of their run at once: a chart's rows of
// palette indexes are long runs of one byte, and added a byte at a time
// (by hash/adler32) the checksum had been a quarter of the time the
// report's widest chart took to write as a PNG. Other bytes are added one
// at a time, eight between reductions.
func checksum(adler uint32, p []byte) uint32 {
	const mod = 65521
	s1, s2 := uint64(adler&0xffff), uint64(adler>>16)
	for len(p) > 0 {
		if len(p) >= 8 {
			if eight := uint64(p[0]) * 0x0101_0101_0101_0101; word(p) == eight {
				n := 8
				for n+32 <= len(p) {
					r := p[n : n+32]
					if (word(r)^eight)|(word(r[8:])^eight)|(word(r[16:])^eight)|(word(r[24:])^eight) != 0 {
						break
					}
					n += 32
				}
				for n+8 <= len(p) && word(p[n:]) == eight {
					n += 8
				}
				for n < len(p) && p[n] == p[0] {
					n++
				}
				// Each byte adds v to s1, and then s1 to s2: s2 gains
				// n times s1 as it was, and v times 1 + 2 + … + n,
				// n(n+1)/2, which modulo mod (odd: 2 has an inverse)
				// depends on n modulo mod alone.
				k, v := uint64(n)%mod, uint64(p[0])
				s2 = (s2 + k*s1 + v*(k*(k+1)/2%mod)) % mod
				s1 = (s1 + k*v) % mod
				p = p[n:]
				continue
			}
		}
		for _, b := range p[:min(len(p), 8)] {
			s1 += uint64(b)
			s2 += s1
		}
		p = p[min(len(p), 8):]
		s1 %= mod
		s2 %= mod
	}
	return uint32(s2<<16 | s1)
}

// word returns the eight bytes at the start of p as one number.
func word(p []byte) uint64 { return binary.LittleEndian.Uint64(p) }
