package fonts

import (
	_ "embed"
	"fmt"
	"sync"
)

//go:embed NotoSansSC-Regular.ttf
var notoRegular []byte

//go:embed NotoSansSC-Bold.ttf
var notoBold []byte

// A Set is the pair of faces a deck is set in.
type Set struct {
	Regular *Face
	Bold    *Face
	memo    sync.Map // key -> func() any, made by sync.OnceValue; see SetMemo
}

// SetMemo is Memo for what is derived from the pair of faces of s rather
// than from one face (text set in both, for one): the value lives on the
// set and is freed with it. A value kept on one face of the pair would
// keep the other face alive as long as the first, whichever set it was
// paired in after.
func SetMemo[T any](s *Set, key any, compute func() T) T {
	return memo(&s.memo, key, compute)
}

// Face returns the bold face when bold is true, the regular one otherwise.
func (s *Set) Face(bold bool) *Face {
	if bold {
		return s.Bold
	}
	return s.Regular
}

// Has reports whether both faces can draw r.
func (s *Set) Has(r rune) bool { return s.Regular.Has(r) && s.Bold.Has(r) }

// Default returns the bundled Noto Sans SC subset. The files are parsed once
// per process, on first use.
func Default() (*Set, error) { return defaultSet() }

var defaultSet = sync.OnceValues(func() (*Set, error) {
	return Load("NotoSansSC-Regular", notoRegular, "NotoSansSC-Bold", notoBold)
})

// Load parses a regular and a bold TrueType font into a Set.
func Load(regularName string, regular []byte, boldName string, bold []byte) (*Set, error) {
	r, err := Parse(regularName, regular)
	if err != nil {
		return nil, err
	}
	b, err := Parse(boldName, bold)
	if err != nil {
		return nil, err
	}
	return NewSet(r, b)
}

// NewSet pairs two parsed faces, or one face for both weights. Two faces
// must have different names, since the PDF tells fonts apart by name.
func NewSet(regular, bold *Face) (*Set, error) {
	if regular != bold && regular.Name() == bold.Name() {
		return nil, fmt.Errorf("fonts: regular and bold are both %q, parsed twice: give one face for both", regular.Name())
	}
	return &Set{Regular: regular, Bold: bold}, nil
}
