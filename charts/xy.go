package charts

import (
	"cmp"
	"math"
	"slices"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// xy returns the go-chart Chart for a bar, horizontal bar or line chart.
// Its Y axes are hidden (values are labelled on the marks, as research
// reports do), which also keeps clear of go-chart's secondary-axis tick
// bug: both ranges are given, never computed.
func (cv canvas) xy() chart.Chart {
	c := cv.chart
	n := float64(len(c.Categories))
	pad := chart.Box{Top: int(cv.px(labelSize * 1.8)), Left: int(cv.px(4)), Right: int(cv.px(4)), Bottom: int(cv.px(2))}
	if cv.hasLegend() {
		pad.Top += int(cv.legendHeight())
	}
	if c.Annotation != "" {
		pad.Top += int(cv.px(noteSize * 2.4))
	}
	ch := chart.Chart{
		Width: cv.width, Height: cv.height, DPI: cv.dpi, Font: cv.regular,
		Background:     chart.Style{Padding: pad, FillColor: drawing.ColorWhite},
		Canvas:         chart.Style{FillColor: drawing.ColorWhite},
		YAxis:          chart.YAxis{Style: chart.Hidden()},
		YAxisSecondary: chart.YAxis{Style: chart.Hidden()},
	}
	if cv.hasLegend() {
		ch.Elements = []chart.Renderable{cv.legend}
	}
	if c.Kind == deck.ChartHBar {
		ch.Background.Padding.Left += int(cv.maxWidth(cv.categoryLabels(), categorySize, true) + cv.px(8))
		ch.Background.Padding.Right += int(cv.maxWidth(cv.valueLabels(0, false), labelSize, true) + cv.px(6))
		ch.Background.Padding.Top = int(cv.px(4))
		// Bars of negative values reach left from zero, their values left
		// of them, inside the plot.
		hi := cv.maxValue()
		min := 0.0
		if lo, _ := cv.valueSpan([]int{0}); lo < 0 {
			room := cv.maxWidth(cv.valueLabels(0, true), labelSize, true) + cv.px(6)
			min = extend(lo, hi, room, float64(cv.width-ch.Background.Padding.Left-ch.Background.Padding.Right))
		}
		ch.XAxis = chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: min, Max: hi}}
		ch.YAxis.Range = &chart.ContinuousRange{Min: -0.5, Max: n - 0.5}
		ch.Series = []chart.Series{hbarSeries{cv}}
		return ch
	}
	// The category axis is drawn by categorySeries: go-chart's X axis
	// stretches its range to its first and last tick, which would put the
	// first and last columns half off the picture.
	ch.Background.Padding.Bottom += int(cv.px(categorySize * 2))
	ch.XAxis = chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: -0.5, Max: n - 0.5}}
	bars, lines := cv.split()
	if c.Kind == deck.ChartLine {
		lo, hi := cv.valueSpan(lines)
		ch.YAxis.Range = &chart.ContinuousRange{Min: lo - (hi-lo)*0.15, Max: hi + (hi-lo)*0.12}
		ch.Series = []chart.Series{categorySeries{cv}, lineSeries{cv: cv, series: lines, axis: chart.YAxisPrimary}}
		return ch
	}
	// Bars stand on zero, or hang from it, and reach up to frac of the
	// height. With lines, bars take the lower 60% and the lines ride above
	// them in a band of their own.
	top, bottom := cv.barTop(bars), cv.barBottom(bars)
	if top == 0 && bottom == 0 {
		top = 1
	}
	plot := float64(cv.height - ch.Background.Padding.Top - ch.Background.Padding.Bottom)
	frac := 0.94
	if len(lines) > 0 {
		frac = 0.6
	} else if c.Annotation != "" && plot > 0 {
		// Over the highest column, room for the trend's arrow and its
		// label: a small chart keeps more of its height free, so that a
		// level arrow over the highest column fits (see trend).
		free := float64(ch.Background.Padding.Top) - cv.trendCeiling()
		if need := cv.px(trendLift+trendRise+trendHeight/2+2*trendMargin) - free; need > 0 {
			frac = math.Min(frac, 1-need/plot)
		}
	}
	if !c.Stacked && len(bars) > 1 && plot > 0 {
		// Values wider than their columns side by side step up from
		// one another (see valueSpots): room for the steps over the
		// highest column.
		width := float64(cv.width - ch.Background.Padding.Left - ch.Background.Padding.Right)
		col := width / n * columnShare / float64(len(bars))
		widest := 0.0
		for _, j := range bars {
			widest = math.Max(widest, cv.maxWidth(c.Series[j].Labels, labelSize, false))
		}
		if widest > col*0.88 {
			steps := float64(min(len(bars)-1, 3))
			frac = math.Min(frac, math.Max(0.3, 1-steps*cv.px(labelSize*1.2)/plot))
		}
	}
	// A negative column's value is under its end, inside the plot.
	min := 0.0
	if bottom < 0 {
		min = extend(bottom, top, cv.px(labelSize*1.8), plot*frac)
	}
	ch.YAxis.Range = &chart.ContinuousRange{Min: min, Max: min + (top-min)/frac}
	bs := barSeries{cv: cv, bars: bars, share: columnShare}
	if c.Stacked && len(bars) > 1 {
		// Values too large for their segments go beside their columns:
		// narrower columns, and room right of the last, make space.
		pad := &ch.Background.Padding
		width := float64(cv.width - pad.Left - pad.Right)
		var extra float64
		bs.share, extra = cv.besideRoom(bars, ch.YAxis.Range.GetMin(), ch.YAxis.Range.GetMax(), plot, width, float64(pad.Right))
		pad.Right += int(math.Ceil(extra))
	}
	ch.Series = []chart.Series{categorySeries{cv}, bs}
	if len(lines) > 0 {
		lo, hi := cv.valueSpan(lines)
		span := math.Max(hi-lo, math.Abs(hi)*0.05+1e-9)
		// lo sits at 72% of the height, hi at 90%.
		full := span / 0.18
		min := lo - 0.72*full
		ch.YAxisSecondary.Range = &chart.ContinuousRange{Min: min, Max: min + full}
		ch.Series = append(ch.Series, lineSeries{cv: cv, series: lines, axis: chart.YAxisSecondary})
	}
	return ch
}

