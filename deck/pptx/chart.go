package pptx

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/xuri/excelize/v2"
)

const (
	nsC       = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	relChart  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
	relPack   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
	ctChart   = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
	ctXLSX    = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	sheetName = "Sheet1"
)

// A chartOut is a native chart: its part and the workbook of its data.
type chartOut struct {
	xml      chartSpace
	workbook []byte
}

// nativeChart reports whether a chart is written as a native chart: with
// Options.NativeCharts, a bar chart without line series, a horizontal
// bar chart or a line chart. Pies, donuts and bars with a line on a
// second axis stay pictures.
func nativeChart(c *deck.Chart) bool {
	if c == nil || len(c.Series) == 0 || len(c.Categories) == 0 {
		return false
	}
	switch c.Kind {
	case deck.ChartBar, deck.ChartHBar, deck.ChartLine:
	default:
		return false
	}
	for _, s := range c.Series {
		if s.Line {
			return false
		}
	}
	return true
}

// chart writes a chart picture as a native chart in a graphic frame over
// the picture's rectangle, its description the picture's.
func (b *slideBuilder) chart(im layout.Image, descr string) error {
	out, err := newChart(im.Chart, b.w.typeface)
	if err != nil {
		return err
	}
	b.w.charts = append(b.w.charts, out)
	rid := b.rels.add(relChart, fmt.Sprintf("../charts/chart%d.xml", len(b.w.charts)), "")
	g := graphicFrame{}
	g.NvPr.CNvPr = cNvPr{ID: b.id(), Name: fmt.Sprintf("Chart %d", b.id()-1), Descr: descr}
	g.NvPr.CNvGfPr.Locks.NoGrp = "1"
	g.Xfrm = *rectXfrm(im.Rect)
	g.Graphic.URI = nsC
	g.Graphic.Chart = &chartRef{C: nsC, R: nsR, RID: rid}
	b.shapes = append(b.shapes, g)
	return nil
}

// newChart returns a chart's part and workbook: the categories in column
// A in the order drawn, a series a column from B, its name in row 1.
func newChart(c *deck.Chart, typeface string) (chartOut, error) {
	order := c.Order()
	f := excelize.NewFile()
	defer f.Close()
	cats := make([]string, len(order))
	for r, i := range order {
		cats[r] = c.Categories[i]
		if err := f.SetCellStr(sheetName, cell(0, r+2), cats[r]); err != nil {
			return chartOut{}, fmt.Errorf("pptx: chart %s: %w", c.Name(), err)
		}
	}
	var sers []chartSer
	for k, s := range c.Series {
		col := colName(k + 1)
		if err := f.SetCellStr(sheetName, cell(k+1, 1), s.Name); err != nil {
			return chartOut{}, fmt.Errorf("pptx: chart %s: %w", c.Name(), err)
		}
		ser := chartSer{Idx: cval{fmt.Sprint(k)}, Order: cval{fmt.Sprint(k)},
			Tx:  serTx{Ref: strRef{F: fmt.Sprintf("%s!$%s$1", sheetName, col), Cache: strCache(s.Name)}},
			Cat: catRef{Ref: strRef{F: fmt.Sprintf("%s!$A$2:$A$%d", sheetName, len(order)+1), Cache: strCache(cats...)}},
			Val: valRef{Ref: numRef{F: fmt.Sprintf("%s!$%s$2:$%s$%d", sheetName, col, col, len(order)+1)}}}
		cache := &ser.Val.Ref.Cache
		cache.Format, cache.Count = "General", ptCount{len(order)}
		for r, i := range order {
			if s.Missing(i) {
				continue
			}
			if err := f.SetCellFloat(sheetName, cell(k+1, r+2), s.Values[i], -1, 64); err != nil {
				return chartOut{}, fmt.Errorf("pptx: chart %s: %w", c.Name(), err)
			}
			cache.Pts = append(cache.Pts, chartPt{Idx: r, V: fmt.Sprint(s.Values[i])})
		}
		if hex := strings.TrimPrefix(s.Color, "#"); len(hex) == 6 {
			ser.SpPr = &chartSpPr{Fill: solidFillC{Clr: srgbClr{Val: strings.ToUpper(hex)}}}
		}
		switch {
		case c.Kind == deck.ChartLine:
			ser.Marker = &chartMarker{Symbol: cval{"circle"}}
			ser.DLbls = valueLabels("t")
		case c.Stacked:
			ser.Invert = &cval{"0"}
			ser.DLbls = valueLabels("ctr")
		default:
			ser.Invert = &cval{"0"}
			ser.DLbls = valueLabels("outEnd")
		}
		sers = append(sers, ser)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return chartOut{}, fmt.Errorf("pptx: chart %s: %w", c.Name(), err)
	}
	cs := chartSpaceOf(c, sers)
	cs.Text.Def.Sz, cs.Text.Def.Fill = 1000, solidFillC{Clr: srgbClr{Val: "404040"}}
	cs.Text.Def.Latin, cs.Text.Def.Ea = font{typeface}, font{typeface}
	return chartOut{xml: cs, workbook: buf.Bytes()}, nil
}

