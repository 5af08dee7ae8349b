package linebreak

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// noStart holds the characters that may not begin a line where UAX #14
// (as uniseg implements it) would let them: after a space (；：”’…» and the
// Japanese small kana and marks), or after a character that is not a
// number (%％‰℃ after a hanzi, · after a hanzi). The closing punctuation
// UAX #14 never lets begin a line (，。、？！）》」』 and their kin) is not
// repeated here, nor is the opening punctuation it never lets end one
// (（《「『“‘): TestUnisegForbids pins that behaviour.
const noStart = "；：”’…»%％‰℃·・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"

// A Segment is a piece of text that may not be broken: a break is allowed
// only between segments.
type Segment struct {
	Start, End int // byte offsets into the text
	// Space is the byte length of the white space that ends the segment; it
	// is not drawn when the segment ends a line.
	Space int
	// Hard reports a mandatory break after the segment (a newline).
	Hard bool
}

// Segments splits text at its break opportunities.
//
// A break may fall only between two grapheme clusters, where UAX #14
// allows one. uniseg's StepString would say both, with the word and
// sentence boundaries besides, which cost as much again: the clusters and
// the line segments are read here side by side instead, each by its own
// state machine, and a line boundary inside a cluster is passed over, as
// StepString passes it over.
func Segments(text string) []Segment {
	if text == "" {
		return nil
	}
	segs := make([]Segment, 0, len(text)/3+1) // a segment a hanzi
	start, pos := 0, 0
	number := 0 // the end of the number (with its units) being read
	clusterState, lineState := -1, -1
	lineEnd := 0 // the end of the line segment being read
	must := false
	rest, lineRest := text, text
	for len(rest) > 0 {
		if pos >= number {
			number = pos + numberLen(rest)
		}
		var cluster, line string
		if clusterState == hanziRun.cluster && lineState == hanziRun.line && lineEnd == pos && twoHanzi(rest) {
			// What both machines say here, without asking them.
			cluster, rest, lineRest = rest[:hanziLen], rest[hanziLen:], lineRest[hanziLen:]
			lineEnd, must = lineEnd+hanziLen, false
		} else {
			cluster, rest, _, clusterState = uniseg.FirstGraphemeClusterInString(rest, clusterState)
		}
		pos += len(cluster)
		for lineEnd < pos {
			line, lineRest, must, lineState = uniseg.FirstLineSegmentInString(lineRest, lineState)
			lineEnd += len(line)
		}
		if lineEnd > pos || len(rest) > 0 && !must && (pos < number || !mayStart(rest)) {
			continue
		}
		segs = append(segs, Segment{Start: start, End: pos, Space: spaceLen(text[start:pos]), Hard: must && len(rest) > 0})
		start = pos
	}
	return segs
}

// hanziRun holds the states uniseg's grapheme and line machines are in
// inside a run of hanzi (CJK Unified Ideographs, U+4E00 to U+9FFF), and
// which they stay in from one hanzi to the next: a hanzi followed by a
// hanzi is a grapheme cluster of its own, and a line may break after it
// (UAX #14's ID ÷ ID). Segments reads most of a Chinese text from it.
// Both states are -2, which no machine is in, when uniseg says otherwise.
var hanziRun = func() (run struct{ cluster, line int }) {
	const probe = "中中中中"
	_, rest, _, c1 := uniseg.FirstGraphemeClusterInString(probe, -1)
	cluster, _, _, c2 := uniseg.FirstGraphemeClusterInString(rest, c1)
	seg, rest, must1, l1 := uniseg.FirstLineSegmentInString(probe, -1)
	seg2, _, must2, l2 := uniseg.FirstLineSegmentInString(rest, l1)
	if c1 != c2 || l1 != l2 || len(cluster) != hanziLen || len(seg) != hanziLen || len(seg2) != hanziLen || must1 || must2 {
		return struct{ cluster, line int }{-2, -2}
	}
	return struct{ cluster, line int }{c1, l1}
}()

