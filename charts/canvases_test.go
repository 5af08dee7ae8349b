package charts

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// TestChartsDrawnOnUsedCanvasesAreTheSame draws the report's charts, the
// largest first, on canvases used again, as a render does, and each on a
// canvas of its own: the PNGs are the same, byte for byte, and the
// smaller charts were drawn on the canvas of a larger one.
func TestChartsDrawnOnUsedCanvasesAreTheSame(t *testing.T) {
	cs, theme := reportCharts(t)
	set := defaultFonts(t)
	sizes := []struct {
		id   string
		w, h float64
	}{{"market-size", 880, 326}, {"digital-economy", 476, 253}, {"industry-internet-index", 385, 237}}
	pool := new(canvases)
	made := 0
	for _, s := range sizes {
		alone, err := drawPicture(cs[s.id], theme, set, s.w, s.h, DPI, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		free := len(pool.free)
		shared, err := drawPicture(cs[s.id], theme, set, s.w, s.h, DPI, nil, pool)
		if err != nil {
			t.Fatal(err)
		}
		if free == 0 {
			made++
		}
		if !bytes.Equal(alone.png, shared.png) {
			t.Errorf("%s: the picture drawn on a used canvas differs from the one drawn on a new canvas", s.id)
		}
	}
	kept := len(pool.free)
	pool.close()
	if made != 1 || kept != 1 {
		t.Errorf("%d canvases made and %d kept for three charts drawn in turn, want 1 and 1", made, kept)
	}
}

// TestCanvasesTakeTheSmallestThatFits: a canvas taken is the smallest
// free one at least its size, cleared; none that fits, a new one. Once
// closed, the canvases hold none: those given back are freed.
func TestCanvasesTakeTheSmallestThatFits(t *testing.T) {
	pool := new(canvases)
	big, bigMem := pool.take(100, 100)
	small, smallMem := pool.take(20, 20)
	for _, img := range []*indexedCanvas{big, small} {
		for i := range img.IDs {
			img.IDs[i] = 0xFFFF
		}
	}
	pool.give(bigMem)
	pool.give(smallMem)
	got, mem := pool.take(10, 30)
	if &mem.pix[0] != &smallMem.pix[0] || len(got.IDs) != 10*30 || got.Bounds().Dx() != 10 || got.Bounds().Dy() != 30 {
		t.Fatalf("took a canvas of %d ids, %v; want the 20×20 one's memory, 10×30", len(got.IDs), got.Bounds())
	}
	for _, id := range got.IDs {
		if id != 0 {
			t.Fatal("a canvas used again is not cleared")
		}
	}
	if len(got.Colors) != 1 || got.Colors[0] != 0 {
		t.Fatalf("a canvas used again has colours %x, want only transparent black", got.Colors)
	}
	if _, other := pool.take(30, 30); &other.pix[0] != &bigMem.pix[0] {
		t.Errorf("took a canvas of cap %d for 30×30, want the 100×100 one's", cap(other.pix))
	}
	if fresh, _ := pool.take(10, 10); len(pool.free) != 0 || len(fresh.IDs) != 100 {
		t.Errorf("with no canvas free, took %d ids and %d are left free", len(fresh.IDs), len(pool.free))
	}
	pool.give(mem)
	pool.close()
	if len(pool.free) != 0 {
		t.Errorf("%d canvases kept once closed", len(pool.free))
	}
	pool.give(bigMem)
	if len(pool.free) != 0 {
		t.Error("a canvas given back once closed is kept")
	}
}

// TestCanvasRendererTurnsTextAsGoChartDoes draws and measures text turned
// and upright, twice turned in a row as go-chart lets it be, on a
// canvasRenderer and on go-chart's own raster renderer: the pixels and
// the boxes are the same. deck's charts set no text at an angle, but the
// renderer is go-chart's whole.
func TestCanvasRendererTurnsTextAsGoChartDoes(t *testing.T) {
	font, err := truetypeFont(defaultFonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	draw := func(r chart.Renderer) ([]chart.Box, []byte) {
		r.SetDPI(144)
		r.SetFont(font)
		r.SetFontSize(14)
		r.SetFontColor(drawing.ColorBlack)
		var boxes []chart.Box
		for _, turn := range []float64{0, 0.5, 1.2} {
			if turn != 0 {
				r.SetTextRotation(turn)
			}
			boxes = append(boxes, r.MeasureText("营收 2026"))
			r.Text("营收 2026", 60, 80)
			r.Text("再一行", 90, 120)
			r.ClearTextRotation()
		}
		var px pixels
		if err := r.Save(&px); err != nil || !px.drawn() {
			t.Fatal(err)
		}
		return boxes, px.rgba().Pix
	}
	theirs, err := chart.PNG(240, 200)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := (*canvases)(nil).take(240, 200)
	ours := newCanvasRenderer(img)
	wantBoxes, wantPix := draw(theirs)
	gotBoxes, gotPix := draw(ours)
	if fmt.Sprint(gotBoxes) != fmt.Sprint(wantBoxes) {
		t.Errorf("boxes %v, go-chart's %v", gotBoxes, wantBoxes)
	}
	if !bytes.Equal(gotPix, wantPix) {
		t.Error("the text's pixels differ from go-chart's")
	}
}
