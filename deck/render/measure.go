package render

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// streamDict matches the dictionary in front of a PDF stream.
var streamDict = regexp.MustCompile(`(?s)<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>)*)>>\s*stream\r?\n`)

var lengthKey = regexp.MustCompile(`/Length\s+(\d+)(?:[^\d]|$)`)

// measure adds up the streams of a PDF by what they hold: font programs
// (a /Length1, /Length2 or /Subtype /OpenType key, as the PDF standard
// requires of embedded fonts) and images (/Subtype /Image).
func measure(pdf []byte) (fonts, images int) {
	for _, m := range streamDict.FindAllSubmatch(pdf, -1) {
		dict := string(m[1])
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
	}
	return fonts, images
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
