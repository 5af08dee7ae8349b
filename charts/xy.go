package charts

import (
	"math"

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
	if cv.hasAxisTitle() {
		pad.Top += int(cv.px(titleRoom))
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
		ch.Series = []chart.Series{hbarSeries{cv: cv}}
		return ch
	}
	// The category axis is drawn by categorySeries: go-chart's X axis
	// stretches its range to its first and last tick, which would put the
	// first and last columns half off the picture.
	ch.Background.Padding.Bottom += int(cv.px(categorySize * 2))
	ch.XAxis = chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: -0.5, Max: n - 0.5}}
	bars, lines := cv.split()
	if c.Kind == deck.ChartLine && c.AxisShown() {
		ax := cv.lineAxis(lines)
		ch.Background.Padding.Left += int(math.Ceil(cv.labelRoom(ax)))
		ch.YAxis.Range = &chart.ContinuousRange{Min: ax.lo, Max: ax.hi}
		ch.Series = []chart.Series{axisSeries{cv: cv, left: ax}, categorySeries{cv: cv}, lineSeries{cv: cv, series: lines, axis: chart.YAxisPrimary}}
		return ch
	}
	if c.Kind == deck.ChartLine {
		lo, hi := cv.valueSpan(lines)
		ch.YAxis.Range = &chart.ContinuousRange{Min: lo - (hi-lo)*0.15, Max: hi + (hi-lo)*0.12}
		ch.Series = []chart.Series{categorySeries{cv: cv}, lineSeries{cv: cv, series: lines, axis: chart.YAxisPrimary}}
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
	var axes *axisSeries
	if c.AxisShown() {
		axes = &axisSeries{cv: cv, left: cv.barAxis(bottom, top, plot, frac)}
		ch.Background.Padding.Left += int(math.Ceil(cv.labelRoom(axes.left)))
		ch.YAxis.Range = &chart.ContinuousRange{Min: axes.left.lo, Max: axes.left.hi}
		if len(lines) > 0 {
			lo, hi := cv.valueSpan(lines)
			axes.right, axes.twin = cv.forLines().matchAxis(axes.left, lo, hi), true
			ch.Background.Padding.Right += int(math.Ceil(cv.labelRoom(axes.right)))
		}
	} else {
		// A negative column's value is under its end, inside the plot.
		min := 0.0
		if bottom < 0 {
			min = extend(bottom, top, cv.px(labelSize*1.8), plot*frac)
		}
		ch.YAxis.Range = &chart.ContinuousRange{Min: min, Max: min + (top-min)/frac}
	}
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
	ch.Series = []chart.Series{categorySeries{cv: cv}, bs}
	if axes != nil {
		ch.Series = append([]chart.Series{*axes}, ch.Series...)
	}
	if len(lines) > 0 && axes != nil {
		ch.YAxisSecondary.Range = &chart.ContinuousRange{Min: axes.right.lo, Max: axes.right.hi}
		ch.Series = append(ch.Series, lineSeries{cv: cv, series: lines, axis: chart.YAxisSecondary})
	} else if len(lines) > 0 {
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

type point struct{ x, y float64 }
