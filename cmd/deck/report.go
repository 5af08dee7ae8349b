package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/deckpdf/deck/deck"
)

// A format is how diagnostics are printed.
type format int

const (
	formatText format = iota // file:line:col: error: message, one a line
	formatJSON               // one JSON object, for editors and CI
)

func (f format) String() string {
	if f == formatJSON {
		return "json"
	}
	return "text"
}

// Set parses the --format flag.
func (f *format) Set(s string) error {
	switch s {
	case "text":
		*f = formatText
	case "json":
		*f = formatJSON
	default:
		return fmt.Errorf("format %q is not text or json", s)
	}
	return nil
}

// jsonDiagnostic is a diagnostic as --format json prints it.
type jsonDiagnostic struct {
	File string `json:"file"`
	// Sheet is the worksheet of a workbook; Line and Col are then the
	// row and column of the cell.
	Sheet    string `json:"sheet,omitempty"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Via is where the deck reads the file: "deck.yaml:12:13".
	Via string `json:"via,omitempty"`
}

// jsonReport is everything --format json prints: the diagnostics, their
// counts and, after a render, what was written.
type jsonReport struct {
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Output      *summary         `json:"output,omitempty"`
	// Changed lists the numbers of the slides that differ from the PDF
	// deck last wrote at the same path ([] when none does); it is absent
	// when there was no such PDF.
	Changed *[]int `json:"changed,omitempty"`
}

func newReport(ds deck.Diagnostics) jsonReport {
	r := jsonReport{Diagnostics: []jsonDiagnostic{}}
	for _, d := range ds {
		jd := jsonDiagnostic{File: d.Pos.File, Sheet: d.Pos.Sheet, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Message: d.Message}
		if d.Via != (deck.Pos{}) {
			jd.Via = d.Via.String()
		}
		r.Diagnostics = append(r.Diagnostics, jd)
		if d.Severity == deck.Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	return r
}

// printDiagnostics prints ds as text lines.
func printDiagnostics(w io.Writer, ds deck.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d)
	}
}

func printJSON(w io.Writer, r jsonReport) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(r)
}

func count(ds deck.Diagnostics) string {
	r := newReport(ds)
	s := plural(r.Errors, "error")
	if r.Warnings > 0 {
		s += ", " + plural(r.Warnings, "warning")
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
