package layout_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// TestALongTableContinuesOverSlides checks the properties of a split
// table: every row once and in order, the header on every page, the title
// with （续）, the blocks before it on the first page only.
func TestALongTableContinuesOverSlides(t *testing.T) {
	var rows []string
	for i := 1; i <= 40; i++ {
		rows = append(rows, fmt.Sprintf("            - [R%02d, 布局先进高效的算力体系，加快云计算技术规范应用，稳妥推进信息系统向多节点并行运行。]", i))
	}
	src := "title: t\nslides:\n  - id: s\n    title: 长表\n    blocks:\n      - paragraph: 表格之前。\n      - table:\n          rows:\n            - [编号, 内容]\n" + strings.Join(rows, "\n") + "\n"
	_, pages := layOut(t, "deck.yaml", src)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the table over three or more", len(pages))
	}
	var seen []string
	for i, p := range pages {
		var texts []string
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok {
				texts = append(texts, r.Text)
				if strings.HasPrefix(r.Text, "R") && len(r.Text) == 3 {
					seen = append(seen, r.Text)
				}
			}
		}
		all := strings.Join(texts, "|")
		if !strings.Contains(all, "编号|内容") {
			t.Errorf("page %d has no header row", i+1)
		}
		if (i > 0) != strings.HasSuffix(p.Title, "（续）") || (i > 0) != strings.Contains(all, "长表（续）") {
			t.Errorf("page %d: bookmark %q, title continued: %v", i+1, p.Title, strings.Contains(all, "（续）"))
		}
		if (i == 0) != strings.Contains(all, "表格之前。") {
			t.Errorf("page %d: the paragraph before the table is misplaced", i+1)
		}
		if !strings.Contains(all, fmt.Sprintf("|%d", i+1)) {
			t.Errorf("page %d lacks its page number", i+1)
		}
	}
	if len(seen) != 40 {
		t.Fatalf("%d rows drawn, want 40: %v", len(seen), seen)
	}
	for i, r := range seen {
		if want := fmt.Sprintf("R%02d", i+1); r != want {
			t.Fatalf("row %d is %s, want %s", i+1, r, want)
		}
	}
}

// TestPagesNameTheirSlide: every page carries the index of its slide and
// which of the slide's pages it is, so that a page after a continued
// table is not taken for a later slide.
func TestPagesNameTheirSlide(t *testing.T) {
	var rows []string
	for i := 1; i <= 40; i++ {
		rows = append(rows, fmt.Sprintf("            - [R%02d, 布局先进高效的算力体系，加快云计算技术规范应用，稳妥推进信息系统向多节点并行运行。]", i))
	}
	src := "title: t\nslides:\n  - id: a\n    layout: cover\n    title: 封面\n  - id: s\n    title: 长表\n    blocks:\n      - table:\n          rows:\n            - [编号, 内容]\n" +
		strings.Join(rows, "\n") + "\n  - id: z\n    title: 末页\n"
	d, pages := layOut(t, "deck.yaml", src)
	var got []string
	for _, p := range pages {
		got = append(got, fmt.Sprintf("%s/%d", d.Slides[p.Slide].ID, p.Part))
	}
	want := []string{"a/0", "s/0", "s/1", "s/2", "z/0"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pages show slide/part %v, want %v", got, want)
	}
}

