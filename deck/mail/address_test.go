package mail_test

import (
	"testing"

	"github.com/deckpdf/deck/deck/mail"
)

// TestParseAddresses: a comma-separated list gives its addresses, commas
// inside quotes or angle brackets included; an invalid one is an error
// quoting it.
func TestParseAddresses(t *testing.T) {
	for _, tc := range []struct {
		name, list string
		want       []string // the addresses' String()
		err        string
	}{
		{"an empty list is no address", " ", nil, ""},
		{"a plain address and a named Chinese one", "a@b.cn, 王伟 <wang@b.cn>", []string{"<a@b.cn>", "=?utf-8?q?=E7=8E=8B=E4=BC=9F?= <wang@b.cn>"}, ""},
		{"a comma inside a quoted name does not split", `"Li, Wei" <li@b.cn>`, []string{`"Li, Wei" <li@b.cn>`}, ""},
		{"empty entries are skipped", "a@b.cn,,c@d.cn,", []string{"<a@b.cn>", "<c@d.cn>"}, ""},
		{"a word without an at sign is refused", "a@b.cn, wangwei", nil, `mail: "wangwei" is not a mail address such as name@example.com`},
		{"an unclosed bracket is refused", "王伟 <wang@b.cn", nil, `mail: "王伟 <wang@b.cn" is not a mail address such as name@example.com`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := mail.ParseAddresses(tc.list)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, a := range got {
				s = append(s, a.String())
			}
			if len(s) != len(tc.want) {
				t.Fatalf("%q, want %q", s, tc.want)
			}
			for i := range s {
				if s[i] != tc.want[i] {
					t.Errorf("%q, want %q", s, tc.want)
				}
			}
		})
	}
}
