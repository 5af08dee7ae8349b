package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeExampleRenders renders the complete example of README.md, so
// that the documented format stays true.
func TestReadmeExampleRenders(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(yaml|csv)\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) < 4 {
		t.Fatalf("README has %d yaml/csv blocks, want the deck, its two CSV files and the theme", len(blocks))
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("deck.yaml", blocks[0][2])
	os.MkdirAll(filepath.Join(dir, "images"), 0o755)
	var logo bytes.Buffer
	png.Encode(&logo, image.NewNRGBA(image.Rect(0, 0, 400, 100)))
	write("images/logo.png", logo.Bytes())
	write("data/cloud-value.csv", blocks[1][2])
	write("data/standards.csv", blocks[2][2])
	// The theme example names font and logo files that the example lacks.
	var theme []string
	for _, l := range strings.Split(string(blocks[3][2]), "\n") {
		if !strings.HasPrefix(l, "fonts:") && !strings.HasPrefix(l, "logo:") {
			theme = append(theme, l)
		}
	}
	write("theme.yaml", []byte(strings.Join(theme, "\n")))

	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-c", dir, "-o", filepath.Join(dir, "out.pdf")}, &stdout, &stderr); code != 0 {
		t.Fatalf("the README example does not render (exit %d):\n%s", code, stderr.String())
	}
}

// TestReadmeGoExampleRuns builds the README's "Use from Go" program in a
// module of its own outside the repository, with a replace of deck to this
// checkout, and runs it with go run.
func TestReadmeGoExampleRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```go\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no Go example")
	}
	repo, _ := filepath.Abs("../..")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.go"), m[1], 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/report\n\ngo 1.26\n\nrequire github.com/deckpdf/deck v0.0.0\n\nreplace github.com/deckpdf/deck => "+repo+"\n"), 0o644)
	for _, args := range [][]string{{"mod", "tidy"}, {"run", "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] == "run" && !regexp.MustCompile(`^9 pages, \d+ bytes\n$`).Match(out) {
			t.Errorf("the program printed %q, want 9 pages and a size", out)
		}
	}
}
