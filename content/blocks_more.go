package content

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	_ "image/jpeg" // image.DecodeConfig reads JPEG
	_ "image/png"
	"slices"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/numfmt"
	"go.yaml.in/yaml/v4"
)

// tableBlock reads a table: one group from data or rows, or several from
// groups, each with its own header row; and how its columns and rows are
// set: widths, align, format, totals and merge.
func (l *loader) tableBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	f, ok := dec.fields(n, "a table", "title", "widths", "align", "format", "totals", "merge", "data", "sheet", "range", "rows", "groups")
	if !ok {
		return nil
	}
	t := &deck.Table{Pos: pos, Title: dec.text(f["title"], "title")}
	groups, ok := tableGroups(dec, n, f)
	if !ok {
		return t
	}
	var tbs []*table
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
		if rows += len(tb.rows); rows > MaxTableRows {
			l.diags.Errorf(tb.pos, "the table has more than %d rows, the most deck lays out; split it into several tables", MaxTableRows)
			return t
		}
		tbs = append(tbs, tb)
	}
	if w := f["widths"]; w != nil {
		t.Widths = tableWidths(dec, w, cols)
	}
	opts := tableOptions(dec, f, tbs, cols)
	t.Align = opts.align
	for _, tb := range tbs {
		t.Groups = append(t.Groups, l.tableGroup(tb, opts))
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
			var spanned []string
			for _, c := range items(f["merge"]) {
				spanned = append(spanned, c.Value)
			}
			l.mergedCells(t, false, spanned...)
		}
		return t
	case gf["rows"] != nil:
		return yamlTable(dec, gf["rows"])
	default:
		dec.errorf(g, "a table needs data (a CSV file or a workbook) or rows")
	}
	return nil
}

// tableOpts are how a table sets its columns and rows, read by
// tableOptions.
type tableOpts struct {
	align   []deck.Align     // one a column, auto resolved
	formats []*numfmt.Format // one a column; nil leaves the cells as written
	totals  []string         // a row with a cell that reads one of these is a total
	merge   []int            // the columns whose repeated values span rows
}

// tableOptions reads align, format, totals and merge of a table of cols
// columns, whose groups' cells are tbs. A column left to auto is set to
// decimal when its body cells are numbers (blanks and gaps aside), but
// for the first: the stub, which names the rows (年份, 2021, 2022 …), is
// set to the left, as typesetters do.
func tableOptions(dec *decoder, f map[string]*yaml.Node, tbs []*table, cols int) tableOpts {
	var o tableOpts
	if n := f["align"]; n != nil {
		o.align = columnList(dec, n, cols, "align", "alignment", "[left, right, right]", func(c *yaml.Node) deck.Align {
			return named(dec, c, "alignment", deck.Aligns)
		})
	}
	if n := f["format"]; n != nil {
		o.formats = columnList(dec, n, cols, "format", "code", `["", "#,##0.0", "0.0%"]`, func(c *yaml.Node) *numfmt.Format {
			code := dec.str(c, "format")
			if code == "" {
				return nil
			}
			nf, err := numfmt.Parse(code)
			if err != nil {
				dec.errorf(c, "format %q is not a number format: write an Excel number-format code, as \"#,##0.0\" or \"0.0%%\"", code)
			}
			return nf
		})
	}
	for _, c := range items(f["totals"]) {
		name := dec.str(c, "a total")
		o.totals = append(o.totals, name)
		checkTotal(dec, c, name, tbs)
	}
	for _, c := range items(f["merge"]) {
		name := dec.str(c, "a column to merge")
		if len(tbs) == 0 {
			continue
		}
		if i := tbs[0].column(name); i >= 0 {
			o.merge = append(o.merge, i)
		} else {
			names := tbs[0].names()
			dec.errorf(c, "unknown column %q%s; the table has the columns %s", name, suggest(name, names), strings.Join(names, ", "))
		}
	}
	if cols > 0 && len(o.align) != cols {
		o.align = make([]deck.Align, cols) // a wrong list was reported
	}
	for i := range o.align {
		if i > 0 && o.align[i] == deck.AlignAuto && numericColumn(tbs, i) {
			o.align[i] = deck.AlignDecimal
		}
	}
	return o
}

// columnList reads a list of one value a column (key: what each is), as
// example shows; nil when n is not a list.
func columnList[T any](dec *decoder, n *yaml.Node, cols int, key, what, example string, read func(*yaml.Node) T) []T {
	if n.Kind != yaml.SequenceNode {
		dec.errorf(n, "%s must be a list, one %s a column, as %s", key, what, example)
		return nil
	}
	var out []T
	for _, c := range n.Content {
		out = append(out, read(resolve(c)))
	}
	if cols > 0 && len(out) != cols {
		dec.errorf(n, "%s has %d %s, the table has %d columns", key, len(out), plural(len(out), what), cols)
	}
	return out
}

// plural is what, in the plural unless n is 1.
func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	return what + "s"
}

// items returns the items of a list, or a single value as a list of one.
func items(n *yaml.Node) []*yaml.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.SequenceNode:
		out := make([]*yaml.Node, len(n.Content))
		for i, c := range n.Content {
			out[i] = resolve(c)
		}
		return out
	}
	return []*yaml.Node{n}
}

// checkTotal reports a total, written at n, that no row of the table
// has: a misspelt 合计 would leave the total row looking like any other.
func checkTotal(dec *decoder, n *yaml.Node, name string, tbs []*table) {
	var firsts []string
	for _, tb := range tbs {
		for _, r := range tb.rows {
			if slices.ContainsFunc(r, func(c cell) bool { return c.text == name }) {
				return
			}
			firsts = append(firsts, r[0].text)
		}
	}
	if len(tbs) > 0 {
		dec.errorf(n, "no row of the table has a cell %q, to be a total%s", name, suggest(name, firsts))
	}
}

