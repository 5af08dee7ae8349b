package render

import (
	"fmt"
	"strings"
)

// A Format is the kind of file Render writes.
type Format int

const (
	// PDF writes a PDF (the zero value).
	PDF Format = iota
	// PPTX writes an editable PowerPoint presentation.
	PPTX
)

// String names the format as the --format flag does: pdf or pptx.
func (f Format) String() string {
	if f == PPTX {
		return "pptx"
	}
	return "pdf"
}

// ParseFormat reads a format's name: pdf or pptx.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "pdf":
		return PDF, nil
	case "pptx":
		return PPTX, nil
	}
	return PDF, fmt.Errorf("format %q is not pdf or pptx", s)
}

// FormatOf returns the format a file's name asks for by its extension
// (.pptx, any case, is PPTX) and whether it asks for one: .pdf is PDF,
// any other name asks for none.
func FormatOf(name string) (Format, bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".pptx"):
		return PPTX, true
	case strings.HasSuffix(lower, ".pdf"):
		return PDF, true
	}
	return PDF, false
}
