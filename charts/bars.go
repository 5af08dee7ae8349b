package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
)

// barSeries draws columns, side by side or stacked, with their values,
// and the trend annotation over them. A column's value is over it (under
// a negative one, which hangs from zero); values side by side that would
// overlap step up from one another. A stacked segment's value is inside
// it; a series with a segment too small for its value has its values
// beside the columns, in every column (see besideSeries). A value
// that fits nowhere is left out and noted, never drawn over another.
type barSeries struct {
	painted
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
		// Drawn, the segments' ends are whole pixels: a pixel to spare
		// either way.
		outside := cv.besideSeries(bars, func(v float64) float64 { return math.Abs(v)/(hi-lo)*height - 1 }, columnShare*slot-1)
		in, out := 0.0, 0.0 // the widest values inside and beside
		for i := range c.Categories {
			for jj, j := range bars {
				if c.Series[j].Missing(i) {
					continue
				}
				w := cv.textWidth(c.Series[j].Labels[i], labelSize, false)
				if outside[jj] {
					out = math.Max(out, w)
				} else {
					in = math.Max(in, w)
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

// besideSeries reports, for each of the stacked bar series, whether its
// values are set beside their columns: in every column when one of its
// values does not fit inside its segment, so that a series' values stand
// alike in every column. A segment of value v is height(v) pixels high
// and cw pixels wide.
func (cv canvas) besideSeries(bars []int, height func(v float64) float64, cw float64) []bool {
	c := cv.chart
	out := make([]bool, len(bars))
	for jj, j := range bars {
		for i := range c.Categories {
			if !c.Series[j].Missing(i) && !cv.fitsInside(cv.textWidth(c.Series[j].Labels[i], labelSize, false), height(c.Series[j].Values[i]), cw) {
				out[jj] = true
				break
			}
		}
	}
	return out
}

func (barSeries) GetName() string { return "bars" }

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
	var outside []bool
	if c.Stacked && nb > 1 {
		outside = cv.besideSeries(b.bars, func(v float64) float64 { return math.Abs(y(0) - y(v)) }, group)
	}
	for k, i := range order {
		cx := float64(box.Left) + float64(xr.Translate(float64(k)))
		if c.Stacked || nb == 1 {
			base, reach := 0.0, y(0)
			var beside []sideLabel
			for jj, j := range b.bars {
				v := c.Series[j].Values[i]
				if math.IsNaN(v) {
					continue // no bar, no value
				}
				y0, y1 := y(base), y(base+v)
				reach = math.Min(reach, y1)
				fill := cv.barColor(j, jj, nb, i)
				cv.rect(r, cx-group/2, y1, cx+group/2, y0, fill)
				label := c.Series[j].Labels[i]
				switch {
				case nb == 1:
					cv.text(r, label, cx, cv.valueY(y1, v), labelSize, cv.theme.Colors.Text, c.IsHighlighted(i), center)
				case !outside[jj]:
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
			if c.Total && c.Stacked {
				if total, ok := cv.columnTotal(b.bars, i); ok {
					cv.text(r, total, cx, cv.valueY(reach, 1), labelSize, cv.theme.Colors.Text, true, center)
				}
			}
			tops = append(tops, point{cx, math.Min(y(0), y(base))})
			continue
		}
		w := group / float64(nb)
		top := math.Inf(1)
		for jj, j := range b.bars {
			v := c.Series[j].Values[i]
			if math.IsNaN(v) {
				continue // no bar, no value
			}
			x0 := cx - group/2 + float64(jj)*w
			y0, y1 := y(0), y(v)
			cv.rect(r, x0+w*0.06, y1, x0+w*0.94, y0, cv.barColor(j, jj, nb, i))
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

// hbarSeries draws horizontal bars with the category on the left and the
// value at the end of each bar, in the order the eye reads them: the first
// category (in the chart's order, as written or sorted) at the top, so
// that a descending sort puts the largest bar on top. A bar of a negative
// value reaches left from zero.
type hbarSeries struct {
	painted
	cv canvas
}

func (hbarSeries) GetName() string { return "bars" }

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
		fill := cv.barColor(0, 0, 1, i)
		if !c.IsHighlighted(i) && len(c.Highlight) > 0 {
			fill = cv.theme.Colors.Primary.Mix(0.35)
		}
		if !s.Missing(i) {
			cv.rect(r, x0, cy-thick/2, x1, cy+thick/2, fill)
		}
		hi := c.IsHighlighted(i)
		labelCol := cv.theme.Colors.Text
		if hi {
			labelCol = cv.theme.Colors.Accent
		}
		cv.text(r, c.Label(i), float64(box.Left)-cv.px(6), cy, categorySize, labelCol, hi, right)
		if s.Missing(i) {
			continue // the category, and no bar nor value
		}
		if s.Values[i] < 0 {
			cv.text(r, s.Labels[i], x1-cv.px(4), cy, labelSize, labelCol, hi, right)
		} else {
			cv.text(r, s.Labels[i], x1+cv.px(4), cy, labelSize, labelCol, hi, left)
		}
	}
}
