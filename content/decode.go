package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// A decoder reads one YAML file's node tree, collecting diagnostics.
type decoder struct {
	file  string // as shown in diagnostics
	diags *deck.Diagnostics
}

func (d *decoder) pos(n *yaml.Node) deck.Pos {
	return deck.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.pos(n), format, args...)
}

// maxFlowDepth bounds how deep [ ] and { } may nest: a deck needs a few
// levels, and a YAML parser given thousands takes seconds and gigabytes.
const maxFlowDepth = 64

// tooDeep reports whether the brackets of data nest deeper than
// maxFlowDepth, and the line where they do. Brackets inside quotes and
// comments do not count.
func tooDeep(data []byte) (int, bool) {
	depth, at := 0, 0
	eachBracket(data, func(c byte, line, _ int) bool {
		if c == ']' || c == '}' {
			depth = max(depth-1, 0)
			return true
		}
		if depth++; depth > maxFlowDepth {
			at = line
			return false
		}
		return true
	})
	return at, at > 0
}

// eachBracket calls visit with each [ ] { } of data outside quotes and
// comments, and its line and column (counting characters from 1), until
// visit returns false.
func eachBracket(data []byte, visit func(c byte, line, col int) bool) {
	line, col := 1, 0
	var quote byte
	comment := false
	for i, c := range data {
		if c&0xC0 != 0x80 { // not a continuation byte: a new character
			col++
		}
		switch {
		case c == '\n':
			line, col = line+1, 0
			comment = false
			if quote == '\'' {
				quote = 0 // an unclosed quote: the parser will say so
			}
		case comment:
		case quote != 0:
			if c == quote && (quote == '\'' || i == 0 || data[i-1] != '\\') {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			comment = true
		case c == '[' || c == '{' || c == ']' || c == '}':
			if !visit(c, line, col) {
				return
			}
		}
	}
}

// parse parses YAML bytes into the document's root node.
func (d *decoder) parse(data []byte) (*yaml.Node, bool) {
	if line, ok := tooDeep(data); ok {
		d.diags.Errorf(deck.Pos{File: d.file, Line: line}, "YAML syntax: brackets nested more than %d deep", maxFlowDepth)
		return nil, false
	}
	loader, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		d.diags.Errorf(deck.Pos{File: d.file}, "YAML syntax: %v", err)
		return nil, false
	}
	var doc yaml.Node
	switch err := loader.Load(&doc); {
	case errors.Is(err, io.EOF):
		d.diags.Errorf(deck.Pos{File: d.file}, "the file is empty")
		return nil, false
	case err != nil:
		pos, msg := syntaxError(data, err)
		pos.File = d.file
		d.diags.Errorf(pos, "YAML syntax: %s", msg)
		return nil, false
	}
	if len(doc.Content) == 0 {
		d.diags.Errorf(deck.Pos{File: d.file}, "the file is empty")
		return nil, false
	}
	var next yaml.Node
	if !errors.Is(loader.Load(&next), io.EOF) {
		d.diags.Errorf(deck.Pos{File: d.file, Line: secondDocument(data)}, "YAML syntax: a second document starts here (a line of --- or ...); a deck file is one document: remove the line, or join the documents")
		return nil, false
	}
	return resolve(doc.Content[0]), true
}

// secondDocument returns the line of the marker (--- or ...) that ends
// the first of the documents in data, or 0 if it finds none.
func secondDocument(data []byte) int {
	content := false
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, " \r\t")
		if (l == "---" || l == "..." || strings.HasPrefix(l, "--- ")) && content {
			return i + 1
		}
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") && t != "---" {
			content = true
		}
	}
	return 0
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// fields checks that n is a mapping whose keys are all in known, and
// returns the value nodes by key. Unknown keys are reported with the
// nearest known key.
func (d *decoder) fields(n *yaml.Node, what string, known ...string) (map[string]*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of %s, not %s", what, strings.Join(known, ", "), kindName(n))
		return nil, false
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		switch {
		case !slices.Contains(known, k.Value):
			d.errorf(k, "unknown key %q in %s%s", k.Value, what, suggest(k.Value, known))
		case out[k.Value] != nil:
			d.errorf(k, "key %q is given twice in %s", k.Value, what)
		default:
			out[k.Value] = v
		}
	}
	return out, true
}

