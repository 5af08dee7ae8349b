// Package golden compares test output with the expected side of txtar
// golden files, and rewrites that side when tests run with -update.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of golden files")

// A Case is one txtar golden file: input files and expected sections.
type Case struct {
	Path    string
	Archive *txtar.Archive
}

// Load reads every *.txtar file in dir.
func Load(t *testing.T, dir string) []Case {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files in %s (%v)", dir, err)
	}
	var cases []Case
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, Case{Path: p, Archive: a})
	}
	return cases
}

// Name returns the case's file name without its extension, for t.Run.
func (c Case) Name() string {
	return filepath.Base(c.Path[:len(c.Path)-len(filepath.Ext(c.Path))])
}

// FS returns the archive's input files: all but those named want.*.
func (c Case) FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range c.Archive.Files {
		if filepath.Ext(f.Name) != "" && len(f.Name) > 5 && f.Name[:5] == "want." {
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Check compares got with the section name, or rewrites it under -update.
// A missing section is expected to be empty.
func (c Case) Check(t *testing.T, name string, got []byte) {
	t.Helper()
	var want []byte
	idx := -1
	for i, f := range c.Archive.Files {
		if f.Name == name {
			want, idx = f.Data, i
		}
	}
	if bytes.Equal(got, want) {
		return
	}
	if *update {
		if idx < 0 {
			if len(got) == 0 {
				return
			}
			c.Archive.Files = append(c.Archive.Files, txtar.File{Name: name, Data: got})
		} else {
			c.Archive.Files[idx].Data = got
		}
		if err := os.WriteFile(c.Path, txtar.Format(c.Archive), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: %s differs (run go test -update to accept):\n--- got ---\n%s--- want ---\n%s", c.Path, name, got, want)
}
