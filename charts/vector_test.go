package charts

import (
	"slices"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

// chartLabels returns every text a chart shows: its category labels, its
// values as written, its annotation, and its series' names when it has a
// legend.
func chartLabels(c *deck.Chart, legend bool) []string {
	var out []string
	for i := range c.Categories {
		out = append(out, c.Label(i))
	}
	for _, s := range c.Series {
		out = append(out, s.Labels...)
		if legend {
			out = append(out, s.Name)
		}
	}
	if c.Annotation != "" {
		out = append(out, c.Annotation)
	}
	return out
}

// checkDrawing checks a chart's vector drawing: every item inside the
// rectangle (a stroke's half width included), every text in a face of the
// deck, and every label of the chart among the texts. It returns the
// texts by what they say.
func checkDrawing(t *testing.T, items []layout.Item, r layout.Rect, set *fonts.Set, labels []string) map[string]layout.TextRun {
	t.Helper()
	const slack = 0.01
	if out := overflow(items, r); out > slack {
		t.Errorf("the drawing reaches %.3f pt beyond the chart's rectangle", out)
	}
	texts := map[string]layout.TextRun{}
	for _, it := range items {
		switch it := it.(type) {
		case layout.Path:
		case layout.TextRun:
			if it.Face != set.Regular && it.Face != set.Bold {
				t.Errorf("%q is in the face %s, not one of the deck's", it.Text, it.Face.Name())
			}
			if it.Hidden {
				t.Errorf("%q is hidden", it.Text)
			}
			texts[it.Text] = it
		default:
			t.Errorf("a %T in a vector chart", it)
		}
	}
	for _, l := range labels {
		if _, ok := texts[l]; !ok {
			t.Errorf("no text run says %q", l)
		}
	}
	return texts
}

// TestFillVectorReplacesThePicturesOfTheReport fills the report's charts
// as vectors and checks each where it is on its page: the picture and the
// hidden text over it gone, the drawing in their place, inside the
// picture's rectangle, with every value and label as a text run in the
// deck's faces at go-chart's sizes.
func TestFillVectorReplacesThePicturesOfTheReport(t *testing.T) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(t)
	pages, diags := layout.Layout(d, set)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	type slot struct {
		page  int
		im    layout.Image
		items int // how many items the page had
	}
	slots := map[string]slot{}
	for p := range pages {
		for _, it := range pages[p].Items {
			if im, ok := it.(layout.Image); ok && im.Chart != nil {
				slots[im.Chart.ID] = slot{p, im, len(pages[p].Items)}
			}
		}
	}
	if diags := fill(t, pages, d.Theme, set, Options{Vector: true}); len(diags) > 0 {
		t.Fatal(diags)
	}
	t.Run("no picture and no hidden text is left", func(t *testing.T) {
		for p, page := range pages {
			for _, it := range page.Items {
				if im, ok := it.(layout.Image); ok && im.Chart != nil {
					t.Errorf("page %d still has the picture of %s", p+1, im.Chart.ID)
				}
				if r, ok := it.(layout.TextRun); ok && r.Hidden {
					t.Errorf("page %d still has the hidden text %q", p+1, r.Text)
				}
			}
		}
	})
	colors := d.Theme.Colors
	for _, c := range []struct {
		id     string
		legend bool
		check  func(t *testing.T, texts map[string]layout.TextRun)
	}{
		{"digital-economy", true, func(t *testing.T, texts map[string]layout.TextRun) {
			if r := texts["77.2%"]; r.Face != set.Bold || r.Fill != colors.Accent || r.Size != labelSize*9/8 {
				t.Errorf("the line's value is %s %.3f %s, want bold, %.3f, in the accent colour", r.Face.Name(), r.Size, r.Fill, labelSize*9/8)
			}
			if r := texts["37.2"]; r.Face != set.Regular || r.Fill != colors.Text {
				t.Errorf("a value inside a light bar is %s %s", r.Face.Name(), r.Fill)
			}
		}},
		{"industry-internet-index", false, func(t *testing.T, texts map[string]layout.TextRun) {
			hi, lo := texts["金融"], texts["制造"]
			if hi.Face != set.Bold || hi.Fill != colors.Accent || lo.Face != set.Regular || lo.Fill != colors.Text {
				t.Errorf("the highlighted category is %s %s, another %s %s", hi.Face.Name(), hi.Fill, lo.Face.Name(), lo.Fill)
			}
			if hi.Size != float64(categorySize)*9/8 {
				t.Errorf("a category label is %.3f pt, want %.3f", hi.Size, float64(categorySize)*9/8)
			}
			// Right-aligned on the bars' left edge: the labels end together.
			if end := func(r layout.TextRun) float64 { return r.At.X + r.Width() }; end(hi)-end(lo) > 0.11 || end(lo)-end(hi) > 0.11 {
				t.Errorf("category labels end at %.2f and %.2f", end(hi), end(lo))
			}
		}},
		{"market-size", false, func(t *testing.T, texts map[string]layout.TextRun) {
			if r := texts["CAGR=28.6%"]; r.Face != set.Bold || r.Fill != white {
				t.Errorf("the annotation is %s %s", r.Face.Name(), r.Fill)
			}
			// Centred over their columns: 2021's label and value share a
			// centre.
			mid := func(r layout.TextRun) float64 { return r.At.X + r.Width()/2 }
			if a, b := mid(texts["2021"]), mid(texts["394"]); a-b > 0.11 || b-a > 0.11 {
				t.Errorf("the category is centred at %.2f, its value at %.2f", a, b)
			}
		}},
	} {
		t.Run(c.id, func(t *testing.T) {
			s, ok := slots[c.id]
			if !ok {
				t.Fatalf("the report has no chart %s", c.id)
			}
			drawn, err := drawVector(s.im.Chart, d.Theme, set, s.im.Rect)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(dumpItems(t, pages[s.page].Items), dumpItems(t, drawn)) {
				t.Errorf("page %d does not hold the chart's drawing", s.page+1)
			}
			texts := checkDrawing(t, drawn, s.im.Rect, set, chartLabels(s.im.Chart, c.legend))
			c.check(t, texts)
		})
	}
}

