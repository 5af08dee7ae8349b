package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
)

func render(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("render", "Usage: deck render [-c PATH] [-o FILE] [--format text|json] [--max-size SIZE]\n\n"+
		"Render a deck to PDF (\"-o -\" writes it to standard output). The content\n"+
		"is checked first, as deck validate does: nothing is written when it has\n"+
		"errors, and an existing file is replaced only once the new one is\n"+
		"complete. SOURCE_DATE_EPOCH, when set, is the date written into the PDF.", stdout, stderr)
	src := fl.String("c", "", deckFlag)
	out := fl.String("o", "report.pdf", "the PDF file to write, or - for standard output")
	var form format
	fl.Var(&form, "format", "how to print diagnostics and the result: text or json")
	var maxSize byteSize
	fl.Var(&maxSize, "max-size", "fail, keeping the previous file, when the PDF would be larger (2MB, 500KB)")
	var mode chartMode
	fl.Var(&mode, "charts", "how charts are drawn: png (pictures at 200 dpi, the default) or vector\n(paths and selectable text)")
	timings := fl.Bool("timings", false, "print how long each stage took to standard error")
	var engine engineFlag
	fl.Var(&engine, "engine", "the PDF library: fpdf (the default) or gopdf, whose hidden chart text is\ntransparent rather than invisible (not PDF/A-1); the README says more")
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck render: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	// The PDF may go to standard output: then everything else goes to
	// standard error.
	info := stdout
	if *out == "-" {
		info = stderr
	}
	r := rendering{out: *out, form: form, maxSize: maxSize, engine: engine.Engine, info: info, stderr: stderr, pdfOut: stdout}
	b, err := buildWith(*src, mode, r.begin)
	if err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	}
	code := r.write(b)
	if *timings && b.watch != nil {
		fmt.Fprintf(stderr, "timings: %v\n", b.watch)
	}
	return code
}

// A rendering writes a built deck: the PDF, and what is said about it.
type rendering struct {
	watching bool // for deck watch, whose name the messages then give
	out      string
	form     format
	maxSize  byteSize
	engine   pdf.Engine
	info     io.Writer // the summary and, in JSON, the report
	stderr   io.Writer
	pdfOut   io.Writer // standard output, for -o -
}

// write checks, writes and reports; it returns the exit code.
func (r rendering) write(b build) int {
	fail := func(ds deck.Diagnostics) int {
		if r.form == formatJSON {
			printJSON(r.info, newReport(ds))
		} else {
			printDiagnostics(r.stderr, ds)
			fmt.Fprintf(r.stderr, "deck %s: %s; nothing written\n", r.command(), count(ds))
		}
		return 1
	}
	if !b.ok() {
		return fail(b.diags)
	}
	doc := b.pdf
	if doc == nil {
		opt, err := r.options(b.deck, b.fonts)
		if err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return 2
		}
		doc = pdf.Begin(b.deck.Theme.Page, opt)
	}
	var buf bytes.Buffer
	if err := doc.Write(&buf, b.pages); err != nil {
		fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
		return 1
	}
	b.watch.lap("pdf")
	sum := measure(buf.Bytes(), r.out, len(b.pages))
	if r.out == "-" {
		sum.Path = "standard output"
	}
	if r.maxSize.n > 0 && int64(buf.Len()) > r.maxSize.n {
		ds := append(b.diags, deck.Diagnostic{Severity: deck.Error, Pos: deck.Pos{File: r.out},
			Message: fmt.Sprintf("the PDF would be %d bytes (%s), over --max-size %s (%d bytes); fonts %s, images %s", buf.Len(), size(int64(buf.Len())), r.maxSize.text, r.maxSize.n, size(int64(sum.Fonts)), size(int64(sum.Images)))})
		return fail(ds)
	}
	changes := ""
	var changed *[]int
	if r.out == "-" {
		if _, err := r.pdfOut.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return 1
		}
	} else {
		if err := checkOutput(r.out, b.files); err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return 2
		}
		old, hadOld := previousPages(r.out)
		if err := writeAtomic(r.out, buf.Bytes()); err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return 1
		}
		cur := fingerprints(b.pages)
		remember(r.out, buf.Bytes(), cur)
		if hadOld {
			changes = describeChanges(old, cur, slideNames(b))
			c := changedSlides(old, cur)
			changed = &c
		}
	}
	b.watch.lap("write")
	if r.form == formatJSON {
		rep := newReport(b.diags)
		rep.Output = &sum
		rep.Changed = changed
		printJSON(r.info, rep)
		return 0
	}
	printDiagnostics(r.stderr, b.diags) // warnings
	fmt.Fprintln(r.info, sum)
	if changes != "" {
		fmt.Fprintln(r.info, changes)
	}
	return 0
}

// command is the command the messages name.
func (r rendering) command() string {
	if r.watching {
		return "watch"
	}
	return "render"
}

// options are the PDF's options for a deck.
func (r rendering) options(d *deck.Deck, f *fonts.Set) (pdf.Options, error) {
	date, err := pdfDate(d.Meta)
	return pdf.Options{Meta: d.Meta, Creator: "deck " + version, Date: date, Fonts: f, Engine: r.engine}, err
}

// begin begins the PDF of a deck (see buildWith); nil when its options are
// wrong, which write then reports.
func (r rendering) begin(d *deck.Deck, f *fonts.Set) *pdf.Document {
	opt, err := r.options(d, f)
	if err != nil {
		return nil
	}
	return pdf.Begin(d.Theme.Page, opt)
}

// pdfDate is SOURCE_DATE_EPOCH when set, else the deck's date, else the
// Unix epoch: never the clock, so that renders are reproducible.
func pdfDate(m deck.Meta) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		// A PDF date has a four-digit year: up to the end of 9999.
		if err != nil || n < 0 || n > 253402300799 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds from 1970 to the year 9999", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if !m.Date.IsZero() {
		return m.Date, nil
	}
	return time.Unix(0, 0).UTC(), nil
}

// slideNames returns the id of the slide each page shows.
func slideNames(b build) []string {
	ids := map[deck.Pos]string{}
	for _, s := range b.deck.Slides {
		ids[s.Pos] = s.ID
	}
	names := make([]string, len(b.pages))
	for i, p := range b.pages {
		names[i] = ids[p.Src]
	}
	return names
}

// engineFlag is the value of --engine.
type engineFlag struct{ pdf.Engine }

// Set parses an engine's name.
func (e *engineFlag) Set(s string) error {
	v, err := pdf.ParseEngine(s)
	e.Engine = v
	return err
}
