// Package charts draws the charts of a deck with
// github.com/wcharczuk/go-chart/v2, in the deck's fonts and colours, at
// the size their slot has on the slide. It is the only package that knows
// go-chart.
//
// By default a chart is a PNG picture (Fill puts it into the chart's Image
// item). With Options.Vector, go-chart draws into a recorder instead, a
// chart.Renderer that turns its calls into layout items: filled and
// stroked paths in points, arcs and curves flattened within 0.02 pt, and
// text runs in the deck's own faces, which the PDF draws as real text.
// The items replace the chart's Image item on its page, and the hidden
// text the layout set over the picture goes, since the text is now there.
//
// Titles, captions and sources are not in the chart: the slide sets them
// as text. What go-chart lacks (stacked bars with a line on a second axis,
// value labels, highlighted and forecast bars, horizontal bars with their
// labels, a trend annotation, pie labels that fit their picture) is
// composed from its own Chart, series and renderer.
package charts
