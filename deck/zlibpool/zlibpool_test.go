package zlibpool

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"
)

// TestACompressorGivenBackWritesTheNextStreamWhole: streams written one
// after another by compressors given back and lent again read back
// whole, each alone, with compress/zlib, which checks their checksums.
func TestACompressorGivenBackWritesTheNextStreamWhole(t *testing.T) {
	texts := []string{strings.Repeat("deck ", 20000), "", "第二个流", strings.Repeat("0123456789", 7000)}
	for round := range 3 {
		for _, text := range texts {
			var b bytes.Buffer
			z := Get(&b)
			z.Write([]byte(text))
			if err := z.Close(); err != nil {
				t.Fatal(err)
			}
			Put(z)
			r, err := zlib.NewReader(&b)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			back, err := io.ReadAll(r)
			if err != nil || string(back) != text {
				t.Fatalf("round %d: %d bytes read back as %d (%v)", round, len(text), len(back), err)
			}
		}
	}
}
