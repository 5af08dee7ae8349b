package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/wcharczuk/go-chart/v2"
)

// fill fills the charts of the pages with a context that is never done.
func fill(t testing.TB, pages []layout.Page, theme deck.Theme, set *fonts.Set, opt Options) deck.Diagnostics {
	t.Helper()
	diags, err := Fill(t.Context(), pages, theme, set, opt)
	if err != nil {
		t.Fatal(err)
	}
	return diags
}

func defaultFonts(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// reportCharts returns the charts of the default report by id.
func reportCharts(t testing.TB) (map[string]*deck.Chart, deck.Theme) {
	t.Helper()
	d, diags := content.Load(content.Default(), content.DeckFile, "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	out := map[string]*deck.Chart{}
	var walk func([]deck.Block)
	walk = func(bs []deck.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *deck.Chart:
				out[b.ID] = b
			case *deck.Columns:
				for _, c := range b.Columns {
					walk(c)
				}
			}
		}
	}
	for _, s := range d.Slides {
		walk(s.Blocks)
	}
	return out, d.Theme
}

func testCanvas(t *testing.T, c *deck.Chart, theme deck.Theme, w, h float64) canvas {
	set := defaultFonts(t)
	reg, _ := truetypeFont(set.Regular)
	bold, _ := truetypeFont(set.Bold)
	m, _ := chart.PNG(1, 1)
	m.SetDPI(DPI)
	return canvas{chart: c, theme: theme, regular: reg, bold: bold, scale: DPI / 72.0,
		width: int(w * DPI / 72), height: int(h * DPI / 72), dpi: DPI, measure: m}
}

func rangeOf(r chart.Range) [2]float64 { return [2]float64{r.GetMin(), r.GetMax()} }

func near(a, b [2]float64) bool { return math.Abs(a[0]-b[0]) < 1e-9 && math.Abs(a[1]-b[1]) < 1e-9 }

