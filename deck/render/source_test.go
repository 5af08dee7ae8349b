package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenedFSNotesLinkedFiles: a deck file that is a symbolic link to a
// file in the deck's folder is noted under both names, named from the
// folder as given (itself reached through a link here), so that deck
// watch renders again when the linked file is saved.
func TestOpenedFSNotesLinkedFiles(t *testing.T) {
	real := t.TempDir()
	os.MkdirAll(filepath.Join(real, "versions"), 0o755)
	os.WriteFile(filepath.Join(real, "versions", "v2.yaml"), []byte("title: t\n"), 0o644)
	if err := os.Symlink(filepath.Join("versions", "v2.yaml"), filepath.Join(real, "deck.yaml")); err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(t.TempDir(), "via-link")
	if err := os.Symlink(real, dir); err != nil {
		t.Skip(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := &openedFS{FS: root.FS(), dir: dir, paths: map[string]bool{}}
	if _, err := fs.ReadFile(o, "deck.yaml"); err != nil {
		t.Fatal(err)
	}
	fs.ReadFile(o, "data/missing.csv")
	for _, want := range []string{"deck.yaml", "versions/v2.yaml", "data/missing.csv"} {
		if p := filepath.Join(dir, filepath.FromSlash(want)); !o.paths[p] {
			t.Errorf("%s not noted; noted %v", p, o.paths)
		}
	}
	if len(o.paths) != 3 {
		t.Errorf("noted %v", o.paths)
	}
}
