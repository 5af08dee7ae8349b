package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isZip and isPDF tell the files deck writes apart by their first bytes.
func isZip(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }
func isPDF(b []byte) bool { return bytes.HasPrefix(b, []byte("%PDF-")) }

func TestTheFileWrittenFollowsTheExtensionOrTheFormat(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
		file string
		want func([]byte) bool
	}{
		{"a .pptx file is a presentation", []string{"-o", "a.pptx"}, "a.pptx", isZip},
		{"a .PPTX file is one too", []string{"-o", "b.PPTX"}, "b.PPTX", isZip},
		{"a .pdf file is a PDF", []string{"-o", "c.pdf"}, "c.pdf", isPDF},
		{"another name is a PDF", []string{"-o", "d.out"}, "d.out", isPDF},
		{"--format pptx overrides the extension", []string{"-o", "e.pdf", "--format", "pptx"}, "e.pdf", isZip},
		{"--format pdf overrides it too", []string{"-o", "f.pptx", "--format", "pdf"}, "f.pptx", isPDF},
		{"--format json chooses the report and leaves the file to the extension", []string{"-o", "g.pptx", "--format", "json"}, "g.pptx", isZip},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.file)
			args := append([]string{"render"}, c.args...)
			for i, a := range args {
				if a == c.file {
					args[i] = out
				}
			}
			if code, _, stderr := runCode(args...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil || !c.want(b) {
				t.Errorf("%s starts %q (%v)", c.file, b[:min(len(b), 8)], err)
			}
		})
	}
}

func TestTheReportFormIsTextOrJSON(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "r.pptx")
	for _, args := range [][]string{{"--json"}, {"--format", "json"}, {"--format", "pptx", "--json"}} {
		t.Run(strings.Join(args, " ")+" prints one JSON object", func(t *testing.T) {
			code, stdout, stderr := runCode(append([]string{"render", "-o", out}, args...)...)
			var r jsonReport
			if err := json.Unmarshal([]byte(stdout), &r); code != 0 || err != nil || r.Output == nil || r.Output.Path != out {
				t.Errorf("exit %d, %v:\n%s%s", code, err, stdout, stderr)
			}
		})
	}
	t.Run("a value that is neither is an error that names the five", func(t *testing.T) {
		code, _, stderr := runCode("render", "-o", out, "--format", "docx")
		want := `invalid value "docx" for flag -format: format "docx" is not pdf, pptx, png, text or json`
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	})
	t.Run("the size line names the presentation", func(t *testing.T) {
		code, stdout, _ := runCode("render", "-o", out)
		// The presentation embeds its fonts, subset: they weigh something.
		if code != 0 || !strings.HasPrefix(stdout, out+": 9 pages, ") || !strings.Contains(stdout, "(fonts ") || strings.Contains(stdout, "(fonts 0 B") {
			t.Errorf("exit %d:\n%s", code, stdout)
		}
	})
}
