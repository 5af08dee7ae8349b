package pptx_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pptx"
	"github.com/deckpdf/deck/deck/render"
	"github.com/xuri/excelize/v2"
)

// editable returns the charts of the pages that NativeCharts writes as
// charts, in order: bars and lines without a line on a second axis.
func editable(pages []layout.Page) []*deck.Chart {
	var out []*deck.Chart
	for _, p := range pages {
		for _, it := range p.Items {
			im, ok := it.(layout.Image)
			if !ok || im.Chart == nil {
				continue
			}
			c := im.Chart
			ok = c.Kind == deck.ChartBar || c.Kind == deck.ChartHBar || c.Kind == deck.ChartLine
			for _, s := range c.Series {
				ok = ok && !s.Line
			}
			if ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func TestNativeChartsKeepTheirDataInAWorkbook(t *testing.T) {
	d := defaultDoc(t)
	charts := editable(d.Pages)
	if len(charts) < 2 {
		t.Fatalf("the report has %d charts to write natively", len(charts))
	}
	file := write(t, d.Pages, pptx.Options{NativeCharts: true})
	parts, names := unzip(t, file)
	t.Run("the same pages give the same bytes", func(t *testing.T) {
		if !bytes.Equal(file, write(t, d.Pages, pptx.Options{NativeCharts: true})) {
			t.Error("two writes differ")
		}
	})
	for i, c := range charts {
		name := fmt.Sprintf("ppt/charts/chart%d.xml", i+1)
		t.Run(fmt.Sprintf("chart %d (%s) holds its series in its workbook and its cache", i+1, c.Kind), func(t *testing.T) {
			book := "ppt/" + strings.TrimPrefix(relTargets(t, parts[fmt.Sprintf("ppt/charts/_rels/chart%d.xml.rels", i+1)])["rId1"], "../")
			f, err := excelize.OpenReader(bytes.NewReader(parts[book]))
			if err != nil {
				t.Fatalf("%s: %v", book, err)
			}
			defer f.Close()
			rows, err := f.GetRows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			var space struct {
				Sers []struct {
					Pts []cachedPt `xml:"val>numRef>numCache>pt"`
				} `xml:"chart>plotArea>barChart>ser"`
				LineSers []struct{} `xml:"chart>plotArea>lineChart>ser"`
			}
			if err := xml.Unmarshal(parts[name], &space); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(space.Sers)+len(space.LineSers) != len(c.Series) {
				t.Errorf("%d series in the chart, %d in the deck", len(space.Sers)+len(space.LineSers), len(c.Series))
			}
			for k, s := range c.Series {
				if rows[0][k+1] != s.Name {
					t.Errorf("series %d is named %q in the workbook, %q in the deck", k+1, rows[0][k+1], s.Name)
				}
				for r, ci := range c.Order() {
					if rows[r+1][0] != c.Categories[ci] {
						t.Errorf("row %d is %q, want %q", r+2, rows[r+1][0], c.Categories[ci])
					}
					if s.Missing(ci) {
						continue
					}
					if k < len(space.Sers) {
						if v := cachedValue(space.Sers[k].Pts, r); v != s.Values[ci] {
							t.Errorf("%s of %s is %g in the chart's cache, %g in the deck", c.Categories[ci], s.Name, v, s.Values[ci])
						}
					}
					got, err := strconv.ParseFloat(cellAt(rows, r+1, k+1), 64)
					if err != nil || got != s.Values[ci] {
						t.Errorf("%s of %s is %q in the workbook, %g in the deck", c.Categories[ci], s.Name, cellAt(rows, r+1, k+1), s.Values[ci])
					}
				}
			}
		})
	}
	t.Run("each chart is a graphic frame of its slide", func(t *testing.T) {
		n := 0
		for _, name := range names {
			if strings.HasPrefix(name, "ppt/slides/slide") && strings.HasSuffix(name, ".xml") {
				n += strings.Count(string(parts[name]), `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart`)
			}
		}
		if n != len(charts) {
			t.Errorf("%d chart frames, want %d", n, len(charts))
		}
	})
	t.Run("the chart parts are valid against the schema", func(t *testing.T) {
		tooltest.Need(t, "xmllint")
		args := []string{"--noout", "--nonet", "--schema", filepath.Join("testdata", "schemas", "dml-chart.xsd")}
		dir := t.TempDir()
		for i := range charts {
			f := filepath.Join(dir, fmt.Sprintf("chart%d.xml", i+1))
			writeFile(t, f, parts[fmt.Sprintf("ppt/charts/chart%d.xml", i+1)])
			args = append(args, f)
		}
		if out, err := exec.Command("xmllint", args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	})
}

// cellAt returns a cell of GetRows' rows, "" past a row's end.
func cellAt(rows [][]string, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

type cachedPt struct {
	Idx int    `xml:"idx,attr"`
	V   string `xml:"v"`
}

// cachedValue returns the value of point idx of a series' cache, NaN
// when it has none.
func cachedValue(pts []cachedPt, idx int) float64 {
	for _, p := range pts {
		if p.Idx == idx {
			v, err := strconv.ParseFloat(p.V, 64)
			if err == nil {
				return v
			}
		}
	}
	return math.NaN()
}

func TestRenderWritesNativeChartsOnlyWhenAsked(t *testing.T) {
	for _, c := range []struct {
		name   string
		native bool
		want   int
	}{
		{"by default the charts are pictures", false, 0},
		{"PPTXNativeCharts makes the report's bar charts charts", true, len(editable(defaultDoc(t).Pages))},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if _, err := render.Render(context.Background(), render.Builtin(), &b, render.Options{Format: render.PPTX, PPTXNativeCharts: c.native}); err != nil {
				t.Fatal(err)
			}
			_, names := unzip(t, b.Bytes())
			n := 0
			for _, name := range names {
				if strings.HasPrefix(name, "ppt/charts/chart") {
					n++
				}
			}
			if n != c.want {
				t.Errorf("%d chart parts, want %d", n, c.want)
			}
		})
	}
}
