package layout_test

import (
	"fmt"
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
