package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestReadmeLayoutsExampleRenders renders the deck of the README's
// "Layouts" section: every layout it documents renders, without a
// diagnostic.
func TestReadmeLayoutsExampleRenders(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)### Layouts\n.*?```yaml\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no yaml block under \"### Layouts\"")
	}
	for _, layout := range []string{"agenda", "section", "picture-right", "big-number", "quote", "title-only"} {
		if !bytes.Contains(m[1], []byte("layout: "+layout)) {
			t.Errorf("the README's layouts example does not show layout %s", layout)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "deck.yaml"), m[1], 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-c", dir, "-o", filepath.Join(dir, "out.pdf")}, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
		t.Fatalf("the README's layouts example renders with exit %d:\n%s", code, stderr.String())
	}
}
