package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// indentHint follows a syntax error that a line indented too far or not
// far enough causes.
const indentHint = " (check this line's indentation against the lines above it)"

// starHint follows a syntax error that an unquoted *text* or **text** causes:
// YAML reads a value that starts with * as an alias.
const starHint = ` (a value that starts with * or **bold** must be quoted: "**…**")`

// syntaxError turns the YAML parser's error into a place and a plain
// sentence. The parser marks where it stopped (LoadError.Mark) and, for
// some errors, where the construct it was reading began (ContextMark): an
// unclosed quote or bracket is shown where it opens.
func syntaxError(data []byte, err error) (deck.Pos, string) {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return deck.Pos{}, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	at := markPos(le.Mark)
	msg := le.Message
	switch {
	case strings.HasPrefix(msg, "control characters are not allowed"):
		return controlChar(data), "control characters are not allowed"
	case strings.Contains(msg, "exceeded max depth"):
		return at, "the content is nested more than 10000 deep"
	case strings.Contains(msg, "tab character") || charAt(data, le.Mark) == '\t':
		return at, "a tab where YAML wants spaces: indent with spaces, not tabs"
	case msg == "found character that cannot start any token" && strings.ContainsRune("@`", charAt(data, le.Mark)):
		return at, fmt.Sprintf("'%c' is a reserved character", charAt(data, le.Mark))
	case msg == "found character that cannot start any token" && charAt(data, le.Mark) != 0:
		return at, fmt.Sprintf("'%c' cannot start a value here: put the text in quotes", charAt(data, le.Mark))
	case msg == "did not find expected <document start>":
		return at, "text after the end of the document's value: put the whole value in quotes, or start the mapping on a line of its own"
	case le.ContextMsg == "while scanning a quoted scalar" && strings.Contains(msg, "end of stream"):
		if charAt(data, le.ContextMark) == '\'' {
			return markPos(le.ContextMark), "could not find end character of single-quoted text"
		}
		return markPos(le.ContextMark), "could not find end character of double-quoted text"
	case msg == "found unknown escape character":
		return at, fmt.Sprintf("found unknown escape character '%c'", charAt(data, yaml.Mark{Line: le.Mark.Line, Column: le.Mark.Column + 1}))
	case strings.HasPrefix(le.ContextMsg, "while parsing a flow"):
		if open, ok := unclosed(data, le.Mark); ok {
			if charAt(data, open) == '[' {
				return markPos(open), "sequence end token ']' not found"
			}
			return markPos(open), "could not find flow mapping end token '}'"
		}
	case le.ContextMsg == "while scanning an alias" || le.ContextMsg == "while scanning an anchor":
		return markPos(le.ContextMark), msg + starHint
	case strings.HasPrefix(msg, "unknown anchor"):
		return at, msg + starHint
	case msg == "mapping values are not allowed in this context":
		return at, "mapping value is not allowed in this context" + indentHint
	case msg == "did not find expected key" || msg == "did not find expected '-' indicator":
		return at, "value is not allowed in this context" + indentHint
	case msg == "could not find expected ':'":
		return at, msg + indentHint
	}
	return at, msg
}

// controlChar returns the place of the first control character in data
// (the parser's reader names none).
func controlChar(data []byte) deck.Pos {
	line, col := 1, 0
	for _, r := range string(data) {
		col++
		switch {
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r':
			return deck.Pos{Line: line, Col: col}
		}
	}
	return deck.Pos{}
}

// markPos is the place a parser's mark names; zero fields are unknown.
func markPos(m yaml.Mark) deck.Pos {
	return deck.Pos{Line: m.Line, Col: m.Column}
}

// offset returns the byte offset in data of the character a mark names
// (line and column count characters from 1), or -1 if there is none.
func offset(data []byte, m yaml.Mark) int {
	if m.Line < 1 || m.Column < 1 {
		return -1
	}
	i := 0
	for line := 1; line < m.Line; line++ {
		nl := bytes.IndexByte(data[i:], '\n')
		if nl < 0 {
			return -1
		}
		i += nl + 1
	}
	for col := 1; col < m.Column; col++ {
		if i >= len(data) || data[i] == '\n' {
			return -1
		}
		_, w := utf8.DecodeRune(data[i:])
		i += w
	}
	if i >= len(data) {
		return -1
	}
	return i
}

// charAt returns the character at a mark, or 0 if there is none.
func charAt(data []byte, m yaml.Mark) rune {
	i := offset(data, m)
	if i < 0 {
		return 0
	}
	r, _ := utf8.DecodeRune(data[i:])
	return r
}

// unclosed returns the mark of the innermost [ or { that is still open
// where the parser stopped. Brackets inside quotes and comments do not
// count.
func unclosed(data []byte, stop yaml.Mark) (yaml.Mark, bool) {
	if end := offset(data, stop); end >= 0 {
		data = data[:end]
	}
	var open []yaml.Mark
	eachBracket(data, func(c byte, line, col int) bool {
		if c == '[' || c == '{' {
			open = append(open, yaml.Mark{Line: line, Column: col})
		} else if len(open) > 0 {
			open = open[:len(open)-1]
		}
		return true
	})
	if len(open) == 0 {
		return yaml.Mark{}, false
	}
	return open[len(open)-1], true
}
