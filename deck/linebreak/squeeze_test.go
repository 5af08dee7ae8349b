package linebreak

import (
	"slices"
	"strings"
	"testing"
)

// squeeze is a Squeeze over measure(text) in which a comma gives up half
// its width, and a line is loose when it leaves more than slack unfilled.
func squeeze(text string, slack float64) *Squeeze {
	m := measure(text)
	return &Squeeze{
		Least: func(start, end int) float64 {
			return m(start, end) - 0.5*float64(strings.Count(text[start:end], "，"))
		},
		Loose: func(start, end int, width float64) bool { return width-m(start, end) > slack },
	}
}

// TestBreakSqueezed: a line that would be loose takes the next piece when
// the piece fits at the line's least width, one piece and no more; a line
// that is not loose, or one the piece does not fit even squeezed, ends
// where it would; no Squeeze breaks as BreakSegmentsInto does.
func TestBreakSqueezed(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		width      float64
		slack      float64 // a line leaving more unfilled is loose
		want       string
	}{
		{"a loose line takes the piece its commas make room for", "甲乙，丙丁，戊己庚辛", 5.5, 1, "甲乙，丙丁，|戊己庚辛"},
		{"a line that is not loose does not", "甲乙，丙丁，戊己庚辛", 5.5, 2, "甲乙，丙|丁，戊己|庚辛"},
		{"a piece too wide even squeezed is not taken", "甲乙，丙丁，戊己庚辛", 4.8, 0.5, "甲乙，丙|丁，戊己|庚辛"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range BreakSqueezedInto(nil, tt.text, Segments(tt.text), tt.width, measure(tt.text), squeeze(tt.text, tt.slack)) {
				got = append(got, tt.text[l.Start:l.End])
			}
			if s := strings.Join(got, "|"); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
	t.Run("a line takes one piece, not two", func(t *testing.T) {
		text := "甲乙丙丁戊己庚辛壬癸"
		m := measure(text)
		half := &Squeeze{ // any line fits at half its width
			Least: func(start, end int) float64 { return m(start, end) / 2 },
			Loose: func(start, end int, width float64) bool { return width > m(start, end) },
		}
		lines := BreakSqueezedInto(nil, text, Segments(text), 5.5, m, half)
		if got := text[lines[0].Start:lines[0].End]; got != "甲乙丙丁戊己" {
			t.Errorf("the first line is %q, want 甲乙丙丁戊己", got)
		}
	})
	t.Run("no Squeeze squeezes no line", func(t *testing.T) {
		text := "甲乙，丙丁，戊己庚辛"
		a := BreakSqueezedInto(nil, text, Segments(text), 6, measure(text), nil)
		b := BreakSegmentsInto(nil, text, Segments(text), 6, measure(text))
		if len(a) != len(b) || !slices.Equal(a, b) {
			t.Errorf("%v, want %v", a, b)
		}
	})
}
