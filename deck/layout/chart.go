package layout

import (
	"cmp"
	"math"
	"strings"

	"github.com/deckpdf/deck/deck"
)

// minChartHeight is the smallest picture a chart gets, in points at body
// size: below it, labels crowd.
const minChartHeight = 120

// chart lays out a chart block: its title and caption centred above the
// picture, its sources below. The picture fills the height h it is given
// (or its own Height); package charts draws it later at that size. The
// title and caption are its Caption, the picture a Figure whose Alt says
// the chart's data in a sentence (see chartAlt). The data is also set as
// hidden text over the picture, so that its figures can be searched and
// copied; that text is an artifact, so that a reader who hears the Alt
// does not hear the figures twice, once more as loose words.
func (e *engine) chart(c *deck.Chart, w, h float64, sc scaled) frame {
	col := e.theme.Colors
	f := frame{w: w}
	if !c.Title.IsZero() {
		t := e.text(e.numbered(c.Title, c), textStyle{size: sc.body, leading: 1.4, color: col.Text, bold: true, align: alignCenter}, w)
		f.place(t, 0, 0)
		f.h += t.h
	}
	if !c.Caption.IsZero() {
		t := e.text(c.Caption, textStyle{size: sc.body * 0.92, leading: 1.4, color: col.Accent, bold: true, align: alignCenter}, w)
		f.place(t, 0, f.h)
		f.h += t.h
	}
	f.leaf(RoleCaption, 0)
	f.h += sc.body * 0.3
	var src frame
	st := textStyle{size: e.theme.Sizes.Small * sc.k, leading: 1.45, color: col.Muted, align: alignLeft}
	for _, s := range c.Sources {
		t := e.labelled(e.theme.Labels.Source, e.theme.StringPos(e.theme.Labels.SourcePos), s, st, w)
		src.placeAs(t, 0, src.h, RoleSource)
		src.h += t.h
	}
	if src.h > 0 {
		src.h += sc.body * 0.2
	}
	gap := sc.body * 0.2
	ph := c.Height
	if ph == 0 {
		ph = max(minChartHeight*sc.k, h-f.h-src.h-gap)
	}
	pic := Rect{0, f.h, w, ph}
	f.addAs(RoleFigure, Image{Rect: pic, Chart: c, Name: "chart:" + c.ID}).Alt = chartAlt(c)
	f.placeAs(e.chartText(c, pic), 0, 0, RoleArtifact)
	f.h += ph + gap
	f.place(src, 0, f.h)
	f.h += src.h
	return f
}

// chartText sets the chart's data as hidden lines over its picture:
// categories, series names, each series' values as written (a missing
// one as 无数据, so that each value stays under its category), and the
// annotation.
func (e *engine) chartText(c *deck.Chart, pic Rect) frame {
	order := c.Order()
	var lines []string
	var cats []string
	for _, i := range order {
		cats = append(cats, c.Label(i))
	}
	lines = append(lines, strings.Join(cats, " "))
	var names []string
	for _, s := range c.Series {
		names = append(names, s.Name)
	}
	lines = append(lines, strings.Join(names, " "))
	for _, s := range c.Series {
		var vals []string
		for _, i := range order {
			if s.Missing(i) {
				vals = append(vals, "无数据") // keeps each value under its category
				continue
			}
			vals = append(vals, s.Labels[i])
		}
		lines = append(lines, strings.Join(vals, " "))
	}
	if c.Annotation != "" {
		lines = append(lines, c.Annotation)
	}
	f := frame{}
	y := pic.Y
	for _, l := range lines {
		t := deck.Text{Pos: c.Pos, Spans: []deck.Span{{Text: l}}}
		st := textStyle{size: 5, leading: 1.2, color: e.theme.Colors.Text, align: alignLeft}
		g := e.text(t, st, math.Inf(1))
		if g.w > pic.W {
			st.size = math.Max(0.5, st.size*pic.W/g.w)
			g = e.text(t, st, math.Inf(1))
		}
		for i, p := range g.items {
			if t, ok := p.get().(TextRun); ok {
				t.Hidden = true
				g.items[i] = placedItem(t)
			}
		}
		f.place(g, pic.X, y)
		y += g.h
	}
	return f
}

// chartAlt says what a chart shows in a sentence: its title and caption,
// the unit of its values where the title does not say it, and each
// series' values by category in the order drawn, as labelled ("2021 394，
// 2022E 507"); a missing value is 无数据. With more than one series, each
// is named. A forecast's E and the annotation follow.
func chartAlt(c *deck.Chart) string {
	head := cmp.Or(c.Title.Plain(), "图表")
	if caption := c.Caption.Plain(); caption != "" {
		head += "，" + caption
	}
	if unit := c.ScaleName + c.Unit; unit != "" && !strings.Contains(head, unit) {
		head += "（单位：" + unit + "）"
	}
	order := c.Order()
	values := func(s *deck.Series) string {
		parts := make([]string, len(order))
		for k, i := range order {
			v := s.Labels[i]
			if s.Missing(i) || v == "" {
				v = "无数据"
			}
			parts[k] = c.Label(i) + " " + v
		}
		return strings.Join(parts, "，")
	}
	var b strings.Builder
	b.WriteString(head)
	switch len(c.Series) {
	case 0:
	case 1:
		b.WriteString("：" + values(&c.Series[0]))
	default:
		for i := range c.Series {
			sep := "；"
			if i == 0 {
				sep = "："
			}
			b.WriteString(sep + c.Series[i].Name + " " + values(&c.Series[i]))
		}
	}
	if c.ForecastFrom != "" {
		b.WriteString("；E为预测值")
	}
	if c.Annotation != "" {
		b.WriteString("；" + c.Annotation)
	}
	return b.String()
}
