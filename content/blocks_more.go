package content

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // image.DecodeConfig reads JPEG
	_ "image/png"
	"strings"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v3"
)

// tableBlock reads a table: one group from data or rows, or several from
// groups, each with its own header row.
func (l *loader) tableBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a table", "title", "widths", "data", "sheet", "range", "rows", "groups")
	if !ok {
		return nil
	}
	t := &deck.Table{Pos: pos, Title: dec.text(f["title"], "title")}
	groups, ok := tableGroups(dec, n, f)
	if !ok {
		return t
	}
	cols, rows := 0, 0
	for _, g := range groups {
		tb := l.groupTable(dec, n, f, resolve(g))
		if tb == nil {
			continue
		}
		if cols == 0 {
			cols = len(tb.header)
		} else if len(tb.header) != cols {
			l.diags.Errorf(tb.header[0].pos, "this group has %d columns, the first has %d", len(tb.header), cols)
			continue
		}
		grp := tableGroup(tb)
		t.Groups = append(t.Groups, grp)
		if rows += len(grp.Rows); rows > MaxTableRows {
			l.diags.Errorf(tb.pos, "the table has more than %d rows, the most deck lays out; split it into several tables", MaxTableRows)
			t.Groups = nil
			return t
		}
	}
	if w := f["widths"]; w != nil {
		t.Widths = tableWidths(dec, w, cols)
	}
	return t
}

// tableGroups returns the nodes of a table's groups: those of groups, or
// the table itself when it has one group. ok is false when groups is
// wrong.
func tableGroups(dec *decoder, n *yaml.Node, f map[string]*yaml.Node) (groups []*yaml.Node, ok bool) {
	g := f["groups"]
	switch {
	case g == nil:
		return []*yaml.Node{n}, true
	case f["data"] != nil || f["rows"] != nil:
		dec.errorf(g, "a table takes groups, or data or rows, not both")
	case g.Kind != yaml.SequenceNode || len(g.Content) == 0:
		dec.errorf(g, "groups must be a list of groups, each with data or rows")
	default:
		return g.Content, true
	}
	return nil, false
}

// groupTable reads the cells of group g of table n, whose fields are f:
// from its data file or its rows. It is nil when they cannot be read.
func (l *loader) groupTable(dec *decoder, n *yaml.Node, f map[string]*yaml.Node, g *yaml.Node) *table {
	gf := f
	if g != n {
		var ok bool
		if gf, ok = dec.fields(g, "a table group", "data", "sheet", "range", "rows"); !ok {
			return nil
		}
	}
	switch {
	case gf["data"] != nil && gf["rows"] != nil:
		dec.errorf(gf["rows"], "a table group takes data or rows, not both")
	case gf["data"] != nil:
		defer l.readsData(len(l.diags), dec.pos(gf["data"]))
		t := l.dataTable(dec, gf)
		if t != nil {
			l.mergedCells(t, false)
		}
		return t
	case gf["rows"] != nil:
		return yamlTable(dec, gf["rows"])
	default:
		dec.errorf(g, "a table needs data (a CSV file or a workbook) or rows")
	}
	return nil
}

// tableGroup turns the cells of a table group into texts.
func tableGroup(tb *table) deck.TableGroup {
	grp := deck.TableGroup{Pos: tb.pos}
	for _, h := range tb.header {
		grp.Header = append(grp.Header, parseText(h.pos, cellLines(h.text)))
	}
	for _, r := range tb.rows {
		var row []deck.Text
		for _, c := range r {
			row = append(row, parseText(c.pos, cellLines(c.text)))
		}
		grp.Rows = append(grp.Rows, row)
	}
	return grp
}

// tableWidths reads a table's widths, which should be one a column of the
// cols it has; nil when w is not a list.
func tableWidths(dec *decoder, w *yaml.Node, cols int) []float64 {
	if w.Kind != yaml.SequenceNode {
		dec.errorf(w, "widths must be a list of numbers, one a column")
		return nil
	}
	var widths []float64
	for _, c := range w.Content {
		widths = append(widths, dec.num(resolve(c), "a width", 0.01, 1000))
	}
	if cols > 0 && len(widths) != cols {
		dec.errorf(w, "widths has %s, the table has %d columns", numbers(len(widths)), cols)
	}
	return widths
}

