package content

import (
	"math"
	"slices"
	"strings"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

var chartKeys = []string{"id", "type", "title", "caption", "source", "data", "rows", "x", "series", "line",
	"stacked", "sort", "highlight", "forecast_from", "annotation", "unit", "height", "legend", "sheet", "range",
	"axis", "min", "max", "format", "line_format", "scale", "total", "colors", "highlight_series"}

// chartBlock reads a chart: its options, and its data from a CSV file
// (data) or from rows in the YAML (rows), checked against the chart's kind.
func (l *loader) chartBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a chart", chartKeys...)
	if !ok {
		return nil
	}
	c := &deck.Chart{
		Pos:          pos,
		ID:           dec.str(f["id"], "id"),
		Title:        dec.text(f["title"], "title"),
		Caption:      dec.text(f["caption"], "caption"),
		Sources:      textsOf(dec, f["source"], "source"),
		Highlight:    dec.strs(f["highlight"], "highlight"),
		ForecastFrom: dec.str(f["forecast_from"], "forecast_from"),
		Annotation:   dec.str(f["annotation"], "annotation"),
		Unit:         dec.str(f["unit"], "unit"),
		Stacked:      dec.boolean(f["stacked"], "stacked"),
		Legend:       dec.boolean(f["legend"], "legend"),
	}
	if f["height"] != nil {
		c.Height = dec.num(f["height"], "height", 40, 2000)
	}
	if k := f["type"]; k != nil {
		c.Kind = named(dec, k, "chart type", deck.ChartKinds)
	}
	if o := f["sort"]; o != nil {
		c.Sort = named(dec, o, "sort", deck.Orders)
	}
	axisOptions(dec, f, c)
	var t *table
	switch {
	case f["data"] != nil && f["rows"] != nil:
		dec.errorf(f["rows"], "a chart takes data or rows, not both")
		return c
	case f["data"] != nil:
		defer l.readsData(len(l.diags), dec.pos(f["data"]))
		if t = l.dataTable(dec, f); t != nil && !l.mergedCells(t, true) {
			return c
		}
	case f["rows"] != nil:
		t = yamlTable(dec, f["rows"])
	default:
		dec.errorf(n, "a chart needs data (a CSV file or a workbook) or rows")
		return c
	}
	if t == nil {
		return c
	}
	l.chartData(dec, f, c, t)
	return c
}

// chartData picks the category and series columns out of t, and reads
// the chart's categories and series from them.
func (l *loader) chartData(dec *decoder, f map[string]*yaml.Node, c *deck.Chart, t *table) {
	if len(t.rows) == 0 {
		l.diags.Errorf(t.pos, "the chart's data has a header but no rows")
		return
	}
	x, bars, lines, ok := chartColumns(dec, f, t)
	if !ok {
		return
	}
	if n := len(t.rows); n > MaxCategories || n*(len(bars)+len(lines)) > MaxChartPoints {
		l.diags.Errorf(t.pos, "the chart has %d categories and %d series; deck draws at most %d categories and %d points", n, len(bars)+len(lines), MaxCategories, MaxChartPoints)
		return
	}
	if len(bars)+len(lines) == 0 {
		l.diags.Errorf(t.pos, "the chart's data has no column of values besides %q", t.header[x].text)
		return
	}
	c.Categories = l.categories(t, x)
	l.warnSameNames(t, append(append([]int(nil), bars...), lines...))
	c.Series = append(l.series(c, t, x, bars, false), l.series(c, t, x, lines, true)...)
	l.checkChart(dec, f, c)
	seriesOptions(dec, f, c)
	checkAxis(dec, f, c)
	formatLabels(c)
	if c.Format == "" {
		workbookFormat(c, t, x)
	}
}

// chartColumns returns the column of categories (x, the first unless
// named) and the columns of bars and of lines: those named by series and
// line, or without series every column but x and the lines. ok is false
// when a named column is not in t.
func chartColumns(dec *decoder, f map[string]*yaml.Node, t *table) (x int, bars, lines []int, ok bool) {
	ok = true
	col := func(n *yaml.Node, name string) int {
		i := t.column(name)
		if i < 0 {
			ok = false
			dec.errorf(n, "unknown column %q%s; the data has the columns %s", name, suggest(name, t.names()), strings.Join(t.names(), ", "))
		}
		return i
	}
	if n := f["x"]; n != nil {
		x = col(n, dec.str(n, "x"))
	}
	for _, name := range dec.strs(f["line"], "line") {
		if i := col(f["line"], name); i >= 0 {
			lines = append(lines, i)
		}
	}
	if n := f["series"]; n != nil {
		for _, name := range dec.strs(n, "series") {
			if i := col(n, name); i >= 0 {
				bars = append(bars, i)
			}
		}
		return x, bars, lines, ok
	}
	for i := range t.header {
		if i != x && !slices.Contains(lines, i) {
			bars = append(bars, i)
		}
	}
	return x, bars, lines, ok
}

