package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/deck/render"
)

func renderCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("render", "Usage: deck render [-c PATH] [-o FILE] [--format pdf|pptx|png] [--pages 2-4,8] [--json] [--max-size SIZE]\n\n"+
		"Render a deck to PDF, to an editable PowerPoint file when FILE ends in .pptx\n"+
		"or --format pptx is given, or to slide pictures when FILE ends in .png or\n"+
		"--format png is given (\"-o -\" writes a PDF or .pptx to standard output). The\n"+
		"content is checked first, as deck validate does: nothing is written when it\n"+
		"has errors, and an existing file is replaced only once the new one is\n"+
		"complete. SOURCE_DATE_EPOCH, when set, is the date written into the PDF.", stdout, stderr)
	src := fl.String("c", "", deckFlag)
	out := fl.String("o", "report.pdf", "the file to write, PDF or .pptx, or - for standard output")
	var form format
	pic := addPictureFlags(fl)
	ff := formatFlag{report: &form, png: &pic.png}
	fl.Var(&ff, "format", "the file to write: pdf, pptx or png (default: by the -o file's extension, else\npdf; png writes the pages as pictures into the folder -o (01.png, 02.png …)\nor one -o FILE.png); or, as deck validate's --format, how to print\ndiagnostics and the result: text or json")
	fl.Var(jsonFlag{&form}, "json", "print diagnostics and the result as one JSON object (as --format json)")
	var maxSize byteSize
	fl.Var(&maxSize, "max-size", "fail, keeping the previous file, when the file would be larger (2MB, 500KB)")
	var mode chartMode
	fl.Var(&mode, "charts", "how charts are drawn: png (pictures at 200 dpi, the default) or vector\n(paths and selectable text)")
	timings := fl.Bool("timings", false, "print how long each stage took to standard error")
	var engine engineFlag
	fl.Var(&engine, "engine", "the PDF library: fpdf (the default: a tagged PDF, read by screen readers) or\ngopdf, which writes an untagged PDF (no structure tree, no alt text) and whose\nhidden chart text is transparent rather than invisible; the README says more")
	pdfa := fl.Bool("pdfa", false, pdfaFlag)
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if !ff.set && strings.EqualFold(filepath.Ext(*out), ".png") {
		pic.png = true // -o slide.png: a picture, as -o x.pptx is a presentation
	}
	if err := pic.check(); err != nil {
		fmt.Fprintf(stderr, "deck render: %v\n", err)
		return 2
	}
	if pic.png && fl.NArg() == 0 { // an argument is refused below
		return pic.run(context.Background(), *src, pictureOut(fl, *out), stdout, stderr)
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck render: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	if !pdfaEngine("render", *pdfa, engine.Engine, stderr) {
		return 2
	}
	// The PDF may go to standard output: then everything else goes to
	// standard error.
	info := stdout
	if *out == "-" {
		info = stderr
	}
	r := rendering{src: *src, out: *out, form: form, output: outputFormat(&ff, *out), maxSize: maxSize, engine: engine.Engine, pdfa: *pdfa, charts: mode.ChartMode, info: info, stderr: stderr, pdfOut: stdout}
	r.pages = pic.pages.PageSet
	res, code := r.run(context.Background())
	if *timings && res != nil && res.Timings != nil {
		fmt.Fprintf(stderr, "timings: %v; total %s\n", res.Timings, ms(total(res.Timings)))
	}
	return code
}

// A rendering is one render of a deck to a file, and what is said of it.
type rendering struct {
	watching bool // for deck watch, whose name the messages then give
	src      string
	out      string
	form     format
	output   render.Format // the file written: PDF or PPTX
	maxSize  byteSize
	engine   pdf.Engine
	pdfa     bool // PDF/A-2b
	charts   render.ChartMode
	pages    render.PageSet
	info     io.Writer // the summary and, in JSON, the report
	stderr   io.Writer
	pdfOut   io.Writer // standard output, for -o -
}

