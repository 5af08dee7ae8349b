package charts

import (
	"math"
	"slices"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
)

// The value axis's measures, in points: its labels' type size, the ticks'
// length outside the plot, the gap between a tick and its label, and the
// gridlines' width.
const (
	tickSize  = 7.5
	tickLen   = 2.5
	tickGap   = 2
	gridWidth = 0.5
)

// titleRise is how far, in points, an axis's title stands over the top of
// the plot, where its top tick's label is: a clear gap between the two.
// titleRoom is the room the plot leaves over it for the title.
const (
	titleRise = tickSize * 1.75
	titleRoom = tickSize * 0.5
)

// targetTicks is about how many intervals a value axis is cut into.
const targetTicks = 5

// A valueAxis is the scale of the values up the plot: its ends, the
// values its ticks mark, and their labels.
type valueAxis struct {
	lo, hi float64
	step   float64
	ticks  []float64
	labels []string
}

// niceSteps are the steps a value axis takes, in each power of ten.
var niceSteps = []float64{1, 2, 2.5, 5}

// niceStep returns the smallest nice step (1, 2, 2.5 or 5 times a power
// of ten) of at least raw.
func niceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for {
		for _, s := range niceSteps {
			if s*p >= raw*(1-1e-9) {
				return roundSig(s * p)
			}
		}
		p *= 10
	}
}

