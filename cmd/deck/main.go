// Command deck renders slide decks written as YAML and CSV into branded
// 16:9 PDF files with embedded Chinese fonts.
//
// Usage:
//
//	deck init DIR                     write the built-in report as editable files
//	deck init --blank DIR             write a small neutral deck to start from
//	deck validate [-c PATH]           check a deck and print every problem
//	deck render [-c PATH] [-o FILE]   render a deck (the default report without -c)
//	deck watch [-c PATH] [-o FILE]    render again whenever a file is saved
//	deck charts [-c PATH] -o DIR      write every chart as a PNG
//	deck mail [-c PATH] [-o FILE]     write a mail draft with the PDF attached
//	deck version                      print the version
//
// Exit codes: 0 success, 1 errors in the content, 2 wrong usage.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/deckpdf/deck/deck/render"
)

const usage = `deck turns a deck of slides written as YAML and CSV into a PDF.

Usage:
  deck init DIR                     write the built-in report as editable files
  deck init --blank DIR             write a small neutral deck to start from
  deck validate [-c PATH]           check a deck and print every problem
  deck render [-c PATH] [-o FILE]   render a deck to PDF
  deck watch [-c PATH] [-o FILE]    render again whenever a file of the deck is saved
  deck charts [-c PATH] -o DIR      write every chart as a PNG
  deck mail [-c PATH] [-o FILE]     write a mail draft with the PDF attached, or send it
  deck version                      print the version
  deck help                         print this help

Run "deck COMMAND -h" for the flags of a command.
Exit codes: 0 success, 1 errors in the content, 2 wrong usage.
`

func main() {
	if len(os.Args) < 2 || os.Args[1] != "watch" { // a watch stops on its own, and runs for hours
		stopWritesOnSignal()
		collectLate()
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "render":
		return renderCmd(args[1:], stdout, stderr)
	case "charts":
		return chartsCmd(args[1:], stdout, stderr)
	case "mail":
		return mailCmd(args[1:], stdout, stderr)
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "init":
		return initDeck(args[1:], stdout, stderr)
	case "watch":
		return watch(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		if len(args) > 1 {
			fmt.Fprint(stderr, "Usage: deck version\n\nPrint the version of deck.\n")
			if args[1] == "-h" || args[1] == "-help" || args[1] == "--help" {
				return 0
			}
			return 2
		}
		fmt.Fprintf(stdout, "deck %s\n", render.Version)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "deck: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// deckFlag is the help of the -c flag every command that reads a deck has.
const deckFlag = "the deck: a folder with deck.yaml, or a deck YAML file\n(default: deck.yaml in this folder if there is one, else the built-in report)"

// A flagSet is a command's flags and where its help goes when asked for.
type flagSet struct {
	*flag.FlagSet
	stdout io.Writer
}

// newFlags returns the flag set of a command whose help starts with usage.
// Help asked for with -h goes to standard output; after a wrong flag it
// goes to standard error.
func newFlags(name, usage string, stdout, stderr io.Writer) flagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), usage, "\n")
		n := 0
		fl.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprint(fl.Output(), "\nFlags:\n")
			fl.PrintDefaults()
		}
	}
	return flagSet{fl, stdout}
}

// parse parses args. When the command should stop, it returns false and
// the exit code: 0 after -h, 2 after a bad flag.
func (fl flagSet) parse(args []string) (bool, int) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fl.SetOutput(fl.stdout)
			fl.Usage()
			return false, 0
		}
	}
	if err := fl.Parse(args); err != nil {
		return false, 2
	}
	return true, 0
}
