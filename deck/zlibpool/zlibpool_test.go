package zlibpool

import (
	"bytes"
	"compress/zlib"
	"errors"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
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

// TestChecksumIsAdler32: the checksum added up a run at a time is
// hash/adler32's, for bytes of every kind: random, one run, runs of every
// length around the eight compared at once, runs long enough that their
// sums wrap the modulus many times over, and every split of them into
// writes.
func TestChecksumIsAdler32(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 10000)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	var runs []byte
	for n := range 40 {
		runs = append(runs, bytes.Repeat([]byte{byte(255 - n)}, n)...)
	}
	var mixed []byte
	for range 300 {
		mixed = append(mixed, bytes.Repeat([]byte{byte(rng.IntN(4) * 85)}, rng.IntN(3000))...)
		mixed = append(mixed, random[:rng.IntN(20)]...)
	}
	inputs := map[string][]byte{
		"empty":            nil,
		"random":           random,
		"one run":          bytes.Repeat([]byte{0xff}, 5_000_000),
		"run of 1½ moduli": bytes.Repeat([]byte{0x80}, 100_000),
		"runs":             runs,
		"mixed":            mixed,
		"short":            []byte{7, 7, 7, 7, 7, 7, 7},
		"eight":            bytes.Repeat([]byte{9}, 8),
		"zeros":            make([]byte, 70000),
		"png rows":         append(append([]byte{0}, bytes.Repeat([]byte{3}, 2444)...), append([]byte{0}, bytes.Repeat([]byte{200}, 2444)...)...),
		"one bytes":        {1},
	}
	for name, in := range inputs {
		want := adler32.Checksum(in)
		if got := checksum(1, in); got != want {
			t.Errorf("%s: %#08x, hash/adler32 %#08x", name, got, want)
		}
		for _, at := range []int{1, 3, 8, 9, len(in) / 2, len(in) - 1} {
			if at <= 0 || at >= len(in) {
				continue
			}
			if got := checksum(checksum(1, in[:at]), in[at:]); got != want {
				t.Errorf("%s split at %d: %#08x, hash/adler32 %#08x", name, at, got, want)
			}
		}
	}
}

// TestAStreamIsKlauspostsZlib: a stream is byte for byte the one
// klauspost/compress's zlib.Writer writes at its fastest level, header,
// data and checksum.
func TestAStreamIsKlauspostsZlib(t *testing.T) {
	for _, text := range []string{"", "第二个流", strings.Repeat("deck ", 20000), strings.Repeat("\x00\x05", 50000) + strings.Repeat("\x07", 70001)} {
		var want bytes.Buffer
		k, _ := kzlib.NewWriterLevel(&want, kzlib.BestSpeed)
		k.Write([]byte(text))
		k.Close()
		var got bytes.Buffer
		z := Get(&got)
		z.Write([]byte(text[:len(text)/3]))
		z.Write([]byte(text[len(text)/3:]))
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		Put(z)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d bytes: a stream of %d bytes, klauspost/compress's zlib %d", len(text), got.Len(), want.Len())
		}
	}
}

// TestAWriteAfterAFailureFails: a stream whose writer failed reports the
// failure on every later call, and Close does not write a checksum after it.
func TestAWriteAfterAFailureFails(t *testing.T) {
	z := Get(failing{})
	defer Put(z)
	if _, err := z.Write([]byte("data")); err == nil {
		t.Error("a write to a failing writer succeeded")
	}
	if err := z.Close(); err == nil {
		t.Error("closing a stream to a failing writer succeeded")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }
