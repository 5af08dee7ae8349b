// Package charts draws the charts of a deck as PNG pictures with
// github.com/wcharczuk/go-chart/v2, in the deck's fonts and colours, at
// the size their slot has on the slide. It is the only package that knows
// go-chart.
//
// Titles, captions and sources are not in the picture: the slide sets them
// as text. What go-chart lacks (stacked bars with a line on a second axis,
// value labels, highlighted and forecast bars, horizontal bars with their
// labels, a trend annotation) is composed from its own Chart, series and
// renderer.
package charts