// chartSpaceOf returns the chart part of a chart's series.
func chartSpaceOf(c *deck.Chart, sers []chartSer) chartSpace {
	cs := chartSpace{C: nsC, A: nsA, R: nsR, Rounded: cval{"0"}}
	cs.Chart.AutoTitleDeleted = cval{"1"}
	cs.Chart.PlotVisOnly = cval{"1"}
	cs.Chart.Blanks = cval{"gap"}
	cs.External = externalData{RID: "rId1", AutoUpdate: cval{"0"}}
	axes := []cval{{"500000001"}, {"500000002"}}
	pa := &cs.Chart.PlotArea
	pa.Layout = &emptyElem{}
	catPos, valPos := "b", "l"
	if c.Kind == deck.ChartLine {
		pa.Line = &lineChart{Grouping: cval{"standard"}, Vary: cval{"0"}, Sers: sers, Marker: cval{"1"}, AxIDs: axes}
	} else {
		bc := &barChart{Dir: cval{"col"}, Grouping: cval{"clustered"}, Vary: cval{"0"}, Sers: sers, Gap: cval{"60"}, AxIDs: axes}
		if c.Kind == deck.ChartHBar {
			bc.Dir, catPos, valPos = cval{"bar"}, "l", "b"
		}
		if c.Stacked {
			bc.Grouping, bc.Overlap = cval{"stacked"}, &cval{"100"}
		}
		pa.Bar = bc
	}
	orient := cval{"minMax"}
	if c.Kind == deck.ChartHBar {
		orient = cval{"maxMin"} // the first category at the top, as drawn
	}
	pa.CatAx = catAx{ID: axes[0], Scaling: scaling{Orientation: orient}, Delete: cval{"0"}, Pos: cval{catPos},
		TickLbl: cval{"nextTo"}, Cross: axes[1], Crosses: cval{"autoZero"}}
	va := valAx{ID: axes[1], Scaling: scaling{Orientation: cval{"minMax"}}, Delete: cval{"1"}, Pos: cval{valPos},
		TickLbl: cval{"nextTo"}, Cross: axes[0], Crosses: cval{"autoZero"}, Between: cval{"between"}}
	if c.AxisShown() {
		va.Delete, va.Grid = cval{"0"}, &emptyElem{}
		if c.Min != nil {
			va.Scaling.Min = &cval{fmt.Sprint(*c.Min)}
		}
		if c.Max != nil {
			va.Scaling.Max = &cval{fmt.Sprint(*c.Max)}
		}
	}
	pa.ValAx = va
	if c.Legend || len(sers) > 1 {
		cs.Chart.Legend = &legend{Pos: cval{"b"}, Overlay: cval{"0"}}
	}
	return cs
}

