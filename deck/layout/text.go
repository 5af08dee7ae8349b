package layout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/linebreak"
	"github.com/deckpdf/deck/fonts"
)

// align says where lines sit between the edges of their box.
type align int

const (
	alignJustify align = iota // both edges; the last line to the left
	alignLeft
	alignCenter
	alignRight
)

// A textStyle is how a piece of text is set.
type textStyle struct {
	size    float64
	leading float64 // line height as a multiple of size
	color   deck.Color
	// emphasis is the colour of **bold** spans; zero means color.
	emphasis deck.Color
	bold     bool // set every span in bold
	align    align
}

// maxStretch bounds the space added between two characters of a justified
// line, in ems: a line that needs more is left ragged.
const maxStretch = 0.25

// glyph is one character of a text being set. Its fields are in the
// order that packs them tightest: a text has a glyph a character.
type glyph struct {
	off  int // byte offset in the joined text
	face *fonts.Face
	adv  float64 // the advance as set: the font's, less any compression, plus glue
	// glue is the space after the glyph that is not drawn at the end of a
	// line (see autospace); adv includes it.
	glue  float64
	r     rune
	color deck.Color
	// squeezed reports that adv is not the font's advance, so the next
	// glyph cannot follow in the same run.
	squeezed bool
	// half reports a punctuation mark set at half its advance (squeeze).
	half bool
	// tight reports that the gap after the glyph is inside a number or a
	// word (２０２１, ３，０００, iPhone’s), which a justified line does
	// not widen.
	tight bool
	// raised reports a glyph of a raised span (a footnote marker): set
	// smaller, above the baseline (see raise).
	raised bool
	// wide reports that r is set on the CJK grid (linebreak.IsWide).
	wide bool
}

// autospace reports whether a and b are a Han or kana character and a
// Latin letter or digit, in either order: between them ctex (xeCJK) and
// Typst set a quarter em, so that 使用 Kubernetes 部署 reads as words. A
// theme asks for it (Theme.CJKLatinSpace): the default report keeps its
// text as extraction reads it, without the gaps read as spaces.
func autospace(a, b rune) bool {
	ideo := func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }
	latin := func(r rune) bool { return r < 0x2000 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return ideo(a) && latin(b) || latin(a) && ideo(b)
}

// Chinese punctuation takes a full em, half of it blank: the blank is on
// the right of closing marks and on the left of opening ones. Where two
// meet, as in "：（" or "）。", CLREQ and xeCJK take half an em out.
const (
	closingPunct = "，。、；：）》」』”’】〕〉"
	openingPunct = "（《「『“‘【〔〈"
)

// squeeze reports whether the blank between a and b is compressed.
func squeeze(a, b rune) bool {
	return closing[a] && (opening[b] || closing[b])
}

// closing and opening are closingPunct and openingPunct as sets:
// strings.ContainsRune makes a string of each rune outside ASCII it looks
// for, and squeeze asks about every character of a text.
var closing, opening = runeSet(closingPunct), runeSet(openingPunct)

// runeSet returns the runes of s as a set.
func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// text sets t in lines no wider than width.
func (e *engine) text(t deck.Text, st textStyle, width float64) frame {
	return e.setText(t, st, width, 0)
}

// labelled sets a theme's label (注释：, 来源：) and t after it as one
// text. A character of the label is reported at at, where the theme sets
// the label, not at t.
func (e *engine) labelled(label string, at deck.Pos, t deck.Text, st textStyle, width float64) frame {
	var before []byte
	for _, r := range label {
		e.checkGlyph(at, r, before)
		before = utf8.AppendRune(before, r)
	}
	joined := deck.Text{Pos: t.Pos, Spans: append([]deck.Span{{Text: label}}, t.Spans...)}
	return e.setText(joined, st, width, len(label))
}

