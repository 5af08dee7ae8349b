package layout

import "slices"

// A Role is what a node of a page's structure tree is to a reader: the
// standard structure type a tagged PDF gives it, the kind of shape a
// slide show makes of it.
type Role int

// The roles. A slide's page is a Section; its parts are, in reading order,
// its Title (a cover's Subtitle, its kicker, before it), Subtitle, the
// blocks, and the Note and Source lines. Artifacts are what is drawn but
// not read: the footer, page number, logo or brand, rules, panels, the
// boxes, bars and badges behind or beside text, table shading and rules,
// underlines, and the hidden text of a chart, whose Figure's Alt says it.
const (
	RoleSection    Role = iota // a page of a slide: the root of its tree
	RoleTitle                  // the slide's title (H1)
	RoleSubtitle               // the line under the title; a cover's kicker
	RoleHeading                // a heading block, or a labeled block's label (H2)
	RoleParagraph              // a paragraph of text (P)
	RoleList                   // a list (L): a list block, a stats block, a column of a comparison
	RoleListItem               // an item of a list (LI): an optional Label, then a Body
	RoleLabel                  // what stands before an item (Lbl): a marker, a stat's figure
	RoleBody                   // the text of a list item (LBody)
	RoleTable                  // a table (Table): an optional Caption, then its rows
	RoleHeaderRow              // a row of header cells (TR in THead)
	RoleRow                    // a row of a table's body (TR)
	RoleHeaderCell             // a cell of a header row (TH), with its Scope
	RoleCell                   // a cell of the table's body (TD), with its RowSpan
	RoleFigure                 // a chart, picture, diagram or QR code, read as its Alt
	RoleCaption                // the title of a chart, diagram, table, list or stats block
	RoleNote                   // a note line of the slide (注释：…)
	RoleSource                 // a source line of the slide or of a chart (来源：…)
	RoleLink                   // a link: its text and its Link items (the PDF's annotations)
	RoleArtifact               // drawn, not read
)

// String returns the role's name, as the layout dump prints it.
func (r Role) String() string {
	names := [...]string{"Section", "Title", "Subtitle", "Heading", "Paragraph", "List", "ListItem", "Label", "Body",
		"Table", "HeaderRow", "Row", "HeaderCell", "Cell", "Figure", "Caption", "Note", "Source", "Link", "Artifact"}
	if r < 0 || int(r) >= len(names) {
		return "Role(?)"
	}
	return names[r]
}

// A Scope says which cells a header cell heads.
type Scope int

// The scopes.
const (
	ScopeNone   Scope = iota // not a header cell
	ScopeColumn              // the cells under it
)

// String returns the scope's name, as the layout dump prints it.
func (s Scope) String() string {
	if s == ScopeColumn {
		return "column"
	}
	return "none"
}

// A Node is a node of a page's structure tree. A node is a leaf, holding
// Items, or a branch, holding Children, never both (a leaf may be empty: a
// table cell without text). Every item of a page belongs to exactly one
// leaf, and a leaf's items are its content in reading order, as the
// children of a branch are; the order of Page.Items, in which items are
// drawn, may differ. An Artifact may stand anywhere in the tree; it is
// drawn, not read.
type Node struct {
	Role Role
	// Alt is a Figure's alternative text: what a reader hears instead of
	// its content (its picture, its boxes and their text). For a Label
	// drawn as a shape (a list's bullet or check mark), it is the
	// character the shape stands for.
	Alt string
	// Lang is the language of the node's text where it is not the
	// deck's (Meta.Lang), as a BCP 47 tag; empty: the deck's.
	Lang string
	// Scope is a HeaderCell's: ScopeColumn.
	Scope Scope
	// RowSpan is how many rows a Cell takes on its page, its own and
	// those below (whose cells in its column are not in the tree); 0 or 1
	// means its own row only.
	RowSpan int
	// Items are a leaf's items: indexes into Page.Items.
	Items    []int
	Children []*Node
	// base is added to the item indexes of the node and of every node
	// under it. While a page is laid out, placing a frame in another
	// moves its nodes' items down the list by a base on the top nodes,
	// not by a copy of each node under them (see shifted); the page's
	// tree is resolved, every base added in, before Layout returns it.
	base int
}

// Walk calls f for n and every node under it, parents first, in reading
// order, and does not go under a node for which f returns false.
func (n *Node) Walk(f func(*Node) bool) {
	if n == nil || !f(n) {
		return
	}
	for _, c := range n.Children {
		c.Walk(f)
	}
}

// shifted returns n with its item indexes d higher: n's items moved d
// places down a list of items. It copies n alone, when d is not 0: the
// nodes under it are shared, as n is when d is 0, so a node is not
// changed once it is placed (see closeTable).
func (n *Node) shifted(d int) *Node {
	if d == 0 {
		return n
	}
	m := *n
	m.base += d
	return &m
}

// resolved returns a copy of n and the nodes under it with their bases
// added into their item indexes, and d more: the tree as a page holds it.
func (n *Node) resolved(d int) *Node {
	d += n.base
	m := *n
	m.base = 0
	if n.Items != nil {
		m.Items = make([]int, len(n.Items))
		for i, it := range n.Items {
			m.Items[i] = it + d
		}
	}
	if n.Children != nil {
		m.Children = make([]*Node, len(n.Children))
		for i, c := range n.Children {
			m.Children[i] = c.resolved(d)
		}
	}
	return &m
}

// span returns the indexes from..to-1.
func span(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// leaf makes the items of f from index from on a leaf of the role, after
// f's other nodes, and returns it; nil when there are none.
func (f *frame) leaf(role Role, from int) *Node {
	if from >= len(f.items) {
		return nil
	}
	n := &Node{Role: role, Items: span(from, len(f.items))}
	f.nodes = append(f.nodes, n)
	return n
}

// addAs adds items to f as one leaf of the role and returns it; nil when
// there are no items.
func (f *frame) addAs(role Role, items ...Item) *Node {
	from := len(f.items)
	f.add(items...)
	return f.leaf(role, from)
}

// placeAs places g as place does, its content one node of the role: a
// leaf of g's items when g has no nodes (its items are a text's runs), else
// a branch of g's nodes. It returns the node; nil when g is empty, unless
// the role is a cell's, which a table's row holds even when empty.
func (f *frame) placeAs(g frame, x, y float64, role Role) *Node {
	from, nodes := len(f.items), len(f.nodes)
	f.place(g, x, y)
	if len(g.nodes) > 0 {
		return f.group(role, nodes)
	}
	if n := f.leaf(role, from); n != nil || (role != RoleCell && role != RoleHeaderCell) {
		return n
	}
	n := &Node{Role: role}
	f.nodes = append(f.nodes, n)
	return n
}

// group makes f's nodes from index from on the children of one node of
// the role, in their place, and returns it; nil when there are none.
func (f *frame) group(role Role, from int) *Node {
	if from >= len(f.nodes) {
		return nil
	}
	n := &Node{Role: role, Children: append([]*Node(nil), f.nodes[from:]...)}
	// A copy of f (a page's head, placed on each page) may share the
	// nodes before from: they are not written over.
	f.nodes = append(slices.Clip(f.nodes[:from]), n)
	return n
}

// as returns f with its content one node of the role (see placeAs).
func (f frame) as(role Role) frame {
	switch {
	case len(f.nodes) > 0:
		f.nodes = []*Node{{Role: role, Children: f.nodes}}
	case len(f.items) > 0:
		f.nodes = []*Node{{Role: role, Items: span(0, len(f.items))}}
	}
	return f
}
