package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"testing"
)

// TestDeflateStatelessReadsBack: streams empty, short, of one block and
// of many (stateless deflate works in 32 KB blocks), of text and of
// noise, read back whole with compress/zlib, which checks the header and
// the Adler-32 at the end.
func TestDeflateStatelessReadsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	text := bytes.Repeat([]byte("BT /F1 12 Tf 72 700 Td <4E2D6587> Tj ET\n"), 6000)
	noise := make([]byte, 200_000)
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	for _, data := range [][]byte{nil, []byte("q"), text[:1000], text[:40_000], text, noise} {
		z := deflateStateless(data)
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatalf("%d bytes: %v", len(data), err)
		}
		back, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%d bytes read back as %d (%v)", len(data), len(back), err)
		}
	}
	if z := deflateStateless(text); len(z) > len(text)/10 {
		t.Errorf("%d bytes of repeated text compressed to %d", len(text), len(z))
	}
}
