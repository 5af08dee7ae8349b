package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/render"
)

// chartsCmd writes every chart of the deck as a PNG, at the size and
// resolution it has in the PDF.
func chartsCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("charts", "Usage: deck charts [-c PATH] -o DIR\n\n"+
		"Write every chart of the deck as a PNG named SLIDE-CHART.png (slide and\n"+
		"chart ids, or their numbers), as drawn in the PDF, for use elsewhere.", stdout, stderr)
	src := fl.String("c", "", deckFlag)
	out := fl.String("o", "", "the folder to write the PNG files into (required)")
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return 2
	}
	d, err := render.Build(context.Background(), source(*src), render.Options{CacheDir: renderCache()})
	if err != nil {
		fmt.Fprintf(stderr, "deck charts: %v\n", err)
		return 2
	}
	printDiagnostics(stderr, d.Result.Diagnostics)
	if !d.OK() {
		fmt.Fprintf(stderr, "deck charts: %s; nothing written\n", count(d.Result.Diagnostics))
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "deck charts: %v\n", err)
		return 1
	}
	n := 0
	used := map[string]bool{}
	charts := map[int]int{} // charts met so far, by slide
	for _, page := range d.Pages {
		// A page is named by its slide, not by its number: a slide whose
		// table continues takes several pages.
		slide := idOr(d.Deck.Slides[page.Slide].ID, page.Slide+1)
		for _, it := range page.Items {
			im, ok := it.(layout.Image)
			if !ok || im.Chart == nil {
				continue
			}
			charts[page.Slide]++
			k := charts[page.Slide]
			base := fileName(slide + "-" + idOr(im.Chart.ID, k))
			for i := 2; used[base]; i++ {
				base = fileName(fmt.Sprintf("%s-%s-%d", slide, idOr(im.Chart.ID, k), i))
			}
			used[base] = true
			name := filepath.Join(*out, base+".png")
			if err := checkOutput(name, d.Result.Files); err != nil {
				fmt.Fprintf(stderr, "deck charts: %v\n", err)
				return 2
			}
			if err := writeAtomic(name, im.Data); err != nil {
				fmt.Fprintf(stderr, "deck charts: %v\n", err)
				return 1
			}
			fmt.Fprintf(stdout, "%s: %s\n", name, size(int64(len(im.Data))))
			n++
		}
	}
	if n == 0 {
		fmt.Fprintln(stdout, "deck charts: the deck has no charts")
	}
	return 0
}

func idOr(id string, n int) string {
	if id != "" {
		return id
	}
	return strconv.Itoa(n)
}

// fileName makes ids into a file name that stays in its folder: letters
// (Chinese ones too), digits, '-', '_' and '.' kept, anything else (a path
// separator above all) '_', and no leading dot.
func fileName(s string) string {
	out := []rune(s)
	for i, r := range out {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			out[i] = '_'
		}
	}
	name := strings.TrimLeft(string(out), ".")
	if name == "" {
		name = "chart"
	}
	return name
}
