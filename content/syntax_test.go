package content

import "testing"

// TestSyntaxErrors checks the whole message of each kind of YAML syntax
// error, position included: the parser's mark, or where an unclosed quote
// or bracket opens.
func TestSyntaxErrors(t *testing.T) {
	const head = "title: t\nslides:\n  - title: x\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"a second colon on a line is named at that colon", "a: 文字文字: c\n",
			"deck.yaml:1:8: error: YAML syntax: mapping value is not allowed in this context (check this line's indentation against the lines above it)\n"},
		{"a key indented less than its siblings is named where it starts", "title: x\nslides:\n  - id: a\n    title: b\n   blocks: []\n",
			"deck.yaml:5:4: error: YAML syntax: value is not allowed in this context (check this line's indentation against the lines above it)\n"},
		{"a key indented more than its siblings is named at its colon", head + "     subtitle: y\n",
			"deck.yaml:4:14: error: YAML syntax: mapping value is not allowed in this context (check this line's indentation against the lines above it)\n"},
		{"an unclosed list is named at its bracket", "title: t\nslides: [a, b\n",
			"deck.yaml:2:9: error: YAML syntax: sequence end token ']' not found\n"},
		{"brackets in quotes and comments do not hide the unclosed one", "title: t # {\nslides: [\"[\", '{', b\n",
			"deck.yaml:2:9: error: YAML syntax: sequence end token ']' not found\n"},
		{"an unclosed mapping is named at its brace, past the closed lists inside it", head + "    blocks:\n      - table: {rows: [[a, b], [c, d]]\n      - paragraph: x\n",
			"deck.yaml:5:16: error: YAML syntax: could not find flow mapping end token '}'\n"},
		{"an unclosed single quote is named where it opens", "title: 't\nslides:\n  - title: x\n",
			"deck.yaml:1:8: error: YAML syntax: could not find end character of single-quoted text\n"},
		{"an unclosed double quote after Chinese text is named where it opens", head + "    blocks:\n      - paragraph: \"未完\n",
			"deck.yaml:5:20: error: YAML syntax: could not find end character of double-quoted text\n"},
		{"a tab inside a mapping", head + "\tsubtitle: y\n",
			"deck.yaml:4:1: error: YAML syntax: a tab where YAML wants spaces: indent with spaces, not tabs\n"},
		{"an unknown escape names its character", head + "    note: \"a \\q b\"\n",
			"deck.yaml:4:14: error: YAML syntax: found unknown escape character 'q'\n"},
		{"a value that starts with @", head + "    note: @a\n",
			"deck.yaml:4:11: error: YAML syntax: '@' is a reserved character\n"},
		{"a value that starts with %", head + "    note: %a\n",
			"deck.yaml:4:11: error: YAML syntax: '%' cannot start a value here: put the text in quotes\n"},
		{"a value in stars that YAML cannot read as an alias", head + "    subtitle: *重点*\n",
			"deck.yaml:4:15: error: YAML syntax: did not find expected alphabetic or numeric character (a value that starts with * or **bold** must be quoted: \"**…**\")\n"},
		{"an alias to no anchor", "title: t\nslides: [{title: *x}]\n",
			"deck.yaml:2:18: error: YAML syntax: unknown anchor 'x' referenced (a value that starts with * or **bold** must be quoted: \"**…**\")\n"},
		{"text after a quoted value", "\"a\" \"b\"\n",
			"deck.yaml:1:5: error: YAML syntax: text after the end of the document's value: put the whole value in quotes, or start the mapping on a line of its own\n"},
		{"a control character is named where it is", head + "    subtitle: 文字\x01\n",
			"deck.yaml:4:17: error: YAML syntax: control characters are not allowed\n"},
		{"a file of only a comment is empty", "# 注释\n", "deck.yaml: error: the file is empty\n"},
		{"a second document after a ... line", head + "...\ngarbage: [\n",
			"deck.yaml:4: error: YAML syntax: a second document starts here (a line of --- or ...); a deck file is one document: remove the line, or join the documents\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(files("deck.yaml", tt.yaml), "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