// TestSpecMapsToGoChartValues checks the go-chart values each spec of the
// report becomes, as plain data.
func TestSpecMapsToGoChartValues(t *testing.T) {
	cs, theme := reportCharts(t)

	t.Run("stacked columns with a line on a second axis", func(t *testing.T) {
		ch := testCanvas(t, cs["digital-economy"], theme, 400, 250).xy()
		// The highest stack, 8.4+37.2, reaches 60% of the height.
		if got, want := rangeOf(ch.YAxis.Range), [2]float64{0, 45.6 / 0.6}; !near(got, want) {
			t.Errorf("bar range %v, want %v", got, want)
		}
		// 77.2 sits at 72% of the height and 81.6 at 90%.
		full := (81.6 - 77.2) / 0.18
		if got, want := rangeOf(ch.YAxisSecondary.Range), [2]float64{77.2 - 0.72*full, 77.2 + 0.28*full}; !near(got, want) {
			t.Errorf("line range %v, want %v", got, want)
		}
		if got, want := rangeOf(ch.XAxis.Range), [2]float64{-0.5, 4.5}; !near(got, want) {
			t.Errorf("category range %v, want %v", got, want)
		}
		if len(ch.Series) != 3 {
			t.Fatalf("series %d", len(ch.Series))
		}
		bars, lines := ch.Series[1].(barSeries), ch.Series[2].(lineSeries)
		if len(bars.bars) != 2 || len(lines.series) != 1 || lines.axis != chart.YAxisSecondary {
			t.Errorf("bars %v, lines %v on axis %v", bars.bars, lines.series, lines.axis)
		}
		if !ch.YAxis.Style.Hidden || !ch.YAxisSecondary.Style.Hidden || len(ch.Elements) != 1 {
			t.Errorf("want hidden value axes and a legend")
		}
	})

	t.Run("horizontal bars sorted largest first, room for labels on both sides", func(t *testing.T) {
		c := cs["industry-internet-index"]
		cv := testCanvas(t, c, theme, 300, 250)
		ch := cv.xy()
		if got, want := rangeOf(ch.XAxis.Range), [2]float64{0, 30.2}; !near(got, want) {
			t.Errorf("value range %v, want %v", got, want)
		}
		if got, want := rangeOf(ch.YAxis.Range), [2]float64{-0.5, 6.5}; !near(got, want) {
			t.Errorf("category range %v, want %v", got, want)
		}
		if ch.Background.Padding.Left < int(cv.textWidth("金融", categorySize, true)) || ch.Background.Padding.Right < int(cv.textWidth("30.2", labelSize, true)) {
			t.Errorf("padding %+v leaves no room for labels", ch.Background.Padding)
		}
		var order []string
		for _, i := range c.Order() {
			order = append(order, c.Categories[i])
		}
		if strings.Join(order, " ") != "金融 零售 文娱 教育 医疗 物流 制造" {
			t.Errorf("order %v", order)
		}
	})

	t.Run("forecast columns", func(t *testing.T) {
		c := cs["market-size"]
		var labels []string
		for i := range c.Categories {
			labels = append(labels, c.Label(i))
		}
		if strings.Join(labels, " ") != "2021 2022E 2023E 2024E 2025E" {
			t.Errorf("labels %v", labels)
		}
		cv := testCanvas(t, c, theme, 800, 300)
		if cv.barColor(0, 0, 1, 0) != theme.Colors.Primary || cv.barColor(0, 0, 1, 1) != theme.Colors.Primary.Mix(0.45) {
			t.Errorf("forecast colour %v, actual %v", cv.barColor(0, 0, 1, 1), cv.barColor(0, 0, 1, 0))
		}
		if got, want := rangeOf(cv.xy().YAxis.Range), [2]float64{0, 1078 / 0.94}; !near(got, want) {
			t.Errorf("range %v, want %v", got, want)
		}
	})

	t.Run("donut labels name the category and value in the text colour, beside the ring", func(t *testing.T) {
		c := &deck.Chart{ID: "d", Kind: deck.ChartDonut, Categories: []string{"银行", "保险"},
			Series: []deck.Series{{Name: "份额", Values: []float64{60, 40}, Labels: []string{"60%", "40%"}}}}
		cv := testCanvas(t, c, theme, 300, 300)
		lay := pieLayoutOf(t, cv)
		if len(lay.labels) != 2 {
			t.Fatalf("labels %+v", lay.labels)
		}
		for k, want := range []string{"银行 60%", "保险 40%"} {
			l := lay.labels[k]
			w := cv.textWidth(l.text, labelSize, false)
			if l.text != want || l.color != theme.Colors.Text || len(l.leader) < 2 {
				t.Errorf("label %q in %v, leader %v; want %q in the text colour with a leader", l.text, l.color, l.leader, want)
			}
			if l.x < lay.cx+lay.radius && l.x+w > lay.cx-lay.radius {
				t.Errorf("%q spans %.0f to %.0f, over the ring from %.0f to %.0f", l.text, l.x, l.x+w, lay.cx-lay.radius, lay.cx+lay.radius)
			}
		}
	})
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func rgb(c color.Color) deck.Color {
	r, g, b, _ := c.RGBA()
	return deck.Color{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 255}
}

// TestPicturesAreCrispAndDrawn draws every kind and checks the Data: its
// size for 200 dpi at the slot, ink in the plot area, and the same bytes
// twice.
func TestPicturesAreCrispAndDrawn(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	for name, c := range map[string]*deck.Chart{
		"stacked with line": cs["digital-economy"], "hbar": cs["industry-internet-index"], "forecast": cs["market-size"],
		"grouped bars": sample(deck.ChartBar, 2), "lines": sample(deck.ChartLine, 2), "pie": sample(deck.ChartPie, 1), "donut": sample(deck.ChartDonut, 1),
	} {
		t.Run(name, func(t *testing.T) {
			data, err := Draw(c, theme, set, 360, 200, DPI)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, data)
			if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 556 {
				t.Errorf("size %dx%d, want 1000x556 (360x200 pt at 200 dpi, rounded up)", b.Dx(), b.Dy())
			}
			ink := 0
			b := img.Bounds()
			for y := b.Dy() / 5; y < b.Dy()*4/5; y += 3 {
				for x := b.Dx() / 5; x < b.Dx()*4/5; x += 3 {
					if c := rgb(img.At(x, y)); c.R < 240 || c.G < 240 || c.B < 240 {
						ink++
					}
				}
			}
			if ink < 500 {
				t.Errorf("only %d inked samples in the plot area", ink)
			}
			again, _ := Draw(c, theme, set, 360, 200, DPI)
			if !bytes.Equal(data, again) {
				t.Error("two draws differ")
			}
		})
	}
}

