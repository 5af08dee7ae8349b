package render

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// streamDict matches the dictionary at the start of an object, when the
// object is a stream.
var streamDict = regexp.MustCompile(`^\s*<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>)*)>>\s*stream\r?\n`)

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
		m := streamDict.FindSubmatchIndex(pdf[pos:min(pos+maxDict, len(pdf))])
		if m == nil {
			continue
		}
		dict := string(pdf[pos+m[2] : pos+m[3]])
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
		pos = min(pos+m[1]+n, len(pdf))
	}
}

// maxDict is as far as measure looks for a stream's dictionary after
// "obj": the dictionaries deck's engines write are far shorter.
const maxDict = 4096

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
