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
