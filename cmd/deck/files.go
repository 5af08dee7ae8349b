package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
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
	temps.Store(name, struct{}{})
	defer temps.Delete(name)
	_, werr := tmp.Write(data)
	if werr == nil && durable {
		werr = tmp.Sync()
	}
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		// A file replaced keeps its permissions; a new one is 0644.
		perm := os.FileMode(0o644)
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			perm = info.Mode().Perm()
		}
		werr = os.Chmod(name, perm)
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

// checkOutput refuses a path that is no place to write a file to: a
// folder, a device or a pipe (/dev/null would be replaced by a file,
// /dev/zero read without end), a read-only file, or one of the files the
// deck reads (inputs, absolute paths), which the output would replace.
func checkOutput(path string, inputs map[string]bool) error {
	if info, err := os.Stat(path); err == nil {
		switch {
		case info.IsDir():
			return fmt.Errorf("%s is a folder: give a file name, such as %s", path, filepath.Join(path, "report.pdf"))
		case !info.Mode().IsRegular():
			return fmt.Errorf("%s is not a regular file (a device or a pipe): give a file name", path)
		case info.Mode().Perm()&0o200 == 0:
			return fmt.Errorf("%s is read-only: make it writable, or give another name", path)
		}
	}
	out := resolved(path)
	for in := range inputs {
		if resolved(in) == out {
			return fmt.Errorf("%s is a file the deck reads: writing there would replace it; give another name", path)
		}
	}
	return nil
}

// resolved is path made absolute with its symbolic links followed, as far
// as they exist.
func resolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// temps holds the temporary files being written, so that a command
// stopped by a signal takes them away.
var temps sync.Map // name -> struct{}

// removeTemps removes the temporary files being written.
func removeTemps() {
	temps.Range(func(name, _ any) bool {
		os.Remove(name.(string))
		return true
	})
}

// removeTempsOnSignal makes Ctrl-C or a SIGTERM remove the temporary files
// being written before the process ends, as the signal would have ended
// it: an interrupted render leaves neither a half-written PDF (the rename
// never happened) nor its temporary file.
func removeTempsOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		removeTemps()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
}
