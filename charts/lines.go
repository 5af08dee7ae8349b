package charts

import (
	"math"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// lineSeries draws series as lines with dots and values over the points.
// A missing value is a gap: no point, no value, and no segment to it or
// from it; the points either side keep their dots and values.
type lineSeries struct {
	painted
	cv     canvas
	series []int
	axis   chart.YAxisType
}

func (lineSeries) GetName() string             { return "lines" }
func (l lineSeries) GetYAxis() chart.YAxisType { return l.axis }

func (l lineSeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	cv, c := l.cv, l.cv.chart
	order := c.Order()
	pts := make([][]point, len(l.series))
	for jj, j := range l.series {
		for k, i := range order {
			y := math.NaN()
			if !c.Series[j].Missing(i) {
				y = float64(box.Bottom) - float64(yr.Translate(c.Series[j].Values[i]))
			}
			pts[jj] = append(pts[jj], point{float64(box.Left) + float64(xr.Translate(float64(k))), y})
		}
	}
	at := cv.lineLabels(l.series, pts, box)
	for jj, j := range l.series {
		col := cv.lineColor(j, jj)
		labelCol := col
		if cv.muted(j) {
			labelCol = cv.theme.Colors.Muted // the line grey, its values legible
		}
		r.SetStrokeColor(rgba(col))
		r.SetStrokeWidth(cv.px(1.6))
		for _, run := range runs(pts[jj]) {
			for k, p := range run {
				if k == 0 {
					r.MoveTo(int(p.x), int(p.y))
				} else {
					r.LineTo(int(p.x), int(p.y))
				}
			}
			r.Stroke()
		}
		for k, p := range pts[jj] {
			if math.IsNaN(p.y) {
				continue
			}
			r.SetFillColor(drawing.ColorWhite)
			r.SetStrokeColor(rgba(col))
			r.SetStrokeWidth(cv.px(1.4))
			r.Circle(cv.px(2.4), int(p.x), int(p.y))
			r.FillStroke()
			label := c.Series[j].Labels[order[k]]
			if y, ok := at[jj][k]; ok {
				cv.text(r, label, p.x, y, labelSize, labelCol, true, center)
			} else {
				cv.short.lose(label)
			}
		}
	}
}

// runs returns the runs of two or more points of a line that no missing
// point (its y NaN) breaks: the pieces the line is drawn in.
func runs(line []point) [][]point {
	var out [][]point
	start := 0
	for k := 0; k <= len(line); k++ {
		if k < len(line) && !math.IsNaN(line[k].y) {
			continue
		}
		if k-start > 1 {
			out = append(out, line[start:k])
		}
		start = k + 1
	}
	return out
}

// lineColor is the colour of the line series j, the jj-th line: a line
// beside bars takes the accent, lines alone take the series colours,
// unless the series has its own or the chart highlights series (see
// colorOf).
func (cv canvas) lineColor(j, jj int) deck.Color {
	col := cv.seriesColor(jj)
	if cv.chart.Kind == deck.ChartBar {
		col = cv.seriesColor(jj + 3)
		if jj == 0 {
			col = cv.theme.Colors.Accent
		}
	}
	return cv.colorOf(j, jj, col)
}