func (l *loader) comparisonBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a comparison", "title", "columns")
	if !ok || !dec.require(n, f, "a comparison", "columns") {
		return nil
	}
	c := &deck.Comparison{Pos: pos, Title: dec.text(f["title"], "title")}
	cols := f["columns"]
	if cols.Kind != yaml.SequenceNode || len(cols.Content) < 2 {
		dec.errorf(cols, "columns must be a list of two or more columns, each with a heading and items")
		return c
	}
	for _, cn := range cols.Content {
		cn = resolve(cn)
		cf, ok := dec.fields(cn, "a comparison column", "heading", "items")
		if !ok || !dec.require(cn, cf, "a comparison column", "heading") {
			continue
		}
		c.Columns = append(c.Columns, deck.CompareColumn{Pos: dec.pos(cn), Heading: dec.text(cf["heading"], "heading"), Items: textsOf(dec, cf["items"], "an item")})
	}
	return c
}

func (l *loader) diagramBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a diagram", "title", "layers", "height")
	if !ok || !dec.require(n, f, "a diagram", "layers") {
		return nil
	}
	d := &deck.Diagram{Pos: pos, Title: dec.text(f["title"], "title")}
	if f["height"] != nil {
		d.Height = dec.num(f["height"], "height", 40, 2000)
	}
	layers := f["layers"]
	if layers.Kind != yaml.SequenceNode || len(layers.Content) == 0 {
		dec.errorf(layers, "layers must be a list of layers, each with a label and items")
		return d
	}
	for _, ln := range layers.Content {
		ln = resolve(ln)
		lf, ok := dec.fields(ln, "a layer", "label", "items", "highlight")
		if !ok || !dec.require(ln, lf, "a layer", "label") {
			continue
		}
		d.Layers = append(d.Layers, deck.Layer{Pos: dec.pos(ln), Label: dec.text(lf["label"], "label"),
			Items: textsOf(dec, lf["items"], "an item"), Highlight: dec.boolean(lf["highlight"], "highlight")})
	}
	return d
}

func (l *loader) qrBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	q := &deck.QR{Pos: pos, Size: 110}
	urlNode, ok := shorthand(dec, n, "a QR code", "url", "size", 36, 540, &q.Size)
	if !ok {
		return nil
	}
	q.URL = dec.str(urlNode, "url")
	if q.URL == "" {
		dec.errorf(n, "a QR code needs a url")
	} else if len(q.URL) > 1000 {
		dec.errorf(urlNode, "the url is %d bytes long; a QR code that can be scanned from a slide holds at most 1000", len(q.URL))
	} else if !strings.Contains(q.URL, ":") {
		dec.errorf(urlNode, "url %q must start with a scheme such as https://", q.URL)
	}
	return q
}

// pictureBlock reads an image block: a PNG or JPEG file inside the deck's
// folder, given as a path or as {path, height}.
func (l *loader) pictureBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	p := &deck.Picture{Pos: pos}
	pathNode, ok := shorthand(dec, n, "an image", "path", "height", 20, 2000, &p.Height)
	if !ok {
		return nil
	}
	p.File = l.file(dec, pathNode, "image")
	if p.File.Data == nil {
		return p
	}
	// The file read is a picture as package picture hands it over:
	// whole, upright, and of a kind both engines draw.
	cfg, kind, err := image.DecodeConfig(bytes.NewReader(p.File.Data))
	if err != nil {
		dec.errorf(pathNode, "image %q %v", p.File.Path, err) // not reached: read checked the file
		return p
	}
	p.Format, p.Aspect, p.Pixels = kind, float64(cfg.Width)/float64(cfg.Height), [2]int{cfg.Width, cfg.Height}
	return p
}

// decodeImage decodes a whole PNG or JPEG file, so that a damaged one is
// found when the deck is checked, not when the PDF is written. The theme's
// logo is checked with it; an image block's picture is read whole by
// loader.picture.
func decodeImage(data []byte) (image.Image, string, error) {
	cfg, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (kind != "png" && kind != "jpeg") {
		return nil, "", fmt.Errorf("is not a PNG or JPEG file")
	}
	if cfg.Width == 0 || cfg.Height == 0 || cfg.Width*cfg.Height > 50e6 {
		return nil, "", fmt.Errorf("is %d×%d pixels; deck takes pictures of 1 to 50 million pixels", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("is a damaged %s file (%v)", strings.ToUpper(kind), err)
	}
	return img, kind, nil
}

func numbers(n int) string {
	if n == 1 {
		return "1 number"
	}
	return fmt.Sprintf("%d numbers", n)
}

// shorthand reads a block written as its main value alone ("qr: URL") or
// as a mapping of that value and one size ({url: URL, size: 90}). It
// returns the node of the main value, and sets *size when one is given.
func shorthand(dec *decoder, n *yaml.Node, what, main, sizeKey string, lo, hi float64, size *float64) (*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		return n, true
	}
	f, ok := dec.fields(n, what, main, sizeKey)
	if !ok || !dec.require(n, f, what, main) {
		return nil, false
	}
	if f[sizeKey] != nil {
		*size = dec.num(f[sizeKey], sizeKey, lo, hi)
	}
	return f[main], true
}
