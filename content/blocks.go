package content

import (
	"slices"
	"strings"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// blockKinds lists the keys that name a block's kind.
var blockKinds = []string{"paragraph", "heading", "list", "labeled", "stats", "columns", "link", "chart", "table", "comparison", "diagram", "qr", "image"}

// maxDepth bounds the nesting of columns.
const maxDepth = 4

func (l *loader) slideBlocks(dec *decoder, n *yaml.Node) []deck.Block {
	return l.blocksAt(dec, n, 0)
}

func (l *loader) blocksAt(dec *decoder, n *yaml.Node, depth int) []deck.Block {
	if n.Kind != yaml.SequenceNode {
		dec.errorf(n, "blocks must be a list, not %s", kindName(n))
		return nil
	}
	var out []deck.Block
	for _, c := range n.Content {
		c = resolve(c)
		// YAML aliases can repeat a list of blocks inside itself: count
		// what is read, so that no deck expands without end.
		if l.blocks++; l.blocks > MaxBlocks {
			if l.blocks == MaxBlocks+1 {
				dec.errorf(c, "the deck has more than %d blocks (are YAML aliases repeating them?)", MaxBlocks)
			}
			return out
		}
		if c.Kind != yaml.MappingNode || len(c.Content) != 2 {
			dec.errorf(c, "a block is a mapping with one key naming its kind (%s)", strings.Join(blockKinds, ", "))
			continue
		}
		out = append(out, l.block(dec, c.Content[0], resolve(c.Content[1]), depth)...)
	}
	return out
}

// A blockReader reads the value v of a block whose key is at pos; it
// returns nil when the block is left out (its problems are reported).
type blockReader func(l *loader, dec *decoder, pos deck.Pos, v *yaml.Node) deck.Block

// blockReaders read the kinds of block that are one block each and hold
// no blocks; paragraphs and columns are read by loader.block.
var blockReaders = map[string]blockReader{
	"heading": headingBlock, "list": listBlock, "labeled": labeledBlock, "stats": (*loader).statsBlock,
	"link": linkBlock, "chart": (*loader).chartBlock, "table": (*loader).tableBlock,
	"comparison": (*loader).comparisonBlock, "diagram": (*loader).diagramBlock, "qr": (*loader).qrBlock,
	"image": (*loader).pictureBlock,
}

// block reads the block of kind k and value v at the given depth of
// columns: none when it is left out, one for each paragraph of a
// paragraph block.
func (l *loader) block(dec *decoder, k, v *yaml.Node, depth int) []deck.Block {
	pos := dec.pos(k)
	switch k.Value {
	case "paragraph":
		var out []deck.Block
		for _, t := range dec.paragraphs(v, "a paragraph") {
			out = append(out, &deck.Paragraph{Pos: pos, Text: t})
		}
		return out
	case "columns":
		if depth >= maxDepth {
			dec.errorf(k, "columns are nested more than %d deep", maxDepth)
			return nil
		}
		return []deck.Block{l.columnsBlock(dec, pos, v, depth)}
	}
	read, ok := blockReaders[k.Value]
	if !ok {
		dec.errorf(k, "unknown block kind %q%s", k.Value, suggest(k.Value, blockKinds))
		return nil
	}
	if b := read(l, dec, pos, v); b != nil {
		return []deck.Block{b}
	}
	return nil
}

func headingBlock(_ *loader, dec *decoder, pos deck.Pos, v *yaml.Node) deck.Block {
	h := &deck.Heading{Pos: pos, Text: dec.text(v, "a heading")}
	if h.Text.IsZero() {
		dec.diags.Warnf(pos, "the heading is empty: it draws only its marker")
	}
	return h
}

func labeledBlock(_ *loader, dec *decoder, pos deck.Pos, v *yaml.Node) deck.Block {
	f, ok := dec.fields(v, "a labeled block", "label", "text")
	if !ok || !dec.require(v, f, "a labeled block", "label", "text") {
		return nil
	}
	return &deck.Labeled{Pos: pos, Label: dec.text(f["label"], "label"), Body: dec.paragraphs(f["text"], "text")}
}

func linkBlock(l *loader, dec *decoder, pos deck.Pos, v *yaml.Node) deck.Block {
	f, ok := dec.fields(v, "a link", "text", "url")
	if !ok || !dec.require(v, f, "a link", "url") {
		return nil
	}
	b := &deck.Link{Pos: pos, URL: dec.str(f["url"], "url"), Text: dec.text(f["text"], "text")}
	if b.Text.IsZero() {
		b.Text = deck.Text{Pos: pos, Spans: []deck.Span{{Text: b.URL}}}
	}
	if !strings.HasPrefix(b.URL, "https://") && !strings.HasPrefix(b.URL, "http://") && !strings.HasPrefix(b.URL, "mailto:") && !internalURL(b.URL) {
		dec.errorf(f["url"], "url %q must start with https://, http://, mailto: or # (#slide-id: a slide of the deck)", b.URL)
	}
	if internalURL(b.URL) {
		l.targets = append(l.targets, target{dec.pos(f["url"]), b.URL[1:]})
	}
	return b
}

func listBlock(_ *loader, dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	b := &deck.List{Pos: pos}
	f, ok := dec.fields(n, "a list", "marker", "items")
	if !ok || !dec.require(n, f, "a list", "items") {
		return b
	}
	if m := f["marker"]; m != nil {
		name := dec.str(m, "marker")
		var names []string
		found := false
		for _, mk := range deck.Markers {
			names = append(names, mk.String())
			if mk.String() == name {
				b.Marker, found = mk, true
			}
		}
		if !found {
			dec.errorf(m, "unknown marker %q%s; the markers are %s", name, suggest(name, names), strings.Join(names, ", "))
		}
	}
	b.Items = textsOf(dec, f["items"], "a list item")
	return b
}

func (l *loader) columnsBlock(dec *decoder, pos deck.Pos, n *yaml.Node, depth int) deck.Block {
	b := &deck.Columns{Pos: pos}
	if n.Kind != yaml.SequenceNode || len(n.Content) < 2 {
		dec.errorf(n, "columns must be a list of two or more columns, each with blocks")
		return b
	}
	for _, c := range n.Content {
		c = resolve(c)
		f, ok := dec.fields(c, "a column", "weight", "blocks")
		if !ok || !dec.require(c, f, "a column", "blocks") {
			continue
		}
		w := 1.0
		if f["weight"] != nil {
			w = dec.num(f["weight"], "weight", 0.1, 100)
		}
		b.Weights = append(b.Weights, w)
		b.Columns = append(b.Columns, l.blocksAt(dec, f["blocks"], depth+1))
	}
	return b
}

// statColumns are the fields of a stat, in YAML and as CSV header names.
var statColumns = []string{"figure", "who", "statement"}

func (l *loader) statsBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a stats block", "title", "items", "data", "sheet", "range")
	if !ok {
		return nil
	}
	b := &deck.Stats{Pos: pos, Title: dec.text(f["title"], "title")}
	switch {
	case f["items"] != nil && f["data"] != nil:
		dec.errorf(f["data"], "a stats block takes items or data, not both")
	case f["data"] != nil:
		defer l.readsData(len(l.diags), dec.pos(f["data"]))
		b.Items = l.statsData(dec, f)
	case f["items"] != nil && f["items"].Kind == yaml.SequenceNode:
		for _, c := range f["items"].Content {
			c = resolve(c)
			sf, ok := dec.fields(c, "a stat", statColumns...)
			if ok && dec.require(c, sf, "a stat", "figure") {
				b.Items = append(b.Items, deck.Stat{Pos: dec.pos(c), Figure: dec.text(sf["figure"], "figure"),
					Who: dec.text(sf["who"], "who"), Statement: dec.text(sf["statement"], "statement")})
			}
		}
	case f["items"] != nil:
		dec.errorf(f["items"], "items must be a list, not %s", kindName(f["items"]))
	default:
		dec.errorf(n, "a stats block needs items or data")
	}
	if len(b.Items) == 0 && f["items"] != nil && f["items"].Kind == yaml.SequenceNode {
		dec.diags.Warnf(dec.pos(f["items"]), "the stats block has no items: it draws only its title")
	}
	return b
}

// statsData reads stats from a data file (a CSV file or a workbook's
// sheet) whose header names figure, who and statement.
func (l *loader) statsData(dec *decoder, f map[string]*yaml.Node) []deck.Stat {
	t := l.dataTable(dec, f)
	if t == nil {
		return nil
	}
	l.mergedCells(t, false)
	for _, h := range t.header {
		if !slices.Contains(statColumns, h.text) {
			l.diags.Errorf(h.pos, "unknown column %q%s; a stats file has the columns %s",
				h.text, suggest(h.text, statColumns), strings.Join(statColumns, ", "))
		}
	}
	if t.column("figure") < 0 {
		l.diags.Errorf(t.header[0].pos, "the header has no column \"figure\"")
		return nil
	}
	if len(t.rows) == 0 {
		l.diags.Errorf(t.header[0].pos, "the data file has no rows below its header")
	}
	var out []deck.Stat
	for _, r := range t.rows {
		text := func(col string) deck.Text {
			if i := t.column(col); i >= 0 {
				return parseText(r[i].pos, joinLines(r[i].text))
			}
			return deck.Text{}
		}
		out = append(out, deck.Stat{Pos: r[0].pos, Figure: text("figure"), Who: text("who"), Statement: text("statement")})
	}
	return out
}
