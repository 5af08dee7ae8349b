package charts

import (
	"math"
	"regexp"
	"strconv"
	"strings"
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