// categories returns the cells of column x. The same category twice reads
// as a mistake on the chart: two bars of one name.
func (l *loader) categories(t *table, x int) []string {
	var out []string
	seen := map[string]deck.Pos{}
	for _, r := range t.rows {
		if at, ok := seen[r[x].text]; ok {
			l.diags.Warnf(r[x].pos, "category %q is already at %s: the chart shows it twice", r[x].text, at)
		}
		seen[r[x].text] = r[x].pos
		out = append(out, r[x].text)
	}
	return out
}

// warnSameNames warns of two series of one name: a legend that says "b b".
func (l *loader) warnSameNames(t *table, cols []int) {
	names := map[string]deck.Pos{}
	for _, i := range cols {
		h := t.header[i]
		if at, ok := names[h.text]; ok {
			l.diags.Warnf(h.pos, "series %q is already at %s: the legend names two series alike", h.text, at)
		}
		names[h.text] = h.pos
	}
}

// series reads the columns cols of t as series of chart c, drawn as lines
// or as bars, reporting cells that are not numbers or that c cannot show.
func (l *loader) series(c *deck.Chart, t *table, x int, cols []int, line bool) []deck.Series {
	var out []deck.Series
	for _, i := range cols {
		s := deck.Series{Pos: t.header[i].pos, Name: t.header[i].text, Line: line}
		for _, r := range t.rows {
			v, ok := number(r[i])
			label := r[i].text
			switch {
			case ok:
			case isMissing(r[i]):
				v, label = math.NaN(), ""
				switch {
				case c.Kind == deck.ChartPie || c.Kind == deck.ChartDonut:
					l.diags.Warnf(r[i].pos, "%s of %s is missing (%q): a %s chart cannot show a gap, so it leaves the slice out", s.Name, r[x].text, r[i].text, c.Kind)
				case c.Stacked && !s.Line:
					l.diags.Warnf(r[i].pos, "%s of %s is missing (%q): the stacked column of %s is drawn without it, shorter, and so is its total", s.Name, r[x].text, r[i].text, r[x].text)
				}
			default:
				l.diags.Errorf(r[i].pos, "%s of %s is %q, not a number%s", s.Name, r[x].text, r[i].text, numberHint(r[i]))
			}
			if ok && v < 0 && (c.Stacked && !s.Line || c.Kind == deck.ChartPie || c.Kind == deck.ChartDonut) {
				l.diags.Errorf(r[i].pos, "%s of %s is negative (%s): a %s cannot show it", s.Name, r[x].text, r[i].text, stackName(c))
			}
			s.Values = append(s.Values, v)
			s.Labels = append(s.Labels, label)
		}
		out = append(out, s)
	}
	return out
}

func stackName(c *deck.Chart) string {
	if c.Stacked {
		return "stacked chart"
	}
	return c.Kind.String() + " chart"
}

// checkChart reports options that do not fit the chart's kind or data.
func (l *loader) checkChart(dec *decoder, f map[string]*yaml.Node, c *deck.Chart) {
	lines := 0
	for _, s := range c.Series {
		if s.Line {
			lines++
		}
	}
	switch c.Kind {
	case deck.ChartPie, deck.ChartDonut, deck.ChartHBar:
		if len(c.Series) != 1 {
			dec.errorf(f["type"], "a %s chart shows one series; the data has %d (name one with series)", c.Kind, len(c.Series))
		}
	}
	if lines > 0 && c.Kind != deck.ChartBar {
		dec.errorf(f["line"], "line series go with a bar chart, not a %s chart", c.Kind)
	}
	if lines > 0 && lines == len(c.Series) {
		dec.errorf(f["line"], "a bar chart with lines needs at least one series of bars")
	}
	for _, h := range c.Highlight {
		if !slices.Contains(c.Categories, h) {
			dec.errorf(f["highlight"], "highlight %q is not a category of the chart%s", h, suggest(h, c.Categories))
		}
	}
	if c.ForecastFrom != "" && !slices.Contains(c.Categories, c.ForecastFrom) {
		dec.errorf(f["forecast_from"], "forecast_from %q is not a category of the chart%s", c.ForecastFrom, suggest(c.ForecastFrom, c.Categories))
	}
}

// named reads one of a fixed set of names, as a kind or an order.
func named[T interface {
	comparable
	String() string
}](dec *decoder, n *yaml.Node, what string, all []T) T {
	name := dec.str(n, what)
	var names []string
	for _, v := range all {
		if v.String() == name {
			return v
		}
		names = append(names, v.String())
	}
	dec.errorf(n, "unknown %s %q%s; the choices are %s", what, name, suggest(name, names), strings.Join(names, ", "))
	return all[0]
}

// numberHint says how to write a cell that is almost a number, and which
// forms are read.
func numberHint(c cell) string {
	s := c.text
	if c.pos.Sheet != "" {
		return " (the cell holds text: type the number itself, or leave the cell empty for a gap)"
	}
	if strings.ContainsAny(s, "eE") && strings.ContainsAny(s, "0123456789") {
		return " (write the number as it should be printed: 652, not 6.52e2)"
	}
	return " (deck reads " + NumberForms + ")"
}
