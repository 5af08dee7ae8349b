package fonts

import (
	"crypto/sha256"
	"encoding/hex"
)

// The SHA-256 of the bundled fonts, so that their digests cost nothing:
// hashing the 5.7 MB took longer than parsing them. TestBundledDigests
// fails, naming the new value, when a font file changes and these do not.
const (
	notoRegularSHA256 = "27a4c8a1873f2ccf1c9af05b84ed8b463b66cace31a71f6beb49b040c77101e0"
	notoBoldSHA256    = "ce28a0f1115c032a994538a5cdb80a4ba5d014ad10d38717515a5ae8c1bd26bf"
)

// Digest returns the SHA-256 of the face's bytes (Data), in hex: what
// identifies the font in a cache key. It is computed once per face, and
// not at all for the bundled faces.
func (f *Face) Digest() string {
	switch {
	case sameBytes(f.data, notoRegular):
		return notoRegularSHA256
	case sameBytes(f.data, notoBold):
		return notoBoldSHA256
	}
	return Memo(f, digestKey{}, func() string {
		s := sha256.Sum256(f.data)
		return hex.EncodeToString(s[:])
	})
}

// digestKey is the key of a face's digest.
type digestKey struct{}

// sameBytes reports whether a and b are the same slice of memory, not
// merely equal bytes.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}
