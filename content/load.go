package content

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/picture"
	"go.yaml.in/yaml/v4"
)

//go:embed report
var report embed.FS

//go:embed blank
var blank embed.FS

// DeckFile is the name of a deck's main file inside its folder.
const DeckFile = "deck.yaml"

// Default returns the files of the default report, the deck that
// `deck render` draws when no content is named.
func Default() fs.FS { return embedded(report, "report") }

// Blank returns the files of a small neutral deck to start from: a cover,
// two content slides and a closing slide, in a theme with no brand.
func Blank() fs.FS { return embedded(blank, "blank") }

// embedded returns the folder dir of an embedded tree.
func embedded(tree embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(tree, dir)
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

// Load reads the deck file name in fsys, the theme it names, and the files
// those refer to; their paths are relative to the deck file's folder, the
// root of fsys. display is the folder shown before file names in
// diagnostics ("" for none). The deck is nil only when the deck file cannot
// be parsed at all; otherwise Load returns what it could read, with every
// problem it found.
func Load(fsys fs.FS, name, display string) (*deck.Deck, deck.Diagnostics) {
	l := &loader{fsys: fsys, display: display, name: name}
	d := l.deck()
	l.closeBooks()
	l.diags = l.diags.Sorted()
	return d, l.diags
}

type loader struct {
	fsys    fs.FS
	display string
	name    string // the deck file
	blocks  int    // blocks read so far, aliases repeated included
	diags   deck.Diagnostics
	books   map[string]openBook // the workbooks opened, by clean name
	// pictures are the picture files read, by clean name: each is read
	// and checked once, however many blocks show it.
	pictures map[string]*pictureRead
	checks   int      // picture files checked (picture.Normalize), for tests
	targets  []target // the slides that links name (#slide-id)
}

// shown returns the name of a file as diagnostics show it.
func (l *loader) shown(name string) string {
	if l.display == "" {
		return name
	}
	return path.Join(l.display, name)
}

// read reads a file that the content at pos refers to. The name must stay
// inside the deck's folder. A picture (an image, or a logo that is a PNG)
// is read and checked once, and what that found is reported at every
// place that names it.
func (l *loader) read(pos deck.Pos, name, what string) ([]byte, bool) {
	clean := path.Clean(name)
	if !fs.ValidPath(clean) || strings.HasPrefix(name, "/") {
		l.diags.Errorf(pos, "%s %q must be a path inside the deck's folder", what, name)
		return nil, false
	}
	if what == "image" || what == "logo" {
		return l.pictureAt(pos, name, clean, what)
	}
	binary := what == "font file" || what == "workbook"
	limit := int64(MaxFileBytes)
	if binary {
		limit = MaxBinaryBytes
	}
	data, reason := l.readFile(clean, limit)
	if reason != "" {
		l.diags.Errorf(pos, "%s %q %s", what, l.shown(clean), reason)
		return nil, false
	}
	if !binary && l.notUTF8(l.shown(clean), data) {
		return nil, false
	}
	return data, true
}

// readFile reads the file clean, at most limit bytes, or says why it
// cannot: the end of a sentence whose subject is the file.
func (l *loader) readFile(clean string, limit int64) ([]byte, string) {
	data, err := readLimited(l.fsys, clean, limit)
	if err == nil {
		return data, ""
	}
	var big errTooLarge
	switch {
	case errors.As(err, &big), err.Error() == "is a folder", errors.Is(err, errNotRegular):
		return nil, err.Error()
	case errors.Is(err, fs.ErrNotExist):
		reason := "does not exist"
		if entries, err := fs.ReadDir(l.fsys, path.Dir(clean)); err == nil {
			var names []string
			for _, e := range entries {
				names = append(names, path.Join(path.Dir(clean), e.Name()))
			}
			reason += suggest(clean, names)
		}
		return nil, reason
	case strings.Contains(err.Error(), "escapes"):
		return nil, "leaves the deck's folder through a symbolic link"
	}
	return nil, "cannot be read"
}

// pngSignature starts every PNG file. A logo that is not a PNG is refused
// by the theme, with its own message.
const pngSignature = "\x89PNG\r\n\x1a\n"

// A pictureRead is one picture file as the loader found it, shared by
// every block that shows it: the file's bytes or why it cannot be read,
// and, once a block needs it, the picture both engines draw or why the
// file is not one.
type pictureRead struct {
	data       []byte // the file as read
	readErr    string // why it cannot be read, or ""
	checked    bool   // Normalize has run: picture or badPicture is set
	picture    []byte // the file as both PDF engines draw it
	badPicture string // why it is not a picture deck takes, or ""
}

// pictureAt returns the picture file clean that the content at pos names
// (as name) as its what, an image or a logo, reading and checking the file
// only the first time it is named. A logo that is not a PNG is returned as
// read: the theme refuses it with its own message.
func (l *loader) pictureAt(pos deck.Pos, name, clean, what string) ([]byte, bool) {
	r := l.pictureFile(clean)
	if r.readErr != "" {
		l.diags.Errorf(pos, "%s %q %s", what, l.shown(clean), r.readErr)
		return nil, false
	}
	if what == "logo" && !bytes.HasPrefix(r.data, []byte(pngSignature)) {
		return r.data, true
	}
	if !r.checked {
		r.picture, r.badPicture = l.check(r.data)
		r.checked = true
	}
	if r.badPicture != "" {
		l.diags.Errorf(pos, "%s %q %s", what, name, r.badPicture)
		return nil, false
	}
	return r.picture, true
}

// pictureFile returns the picture file clean, read the first time it is
// asked for.
func (l *loader) pictureFile(clean string) *pictureRead {
	if r, ok := l.pictures[clean]; ok {
		return r
	}
	r := &pictureRead{}
	r.data, r.readErr = l.readFile(clean, MaxBinaryBytes)
	if l.pictures == nil {
		l.pictures = map[string]*pictureRead{}
	}
	l.pictures[clean] = r
	return r
}

// check returns a picture file as both PDF engines draw it as it looks
// (see package picture), or says why it cannot be used.
func (l *loader) check(data []byte) ([]byte, string) {
	l.checks++
	p, err := picture.Normalize(data)
	if err != nil {
		var pe *picture.Error
		if errors.As(err, &pe) {
			return nil, pe.Reason
		}
		return nil, err.Error()
	}
	return p.Data, ""
}

func (l *loader) deck() *deck.Deck {
	data, err := readLimited(l.fsys, l.name, MaxFileBytes)
	if err != nil {
		reason := "cannot be read"
		var big errTooLarge
		switch {
		case errors.Is(err, fs.ErrNotExist):
			reason = "does not exist"
		case errors.As(err, &big), err.Error() == "is a folder", errors.Is(err, errNotRegular):
			reason = err.Error()
		}
		l.diags.Errorf(deck.Pos{File: l.shown(l.name)}, "the deck file %s", reason)
		return nil
	}
	if l.notUTF8(l.shown(l.name), data) {
		return nil
	}
	dec := &decoder{file: l.shown(l.name), diags: &l.diags}
	root, ok := dec.parse(data)
	if !ok {
		return nil
	}
	d := &deck.Deck{Pos: dec.pos(root)}
	f, ok := dec.fields(root, "the deck", "title", "author", "subject", "keywords", "lang", "latin_lang", "date", "theme", "slides")
	if !ok {
		return d
	}
	dec.require(root, f, "the deck", "title", "slides")
	d.Meta = deck.Meta{
		Title:    dec.str(f["title"], "title"),
		Author:   dec.str(f["author"], "author"),
		Subject:  dec.str(f["subject"], "subject"),
		Keywords: dec.strs(f["keywords"], "keywords"),
		Lang:     dec.str(f["lang"], "lang"),
		// The language of the runs of Latin letters, for the tagged PDF.
		LatinLang: dec.str(f["latin_lang"], "latin_lang"),
	}
	if n := f["latin_lang"]; n != nil && !languageTag(d.Meta.LatinLang) {
		dec.errorf(n, "latin_lang must be a language tag such as en-US, not %q", n.Value)
	}
	if n := f["date"]; n != nil {
		t, err := time.Parse(time.DateOnly, dec.str(n, "date"))
		if err != nil {
			dec.errorf(n, "date must be a day written as 2022-09-30, not %q", n.Value)
		}
		d.Meta.Date = t
	}
	d.Theme = l.theme(dec, f["theme"])
	if n := f["slides"]; n != nil {
		d.Slides = l.slides(dec, n)
	}
	return d
}

func (l *loader) slides(dec *decoder, n *yaml.Node) []deck.Slide {
	if n.Kind != yaml.SequenceNode {
		dec.errorf(n, "slides must be a list, not %s", kindName(n))
		return nil
	}
	if len(n.Content) == 0 {
		dec.errorf(n, "the deck has no slides")
	}
	if len(n.Content) > MaxSlides {
		dec.errorf(n, "the deck has %d slides; deck renders at most %d", len(n.Content), MaxSlides)
		return nil
	}
	var slides []deck.Slide
	ids := map[string]deck.Pos{}
	for _, c := range n.Content {
		c = resolve(c)
		f, ok := dec.fields(c, "a slide", append([]string{"id", "layout", "title", "subtitle", "bookmark", "blocks", "note", "source", "speaker_notes"}, slideExtraKeys...)...)
		if !ok {
			continue
		}
		s := deck.Slide{
			Pos:      dec.pos(c),
			ID:       dec.str(f["id"], "id"),
			Title:    dec.text(f["title"], "title"),
			Subtitle: dec.text(f["subtitle"], "subtitle"),
			Bookmark: dec.str(f["bookmark"], "bookmark"),

			SpeakerNotes: dec.str(f["speaker_notes"], "speaker_notes"),
		}
		if s.ID != "" {
			if prev, dup := ids[s.ID]; dup {
				dec.errorf(f["id"], "slide id %q is already used at %s", s.ID, prev)
			}
			ids[s.ID] = dec.pos(f["id"])
		}
		if ln := f["layout"]; ln != nil {
			s.Layout = layoutNamed(dec, ln)
		}
		for _, t := range textsOf(dec, f["note"], "note") {
			s.Notes = append(s.Notes, t)
		}
		for _, t := range textsOf(dec, f["source"], "source") {
			s.Sources = append(s.Sources, t)
		}
		if b := f["blocks"]; b != nil {
			s.Blocks = l.slideBlocks(dec, b)
		}
		slideExtras(dec, c, f, &s)
		// An empty slide, unless a misspelt key already explains it.
		if s.Title.IsZero() && len(s.Blocks) == 0 && len(c.Content)/2 == len(f) {
			dec.errorf(c, "the slide is empty: give it a title or blocks")
		}
		slides = append(slides, s)
	}
	l.checkTargets(ids)
	return slides
}

// textsOf reads one text or a list of texts.
func textsOf(dec *decoder, n *yaml.Node, what string) []deck.Text {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		var out []deck.Text
		for _, c := range n.Content {
			out = append(out, dec.text(resolve(c), what))
		}
		return out
	}
	return []deck.Text{dec.text(n, what)}
}

func layoutNamed(dec *decoder, n *yaml.Node) deck.Layout {
	name := dec.str(n, "layout")
	var names []string
	for _, l := range deck.Layouts {
		if l.String() == name {
			return l
		}
		names = append(names, l.String())
	}
	dec.errorf(n, "unknown layout %q%s; the layouts are %s", name, suggest(name, names), strings.Join(names, ", "))
	return deck.LayoutContent
}

// languageTag reports whether s looks like a BCP 47 language tag: ASCII
// letters and digits in subtags of 1 to 8, joined by hyphens, a letter
// first (en, en-US, zh-Hant-TW).
func languageTag(s string) bool {
	for i, sub := range strings.Split(s, "-") {
		if len(sub) == 0 || len(sub) > 8 {
			return false
		}
		for _, r := range sub {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}