// TestHighlightedBarIsInTheAccentColour samples the top bar of the index
// chart (金融, the largest once sorted) and a bar below it.
func TestHighlightedBarIsInTheAccentColour(t *testing.T) {
	cs, theme := reportCharts(t)
	data, err := Draw(cs["industry-internet-index"], theme, defaultFonts(t), 300, 250, DPI)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, data)
	b := img.Bounds()
	count := map[deck.Color]int{}
	for y := 0; y < b.Dy(); y++ {
		count[rgb(img.At(b.Dx()/2, y))]++
	}
	accent, other := theme.Colors.Accent, theme.Colors.Primary.Mix(0.35)
	if count[accent] < 20 || count[other] < 100 {
		t.Errorf("down the middle: %d accent pixels, %d of the other bars", count[accent], count[other])
	}
	// The accent bar is the topmost bar.
	for y := 0; y < b.Dy(); y++ {
		c := rgb(img.At(b.Dx()/2, y))
		if c == other {
			t.Fatal("a plain bar is above the highlighted one")
		}
		if c == accent {
			break
		}
	}
}

func TestFillDrawsEveryChartOfTheDeck(t *testing.T) {
	d, _ := content.Load(content.Default(), content.DeckFile, "")
	set := defaultFonts(t)
	pages, diags := layout.Layout(d, set)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if diags := fill(t, pages, d.Theme, set, Options{}); len(diags) > 0 {
		t.Fatal(diags)
	}
	n := 0
	for _, p := range pages {
		for _, it := range p.Items {
			if im, ok := it.(layout.Image); ok && im.Chart != nil {
				n++
				img := decode(t, im.Data)
				// The picture is drawn for its slot: same aspect, at least 200 dpi.
				wantW, wantH := im.Rect.W*DPI/72, im.Rect.H*DPI/72
				dx, dy := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
				if dx < wantW-1e-6 || dx >= wantW+1 || dy < wantH-1e-6 || dy >= wantH+1 {
					t.Errorf("chart %s is %v, want %.0fx%.0f", im.Chart.ID, img.Bounds().Size(), wantW, wantH)
				}
				if !strings.HasPrefix(im.Name, "chart-") {
					t.Errorf("name %q", im.Name)
				}
			}
		}
	}
	if n != 3 {
		t.Errorf("%d charts drawn, want 3", n)
	}
}

