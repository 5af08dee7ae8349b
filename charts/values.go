package charts

import (
	"cmp"
	"math"
	"slices"

	"github.com/wcharczuk/go-chart/v2"
)

// valueLabels returns the labels of series j's negative values, or of
// the others; missing values have none.
func (cv canvas) valueLabels(j int, negative bool) []string {
	s := cv.chart.Series[j]
	var out []string
	for i, v := range s.Values {
		if !math.IsNaN(v) && (v < 0) == negative {
			out = append(out, s.Labels[i])
		}
	}
	return out
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
			if c.Series[j].Missing(i) {
				continue
			}
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
			if math.IsNaN(p.y) {
				continue // a missing value has no label
			}
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
// crosses the rectangle. A line has no segment to or from a missing
// point (its y NaN).
func (b rect) crossesLines(lines [][]point) bool {
	for _, line := range lines {
		for k := 1; k < len(line); k++ {
			if !math.IsNaN(line[k-1].y+line[k].y) && b.crosses(line[k-1], line[k]) {
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
