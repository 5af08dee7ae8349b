package deck

import "testing"

// TestStringPosNamesTheKeyElseTheFontElseTheTheme: a theme string's
// problems are told at its key; a default string's at the regular font,
// which is what cannot draw it; else at the theme file.
func TestStringPosNamesTheKeyElseTheFontElseTheTheme(t *testing.T) {
	key := Pos{File: "theme.yaml", Line: 5, Col: 14}
	font := Pos{File: "theme.yaml", Line: 9, Col: 12}
	file := Pos{File: "theme.yaml", Line: 2, Col: 1}
	for _, tt := range []struct {
		name     string
		theme    Theme
		at, want Pos
	}{
		{"a string the theme sets is at its key", Theme{Pos: file, Fonts: FontFiles{Regular: File{Pos: font}}}, key, key},
		{"a default string is at the regular font", Theme{Pos: file, Fonts: FontFiles{Regular: File{Pos: font}}}, Pos{}, font},
		{"a default string in the default fonts is at the theme", Theme{Pos: file}, Pos{}, file},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.theme.StringPos(tt.at); got != tt.want {
				t.Errorf("StringPos(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}
