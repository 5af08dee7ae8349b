package numfmt

import "testing"

func TestFormatsAsASpreadsheetShows(t *testing.T) {
	for _, tc := range []struct {
		code string
		v    float64
		want string
	}{
		{"#,##0", 1078, "1,078"},
		{"#,##0.0", 1301.25, "1,301.3"},
		{"#,##0.0;(#,##0.0)", -1301.2, "(1,301.2)"},
		{"0.0%", 0.286, "28.6%"},
		{"0.00%", 0.0182, "1.82%"},
		{"¥#,##0.00", 526.98, "¥526.98"},
		{`0.0"亿元"`, 12.34, "12.3亿元"},
		{"0", 2.5, "3"},
		{"General", 0.1 + 0.2, "0.3"},
	} {
		f, err := Parse(tc.code)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Format(tc.v); got != tc.want {
			t.Errorf("%s of %v: got %q, want %q", tc.code, tc.v, got, tc.want)
		}
	}
}

func TestCodesThatShowNoNumberAreRefused(t *testing.T) {
	for _, code := range []string{"", "abc", "[Red", "yyyy/mm", `"亿元"`} {
		if _, err := Parse(code); err == nil {
			t.Errorf("%q is taken as a number format", code)
		}
	}
	_, err := Parse("abc")
	if want := `numfmt: "abc" shows no number: a number format has a digit placeholder (0, # or ?) or is General`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