// hanziLen is the UTF-8 length of a hanzi of hanziRun.
const hanziLen = 3

// twoHanzi reports whether s begins with two hanzi of hanziRun's range.
func twoHanzi(s string) bool {
	if len(s) < 2*hanziLen {
		return false
	}
	a, _ := utf8.DecodeRuneInString(s)
	b, _ := utf8.DecodeRuneInString(s[hanziLen:])
	return a >= 0x4E00 && a <= 0x9FFF && b >= 0x4E00 && b <= 0x9FFF
}

// spaceLen returns the byte length of the white space that s ends with.
func spaceLen(s string) int {
	n := len(s)
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if !unicode.IsSpace(r) {
			break
		}
		n -= size
	}
	return len(s) - n
}

// mayStart reports whether a line may begin with rest, where UAX #14
// allows a break before it: the Chinese tailoring.
func mayStart(rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return !noStartSet.has(next)
}

// noStartSet, signSet and separatorSet are noStart, signs and separators
// as runeSets.
var (
	noStartSet   = newRuneSet(noStart)
	signSet      = newRuneSet(signs)
	separatorSet = newRuneSet(separators)
)

// A runeSet is a set of runes, sorted: strings.ContainsRune makes a
// string of a rune outside ASCII to look for it, at every character.
type runeSet []rune

func newRuneSet(s string) runeSet {
	rs := []rune(s)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// has reports whether r is in the set.
func (s runeSet) has(r rune) bool {
	_, ok := slices.BinarySearch(s, r)
	return ok
}

// signs may begin a number; separators join two runs of digits into one
// number (3.14, ３，０００, １２：３０, 2017-2021).
const (
	signs      = "+-±−＋－"
	separators = ".,:．，：-－~～"
)

// numberLen returns the byte length of the number that text begins with,
// its units included (－３．５％, 2021年, 394亿元), or 0 if text does not
// begin with a digit or a sign and a digit. Half-width and full-width
// digits alike make a number.
func numberLen(text string) int {
	i := 0
	if r, n := utf8.DecodeRuneInString(text); signSet.has(r) {
		i = n
	}
	end := digitsEnd(text, i)
	if end == i {
		return 0
	}
	for {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !separatorSet.has(r) {
			break
		}
		next := digitsEnd(text, end+n)
		if next == end+n {
			break
		}
		end = next
	}
	for {
		n := unitLen(text[end:])
		if n == 0 {
			return end
		}
		end += n
	}
}

// digitsEnd returns the end of the run of digits that starts at text[i:].
func digitsEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) {
			break
		}
		i += n
	}
	return i
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// A Line is one line of a broken paragraph: text[Start:End] is drawn, and
// the white space after End up to the next line is not.
type Line struct {
	Start, End int
	Width      float64 // the measured width of text[Start:End]
	// Hard reports that the line ends at a newline in the text; it is false
	// on the last line.
	Hard bool
}

// orphan reports whether a last line holds a single character, punctuation
// that does not open aside ("费。", "3%"): Chinese typesetting avoids such a line.
func orphan(line string) bool {
	n := 0
	for _, r := range line {
		if !unicode.In(r, unicode.Pe, unicode.Pf, unicode.Po) && !strings.ContainsRune(noStart, r) {
			n++
		}
	}
	return n < 2
}

// Break breaks text into lines no wider than width, filling each line as
// far as it goes, except that a last line of a single character takes the
// last piece of the line before it. measure returns the width of
// text[start:end]; it must be additive (no kerning across a break). A
// segment wider than width stands alone on its line, which is then wider
// than width: the caller decides what to do with it.
func Break(text string, width float64, measure func(start, end int) float64) []Line {
	return BreakSegments(text, Segments(text), width, measure)
}

// BreakSegments is Break with the text's Segments found beforehand, for a
// caller that breaks one text at several widths or sizes.
func BreakSegments(text string, segs []Segment, width float64, measure func(start, end int) float64) []Line {
	return BreakSegmentsInto(nil, text, segs, width, measure)
}

