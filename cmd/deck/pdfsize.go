package main

import (
	"fmt"
	"strconv"
	"strings"
)

// A summary is the line every render ends with: what was written and
// what its bytes are spent on.
type summary struct {
	Path   string `json:"path"`
	Pages  int    `json:"pages"`
	Bytes  int    `json:"bytes"`
	Fonts  int    `json:"fonts"`  // embedded font programs
	Images int    `json:"images"` // image streams, soft masks included
}

func (s summary) String() string {
	return fmt.Sprintf("%s: %s, %s (fonts %s, images %s)", s.Path, plural(s.Pages, "page"), size(int64(s.Bytes)), size(int64(s.Fonts)), size(int64(s.Images)))
}

// size prints a byte count as people read it: 338 KiB, 1.2 MiB.
func size(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.0f KiB", float64(n)/1024)
	default:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
}

// byteSize is the value of --max-size: 2MB, 500KB, 1.5MiB or a count of
// bytes. KB and MB are powers of 1000, KiB and MiB of 1024.
type byteSize struct {
	n    int64
	text string // as the user wrote it
}

func (b *byteSize) String() string {
	if b == nil || b.n == 0 {
		return "none"
	}
	return b.text
}

// Set parses a size.
func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1e3}, {"M", 1e6}, {"B", 1}}
	num, mult := strings.TrimSpace(s), 1.0
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			num, mult = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 || v*mult > 1<<50 {
		return fmt.Errorf("size %q is not a size such as 2MB, 500KB or 1.5MiB", s)
	}
	*b = byteSize{n: int64(v * mult), text: s}
	return nil
}
