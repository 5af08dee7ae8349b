package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// watchedFiles are the operating system's files, with each call logged
// and CreateTemp optionally held until the test lets it go on.
type watchedFiles struct {
	log     *[]string
	created chan<- string   // told the temporary file's name, if not nil
	proceed <-chan struct{} // waited for after creating, if not nil
}

func (w watchedFiles) CreateTemp(dir, pattern string) (*os.File, error) {
	f, err := osFiles{}.CreateTemp(dir, pattern)
	if err == nil {
		*w.log = append(*w.log, "create "+f.Name())
		if w.created != nil {
			w.created <- f.Name()
		}
		if w.proceed != nil {
			<-w.proceed
		}
	}
	return f, err
}

func (w watchedFiles) Rename(from, to string) error {
	*w.log = append(*w.log, "rename "+from+" "+to)
	return osFiles{}.Rename(from, to)
}

func (w watchedFiles) SyncDir(dir string) error {
	*w.log = append(*w.log, "syncdir "+dir)
	return osFiles{}.SyncDir(dir)
}

// TestAFileIsReplacedThroughATemporaryFileBesideIt: the new bytes go to a
// temporary file in the same folder, which is renamed over the file; the
// write then syncs the folder, so that a power loss cannot bring back the
// old name.
func TestAFileIsReplacedThroughATemporaryFileBesideIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	os.WriteFile(path, []byte("old"), 0o640)
	var log []string
	if err := replaceFile(watchedFiles{log: &log}, path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if len(log) < 2 || !strings.HasPrefix(log[0], "create "+filepath.Join(dir, ".r.pdf.")) || !strings.HasSuffix(log[0], ".tmp") {
		t.Fatalf("calls %q, want a temporary .r.pdf.*.tmp created in %s first", log, dir)
	}
	tmp := strings.TrimPrefix(log[0], "create ")
	want := []string{"create " + tmp, "rename " + tmp + " " + path, "syncdir " + dir + string(filepath.Separator)}
	if fmt.Sprint(log) != fmt.Sprint(want) {
		t.Errorf("calls\n%q, want\n%q", log, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("the file holds %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file has mode %v, want -rw-r-----", info.Mode().Perm())
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary file is still there")
	}
}

// TestAReaderNeverSeesHalfAFile reads the output over and over while it is
// replaced by files of other bytes: every read is one whole file.
func TestAReaderNeverSeesHalfAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.pdf")
	versions := [][]byte{bytes.Repeat([]byte("a"), 4<<20), bytes.Repeat([]byte("b"), 3<<20)}
	if err := writeAtomic(path, versions[0]); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for i := range 12 {
			if err := writeAtomic(path, versions[(i+1)%2]); err != nil {
				done <- err
				return
			}
		}
		close(done)
	}()
	reads := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if reads == 0 {
				t.Fatal("no read happened while the file was written")
			}
			return
		default:
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %d: %v", reads, err)
		}
		if !bytes.Equal(got, versions[0]) && !bytes.Equal(got, versions[1]) {
			t.Fatalf("read %d saw %d bytes, neither the old file nor the new one", reads, len(got))
		}
		reads++
	}
}

// TestASignalWaitsForTheWriteUnderWay: what Ctrl-C or a SIGTERM runs
// (taking writes) waits while a file is being written, even one whose
// temporary file has only just been created, and then finds no temporary
// file and the whole new file in place; no write begins after it.
func TestASignalWaitsForTheWriteUnderWay(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	created, proceed := make(chan string, 1), make(chan struct{})
	var log []string
	wrote := make(chan error, 1)
	go func() {
		wrote <- replaceFile(watchedFiles{log: &log, created: created, proceed: proceed}, path, []byte("whole"))
	}()
	tmp := <-created
	stopped := make(chan struct{})
	go func() { writes.Lock(); close(stopped) }()
	select {
	case <-stopped:
		t.Error("the signal's handler went on while the temporary file was being written")
	case <-time.After(50 * time.Millisecond):
	}
	close(proceed)
	<-stopped
	err := <-wrote
	if err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary file is still there when the handler goes on")
	}
	if got, _ := os.ReadFile(path); string(got) != "whole" {
		t.Errorf("the file holds %q", got)
	}
	late := make(chan struct{})
	go func() { writeAtomic(filepath.Join(dir, "late.pdf"), nil); close(late) }()
	select {
	case <-late:
		t.Error("a write began after the signal's handler took writes")
		late = nil
	case <-time.After(50 * time.Millisecond):
	}
	writes.Unlock()
	if late != nil {
		<-late
	}
}

// TestStaleTemporaryFilesAreRemoved: the temporary files of the same
// output that a killed process left (older than a write can take) go at
// the next write; a fresh one (another process writing now) and files of
// other names stay.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	names := map[string]bool{ // name -> removed
		".r.pdf.123456.tmp": true, ".r.pdf.77.tmp": false, ".r.pdf.bak.tmp": false,
		".other.pdf.123.tmp": false, "r.pdf.123.tmp": false,
	}
	for name := range names {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte("half"), 0o644)
		if name != ".r.pdf.77.tmp" {
			os.Chtimes(f, old, old)
		}
	}
	if err := writeAtomic(filepath.Join(dir, "r.pdf"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range names {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, fs.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}

// TestSIGTERMLeavesNoTemporaryFile kills a process that writes a file over
// and over with SIGTERM at random moments: it exits with 143 and leaves
// the whole file or none, and never a temporary file.
func TestSIGTERMLeavesNoTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	data := 2 << 20
	for try := range 15 {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteLoop$")
		cmd.Env = append(os.Environ(), "DECK_WRITE_LOOP="+dir, fmt.Sprint("DECK_WRITE_SIZE=", data))
		ready, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 6)
		ready.Read(buf) // "ready\n" once the handler is in place
		time.Sleep(time.Duration(rand.IntN(20_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGTERM)
		err := cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != 143 {
			t.Fatalf("try %d: exit %d (%v), want 143", try, code, err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			info, _ := e.Info()
			if e.Name() != "r.pdf" || info.Size() != int64(data) {
				t.Errorf("try %d: left %s of %d bytes", try, e.Name(), info.Size())
			}
		}
	}
}

// TestWriteLoop is the process TestSIGTERMLeavesNoTemporaryFile kills.
func TestWriteLoop(t *testing.T) {
	dir := os.Getenv("DECK_WRITE_LOOP")
	if dir == "" {
		t.Skip("run by TestSIGTERMLeavesNoTemporaryFile")
	}
	var n int
	fmt.Sscan(os.Getenv("DECK_WRITE_SIZE"), &n)
	data := bytes.Repeat([]byte("x"), n)
	stopWritesOnSignal()
	fmt.Println("ready")
	for {
		if err := writeAtomic(filepath.Join(dir, "r.pdf"), data); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStaleTempsKeepTheFileBeingWritten: the temporary file the writer is
// writing is kept, however old it looks (a file system whose clock is
// behind ours stamps a file just written with a time long past).
func TestStaleTempsKeepTheFileBeingWritten(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".r.pdf.1.tmp", ".r.pdf.2.tmp"} {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte("half"), 0o644)
		os.Chtimes(f, old, old)
	}
	removeStaleTemps(dir, "r.pdf", ".r.pdf.2.tmp", time.Now().Add(-staleTemp))
	if _, err := os.Stat(filepath.Join(dir, ".r.pdf.1.tmp")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a stale temporary file is kept")
	}
	if _, err := os.Stat(filepath.Join(dir, ".r.pdf.2.tmp")); err != nil {
		t.Errorf("the file being written is removed: %v", err)
	}
}