func (cv canvas) hasLegend() bool {
	return cv.chart.Legend || (len(cv.chart.Series) > 1 && cv.chart.Kind != deck.ChartHBar)
}

// split returns the indexes of the bar series and of the line series. A
// line chart's series are all lines.
func (cv canvas) split() (bars, lines []int) {
	for j, s := range cv.chart.Series {
		if s.Line || cv.chart.Kind == deck.ChartLine {
			lines = append(lines, j)
		} else {
			bars = append(bars, j)
		}
	}
	return bars, lines
}

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

// valueLabels returns the labels of series j's negative values, or of
// the others.
func (cv canvas) valueLabels(j int, negative bool) []string {
	s := cv.chart.Series[j]
	var out []string
	for i, v := range s.Values {
		if (v < 0) == negative {
			out = append(out, s.Labels[i])
		}
	}
	return out
}

// barTop is the highest a bar reaches: the largest value, or the largest
// stack, and at least zero.
func (cv canvas) barTop(bars []int) float64 {
	top := 0.0
	for i := range cv.chart.Categories {
		sum := 0.0
		for _, j := range bars {
			v := cv.chart.Series[j].Values[i]
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
			lo = math.Min(lo, v)
		}
	}
	return lo
}

func (cv canvas) valueSpan(series []int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, j := range series {
		for _, v := range cv.chart.Series[j].Values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
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
type categorySeries struct{ cv canvas }

func (categorySeries) GetName() string           { return "categories" }
func (categorySeries) GetStyle() chart.Style     { return chart.Style{} }
func (categorySeries) Validate() error           { return nil }
func (categorySeries) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }

func (a categorySeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := a.cv, a.cv.chart
	if c.Kind == deck.ChartBar {
		zero := float64(box.Bottom) - float64(yr.Translate(0))
		cv.rect(r, float64(box.Left), zero, float64(box.Right), zero+cv.px(0.75), cv.theme.Colors.Muted.Mix(0.5))
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

// barSeries draws columns, side by side or stacked, with their values,
// and the trend annotation over them. A column's value is over it (under
// a negative one, which hangs from zero); values side by side that would
// overlap step up from one another. A stacked segment's value is inside
// it, or beside the column where the segment is too small for it. A value
// that fits nowhere is left out and noted, never drawn over another.
type barSeries struct {
	cv    canvas
	bars  []int
	share float64 // of its slot that a column or a group takes
}

// columnShare is the share of its slot that a column, or a group of
// columns side by side, takes; minColumnShare is the least a stacked
// column is narrowed to, to make room for values beside it.
const (
	columnShare    = 0.58
	minColumnShare = 0.3
)

// besideGap is the room, in points, between a value set beside its
// column and the column, and between it and the next column.
const besideGap = 2

// fitsInside reports whether a value label w pixels wide fits inside a
// stacked segment h pixels high and cw pixels wide.
func (cv canvas) fitsInside(w, h, cw float64) bool {
	return h > cv.px(labelSize*1.25) && w <= cw-cv.px(2)
}

// besideRoom returns the share of its slot a stacked column takes, and
// how many pixels more the plot leaves free on its right, so that the
// values of segments too low to hold them fit beside their columns:
// between one column and the next, and right of the last. A column stays
// wide enough for the values inside it. The values from lo to hi span
// height pixels; the plot is width pixels wide with right pixels free
// right of it. Where no value needs it, the columns keep their share and
// nothing is added.
func (cv canvas) besideRoom(bars []int, lo, hi, height, width, right float64) (share, extra float64) {
	c := cv.chart
	n := float64(len(c.Categories))
	gap := cv.px(besideGap)
	share = columnShare
	for range 8 {
		slot := (width - extra) / n
		in, out := 0.0, 0.0 // the widest values inside and beside
		for i := range c.Categories {
			for _, j := range bars {
				h := math.Abs(c.Series[j].Values[i]) / (hi - lo) * height
				w := cv.textWidth(c.Series[j].Labels[i], labelSize, false)
				// Drawn, the segments' ends are whole pixels: a pixel
				// to spare either way.
				if cv.fitsInside(w, h-1, columnShare*slot-1) {
					in = math.Max(in, w)
				} else {
					out = math.Max(out, w)
				}
			}
		}
		if out == 0 {
			return columnShare, 0
		}
		low := math.Max(minColumnShare, (in+cv.px(2)+1)/slot)
		s := math.Max(low, math.Min(columnShare, 1-(out+2*gap)/slot))
		// Two pixels more for the columns' places, rounded to whole
		// pixels.
		e := math.Max(0, out+gap+cv.px(1)+2-right-(1-s)/2*slot)
		if math.Abs(e-extra) < 0.01 {
			return s, e
		}
		share, extra = s, e
	}
	return share, extra
}

func (barSeries) GetName() string           { return "bars" }
func (barSeries) GetStyle() chart.Style     { return chart.Style{} }
func (barSeries) Validate() error           { return nil }
func (barSeries) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }

func (b barSeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := b.cv, b.cv.chart
	order := c.Order()
	slot := float64(box.Width()) / float64(len(order))
	group := slot * b.share
	nb := len(b.bars)
	y := func(v float64) float64 { return float64(box.Bottom) - float64(yr.Translate(v)) }
	var tops []point
	var labels valueSpots
	if !c.Stacked && nb > 1 {
		labels = b.groupedSpots(box, xr, y)
	}
	for k, i := range order {
		cx := float64(box.Left) + float64(xr.Translate(float64(k)))
		if c.Stacked || nb == 1 {
			base := 0.0
			var beside []sideLabel
			for jj, j := range b.bars {
				v := c.Series[j].Values[i]
				y0, y1 := y(base), y(base+v)
				fill := cv.barColor(jj, nb, i)
				cv.rect(r, cx-group/2, y1, cx+group/2, y0, fill)
				label := c.Series[j].Labels[i]
				switch {
				case nb == 1:
					cv.text(r, label, cx, cv.valueY(y1, v), labelSize, cv.theme.Colors.Text, c.IsHighlighted(i), center)
				case cv.fitsInside(cv.textWidth(label, labelSize, false), math.Abs(y0-y1), group):
					cv.text(r, label, cx, (y0+y1)/2, labelSize, cv.contrast(fill), false, center)
				default:
					beside = append(beside, sideLabel{label, (y0 + y1) / 2})
				}
				base += v
			}
			if len(beside) > 0 {
				// Up to the next column, or the picture's edge.
				limit := float64(cv.width) - cv.px(1)
				if k < len(order)-1 {
					limit = cx + slot - group/2 - cv.px(besideGap)
				}
				cv.besideColumn(r, beside, cx+group/2+cv.px(besideGap), limit, box)
			}
			tops = append(tops, point{cx, math.Min(y(0), y(base))})
			continue
		}
		w := group / float64(nb)
		top := math.Inf(1)
		for jj, j := range b.bars {
			v := c.Series[j].Values[i]
			x0 := cx - group/2 + float64(jj)*w
			y0, y1 := y(0), y(v)
			cv.rect(r, x0+w*0.06, y1, x0+w*0.94, y0, cv.barColor(jj, nb, i))
			label := c.Series[j].Labels[i]
			if ly, ok := labels.place(cv, label, x0+w/2, cv.valueY(y1, v), v < 0); ok {
				cv.text(r, label, x0+w/2, ly, labelSize, cv.theme.Colors.Text, false, center)
				// The trend clears a raised label as it would its column.
				top = math.Min(top, cv.valueY(ly, -v))
			} else {
				cv.short.lose(label)
			}
			top = math.Min(top, math.Min(y0, y1))
		}
		tops = append(tops, point{cx, top})
	}
	if c.Annotation != "" && len(tops) > 1 {
		cv.trend(r, tops)
	}
}

// valueSpots are the free places for the values of columns side by side:
// inside the picture, between the legend and the category labels, and
// clear of every column and of the values placed so far.
type valueSpots struct {
	taken       []rect
	top, bottom float64
	width       float64 // the picture's
}

// groupedSpots returns the places for the values of the columns side by
// side: every column is taken.
func (b barSeries) groupedSpots(box chart.Box, xr chart.Range, y func(float64) float64) valueSpots {
	cv, c := b.cv, b.cv.chart
	slot := float64(box.Width()) / float64(len(c.Categories))
	group := slot * b.share
	w := group / float64(len(b.bars))
	s := valueSpots{top: cv.trendCeiling(), bottom: float64(box.Bottom) + cv.px(3), width: float64(cv.width)}
	for k, i := range c.Order() {
		cx := float64(box.Left) + float64(xr.Translate(float64(k)))
		for jj, j := range b.bars {
			x0 := cx - group/2 + float64(jj)*w
			y0, y1 := y(0), y(c.Series[j].Values[i])
			s.taken = append(s.taken, rect{x0 + w*0.06, math.Min(y0, y1), x0 + w*0.94, math.Max(y0, y1)})
		}
	}
	return s
}

// place finds a place for the value label centred at x with its middle
// at y or, where that is taken, just clear of what takes it, further
// from its column (down from a negative one), and takes it. It reports
// false when there is none.
func (s *valueSpots) place(cv canvas, label string, x, y float64, down bool) (float64, bool) {
	w := cv.textWidth(label, labelSize, false)
	up, under := cv.px(labelSize*0.63), cv.px(labelSize*0.5)
	for range 8 {
		b := rect{x - w/2, y - up, x + w/2, y + under}
		if b.x0 < 0 || b.x1 > s.width || b.y0 < s.top || b.y1 > s.bottom {
			return 0, false
		}
		k := slices.IndexFunc(s.taken, b.overlaps)
		if k < 0 {
			s.taken = append(s.taken, b)
			return y, true
		}
		if down {
			y = s.taken[k].y1 + up + 1
		} else {
			y = s.taken[k].y0 - under - 1
		}
	}
	return 0, false
}

// A sideLabel is a value to be set beside its column, and the middle of
// its segment.
type sideLabel struct {
	text string
	y    float64
}

// besideColumn draws the values of a column's segments too small to
// hold them right of the column, from x, in the text colour: each as near
// its segment's middle as it can be without overlapping another, all
// inside the plot, each ending by limit. A value there is no room for is
// noted as lost, not drawn over something else.
func (cv canvas) besideColumn(r chart.Renderer, labels []sideLabel, x, limit float64, box chart.Box) {
	var fit []sideLabel
	for _, l := range labels {
		if x+cv.textWidth(l.text, labelSize, false) <= limit {
			fit = append(fit, l)
		} else {
			cv.short.lose(l.text)
		}
	}
	slices.SortStableFunc(fit, func(a, b sideLabel) int { return cmp.Compare(a.y, b.y) })
	half, pitch := cv.px(labelSize*labelHalf), cv.px(labelSize*1.2)
	for n := len(fit); n > 0; n-- {
		want := make([]float64, n)
		for k := range n {
			want[k] = fit[k].y
		}
		ys, ok := spread(want, pitch, float64(box.Top)+half, float64(box.Bottom)-half)
		if !ok {
			cv.short.lose(fit[n-1].text)
			continue
		}
		for k, y := range ys {
			cv.text(r, fit[k].text, x, y, labelSize, cv.theme.Colors.Text, false, left)
		}
		return
	}
}

// valueY is the middle of the value label of a column of the value v
// whose end is at y: over a column, under one that hangs below zero.
func (cv canvas) valueY(y, v float64) float64 {
	if v < 0 {
		return y + cv.px(labelSize*0.9)
	}
	return y - cv.px(labelSize*0.9)
}

type point struct{ x, y float64 }

// The trend annotation's measures, in points: the arrow clears the
// columns by trendLift, its head is trendHead long, and the label's box,
// trendHeight high, has its middle trendRise above the arrow's middle.
// Everything keeps trendMargin from the canvas's edges.
const (
	trendLift   = labelSize * 3
	trendHead   = 5
	trendRise   = noteSize * 1.1
	trendHeight = noteSize * 1.7
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
	mx, my := (a.x+b.x)/2, (a.y+b.y)/2-cv.px(trendRise)
	w := cv.textWidth(cv.chart.Annotation, noteSize, true) + cv.px(10)
	h := cv.px(trendHeight)
	if edge := w/2 + cv.px(trendMargin); 2*edge <= float64(cv.width) {
		mx = math.Max(edge, math.Min(mx, float64(cv.width)-edge))
	}
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

// lineSeries draws series as lines with dots and values over the points.
type lineSeries struct {
	cv     canvas
	series []int
	axis   chart.YAxisType
}

func (lineSeries) GetName() string             { return "lines" }
func (lineSeries) GetStyle() chart.Style       { return chart.Style{} }
func (lineSeries) Validate() error             { return nil }
func (l lineSeries) GetYAxis() chart.YAxisType { return l.axis }

func (l lineSeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := l.cv, l.cv.chart
	order := c.Order()
	pts := make([][]point, len(l.series))
	for jj, j := range l.series {
		for k, i := range order {
			pts[jj] = append(pts[jj], point{float64(box.Left) + float64(xr.Translate(float64(k))), float64(box.Bottom) - float64(yr.Translate(c.Series[j].Values[i]))})
		}
	}
	at := cv.lineLabels(l.series, pts, box)
	for jj, j := range l.series {
		col := cv.lineColor(jj, len(l.series))
		r.SetStrokeColor(rgba(col))
		r.SetStrokeWidth(cv.px(1.6))
		for k, p := range pts[jj] {
			if k == 0 {
				r.MoveTo(int(p.x), int(p.y))
			} else {
				r.LineTo(int(p.x), int(p.y))
			}
		}
		r.Stroke()
		for k, p := range pts[jj] {
			r.SetFillColor(drawing.ColorWhite)
			r.SetStrokeColor(rgba(col))
			r.SetStrokeWidth(cv.px(1.4))
			r.Circle(cv.px(2.4), int(p.x), int(p.y))
			r.FillStroke()
			label := c.Series[j].Labels[order[k]]
			if y, ok := at[jj][k]; ok {
				cv.text(r, label, p.x, y, labelSize, col, true, center)
			} else {
				cv.short.lose(label)
			}
		}
	}
}

// lineLabels returns where the values of the lines' points go, the
// middle of each label by line and point: over its point, or else under
// it, or a step further up or down, wherever it overlaps no value placed
// before it and stays between the legend and the category labels, and
// crosses no line where it can. A point whose value has no such place
// has none.
func (cv canvas) lineLabels(series []int, pts [][]point, box chart.Box) []map[int]float64 {
	c := cv.chart
	// A label's em box reaches 0.63 sizes over its middle and 0.5 under
	// it (see labelHalf); the category labels' start 4 points under the
	// plot.
	up, down, pitch := cv.px(labelSize*0.63), cv.px(labelSize*0.5), cv.px(labelSize*1.2)
	top, bottom := cv.trendCeiling(), float64(box.Bottom)+cv.px(3)
	d := cv.px(labelSize * 1.1)
	offsets := []float64{-d, d, -d - pitch, d + pitch, -d - 2*pitch, d + 2*pitch}
	order := c.Order()
	var placed []rect
	out := make([]map[int]float64, len(pts))
	for jj, line := range pts {
		j := series[jj]
		out[jj] = map[int]float64{}
		for k, p := range line {
			w := cv.textWidth(c.Series[j].Labels[order[k]], labelSize, true)
			free := func(b rect) bool {
				return b.y0 >= top && b.y1 <= bottom && !slices.ContainsFunc(placed, b.overlaps)
			}
			// Clear of the lines if it can be; where a steep line
			// leaves no such place, over a line.
		search:
			for _, clear := range []bool{true, false} {
				for _, o := range offsets {
					y := p.y + o
					b := rect{p.x - w/2, y - up, p.x + w/2, y + down}
					if free(b) && !(clear && b.crossesLines(pts)) {
						placed = append(placed, b)
						out[jj][k] = y
						break search
					}
				}
			}
		}
	}
	return out
}

// crossesLines reports whether one of the lines through the points
// crosses the rectangle.
func (b rect) crossesLines(lines [][]point) bool {
	for _, line := range lines {
		for k := 1; k < len(line); k++ {
			if b.crosses(line[k-1], line[k]) {
				return true
			}
		}
	}
	return false
}

// overlaps reports whether two rectangles overlap.
func (b rect) overlaps(o rect) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// lineColor: a line beside bars takes the accent; lines alone take the
// series colours.
func (cv canvas) lineColor(jj, lines int) deck.Color {
	if cv.chart.Kind == deck.ChartBar {
		if jj == 0 {
			return cv.theme.Colors.Accent
		}
		return cv.seriesColor(jj + 3)
	}
	return cv.seriesColor(jj)
}

// hbarSeries draws horizontal bars with the category on the left and the
// value at the end of each bar, in the order the eye reads them: the first
// category (in the chart's order, as written or sorted) at the top, so
// that a descending sort puts the largest bar on top. A bar of a negative
// value reaches left from zero.
type hbarSeries struct{ cv canvas }

func (hbarSeries) GetName() string           { return "bars" }
func (hbarSeries) GetStyle() chart.Style     { return chart.Style{} }
func (hbarSeries) Validate() error           { return nil }
func (hbarSeries) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }

func (h hbarSeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := h.cv, h.cv.chart
	order := c.Order()
	slot := float64(box.Height()) / float64(len(order))
	if slot < cv.px(categorySize*9/8) {
		// go-chart's type is an eighth larger than its size: the
		// category labels' em boxes would overlap.
		cv.short.crowd()
	}
	thick := math.Min(slot*0.62, cv.px(22))
	s := c.Series[0]
	x0 := float64(box.Left) + float64(xr.Translate(0))
	if xr.GetMin() < 0 {
		// Bars reach both ways: a line where zero is.
		w := cv.px(0.75)
		cv.rect(r, x0-w/2, float64(box.Top), x0+w/2, float64(box.Bottom), cv.theme.Colors.Muted.Mix(0.5))
	}
	for k, i := range order {
		// The category range runs up from the bottom: the k-th from the
		// top is the (n-1-k)-th from the bottom.
		cy := float64(box.Bottom) - float64(yr.Translate(float64(len(order)-1-k)))
		x1 := float64(box.Left) + float64(xr.Translate(s.Values[i]))
		fill := cv.barColor(0, 1, i)
		if !c.IsHighlighted(i) && len(c.Highlight) > 0 {
			fill = cv.theme.Colors.Primary.Mix(0.35)
		}
		cv.rect(r, x0, cy-thick/2, x1, cy+thick/2, fill)
		hi := c.IsHighlighted(i)
		labelCol := cv.theme.Colors.Text
		if hi {
			labelCol = cv.theme.Colors.Accent
		}
		cv.text(r, c.Label(i), float64(box.Left)-cv.px(6), cy, categorySize, labelCol, hi, right)
		if s.Values[i] < 0 {
			cv.text(r, s.Labels[i], x1-cv.px(4), cy, labelSize, labelCol, hi, right)
		} else {
			cv.text(r, s.Labels[i], x1+cv.px(4), cy, labelSize, labelCol, hi, left)
		}
	}
}

// A legendEntry is a series in the legend: its name, its colour, and
// whether it is a line (a line with a dot) or bars (a square).
type legendEntry struct {
	name  string
	col   deck.Color
	line  bool
	text  float64 // the name's width, in pixels
	width float64 // the entry's, swatch and name
}

// legendPitch is how far apart, in category sizes, the legend's rows are.
const legendPitch = 1.6

// legendRows returns the legend's entries in rows, each row as wide as
// the picture allows: one row where they all fit, else as many as it
// takes, so that the legend is never cut off. A name wider than the
// picture has a row of its own.
func (cv canvas) legendRows() [][]legendEntry {
	c := cv.chart
	bars, lines := cv.split()
	sw := cv.px(categorySize)
	entry := func(name string, col deck.Color, line bool) legendEntry {
		w := cv.textWidth(name, categorySize, false)
		return legendEntry{name, col, line, w, sw*1.6 + w}
	}
	var entries []legendEntry
	for jj, j := range bars {
		entries = append(entries, entry(c.Series[j].Name, cv.seriesColor(jj), false))
	}
	for jj, j := range lines {
		entries = append(entries, entry(c.Series[j].Name, cv.lineColor(jj, len(lines)), true))
	}
	gap, room := cv.px(categorySize*1.4), float64(cv.width)
	var rows [][]legendEntry
	w := 0.0
	for _, e := range entries {
		if n := len(rows); n > 0 && w+gap+e.width <= room {
			rows[n-1] = append(rows[n-1], e)
			w += gap + e.width
			continue
		}
		rows = append(rows, []legendEntry{e})
		w = e.width
	}
	return rows
}

// legendHeight is the height of the legend's band at the top, in whole
// pixels.
func (cv canvas) legendHeight() float64 {
	return float64(int(cv.px(categorySize*2) + float64(len(cv.legendRows())-1)*cv.px(categorySize*legendPitch)))
}

// legend draws the series names at the top, each row centred: a square
// for bars, a line with a dot for lines.
func (cv canvas) legend(r chart.Renderer, _ chart.Box, _ chart.Style) {
	sw, gap := cv.px(categorySize), cv.px(categorySize*1.4)
	for k, row := range cv.legendRows() {
		total := 0.0
		for i, e := range row {
			if i > 0 {
				total += gap
			}
			total += e.width
		}
		if total > float64(cv.width) {
			cv.short.wide(row[0].name)
		}
		x := (float64(cv.width) - total) / 2
		y := cv.px(categorySize*1.1) + float64(k)*cv.px(categorySize*legendPitch)
		for _, e := range row {
			if e.line {
				r.SetStrokeColor(rgba(e.col))
				r.SetStrokeWidth(cv.px(1.6))
				r.MoveTo(int(x), int(y))
				r.LineTo(int(x+sw*1.2), int(y))
				r.Stroke()
				r.SetFillColor(drawing.ColorWhite)
				r.Circle(cv.px(2.2), int(x+sw*0.6), int(y))
				r.FillStroke()
			} else {
				cv.rect(r, x+sw*0.1, y-sw/2, x+sw*1.1, y+sw/2, e.col)
			}
			x += sw * 1.6
			cv.text(r, e.name, x, y, categorySize, cv.theme.Colors.Text, false, left)
			x += e.text + gap
		}
	}
}
