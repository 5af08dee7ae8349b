package charts

import (
	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// A legendEntry is a series in the legend: its name, its colour, and
// whether it is a line (a line with a dot) or bars (a square).
type legendEntry struct {
	name  string
	col   deck.Color
	line  bool
	text  float64 // the name's width, in pixels
	width float64 // the entry's, swatch and name
}

// legendPitch is how far apart, in category sizes, the legend's rows are.
const legendPitch = 1.6

// legendRows returns the legend's entries in rows, each row as wide as
// the picture allows: one row where they all fit, else as many as it
// takes, so that the legend is never cut off. A name wider than the
// picture has a row of its own.
func (cv canvas) legendRows() [][]legendEntry {
	c := cv.chart
	bars, lines := cv.split()
	sw := cv.px(categorySize)
	entry := func(name string, col deck.Color, line bool) legendEntry {
		w := cv.textWidth(name, categorySize, false)
		return legendEntry{name, col, line, w, sw*1.6 + w}
	}
	var entries []legendEntry
	for jj, j := range bars {
		entries = append(entries, entry(c.Series[j].Name, cv.barSeriesColor(j, jj), false))
	}
	for jj, j := range lines {
		entries = append(entries, entry(c.Series[j].Name, cv.lineColor(j, jj), true))
	}
	gap, room := cv.px(categorySize*1.4), float64(cv.width)
	var rows [][]legendEntry
	w := 0.0
	for _, e := range entries {
		if n := len(rows); n > 0 && w+gap+e.width <= room {
			rows[n-1] = append(rows[n-1], e)
			w += gap + e.width
			continue
		}
		rows = append(rows, []legendEntry{e})
		w = e.width
	}
	return rows
}

// legendHeight is the height of the legend's band at the top, in whole
// pixels.
func (cv canvas) legendHeight() float64 {
	return float64(int(cv.px(categorySize*2) + float64(len(cv.legendRows())-1)*cv.px(categorySize*legendPitch)))
}

// legend draws the series names at the top, each row centred: a square
// for bars, a line with a dot for lines.
func (cv canvas) legend(r chart.Renderer, _ chart.Box, _ chart.Style) {
	sw, gap := cv.px(categorySize), cv.px(categorySize*1.4)
	for k, row := range cv.legendRows() {
		total := 0.0
		for i, e := range row {
			if i > 0 {
				total += gap
			}
			total += e.width
		}
		if total > float64(cv.width) {
			cv.short.wide(row[0].name)
		}
		x := (float64(cv.width) - total) / 2
		y := cv.px(categorySize*1.1) + float64(k)*cv.px(categorySize*legendPitch)
		for _, e := range row {
			if e.line {
				r.SetStrokeColor(rgba(e.col))
				r.SetStrokeWidth(cv.px(1.6))
				r.MoveTo(int(x), int(y))
				r.LineTo(int(x+sw*1.2), int(y))
				r.Stroke()
				r.SetFillColor(drawing.ColorWhite)
				r.Circle(cv.px(2.2), int(x+sw*0.6), int(y))
				r.FillStroke()
			} else {
				cv.rect(r, x+sw*0.1, y-sw/2, x+sw*1.1, y+sw/2, e.col)
			}
			x += sw * 1.6
			cv.text(r, e.name, x, y, categorySize, cv.theme.Colors.Text, false, left)
			x += e.text + gap
		}
	}
}