// TestARowTallerThanASlideUnderTitleAndHeader tests the boundary of the
// row-too-tall error: a row goes on a page under the table's title with
// （续） and its header, so a row that would fit a body alone but not under
// them is the error, and a row one line shorter, which fits under them,
// is not. The theme keeps the body at its size, so that the table
// continues instead of shrinking.
func TestARowTallerThanASlideUnderTitleAndHeader(t *testing.T) {
	deckWith := func(lines int) string {
		var cell []string
		for i := 1; i <= lines; i++ {
			cell = append(cell, fmt.Sprintf("第%d行", i))
		}
		return "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 高行\n    blocks:\n      - table:\n          title: 表题\n          rows:\n" +
			"            - [项目, 说明]\n            - [短, 短]\n            - [长, \"" + strings.Join(cell, `\n`) + "\"]\n"
	}
	for _, tt := range []struct {
		name  string
		lines int
		want  string
	}{
		{"a row that fits under the title and header is no error", 21, ""},
		{"a row that fits a body alone but not under the title and header is the error", 22,
			"deck.yaml:12:16: error: a table row is 349.3pt tall, more than a whole slide holds under the table's title and header (340.5pt): shorten it\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := loadDeck(t, "deck.yaml", deckWith(tt.lines), "theme.yaml", "sizes: {min_body: 12}\n")
			_, diags := layout.Layout(d, defaultFonts(t))
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestPageNumbersCountPages: a footer's {page} and {pages} count pages,
// not slides: a table continued over three pages makes a deck of two
// slides four pages long.
func TestPageNumbersCountPages(t *testing.T) {
	var rows []string
	for i := 1; i <= 40; i++ {
		rows = append(rows, fmt.Sprintf("            - [R%02d, 布局先进高效的算力体系，加快云计算技术规范应用，稳妥推进信息系统向多节点并行运行。]", i))
	}
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 长表\n    blocks:\n      - table:\n          rows:\n            - [编号, 内容]\n" +
		strings.Join(rows, "\n") + "\n  - id: z\n    title: 末页\n"
	_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "footer: {page_number: \"第{page}/{pages}页\"}\n")
	var got []string
	for _, p := range pages {
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok && strings.HasPrefix(r.Text, "第") && strings.HasSuffix(r.Text, "页") {
				got = append(got, r.Text)
			}
		}
	}
	want := []string{"第1/4页", "第2/4页", "第3/4页", "第4/4页"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("page numbers %q, want %q", got, want)
	}
}

// runsOf returns the text runs of page p whose text is one of texts, by
// text.
func runsOf(p layout.Page, texts ...string) map[string]layout.TextRun {
	out := map[string]layout.TextRun{}
	for _, it := range p.Items {
		if r, ok := it.(layout.TextRun); ok && slices.Contains(texts, r.Text) {
			out[r.Text] = r
		}
	}
	return out
}

// TestDecimalPointsStandOneUnderAnother checks a column of numbers as
// analysts write them: the decimal points, and the place a whole number's
// point would be, are at one x, the total row's bold figures included;
// the header is set to the right of the column, past every figure; the
// stub column, years, stays to the left.
func TestDecimalPointsStandOneUnderAnother(t *testing.T) {
	_, pages := layOut(t, "deck.yaml", "title: t\nslides:\n  - title: 数字\n    blocks:\n      - table:\n          totals: [合计]\n          rows:\n"+
		"            - [年份, 变动, 说明]\n            - [\"2021\", \"1,301.25\", 甲]\n            - [\"2022\", \"(14.4)\", 乙]\n"+
		"            - [\"2023\", \"56\", 丙]\n            - [\"2024\", \"2.5%\", 丁]\n            - [合计, \"1,345.2\", 戊]\n")
	runs := runsOf(pages[0], "变动", "1,301.25", "(14.4)", "56", "2.5%", "1,345.2", "2021", "2023", "年份")
	point := func(r layout.TextRun) float64 {
		before := r.Text
		if i := strings.Index(before, "."); i >= 0 {
			before = before[:i]
		}
		before = strings.TrimRight(before, ")%")
		return r.At.X + r.Face.Width(before, r.Size)
	}
	want := point(runs["1,301.25"])
	for _, s := range []string{"(14.4)", "56", "2.5%", "1,345.2"} {
		r, ok := runs[s]
		if !ok {
			t.Fatalf("no run %q", s)
		}
		if got := point(r); math.Abs(got-want) > 0.01 {
			t.Errorf("the point of %q is at %.2f, that of 1,301.25 at %.2f", s, got, want)
		}
	}
	if f := runs["1,345.2"].Face.Name(); !strings.Contains(f, "Bold") {
		t.Errorf("the total is set in %s, want bold", f)
	}
	head := runs["变动"]
	headEnd := head.At.X + head.Face.Width(head.Text, head.Size)
	for _, s := range []string{"1,301.25", "(14.4)", "1,345.2"} {
		r := runs[s]
		if end := r.At.X + r.Face.Width(r.Text, r.Size); end > headEnd+0.01 {
			t.Errorf("%q ends at %.2f, past its header's right edge %.2f", s, end, headEnd)
		}
	}
	if runs["2021"].At.X != runs["年份"].At.X || runs["2023"].At.X != runs["年份"].At.X {
		t.Errorf("the stub's years start at %.2f and %.2f, its header at %.2f: want all to the left", runs["2021"].At.X, runs["2023"].At.X, runs["年份"].At.X)
	}
}

// TestATotalRowIsBoldUnderARule: a total row's cells are bold, and a rule
// in the primary colour lies along its top, across the table; the other
// rows have none.
func TestATotalRowIsBoldUnderARule(t *testing.T) {
	d, pages := layOut(t, "deck.yaml", "title: t\nslides:\n  - title: 合计\n    blocks:\n      - table:\n          totals: [合计]\n          rows:\n"+
		"            - [项目, 金额]\n            - [甲, \"1.5\"]\n            - [合计, \"1.5\"]\n")
	primary := d.Theme.Colors.Primary
	runs := runsOf(pages[0], "甲", "合计")
	var rules []layout.Box
	for _, it := range pages[0].Items {
		if b, ok := it.(layout.Box); ok && b.Fill == primary && b.Rect.H < 2 {
			rules = append(rules, b)
		}
	}
	if len(rules) != 1 {
		t.Fatalf("%d thin rules in the primary colour, want 1: %v", len(rules), rules)
	}
	total, first := runs["合计"], runs["甲"]
	if r := rules[0].Rect; !(r.Y > first.At.Y && r.Y < total.At.Y-total.Size) || r.W < 800 {
		t.Errorf("the rule %v is not across the table between 甲 (baseline %.2f) and 合计 (baseline %.2f)", r, first.At.Y, total.At.Y)
	}
	if !strings.Contains(total.Face.Name(), "Bold") || strings.Contains(first.Face.Name(), "Bold") {
		t.Errorf("合计 in %s, 甲 in %s: want only the total bold", total.Face.Name(), first.Face.Name())
	}
}

// TestASpanningCategoryIsDrawnAgainWhereTheTableContinues: a category
// merged over many rows is drawn once per page it spans: at its first
// row, and at the top of the continuation, never on the rows between.
func TestASpanningCategoryIsDrawnAgainWhereTheTableContinues(t *testing.T) {
	var rows []string
	for i := 1; i <= 30; i++ {
		rows = append(rows, fmt.Sprintf("            - [公司贷款, R%02d, 布局先进高效的算力体系，加快云计算技术规范应用，稳妥推进信息系统向多节点并行运行。]", i))
	}
	src := "title: t\ntheme: theme.yaml\nslides:\n  - title: 长表\n    blocks:\n      - table:\n          merge: [类别]\n          rows:\n            - [类别, 编号, 内容]\n" + strings.Join(rows, "\n") + "\n"
	_, pages := layOut(t, "deck.yaml", src, "theme.yaml", "sizes: {min_body: 12}\n")
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the table over two or more", len(pages))
	}
	for i, p := range pages {
		var cats, firstRow []float64
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok {
				switch {
				case r.Text == "公司贷款":
					cats = append(cats, r.At.Y)
				case strings.HasPrefix(r.Text, "R") && len(r.Text) == 3 && len(firstRow) == 0:
					firstRow = append(firstRow, r.At.Y)
				}
			}
		}
		if len(cats) != 1 || len(firstRow) != 1 || math.Abs(cats[0]-firstRow[0]) > 0.01 {
			t.Errorf("page %d: the category is drawn at %v, the page's first row at %v: want once, on that row", i+1, cats, firstRow)
		}
	}
}
