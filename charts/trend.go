package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
)

// The trend annotation's measures, in points: the arrow clears the
// columns by trendLift, its head is trendHead long, and the label's box,
// trendHeight high, has its middle at least trendRise above the arrow,
// and its lower corners trendGap above it where there is room.
// Everything keeps trendMargin from the canvas's edges.
const (
	trendLift   = labelSize * 3
	trendHead   = 5
	trendRise   = noteSize * 1.1
	trendHeight = noteSize * 1.7
	trendGap    = 2
	trendMargin = 1
)

// trend draws an arrow over the columns, from the first to the last, with
// the annotation above its middle, all inside the canvas and below the
// legend.
func (cv canvas) trend(r chart.Renderer, tops []point) {
	lift := cv.px(trendLift)
	a, b := tops[0], tops[len(tops)-1]
	a.y -= lift
	b.y -= lift
	// Keep the arrow above every column between.
	for _, t := range tops {
		frac := (t.x - a.x) / (b.x - a.x)
		if need := t.y - lift - (a.y + frac*(b.y-a.y)); need < 0 {
			a.y += need
			b.y += need
		}
	}
	// Falling columns can lift that arrow's start, or its label, out of
	// the canvas: then it slopes less.
	ceiling := cv.trendCeiling()
	lim := trendLimits{
		end: ceiling + cv.px(trendHead+trendMargin),
		mid: ceiling + cv.px(trendRise+trendHeight/2+trendMargin),
	}
	if !lim.hold(a.y, b.y) {
		a.y, b.y = lim.fit(tops, lift, b.y-a.y)
	}
	col := cv.theme.Colors.Accent
	r.SetStrokeColor(rgba(col))
	r.SetStrokeWidth(cv.px(1.2))
	r.SetStrokeDashArray([]float64{cv.px(3), cv.px(2)})
	r.MoveTo(int(a.x), int(a.y))
	r.LineTo(int(b.x), int(b.y))
	r.Stroke()
	r.SetStrokeDashArray(nil)
	// The arrowhead.
	ang := math.Atan2(b.y-a.y, b.x-a.x)
	head := cv.px(trendHead)
	r.SetFillColor(rgba(col))
	r.SetStrokeWidth(0)
	r.MoveTo(int(b.x), int(b.y))
	r.LineTo(int(b.x-head*math.Cos(ang-0.45)), int(b.y-head*math.Sin(ang-0.45)))
	r.LineTo(int(b.x-head*math.Cos(ang+0.45)), int(b.y-head*math.Sin(ang+0.45)))
	r.Close()
	r.Fill()
	mx := (a.x + b.x) / 2
	w := cv.textWidth(cv.chart.Annotation, noteSize, true) + cv.px(10)
	h := cv.px(trendHeight)
	if edge := w/2 + cv.px(trendMargin); 2*edge <= float64(cv.width) {
		mx = math.Max(edge, math.Min(mx, float64(cv.width)-edge))
	}
	// The label stands clear of the arrow: its lower corner on the
	// arrow's rising side is trendGap above it. A steep arrow may ask
	// more room than the limits kept (trendRise over the arrow's
	// middle): then the label rises as far as the ceiling lets it, and
	// never less than that.
	slope := (b.y - a.y) / (b.x - a.x)
	at := a.y + (mx-a.x)*slope
	my := at - math.Max(cv.px(trendRise), h/2+cv.px(trendGap)+math.Abs(slope)*w/2)
	my = math.Min(math.Max(my, ceiling+h/2+cv.px(trendMargin)), (a.y+b.y)/2-cv.px(trendRise))
	cv.rect(r, mx-w/2, my-h/2, mx+w/2, my+h/2, col)
	cv.text(r, cv.chart.Annotation, mx, my, noteSize, white, true, center)
}

// trendCeiling is the top of the trend annotation's room, in pixels: the
// canvas's top, or the legend's bottom.
func (cv canvas) trendCeiling() float64 {
	if cv.hasLegend() {
		return cv.legendHeight()
	}
	return 0
}

// trendLimits are the highest the trend arrow's ends and its middle may
// be, in pixels from the canvas's top: its head and its label must fit
// above them.
type trendLimits struct{ end, mid float64 }

// hold reports whether an arrow whose ends are at ay and by is within
// the limits.
func (lim trendLimits) hold(ay, by float64) bool {
	return ay >= lim.end && by >= lim.end && (ay+by)/2 >= lim.mid
}

// fit returns the ends of an arrow from the first column of tops to the
// last that clears every column by lift and keeps within lim, sloping as
// near to k0 (how far its end is below its start) as it can, and never
// the other way. When no arrow does, which a chart too small to leave
// room over its highest column might need, the one that comes nearest
// drops as far as it must: it may cross a value, but it is not cut off.
func (lim trendLimits) fit(tops []point, lift, k0 float64) (ay, by float64) {
	// The arrow is y(f) = ay + f·k at the fraction f of the way from
	// the first column to the last, and its start ay at most c - f·k
	// for every column's c = top - lift; the highest start is the
	// lowest of those. Every limit is then a condition p + q·k ≥ 0.
	type cond struct{ p, q float64 }
	var conds []cond
	fs := make([]float64, len(tops))
	x0, x1 := tops[0].x, tops[len(tops)-1].x
	for i, t := range tops {
		f := (t.x - x0) / (x1 - x0)
		c := t.y - lift
		fs[i] = f
		conds = append(conds,
			cond{c - lim.end, -f},      // its start
			cond{c - lim.end, 1 - f},   // its end
			cond{c - lim.mid, 0.5 - f}, // its middle, under the label
		)
	}
	start := func(k float64) float64 {
		y := math.Inf(1)
		for i, t := range tops {
			y = math.Min(y, t.y-lift-fs[i]*k)
		}
		return y
	}
	worst := func(k float64) float64 {
		w := math.Inf(1)
		for _, c := range conds {
			w = math.Min(w, c.p+c.q*k)
		}
		return w
	}
	lo, hi := math.Min(0, k0), math.Max(0, k0)
	flo, fhi := lo, hi
	for _, c := range conds {
		switch {
		case c.q > 0:
			flo = math.Max(flo, -c.p/c.q)
		case c.q < 0:
			fhi = math.Min(fhi, -c.p/c.q)
		case c.p < 0:
			flo = math.Inf(1)
		}
	}
	if flo <= fhi {
		k := math.Max(flo, math.Min(k0, fhi))
		ay = start(k)
		return ay, ay + k
	}
	// The slope where the worst condition is least bad: at an end of the
	// slopes allowed or where two conditions cross.
	k := k0
	for _, c := range conds {
		for _, d := range conds {
			if c.q == d.q {
				continue
			}
			if x := (d.p - c.p) / (c.q - d.q); lo <= x && x <= hi && worst(x) > worst(k) {
				k = x
			}
		}
	}
	for _, x := range []float64{lo, hi} {
		if worst(x) > worst(k) {
			k = x
		}
	}
	ay = start(k) - worst(k)
	return ay, ay + k
}
