package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/deckpdf/deck/deck/zlibpool"
	"github.com/klauspost/compress/flate"
)

// fpdf writes the pages' content streams uncompressed (beginFPDF turns its
// compression off: it builds a new compressor, 1.2 MB of tables, for every
// stream), and tagFPDF adds and replaces objects. bytes writes the
// file once, whole: the new objects in place of the ones they
// replace, with every stream that has no filter compressed
// (deflateStateless). There is no incremental section: the file holds each
// object once, and a reader needs one cross-reference table.

// deflate returns data compressed as a FlateDecode stream holds it, by a
// compressor of zlibpool (klauspost/compress's, at its fastest level: on
// the built-in report's streams, half the time of compress/zlib's, and
// 2 % smaller): for the font programs and their CIDToGIDMaps, which are
// compressed once and kept (see embed), and where this level writes
// 0.3 % less than stateless deflate.
func deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	w := zlibpool.Get(&b)
	defer zlibpool.Put(w)
	w.Write(data) // a bytes.Buffer takes every write
	w.Close()
	return b.Bytes()
}

// plainStream returns the data of obj when obj is a stream whose
// dictionary holds its length and nothing else, as fpdf writes page
// contents and ToUnicode CMaps: a stream with no filter, to compress.
func plainStream(obj []byte) ([]byte, bool) {
	const head, tail = "<</Length ", "\nendstream"
	rest, ok := bytes.CutPrefix(obj, []byte(head))
	if !ok {
		return nil, false
	}
	digits, rest, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(digits))
	if !ok || err != nil || len(rest) != n+len(tail) || !bytes.HasSuffix(rest, []byte(tail)) {
		return nil, false
	}
	return rest[:n], true
}

// An object is what is written of one: its body, as fpdf wrote it or as
// deck made it, and after it the data of a stream, compressed already
// (nil: none).
type object struct {
	body []byte
	data []byte
}

// writeObject writes object n.
func writeObject(b *bytes.Buffer, n int, o object) {
	b.WriteString(strconv.Itoa(n))
	b.WriteString(" 0 obj\n")
	b.Write(o.body)
	if o.data != nil {
		b.WriteString("\nstream\n")
		b.Write(o.data)
		b.WriteString("\nendstream")
	}
	b.WriteString("\nendobj\n")
}

// compressed returns the object of body: a plain stream compressed, any
// other body as it is.
func compressed(body []byte) object {
	data, ok := plainStream(body)
	if !ok {
		return object{body: body}
	}
	z := deflateStateless(data)
	return object{fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", len(z)), z}
}

// deflateStateless returns data compressed as a FlateDecode stream holds
// it, by klauspost/compress's stateless deflate, which keeps no
// compressor: for the streams every render writes anew, its pages'
// contents and ToUnicode CMaps. A compressor at the fastest level holds
// 0.8 MB of tables and history, fresh memory in a process that renders
// once, and one a core was made to compress those streams, 1.5 ms at the
// end of a warm render; on the default report's page contents, stateless
// deflate writes 0.7 % less.
func deflateStateless(data []byte) []byte {
	out := bytes.NewBuffer(make([]byte, 0, len(data)/3+64))
	out.Write([]byte{0x78, 0x01})                // zlib: deflate, a 32 KiB window, the fastest level, no dictionary
	flate.StatelessDeflate(out, data, true, nil) // a bytes.Buffer takes every write
	return binary.BigEndian.AppendUint32(out.Bytes(), adler32.Checksum(data))
}

// compressAll returns the objects 1 to next-1 of f as they are written,
// each plain stream compressed (compressed), on every core: the page
// contents are most of the time a file takes to write.
func (f *fpdfFile) compressAll(bodies map[int][]byte) ([]object, error) {
	out := make([]object, f.next)
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := range work {
				if s, ok := f.objs[n]; ok {
					out[n] = compressed([]byte(s))
				} else {
					out[n] = compressed(bodies[n])
				}
			}
		})
	}
	var err error
	for n := 1; n < f.next; n++ {
		if s, ok := f.streams[n]; ok {
			out[n] = s
			continue
		}
		_, replaced := f.objs[n]
		if _, ok := bodies[n]; !ok && !replaced {
			err = fpdfUnexpected(fmt.Sprintf("no object %d", n))
			break
		}
		work <- n
	}
	close(work)
	wg.Wait()
	return out, err
}

// objectBodies returns the body of each of fpdf's objects, by number:
// what lies between "n 0 obj\n" and "\nendobj\n".
func (f *fpdfFile) objectBodies() (map[int][]byte, error) {
	nums := make([]int, 0, len(f.offsets))
	for n := range f.offsets {
		nums = append(nums, n)
	}
	slices.SortFunc(nums, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	bodies := make(map[int][]byte, len(nums))
	for i, n := range nums {
		end := f.xref
		if i+1 < len(nums) {
			end = f.offsets[nums[i+1]]
		}
		head := fmt.Sprintf("%d 0 obj\n", n)
		obj := f.src[f.offsets[n]:end]
		body, ok := bytes.CutPrefix(obj, []byte(head))
		if body, ok = bytes.CutSuffix(body, []byte("\nendobj\n")); !ok {
			return nil, fpdfUnexpected(fmt.Sprintf("object %d is not where the table says", n))
		}
		bodies[n] = body
	}
	return bodies, nil
}

// writeTo appends the file to b: fpdf's header (or, for PDF/A, version
// 1.7 and a binary comment), every object by number, fpdf's or tagFPDF's
// version of it, each plain stream compressed, and one cross-reference
// table and trailer. Nothing is written when it fails; b grows once.
func (f *fpdfFile) writeTo(b *bytes.Buffer) error {
	bodies, err := f.objectBodies()
	if err != nil {
		return err
	}
	objs, err := f.compressAll(bodies)
	if err != nil {
		return err
	}
	header := f.header
	if header == "" {
		header = string(f.src[:bytes.IndexByte(f.src, '\n')+1])
	}
	size := len(header) + 20*f.next + 300 // the table and trailer
	for _, o := range objs {
		size += len(o.body) + len(o.data) + 50
	}
	b.Grow(size)
	start := b.Len()
	b.WriteString(header)
	offsets := make([]int, f.next)
	for n := 1; n < f.next; n++ {
		offsets[n] = b.Len() - start
		writeObject(b, n, objs[n])
	}
	xref := b.Len() - start
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", f.next)
	for _, off := range offsets[1:] {
		fmt.Fprintf(b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n", f.next, f.root, f.info)
	if f.id != nil {
		b.WriteString(trailerID(f.id))
	}
	fmt.Fprintf(b, ">>\nstartxref\n%d\n%%%%EOF\n", xref)
	return nil
}
