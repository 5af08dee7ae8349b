package pptx_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/internal/pixeldiff"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/render"
)

// The thresholds of the comparison of LibreOffice's pages with deck's, at
// 50 dpi (see diff), and of the text it keeps. Measured on the built-in
// report with LibreOffice 7.4 (go test -v logs every page): the mean
// difference of the tiles' ink is 0.33 to 1.37 (LibreOffice puts a
// quarter em between Chinese and Latin text, "2021 年", which moves the
// rest of such a line), and the first paragraph of page 2 moved 12 pt
// down raises it from 1.37 to 2.74. Every page keeps all of its text.
const (
	maxInkDiff  = 2.0
	minCoverage = 0.98
)

// impress converts presentations to PDF with LibreOffice, with deck's fonts
// installed for it alone, so that what is compared is the layout and not a
// fallback font. It returns the PDFs' paths.
func impress(t *testing.T, doc *render.Document, files ...string) []string {
	t.Helper()
	dir := t.TempDir()
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, face := range map[string][]byte{"regular.ttf": doc.Fonts.Regular.Data(), "bold.ttf": doc.Fonts.Bold.Data()} {
		if err := os.WriteFile(filepath.Join(fontDir, name), face, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(dir, "fonts.conf")
	xmlConf := fmt.Sprintf(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>%s</dir><cachedir>%s</cachedir></fontconfig>`, fontDir, filepath.Join(dir, "cache"))
	if err := os.WriteFile(conf, []byte(xmlConf), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", out}, files...)
	cmd := exec.Command("soffice", args...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	var pdfs []string
	for _, f := range files {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".pptx")+".pdf")
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("soffice did not convert %s (is LibreOffice Impress installed? .ci/run installs libreoffice-impress-nogui)", f)
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

func TestLibreOfficeShowsWhatThePDFShows(t *testing.T) {
	tooltest.Need(t, "soffice", "pdftotext", "pdftoppm")
	doc := defaultDoc(t)
	dir := t.TempDir()
	own := filepath.Join(dir, "deck.pdf")
	var b bytes.Buffer
	if _, err := render.Render(context.Background(), render.Builtin(), &b, render.Options{}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, own, b.Bytes())
	shown := filepath.Join(dir, "report.pptx")
	writeFile(t, shown, write(t, doc.Pages, pptxOptionsNone()))
	moved := filepath.Join(dir, "moved.pptx")
	writeFile(t, moved, write(t, moveParagraph(t, doc.Pages, 1, 12), pptxOptionsNone()))
	pdfs := impress(t, doc, shown, moved)

	want, got := raster(t, own), raster(t, pdfs[0])
	t.Run("LibreOffice shows as many pages", func(t *testing.T) {
		if len(got) != len(want) {
			t.Fatalf("%d pages, want %d", len(got), len(want))
		}
	})
	for i := range min(len(got), len(want)) {
		t.Run(fmt.Sprintf("page %d has the PDF's text", i+1), func(t *testing.T) {
			cov := coverage(visibleText(t, own, i+1, doc.Pages[i]), pageText(t, pdfs[0], i+1))
			t.Logf("page %d: %.2f%% of the text", i+1, 100*cov)
			if cov < minCoverage {
				t.Errorf("only %.2f%% of the PDF's text (want %.0f%%)", 100*cov, 100*minCoverage)
			}
		})
		t.Run(fmt.Sprintf("page %d looks like the PDF's", i+1), func(t *testing.T) {
			d := diff(t, want[i], got[i])
			t.Logf("page %d: the tiles' ink differs by %.2f on average (of 255)", i+1, d)
			if d > maxInkDiff {
				t.Errorf("the tiles' ink differs by %.2f on average (threshold %.2f)", d, maxInkDiff)
			}
		})
	}
	t.Run("a paragraph out of place is seen", func(t *testing.T) {
		d := diff(t, want[1], raster(t, pdfs[1])[1])
		t.Logf("page 2 with a paragraph 12 pt lower: the tiles' ink differs by %.2f on average", d)
		if d <= maxInkDiff {
			t.Errorf("the tiles' ink differs by %.2f, within the threshold %.2f", d, maxInkDiff)
		}
	})
}

// moveParagraph returns the pages with the first paragraph of page i moved
// dy points down.
func moveParagraph(t *testing.T, pages []layout.Page, i int, dy float64) []layout.Page {
	t.Helper()
	out := slices.Clone(pages)
	p := &out[i]
	p.Items = slices.Clone(p.Items)
	var para *layout.Node
	p.Tree.Walk(func(n *layout.Node) bool {
		if n.Role == layout.RoleParagraph && para == nil {
			para = n
		}
		return para == nil
	})
	if para == nil {
		t.Fatalf("page %d has no paragraph", i+1)
	}
	for _, k := range para.Items {
		if r, ok := p.Items[k].(layout.TextRun); ok {
			r.At.Y += dy
			p.Items[k] = r
		}
	}
	return out
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

var space = regexp.MustCompile(`\s+`)

// pageText returns a page's text without white space.
func pageText(t *testing.T, file string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-f", n, "-l", n, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return space.ReplaceAllString(string(out), "")
}

// visibleText returns a page's text without white space and without the
// hidden text of its charts, which the presentation leaves out (their
// pictures' descriptions say it).
func visibleText(t *testing.T, file string, page int, p layout.Page) string {
	t.Helper()
	have := map[rune]int{}
	for _, it := range p.Items {
		if r, ok := it.(layout.TextRun); ok && r.Hidden {
			for _, c := range space.ReplaceAllString(r.Text, "") {
				have[c]++
			}
		}
	}
	var b strings.Builder
	for _, c := range pageText(t, file, page) {
		if have[c] > 0 {
			have[c]--
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// coverage returns the share of want's characters that got has, each
// character counted as often as it occurs.
func coverage(want, got string) float64 {
	have := map[rune]int{}
	for _, r := range got {
		have[r]++
	}
	n, found := 0, 0
	for _, r := range want {
		n++
		if have[r] > 0 {
			have[r]--
			found++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(found) / float64(n)
}

// raster draws a PDF's pages at 50 dpi.
func raster(t *testing.T, file string) []image.Image {
	t.Helper()
	imgs, err := pixeldiff.Poppler(file, "-r", "50")
	if err != nil {
		t.Fatal(err)
	}
	return imgs
}

// tile is the side, in pixels, of the squares diff compares: 8 pixels at
// 50 dpi are 11.5 pt, about a character of body text.
const tile = 8

// diff compares two pictures of a page by the ink of each tile: the mean
// red, green and blue values of a tile in one against the other's, on a
// scale of 0 to 255 (pixeldiff.Shrink, then pixeldiff.Diff). It returns
// the mean difference of the tiles. Two renderers of one page differ in
// antialiasing and in where a glyph falls within a pixel, which moves ink
// inside a tile and hardly changes its mean; a line out of place moves
// ink from tile to tile.
func diff(t *testing.T, a, b image.Image) float64 {
	t.Helper()
	mean, _, err := pixeldiff.Diff(pixeldiff.Shrink(a, tile), pixeldiff.Shrink(b, tile), pixeldiff.Tile)
	if err != nil {
		t.Fatal(err)
	}
	return mean
}
