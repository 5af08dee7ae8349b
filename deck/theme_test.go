package deck

import (
	"fmt"
	"testing"
)

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

// A colour is written as "#RRGGBB" in capitals, and "none" when it is
// transparent; ParseColor reads it back.
func TestColorString(t *testing.T) {
	for _, c := range []Color{{R: 0x0A, G: 0xB1, B: 0xFF, A: 255}, {A: 255}, {R: 255, G: 255, B: 255, A: 255}, {R: 0x12, G: 0x34, B: 0x56, A: 255}} {
		s := c.String()
		want := fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
		if s != want {
			t.Errorf("%v is written %q, want %q", c, s, want)
		}
		if back, err := ParseColor(s); err != nil || back != c {
			t.Errorf("%q reads back as %v, %v", s, back, err)
		}
	}
	if s := (Color{R: 1}).String(); s != "none" {
		t.Errorf("a transparent colour is written %q", s)
	}
}
