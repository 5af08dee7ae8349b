package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestBundledDigests(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{{"NotoSansSC-Regular.ttf", notoRegular, notoRegularSHA256}, {"NotoSansSC-Bold.ttf", notoBold, notoBoldSHA256}} {
		s := sha256.Sum256(c.data)
		if got := hex.EncodeToString(s[:]); got != c.want {
			t.Errorf("%s changed: set its digest in digest.go to %s", c.name, got)
		}
	}
}

func TestDigest(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the bundled bytes is hashed, and hashes alike.
	for _, f := range []*Face{set.Regular, set.Bold} {
		c, err := Parse("copy", append([]byte(nil), f.Data()...))
		if err != nil {
			t.Fatal(err)
		}
		s := sha256.Sum256(f.Data())
		if want := hex.EncodeToString(s[:]); f.Digest() != want || c.Digest() != want {
			t.Errorf("%s: Digest %s, of a copy %s, want %s", f.Name(), f.Digest(), c.Digest(), want)
		}
	}
	if set.Regular.Digest() == set.Bold.Digest() {
		t.Error("regular and bold have one digest")
	}
}
