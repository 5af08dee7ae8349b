// Package diskcache keeps what a render made for the next one, as files in
// a folder: chart pictures (package charts), font programs (package pdf)
// and the records of what was written where (deck's command line). An
// entry is a header line that says what it is, the SHA-256 of its name and
// data, and the data. The checksum is verified on every read, so a damaged
// entry, or one moved to another entry's name, is made again rather than
// used, as is anything in its place that is not a regular file (a FIFO, a
// link to a device), which is never waited on nor read beyond the size its
// kind allows.
package diskcache

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Read returns the data of the entry at path, whose first line must be
// header and whose size must be at most max bytes, or why it cannot be
// used.
func Read(path, header string, max int64) ([]byte, error) {
	entry, err := ReadRegular(path, max)
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(entry, []byte(header))
	if !ok || len(rest) < sha256.Size {
		return nil, fmt.Errorf("cache entry %s is not one", path)
	}
	sum, data := rest[:sha256.Size], rest[sha256.Size:]
	if got := checksum(filepath.Base(path), data); !bytes.Equal(got, sum) {
		return nil, fmt.Errorf("cache entry %s does not match its checksum", path)
	}
	return data, nil
}

// ReadRegular returns the bytes of the file at path when it is a regular
// file of at most max bytes, and an error otherwise: a FIFO is not waited
// on, and a device or a link to one is not read.
func ReadRegular(path string, max int64) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > max {
		return nil, fmt.Errorf("%s is not a regular file of at most %d bytes", path, max)
	}
	// Not blocking, so that a FIFO put in its place between the Lstat
	// and here is not waited on; the open file is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, max)
	}
	// Read at its size, in one buffer (io.ReadAll would grow one from
	// 512 bytes, through ten buffers for the font programs' 270 KB); a
	// file that is not that size by the end of the read is refused.
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s changed while it was read: %w", path, err)
	}
	if n, _ := f.Read(make([]byte, 1)); n != 0 {
		return nil, fmt.Errorf("%s changed while it was read", path)
	}
	return data, nil
}

// checksum is the SHA-256 of an entry's name and data: an entry renamed
// to another's name does not pass for it.
func checksum(name string, data []byte) []byte {
	h := sha256.New()
	h.Write([]byte(name + "\x00"))
	h.Write(data)
	return h.Sum(nil)
}

// Write stores data, with header and the checksum of its name and data,
// as the entry name in dir, in place of whatever had that name: written
// to a temporary file first, so that a reader meets the old entry or the
// new one, whole. It does nothing when the entry would be larger than max
// bytes. A new name makes the folder keep its keep newest entries only
// (see prune). A cache that cannot be written only costs time, so the
// caller may ignore the error.
func Write(dir, name, header string, data []byte, max int64, keep int) error {
	if int64(len(header)+sha256.Size+len(data)) > max {
		return fmt.Errorf("cache entry %s would be larger than %d bytes", name, max)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, name)
	_, err := os.Lstat(path)
	isNew := errors.Is(err, fs.ErrNotExist)
	tmp, err := os.CreateTemp(dir, "."+name+"-*")
	if err != nil {
		return err
	}
	// The entry's head, then its data, not copied into one buffer: a
	// font program or a chart is a hundred kilobytes or so, memory a
	// process that renders once would get fresh.
	_, err = tmp.Write(slices.Concat([]byte(header), checksum(name, data)))
	if err == nil {
		_, err = tmp.Write(data)
	}
	if cerr := tmp.Close(); err == nil && cerr == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if isNew {
		prune(dir, keep, time.Now())
	}
	return nil
}

// staleTemp is how old a temporary file must be to be taken for one a
// killed process left: an entry is written in milliseconds.
const staleTemp = 10 * time.Minute

// prune removes from dir the entries but the keep last written, and the
// temporary files (".NAME-*") older than staleTemp: a folder of chart
// pictures would otherwise grow by one at every change to a chart's data.
// It is done when an entry is added, not when one is replaced.
func prune(dir string, keep int, now time.Time) {
	list, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type entry struct {
		name    string
		written time.Time
	}
	var entries []entry
	for _, e := range list {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if strings.HasPrefix(e.Name(), ".") {
			if now.Sub(info.ModTime()) > staleTemp {
				os.Remove(filepath.Join(dir, e.Name()))
			}
			continue
		}
		entries = append(entries, entry{e.Name(), info.ModTime()})
	}
	if len(entries) <= keep {
		return
	}
	// The newest first; the same times by name, so that which go is fixed.
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(b.written.Compare(a.written), strings.Compare(a.name, b.name))
	})
	for _, e := range entries[keep:] {
		os.Remove(filepath.Join(dir, e.name))
	}
}
