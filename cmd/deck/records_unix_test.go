//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestABadRecordIsNoRecord puts a FIFO, a link to /dev/zero and a damaged
// file where the record of an output path is kept: the render neither
// waits nor fails, says nothing of changed slides, and writes a good
// record in its place, so that the next render says what changed.
func TestABadRecordIsNoRecord(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "r.pdf")
	runOK(t, "render", "-o", out)
	file, ok := recordFile(out)
	if !ok {
		t.Fatal("no record file")
	}
	for what, put := range map[string]func() error{
		"a FIFO":               func() error { return syscall.Mkfifo(file, 0o644) },
		"a link to /dev/zero":  func() error { return os.Symlink("/dev/zero", file) },
		"a damaged record":     func() error { return os.WriteFile(file, []byte("deck render record\n{}"), 0o644) },
		"a record of old form": func() error { return os.WriteFile(file, []byte(`{"pdf":"","pages":[]}`), 0o644) },
	} {
		os.Remove(file)
		if err := put(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		said := make(chan string, 1)
		go func() {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"render", "-o", out}, &stdout, &stderr); code != 0 {
				stdout.WriteString(fmt.Sprintf("exit %d: %s", code, stderr.String()))
			}
			said <- stdout.String()
		}()
		select {
		case s := <-said:
			if strings.Contains(s, "changed") || strings.Contains(s, "exit ") {
				t.Errorf("%s: the render said %q", what, s)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: the render still runs after 30 s", what)
		}
		if s := runOK(t, "render", "-o", out); !strings.Contains(s, "no slide changed") {
			t.Errorf("%s: the render after said %q, want no slide changed", what, s)
		}
	}
}