// run renders, checks, writes and reports. It returns what the render
// found (nil when the deck could not be read) and the exit code.
func (r rendering) run(ctx context.Context) (*render.Result, int) {
	date, err := pdfDate()
	if err != nil {
		fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
		return nil, 2
	}
	opt := render.Options{Format: r.output, Engine: r.engine, PDFA: r.pdfa, Charts: r.charts, Date: date, CacheDir: renderCache()}
	opt.Pages = r.pages
	// What was written at out before is read and hashed (previousPages)
	// while the deck renders, on another core.
	previous := make(chan []string, 1)
	go func() {
		var pages []string
		if r.out != "-" {
			pages, _ = previousPages(r.out)
		}
		previous <- pages
	}()
	var buf bytes.Buffer
	res, err := render.Render(ctx, source(r.src), &buf, opt)
	if opt.Previous = <-previous; res != nil && opt.Previous != nil {
		res.Changed = render.Changed(opt.Previous, res.Fingerprints)
	}
	switch {
	case res == nil:
		if ctx.Err() == nil { // a watch stopped by Ctrl-C says nothing
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
		}
		return nil, 2
	case errors.Is(err, render.ErrInvalid):
		return res, r.fail(res.Diagnostics)
	case errors.As(err, new(*render.NoPageError)):
		fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
		return res, 2
	case err != nil:
		fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
		return res, 1
	}
	start := time.Now()
	sum := summary{Path: r.out, Pages: len(thumbsOf(r.pages, res.Pages)), Bytes: res.Bytes, Fonts: res.FontBytes, Images: res.ImageBytes}
	if r.out == "-" {
		sum.Path = "standard output"
	}
	if r.maxSize.n > 0 && int64(buf.Len()) > r.maxSize.n {
		ds := append(res.Diagnostics, deck.Diagnostic{Severity: deck.Error, Pos: deck.Pos{File: r.out},
			Message: fmt.Sprintf("the %s would be %d bytes (%s), over --max-size %s (%d bytes); fonts %s, images %s", fileKind(r.output), buf.Len(), size(int64(buf.Len())), r.maxSize.text, r.maxSize.n, size(int64(sum.Fonts)), size(int64(sum.Images)))})
		return res, r.fail(ds)
	}
	if r.out == "-" {
		if _, err := r.pdfOut.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return res, 1
		}
		res.Changed = nil
	} else {
		if err := checkOutput(r.out, res.Files); err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return res, 2
		}
		// The record is written while the file is: a record of a file
		// that never came is no record (see previousPages).
		recorded := make(chan struct{})
		go func() { remember(r.out, buf.Bytes(), res.Fingerprints); close(recorded) }()
		err := writeAtomic(r.out, buf.Bytes())
		<-recorded
		if err != nil {
			fmt.Fprintf(r.stderr, "deck %s: %v\n", r.command(), err)
			return res, 1
		}
	}
	res.Timings = append(res.Timings, render.Stage{Name: "write", Took: time.Since(start)})
	if r.form == formatJSON {
		rep := newReport(res.Diagnostics)
		rep.Output = &sum
		if res.Changed != nil {
			rep.Changed = &res.Changed
		}
		printJSON(r.info, rep)
		return res, 0
	}
	printDiagnostics(r.stderr, res.Diagnostics) // warnings
	fmt.Fprintln(r.info, sum)
	if res.Changed != nil {
		fmt.Fprintln(r.info, describeChanges(opt.Previous, res.Fingerprints, res.SlideIDs))
	}
	return res, 0
}

// fail prints the problems of a deck that cannot be written; it returns
// the exit code.
func (r rendering) fail(ds deck.Diagnostics) int {
	if r.form == formatJSON {
		printJSON(r.info, newReport(ds))
	} else {
		printDiagnostics(r.stderr, ds)
		fmt.Fprintf(r.stderr, "deck %s: %s; nothing written\n", r.command(), count(ds))
	}
	return 1
}

// command is the command the messages name.
func (r rendering) command() string {
	if r.watching {
		return "watch"
	}
	return "render"
}

// ms prints a duration as milliseconds with one decimal: "2.1 ms".
func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// total adds up the stages' times.
func total(t render.Timings) time.Duration {
	var d time.Duration
	for _, s := range t {
		d += s.Took
	}
	return d
}

// pdfDate is SOURCE_DATE_EPOCH when set, else the zero time: the deck's
// date, else the Unix epoch, never the clock.
func pdfDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	// A PDF date has a four-digit year: up to the end of 9999.
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds from 1970 to the year 9999", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// source is the deck -c names: a folder or deck file, else deck.yaml in
// the working folder if there is one, else the built-in report.
func source(src string) render.Source {
	switch src = defaultSource(src); src {
	case "":
		return render.Builtin()
	default:
		return render.Dir(src)
	}
}

// defaultSource is the deck to use when -c names none: deck.yaml in the
// working folder if there is one, else "" for the built-in report.
func defaultSource(src string) string {
	if src != "" {
		return src
	}
	if _, err := os.Stat(content.DeckFile); err == nil {
		return "."
	}
	return ""
}

// renderCache is the folder where chart pictures and font programs are
// kept between renders (render.Options.CacheDir), or "" when the user has
// no cache folder.
func renderCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "deck")
}

// chartMode is the value of --charts.
type chartMode struct{ render.ChartMode }

// Set parses a mode's name.
func (m *chartMode) Set(s string) error {
	v, err := render.ParseChartMode(s)
	m.ChartMode = v
	return err
}

// pdfaFlag is the help of --pdfa.
const pdfaFlag = "write PDF/A-2b, for archiving (fpdf only): XMP metadata, an sRGB output intent,\na file identifier; the README lists what the tests check of it"

// pdfaEngine reports whether the engine can write the PDF, saying why not
// when --pdfa asks gopdf for PDF/A.
func pdfaEngine(cmd string, pdfa bool, e pdf.Engine, stderr io.Writer) bool {
	if pdfa && e != pdf.EngineFPDF {
		fmt.Fprintf(stderr, "deck %s: --pdfa needs --engine fpdf: %v writes an untagged PDF without the metadata PDF/A asks for\n", cmd, e)
		return false
	}
	return true
}

// engineFlag is the value of --engine.
type engineFlag struct{ pdf.Engine }

// Set parses an engine's name.
func (e *engineFlag) Set(s string) error {
	v, err := pdf.ParseEngine(s)
	e.Engine = v
	return err
}

// fileKind names the file a format writes, as messages say it.
func fileKind(f render.Format) string {
	if f == render.PPTX {
		return "presentation"
	}
	return "PDF"
}
