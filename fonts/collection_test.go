package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func readTestdata(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParsePickTakesTheNamedFaceOutOfACollection(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		pick     Pick
		wantPS   string
		wantName string
	}{
		{"the zero pick takes the first face", "collection.ttc", Pick{}, "DeckTest-Regular", "collection.ttc (face 0)"},
		{"an index takes that face", "collection.ttc", Pick{Index: 1}, "DeckTest-Bold", "collection.ttc (face 1)"},
		{"a PostScript name takes its face", "collection.ttc", Pick{Name: "DeckTest-Bold"}, "DeckTest-Bold", "collection.ttc (face 1)"},
		{"a full name takes its face, whatever the case", "collection.ttc", Pick{Name: "decktest bold"}, "DeckTest-Bold", "collection.ttc (face 1)"},
		{"a family name one face alone has takes it", "mixed.otc", Pick{Name: "DeckTest"}, "DeckTest-Regular", "mixed.otc (face 1)"},
		{"the TrueType face of a collection with a CFF face is taken", "mixed.otc", Pick{Index: 1}, "DeckTest-Regular", "mixed.otc (face 1)"},
		{"a single font is taken by the zero pick", "composite.ttf", Pick{}, "DeckTest-Regular", "composite.ttf"},
		{"a single font is taken by its own name", "composite.ttf", Pick{Name: "DeckTest-Regular"}, "DeckTest-Regular", "composite.ttf"},
	}
	whole := testFace(t, "composite.ttf")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParsePick(tt.file, readTestdata(t, tt.file), tt.pick)
			if err != nil {
				t.Fatal(err)
			}
			if f.PostScriptName() != tt.wantPS || f.Name() != tt.wantName {
				t.Errorf("took %s named %q, want %s named %q", f.PostScriptName(), f.Name(), tt.wantPS, tt.wantName)
			}
			// The faces of the fixtures measure as composite.ttf does.
			for _, r := range "A中" {
				if f.Advance(r) != whole.Advance(r) {
					t.Errorf("advance of %q = %v, want %v", r, f.Advance(r), whole.Advance(r))
				}
			}
			// The face taken out is a font file of its own, which
			// Parse and Subset take.
			if _, err := Parse("again", f.Data()); err != nil {
				t.Errorf("the face taken out does not parse alone: %v", err)
			}
			if _, err := Subset(f, []rune("A")); err != nil {
				t.Errorf("the face taken out does not subset: %v", err)
			}
		})
	}
}

func TestParsePickRefusesWhatItCannotTake(t *testing.T) {
	tests := []struct {
		name string
		file string
		pick Pick
		want string
	}{
		{"a CFF face is refused, saying why", "mixed.otc", Pick{Index: 0},
			"fonts: mixed.otc: face 0 of the collection: the font has CFF (PostScript) outlines; deck embeds TrueType outlines (a glyf table) only, as both PDF engines do: take a TrueType face or .ttf"},
		{"a CFF face named is refused too", "mixed.otc", Pick{Name: "DeckTestCFF-Regular"},
			"fonts: mixed.otc: face 0 of the collection: the font has CFF (PostScript) outlines; deck embeds TrueType outlines (a glyf table) only, as both PDF engines do: take a TrueType face or .ttf"},
		{"an index past the faces is refused", "collection.ttc", Pick{Index: 2},
			"fonts: collection.ttc: the collection has 2 faces (index 0 to 1), not index 2"},
		{"a negative index is refused", "collection.ttc", Pick{Index: -1},
			"fonts: collection.ttc: the collection has 2 faces (index 0 to 1), not index -1"},
		{"a name no face has is refused, listing the faces", "collection.ttc", Pick{Name: "Microsoft YaHei"},
			`fonts: collection.ttc: the collection has no face named "Microsoft YaHei" (faces: 0 "DeckTest Regular", 1 "DeckTest Bold")`},
		{"a family of several faces is refused", "collection.ttc", Pick{Name: "DeckTest"},
			`fonts: collection.ttc: 2 faces of the collection are of the family "DeckTest": give the full name or the index (faces: 0 "DeckTest Regular", 1 "DeckTest Bold")`},
		{"an index into a single font is refused", "composite.ttf", Pick{Index: 1},
			"fonts: composite.ttf: the file is a single font, DeckTest-Regular, not a collection with face 1"},
		{"another name for a single font is refused", "composite.ttf", Pick{Name: "Arial"},
			`fonts: composite.ttf: the file is a single font, DeckTest-Regular, not a collection with face "Arial"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePick(tt.file, readTestdata(t, tt.file), tt.pick)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParsePickRefusesADamagedCollection(t *testing.T) {
	// Face 0's first table, OS/2, made longer than the file.
	long := readTestdata(t, "collection.ttc")
	binary.BigEndian.PutUint32(long[0x14+12+12:], 0x7fff0000)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"no faces", append([]byte("ttcf\x00\x01\x00\x00"), make([]byte, 8)...), "fonts: x.ttc: the collection's header is damaged"},
		{"a face past the end", append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x7f\x00\x00\x00"), make([]byte, 8)...), "fonts: x.ttc: face 0 of the collection lies past the end of the file"},
		{"a table past the end", long, `fonts: x.ttc: face 0 of the collection: its "OS/2" table lies past the end of the file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePick("x.ttc", tt.data, Pick{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}