// numericColumn reports whether the body cells of column i are numbers,
// one at least, blanks and gaps (-, N/A) aside.
func numericColumn(tbs []*table, i int) bool {
	seen := false
	for _, tb := range tbs {
		for _, r := range tb.rows {
			if i >= len(r) || isMissing(r[i]) {
				continue
			}
			if _, ok := number(r[i]); !ok {
				return false
			}
			seen = true
		}
	}
	return seen
}

// tableGroup turns the cells of a table group into texts, the numbers of
// a column with a format written with it, and marks its totals and the
// cells that span rows.
func (l *loader) tableGroup(tb *table, o tableOpts) deck.TableGroup {
	defer l.readsData(len(l.diags), tb.pos)
	grp := deck.TableGroup{Pos: tb.pos}
	for _, h := range tb.header {
		grp.Header = append(grp.Header, parseText(h.pos, cellLines(h.text)))
	}
	for ri, r := range tb.rows {
		var row []deck.Text
		total := false
		for i, c := range r {
			if slices.Contains(o.totals, c.text) {
				total = true
			}
			text := c.text
			if i < len(o.formats) && o.formats[i] != nil {
				text = l.formatted(tb, r, i, o.formats[i])
			}
			row = append(row, parseText(c.pos, cellLines(text)))
		}
		if total {
			grp.Totals = append(grp.Totals, ri)
		}
		grp.Rows = append(grp.Rows, row)
	}
	for _, col := range o.merge {
		grp.Spans = append(grp.Spans, rowSpans(tb, col, grp.Totals)...)
	}
	slices.SortFunc(grp.Spans, func(a, b deck.RowSpan) int { return cmp.Or(a.Row-b.Row, a.Col-b.Col) })
	return grp
}

// formatted is cell i of row r written with format nf: a number as nf
// shows it, a percentage format showing 28.6 as 28.6%, as a chart's does;
// a blank or a gap as written. Any other text is an error.
func (l *loader) formatted(tb *table, r []cell, i int, nf *numfmt.Format) string {
	c := r[i]
	if isMissing(c) {
		return c.text
	}
	v, ok := number(c)
	if !ok {
		l.diags.Errorf(c.pos, "%s of %s is %q, not a number for the column's format %q%s", tb.header[i].text, r[0].text, c.text, nf.String(), numberHint(c))
		return c.text
	}
	if strings.Contains(nf.String(), "%") {
		v = scaled(v, 100)
	}
	return nf.Format(v)
}

// rowSpans returns the cells of column col of tb that span rows: a cell
// with text spans the cells below it that repeat its text or are empty,
// total rows aside, which start anew.
func rowSpans(tb *table, col int, totals []int) []deck.RowSpan {
	var out []deck.RowSpan
	for ri := 0; ri < len(tb.rows); {
		text := tb.rows[ri][col].text
		n := 1
		for text != "" && ri+n < len(tb.rows) && !slices.Contains(totals, ri+n) {
			if below := tb.rows[ri+n][col].text; below != text && below != "" {
				break
			}
			n++
		}
		if n > 1 {
			out = append(out, deck.RowSpan{Row: ri, Col: col, Rows: n})
		}
		ri += n
	}
	return out
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
	f, ok := dec.fields(n, "a comparison", "title", "columns", "highlight")
	if !ok || !dec.require(n, f, "a comparison", "columns") {
		return nil
	}
	c := &deck.Comparison{Pos: pos, Title: dec.text(f["title"], "title")}
	if f["highlight"] != nil {
		c.Highlight = named(dec, f["highlight"], "highlight", deck.Sides)
	}
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
	q := &deck.QR{Pos: pos}
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
// folder, given as a path or as {path, height, alt}. A picture read
// without alt, the text a screen reader says instead of it, is warned
// about at the block.
// pictureWidth reads an image's width: points (400), or a share of its
// slot ("60%").
func pictureWidth(dec *decoder, n *yaml.Node, p *deck.Picture) {
	v := strings.TrimSpace(n.Value)
	if pct, ok := strings.CutSuffix(v, "%"); ok && n.Kind == yaml.ScalarNode {
		share, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || share < 5 || share > 100 {
			dec.errorf(n, "width %q must be a share from 5%% to 100%% of the slot, or a number of points", v)
			return
		}
		p.WidthShare = share / 100
		return
	}
	p.Width = dec.num(n, "width", 20, 2000)
}

func (l *loader) pictureBlock(dec *decoder, pos deck.Pos, n *yaml.Node) deck.Block {
	p := &deck.Picture{Pos: pos}
	pathNode := n
	badAlt := false // an alt: that is not text: its error says so
	if n.Kind == yaml.MappingNode {
		f, ok := dec.fields(n, "an image", "path", "height", "width", "caption", "alt")
		if !ok || !dec.require(n, f, "an image", "path") {
			return nil
		}
		if f["height"] != nil {
			p.Height = dec.num(f["height"], "height", 20, 2000)
		}
		if w := f["width"]; w != nil {
			pictureWidth(dec, w, p)
		}
		p.Caption = dec.text(f["caption"], "caption")
		if a := f["alt"]; a != nil {
			p.Alt = strings.TrimSpace(dec.textValue(a, "alt"))
			badAlt = a.Kind != yaml.ScalarNode
		}
		pathNode = f["path"]
	}
	p.File = l.file(dec, pathNode, "image")
	if p.File.Data == nil {
		return p // not read: its error says so
	}
	if p.Alt == "" && !badAlt {
		dec.diags.Warnf(pos, "image %q has no alt text: a screen reader cannot say what it shows; write it as {path: %s, alt: what the picture shows}", p.File.Path, p.File.Path)
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
