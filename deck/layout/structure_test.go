package layout_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/deck/layout"
)

// treeProblems lists what is wrong with a page's tree: an item in no leaf
// or in two, an index outside the page, a node with both items and
// children, a tree that is not rooted in a Section.
func treeProblems(p *layout.Page) []string {
	var out []string
	if p.Tree == nil || p.Tree.Role != layout.RoleSection {
		return []string{"the tree is not rooted in a Section"}
	}
	seen := make([]int, len(p.Items))
	p.Tree.Walk(func(n *layout.Node) bool {
		if len(n.Items) > 0 && len(n.Children) > 0 {
			out = append(out, fmt.Sprintf("a %s has both items and children", n.Role))
		}
		for _, i := range n.Items {
			if i < 0 || i >= len(p.Items) {
				out = append(out, fmt.Sprintf("a %s holds item %d of %d", n.Role, i, len(p.Items)))
				continue
			}
			seen[i]++
		}
		return true
	})
	for i, k := range seen {
		if k != 1 {
			out = append(out, fmt.Sprintf("item %d (%T %s) is in %d nodes", i, p.Items[i], itemText(p.Items[i]), k))
		}
	}
	return out
}

func itemText(it layout.Item) string {
	if r, ok := it.(layout.TextRun); ok {
		return fmt.Sprintf("%q", r.Text)
	}
	return ""
}

// TestEveryItemBelongsToOneNode lays out the built-in report and every
// deck of testdata, and checks each page's tree: every item in exactly
// one leaf, no node with both items and children.
func TestEveryItemBelongsToOneNode(t *testing.T) {
	check := func(t *testing.T, pages []layout.Page) {
		if len(pages) == 0 {
			t.Fatal("no pages")
		}
		for i := range pages {
			for _, p := range treeProblems(&pages[i]) {
				t.Errorf("page %d: %s", i+1, p)
			}
		}
	}
	t.Run("in the built-in report", func(t *testing.T) {
		_, pages := loadDefault(t)
		check(t, pages)
	})
	for _, c := range golden.Load(t, "testdata") {
		t.Run("in "+c.Name(), func(t *testing.T) {
			d, _ := content.Load(c.FS(), content.DeckFile, "")
			if d == nil {
				t.Skip("the deck does not load")
			}
			pages, _ := layout.Layout(d, defaultFonts(t))
			check(t, pages)
		})
	}
}

// readTree returns the text of the runs of the tree's nodes that are read,
// in the tree's order: artifacts and what is under them left out.
func readTree(p *layout.Page) string {
	var b strings.Builder
	p.Tree.Walk(func(n *layout.Node) bool {
		if n.Role == layout.RoleArtifact {
			return false
		}
		for _, i := range n.Items {
			if r, ok := p.Items[i].(layout.TextRun); ok {
				b.WriteString(r.Text)
			}
		}
		return true
	})
	return b.String()
}

