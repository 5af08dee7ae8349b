package render

import (
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
