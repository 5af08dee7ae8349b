package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// A Pick says which face of a font collection (.ttc, .otc) to take: the
// one whose name is Name, when Name is set, or else the one at Index,
// counted from 0. The zero Pick takes the first face. For a file of one
// font, Index must be 0 and Name, when set, the font's.
type Pick struct {
	Index int
	// Name matches a face's full name or PostScript name ("Microsoft
	// YaHei Bold", "MicrosoftYaHei-Bold"), or else its family name
	// ("Microsoft YaHei") when one face alone has it, ignoring case.
	Name string
}

// String returns the pick as messages name it: "face 1" or "face \"X\"".
func (p Pick) String() string {
	if p.Name != "" {
		return fmt.Sprintf("face %q", p.Name)
	}
	return fmt.Sprintf("face %d", p.Index)
}

// ParsePick parses the face p of the font file data, a collection or a
// single font. A face with TrueType outlines is taken out of a collection
// as a font file of its own (Data returns it); a face with CFF outlines is
// refused, as Parse refuses a CFF font.
func ParsePick(name string, data []byte, p Pick) (*Face, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		f, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		if p.Index != 0 || (p.Name != "" && !matches(f.font, p.Name, true) && !matches(f.font, p.Name, false)) {
			return nil, fmt.Errorf("fonts: %s: the file is a single font, %s, not a collection with %s", name, f.PostScriptName(), p)
		}
		return f, nil
	}
	offsets, err := collectionOffsets(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	i, err := pickFace(data, offsets, p)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	one, err := extractFace(data, offsets[i])
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: face %d of the collection: %w", name, i, err)
	}
	return Parse(fmt.Sprintf("%s (face %d)", name, i), one)
}

// collectionOffsets returns where each face's table directory starts.
func collectionOffsets(data []byte) ([]uint32, error) {
	n := int(binary.BigEndian.Uint32(data[8:]))
	if n == 0 || 12+4*n > len(data) {
		return nil, errors.New("the collection's header is damaged")
	}
	offs := make([]uint32, n)
	for i := range offs {
		offs[i] = binary.BigEndian.Uint32(data[12+4*i:])
		if int(offs[i])+12 > len(data) {
			return nil, fmt.Errorf("face %d of the collection lies past the end of the file", i)
		}
	}
	return offs, nil
}

// pickFace returns the index of the face p names.
func pickFace(data []byte, offsets []uint32, p Pick) (int, error) {
	if p.Name == "" {
		if p.Index < 0 || p.Index >= len(offsets) {
			return 0, fmt.Errorf("the collection has %d faces (index 0 to %d), not index %d", len(offsets), len(offsets)-1, p.Index)
		}
		return p.Index, nil
	}
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return 0, err
	}
	fonts := make([]*sfnt.Font, len(offsets))
	var all []string
	for i := range offsets {
		f, err := c.Font(i)
		if err != nil {
			return 0, fmt.Errorf("face %d of the collection: %w", i, err)
		}
		fonts[i] = f
		all = append(all, fmt.Sprintf("%d %q", i, fullName(f)))
	}
	for _, exact := range []bool{true, false} {
		var found []int
		for i, f := range fonts {
			if matches(f, p.Name, exact) {
				found = append(found, i)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return 0, fmt.Errorf("%d faces of the collection are of the family %q: give the full name or the index (faces: %s)", len(found), p.Name, strings.Join(all, ", "))
		}
	}
	return 0, fmt.Errorf("the collection has no face named %q (faces: %s)", p.Name, strings.Join(all, ", "))
}

// matches reports whether the font's full or PostScript name (exact) or
// its family name (not exact) is name, ignoring case.
func matches(f *sfnt.Font, name string, exact bool) bool {
	ids := []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDTypographicFamily}
	if exact {
		ids = []sfnt.NameID{sfnt.NameIDFull, sfnt.NameIDPostScript}
	}
	var buf sfnt.Buffer
	for _, id := range ids {
		if n, err := f.Name(&buf, id); err == nil && strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// fullName returns the font's full name, or its PostScript name.
func fullName(f *sfnt.Font) string {
	var buf sfnt.Buffer
	for _, id := range []sfnt.NameID{sfnt.NameIDFull, sfnt.NameIDPostScript} {
		if n, err := f.Name(&buf, id); err == nil && n != "" {
			return n
		}
	}
	return "?"
}

// extractFace copies the tables of the face whose table directory is at
// off into a font file of its own. A face with CFF outlines is refused.
func extractFace(data []byte, off uint32) ([]byte, error) {
	dir := data[off:]
	if string(dir[:4]) == "OTTO" {
		return nil, errors.New(errCFF)
	}
	n := int(binary.BigEndian.Uint16(dir[4:]))
	if 12+16*n > len(dir) {
		return nil, errors.New("its table directory is cut short")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := dir[12+16*i:]
		at, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if at+length > len(data) || at+length < at {
			return nil, fmt.Errorf("its %q table lies past the end of the file", rec[:4])
		}
		tables[string(rec[:4])] = data[at : at+length]
	}
	if _, ok := tables["glyf"]; !ok {
		if _, cff := tables["CFF "]; cff {
			return nil, errors.New(errCFF)
		}
	}
	return assemble(tables), nil
}

// errCFF says why a CFF font is refused.
const errCFF = "the font has CFF (PostScript) outlines; deck embeds TrueType outlines (a glyf table) only, as both PDF engines do: take a TrueType face or .ttf"
