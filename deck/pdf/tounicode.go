package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/deckpdf/deck/fonts"
)

// Both engines draw a mark set at half its advance as its half-width
// form, at a code point of the Private Use Area (see drawnText); a
// ToUnicode CMap that gave that code point to a reader who copies the
// text would lose the mark. The CMaps map each form to its mark: fpdf's
// fonts get halfCMap (see embedFonts), and gopdf's own CMaps are
// rewritten (see goFile.halfToUnicode).

// halfCMap returns the ToUnicode CMap of a font whose codes are the code
// points drawn, each its own, but for the half-width forms, each mapped
// to its mark.
func halfCMap() string {
	first := fonts.HalfBase
	past := first + rune(utf8.RuneCountInString(fonts.HalfMarks))
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	fmt.Fprintf(&b, "2 beginbfrange\n<0000> <%04X> <0000>\n<%04X> <FFFF> <%04X>\nendbfrange\n", first-1, past, past)
	fmt.Fprintf(&b, "%d beginbfchar\n", past-first)
	for c := first; c < past; c++ {
		mark, _ := fonts.FullWidth(c)
		fmt.Fprintf(&b, "<%04X> <%04X>\n", c, mark)
	}
	b.WriteString("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

// gopdfMapRe is an entry of the ToUnicode CMaps gopdf writes, a glyph id
// (twice, a range of one) and the code point drawn with it, when the code
// point may be a half-width form's (fonts.HalfBase onwards); compiled
// when gopdf first writes.
var gopdfMapRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`(?m)^(<[0-9A-F]{4}><[0-9A-F]{4}>)<(%02X[0-9A-F]{2})>$`, fonts.HalfBase>>8))
})

// halfToUnicode maps the half-width forms in gopdf's ToUnicode CMaps to
// their marks. gopdf maps each glyph to the code point drawn with it, in
// four hexadecimal digits: a mark of the BMP takes as many as its form,
// so the stream keeps its length.
func (f *goFile) halfToUnicode() {
	for i, o := range f.objs {
		if !bytes.Contains(o, []byte("/CMapName /Adobe-Identity-UCS def")) {
			continue
		}
		f.objs[i] = gopdfMapRe().ReplaceAllFunc(o, func(e []byte) []byte {
			m := gopdfMapRe().FindSubmatch(e)
			c, _ := strconv.ParseUint(string(m[2]), 16, 32)
			mark, ok := fonts.FullWidth(rune(c))
			if !ok || mark > 0xFFFF {
				return e
			}
			return fmt.Appendf(nil, "%s<%04X>", m[1], mark)
		})
	}
}
