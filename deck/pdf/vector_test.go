package pdf_test

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
)

// TestVectorChartsAreTextAndPaths writes the report with its charts drawn
// as vectors, with each engine, and reads it as a user would: a valid
// file, the same bytes twice, no pictures, and every figure and label of
// the charts in the text once (the hidden text is gone, the drawn text is
// there).
func TestVectorChartsAreTextAndPaths(t *testing.T) {
	tooltest.Need(t, "pdftotext", "qpdf", "pdfimages")
	d := vectorDeck(t)
	pages := map[int][]string{
		4: {"6.2", "6.4", "7.1", "7.5", "8.4", "21.0", "24.9", "28.8", "31.7", "37.2",
			"77.2%", "79.6%", "80.2%", "80.9%", "81.6%", "2017", "2018", "2019", "2020", "2021",
			"数字产业化（万亿元）", "产业数字化（万亿元）", "产业数字占比（%）",
			"5.5", "11.2", "15.6", "16.1", "19.5", "21.5", "30.2", "金融", "零售", "文娱", "教育", "医疗", "物流", "制造"},
		8: {"394", "507", "652", "838", "1078", "2022E", "2023E", "2024E", "2025E", "CAGR=28.6%"},
	}
	for _, e := range pdf.Engines {
		t.Run(e.String(), func(t *testing.T) {
			data := write(t, d, e)
			if again := write(t, d, e); !bytes.Equal(data, again) {
				t.Error("a second render gives other bytes")
			}
			file := filepath.Join(t.TempDir(), "vector.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := run(t, "qpdf", "--check", file)
			if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(out, "WARNING") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			if list, _ := run(t, "pdfimages", "-list", file); len(strings.Split(strings.TrimSpace(list), "\n")) > 2 {
				t.Errorf("the file has pictures:\n%s", list)
			}
			for page, want := range pages {
				p := string(rune('0' + page))
				got, _ := run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", p, "-l", p, file, "-")
				count := map[string]int{}
				for _, f := range strings.Fields(got) {
					count[f]++
				}
				for _, w := range want {
					if count[w] != 1 {
						t.Errorf("page %d has %q %d times, want once:\n%s", page, w, count[w], got)
					}
				}
			}
		})
	}
}

// TestPathsFillAndCloseAlikeInBothEngines draws a filled triangle, a
// square stroked closed and the same square left open, and looks at the
// pixels: the fill's colour inside the triangle, the closing side drawn
// only where the path is closed.
func TestPathsFillAndCloseAlikeInBothEngines(t *testing.T) {
	tooltest.Need(t, "pdftoppm")
	red, blue := deck.Color{R: 220, A: 255}, deck.Color{B: 200, A: 255}
	square := func(x float64, closed bool) layout.Path {
		return layout.Path{Points: []layout.Point{{X: x, Y: 60}, {X: x, Y: 20}, {X: x + 40, Y: 20}, {X: x + 40, Y: 60}},
			Stroke: blue, Width: 4, Closed: closed}
	}
	items := []layout.Item{
		layout.Path{Points: []layout.Point{{X: 10, Y: 90}, {X: 90, Y: 90}, {X: 50, Y: 70}}, Fill: red, Stroke: blue, Width: 1},
		square(10, true),
		square(110, false),
	}
	d := testDeck{name: "paths", fonts: vectorDeck(t).fonts, pages: []layout.Page{{Size: deck.Size{W: 200, H: 100}, Title: "p", Items: items}}}
	var pics []image.Image
	for _, e := range pdf.Engines {
		file := filepath.Join(t.TempDir(), "paths.pdf")
		if err := os.WriteFile(file, write(t, d, e), 0o644); err != nil {
			t.Fatal(err)
		}
		pics = append(pics, raster(t, file)[0])
	}
	for i, img := range pics {
		e := pdf.Engines[i]
		// The pixel at (x, y) in points, at raster's 50 dpi.
		at := func(x, y float64) deck.Color {
			r, g, b, _ := img.At(int(x*50/72), int(y*50/72)).RGBA()
			return deck.Color{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 255}
		}
		if c := at(50, 85); c != red {
			t.Errorf("%v: inside the triangle is %v, want %v", e, c, red)
		}
		if c := at(30, 40); c != (deck.Color{R: 255, G: 255, B: 255, A: 255}) {
			t.Errorf("%v: inside the stroked square is %v, want white", e, c)
		}
		if c := at(30, 60); c != blue {
			t.Errorf("%v: the closing side of the closed square is %v, want %v", e, c, blue)
		}
		if c := at(130, 60); c.B == 200 {
			t.Errorf("%v: the open square has a closing side", e)
		}
	}
	// The page is small and all edges: only the tiles' threshold applies.
	if _, local := diff(t, pics[0], pics[1]); local > maxTileDiff {
		t.Errorf("the engines differ by %.2f over a tile (threshold %d)", local, maxTileDiff)
	}
}