// TestVectorDrawsEveryKind draws each kind of chart as vectors: no error
// (no text at an angle, no colour a painter cannot draw), everything in
// the rectangle, every label a text run; and the same items twice.
func TestVectorDrawsEveryKind(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	pieLabels := func(c *deck.Chart) []string {
		var out []string
		for i, cat := range c.Categories {
			out = append(out, cat+" "+c.Series[0].Labels[i])
		}
		return out
	}
	r := layout.Rect{X: 30, Y: 40, W: 480, H: 250}
	for name, c := range map[string]struct {
		chart  *deck.Chart
		labels []string
	}{
		"stacked with line": {cs["digital-economy"], chartLabels(cs["digital-economy"], true)},
		"hbar":              {cs["industry-internet-index"], chartLabels(cs["industry-internet-index"], false)},
		"forecast":          {cs["market-size"], chartLabels(cs["market-size"], false)},
		"grouped bars":      {sample(deck.ChartBar, 2), chartLabels(sample(deck.ChartBar, 2), true)},
		"lines":             {sample(deck.ChartLine, 2), chartLabels(sample(deck.ChartLine, 2), true)},
		"pie":               {sample(deck.ChartPie, 1), pieLabels(sample(deck.ChartPie, 1))},
		"donut":             {sample(deck.ChartDonut, 1), pieLabels(sample(deck.ChartDonut, 1))},
	} {
		t.Run(name, func(t *testing.T) {
			items, err := drawVector(c.chart, theme, set, r)
			if err != nil {
				t.Fatal(err)
			}
			checkDrawing(t, items, r, set, c.labels)
			again, _ := drawVector(c.chart, theme, set, r)
			if dumpItems(t, items) != dumpItems(t, again) {
				t.Error("two drawings differ")
			}
		})
	}
}

