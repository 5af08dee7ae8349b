package render

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

var lengthKey = regexp.MustCompile(`/Length\s+(\d+)(?:[^\d]|$)`)

// measure adds up the streams of a PDF by what they hold: font programs
// (a /Length1, /Length2 or /Subtype /OpenType key, as the PDF standard
// requires of embedded fonts) and images (/Subtype /Image). It reads the
// objects from one to the next, and steps over each stream's data by its
// length: the data is most of the file, and is never searched.
func measure(pdf []byte) (fonts, images int) {
	obj := []byte(" 0 obj")
	for pos := 0; ; {
		i := bytes.Index(pdf[pos:], obj)
		if i < 0 {
			return fonts, images
		}
		pos += i + len(obj)
		dict, data, ok := streamStart(pdf[pos:])
		if !ok {
			continue
		}
		l := lengthKey.FindStringSubmatch(dict)
		if l == nil {
			continue
		}
		n, _ := strconv.Atoi(l[1])
		switch {
		case strings.Contains(dict, "/Length1") || strings.Contains(dict, "/Length2") || strings.Contains(dict, "/Subtype /OpenType"):
			fonts += n
		case strings.Contains(dict, "/Subtype /Image") || strings.Contains(dict, "/Subtype/Image"):
			images += n
		}
		pos = min(pos+data+n, len(pdf))
	}
}

// streamStart reads the start of an object's body: when it is a stream,
// its dictionary (between the outer << and >>) and where its data begins.
func streamStart(body []byte) (dict string, data int, ok bool) {
	i := len(body) - len(bytes.TrimLeft(body, " \r\n"))
	if !bytes.HasPrefix(body[i:], []byte("<<")) {
		return "", 0, false
	}
	end := dictEnd(body, i)
	if end < 0 {
		return "", 0, false
	}
	rest := bytes.TrimLeft(body[end:], " \r\n")
	after, ok := bytes.CutPrefix(rest, []byte("stream"))
	if !ok {
		return "", 0, false
	}
	if after, ok = bytes.CutPrefix(after, []byte("\r\n")); !ok {
		if after, ok = bytes.CutPrefix(after, []byte("\n")); !ok {
			return "", 0, false
		}
	}
	return string(body[i+2 : end-2]), len(body) - len(after), true
}

// dictEnd returns the offset just past the ">>" that closes the
// dictionary opening at b[at:], or -1: nested dictionaries, hex strings
// and literal strings (with their escapes and balanced parentheses) are
// stepped over.
func dictEnd(b []byte, at int) int {
	depth := 0
	for i := at; i < len(b); i++ {
		switch {
		case b[i] == '<' && i+1 < len(b) && b[i+1] == '<':
			depth++
			i++
		case b[i] == '>' && i+1 < len(b) && b[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return i + 1
			}
		case b[i] == '<': // a hex string
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return -1
			}
			i += j
		case b[i] == '(':
			if i = literalEnd(b, i); i < 0 {
				return -1
			}
		}
	}
	return -1
}

// literalEnd returns the offset of the ")" that closes the literal string
// opening at b[at], or -1.
func literalEnd(b []byte, at int) int {
	depth := 0
	for i := at; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// measurePPTX adds up the compressed entries of a presentation by what
// they hold: font parts (ppt/fonts/) and pictures (ppt/media/).
func measurePPTX(file []byte) (fonts, images int) {
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return 0, 0
	}
	for _, f := range z.File {
		switch {
		case strings.HasPrefix(f.Name, "ppt/fonts/"):
			fonts += int(f.CompressedSize64)
		case strings.HasPrefix(f.Name, "ppt/media/"):
			images += int(f.CompressedSize64)
		}
	}
	return fonts, images
}