// setText sets t in lines no wider than width, reporting the characters
// that cannot be set after its first skip bytes, which the caller checked.
// It goes in the steps of DESIGN.md's "Text, Chinese first": collect the
// spans' glyphs, measure them, break the lines, emit the runs. What does
// not depend on the size (the glyphs, their spacing, the segments) is
// prepared once per text and style: a body is set at several sizes until
// it fits.
func (e *engine) setText(t deck.Text, st textStyle, width float64, skip int) frame {
	p := e.prepare(t, st, skip)
	gl := e.sized(p, st.size)
	m := e.measure(p.text, gl, st)
	lines := e.breakLines(p.text, p.segs, m, width)
	return e.emit(t.Pos, p.text, gl, lines, st, width)
}

// A prepared text is a text's glyphs in a style, at no size: each glyph's
// adv is the font's advance in ems, and its flags are set as space and
// markTight set them (see sized).
type prepared struct {
	text string
	gl   []glyph
	segs []linebreak.Segment
	// clean reports that no character of text needs reporting, so that
	// setting it again need not check them (see fine).
	clean bool
}

// A prepKey is what a prepared text depends on: its spans, and the parts
// of its style that choose the faces and colours.
type prepKey struct {
	// spans is the text of a single plain span, or else every span's
	// flags, length and text (see spansKey).
	spans           string
	plain           bool
	bold            bool
	color, emphasis deck.Color
}

// spansKey is the spans of a text as one string.
func spansKey(spans []deck.Span) (string, bool) {
	if len(spans) == 1 && !spans[0].Bold && !spans[0].Raised {
		return spans[0].Text, true
	}
	var b []byte
	for _, sp := range spans {
		flags := byte('0')
		if sp.Bold {
			flags |= 1
		}
		if sp.Raised {
			flags |= 2
		}
		b = append(strconv.AppendInt(append(b, flags), int64(len(sp.Text)), 10), ':')
		b = append(b, sp.Text...)
	}
	return string(b), false
}

// prepare returns t prepared in st, from the engine's cache when it was
// set before or the process's when an earlier layout prepared it (see
// textCache), and reports the characters that cannot be set after its
// first skip bytes, each time it is asked, as collect does.
func (e *engine) prepare(t deck.Text, st textStyle, skip int) *prepared {
	spans, plain := spansKey(t.Spans)
	key := prepKey{spans: spans, plain: plain, bold: st.bold, color: st.color, emphasis: st.emphasis}
	if p := e.known(key); p != nil {
		if !p.clean {
			e.check(t, skip)
		}
		return p
	}
	text, gl, clean := e.collect(t, st, skip)
	e.space(gl)
	p := &prepared{text: text, gl: gl, segs: e.segmentsOf(text), clean: clean}
	markTight(gl, p.segs)
	e.prepared[key] = p
	e.texts.put(textKey{key, e.theme.CJKLatinSpace}, p)
	return p
}

// known returns the text prepared under key by this engine or, in the
// same faces and theme, by an earlier layout of the process (see
// textCache), or nil.
func (e *engine) known(key prepKey) *prepared {
	if e.prepared == nil {
		e.prepared = map[prepKey]*prepared{}
	}
	if p := e.prepared[key]; p != nil {
		return p
	}
	p := e.texts.get(textKey{key, e.theme.CJKLatinSpace})
	if p != nil {
		e.prepared[key] = p
	}
	return p
}

// sized returns the glyphs of p at size: their advances in points, less
// the half em a squeezed mark gives up, plus the glue after a glyph, as
// space sets them. The slice is the engine's, valid until the next call.
func (e *engine) sized(p *prepared, size float64) []glyph {
	gl := append(e.glyphs[:0], p.gl...)
	for i := range gl {
		g := &gl[i]
		g.adv = g.adv * size * raise(g.raised)
		switch {
		case g.half:
			g.adv -= g.blankHalf(size)
		case g.squeezed:
			g.glue = size / 4
			g.adv += g.glue
		}
	}
	e.glyphs = gl
	return gl
}

