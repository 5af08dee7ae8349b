package workbook

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A Sheet is a table to write as one worksheet: its rows of cells as
// texts, the first row naming the columns.
type Sheet struct {
	Name string
	Rows [][]string
}

// Write writes sheets to w as an .xlsx workbook. A cell written as a
// number is stored as that number, with a number format that shows it as
// it was written: "1,078" is 1078 shown as #,##0, "77.2%" is 0.772 shown as
// 0.0%, "21.0" is 21 shown as 0.0, "2022/01" is the 1st of January 2022
// shown as yyyy/mm. Any other cell, and the first row, is text.
func Write(w io.Writer, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	styles := map[string]int{}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := writeSheet(f, s, header, styles); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// writeSheet writes the cells of s, each number with its format's style
// (made once a format, kept in styles), and sets the columns' widths to
// their longest text.
func writeSheet(f *excelize.File, s Sheet, header int, styles map[string]int) error {
	widths := map[int]int{}
	for r, row := range s.Rows {
		for c, text := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			widths[c+1] = max(widths[c+1], displayWidth(text))
			v, format := valueOf(text)
			if r == 0 || format == "" {
				if err := f.SetCellStr(s.Name, ref, text); err != nil {
					return err
				}
				if r == 0 {
					if err := f.SetCellStyle(s.Name, ref, ref, header); err != nil {
						return err
					}
				}
				continue
			}
			style, ok := styles[format]
			if !ok {
				if style, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
					return err
				}
				styles[format] = style
			}
			if err := f.SetCellValue(s.Name, ref, v); err != nil {
				return err
			}
			if err := f.SetCellStyle(s.Name, ref, ref, style); err != nil {
				return err
			}
			if shown, err := f.GetCellValue(s.Name, ref); err != nil || shown != text {
				// Not shown as written (a long number, a rare form):
				// keep the text.
				if err := f.SetCellStr(s.Name, ref, text); err != nil {
					return err
				}
			}
		}
	}
	for c, w := range widths {
		if err := f.SetColWidth(s.Name, colName(c), colName(c), float64(min(w, 60)+2)); err != nil {
			return err
		}
	}
	return nil
}

// displayWidth is the width of text in a spreadsheet's columns: a Chinese
// character takes two.
func displayWidth(text string) int {
	n := 0
	for _, r := range text {
		if utf8.RuneLen(r) > 1 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// textForms are the forms of a number or a month written as text that
// valueOf reads, each with the places of its decimals marked.
type textForms struct {
	plainNumber, groupNumber, percent, yearMonth *regexp.Regexp
}

// forms compiles the textForms on first use, not in every process that
// links the package: most write no workbook.
var forms = sync.OnceValue(func() textForms {
	return textForms{
		plainNumber: regexp.MustCompile(`^-?(0|[1-9]\d{0,11})(\.(\d{1,6}))?$`),
		groupNumber: regexp.MustCompile(`^-?[1-9]\d{0,2}(,\d{3}){1,3}(\.(\d{1,6}))?$`),
		percent:     regexp.MustCompile(`^-?(0|[1-9]\d{0,6})(\.(\d{1,6}))?%$`),
		yearMonth:   regexp.MustCompile(`^(\d{4})/(\d{2})$`),
	}
})

// valueOf returns the value that text shows and the number format that
// shows it so; format is "" for a text.
func valueOf(text string) (v any, format string) {
	f := forms()
	switch {
	case f.plainNumber.MatchString(text):
		n, _ := strconv.ParseFloat(text, 64)
		return n, decimals("0", f.plainNumber.FindStringSubmatch(text)[3])
	case f.groupNumber.MatchString(text):
		n, _ := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
		return n, decimals("#,##0", f.groupNumber.FindStringSubmatch(text)[3])
	case f.percent.MatchString(text):
		n, _ := strconv.ParseFloat(strings.TrimSuffix(text, "%"), 64)
		return shift(n, -2), decimals("0", f.percent.FindStringSubmatch(text)[3]) + "%"
	case f.yearMonth.MatchString(text):
		m := f.yearMonth.FindStringSubmatch(text)
		year, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if month >= 1 && month <= 12 {
			return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), "yyyy/mm"
		}
	}
	return nil, ""
}

// decimals returns format with as many decimal places as digits has.
func decimals(format, digits string) string {
	if digits == "" {
		return format
	}
	return format + "." + strings.Repeat("0", len(digits))
}
