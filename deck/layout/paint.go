package layout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Painter draws laid-out pages. Every call carries its whole style, so a
// painter keeps no drawing state between calls.
type Painter interface {
	BeginPage(p *Page) error
	Text(t TextRun)
	Box(b Box)
	Path(p Path)
	Image(i Image)
	Link(l Link)
	EndPage() error
}

// Paint walks the pages into p, in order.
func Paint(pages []Page, p Painter) error {
	for i := range pages {
		if err := p.BeginPage(&pages[i]); err != nil {
			return err
		}
		for _, it := range pages[i].Items {
			switch it := it.(type) {
			case TextRun:
				p.Text(it)
			case Box:
				p.Box(it)
			case Path:
				p.Path(it)
			case Image:
				p.Image(it)
			case Link:
				p.Link(it)
			}
		}
		if err := p.EndPage(); err != nil {
			return err
		}
	}
	return nil
}

// Dump writes the pages as text, one item a line with two decimals, for
// golden tests and for reading what the layout decided; after a page's
// items, its structure tree, a node a line, indented under its parent:
// the role, the indexes of a leaf's items in Page.Items (3-5 for 3, 4
// and 5), then what else is set (scope, rowspan, lang, alt).
func Dump(w io.Writer, pages []Page) error {
	d := &dumper{w: w}
	if err := Paint(pages, d); err != nil {
		return err
	}
	return d.err
}

type dumper struct {
	w    io.Writer
	err  error
	page *Page
	line []byte // the line being written, kept for the next
}

func (d *dumper) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.w, format, args...)
	}
}

// write writes a line made in d.line. Text runs and boxes, most of a
// dump, are written so, as printf would write them but without fmt:
// render's fingerprints dump every page of every render.
func (d *dumper) write(line []byte) {
	d.line = line[:0]
	if d.err == nil {
		_, d.err = d.w.Write(line)
	}
}

// appendNum appends v as %.2f formats it.
func appendNum(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 2, 64) }

// appendRect appends r as rect formats it.
func appendRect(b []byte, r Rect) []byte {
	b = appendNum(b, r.X)
	b = append(b, ',')
	b = appendNum(b, r.Y)
	b = append(b, ' ')
	b = appendNum(b, r.W)
	b = append(b, 'x')
	return appendNum(b, r.H)
}

func (d *dumper) BeginPage(p *Page) error {
	d.page = p
	d.printf("page %.2fx%.2f %q %s\n", p.Size.W, p.Size.H, p.Title, p.Src)
	return d.err
}

func (d *dumper) Text(t TextRun) {
	kind := "  text "
	if t.Hidden {
		kind = "  hidden "
	}
	b := append(d.line, kind...)
	b = appendNum(b, t.At.X)
	b = append(b, ',')
	b = appendNum(b, t.At.Y)
	b = append(b, ' ')
	b = append(b, t.Face.Name()...)
	b = append(b, ' ')
	b = appendNum(b, t.Size)
	b = append(b, ' ')
	b = append(b, t.Fill.String()...)
	b = append(b, " sp="...)
	b = appendNum(b, t.Spacing)
	b = append(b, " w="...)
	b = appendNum(b, t.Width())
	if t.Half {
		b = append(b, " half"...)
	}
	b = append(b, ' ')
	b = strconv.AppendQuote(b, t.Text)
	d.write(append(b, '\n'))
}

func (d *dumper) Box(b Box) {
	l := append(d.line, "  box "...)
	l = appendRect(l, b.Rect)
	l = append(l, " fill="...)
	l = append(l, b.Fill.String()...)
	l = append(l, " stroke="...)
	l = append(l, b.Stroke.String()...)
	l = append(l, '/')
	l = appendNum(l, b.StrokeWidth)
	l = append(l, " r="...)
	l = appendNum(l, b.Radius)
	d.write(append(l, '\n'))
}

func (d *dumper) Path(p Path) {
	var pts []string
	for _, q := range p.Points {
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", q.X, q.Y))
	}
	// The fill and the closing are printed only when set, so that the
	// dump of an open stroked path reads as it always has.
	var extra string
	if p.Fill.A != 0 {
		extra += " fill=" + p.Fill.String()
	}
	if p.Closed {
		extra += " closed"
	}
	d.printf("  path %s %s/%.2f%s\n", strings.Join(pts, " "), p.Stroke, p.Width, extra)
}

func (d *dumper) Image(i Image) {
	if i.Chart != nil {
		d.printf("  chart %s %s %s\n", rect(i.Rect), i.Name, i.Chart.Kind)
		return
	}
	d.printf("  image %s %s %d bytes\n", rect(i.Rect), i.Name, len(i.Data))
}
func (d *dumper) Link(l Link) {
	if l.Page > 0 {
		d.printf("  link %s page %d\n", rect(l.Rect), l.Page)
		return
	}
	d.printf("  link %s %s\n", rect(l.Rect), l.URL)
}
func (d *dumper) EndPage() error {
	if d.page.Tree != nil {
		d.printf("  tree\n")
		d.node(d.page.Tree, "    ")
	}
	return d.err
}

func (d *dumper) node(n *Node, indent string) {
	line := indent + n.Role.String()
	if len(n.Items) > 0 {
		line += " " + ranges(n.Items)
	}
	if n.Scope != ScopeNone {
		line += " scope=" + n.Scope.String()
	}
	if n.RowSpan > 1 {
		line += fmt.Sprintf(" rowspan=%d", n.RowSpan)
	}
	if n.Lang != "" {
		line += " lang=" + n.Lang
	}
	if n.Alt != "" {
		line += fmt.Sprintf(" alt=%q", n.Alt)
	}
	d.printf("%s\n", line)
	for _, c := range n.Children {
		d.node(c, indent+"  ")
	}
}

// ranges writes indexes compactly: 0-3,7,9-10.
func ranges(idx []int) string {
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", idx[i], idx[j]))
		} else {
			parts = append(parts, fmt.Sprint(idx[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

func rect(r Rect) string { return string(appendRect(nil, r)) }
