// Package numfmt formats numbers with Excel number-format codes ("#,##0.0",
// "0.0%", "¥#,##0.00", `0.0"亿元"`), as a spreadsheet shows them. The codes
// are Excel's, documented by Microsoft ("Number format codes") and applied
// by excelize: the same code formats a chart's labels and axis as it
// formats the workbook's cells.
package numfmt

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"
)

// A Format is a number-format code ready to format numbers. Its methods
// are safe for concurrent use.
type Format struct {
	code string
	mu   sync.Mutex
	f    *excelize.File // one cell, styled with code, formats each number
}

// Parse returns the format of code, or an error that says why code is not
// one.
func Parse(code string) (*Format, error) {
	if !showsNumbers(code) {
		return nil, fmt.Errorf("numfmt: %q shows no number: a number format has a digit placeholder (0, # or ?) or is General", code)
	}
	f := excelize.NewFile()
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return nil, fmt.Errorf("numfmt: %q is not a number format: %v", code, err)
	}
	if err := f.SetCellStyle("Sheet1", "A1", "A1", style); err != nil {
		return nil, fmt.Errorf("numfmt: %q is not a number format: %v", code, err)
	}
	return &Format{code: code, f: f}, nil
}

// showsNumbers reports whether the first section of code, the one for
// positive numbers, shows the number: excelize takes any text as a code
// ("abc" shows 1234.5 as "c").
func showsNumbers(code string) bool {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return false
	}
	for _, t := range sections[0].Items {
		switch t.TType {
		case nfp.TokenTypeZeroPlaceHolder, nfp.TokenTypeHashPlaceHolder, nfp.TokenTypeDigitalPlaceHolder, nfp.TokenTypeGeneral:
			return true
		}
	}
	return false
}

// String returns the format's code.
func (n *Format) String() string { return n.code }

// Format returns v as the format shows it.
func (n *Format) Format(v float64) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.f.SetCellValue("Sheet1", "A1", v); err != nil {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s, err := n.f.GetCellValue("Sheet1", "A1")
	if err != nil {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return s
}
