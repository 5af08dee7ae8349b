package charts

import (
	"math"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
)

// extend returns the low end of a range from lo to hi stretched by room
// pixels below lo, where the range without the room spans size pixels:
// room for the labels beyond the lowest value.
func extend(lo, hi, room, size float64) float64 {
	r := 0.5
	if size > 0 {
		r = math.Min(room/size, r)
	}
	return (lo - r*hi) / (1 - r)
}

// barTop is the highest a bar reaches: the largest value, or the largest
// stack, and at least zero. Missing values count for nothing.
func (cv canvas) barTop(bars []int) float64 {
	top := 0.0
	for i := range cv.chart.Categories {
		sum := 0.0
		for _, j := range bars {
			v := cv.chart.Series[j].Values[i]
			if math.IsNaN(v) {
				continue
			}
			if cv.chart.Stacked {
				sum += v
			} else {
				sum = math.Max(sum, v)
			}
		}
		top = math.Max(top, sum)
	}
	return top
}

// barBottom is the lowest a bar reaches: the smallest value, and at most
// zero.
func (cv canvas) barBottom(bars []int) float64 {
	lo := 0.0
	for _, j := range bars {
		for _, v := range cv.chart.Series[j].Values {
			if !math.IsNaN(v) {
				lo = math.Min(lo, v)
			}
		}
	}
	return lo
}

// valueSpan returns the smallest and the largest value of the series,
// missing values left out; a span of one value, or of none, is widened
// to 2 around it (around 0).
func (cv canvas) valueSpan(series []int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, j := range series {
		for _, v := range cv.chart.Series[j].Values {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 0
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	return lo, hi
}

func (cv canvas) maxValue() float64 {
	_, hi := cv.valueSpan([]int{0})
	return math.Max(hi, 1e-9)
}

func (cv canvas) categoryLabels() []string {
	var out []string
	for i := range cv.chart.Categories {
		out = append(out, cv.chart.Label(i))
	}
	return out
}

func (cv canvas) maxWidth(ss []string, size float64, bold bool) float64 {
	w := 0.0
	for _, s := range ss {
		w = math.Max(w, cv.textWidth(s, size, bold))
	}
	return w
}

// categorySeries draws the category axis: a baseline and a label under
// each category's slot.
type categorySeries struct {
	painted
	cv canvas
}

func (categorySeries) GetName() string { return "categories" }

func (a categorySeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := a.cv, a.cv.chart
	if c.Kind == deck.ChartBar {
		zero := float64(box.Bottom) - float64(yr.Translate(0))
		cv.rect(r, float64(box.Left), zero, float64(box.Right), zero+cv.px(0.75), cv.baselineColor())
	}
	for k, i := range c.Order() {
		x := float64(box.Left) + float64(xr.Translate(float64(k)))
		col := cv.theme.Colors.Text
		if c.IsHighlighted(i) {
			col = cv.theme.Colors.Accent
		}
		cv.text(r, c.Label(i), x, float64(box.Bottom)+cv.px(categorySize*1.1), categorySize, col, c.IsHighlighted(i), center)
	}
}
