package charts

import (
	"io"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// pieChart is what PieChart and DonutChart share.
type pieChart interface {
	Render(rp chart.RendererProvider, w io.Writer) error
}

// pie returns the go-chart PieChart or DonutChart of a one-series chart.
// Labels name the category and its value, in the text colour: go-chart's
// white default is invisible where a donut sets labels outside its ring.
func (cv canvas) pie() pieChart {
	c := cv.chart
	s := c.Series[0]
	var values []chart.Value
	for k, i := range c.Order() {
		fill := cv.sliceColor(k)
		if c.IsHighlighted(i) {
			fill = cv.theme.Colors.Accent
		}
		font := cv.contrast(fill)
		if c.Kind == deck.ChartDonut {
			font = cv.theme.Colors.Text
		}
		values = append(values, chart.Value{
			Value: s.Values[i],
			Label: c.Label(i) + " " + s.Labels[i],
			Style: chart.Style{FillColor: rgba(fill), FontColor: rgba(font), FontSize: labelSize,
				StrokeColor: drawing.ColorWhite, StrokeWidth: cv.px(1.2)},
		})
	}
	pad := chart.Box{Top: int(cv.px(labelSize * 2)), Bottom: int(cv.px(labelSize * 2)), Left: int(cv.px(8)), Right: int(cv.px(8))}
	bg := chart.Style{Padding: pad, FillColor: drawing.ColorWhite}
	if c.Kind == deck.ChartDonut {
		return chart.DonutChart{Width: cv.width, Height: cv.height, DPI: cv.dpi, Font: cv.regular, Background: bg, Values: values}
	}
	return chart.PieChart{Width: cv.width, Height: cv.height, DPI: cv.dpi, Font: cv.regular, Background: bg, Values: values}
}
