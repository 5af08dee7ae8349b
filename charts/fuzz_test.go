package charts

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
)

// FuzzChart draws charts of any kind from any data that the loader takes:
// no panic, and a picture (or an error) within the time limit.
func FuzzChart(f *testing.F) {
	f.Add(uint8(0), "年,值\n2021,394\n2022,507\n", true, "")
	f.Add(uint8(1), "行业,指数\n制造,5.5\n金融,30.2\n", false, "金融")
	f.Add(uint8(3), "a,b\nx,0\ny,0\n", false, "")
	f.Add(uint8(0), "a,b,c\n1,0,0\n2,1e-300,5\n", true, "")
	f.Add(uint8(2), "a,b\n1,-5\n2,5\n3,-5\n", false, "")
	f.Fuzz(func(t *testing.T, kind uint8, csv string, stacked bool, highlight string) {
		k := deck.ChartKinds[int(kind)%len(deck.ChartKinds)]
		spec := fmt.Sprintf("      - chart: {id: c, type: %s, data: d.csv, stacked: %v, highlight: [%q]}\n", k, stacked, highlight)
		if highlight == "" {
			spec = strings.Replace(spec, fmt.Sprintf(", highlight: [%q]", highlight), "", 1)
		}
		fsys := fstest.MapFS{
			"deck.yaml": {Data: []byte("title: t\nslides:\n  - title: x\n    blocks:\n" + spec)},
			"d.csv":     {Data: []byte(csv)},
		}
		d, diags := content.Load(fsys, "deck.yaml", "")
		if d == nil || diags.HasErrors() {
			return
		}
		c, ok := d.Slides[0].Blocks[0].(*deck.Chart)
		if !ok {
			return
		}
		start := time.Now()
		pic, err := drawBounded(t.Context(), c, d.Theme, defaultFonts(t), 300, 180, 72, 5*time.Second, nil)
		if err == nil && len(pic.png) == 0 {
			t.Fatal("no picture and no error")
		}
		if time.Since(start) > 6*time.Second {
			t.Fatalf("drawing took %v", time.Since(start))
		}
	})
}
