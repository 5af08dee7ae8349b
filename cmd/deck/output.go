package main

import (
	"fmt"

	"github.com/deckpdf/deck/deck/render"
)

// formatFlag is render's --format: either the file to write (pdf or
// pptx) or how to print the report (text or json, as validate's
// --format), the two sets of values being disjoint.
type formatFlag struct {
	report *format       // where text or json goes
	png    *bool         // where png goes: the pages as pictures
	output render.Format // pdf or pptx, when set
	set    bool          // whether pdf, pptx or png was given
}

func (f *formatFlag) String() string {
	if f.png != nil && *f.png {
		return "png"
	}
	if f.set {
		return f.output.String()
	}
	if f.report != nil {
		return f.report.String()
	}
	return "text"
}

// Set parses the --format flag: pdf, pptx or png choose the file, text
// or json the report.
func (f *formatFlag) Set(s string) error {
	if s == "png" && f.png != nil {
		*f.png, f.set = true, true
		return nil
	}
	if out, err := render.ParseFormat(s); err == nil {
		f.output, f.set = out, true
		return nil
	}
	if err := f.report.Set(s); err != nil {
		return fmt.Errorf("format %q is not pdf, pptx, png, text or json", s)
	}
	return nil
}

// outputFormat is the file to write to out: the --format given, else the
// one out's extension asks for, else a PDF.
func outputFormat(f *formatFlag, out string) render.Format {
	if f != nil && f.set {
		return f.output
	}
	got, _ := render.FormatOf(out)
	return got
}

// jsonFlag is --json: the report as one JSON object, as --format json.
type jsonFlag struct{ report *format }

func (j jsonFlag) String() string   { return "false" }
func (j jsonFlag) IsBoolFlag() bool { return true }

// Set parses --json, --json=true or --json=false.
func (j jsonFlag) Set(s string) error {
	switch s {
	case "true":
		*j.report = formatJSON
	case "false":
		*j.report = formatText
	default:
		return fmt.Errorf("%q is not true or false", s)
	}
	return nil
}
