package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// writeAtomic writes data to a temporary file beside path, syncs it to
// disk, renames it into place and syncs the folder, so that a failed write
// or a crash leaves an existing file untouched, a reader never sees half a
// file, and a power loss after the write cannot bring the old file back.
func writeAtomic(path string, data []byte) error {
	return replaceFile(osFiles{}, path, data)
}

// files are the calls to the file system that replacing a file makes; a
// test watches them through its own.
type files interface {
	CreateTemp(dir, pattern string) (*os.File, error)
	Rename(from, to string) error
	SyncDir(dir string) error
}

// osFiles are the operating system's files.
type osFiles struct{}

func (osFiles) CreateTemp(dir, pattern string) (*os.File, error) { return os.CreateTemp(dir, pattern) }
func (osFiles) Rename(from, to string) error                     { return os.Rename(from, to) }

// SyncDir makes a rename in dir durable. A platform that cannot sync a
// folder (Windows cannot open one) makes renames durable by itself.
func (osFiles) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		if runtime.GOOS == "windows" {
			return nil
		}
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
		return nil // a file system without folder syncs
	}
	return err
}

// staleTemp is how old a temporary file of the same output must be to be
// taken for one left by a process that was killed (SIGKILL, a power loss):
// one is written only while a finished render is saved, which takes
// milliseconds.
const staleTemp = 10 * time.Minute

// replaceFile is writeAtomic through the file calls of fsys.
func replaceFile(fsys files, path string, data []byte) error {
	writes.RLock()
	defer writes.RUnlock()
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := fsys.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	name := tmp.Name()
	// The folder is read for stale temporary files while the file is
	// written, this one left out: on a file system whose clock is behind
	// ours, a file just written may look old.
	var stale sync.WaitGroup
	stale.Go(func() { removeStaleTemps(dir, base, filepath.Base(name), time.Now().Add(-staleTemp)) })
	defer stale.Wait()
	_, werr := tmp.Write(data)
	if werr == nil {
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
		werr = fsys.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %w", path, werr)
	}
	if err := fsys.SyncDir(dir); err != nil {
		return fmt.Errorf("wrote %s, but cannot sync its folder: %w", path, err)
	}
	return nil
}

// removeStaleTemps removes the temporary files of base in dir
// (.BASE.DIGITS.tmp, as replaceFile names them) last written before
// cutoff, but the one named keep: what a killed process left.
func removeStaleTemps(dir, base, keep string, cutoff time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n, ok := strings.CutPrefix(e.Name(), "."+base+".")
		if n, ok = strings.CutSuffix(n, ".tmp"); !ok || n == "" || strings.Trim(n, "0123456789") != "" || !e.Type().IsRegular() || e.Name() == keep {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// checkOutput refuses a path that is no place to write a file to: a
// folder, a device or a pipe (/dev/null would be replaced by a file,
// /dev/zero read without end), a read-only file, or one of the files the
// deck reads (inputs, absolute paths), which the output would replace.
func checkOutput(path string, inputs []string) error {
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
	for _, in := range inputs {
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

// writes is held for reading by every file being replaced and for
// writing by the handler of Ctrl-C or SIGTERM, which so waits until the
// writes under way end (renamed into place, or their temporary file
// removed) and lets no new one begin before the process exits: no signal,
// however timed, leaves a temporary file behind.
var writes sync.RWMutex

// stopWritesOnSignal makes Ctrl-C or a SIGTERM end the process as the
// signal would have ended it (exit 128+signal), once the files being
// written are whole: an interrupted render leaves neither a half-written
// PDF nor a temporary file. A second signal exits at once; what it leaves
// the next write of that file removes (removeStaleTemps).
func stopWritesOnSignal() {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		go func() {
			sig := <-sigs
			os.Exit(128 + int(sig.(syscall.Signal)))
		}()
		writes.Lock()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
}
