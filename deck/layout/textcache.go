package layout

import (
	"sync"

	"github.com/deckpdf/deck/fonts"
)

// A textCache keeps the texts the layouts of one process prepared (see
// prepare) in one pair of faces, for the layouts after them: deck watch
// lays the whole deck out again after every save, and a program that
// renders a deck many times over sets the same texts each time. Typst
// keeps its layout between compilations for the same reason. A text
// prepared is the same whatever layout asks: its glyphs, advances and
// break opportunities depend on the text, its style and the faces, all
// of them in the key or the cache's owner, and on nothing of the deck.
//
// The cache lives on the set of faces (fonts.SetMemo) and is freed with
// it: the default set lives as long as the process, and a theme's fonts,
// parsed again at every render, take their cache with them. It is
// bounded: the texts are kept in two generations, the texts asked for
// since the last turn and those of the turn before. A text asked for is
// brought into the newer one; once the newer one holds textCacheGlyphs
// glyphs, it becomes the older and the oldest is dropped. So what the last
// layouts used stays, and the cache holds about twice textCacheGlyphs
// glyphs at most: a glyph with its share of the segments, text and key
// takes 85 bytes (the report's 4,543 keep 387 KB), so 5.6 MB.
type textCache struct {
	mu       sync.Mutex
	new, old map[textKey]*prepared
	glyphs   int // the glyphs of the texts in new
}

// A textKey is what a prepared text depends on besides the faces: its
// spans and style (prepKey), and whether the theme sets a quarter em
// between Chinese and Latin (see space).
type textKey struct {
	prepKey
	cjkLatinSpace bool
}

// textCacheGlyphs is how many glyphs a generation of a textCache holds
// before it turns: the default report prepares 4,543 in 142 texts.
const textCacheGlyphs = 1 << 15

// textCacheKey is the key of a set's textCache.
type textCacheKey struct{}

// textCacheFor returns the cache of the texts prepared in the faces of fs.
func textCacheFor(fs *fonts.Set) *textCache {
	return fonts.SetMemo(fs, textCacheKey{}, func() *textCache { return &textCache{} })
}

// get returns the text prepared under k, or nil. A nil cache holds no
// text.
func (c *textCache) get(k textKey) *prepared {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if p := c.new[k]; p != nil {
		return p
	}
	p := c.old[k]
	if p != nil {
		c.keep(k, p)
	}
	return p
}

// put keeps p, prepared under k; a nil cache keeps nothing.
func (c *textCache) put(k textKey, p *prepared) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep(k, p)
}

// keep puts p into the newer generation, and turns the generations when it
// is full. c.mu must be held.
func (c *textCache) keep(k textKey, p *prepared) {
	if c.new == nil {
		c.new = map[textKey]*prepared{}
	}
	c.new[k] = p
	c.glyphs += len(p.gl)
	if c.glyphs >= textCacheGlyphs {
		c.old, c.new, c.glyphs = c.new, nil, 0
	}
}
