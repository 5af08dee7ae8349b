package charts

import (
	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

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
