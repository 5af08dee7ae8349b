package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MaxUnzippedBytes is the most a workbook may unpack to. A workbook is a
// zip archive of XML files; one that unpacks to more is refused before it
// is unpacked, as a zip bomb would be.
const MaxUnzippedBytes = 100 << 20

// An Error says why a workbook, a sheet or a range cannot be read.
type Error struct {
	// Reason completes a sentence that names the file: "is protected by
	// a password; …".
	Reason string
}

func (e *Error) Error() string { return "workbook: " + e.Reason }

func errorf(format string, args ...any) *Error {
	return &Error{Reason: fmt.Sprintf(format, args...)}
}

// A Book is an open workbook. Its methods may be called from one
// goroutine at a time.
type Book struct {
	f       *excelize.File
	sheets  []string
	formats map[int]string // number-format codes by style, as looked up
}

// The first bytes of the files that are not .xlsx workbooks but are
// given as one.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") // a compound file: .xls, or an encrypted .xlsx
	// utf16Encrypted is the name of the stream that holds an encrypted
	// workbook inside its compound file, as the file's directory spells
	// it (UTF-16LE).
	utf16Encrypted = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// Open reads a workbook from data: an .xlsx or .xlsm file. It refuses, with
// an *Error that says what to do, an Excel 97–2003 .xls, a workbook
// protected by a password, an OpenDocument spreadsheet, a damaged file and
// one that unpacks to more than MaxUnzippedBytes. Nothing in the workbook
// runs: macros are not read, formulas are computed only on request.
func Open(data []byte) (b *Book, err error) {
	if e := notXLSX(data); e != nil {
		return nil, e
	}
	defer func() {
		// The workbook is someone else's XML: a file damaged in a way
		// the reader did not foresee is reported, not a crash.
		if r := recover(); r != nil {
			b, err = nil, errorf("is damaged (%v): open it in Excel, WPS or LibreOffice and save it again", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxUnzippedBytes,
		UnzipXMLSizeLimit: MaxUnzippedBytes, // nothing is unpacked to temporary files
	})
	if err != nil {
		return nil, openError(err)
	}
	b = &Book{f: f, sheets: f.GetSheetList()}
	if len(b.sheets) == 0 {
		return nil, errorf("has no worksheets")
	}
	return b, nil
}

// notXLSX returns why data is not an .xlsx workbook, telling the formats
// that are often mistaken for one; nil when it may be one.
func notXLSX(data []byte) *Error {
	switch {
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, utf16Encrypted):
		return errorf("is protected by a password, so deck cannot read it: save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password, and clear it) and point data: at that")
	case bytes.HasPrefix(data, oleMagic):
		return errorf("is an Excel 97–2003 workbook (.xls), which deck does not read: open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx)")
	case !bytes.HasPrefix(data, zipMagic):
		return errorf("is not an Excel workbook (an .xlsx file is a zip archive, and this is not one): save it from Excel, WPS or LibreOffice as .xlsx")
	case len(data) > 38 && string(data[30:38]) == "mimetype" && bytes.Contains(data[38:min(len(data), 120)], []byte("opendocument")):
		return errorf("is an OpenDocument file (.ods), not an Excel workbook: save it as .xlsx")
	}
	return nil
}

// openError turns an error of excelize's into one that says what is wrong
// with the file.
func openError(err error) *Error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "unzip size exceeds"):
		return errorf("unpacks to more than %d MiB, the most deck reads: is it a workbook (it may be a zip bomb)?", MaxUnzippedBytes>>20)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return errorf("is protected by a password, so deck cannot read it: save a copy without the password")
	case strings.HasPrefix(msg, "zip:"), strings.Contains(msg, "XML syntax"), strings.Contains(msg, "EOF"):
		return errorf("is damaged (%s): open it in Excel, WPS or LibreOffice and save it again", msg)
	}
	return errorf("cannot be read as a workbook (%s): open it in Excel, WPS or LibreOffice and save it again", msg)
}

// Sheets returns the names of the workbook's sheets, in order.
func (b *Book) Sheets() []string { return b.sheets }

// Close releases the workbook.
func (b *Book) Close() error { return b.f.Close() }
