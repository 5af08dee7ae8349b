package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/deckpdf/deck/content"
)

// initDeck writes the default report as editable files into a new or empty
// folder.
func initDeck(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("init", "Usage: deck init [--xlsx | --blank] DIR\n\n"+
		"Write the built-in report as editable files (deck.yaml, theme.yaml, CSV\n"+
		"data and a README of the format) into DIR, a new or empty folder.\n"+
		"\"deck render -c DIR\" then renders it exactly as the built-in report.\n"+
		"With --blank, write a small neutral deck and theme to start from instead.", stdout, stderr)
	xlsx := fl.Bool("xlsx", false, "keep the data in one Excel workbook, "+content.ReportWorkbook+", a sheet per data set, instead of CSV files")
	blank := fl.Bool("blank", false, "write a small neutral deck (deck.yaml) and theme (theme.yaml), with no brand, instead of the report")
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	dir := fl.Arg(0)
	if dir == "" {
		fmt.Fprintf(stderr, "deck init: the folder name is empty; give one, such as my-report\n")
		return 2
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "deck init: %s is not empty; nothing written (init never overwrites files)\n", dir)
		return 1
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "deck init: %v\n", err)
		return 1
	}
	files := content.Default()
	if *blank && *xlsx {
		fmt.Fprintf(stderr, "deck init: --blank and --xlsx do not go together: the blank deck has no data\n")
		return 2
	}
	if *blank {
		files = content.Blank()
	}
	if *xlsx {
		var err error
		if files, err = content.DefaultWorkbook(); err != nil {
			fmt.Fprintf(stderr, "deck init: %v\n", err)
			return 1
		}
	}
	n := 0
	err := fs.WalkDir(files, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		// O_EXCL: a file that appeared meanwhile is not overwritten.
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		n++
		return werr
	})
	if err != nil {
		fmt.Fprintf(stderr, "deck init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: wrote %d files; edit them, then run: deck render -c %s -o report.pdf\n", dir, n, dir)
	return 0
}