// require reports the keys that are missing from fields.
func (d *decoder) require(n *yaml.Node, fields map[string]*yaml.Node, what string, keys ...string) bool {
	ok := true
	for _, k := range keys {
		if fields[k] == nil {
			d.errorf(n, "%s needs %q", what, k)
			ok = false
		}
	}
	return ok
}

// str reads a scalar as a string.
func (d *decoder) str(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		d.errorf(n, "%s must be text, not %s", what, kindName(n))
		return ""
	}
	return n.Value
}

// strs reads a list of scalars, or a single scalar as a list of one.
func (d *decoder) strs(n *yaml.Node, what string) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{d.str(n, what)}
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be text or a list of texts, not %s", what, kindName(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, d.str(resolve(c), what))
	}
	return out
}

// num reads a finite number within [lo, hi].
func (d *decoder) num(n *yaml.Node, what string, lo, hi float64) float64 {
	if n == nil {
		return 0
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a number, not %s", what, kindName(n))
		return 0
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(n.Value, "xXpP_") {
		d.errorf(n, "%s must be a number, not %q", what, n.Value)
		return 0
	}
	if v < lo || v > hi {
		d.errorf(n, "%s must be between %g and %g, not %g", what, lo, hi, v)
		return 0
	}
	return v
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, what string) bool {
	if n == nil {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", what, kindName(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

// color reads "#RRGGBB".
func (d *decoder) color(n *yaml.Node, what string) deck.Color {
	s := d.str(n, what)
	if n == nil || s == "" {
		return deck.Color{}
	}
	c, err := deck.ParseColor(s)
	if err != nil {
		d.errorf(n, "%s: %v", what, err)
	}
	return c
}

// text reads styled text: **bold** marks bold spans, and line breaks are
// joined (see joinLines).
func (d *decoder) text(n *yaml.Node, what string) deck.Text {
	if n == nil {
		return deck.Text{}
	}
	return parseText(d.pos(n), joinLines(strings.TrimSpace(d.textValue(n, what))))
}

// textValue reads a text scalar, warning of what YAML silently drops or
// keeps: a " #" that starts a comment, a ** that is never closed.
func (d *decoder) textValue(n *yaml.Node, what string) string {
	v := d.str(n, what)
	if r := utf8.RuneCountInString(v); r > MaxTextRunes {
		d.errorf(n, "%s is %d characters long; a text holds at most %d (split it over slides)", what, r, MaxTextRunes)
		return string([]rune(v)[:MaxTextRunes])
	}
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.LineComment != "" && n.Line > 0 {
		d.diags.Warnf(d.pos(n), "%s ends before %q: YAML reads \" #\" as the start of a comment; put the text in quotes to keep it", what, n.LineComment)
	}
	if strings.Count(v, "**")%2 == 1 {
		d.diags.Warnf(d.pos(n), "%s has a ** that is not closed: the text after it is set in bold", what)
	}
	return v
}

// paragraphs reads text that may hold several paragraphs separated by blank
// lines.
func (d *decoder) paragraphs(n *yaml.Node, what string) []deck.Text {
	if n == nil {
		return nil
	}
	var out []deck.Text
	raw := strings.ReplaceAll(d.textValue(n, what), "\r\n", "\n")
	for _, p := range blankLines.Split(strings.TrimSpace(raw), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, parseText(d.pos(n), joinLines(p)))
		}
	}
	return out
}

// suggest returns ` (did you mean "x"?)` for the known word nearest to s,
// when it is near: at most half its length away (one edit for short words).
func suggest(s string, known []string) string {
	best, bestD := "", 0
	for _, k := range known {
		d := distance(s, k)
		if d <= max(1, utf8.RuneCountInString(k)/2) && (best == "" || d < bestD) {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
