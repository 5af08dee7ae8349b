package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/deckpdf/deck/content"
)

// A Source is a deck to render: the built-in report (Builtin), a folder or
// deck file on disk (Dir), or a deck file in any file system (FS).
type Source struct {
	fsys    fs.FS
	name    string // the deck file in fsys
	display string // the folder as messages name it
	path    string // Dir's path, opened at use
	builtin bool
}

// Builtin returns the built-in report, the deck `deck render` renders when
// given none.
func Builtin() Source {
	return Source{fsys: content.Default(), name: content.DeckFile, builtin: true}
}

// Dir returns the deck at path: a folder holding deck.yaml, or a deck YAML
// file whose folder holds the files it names. Every file the deck names is
// read inside that folder; a path or a symbolic link that leaves it is
// refused. The folder is opened when the source is used.
func Dir(path string) Source { return Source{path: path} }

// FS returns the deck whose main file is name in fsys. Messages name its
// files by their paths in fsys.
func FS(fsys fs.FS, name string) Source { return Source{fsys: fsys, name: name} }

// String names the source as messages do: its path, or "the built-in
// report".
func (s Source) String() string {
	switch {
	case s.builtin:
		return "the built-in report"
	case s.path != "":
		return s.path
	}
	return s.name
}

// An opened source is a deck's file system and names, ready to load.
type opened struct {
	fsys    fs.FS
	name    string
	display string
	dir     string // the folder's absolute path; "" when not on disk
}

// open opens the source's folder.
func (s Source) open() (opened, error) {
	if s.path == "" {
		if s.fsys == nil {
			return opened{}, errors.New("render: the zero Source names no deck: use Builtin, Dir or FS")
		}
		return opened{fsys: s.fsys, name: s.name, display: s.display}, nil
	}
	path := s.path
	info, err := os.Stat(path)
	if err != nil {
		return opened{}, fmt.Errorf("cannot open the deck %s: %w", path, errors.Unwrap(err))
	}
	dir, name, display := path, content.DeckFile, filepath.ToSlash(path)
	if display == "." {
		display = ""
	}
	if !info.IsDir() {
		dir, name = filepath.Dir(path), filepath.Base(path)
		if display = filepath.ToSlash(dir); display == "." {
			display = ""
		}
	}
	// An os.Root keeps every file the deck names inside its folder, even
	// through symbolic links.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return opened{}, fmt.Errorf("cannot open the deck %s: %w", path, errors.Unwrap(err))
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return opened{}, fmt.Errorf("cannot open the deck %s: %w", path, err)
	}
	return opened{fsys: root.FS(), name: name, display: display, dir: dir}, nil
}

// openedFS notes the path of every file opened through it, or tried, so
// that a watch can tell an edit of the deck from a file changing beside it
// (a log, a PDF, an editor's backup).
type openedFS struct {
	fs.FS
	dir     string // the folder's absolute path; "" notes nothing
	mu      sync.Mutex
	paths   map[string]bool
	realDir string // dir with its links followed, found on first use
}

// Open opens name and notes its path, and the path of the file it links
// to when it is a symbolic link (an edit of that file changes the deck).
func (o *openedFS) Open(name string) (fs.File, error) {
	if o.dir != "" {
		p := filepath.Join(o.dir, filepath.FromSlash(name))
		o.mu.Lock()
		o.paths[p] = true
		if target, ok := o.linkTarget(p); ok {
			o.paths[target] = true
		}
		o.mu.Unlock()
	}
	return o.FS.Open(name)
}

// Stat returns the file's information without opening it (a pipe would
// block an open), from the folder's own Stat.
func (o *openedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.FS, name) }

// linkTarget returns, when the file at p is a symbolic link (or lies under
// one) within the folder, the path of the file it leads to, named from the
// folder as p is, as file events name it.
func (o *openedFS) linkTarget(p string) (string, bool) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", false
	}
	if o.realDir == "" {
		if o.realDir, err = filepath.EvalSymlinks(o.dir); err != nil {
			return "", false
		}
	}
	rel, err := filepath.Rel(o.realDir, real)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	if target := filepath.Join(o.dir, rel); target != p {
		return target, true
	}
	return "", false
}