// TestTheTreeReadsInTheOrderOfTheDeck: the text of each page's tree, read
// as a screen reader reads it (artifacts left out), gives the slide's
// texts in the reading order TestPagesReadInTheOrderOfTheDeck expects of
// the page's items, and holds no footer.
func TestTheTreeReadsInTheOrderOfTheDeck(t *testing.T) {
	d, pages := loadDefault(t)
	checked := 0
	for i := range pages {
		p := &pages[i]
		page := squash.Replace(readTree(p))
		checked += inReadingOrder(t, i, page, &d.Slides[p.Slide], "is not read")
		for _, footer := range []string{d.Theme.Footer.Copyright, d.Theme.Footer.Site} {
			if footer != "" && strings.Contains(page, squash.Replace(footer)) {
				t.Errorf("page %d: the footer %q is read", i+1, footer)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d texts checked", checked)
	}
}

// roleOf returns the role of the leaf that holds item i, and of its
// parents, the nearest first.
func roleOf(p *layout.Page, i int) []layout.Role {
	var path, found []layout.Role
	var walk func(n *layout.Node)
	walk = func(n *layout.Node) {
		path = append([]layout.Role{n.Role}, path...)
		for _, k := range n.Items {
			if k == i {
				found = append([]layout.Role(nil), path...)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
		path = path[1:]
	}
	walk(p.Tree)
	return found
}

// TestFooterAndDecorationAreArtifacts: on every content page of the
// built-in report, the footer's texts (the page number, the copyright,
// the site), the brand's wordmark, the VS badges and the chart's hidden
// text are artifacts, no other text is, and the title is the page's
// Title.
func TestFooterAndDecorationAreArtifacts(t *testing.T) {
	d, pages := loadDefault(t)
	footer := []string{d.Theme.Footer.Copyright, d.Theme.Footer.Site}
	for i := range pages {
		p := &pages[i]
		if d.Slides[p.Slide].Layout != deck.LayoutContent {
			continue
		}
		num := fmt.Sprint(i + 1)
		var sawNumber, sawTitle bool
		for k, it := range p.Items {
			r, ok := it.(layout.TextRun)
			if !ok {
				continue
			}
			roles := roleOf(p, k)
			if len(roles) == 0 {
				t.Fatalf("page %d: %q is in no node", i+1, r.Text)
			}
			isFooter := r.Text == num && r.Face.Name() == "NotoSansSC-Bold" && r.Size == d.Theme.Sizes.Footer
			for _, f := range footer {
				isFooter = isFooter || r.Text == f
			}
			decoration := r.Text == d.Theme.Brand || r.Text == "VS" // the wordmark, a comparison's badge
			switch {
			case isFooter || r.Hidden || decoration:
				sawNumber = sawNumber || r.Text == num
				if roles[0] != layout.RoleArtifact {
					t.Errorf("page %d: %q is a %s, not an artifact", i+1, r.Text, roles[0])
				}
			case roles[0] == layout.RoleArtifact:
				t.Errorf("page %d: %q is an artifact", i+1, r.Text)
			case strings.HasPrefix(d.Slides[p.Slide].Title.Plain(), r.Text) && roles[0] == layout.RoleTitle:
				sawTitle = true
			}
		}
		if !sawNumber || !sawTitle {
			t.Errorf("page %d: page number found %v, title found %v", i+1, sawNumber, sawTitle)
		}
	}
}

// TestChartAltSaysItsData: the market-size chart of the built-in report
// is a Figure whose Alt says its title and each year's value, the
// forecasts marked E, and its annotation.
func TestChartAltSaysItsData(t *testing.T) {
	_, pages := loadDefault(t)
	want := "2021-2025年中国金融云市场规模（亿元）：2021 394，2022E 507，2023E 652，2024E 838，2025E 1078；E为预测值；CAGR=28.6%"
	var alts []string
	for i := range pages {
		p := &pages[i]
		p.Tree.Walk(func(n *layout.Node) bool {
			for _, k := range n.Items {
				if img, ok := p.Items[k].(layout.Image); ok && img.Name == "chart:market-size" {
					if n.Role != layout.RoleFigure {
						t.Errorf("the chart's picture is a %s", n.Role)
					}
					alts = append(alts, n.Alt)
				}
			}
			return true
		})
	}
	if len(alts) != 1 || alts[0] != want {
		t.Errorf("alt text of the market-size chart:\n got %q\nwant %q", alts, want)
	}
}

// TestAContinuedTableKeepsItsHeaderRow: on every page of a table that
// continues, the table's first row is its header row again, of header
// cells that head their columns, and no other row is.
func TestAContinuedTableKeepsItsHeaderRow(t *testing.T) {
	var pages []layout.Page
	for _, c := range golden.Load(t, "testdata") {
		if c.Name() == "table-continues" {
			d, diags := content.Load(c.FS(), content.DeckFile, "")
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			pages, _ = layout.Layout(d, defaultFonts(t))
		}
	}
	if len(pages) < 3 {
		t.Fatalf("the table takes %d pages, want 3 or more", len(pages))
	}
	for i := range pages {
		p := &pages[i]
		var rows []*layout.Node
		p.Tree.Walk(func(n *layout.Node) bool {
			if n.Role == layout.RoleHeaderRow || n.Role == layout.RoleRow {
				rows = append(rows, n)
			}
			return true
		})
		if len(rows) < 2 {
			t.Fatalf("page %d: %d rows", i+1, len(rows))
		}
		for k, r := range rows {
			if (k == 0) != (r.Role == layout.RoleHeaderRow) {
				t.Errorf("page %d: row %d is a %s", i+1, k+1, r.Role)
			}
		}
		var heads []string
		for _, c := range rows[0].Children {
			if c.Role == layout.RoleArtifact {
				continue
			}
			if c.Role != layout.RoleHeaderCell || c.Scope != layout.ScopeColumn {
				t.Errorf("page %d: a cell of the header row is a %s of scope %s", i+1, c.Role, c.Scope)
			}
			for _, k := range c.Items {
				heads = append(heads, p.Items[k].(layout.TextRun).Text)
			}
		}
		if got := strings.Join(heads, " "); got != "时间 文件 内容" {
			t.Errorf("page %d: the header row reads %q", i+1, got)
		}
	}
}

// TestFiguresSayWhatTheyShow: a picture, a chart, a diagram and a QR code
// are each one Figure, whose Alt is what a reader hears: the picture's
// alt:, the chart's data (each series named when there are several, a
// missing value as 无数据, the unit where the title does not say it), the
// diagram's layers, the QR code's URL.
func TestFiguresSayWhatTheyShow(t *testing.T) {
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 600, 400)))
	tests := []struct {
		name, block string
		want        string
	}{
		{"a picture says its alt", "image: {path: a.png, alt: 营业网点分布图, height: 100}", "营业网点分布图"},
		{"a chart of two series names each, a gap as 无数据",
			"chart: {title: 收入结构, unit: 亿元, rows: [[年份, 利息, 手续费], [2021, 10.5, 3], [2022, 12, \"-\"]]}",
			"收入结构（单位：亿元）：利息 2021 10.5，2022 12；手续费 2021 3，2022 无数据"},
		{"a chart sorted says its data in the order drawn",
			"chart: {type: hbar, title: 指数, sort: descending, rows: [[行业, 指数], [制造, 5.5], [金融, 30.2]]}",
			"指数：金融 30.2，制造 5.5"},
		{"a diagram says its layers from the top",
			"diagram: {layers: [{label: 应用, items: [金融, 医疗]}, {label: 云计算}]}",
			"示意图，自上而下2层：应用（金融、医疗）；云计算"},
		{"a QR code names its URL", "qr: https://example.com/r?id=1", "二维码：https://example.com/r?id=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\nslides:\n  - title: x\n    blocks:\n      - " + tt.block + "\n"
			_, pages := layOut(t, "deck.yaml", src, "a.png", img.String())
			var alts []string
			pages[0].Tree.Walk(func(n *layout.Node) bool {
				if n.Role == layout.RoleFigure {
					alts = append(alts, n.Alt)
				}
				return true
			})
			if len(alts) != 1 || alts[0] != tt.want {
				t.Errorf("figures say %q, want %q", alts, tt.want)
			}
		})
	}
}

// The hidden text over a chart's picture keeps each value under its
// category: a gap is written 无数据, as the alt text says it.
func TestAChartsHiddenTextKeepsItsGaps(t *testing.T) {
	src := "title: t\nslides:\n  - title: x\n    blocks:\n      - chart: {title: 收入, rows: [[年份, 利息], [2021, 10.5], [2022, \"-\"], [2023, 12]]}\n"
	_, pages := layOut(t, "deck.yaml", src)
	var hidden []string
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok && r.Hidden {
			hidden = append(hidden, r.Text)
		}
	}
	if !slices.Contains(hidden, "10.5 无数据 12") {
		t.Errorf("the hidden lines are %q, want one reading 10.5 无数据 12", hidden)
	}
}