// TestFillPictureReportsProblemsAtTheChart: in the picture mode, as in
// the vector mode, a chart that cannot be drawn is an error at its block,
// position and message whole, and keeps its (empty) picture slot and its
// hidden text.
func TestFillPictureReportsProblemsAtTheChart(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	pos := deck.Pos{File: "deck.yaml", Line: 3, Col: 5}
	for _, c := range []struct {
		name  string
		chart deck.Chart
		want  string
	}{
		{"a chart without data is an error at its block", deck.Chart{ID: "empty"},
			`deck.yaml:3:5: error: charts: chart "empty" has no data`},
		{"a chart with categories but no series is an error at its block", deck.Chart{ID: "bare", Categories: []string{"2020", "2021"}},
			`deck.yaml:3:5: error: charts: chart "bare" has no data`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := c.chart
			ch.Pos = pos
			hidden := layout.TextRun{Face: set.Regular, Size: 5, Text: "x", Hidden: true, Src: pos}
			pages := []layout.Page{{Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 360, H: 200}, Chart: &ch}, hidden}}}
			diags := fill(t, pages, theme, set, Options{Cache: t.TempDir()})
			if got := strings.TrimSpace(diags.String()); got != c.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, c.want)
			}
			if len(pages[0].Items) != 2 {
				t.Fatalf("the page has %d items, want the picture slot and its hidden text", len(pages[0].Items))
			}
			if im, ok := pages[0].Items[0].(layout.Image); !ok || im.Data != nil || im.Chart != &ch {
				t.Errorf("the picture slot is %#v, want it kept empty with its chart", pages[0].Items[0])
			}
			if pages[0].Items[1] != layout.Item(hidden) {
				t.Errorf("the hidden text is %#v, want it kept", pages[0].Items[1])
			}
		})
	}
}

// TestFillVectorReportsProblemsAtTheChart: a chart that cannot be drawn
// is an error and keeps its (empty) picture and hidden text, as in the
// picture mode; a chart whose labels reach beyond its place, which a
// picture would cut off, is a warning.
func TestFillVectorReportsProblemsAtTheChart(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	pos := deck.Pos{File: "deck.yaml", Line: 3, Col: 5}
	wide := *cs["market-size"]
	wide.Annotation = "2017-2021年复合年均增长率（CAGR）预计为28.6%，2022年以后增速放缓"
	for _, c := range []struct {
		name  string
		chart *deck.Chart
		drawn bool
		want  string
	}{
		{"a chart without data", &deck.Chart{ID: "empty"}, false,
			`deck.yaml:3:5: error: charts: chart "empty" has no data`},
		{"an annotation wider than the chart", &wide, true,
			`deck.yaml:3:5: warning: charts: chart "market-size" reaches 7.8 pt beyond its place on the slide, over what is next to it; give it more room or shorter labels`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := *c.chart
			ch.Pos = pos
			hidden := layout.TextRun{Face: set.Regular, Size: 5, Text: "x", Hidden: true, Src: pos}
			pages := []layout.Page{{Items: []layout.Item{layout.Image{Rect: layout.Rect{W: 360, H: 200}, Chart: &ch}, hidden}}}
			diags := fill(t, pages, theme, set, Options{Vector: true})
			if got := strings.TrimSpace(diags.String()); got != c.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, c.want)
			}
			isPath := func(it layout.Item) bool { _, ok := it.(layout.Path); return ok }
			if c.drawn != slices.ContainsFunc(pages[0].Items, isPath) {
				t.Errorf("drawn: %v, want %v", !c.drawn, c.drawn)
			}
			if !c.drawn && len(pages[0].Items) != 2 {
				t.Errorf("the page has %d items, want the picture slot and its hidden text", len(pages[0].Items))
			}
		})
	}
}
