package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestPDFAFlag(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cases := []struct {
		name       string
		args       []string
		code       int
		stderr     string
		written    bool
		xmpWritten bool
	}{
		{"render --pdfa writes a PDF with the PDF/A identification in its XMP", []string{"render", "--pdfa"}, 0, "", true, true},
		{"render without it writes no XMP", []string{"render"}, 0, "", true, false},
		{"render --pdfa with gopdf is a usage error that says why, and writes nothing", []string{"render", "--pdfa", "--engine", "gopdf"}, 2,
			"deck render: --pdfa needs --engine fpdf: gopdf writes an untagged PDF without the metadata PDF/A asks for\n", false, false},
		{"watch --pdfa with gopdf is the same usage error", []string{"watch", "--pdfa", "--engine", "gopdf"}, 2,
			"deck watch: --pdfa needs --engine fpdf: gopdf writes an untagged PDF without the metadata PDF/A asks for\n", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.pdf")
			code, _, stderr := runCode(append(c.args, "-o", out)...)
			if code != c.code || (c.code != 0 && stderr != c.stderr) {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, stderr, c.code, c.stderr)
			}
			b, err := os.ReadFile(out)
			if written := err == nil; written != c.written {
				t.Fatalf("written: %v, want %v", written, c.written)
			}
			if got := bytes.Contains(b, []byte("<pdfaid:part>2</pdfaid:part>")); got != c.xmpWritten {
				t.Errorf("PDF/A identification: %v, want %v", got, c.xmpWritten)
			}
		})
	}
}
