package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/numfmt"
	"go.yaml.in/yaml/v4"
)

// chartScales are the names of the scales a chart's values may be shown
// in, and what they divide by.
var chartScales = []struct {
	name   string
	factor float64
}{{"千", 1e3}, {"万", 1e4}, {"百万", 1e6}, {"亿", 1e8}, {"十亿", 1e9}, {"万亿", 1e12}}

// axisOptions reads how a chart shows its values: axis, min, max,
// format and scale.
func axisOptions(dec *decoder, f map[string]*yaml.Node, c *deck.Chart) {
	c.Axis = dec.boolean(f["axis"], "axis")
	bound := func(key string) *float64 {
		if f[key] == nil {
			return nil
		}
		v := dec.num(f[key], key, -1e15, 1e15)
		return &v
	}
	c.Min, c.Max = bound("min"), bound("max")
	if c.Min != nil && c.Max != nil && *c.Min >= *c.Max {
		dec.errorf(f["max"], "max (%g) must be above min (%g)", *c.Max, *c.Min)
	}
	if n := f["format"]; n != nil {
		c.Format = formatCode(dec, n, "format")
		if strings.Contains(c.Format, "%") {
			c.Scale = 100 // the values are percentages as written: 28.6 is 28.6%
		}
	}
	if n := f["line_format"]; n != nil {
		c.LineFormat = formatCode(dec, n, "line_format")
	}
	if n := f["scale"]; n != nil {
		name := dec.str(n, "scale")
		i := slices.IndexFunc(chartScales, func(s struct {
			name   string
			factor float64
		}) bool {
			return s.name == name
		})
		var names []string
		for _, s := range chartScales {
			names = append(names, s.name)
		}
		switch {
		case i < 0:
			dec.errorf(n, "unknown scale %q%s; the choices are %s", name, suggest(name, names), strings.Join(names, ", "))
		case c.Scale == 100:
			dec.errorf(n, "scale %s and a percentage format do not go together", name)
		default:
			c.Scale, c.ScaleName = chartScales[i].factor, name
		}
	}
}

// formatCode reads a number-format code.
func formatCode(dec *decoder, n *yaml.Node, what string) string {
	code := dec.str(n, what)
	if _, err := numfmt.Parse(code); err != nil || code == "" {
		dec.errorf(n, "%s %q is not a number format: write an Excel number-format code, as \"#,##0.0\" or \"0.0%%\"", what, code)
	}
	return code
}

// checkAxis reports axis options that the chart cannot honour: an axis on
// a chart that has none, a min that would cut bars (which start at
// zero), and line points beyond min or max (they would leave the plot).
func checkAxis(dec *decoder, f map[string]*yaml.Node, c *deck.Chart) {
	if !c.AxisShown() || c.Min != nil && c.Max != nil && *c.Min >= *c.Max {
		return
	}
	if c.Kind != deck.ChartBar && c.Kind != deck.ChartLine {
		for _, k := range []string{"axis", "min", "max"} {
			if f[k] != nil {
				dec.errorf(f[k], "%s goes with bar and line charts, not a %s chart", k, c.Kind)
			}
		}
		return
	}
	for _, s := range c.Series {
		line := s.Line || c.Kind == deck.ChartLine
		for i, v := range s.Values {
			switch {
			case s.Missing(i):
			case !line && c.Min != nil && (*c.Min > 0 || v < *c.Min):
				dec.errorf(f["min"], "min (%g) would cut the bars: bars start at zero (%s of %s is %s); set min on a line chart to cut its axis", *c.Min, s.Name, c.Categories[i], s.Labels[i])
				return
			case line && !s.Line && c.Min != nil && v < *c.Min:
				dec.errorf(f["min"], "%s of %s (%s) is below min (%g): the line would leave the chart", s.Name, c.Categories[i], s.Labels[i], *c.Min)
				return
			case !s.Line && c.Max != nil && v > *c.Max:
				dec.errorf(f["max"], "%s of %s (%s) is above max (%g): it would leave the chart", s.Name, c.Categories[i], s.Labels[i], *c.Max)
				return
			}
		}
	}
}

// seriesOptions reads the options of a chart that name its series: total,
// colors and highlight_series. It runs once the series are read.
func seriesOptions(dec *decoder, f map[string]*yaml.Node, c *deck.Chart) {
	c.Total = dec.boolean(f["total"], "total")
	if c.Total && (!c.Stacked || c.Kind != deck.ChartBar) {
		dec.errorf(f["total"], "total goes with stacked bars (type: bar, stacked: true): it draws each column's total above it")
	}
	var names []string
	for _, s := range c.Series {
		names = append(names, s.Name)
	}
	series := func(n *yaml.Node, name string) *deck.Series {
		for i := range c.Series {
			if c.Series[i].Name == name {
				return &c.Series[i]
			}
		}
		dec.errorf(n, "%q is not a series of the chart%s; its series are %s", name, suggest(name, names), strings.Join(names, ", "))
		return nil
	}
	if n := f["colors"]; n != nil {
		if n.Kind != yaml.MappingNode {
			dec.errorf(n, "colors must map series to colours, as {营业收入: \"#1F4E79\"}, not %s", kindName(n))
		} else {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], resolve(n.Content[i+1])
				if s := series(k, k.Value); s != nil {
					s.Color = dec.color(v, fmt.Sprintf("the colour of %s", k.Value)).String()
				}
			}
		}
	}
	for _, name := range dec.strs(f["highlight_series"], "highlight_series") {
		if s := series(f["highlight_series"], name); s != nil {
			s.Highlight = true
		}
	}
}

// formatLabels writes the value labels of c's series with its format and
// scale, when it has one; otherwise labels stay as the cells are written.
func formatLabels(c *deck.Chart) {
	for i := range c.Series {
		s := &c.Series[i]
		code, scale := c.Format, c.Scale
		if s.Line && c.Kind == deck.ChartBar {
			// A bar chart's lines have their own axis and format.
			code, scale = c.LineFormat, 0
			if strings.Contains(code, "%") {
				scale = 100
			}
		}
		if code == "" && scale == 0 {
			continue
		}
		nf, err := numfmt.Parse(cmp.Or(code, "General"))
		if err != nil {
			continue // axisOptions said so
		}
		for j, v := range s.Values {
			if !s.Missing(j) {
				s.Labels[j] = nf.Format(scaled(v, scale))
			}
		}
	}
}

// scaled divides v by scale in its decimal digits (0 is 1).
func scaled(v, scale float64) float64 {
	if scale == 0 || scale == 1 {
		return v
	}
	return shiftDigits(v, 1/scale)
}

// workbookFormat gives a chart whose values come from a workbook the
// number format of its first value cell, for its axis: the labels already
// show each cell as the workbook does.
func workbookFormat(c *deck.Chart, t *table, x int) {
	for _, r := range t.rows {
		for i, cl := range r {
			if i == x || !cl.isNum {
				continue
			}
			if cl.format != "" && c.Scale == 0 {
				c.Format = cl.format
				if strings.Contains(cl.format, "%") {
					c.Scale = 100
				}
			}
			return
		}
	}
}
