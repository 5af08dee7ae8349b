package pdf

import (
	"testing"
	"unicode/utf16"
)

// TestUTF16BE compares utf16BE with the standard library's encoding, on
// Latin, Chinese, a rune beyond the BMP, and a byte that is not UTF-8.
func TestUTF16BE(t *testing.T) {
	for _, s := range []string{"", "a", "金融云，cloud 2026", "𠀀x😀", "a\xffb", "（续）"} {
		var want []byte
		for _, u := range utf16.Encode([]rune(s)) {
			want = append(want, byte(u>>8), byte(u))
		}
		if got := utf16BE(s); got != string(want) {
			t.Errorf("utf16BE(%q) = % x, want % x", s, got, want)
		}
	}
}