// chartParts adds each native chart's part, its workbook and the
// workbook's content type.
func (w *writer) chartParts(z *parts) {
	if len(w.charts) > 0 {
		z.ct.Defaults = append(z.ct.Defaults, ctDefault{"xlsx", ctXLSX})
	}
	for i, c := range w.charts {
		name := fmt.Sprintf("ppt/charts/chart%d.xml", i+1)
		book := fmt.Sprintf("embeddings/Microsoft_Excel_Worksheet%d.xlsx", i+1)
		z.part(name, ctChart, c.xml)
		z.rels(name, []relationship{{ID: "rId1", Type: relPack, Target: "../" + book}})
		z.raw("ppt/"+book, c.workbook)
	}
}

// cell returns the name of the cell of column col (from 0) and row
// (from 1).
func cell(col, row int) string { return fmt.Sprintf("%s%d", colName(col), row) }

// colName returns a column's letters: 0 is A, 26 is AA.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return name
}

func strCache(vs ...string) *strData {
	d := &strData{Count: ptCount{len(vs)}}
	for i, v := range vs {
		d.Pts = append(d.Pts, chartPt{Idx: i, V: v})
	}
	return d
}

// chartRef is a graphic frame's c:chart.
type chartRef struct {
	C   string `xml:"xmlns:c,attr"`
	R   string `xml:"xmlns:r,attr"`
	RID string `xml:"r:id,attr"`
}

// chartSpace is a chart part (c:chartSpace), in the schema's order.
type chartSpace struct {
	XMLName  xml.Name     `xml:"c:chartSpace"`
	C        string       `xml:"xmlns:c,attr"`
	A        string       `xml:"xmlns:a,attr"`
	R        string       `xml:"xmlns:r,attr"`
	Rounded  cval         `xml:"c:roundedCorners"`
	Chart    chartBody    `xml:"c:chart"`
	Text     chartText    `xml:"c:txPr"`
	External externalData `xml:"c:externalData"`
}

type chartBody struct {
	AutoTitleDeleted cval     `xml:"c:autoTitleDeleted"`
	PlotArea         plotArea `xml:"c:plotArea"`
	Legend           *legend  `xml:"c:legend"`
	PlotVisOnly      cval     `xml:"c:plotVisOnly"`
	Blanks           cval     `xml:"c:dispBlanksAs"`
}

type plotArea struct {
	Layout *emptyElem `xml:"c:layout"`
	Bar    *barChart  `xml:"c:barChart"`
	Line   *lineChart `xml:"c:lineChart"`
	CatAx  catAx      `xml:"c:catAx"`
	ValAx  valAx      `xml:"c:valAx"`
}

type barChart struct {
	Dir      cval       `xml:"c:barDir"`
	Grouping cval       `xml:"c:grouping"`
	Vary     cval       `xml:"c:varyColors"`
	Sers     []chartSer `xml:"c:ser"`
	Gap      cval       `xml:"c:gapWidth"`
	Overlap  *cval      `xml:"c:overlap"`
	AxIDs    []cval     `xml:"c:axId"`
}

type lineChart struct {
	Grouping cval       `xml:"c:grouping"`
	Vary     cval       `xml:"c:varyColors"`
	Sers     []chartSer `xml:"c:ser"`
	Marker   cval       `xml:"c:marker"`
	AxIDs    []cval     `xml:"c:axId"`
}

// chartSer is a series of a bar chart (c:invertIfNegative) or of a line
// chart (c:marker), its elements in the schema's order.
type chartSer struct {
	Idx    cval         `xml:"c:idx"`
	Order  cval         `xml:"c:order"`
	Tx     serTx        `xml:"c:tx"`
	SpPr   *chartSpPr   `xml:"c:spPr"`
	Invert *cval        `xml:"c:invertIfNegative"`
	Marker *chartMarker `xml:"c:marker"`
	DLbls  dLbls        `xml:"c:dLbls"`
	Cat    catRef       `xml:"c:cat"`
	Val    valRef       `xml:"c:val"`
}