// collect joins the spans of t into one text and its glyphs, each in its
// face and colour at the font's advance in ems, and reports the characters
// that cannot be set after the first skip bytes. clean reports that none
// of the text's characters needed a look (see fine).
func (e *engine) collect(t deck.Text, st textStyle, skip int) (text string, gl []glyph, clean bool) {
	n, runes := 0, 0
	for _, sp := range t.Spans {
		n, runes = n+len(sp.Text), runes+utf8.RuneCountInString(sp.Text)
	}
	s := make([]byte, 0, n)
	gl = make([]glyph, 0, runes)
	clean = true
	for _, sp := range t.Spans {
		face, color := e.spanLook(sp, st)
		for _, r := range sp.Text {
			if !e.fine(r) {
				clean = false
				if len(s) >= skip {
					e.checkGlyph(t.Pos, r, s[skip:])
				}
			}
			gl = append(gl, glyph{r: r, off: len(s), face: face, color: color, adv: face.Advance(r), raised: sp.Raised, wide: linebreak.IsWide(r)})
			s = utf8.AppendRune(s, r)
		}
	}
	return string(s), gl, clean
}

// check reports the characters of t that cannot be set after its first
// skip bytes, as collect does.
func (e *engine) check(t deck.Text, skip int) {
	var s []byte
	for _, sp := range t.Spans {
		for _, r := range sp.Text {
			if len(s) >= skip {
				e.checkGlyph(t.Pos, r, s[skip:])
			}
			s = utf8.AppendRune(s, r)
		}
	}
}

// spanLook is the face and colour of a span: bold when the span or the
// style is, and a **bold** span in the emphasis colour when there is one.
func (e *engine) spanLook(sp deck.Span, st textStyle) (*fonts.Face, deck.Color) {
	face := e.fonts.Face(st.bold || sp.Bold)
	if sp.Bold && !st.bold && st.emphasis.A != 0 {
		return face, st.emphasis
	}
	return face, st.color
}

// space marks the gaps between neighbours that sized adjusts: half an em
// out where two Chinese punctuation marks meet, and a quarter em of glue
// between Chinese and Latin when the theme asks for it.
func (e *engine) space(gl []glyph) {
	for i := 0; i+1 < len(gl); i++ {
		switch {
		case squeeze(gl[i].r, gl[i+1].r):
			gl[i].squeezed, gl[i].half = true, true
		case e.theme.CJKLatinSpace && autospace(gl[i].r, gl[i+1].r):
			gl[i].squeezed = true
		}
	}
}

// measures are the widths of a text at its byte offsets.
type measures struct {
	prefix []float64 // the width of text[:i], at rune starts
	glue   []float64 // the glue of the glyph that ends at i
	// For justified text (nil for other): least is the width of text[:i]
	// with every compressible closing mark at half its advance, and gaps
	// the number of gaps a justified line may widen (stretchable) before
	// the glyphs that start before i.
	least, gaps []float64
	size        float64
}

// measure adds up the advances of gl, the glyphs of text set in st, into
// the engine's measures, valid until the next call; for justified text,
// their least widths and gaps too.
func (e *engine) measure(text string, gl []glyph, st textStyle) measures {
	n := len(text) + 1
	m := measures{prefix: grown(e.measures.prefix, n), glue: grown(e.measures.glue, n), size: st.size}
	least, gaps := e.measures.least, e.measures.gaps // kept for the next justified text
	if st.align == alignJustify {
		least, gaps = grown(least, n), grown(gaps, n)
		m.least, m.gaps = least, gaps
	}
	// Written before it is read: a new page read first is the system's
	// page of zeros until a write copies it (see fonts.newBMPBlock).
	m.prefix[0] = 0
	for i, g := range gl {
		end := len(text)
		if i+1 < len(gl) {
			end = gl[i+1].off
		}
		for b := g.off + 1; b <= end; b++ {
			m.prefix[b] = m.prefix[g.off] + g.adv
		}
		m.glue[end] = g.glue
		if m.least == nil {
			continue
		}
		adv, gap := g.adv, 0.0
		if compressible(g, st.size) {
			adv -= g.blankHalf(st.size)
		}
		if i > 0 && stretchable(gl[i-1], g) {
			gap = 1
		}
		for b := g.off + 1; b <= end; b++ {
			m.least[b] = m.least[g.off] + adv
			m.gaps[b] = m.gaps[g.off] + gap
		}
	}
	e.measures = m
	e.measures.least, e.measures.gaps = least, gaps
	return m
}

