package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// copyDefault writes the embedded report into a new folder, as a user's
// own copy, with deck init.
func copyDefault(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "deck")
	runOK(t, "init", dir)
	return dir
}

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("deck %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

func TestChartsCommandWritesEveryChart(t *testing.T) {
	out := t.TempDir()
	runOK(t, "charts", "-o", out)
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := "market-size-market-size.png role-digital-economy.png role-industry-internet-index.png"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v, want %s", names, want)
	}
}

// TestEditingChartDataChangesThePictureAndThePDF edits one number of a CSV
// in a user's copy of the report: that chart, and only that one, changes,
// and the PDF carries the new figure.
func TestEditingChartDataChangesThePictureAndThePDF(t *testing.T) {
	needTools(t, "pdftotext")
	dir := copyDefault(t)
	before, after := t.TempDir(), t.TempDir()
	runOK(t, "render", "-c", dir, "-o", filepath.Join(before, "r.pdf"))
	runOK(t, "charts", "-c", dir, "-o", before)

	csv := filepath.Join(dir, "data", "market-size.csv")
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("2021,394"), []byte("2021,401"), 1), 0o644)
	runOK(t, "render", "-c", dir, "-o", filepath.Join(after, "r.pdf"))
	runOK(t, "charts", "-c", dir, "-o", after)

	same := func(name string) bool {
		a, _ := os.ReadFile(filepath.Join(before, name))
		b, _ := os.ReadFile(filepath.Join(after, name))
		return len(a) > 0 && bytes.Equal(a, b)
	}
	if same("market-size-market-size.png") {
		t.Error("the edited chart's picture did not change")
	}
	if !same("role-digital-economy.png") || !same("role-industry-internet-index.png") {
		t.Error("charts whose data did not change were drawn differently")
	}
	if same("r.pdf") {
		t.Error("the PDF did not change")
	}
	text := tool(t, "pdftotext", "-raw", filepath.Join(after, "r.pdf"), "-")
	if !strings.Contains(text, "401 507 652 838 1078") {
		t.Error("the PDF text lacks the edited series 401 507 652 838 1078")
	}
}

// TestChartFilesStayInTheirFolder: ids that hold path separators or dots
// name files inside -o, and two charts of one name get two files.
func TestChartFilesStayInTheirFolder(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	dir := filepath.Join(root, "deck")
	chart := "{id: \"%s\", type: bar, rows: [[a, b], [x, 1], [y, 2]]}"
	writeDeckAt(t, dir, map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n  - id: ../../etc\n    title: x\n    blocks:\n" +
		"      - chart: " + fmt.Sprintf(chart, "/../../victim/keep") + "\n" +
		"      - chart: " + fmt.Sprintf(chart, "c") + "\n      - chart: " + fmt.Sprintf(chart, "c") + "\n")})
	out := filepath.Join(root, "out")
	runOK(t, "charts", "-c", dir, "-o", out)
	var names []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".png") {
			rel, _ := filepath.Rel(root, p)
			names = append(names, rel)
		}
		return nil
	})
	slices.Sort(names)
	want := []string{"out/_.._etc-_.._.._victim_keep.png", "out/_.._etc-c-2.png", "out/_.._etc-c.png"}
	if !slices.Equal(names, want) {
		t.Errorf("PNG files %q, want %q", names, want)
	}
}

// continuedDeck writes a deck whose first slide holds a table that
// continues over several pages, with a chart after it, and whose second
// slide (without an id) holds a chart: page numbers and slide numbers
// part after the first page.
func continuedDeck(t *testing.T) string {
	t.Helper()
	var rows strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&rows, "          - [R%02d, 布局先进高效的算力体系，加快云计算技术规范应用。]\n", i)
	}
	chart := "{type: bar, rows: [[a, b], [x, 1], [y, 2]]}"
	return writeDeck(t, map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n  - id: long\n    title: 长表\n    blocks:\n" +
		"      - table:\n          rows:\n          - [编号, 内容]\n" + rows.String() +
		"      - chart: " + chart + "\n" +
		"  - title: 图\n    blocks:\n      - chart: " + chart + "\n")})
}

// TestChartsOfAContinuedTableAreNamedBySlide: a chart file is named by
// its slide, whatever page the slide's table pushed it to (deck charts
// panicked, looking slides up by page number).
func TestChartsOfAContinuedTableAreNamedBySlide(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := continuedDeck(t)
	out := t.TempDir()
	runOK(t, "charts", "-c", dir, "-o", out)
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if want := []string{"2-1.png", "long-1.png"}; !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
}

// TestValidateCountsSlidesNotPages: a deck of two slides over more pages
// has two slides (validate counted its pages).
func TestValidateCountsSlidesNotPages(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := continuedDeck(t)
	if out := runOK(t, "render", "-c", dir, "-o", filepath.Join(t.TempDir(), "r.pdf")); !strings.Contains(out, " pages, ") || strings.Contains(out, ": 2 pages, ") {
		t.Fatalf("render: %q, want more than 2 pages", out)
	}
	if out, want := runOK(t, "validate", "-c", dir), dir+": no problems in 2 slides\n"; out != want {
		t.Errorf("validate says %q, want %q", out, want)
	}
}
