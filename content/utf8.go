package content

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
)

// notUTF8 reports a text file that is not UTF-8, at its first byte that
// is not, and says how to save it. A CSV file saved by Excel in China is
// often GBK: read as UTF-8 its characters would turn into U+FFFD.
func (l *loader) notUTF8(file string, data []byte) bool {
	if utf8.Valid(data) {
		return false
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
		what := "a zip archive or an Excel workbook, not text"
		if strings.EqualFold(path.Ext(file), ".csv") {
			what = "an Excel workbook, not a CSV file: name it .xlsx, and deck reads it as a workbook"
		}
		l.diags.Errorf(deck.Pos{File: file}, "the file is %s", what)
		return true
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	line := bytes.Count(data[:i], []byte("\n")) + 1
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	col := utf8.RuneCount(data[start:i]) + 1
	how := "save it as UTF-8"
	if strings.EqualFold(path.Ext(file), ".csv") {
		how = "save it as UTF-8 (in Excel: \"CSV UTF-8\")"
	}
	l.diags.Errorf(deck.Pos{File: file, Line: line, Col: col},
		"the file is not UTF-8 text (byte 0x%02X here); %s: GBK and other encodings are not read", data[i], how)
	return true
}