// dLbls shows a series' values on the chart.
type dLbls struct {
	Pos        *cval `xml:"c:dLblPos"`
	LegendKey  cval  `xml:"c:showLegendKey"`
	Val        cval  `xml:"c:showVal"`
	CatName    cval  `xml:"c:showCatName"`
	SerName    cval  `xml:"c:showSerName"`
	Percent    cval  `xml:"c:showPercent"`
	BubbleSize cval  `xml:"c:showBubbleSize"`
}

func valueLabels(pos string) dLbls {
	no := cval{"0"}
	d := dLbls{LegendKey: no, Val: cval{"1"}, CatName: no, SerName: no, Percent: no, BubbleSize: no}
	if pos != "" {
		d.Pos = &cval{pos}
	}
	return d
}

// chartText is the chart's text properties: the deck's typeface.
type chartText struct {
	BodyPr emptyElem `xml:"a:bodyPr"`
	Lst    emptyElem `xml:"a:lstStyle"`
	Def    struct {
		Sz    int        `xml:"sz,attr"`
		Fill  solidFillC `xml:"a:solidFill"`
		Latin font       `xml:"a:latin"`
		Ea    font       `xml:"a:ea"`
	} `xml:"a:p>a:pPr>a:defRPr"`
}

type serTx struct {
	Ref strRef `xml:"c:strRef"`
}

type catRef struct {
	Ref strRef `xml:"c:strRef"`
}

type valRef struct {
	Ref numRef `xml:"c:numRef"`
}

type strRef struct {
	F     string   `xml:"c:f"`
	Cache *strData `xml:"c:strCache"`
}

type strData struct {
	Count ptCount   `xml:"c:ptCount"`
	Pts   []chartPt `xml:"c:pt"`
}

type numRef struct {
	F     string  `xml:"c:f"`
	Cache numData `xml:"c:numCache"`
}

type numData struct {
	Format string    `xml:"c:formatCode"`
	Count  ptCount   `xml:"c:ptCount"`
	Pts    []chartPt `xml:"c:pt"`
}

type ptCount struct {
	Val int `xml:"val,attr"`
}

type chartPt struct {
	Idx int    `xml:"idx,attr"`
	V   string `xml:"c:v"`
}

type chartSpPr struct {
	Fill solidFillC `xml:"a:solidFill"`
}

type chartMarker struct {
	Symbol cval `xml:"c:symbol"`
}

type catAx struct {
	ID      cval    `xml:"c:axId"`
	Scaling scaling `xml:"c:scaling"`
	Delete  cval    `xml:"c:delete"`
	Pos     cval    `xml:"c:axPos"`
	TickLbl cval    `xml:"c:tickLblPos"`
	Cross   cval    `xml:"c:crossAx"`
	Crosses cval    `xml:"c:crosses"`
}

type valAx struct {
	ID      cval       `xml:"c:axId"`
	Scaling scaling    `xml:"c:scaling"`
	Delete  cval       `xml:"c:delete"`
	Pos     cval       `xml:"c:axPos"`
	Grid    *emptyElem `xml:"c:majorGridlines"`
	TickLbl cval       `xml:"c:tickLblPos"`
	Cross   cval       `xml:"c:crossAx"`
	Crosses cval       `xml:"c:crosses"`
	Between cval       `xml:"c:crossBetween"`
}

type scaling struct {
	Orientation cval  `xml:"c:orientation"`
	Max         *cval `xml:"c:max"`
	Min         *cval `xml:"c:min"`
}

type legend struct {
	Pos     cval `xml:"c:legendPos"`
	Overlay cval `xml:"c:overlay"`
}

type externalData struct {
	RID        string `xml:"r:id,attr"`
	AutoUpdate cval   `xml:"c:autoUpdate"`
}

// cval is a chart element whose value is its val attribute.
type cval struct {
	Val string `xml:"val,attr"`
}
