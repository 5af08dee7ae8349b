package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/deckpdf/deck/deck/diskcache"
	"github.com/deckpdf/deck/fonts"
)

// A face's font program is the costliest thing a new process makes for
// the PDF: it subsets the face, reading glyphs from all over the font
// file, reads its widths and metrics, and compresses it and its map of
// glyphs. A deck made again after an edit to its numbers, or rendered
// again by deck watch, asks for the same characters. So each face keeps
// its last embedding, in memory for the process and, with a cache folder,
// on disk for the next process: an entry a face, named by the face's
// digest, holding the key of the characters it was made for. A render that
// asks for the same characters takes it whole and subsets nothing; one
// that asks for others makes its own, which takes the entry's place.

// programVersion names the code that makes an embedding (fonts.SubsetHalf,
// fonts.Describe, the widths, the map of codes to glyphs, deflate) in
// program keys:
// TestProgramVersionNamesTheEmbedding fails when what it makes changes
// and this does not, so that no process takes a program an older deck
// made.
const programVersion = "programs-3"

// A cache entry is a file named by its face's digest and programExt, made
// by diskcache: the line programHeader, a checksum, and the embedding (see
// encodeEmbedding), of at most maxProgram bytes.
const (
	programExt    = ".font"
	programHeader = "deck font program cache entry\n"
	maxProgram    = 256 << 20
	// keptPrograms is how many faces' programs the folder keeps.
	keptPrograms = 16
)

// A programID is the key of a program: the SHA-256 of programVersion, the
// face's digest, and the runes and half-width marks drawn, the runes after
// their count, so that no two sets of runes and marks read alike.
type programID [sha256.Size]byte

// programKey returns the key of the program of face f for runes and half,
// both sorted.
func programKey(f *fonts.Face, runes, half []rune) programID {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s%s", programVersion, f.Digest(), len(runes), string(runes), string(half))
	var id programID
	h.Sum(id[:0])
	return id
}

// lastEmbeddingKey is the fonts.Memo key of a face's last embedding.
type lastEmbeddingKey struct{}

// A lastEmbedding holds a face's last embedding, shared by the renders
// that ask for it.
type lastEmbedding struct {
	mu   sync.Mutex
	last *embedding
}

// lastOf returns face f's last embedding, kept with the face.
func lastOf(f *fonts.Face) *lastEmbedding {
	return fonts.Memo(f, lastEmbeddingKey{}, func() *lastEmbedding { return &lastEmbedding{} })
}

// lastProgram returns the embedding of face f made last for key, by this
// process or read from the cache folder (loadPrograms, which Begin runs);
// nil when there is none.
func lastProgram(f *fonts.Face, key programID) *embedding {
	memo := lastOf(f)
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if memo.last != nil && memo.last.key == key {
		return memo.last
	}
	return nil
}

// loadPrograms reads the last embedding of each face of set that has
// none in memory from the cache folder dir, for lastProgram to find: a
// new process takes the program an earlier one made for the same
// characters.
func loadPrograms(set *fonts.Set, dir string) {
	for _, f := range []*fonts.Face{set.Regular, set.Bold} {
		memo := lastOf(f)
		memo.mu.Lock()
		has := memo.last != nil
		memo.mu.Unlock()
		if has {
			continue
		}
		if e := readProgram(f, dir); e != nil {
			memo.mu.Lock()
			if memo.last == nil {
				memo.last = e
			}
			memo.mu.Unlock()
		}
	}
}

// readProgram returns face f's entry in the cache folder dir; nil when
// there is none, or it cannot be read.
func readProgram(f *fonts.Face, dir string) *embedding {
	if dir == "" {
		return nil
	}
	data, err := diskcache.Read(filepath.Join(dir, programName(f)), programHeader, maxProgram)
	if err != nil {
		return nil
	}
	e, err := decodeEmbedding(data)
	if err != nil {
		return nil
	}
	return e
}

// keepProgram makes e face f's last embedding, in memory and in the cache
// folder dir when there is one. A cache that cannot be written only costs
// the next process time.
func keepProgram(f *fonts.Face, e *embedding, dir string) {
	memo := lastOf(f)
	memo.mu.Lock()
	memo.last = e
	memo.mu.Unlock()
	writeProgram(f, e, dir)
}

// writeProgram writes e, face f's last embedding, to the cache folder dir
// when there is one.
var writeProgram = func(f *fonts.Face, e *embedding, dir string) {
	if dir != "" {
		diskcache.Write(dir, programName(f), programHeader, encodeEmbedding(e), maxProgram, keptPrograms)
	}
}

// programName is the name of face f's entry.
func programName(f *fonts.Face) string { return f.Digest()[:32] + programExt }

// encodeEmbedding writes e as its key, then its source, widths,
// descriptor, compressed font and compressed map, each after its length
// as a uvarint.
func encodeEmbedding(e *embedding) []byte {
	parts := [][]byte{e.source, e.widths, e.descriptor, e.font, e.cidToGID}
	size := len(e.key)
	for _, p := range parts {
		size += binary.MaxVarintLen64 + len(p)
	}
	out := make([]byte, 0, size)
	out = append(out, e.key[:]...)
	for _, p := range parts {
		out = binary.AppendUvarint(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}

// decodeEmbedding reads what encodeEmbedding wrote.
func decodeEmbedding(data []byte) (*embedding, error) {
	e := &embedding{}
	if len(data) < len(e.key) {
		return nil, errors.New("pdf: a cached program too short for its key")
	}
	copy(e.key[:], data)
	rest := data[len(e.key):]
	for _, p := range []*[]byte{&e.source, &e.widths, &e.descriptor, &e.font, &e.cidToGID} {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, errors.New("pdf: a cached program cut short")
		}
		*p = rest[k : k+int(n) : k+int(n)]
		rest = rest[k+int(n):]
	}
	if len(rest) != 0 {
		return nil, errors.New("pdf: a cached program with bytes after its end")
	}
	return e, nil
}
