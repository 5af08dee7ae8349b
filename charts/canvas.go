package charts

import (
	"math"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/numfmt"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Type sizes in the picture, in points at its size on the slide.
const (
	labelSize    = 8.5 // values on bars and points
	categorySize = 9   // category labels and the legend
	noteSize     = 9.5 // the trend annotation
)

// A canvas is one chart being drawn: the spec, the brand, and the scale
// from points on the slide to pixels in the PNG.
type canvas struct {
	chart         *deck.Chart
	theme         deck.Theme
	regular, bold *truetype.Font
	scale         float64 // pixels per point
	width, height int     // pixels
	dpi           float64
	measure       chart.Renderer // a scratch renderer that measures text
	format        *numfmt.Format // the chart's number format; nil for none
	divide        float64        // what values are divided by before format shows them (0: 1)
	lineFormat    *numfmt.Format // the format of a bar chart's lines and right axis; nil for none
	short         *shortfall     // what there was no room for; nil forgets it
}

// A shortfall is what a chart had no room to draw: value labels left out
// of the drawing (the PDF keeps them as hidden text), legend entries
// wider than the picture, and rows of bars closer than their labels are
// high.
type shortfall struct {
	values  []string
	legend  []string
	crowded bool
}

// lose notes a value label that is not drawn.
func (s *shortfall) lose(label string) {
	if s != nil {
		s.values = append(s.values, label)
	}
}

// empty reports whether nothing was left out.
func (s shortfall) empty() bool { return len(s.values) == 0 && len(s.legend) == 0 && !s.crowded }

// warn adds a warning at the chart c for what its drawing, or picture,
// had no room for.
func (s shortfall) warn(diags *deck.Diagnostics, c *deck.Chart, what string) {
	if len(s.values) > 0 {
		diags.Warnf(c.Pos, "charts: chart %s has no room to show the values %s; %s leaves them out and the PDF keeps them only as hidden text; give the chart more room", c.Name(), strings.Join(s.values, ", "), what)
	}
	if s.crowded {
		diags.Warnf(c.Pos, "charts: chart %s has its bars closer together than their labels are high, so that the labels overlap; give the chart more height", c.Name())
	}
	for _, name := range s.legend {
		diags.Warnf(c.Pos, "charts: chart %s is narrower than the name %q in its legend; give the chart more room or the series a shorter name", c.Name(), name)
	}
}

// crowd notes rows of bars closer than their labels are high.
func (s *shortfall) crowd() {
	if s != nil {
		s.crowded = true
	}
}

// wide notes a legend entry wider than the picture.
func (s *shortfall) wide(name string) {
	if s != nil {
		s.legend = append(s.legend, name)
	}
}

func (cv canvas) px(pt float64) float64 { return pt * cv.scale }

func rgba(c deck.Color) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

var white = deck.Color{R: 255, G: 255, B: 255, A: 255}

// seriesColor is the colour of series j: the brand's primary colour, a
// light tint of it, the accent, then further tints.
func (cv canvas) seriesColor(j int) deck.Color {
	c := cv.theme.Colors
	palette := []deck.Color{c.Primary, c.Primary.Mix(0.5), c.Accent, c.Muted, c.Primary.Mix(0.75), c.Accent.Mix(0.5)}
	return palette[j%len(palette)]
}

// sliceColor is the colour of the k-th slice of a pie: tints of the
// primary colour and the muted grey, leaving the accent to highlights.
func (cv canvas) sliceColor(k int) deck.Color {
	c := cv.theme.Colors
	palette := []deck.Color{c.Primary, c.Primary.Mix(0.3), c.Primary.Mix(0.55), c.Muted, c.Primary.Mix(0.75), c.Muted.Mix(0.5)}
	return palette[k%len(palette)]
}

// colorOf is the colour of the series j, drawn as the k-th of its kind
// (bars or lines), whose colour by the palette is col: the series' own
// colour when it has one; else, when the chart highlights series, the
// accent for a highlighted one and a grey for the others; else col.
func (cv canvas) colorOf(j, k int, col deck.Color) deck.Color {
	s := cv.chart.Series[j]
	if own, err := deck.ParseColor(s.Color); err == nil {
		return own
	}
	if s.Highlight {
		return cv.theme.Colors.Accent
	}
	if cv.highlightsSeries() {
		return cv.theme.Colors.Muted.Mix(mutedTints[k%len(mutedTints)])
	}
	return col
}

// mutedTints are how light the series that are not highlighted are, in
// turn, when a chart highlights a series.
var mutedTints = []float64{0.35, 0.6, 0.15, 0.75}

// highlightsSeries reports whether a series of the chart is highlighted.
func (cv canvas) highlightsSeries() bool {
	for _, s := range cv.chart.Series {
		if s.Highlight {
			return true
		}
	}
	return false
}

// muted reports whether the series j is drawn grey: the chart highlights
// other series, and j has neither a highlight nor a colour of its own.
// Its values are still written in a colour that reads on white.
func (cv canvas) muted(j int) bool {
	s := cv.chart.Series[j]
	_, err := deck.ParseColor(s.Color)
	return err != nil && !s.Highlight && cv.highlightsSeries()
}

// barSeriesColor is the colour of the bar series j, the jj-th bar series.
func (cv canvas) barSeriesColor(j, jj int) deck.Color {
	return cv.colorOf(j, jj, cv.seriesColor(jj))
}

// barColor is the fill of the jj-th bar series, the series j, at category
// i: the accent where the category is highlighted, lighter where it is a
// forecast.
func (cv canvas) barColor(j, jj, bars, i int) deck.Color {
	col := cv.barSeriesColor(j, jj)
	if bars == 1 && cv.chart.IsHighlighted(i) {
		col = cv.theme.Colors.Accent
	}
	if cv.chart.IsForecast(i) {
		col = col.Mix(0.45)
	}
	return col
}

// textWidth measures s in pixels as go-chart's rasterizer draws it: it
// rounds each advance to whole pixels, so it runs wider than the font's
// own metrics.
func (cv canvas) textWidth(s string, size float64, bold bool) float64 {
	font := cv.regular
	if bold {
		font = cv.bold
	}
	cv.measure.SetFont(font)
	cv.measure.SetFontSize(size)
	return float64(cv.measure.MeasureText(s).Width())
}

// align places text horizontally on its anchor.
type align int

const (
	center align = iota
	left
	right
)

// text draws s with its vertical middle at y (digits and hanzi alike look
// centred there) and its anchor at x.
func (cv canvas) text(r chart.Renderer, s string, x, y, size float64, col deck.Color, bold bool, a align) {
	w := cv.textWidth(s, size, bold)
	switch a {
	case center:
		x -= w / 2
	case right:
		x -= w
	}
	font := cv.regular
	if bold {
		font = cv.bold
	}
	r.SetFont(font)
	r.SetFontSize(size)
	r.SetFontColor(rgba(col))
	r.Text(s, int(math.Round(x)), int(math.Round(y+cv.px(size)*0.36)))
}

// rect fills a rectangle given by its edges in pixels.
func (cv canvas) rect(r chart.Renderer, x0, y0, x1, y1 float64, col deck.Color) {
	r.SetFillColor(rgba(col))
	r.SetStrokeWidth(0)
	r.SetStrokeColor(drawing.ColorTransparent)
	r.MoveTo(int(math.Round(x0)), int(math.Round(y0)))
	r.LineTo(int(math.Round(x1)), int(math.Round(y0)))
	r.LineTo(int(math.Round(x1)), int(math.Round(y1)))
	r.LineTo(int(math.Round(x0)), int(math.Round(y1)))
	r.Close()
	r.Fill()
}

// contrast returns white or the text colour, whichever reads on fill.
func (cv canvas) contrast(fill deck.Color) deck.Color {
	lum := 0.2126*float64(fill.R) + 0.7152*float64(fill.G) + 0.0722*float64(fill.B)
	if lum < 150 {
		return white
	}
	return cv.theme.Colors.Text
}

// painted is embedded in the series deck draws itself, in their Render:
// go-chart asks every series for a style, a check and an axis, and these
// have none of their own, are always valid, and use the primary axis (a
// line series on the right says so itself).
type painted struct{}

func (painted) GetStyle() chart.Style     { return chart.Style{} }
func (painted) Validate() error           { return nil }
func (painted) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }
