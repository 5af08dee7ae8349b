package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeAtomic writes data to a temporary file beside path, syncs it to
// disk and renames it into place, so that a failed write or a crash leaves
// an existing file untouched and a reader never sees half a file.
func writeAtomic(path string, data []byte) error { return replaceFile(path, data, true) }

// writeCache is writeAtomic without the sync, for what the user cache
// keeps: a file lost in a crash is only drawn or worked out again.
func writeCache(path string, data []byte) error { return replaceFile(path, data, false) }

func replaceFile(path string, data []byte, durable bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	if werr == nil && durable {
		werr = tmp.Sync()
	}
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %w", path, werr)
	}
	return nil
}
