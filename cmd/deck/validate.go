package main

import (
	"context"
	"fmt"
	"io"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/render"
)

// validate checks a deck as render does, writing nothing, and prints every
// problem it finds.
func validate(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("validate", "Usage: deck validate [-c PATH] [--format text|json]\n\n"+
		"Check a deck and print every problem, each as file:line:col: error|warning:\n"+
		"message (or one JSON object with --format json). Exit code 1 when there\n"+
		"is an error. deck render runs the same checks first.", stdout, stderr)
	src := fl.String("c", "", deckFlag)
	var form format
	fl.Var(&form, "format", "text or json")
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck validate: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	res, err := render.Validate(context.Background(), source(*src), render.Options{CacheDir: renderCache()})
	if err != nil {
		fmt.Fprintf(stderr, "deck validate: %v\n", err)
		return 2
	}
	ds := res.Diagnostics
	if form == formatJSON {
		printJSON(stdout, newReport(ds))
	} else {
		printDiagnostics(stdout, ds)
		if len(ds) == 0 {
			fmt.Fprintf(stdout, "%s: no problems in %s\n", deckName(*src), plural(res.Slides, "slide"))
		} else {
			fmt.Fprintf(stdout, "%s: %s\n", deckName(*src), count(ds))
		}
	}
	if ds.HasErrors() {
		return 1
	}
	return 0
}

func deckName(src string) string {
	switch defaultSource(src) {
	case "":
		return "the built-in report"
	case ".":
		return content.DeckFile
	}
	return src
}