// TestChartsOfOneSizeGetTheirOwnWidths: the PDF writer orders pictures
// by width, so charts of one size are drawn a pixel wider each (and
// widths of other pictures are skipped), in their shape and at no less
// than DPI; the same chart twice stays one picture.
func TestChartsOfOneSizeGetTheirOwnWidths(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	rect := layout.Rect{X: 40, Y: 60, W: 400, H: 150}
	w0 := toPixels(rect.W, DPI)
	var photo bytes.Buffer
	if err := png.Encode(&photo, image.NewGray(image.Rect(0, 0, w0+1, 10))); err != nil {
		t.Fatal(err)
	}
	varied := func(v float64) *deck.Chart {
		c := *cs["market-size"]
		c.Series = append([]deck.Series(nil), c.Series...)
		c.Series[0].Values = append([]float64{v}, c.Series[0].Values[1:]...)
		return &c
	}
	pages := []layout.Page{{Items: []layout.Item{
		layout.Image{Rect: rect, Chart: cs["market-size"]},
		layout.Image{Rect: layout.Rect{W: 50, H: 10}, Name: "photo", Data: photo.Bytes()},
		layout.Image{Rect: rect, Chart: varied(400)},
	}}, {Items: []layout.Item{
		layout.Image{Rect: rect, Chart: varied(410)},
		layout.Image{Rect: rect, Chart: cs["market-size"]},
	}}}
	if diags := fill(t, pages, theme, set, Options{}); len(diags) > 0 {
		t.Fatal(diags)
	}
	var widths []int
	var names []string
	for _, p := range pages {
		for _, it := range p.Items {
			im := it.(layout.Image)
			if im.Chart == nil {
				continue
			}
			size := decode(t, im.Data).Bounds().Size()
			widths, names = append(widths, size.X), append(names, im.Name)
			if math.Abs(float64(size.Y)-float64(size.X)*rect.H/rect.W) > 1 {
				t.Errorf("a chart of %v is out of its %gx%g shape", size, rect.W, rect.H)
			}
		}
	}
	if want := []int{w0, w0 + 2, w0 + 3, w0}; !slices.Equal(widths, want) {
		t.Errorf("widths %v, want %v", widths, want)
	}
	if names[0] != names[3] || names[0] == names[1] || names[1] == names[2] {
		t.Errorf("names %v: the same chart twice should be one picture, the others apart", names)
	}
}

func TestDrawingIsBoundedInTime(t *testing.T) {
	cs, theme := reportCharts(t)
	_, err := drawBounded(t.Context(), cs["market-size"], theme, defaultFonts(t), 300, 200, DPI, time.Nanosecond, nil)
	want := `charts: drawing chart "market-size" took more than 1ns; check its data`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestEncodeKeepsThePicture checks the indexed PNG against the rasterized
// picture: same size, the flat colours exact, and a mean difference of
// under one level per channel over the whole picture.
func TestEncodeKeepsThePicture(t *testing.T) {
	cs, theme := reportCharts(t)
	cv := testCanvas(t, cs["digital-economy"], theme, 400, 250)
	var px pixels
	if err := cv.xy().Render(chart.PNG, &px); err != nil {
		t.Fatal(err)
	}
	data, err := encode(&px)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, data)
	if got.Bounds() != px.img.Bounds() {
		t.Fatalf("size %v, want %v", got.Bounds(), px.img.Bounds())
	}
	if _, ok := got.(*image.Paletted); !ok {
		t.Errorf("the PNG is %T, want indexed colour", got)
	}
	var diff, n float64
	exact := map[deck.Color]bool{}
	b := got.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			want, have := rgb(px.img.At(x, y)), rgb(got.At(x, y))
			diff += math.Abs(float64(want.R)-float64(have.R)) + math.Abs(float64(want.G)-float64(have.G)) + math.Abs(float64(want.B)-float64(have.B))
			n += 3
			if want == have {
				exact[want] = true
			}
		}
	}
	if diff/n >= 1 {
		t.Errorf("mean difference %.3f levels", diff/n)
	}
	for _, c := range []deck.Color{theme.Colors.Primary, theme.Colors.Accent, white} {
		if !exact[c] {
			t.Errorf("colour %v is not kept exactly", c)
		}
	}
}

// sample is a small chart of the given kind with one or two series.
func sample(kind deck.ChartKind, series int) *deck.Chart {
	c := &deck.Chart{ID: kind.String(), Kind: kind, Categories: []string{"银行", "保险", "证券"},
		Series: []deck.Series{{Name: "甲", Values: []float64{3, 5, 4}, Labels: []string{"3", "5", "4"}},
			{Name: "乙", Values: []float64{2, 1, 3}, Labels: []string{"2", "1", "3"}}}}
	c.Series = c.Series[:series]
	return c
}

func TestChartsAreNamedInMessages(t *testing.T) {
	if got := (&deck.Chart{ID: "a"}).Name(); got != `"a"` {
		t.Errorf("Name() = %s", got)
	}
	if got := (&deck.Chart{}).Name(); got != "without an id" {
		t.Errorf("Name() = %s", got)
	}
}