// BreakSegmentsInto is BreakSegments that puts the lines in buf's array
// when it has room, for a caller that breaks one text after another and
// is done with the lines of one before it breaks the next.
func BreakSegmentsInto(buf []Line, text string, segs []Segment, width float64, measure func(start, end int) float64) []Line {
	return BreakSqueezedInto(buf, text, segs, width, measure, nil)
}

// A Squeeze lets a line take the next piece past its width, set narrower
// (Chinese closing marks giving up their blank halves), where the line
// without it would be set loose: its characters spread apart to justify
// it. CLREQ and Typst compress punctuation before they stretch a line.
type Squeeze struct {
	// Least measures text[start:end] at the least width it can be set at.
	Least func(start, end int) float64
	// Loose reports whether text[start:end], justified in a line width
	// wide, is spread further than a squeezed line is worth.
	Loose func(start, end int, width float64) bool
}

// BreakSqueezedInto is BreakSegmentsInto where a line that would be set
// loose takes the next piece when, at its least width (sq.Least), the
// line still fits: one piece, for the line is then too wide to be loose.
// A nil sq squeezes no line. Line.Width is the measured width still,
// wider than width on a squeezed line: setting it narrower is the
// caller's.
func BreakSqueezedInto(buf []Line, text string, segs []Segment, width float64, measure func(start, end int) float64, sq *Squeeze) []Line {
	lines := fill(buf[:0], segs, width, measure, sq)
	n := len(lines)
	if n < 2 || lines[n-2].Hard || !orphan(text[lines[n-1].Start:lines[n-1].End]) {
		return lines
	}
	prev, last := &lines[n-2], &lines[n-1]
	// Move the last segment of the line before down, if that line has two
	// or more and the last line still fits.
	for i := len(segs) - 1; i > 0; i-- {
		if segs[i].Start >= last.Start {
			continue
		}
		if segs[i].Start <= prev.Start {
			break
		}
		moved := Line{Start: segs[i].Start, End: last.End, Hard: last.Hard}
		moved.Width = measure(moved.Start, moved.End)
		if moved.Width <= width+1e-9 {
			prev.End = segs[i-1].End - segs[i-1].Space
			prev.Width = measure(prev.Start, prev.End)
			*last = moved
		}
		break
	}
	return lines
}

// fill breaks segments into lines greedily, appending them to lines; a
// loose line takes one more segment where sq lets it.
func fill(lines []Line, segs []Segment, width float64, measure func(start, end int) float64, sq *Squeeze) []Line {
	var cur Line
	open := false
	used := 0.0 // width of the line so far, including its trailing space
	for _, s := range segs {
		body := measure(s.Start, s.End-s.Space)
		full := body
		if s.Space > 0 {
			full += measure(s.End-s.Space, s.End)
		}
		if open && used+body > width+1e-9 && !sq.takes(cur, s, width) {
			lines = append(lines, cur)
			open = false
		}
		if !open {
			cur = Line{Start: s.Start}
			used = 0
			open = true
		}
		cur.End = s.End - s.Space
		cur.Width = used + body
		used += full
		if s.Hard {
			cur.Hard = true
			lines = append(lines, cur)
			open = false
		}
	}
	if open {
		lines = append(lines, cur)
	}
	return lines
}

// takes reports whether line, which s does not fit at their measured
// widths, is loose and takes s at its least width.
func (sq *Squeeze) takes(line Line, s Segment, width float64) bool {
	return sq != nil && sq.Loose(line.Start, line.End, width) && sq.Least(line.Start, s.End-s.Space) <= width+1e-9
}

// IsWide reports whether r is set on the CJK grid: ideographs, kana,
// hangul (with the katakana middle dot and prolonged sound mark, which
// Unicode gives no script), CJK and fullwidth punctuation, and the quotes,
// ellipsis and em dash that Chinese fonts draw one em wide. Lines may be
// justified between wide characters, and a line break between two of them
// is not a space.
func IsWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '・' || r == 'ー'
}