// width is the width of text[a:b] as a line, without the glue after it.
func (m measures) width(a, b int) float64 { return m.prefix[b] - m.prefix[a] - m.glue[b] }

// leastWidth is the least width text[a:b] is set at as a justified line:
// its width less what its compressible marks give up, at most
// maxCompress.
func (m measures) leastWidth(a, b int) float64 {
	w := m.width(a, b)
	give := w - (m.least[b] - m.least[a] - m.glue[b])
	return w - min(give, maxCompress*m.size)
}

// looseStretch is how far apart, in ems, a justified line's characters
// may be spread before the line had better take the next piece and give
// up the blank halves of some of its closing marks (compress): a tenth
// of an em between characters is seen; a comma at half its advance, as
// every comma of a half-width (半角) setting is, less so.
const looseStretch = 0.1

// loose reports whether text[a:b], justified in a line width wide, would
// spread its characters further apart than looseStretch.
func (m measures) loose(a, b int, width float64) bool {
	slack := width - m.width(a, b)
	n := 0.0
	if a < b {
		n = m.gaps[b] - m.gaps[a+1] // the gaps before the glyphs after the first
	}
	return slack > 0 && n > 0 && slack/n > looseStretch*m.size
}

// grown returns a slice of n zeros, in s's array when it has room.
func grown(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// breakLines breaks text into lines no wider than width, where it can,
// into the engine's lines, valid until the next call.
//
// The line breaker adds up the widths of the pieces a line is made of,
// so a piece is measured with the glue after it: left out, the glue
// between two pieces was in no piece, and lines ran past their column
// by a quarter em for each. A line that ends in glue is thus measured
// a little wide, and may break before a piece that would just fit; its
// real width, without the glue, is what it is set at.
//
// A justified line that would be set loose takes one more piece where,
// its closing marks giving up their blank halves (compress), it fits:
// CLREQ and Typst compress punctuation before they spread a line.
func (e *engine) breakLines(text string, segs []linebreak.Segment, m measures, width float64) []linebreak.Line {
	var sq *linebreak.Squeeze
	if m.least != nil {
		sq = &linebreak.Squeeze{Least: m.leastWidth, Loose: m.loose}
	}
	lines := linebreak.BreakSqueezedInto(e.lines, text, segs, width, func(a, b int) float64 { return m.prefix[b] - m.prefix[a] }, sq)
	e.lines = lines
	for i := range lines {
		lines[i].Width = m.width(lines[i].Start, lines[i].End)
	}
	return lines
}

// emit places the lines one under another as text runs, aligned in width,
// and notes how far the widest runs past it. gl are the glyphs of text.
func (e *engine) emit(src deck.Pos, text string, gl []glyph, lines []linebreak.Line, st textStyle, width float64) frame {
	lh := st.size * st.leading
	f := frame{h: float64(len(lines)) * lh, src: src}
	if len(lines) > 0 {
		f.items = make([]placed, 0, len(lines))
	}
	rest := gl // the glyphs of this line and those after
	for li, ln := range lines {
		var line []glyph
		line, rest = lineGlyphs(rest, ln)
		if st.align == alignJustify && ln.Width > width {
			ln.Width -= compress(line, ln.Width-width, st.size)
		}
		f.w = max(f.w, ln.Width)
		if over := ln.Width - width; over > 0.01 && over > f.overflow {
			f.overflow = over
		}
		face := e.fonts.Regular
		if len(line) > 0 {
			face = line[0].face
		}
		baseline := float64(li)*lh + (lh-st.size)/2 + face.EmTop()*st.size
		slack := width - ln.Width
		gaps := grown(e.gaps, len(line))
		e.gaps = gaps
		if st.align == alignJustify && li < len(lines)-1 && !ln.Hard {
			justify(line, gaps, slack, st.size)
		}
		f.items = appendRuns(f.items, text, line, gaps, indent(st.align, slack), baseline, st.size, src)
	}
	if st.align != alignLeft {
		f.w = max(f.w, width)
	}
	return f
}

// lineGlyphs splits gl, which starts at or before ln, into the glyphs of
// ln and those after it.
func lineGlyphs(gl []glyph, ln linebreak.Line) (line, rest []glyph) {
	first := 0
	for first < len(gl) && gl[first].off < ln.Start {
		first++
	}
	last := first
	for last < len(gl) && gl[last].off < ln.End {
		last++
	}
	return gl[first:last], gl[last:]
}

// compressible reports whether g, set at size, is a closing mark that a
// justified line may set at half its advance, giving up its blank half:
// a full-width one not already halved (squeeze), not raised, and not
// inside a number or word (the ， of ３，０００, the ’ of iPhone’s). An
// opening mark's blank is before its ink, which a painter that ignores
// TextRun.Half would draw over the character before.
func compressible(g glyph, size float64) bool {
	return g.wide && !g.half && !g.raised && !g.tight && isClosing(g.r) && g.adv-g.glue >= size-0.01
}

// maxCompress is how much, in ems, a loose line may give up to take the
// next piece: two marks at half their advance. A line with every mark
// halved, among lines with theirs whole, looks worse than the spread it
// would replace.
const maxCompress = 1.0

// isClosing reports whether r is one of closingPunct: it looks in the set
// only for a rune in their ranges (’ to 〕, ） to ；), not for every
// ideograph a justified text measures.
func isClosing(r rune) bool {
	return (r >= '’' && r <= '〕' || r >= '）' && r <= '；') && closing[r]
}

// compress sets closing marks of line, a justified line over its width
// by over, at half their advance until the line fits, and returns the
// width given up. The line's last mark goes first: its blank half is the
// line's end, whose ink then meets the column's edge; then the others,
// from the end back, as few as fit the line. The line breaker measured
// the line at its least width, so enough of them are there; a line too
// wide even so (a piece longer than the column) keeps the rest.
func compress(line []glyph, over, size float64) float64 {
	given := 0.0
	for i := len(line) - 1; i >= 0 && given < over-0.01; i-- {
		g := &line[i]
		if !compressible(*g, size) {
			continue
		}
		g.half, g.squeezed = true, true
		g.adv -= g.blankHalf(size)
		given += g.blankHalf(size)
	}
	return given
}

// blankHalf is what a mark set in size gives up when it is set at half
// its advance: half of its own em, which a raised mark's is smaller than
// size (TextRun.Width takes the same off a Half run).
func (g glyph) blankHalf(size float64) float64 { return size * raise(g.raised) / 2 }

// indent is where a line with slack to spare starts.
func indent(a align, slack float64) float64 {
	switch a {
	case alignCenter:
		return slack / 2
	case alignRight:
		return slack
	}
	return 0
}

// justify shares slack out among the stretchable gaps of line, into gaps,
// unless that widens a gap by more than maxStretch ems.
func justify(line []glyph, gaps []float64, slack, size float64) {
	if slack <= 0 {
		return
	}
	n := 0
	for i := 0; i+1 < len(line); i++ {
		if stretchable(line[i], line[i+1]) {
			n++
		}
	}
	if n == 0 || slack/float64(n) > maxStretch*size {
		return
	}
	for i := 0; i+1 < len(line); i++ {
		if stretchable(line[i], line[i+1]) {
			gaps[i] = slack / float64(n)
		}
	}
}

// stretchable reports whether a justified line may widen the gap after
// g, before next: beside a wide character, or after a space. Latin words
// and numbers keep their letters together, in full-width forms too.
func stretchable(g, next glyph) bool {
	return !g.tight && (g.wide || next.wide || g.r == ' ')
}

// markTight marks the gaps inside the numbers and words of gl, the glyphs
// of a text broken into segs: in a segment, a run of characters that are
// neither ideographs nor spaces, from its first letter, digit or sign to
// its last letter, digit or percent sign. A bracket before the number
// and a comma after it keep their gaps, as beside an ideograph.
func markTight(gl []glyph, segs []linebreak.Segment) {
	i := 0
	for _, seg := range segs {
		for i < len(gl) && gl[i].off < seg.Start {
			i++
		}
		end := i
		for end < len(gl) && gl[end].off < seg.End {
			end++
		}
		for run := range wordRuns(gl[i:end]) {
			for k := range run[:max(0, len(run)-1)] {
				run[k].tight = true
			}
		}
		i = end
	}
}

// wordRuns yields the numbers and words of the glyphs of one segment, each
// from its first letter, digit or sign to its last letter, digit or
// percent sign.
func wordRuns(gl []glyph) func(yield func([]glyph) bool) {
	return func(yield func([]glyph) bool) {
		for i := 0; i < len(gl); {
			if !inWord(gl[i].r) {
				i++
				continue
			}
			j := i
			for j < len(gl) && inWord(gl[j].r) {
				j++
			}
			first, last := i, j
			for first < last && !opensWord(gl[first].r) {
				first++
			}
			for last > first && !closesWord(gl[last-1].r) {
				last--
			}
			if first < last && !yield(gl[first:last]) {
				return
			}
			i = j
		}
	}
}

// inWord reports whether r may be part of a number or word: anything but
// an ideograph, kana, hangul or space.
func inWord(r rune) bool {
	return !unicode.IsSpace(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// opensWord reports whether a number or word may begin with r.
func opensWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+-±−＋－", r)
}

// closesWord reports whether a number or word may end with r.
func closesWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("%％‰", r)
}

// appendRuns appends to out a line of glyphs of text as text runs: a new
// run starts where the face or colour changes, or where the gap after a
// glyph changes, since a run carries one character spacing. A word or number
// starts a run of its own rather than end one of spaced characters with
// its first letter (the "R" of "的Reliability" in a justified line): its
// letters stay in one run, as text extraction and a run's language want
// them. A run's text is a piece of text, shared with it.
func appendRuns(out []placed, text string, line []glyph, gaps []float64, x, baseline, size float64, src deck.Pos) []placed {
	for j := 0; j < len(line); {
		sp := gaps[j]
		k := j
		for k+1 < len(line) && sameRun(line[j], line[k], line[k+1]) && gaps[k] == sp && !(line[k+1].tight && gaps[k+1] != sp) {
			k++
		}
		adv := 0.0
		for i := j; i <= k; i++ {
			adv += line[i].adv + gaps[i]
		}
		if k == j {
			sp = 0
		}
		if txt := text[line[j].off : line[k].off+utf8.RuneLen(line[k].r)]; txt != " " {
			r := raise(line[j].raised)
			out = append(out, placedItem(TextRun{At: Point{x, baseline - size*(1-r)*0.9}, Face: line[j].face, Size: size * r, Fill: line[j].color, Text: txt, Spacing: sp, Half: line[k].half, Src: src}))
		}
		x += adv
		j = k + 1
	}
	return out
}

// sameRun reports whether next may follow g in the run that first starts:
// g is set at the font's advance, and next has first's face, colour and
// raise.
func sameRun(first, g, next glyph) bool {
	return !g.squeezed && next.face == first.face && next.color == first.color && next.raised == first.raised
}

// checkGlyph reports, once per text, a character that the fonts cannot draw
// or that the PDF backends cannot encode, and a control character, which
// no font draws as meant, with the text before it to show where it is.
func (e *engine) checkGlyph(pos deck.Pos, r rune, before []byte) {
	if e.fine(r) {
		return // the common case, first and without a map
	}
	key := reportKey{pos, r}
	if e.reported[key] {
		return
	}
	if problem := controlProblem(r); problem != "" {
		// Not counted with the missing glyphs: those are counted to
		// spare a list of a whole script the fonts lack.
		e.reported[key] = true
		e.diags.Errorf(pos, "character %q (U+%04X) %s %s", r, r, placeIn(before), problem)
		return
	}
	var problem string
	reg, bold := e.fonts.Regular, e.fonts.Bold
	switch {
	case r > 0xFFFF:
		problem = "is outside the Basic Multilingual Plane, which the PDF backends cannot encode; remove it or write it another way"
	case !reg.Has(r) && (!bold.Has(r) || bold == reg):
		problem = fmt.Sprintf("is not in the font %s", reg.Name())
		if bold != reg {
			problem = fmt.Sprintf("is not in the fonts %s and %s", reg.Name(), bold.Name())
		}
		problem += "; remove it, or name fonts that have it in the theme"
	case !reg.Has(r):
		problem = fmt.Sprintf("is not in the regular font %s (the bold one has it); remove it, or name fonts that have it in the theme", reg.Name())
	case !bold.Has(r):
		problem = fmt.Sprintf("is not in the bold font %s (the regular one has it); remove it, or name fonts that have it in the theme", bold.Name())
	default:
		return
	}
	e.reported[key] = true
	// A font that lacks a whole script would give an error a character:
	// the first ones are listed, the rest counted (see Layout).
	if e.glyphErrors++; e.glyphErrors > maxGlyphErrors {
		return
	}
	e.diags.Errorf(pos, "character %q (U+%04X) %s %s", r, r, placeIn(before), problem)
}

// fine reports whether r can be set with nothing to report: checkGlyph
// reports nothing for it, wherever it is.
func (e *engine) fine(r rune) bool {
	return r == '\n' || r == '\t' || r <= 0xFFFF && e.fonts.Has(r) && controlProblem(r) == ""
}

// placeIn says where a character is by the text before it: its last eight
// characters.
func placeIn(before []byte) string {
	if len(before) == 0 {
		return "at the start of the text"
	}
	rs := []rune(string(before))
	return fmt.Sprintf("after %q", string(rs[max(0, len(rs)-8):]))
}

// controlProblem says why r, a control character, cannot be set, or
// returns "" for any other character. A line break ('\n') and a tab are
// not asked about: they are set as they always were. Control characters
// (a CR left from a CR LF, a NUL), line and paragraph separators and
// invisible format characters (a zero-width space, a byte order mark, a
// soft hyphen, bidirectional marks) would be drawn as boxes, as nothing,
// or as a mark where none is meant: the layout applies none of them.
func controlProblem(r rune) string {
	switch {
	case r == '\r':
		return "is a carriage return, a control character that cannot be drawn; a line break is a plain line end (a CR LF or lone CR in a CSV cell is read as one)"
	case unicode.IsControl(r):
		return "is a control character, which cannot be drawn; remove it"
	case r == '\u2028' || r == '\u2029':
		return "is a line or paragraph separator, which cannot be drawn; write a line break instead"
	case r < 0xAD:
		return "" // the common case, without a table
	case unicode.Is(unicode.Cf, r):
		return "is an invisible format character, which the layout does not apply; remove it"
	}
	return ""
}

// maxGlyphErrors is how many characters the fonts cannot draw are listed
// one by one; Layout counts the others in one more error.
const maxGlyphErrors = 20

// reportKey names a character reported once in a text.
type reportKey struct {
	pos deck.Pos
	r   rune
}

// raise returns the scale of a glyph's size: 0.6 for a raised one (a
// footnote marker, its top near the cap height), 1 for any other.
func raise(raised bool) float64 {
	if raised {
		return 0.6
	}
	return 1
}
