package deck

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// ChartKind is the shape of a chart.
type ChartKind int

// The chart kinds.
const (
	ChartBar   ChartKind = iota // vertical columns, side by side or stacked
	ChartHBar                   // horizontal bars, one series
	ChartLine                   // lines through the points
	ChartPie                    // a pie of one series
	ChartDonut                  // a ring of one series
)

// ChartKinds lists every kind, in the order of the constants.
var ChartKinds = []ChartKind{ChartBar, ChartHBar, ChartLine, ChartPie, ChartDonut}

// String returns the kind's name as written in a deck file.
func (k ChartKind) String() string {
	switch k {
	case ChartHBar:
		return "hbar"
	case ChartLine:
		return "line"
	case ChartPie:
		return "pie"
	case ChartDonut:
		return "donut"
	default:
		return "bar"
	}
}

// Order is how categories are sorted before they are drawn.
type Order int

// The orders.
const (
	OrderAsWritten Order = iota
	OrderAscending
	OrderDescending
)

// Orders lists every order, in the order of the constants.
var Orders = []Order{OrderAsWritten, OrderAscending, OrderDescending}

// String returns the order's name as written in a deck file.
func (o Order) String() string {
	switch o {
	case OrderAscending:
		return "ascending"
	case OrderDescending:
		return "descending"
	default:
		return "none"
	}
}

// A Chart is a chart block: data drawn as a picture, with its title,
// caption and sources set as text by the slide.
type Chart struct {
	Pos     Pos
	ID      string
	Kind    ChartKind
	Title   Text
	Caption Text   // a line under the title, in the accent colour
	Sources []Text // set under the chart after the theme's source label
	// Categories label the columns, bars, points or slices.
	Categories []string
	Series     []Series
	Stacked    bool     // bar: stack the series
	Sort       Order    // hbar and bar: sort categories by the first series
	Highlight  []string // categories drawn in the accent colour
	// ForecastFrom is the first category whose values are forecasts: they
	// are drawn lighter and labelled with an E. Empty means none.
	ForecastFrom string
	Annotation   string  // a trend drawn across the columns, as "CAGR=28.6%"
	Unit         string  // the unit of the values, as "亿元": the value axis's title
	Height       float64 // the picture's height in points; 0 shares the free space
	Legend       bool    // draw a legend of the series

	// Axis draws the value axis: ticks, their labels and light gridlines,
	// and for the line series of a bar chart their own axis at the right.
	// It is drawn whenever Min or Max is set, so that a cut scale shows.
	Axis bool
	// Min and Max fix the ends of the value axis; nil leaves an end to the
	// data. Without Min, bars and lines start at zero (or below, for
	// negative values).
	Min, Max *float64
	// Format is the number format of the axis's tick labels and of value
	// labels drawn from numbers: an Excel number-format code, as "#,##0.0"
	// or "0.0%". Empty: tick labels as go-chart writes them, and value
	// labels as the cells are written (a workbook cell: as it is shown).
	Format string
	// Scale divides the values shown in labels and on the axis: 1e4 for
	// 万, 1e8 for 亿; ScaleName is its name ("亿"), put before Unit in the
	// axis title. Zero means 1.
	Scale     float64
	ScaleName string
	// LineFormat is the number format of a bar chart's line series: of
	// their labels and of their axis at the right. Scale does not divide
	// them. Empty: labels as written, the right axis's ticks plain.
	LineFormat string
	// Total draws each stacked column's total above it.
	Total bool
}

// AxisShown reports whether the value axis is drawn.
func (c *Chart) AxisShown() bool { return c.Axis || c.Min != nil || c.Max != nil }

// A Series is one named row of values.
type Series struct {
	Pos  Pos
	Name string
	// Values are the series' values; NaN is a missing value (a blank, "-",
	// "N/A" cell): a gap in a line, no bar, an empty label.
	Values []float64
	// Labels are the values as written ("21.0", "77.2%"), drawn on the chart.
	Labels []string
	// Line draws a bar chart's series as a line on a second axis at the right.
	Line bool
	// Color is the series' colour, "#RRGGBB"; empty takes the theme's
	// palette in turn.
	Color string
	// Highlight draws the series in the accent colour and the others muted.
	Highlight bool
}

// Missing reports whether value i of s is missing.
func (s *Series) Missing(i int) bool { return math.IsNaN(s.Values[i]) }

// Position returns where the chart was written.
func (b *Chart) Position() Pos { return b.Pos }

func (*Chart) block() {}

// Label returns the label drawn for category i: the category, with an E
// when it is a forecast ("2022E").
func (c *Chart) Label(i int) string {
	if c.ForecastFrom != "" && i >= c.forecastIndex() {
		return c.Categories[i] + "E"
	}
	return c.Categories[i]
}

// IsForecast reports whether category i holds forecast values.
func (c *Chart) IsForecast(i int) bool {
	return c.ForecastFrom != "" && i >= c.forecastIndex()
}

func (c *Chart) forecastIndex() int {
	for i, cat := range c.Categories {
		if cat == c.ForecastFrom {
			return i
		}
	}
	return len(c.Categories)
}

// IsHighlighted reports whether category i is drawn in the accent colour.
func (c *Chart) IsHighlighted(i int) bool {
	for _, h := range c.Highlight {
		if h == c.Categories[i] {
			return true
		}
	}
	return false
}

// Order returns the indexes of the categories in the order they are drawn:
// as written, or sorted by the first series' values (a stable sort).
func (c *Chart) Order() []int {
	idx := make([]int, len(c.Categories))
	for i := range idx {
		idx[i] = i
	}
	if c.Sort == OrderAsWritten || len(c.Series) == 0 {
		return idx
	}
	v := c.Series[0].Values
	slices.SortStableFunc(idx, func(a, b int) int {
		if c.Sort == OrderDescending {
			return cmp.Compare(v[b], v[a])
		}
		return cmp.Compare(v[a], v[b])
	})
	return idx
}

// Name names the chart in messages: its id in quotes, or "without an id".
func (c *Chart) Name() string {
	if c.ID == "" {
		return "without an id"
	}
	return strconv.Quote(c.ID)
}
