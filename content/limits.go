package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// The limits that keep one deck from taking the machine: beyond them the
// content is refused with a diagnostic. README.md lists them for users.
const (
	MaxFileBytes   = 10 << 20 // a deck, theme or data file
	MaxBinaryBytes = 50 << 20 // a font or an image
	MaxSlides      = 1000
	MaxTextRunes   = 20000 // one text: a paragraph, a cell, a title
	MaxTableRows   = 2000  // the rows of one table, all groups together
	MaxColumns     = 100   // the columns of a table or a data file
	MaxChartPoints = 5000  // categories times series of one chart
	MaxCategories  = 500   // the categories of one chart
	MaxBlocks      = 20000 // the blocks of a deck, nested ones included
)

// readLimited reads a file of at most limit bytes. Reading stops at the
// limit, so a huge file costs no more than that.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// A pipe or a device would block the open or never end: look first.
	if info, err := fs.Stat(fsys, name); err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("is a folder")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge{limit}
	}
	return data, nil
}

// errNotRegular is a pipe, a device or a socket where a file should be.
var errNotRegular = errors.New("is not a regular file (a pipe or a device)")

// errTooLarge is a file over its limit.
type errTooLarge struct{ limit int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("is larger than %d MiB, the most deck reads", e.limit>>20)
}
