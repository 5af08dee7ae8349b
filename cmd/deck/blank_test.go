package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestInitBlankIsNeutral: deck init --blank writes a deck and a theme that
// render with no warning, and nothing on its pages names the firm of the
// built-in report.
func TestInitBlankIsNeutral(t *testing.T) {
	needTools(t, "pdftotext")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	work := t.TempDir()
	dir := filepath.Join(work, "mine")
	if code, out, errs := runCode("init", "--blank", dir); code != 0 || !strings.Contains(out, "wrote 2 files") {
		t.Fatalf("init --blank: %d %s %s", code, out, errs)
	}
	pdf := filepath.Join(work, "mine.pdf")
	code, _, errs := runCode("render", "-c", dir, "-o", pdf)
	if code != 0 || strings.Contains(errs, "warning") || strings.Contains(errs, "error") {
		t.Fatalf("render of the blank deck: %d\n%s", code, errs)
	}
	text := tool(t, "pdftotext", "-raw", pdf, "-")
	if !strings.Contains(text, "报告标题") {
		t.Fatalf("the PDF lacks the blank deck's title:\n%s", text)
	}
	for _, brand := range []string{"iResearch", "艾瑞", "iresearch"} {
		if strings.Contains(text, brand) {
			t.Errorf("the blank deck's PDF names %q", brand)
		}
	}
}