// roundSig rounds v to 12 significant digits: a tick is a whole number
// of steps, and no binary noise of the multiplication is shown.
func roundSig(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	p := math.Pow(10, 11-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// stepDecimals returns how many decimals show every multiple of step.
func stepDecimals(step float64) int {
	for d := 0; d < 12; d++ {
		x := step * math.Pow(10, float64(d))
		if math.Abs(x-math.Round(x)) < 1e-6*math.Max(1, x) {
			return d
		}
	}
	return 12
}

// scaleAxis returns the axis over the values from lo to hi, lo ≤ hi: its
// ends go out to the next tick, unless fixLo or fixHi fix them where they
// are. Its ticks are the multiples of the nice step, among those that cut
// it into minTicks to maxTicks intervals, whose free ends are closest to
// the values (0–94.7 runs to 100 by 20, not to 125 by 25), the smaller
// step where two are as close; their labels all differ (a format with
// fewer decimals than the step needs would repeat them). Where no step
// cuts it so, the smallest nice step that cuts it into about targetTicks
// intervals.
func (cv canvas) scaleAxis(lo, hi float64, fixLo, fixHi bool) valueAxis {
	if !(hi > lo) {
		hi = lo + 1
	}
	if a, ok := cv.closestAxis(lo, hi, fixLo, fixHi); ok {
		return a
	}
	step := niceStep((hi - lo) / targetTicks)
	var a valueAxis
	for range 12 {
		a = cv.axisWithStep(lo, hi, step, fixLo, fixHi)
		if distinct(a.labels) {
			return a
		}
		step = niceStep(step * 1.01)
	}
	return a
}

// The fewest and the most intervals a value axis is cut into, where a
// step does it.
const (
	minTicks = 4
	maxTicks = 6
)

// closestAxis returns the axis from lo to hi whose nice step cuts it into
// minTicks to maxTicks intervals (half an interval either way where an
// end is fixed) with the least room beyond the values, and whether there
// is one.
func (cv canvas) closestAxis(lo, hi float64, fixLo, fixHi bool) (valueAxis, bool) {
	var best valueAxis
	pad, found := math.Inf(1), false
	for step := niceStep((hi - lo) / (maxTicks + 0.5)); (hi-lo)/step >= minTicks-0.5; step = niceStep(step * 1.01) {
		a := cv.axisWithStep(lo, hi, step, fixLo, fixHi)
		n := (a.hi - a.lo) / step
		if n > maxTicks+0.5+1e-9 || n < minTicks-0.5-1e-9 || !distinct(a.labels) {
			continue
		}
		// Nearer by a millionth of the span is not nearer.
		if p := (a.hi - hi) + (lo - a.lo); p < pad-(hi-lo)*1e-6 {
			best, pad, found = a, p, true
		}
	}
	return best, found
}

// axisWithStep returns the axis from lo to hi with ticks every step, its
// free ends out to the next tick.
func (cv canvas) axisWithStep(lo, hi, step float64, fixLo, fixHi bool) valueAxis {
	a := valueAxis{lo: lo, hi: hi, step: step}
	if !fixLo {
		a.lo = roundSig(math.Floor(lo/step+1e-9) * step)
	}
	if !fixHi {
		a.hi = roundSig(math.Ceil(hi/step-1e-9) * step)
	}
	a.ticks, a.labels = cv.ticksOf(a.lo, a.hi, a.lo, step)
	return a
}

// ticksOf returns the ticks from lo to hi at from plus whole steps, and
// their labels.
func (cv canvas) ticksOf(lo, hi, from, step float64) ([]float64, []string) {
	var ticks []float64
	var labels []string
	decimals := stepDecimals(cv.scaled(step))
	tc := cv.forTicks(step)
	first := math.Ceil((lo-from)/step - 1e-9)
	for k := first; from+k*step <= hi+step*1e-9 && len(ticks) < 100; k++ {
		t := roundSig(from + k*step)
		ticks = append(ticks, t)
		labels = append(labels, tc.number(t, decimals))
	}
	return ticks, labels
}

// distinct reports whether no two neighbouring labels are the same.
func distinct(labels []string) bool {
	for k := 1; k < len(labels); k++ {
		if labels[k] == labels[k-1] {
			return false
		}
	}
	return true
}

// matchAxis returns the axis at the right for the values from lo to hi,
// lo ≤ hi, alongside the axis left at the left: it starts at zero, or
// below for negative values, and its ticks fall where left's gridlines
// are, so that both read on the same lines. Its step is the smallest nice
// one that fits the values in as many intervals as left has.
func (cv canvas) matchAxis(left valueAxis, lo, hi float64) valueAxis {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if !(hi > lo) {
		hi = lo + 1
	}
	n := (left.hi - left.lo) / left.step // intervals, perhaps not whole when an end is fixed
	start := left.lo
	if len(left.ticks) > 0 {
		start = left.ticks[0]
	}
	// The right axis's value at the left's first tick, and below it.
	below := (start - left.lo) / left.step
	step := niceStep((hi - lo) / n)
	var a valueAxis
	for range 40 {
		from := roundSig(math.Floor(lo/step+below+1e-9) * step) // the value at the first tick
		a = valueAxis{lo: from - below*step, step: step}
		a.hi = a.lo + n*step
		if a.hi >= hi-step*1e-9 {
			a.ticks, a.labels = cv.ticksOf(a.lo, a.hi, from, step)
			if distinct(a.labels) {
				return a
			}
		}
		step = niceStep(step * 1.01)
	}
	return a
}

// axisSeries draws the value axes: a light gridline at every tick of the
// left axis across the plot, reaching out of it as a tick, the ticks'
// labels left of the plot and, for a right axis, right of it, and the
// axis's title (its scale and unit, as 亿元) over the left labels. It is
// drawn first, under the bars and lines.
type axisSeries struct {
	painted
	cv          canvas
	left, right valueAxis
	twin        bool // right is drawn
}

func (axisSeries) GetName() string { return "axes" }

func (a axisSeries) Render(r chart.Renderer, box chart.Box, _, yr chart.Range, _ chart.Style) {
	cv := a.cv
	grid := cv.gridColor()
	w := math.Max(1, math.Round(cv.px(gridWidth)))
	x0, x1 := float64(box.Left)-cv.px(tickLen), float64(box.Right)
	if a.twin {
		x1 += cv.px(tickLen)
	}
	for k, t := range a.left.ticks {
		y := float64(box.Bottom) - float64(yr.Translate(t))
		top := y - math.Floor(w/2)
		col := grid
		if t == 0 && a.left.lo < 0 {
			col = cv.baselineColor() // values both sides of zero: zero is the baseline
		}
		cv.rect(r, x0, top, x1, top+w, col)
		cv.text(r, a.left.labels[k], x0-cv.px(tickGap), y, tickSize, cv.theme.Colors.Text, false, right)
	}
	if a.twin {
		for k, t := range a.right.ticks {
			// The right axis's value t is where the left's is at the
			// same fraction of the span.
			f := (t - a.right.lo) / (a.right.hi - a.right.lo)
			y := float64(box.Bottom) - float64(yr.Translate(a.left.lo+f*(a.left.hi-a.left.lo)))
			cv.text(r, a.right.labels[k], x1+cv.px(tickGap), y, tickSize, cv.theme.Colors.Text, false, left)
		}
	}
	if title := cv.axisTitle(); title != "" {
		cv.text(r, title, cv.px(1), float64(box.Top)-cv.px(titleRise), tickSize, cv.theme.Colors.Text, false, left)
	}
	if title := cv.rightTitle(); a.twin && title != "" {
		cv.text(r, title, float64(cv.width)-cv.px(1), float64(box.Top)-cv.px(titleRise), tickSize, cv.theme.Colors.Muted, false, right)
	}
}

// rightTitle is the title of a bar chart's right axis: the names of its
// line series, as ROE, joined by "、".
func (cv canvas) rightTitle() string {
	var names []string
	for _, s := range cv.chart.Series {
		if s.Line && s.Name != "" {
			names = append(names, s.Name)
		}
	}
	return strings.Join(names, "、")
}

// gridColor is the colour of gridlines and ticks: a light grey.
func (cv canvas) gridColor() deck.Color { return cv.theme.Colors.Muted.Mix(0.7) }

// baselineColor is the colour of the line at zero, where bars stand or
// values turn negative: a mid grey, darker than the gridlines.
func (cv canvas) baselineColor() deck.Color { return cv.theme.Colors.Muted.Mix(0.5) }

// hasAxisTitle reports whether the chart draws a value axis with a title
// over it.
func (cv canvas) hasAxisTitle() bool {
	c := cv.chart
	return c.AxisShown() && (cv.axisTitle() != "" || c.Kind == deck.ChartBar && cv.rightTitle() != "")
}

// axisTitle is the value axis's title: the scale's name and the unit, as
// 亿元; empty when the chart has neither.
func (cv canvas) axisTitle() string { return cv.chart.ScaleName + cv.chart.Unit }

// labelRoom is the width, in pixels, that the labels of an axis take
// beside the plot, their ticks and gaps included.
func (cv canvas) labelRoom(a valueAxis) float64 {
	return cv.maxWidth(a.labels, tickSize, false) + cv.px(tickLen+tickGap+1)
}

// barAxis returns the value axis of a bar chart whose bars reach from
// bottom (at most 0) to top (at least 0); room is how many pixels of
// the plot's height the label under the lowest bar needs, over plot
// pixels, and frac the share of the height the highest bar may reach.
// Bars always start at zero: a Min above the lowest bar is not taken; a
// Max, or a Min at or under it, fixes that end.
func (cv canvas) barAxis(bottom, top, plot, frac float64) valueAxis {
	c := cv.chart
	hi := top / frac
	lo := bottom
	if bottom < 0 {
		lo = extend(bottom, hi, cv.px(labelSize*1.8), plot*frac)
	}
	fixLo, fixHi := false, false
	if c.Min != nil && *c.Min <= bottom {
		lo, fixLo = *c.Min, true
	}
	if c.Max != nil && *c.Max > lo {
		hi, fixHi = *c.Max, true
	}
	if hi == 0 && lo == 0 {
		hi = 1
	}
	return cv.scaleAxis(lo, hi, fixLo, fixHi)
}

// lineAxis returns the value axis of a line chart over the lines'
// values: from zero, or below for negative values, unless Min fixes its
// low end; to the highest value, or to Max.
func (cv canvas) lineAxis(lines []int) valueAxis {
	c := cv.chart
	lo, hi := cv.valueSpan(lines)
	if present(c, lines) {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	fixLo, fixHi := c.Min != nil, c.Max != nil
	if fixLo {
		lo = *c.Min
	}
	if fixHi {
		hi = *c.Max
	}
	return cv.scaleAxis(lo, hi, fixLo, fixHi)
}

// present reports whether a series of those given has a value that is
// not missing.
func present(c *deck.Chart, series []int) bool {
	for _, j := range series {
		if slices.ContainsFunc(c.Series[j].Values, func(v float64) bool { return !math.IsNaN(v) }) {
			return true
		}
	}
	return false
}
