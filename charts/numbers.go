package charts

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck/numfmt"
)

// scaled is v divided by the chart's scale (万, 亿, or 100 for a
// percentage format), rounded to 12 significant digits so that the
// division leaves no binary noise for a format to show.
func (cv canvas) scaled(v float64) float64 {
	if s := cv.divide; s != 0 && s != 1 {
		v /= s
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// forLines returns the canvas that numbers a bar chart's line series:
// with the chart's line format, unscaled (a percentage format shows 12.5
// as 12.5%).
func (cv canvas) forLines() canvas {
	cv.format, cv.divide = cv.lineFormat, 0
	if cv.lineFormat != nil && strings.Contains(cv.lineFormat.String(), "%") {
		cv.divide = 100
	}
	return cv
}

// number writes v as the chart shows numbers it computes (a total, a
// tick): with its format, after its scale, when it has one; else plainly
// with the given decimals, its thousands separated by commas when the
// chart's value labels are written so (1,202.3).
func (cv canvas) number(v float64, decimals int) string {
	v = cv.scaled(v)
	if cv.format != nil {
		return cv.format.Format(v)
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "-0.0"
	}
	if cv.grouped() {
		s = group(s)
	}
	return s
}

// grouped reports whether a value label of the chart separates its
// thousands with commas: a digit, a comma, three digits.
func (cv canvas) grouped() bool {
	for _, s := range cv.chart.Series {
		for _, l := range s.Labels {
			if thousands.MatchString(l) {
				return true
			}
		}
	}
	return false
}

var thousands = regexp.MustCompile(`[0-9],[0-9]{3}`)

// group puts commas between the thousands of a plain number, as
// "-12345.6" is "-12,345.6".
func group(s string) string {
	s, sign := strings.CutPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	if sign {
		b.WriteByte('-')
	}
	for k, d := range whole {
		if k > 0 && (len(whole)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if dot {
		b.WriteString("." + frac)
	}
	return b.String()
}

// decimalsOf returns how many digits follow the decimal point of a
// label's number, as "1,301.25" has 2, "77.2%" 1 and "394" none.
func decimalsOf(label string) int {
	_, frac, ok := strings.Cut(label, ".")
	if !ok {
		return 0
	}
	n := 0
	for n < len(frac) && frac[n] >= '0' && frac[n] <= '9' {
		n++
	}
	return n
}

// columnTotal returns the total of the bar series at category i, written
// as number writes it with as many decimals as the most of its values'
// labels have, and whether there is one: not when every value is missing.
func (cv canvas) columnTotal(bars []int, i int) (string, bool) {
	sum, decimals, any := 0.0, 0, false
	for _, j := range bars {
		s := cv.chart.Series[j]
		if s.Missing(i) {
			continue
		}
		sum += s.Values[i]
		decimals = max(decimals, decimalsOf(s.Labels[i]))
		any = true
	}
	if !any || math.IsInf(sum, 0) {
		return "", false
	}
	return cv.number(sum, decimals), true
}

// forTicks returns the canvas that writes the ticks of an axis every step
// apart: with the chart's format cut to the decimals the step needs, so
// that "#,##0.0" with a step of 2,000 writes 2,000, not 2,000.0; its
// literals, currency, separators and sections kept.
func (cv canvas) forTicks(step float64) canvas {
	if cv.format == nil {
		return cv
	}
	code := cv.format.String()
	d := stepDecimals(cv.scaled(step) * math.Pow(100, float64(percents(code))))
	short := tickCode(code, d)
	if short == code {
		return cv
	}
	if f, err := numfmt.Parse(short); err == nil {
		cv.format = f
	}
	return cv
}

// percents returns how many percent signs the first section of a format
// code has outside its quoted literals: each shows the number a hundred
// times larger.
func percents(code string) int {
	n := 0
	walkCode(code, func(k int, lit bool) bool {
		if code[k] == ';' && !lit {
			return false
		}
		if code[k] == '%' && !lit {
			n++
		}
		return true
	})
	return n
}

// tickCode returns the format code with each section's decimals cut to
// at most d: "#,##0.00" with d 1 is "#,##0.0", with d 0 "#,##0"; a code
// with no more decimals than d is returned as it is.
func tickCode(code string, d int) string {
	var b strings.Builder
	run := -1 // the placeholders after a decimal point so far, or -1 outside one
	walkCode(code, func(k int, lit bool) bool {
		c := code[k]
		placeholder := !lit && (c == '0' || c == '#' || c == '?')
		switch {
		case run >= 0 && placeholder:
			run++
			if run > d {
				return true
			}
		case !lit && c == '.':
			run = 0
			if d == 0 {
				return true
			}
		default:
			run = -1
		}
		b.WriteByte(c)
		return true
	})
	return b.String()
}

// walkCode calls f with the index of each byte of a format code and
// whether it is part of a literal: quoted ("亿元"), escaped (\x) or in
// brackets ([Red]); it stops when f returns false.
func walkCode(code string, f func(k int, lit bool) bool) {
	quoted, bracket, escaped := false, false, false
	for k := 0; k < len(code); k++ {
		c, after := code[k], escaped
		lit := quoted || bracket || after || c == '"' || c == '\\' || c == '[' || c == ']' || c >= 0x80
		escaped = !after && !quoted && c == '\\'
		switch {
		case after:
		case c == '"' && !bracket:
			quoted = !quoted
		case c == '[' && !quoted:
			bracket = true
		case c == ']' && !quoted:
			bracket = false
		}
		if !f(k, lit) {
			return
		}
	}
}
