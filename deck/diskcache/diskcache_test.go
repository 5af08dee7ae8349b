package diskcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

const header = "test entry\n"

// TestAnEntryIsItsNameAndData writes two entries and reads them back, then
// moves one over the other: an entry under another's name is refused, as
// is one whose data changed.
func TestAnEntryIsItsNameAndData(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a": "the first", "b": "the second"} {
		if err := Write(dir, name, header, []byte(data), 1<<20, 10); err != nil {
			t.Fatal(err)
		}
		if got, err := Read(filepath.Join(dir, name), header, 1<<20); err != nil || string(got) != data {
			t.Fatalf("read %q back as %q, %v", data, got, err)
		}
	}
	if _, err := Read(filepath.Join(dir, "a"), "another kind\n", 1<<20); err == nil {
		t.Error("an entry read under another header")
	}
	if err := os.Rename(filepath.Join(dir, "b"), filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if got, err := Read(filepath.Join(dir, "a"), header, 1<<20); err == nil {
		t.Errorf("the entry b, moved to a, read as a: %q", got)
	}
	if err := Write(dir, "big", header, make([]byte, 100), 50, 10); err == nil {
		t.Error("an entry larger than its limit written")
	}
	if _, err := os.Stat(filepath.Join(dir, "big")); err == nil {
		t.Error("an entry larger than its limit is on disk")
	}
}

// TestReadRegularReadsNothingElse puts a FIFO, a link to /dev/zero and a
// folder where a file is expected: each is an error at once, never a wait
// or an endless read.
func TestReadRegularReadsNothingElse(t *testing.T) {
	dir := t.TempDir()
	paths := map[string]func(string) error{
		"a folder":  func(p string) error { return os.Mkdir(p, 0o755) },
		"too large": func(p string) error { return os.WriteFile(p, make([]byte, 101), 0o644) },
	}
	if runtime.GOOS != "windows" {
		paths["a link to dev zero"] = func(p string) error { return os.Symlink("/dev/zero", p) }
		paths["a FIFO"] = mkfifo
	}
	for what, create := range paths {
		p := filepath.Join(dir, what)
		if err := create(p); err != nil {
			t.Logf("%s: %v", what, err)
			continue
		}
		done := make(chan error, 1)
		go func() { _, err := ReadRegular(p, 100); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s read as a file", what)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s still waits after 10 s", what)
		}
	}
}

// TestANewEntryKeepsTheNewest fills a folder past its limit with entries
// written at known times, and a stale and a fresh temporary file: a new
// entry leaves the newest, itself among them, and the fresh temporary
// file; a replaced entry removes nothing.
func TestANewEntryKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	const keep = 3
	base := time.Now().Add(-time.Hour)
	for i, name := range []string{"a", "b", "c", "d", ".e-1"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		when := base.Add(time.Duration(i) * time.Minute) // a oldest, then b, c, d; .e-1 stale
		os.Chtimes(p, when, when)
	}
	os.WriteFile(filepath.Join(dir, ".f-2"), nil, 0o644) // a write under way
	if err := Write(dir, "c", header, []byte("again"), 1<<20, keep); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); fmt.Sprint(got) != "[.e-1 .f-2 a b c d]" {
		t.Fatalf("a replaced entry changed the folder to %v", got)
	}
	if err := Write(dir, "g", header, []byte("new"), 1<<20, keep); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); fmt.Sprint(got) != "[.f-2 c d g]" {
		t.Errorf("after a new entry the folder holds %v, want .f-2 c d g", got)
	}
}

// names lists the files in dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Name())
	}
	return out
}

// ReadRegular reads a regular file whole, of any size up to max.
func TestReadRegularReadsAFileWhole(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 99, 100} {
		want := make([]byte, n)
		for i := range want {
			want[i] = byte(i*7 + n)
		}
		p := filepath.Join(dir, fmt.Sprint(n))
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadRegular(p, 100)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("a file of %d bytes: read %d bytes, %v", n, len(got), err)
		}
	}
}
