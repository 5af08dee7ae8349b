package layout_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/golden"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
)

func defaultFonts(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestLayoutGolden lays out each testdata/*.txtar deck and compares the
// dump of its pages (want.layout) and its diagnostics (want.errors).
func TestLayoutGolden(t *testing.T) {
	set := defaultFonts(t)
	for _, c := range golden.Load(t, "testdata") {
		t.Run(c.Name(), func(t *testing.T) {
			d, diags := content.Load(c.FS(), content.DeckFile, "")
			if d == nil {
				t.Fatalf("deck did not load:\n%s", diags)
			}
			pages, more := layout.Layout(d, set)
			diags = append(diags, more...)
			var dump bytes.Buffer
			if err := layout.Dump(&dump, pages); err != nil {
				t.Fatal(err)
			}
			c.Check(t, "want.layout", dump.Bytes())
			c.Check(t, "want.errors", []byte(diags.String()))

			again, _ := layout.Layout(d, set)
			var dump2 bytes.Buffer
			layout.Dump(&dump2, again)
			if !bytes.Equal(dump.Bytes(), dump2.Bytes()) {
				t.Errorf("a second layout of the same deck differs")
			}
		})
	}
}

func loadDefault(t *testing.T) (*deck.Deck, []layout.Page) {
	t.Helper()
	d, diags := content.Load(content.Default(), content.DeckFile, "")
	if len(diags) > 0 {
		t.Fatalf("default deck has diagnostics:\n%s", diags)
	}
	pages, diags := layout.Layout(d, defaultFonts(t))
	if len(diags) > 0 {
		t.Fatalf("default deck layout has diagnostics:\n%s", diags)
	}
	return d, pages
}

// TestDefaultDeckGeometry checks what a designer checks by eye: nothing
// leaves the page, text stays inside the margins, and no two pieces of text
// overlap.
func TestDefaultDeckGeometry(t *testing.T) {
	d, pages := loadDefault(t)
	m := d.Theme.Margins
	for i, p := range pages {
		var runs []layout.TextRun
		for _, it := range p.Items {
			b := it.Bounds()
			if b.X < -0.01 || b.Y < -0.01 || b.X+b.W > p.Size.W+0.01 || b.Y+b.H > p.Size.H+0.01 {
				t.Errorf("page %d: %T at %+v leaves the %vx%v page", i+1, it, b, p.Size.W, p.Size.H)
			}
			if r, ok := it.(layout.TextRun); ok {
				runs = append(runs, r)
				if b.X < m.Left-0.01 || b.X+b.W > p.Size.W-m.Right+0.5 || b.Y+b.H > p.Size.H-m.Bottom+0.01 {
					t.Errorf("page %d: text %q at %+v is outside the margins", i+1, r.Text, b)
				}
			}
		}
		for a := range runs {
			for b := a + 1; b < len(runs); b++ {
				if overlap(runs[a].Bounds(), runs[b].Bounds()) && !squeezedPunct(runs[a], runs[b]) {
					t.Errorf("page %d: text %q and %q overlap", i+1, runs[a].Text, runs[b].Text)
				}
			}
		}
	}
}

// squeezedPunct reports whether a ends in Chinese punctuation whose blank
// half b is set over, as punctuation compression does.
func squeezedPunct(a, b layout.TextRun) bool {
	r, _ := utf8.DecodeLastRuneInString(a.Text)
	ab, bb := a.Bounds(), b.Bounds()
	return strings.ContainsRune("，。、；：）》」』”’】〕〉", r) && ab.Y == bb.Y && ab.X+ab.W-bb.X <= a.Size/2+0.01
}

func overlap(a, b layout.Rect) bool {
	const e = 0.05 // touching is not overlapping
	return a.X+e < b.X+b.W && b.X+e < a.X+a.W && a.Y+e < b.Y+b.H && b.Y+e < a.Y+a.H
}

// TestJustifiedLinesReachTheRightEdge checks that the body paragraphs of the
// default deck are justified: every line but a paragraph's last ends at the
// same right edge.
func TestJustifiedLinesReachTheRightEdge(t *testing.T) {
	_, pages := loadDefault(t)
	p := pages[3]                  // 角色定位驱动: one full-width paragraph
	lines := map[float64]float64{} // baseline -> right end
	for _, it := range p.Items {
		if r, ok := it.(layout.TextRun); ok && r.Size == 12 && r.Face == defaultFonts(t).Regular && !r.Hidden {
			b := r.Bounds()
			lines[r.At.Y] = max(lines[r.At.Y], b.X+b.W)
		}
	}
	if len(lines) < 4 {
		t.Fatalf("want a paragraph of 4 or more lines on page 4, got %d lines", len(lines))
	}
	var ends []float64
	last := 0.0
	for y, end := range lines {
		if y > last {
			last = y
		}
		ends = append(ends, end)
	}
	right := 960 - 40.0
	n := 0
	for y, end := range lines {
		if y == last {
			if end > right-1 {
				t.Errorf("the last line ends at %.2f: it should be left-aligned", end)
			}
			continue
		}
		n++
		if d := end - right; d > 0.05 || d < -0.05 {
			t.Errorf("line at y=%.2f ends at %.2f, want %.2f", y, end, right)
		}
	}
	if n == 0 {
		t.Error("no justified line found")
	}
}

// TestOverflowIsAnErrorAtTheBlock checks that text too long for the slide
// is reported at the block's position, with the amount, and that text that
// fits after shrinking is not reported.
func TestOverflowIsAnErrorAtTheBlock(t *testing.T) {
	tests := []struct {
		name   string
		repeat int
		want   string
	}{
		{"text that fits at body size", 1, ""},
		{"text that fits once shrunk", 6, ""},
		{"text that cannot fit", 150, `deck.yaml:6:9: error: text does not fit its box: the body of slide "s" is 143.0pt too tall even at the minimum size 9pt; it would fit at 7.5pt; shorten the text (this is its tallest block), move some of it to another slide, or lower sizes.min_body in the theme` + "\n"},
		{"text that pushes a chart under it out", 90, `deck.yaml:6:9: error: text does not fit its box: the body of slide "s" is 36.3pt too tall even at the minimum size 9pt; it would fit at 8.5pt; shorten the text (this is its tallest block), move some of it to another slide, or lower sizes.min_body in the theme` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			para := strings.Repeat("云计算作为底层基础类技术，可以整合算力与网络资源。", tt.repeat)
			src := fmt.Sprintf("title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: %s\n", para)
			if strings.Contains(tt.name, "chart") {
				src += "      - chart: {id: c, type: bar, rows: [[a, b], [x, 1], [y, 2]]}\n"
			}
			d := loadDeck(t, "deck.yaml", src)
			_, diags := layout.Layout(d, defaultFonts(t))
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestStatFiguresKeepTheirSign: words before a stat's number are set
// smaller, but a sign, currency or decimal point belongs to the number.
func TestStatFiguresKeepTheirSign(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - stats:\n          items:\n" +
		"            - {figure: \"-5.5%\", who: 甲, statement: 下降。}\n" +
		"            - {figure: 约65%+, who: 乙, statement: 认可。}\n" +
		"            - {figure: 超¥1.2亿, who: 丙, statement: 投入。}\n"
	_, pages := layOut(t, "deck.yaml", src)
	size := map[string]float64{}
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok {
			size[r.Text] = r.Size
		}
	}
	big := size["-5.5%"]
	if big == 0 || size["65%+"] != big || size["¥1.2亿"] != big || size["约"] == 0 || size["约"] >= big || size["超"] >= big || size["超"] == 0 {
		t.Errorf("figure runs and sizes: %v", size)
	}
}

// TestAThemeMistakeIsOneError: a theme whose min_body is over its body
// size, or whose page leaves no room under the title, gives one clear
// error a slide, never a negative height.
func TestAThemeMistakeIsOneError(t *testing.T) {
	for _, tt := range []struct{ theme, want string }{
		{"sizes: {body: 8, min_body: 9}\n", ""},
		{"page: {width: 320, height: 80}\nsizes: {title: 30}\n", `deck.yaml:4:5: error: slide "s" has no room for its body: the page's margins, title and subtitle take its whole height and 93.4pt more; make the page taller, or the margins, title or subtitle smaller` + "\n"},
	} {
		src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    subtitle: 副标题\n    blocks:\n      - paragraph: 云计算作为底层基础类技术。\n"
		d, diags := content.Load(mapFS("deck.yaml", src, "theme.yaml", tt.theme), "deck.yaml", "")
		if d == nil {
			t.Fatal(diags)
		}
		_, more := layout.Layout(d, defaultFonts(t))
		if got := more.String(); got != tt.want {
			t.Errorf("theme %q: layout says %q, want %q", tt.theme, got, tt.want)
		}
	}
}

// TestTheBrandStaysOnThePanel: a long brand wraps inside the cover's
// panel, right-aligned, at a smaller size if need be; one too long for
// two lines is an error at the theme's brand line, not text run off the
// panel.
func TestTheBrandStaysOnThePanel(t *testing.T) {
	for _, tt := range []struct{ brand, want string }{
		{"艾瑞咨询研究院 iResearch Consulting Group", ""},
		{"一个非常非常长的品牌名称 Very Long Brand Name International Consulting Group Limited Partnership of Greater China",
			`theme.yaml:1:8: error: text does not fit its box: the brand "一个非常非常长的品牌名称 Very Long Brand Name International Consulting Group Limited Partnership of Greater China" takes more than two lines of the cover's panel even at 14pt; shorten it, or set a logo` + "\n"},
	} {
		src := "title: t\ntheme: theme.yaml\nslides:\n  - id: c\n    layout: cover\n    title: 报告\n"
		d := loadDeck(t, "deck.yaml", src, "theme.yaml", "brand: "+tt.brand+"\n")
		pages, more := layout.Layout(d, defaultFonts(t))
		if got := more.String(); got != tt.want {
			t.Errorf("brand %q: %q, want %q", tt.brand, got, tt.want)
		}
		if tt.want != "" {
			continue
		}
		panelX := d.Theme.Page.W * 0.64
		for _, it := range pages[0].Items {
			if r, ok := it.(layout.TextRun); ok && r.Fill == (deck.Color{R: 255, G: 255, B: 255, A: 255}) {
				if b := r.Bounds(); b.X < panelX || b.X+b.W > d.Theme.Page.W-d.Theme.Margins.Right+0.01 {
					t.Errorf("brand run %q at %.1f–%.1f, off the panel %.1f–%.1f", r.Text, b.X, b.X+b.W, panelX, d.Theme.Page.W-d.Theme.Margins.Right)
				}
			}
		}
	}
}

// TestStatColumnsEndOnOneLine: stat callouts in columns side by side end
// on one line, the shorter column's callouts grown to match.
func TestStatColumnsEndOnOneLine(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - columns:\n" +
		"          - blocks:\n              - stats:\n                  items:\n" +
		"                    - {figure: 1%, who: 甲, statement: 短。}\n                    - {figure: 2%, who: 乙, statement: 短。}\n                    - {figure: 3%, who: 丙, statement: 短。}\n" +
		"          - blocks:\n              - stats:\n                  items:\n" +
		"                    - {figure: 4%, who: 丁, statement: " + strings.Repeat("较长的说明文字，", 12) + "}\n"
	d, pages := layOut(t, "deck.yaml", src)
	bottom := map[bool]float64{} // by column: left of the middle or not
	mid := d.Theme.Page.W / 2
	for _, it := range pages[0].Items {
		if b, ok := it.(layout.Box); ok && b.Fill == d.Theme.Colors.Light {
			left := b.Rect.X < mid
			bottom[left] = max(bottom[left], b.Rect.Y+b.Rect.H)
		}
	}
	if len(bottom) != 2 || math.Abs(bottom[true]-bottom[false]) > 0.01 {
		t.Errorf("the columns' callouts end at %v", bottom)
	}
}

// TestJustificationHasALimit: a justified line that would need more than
// a quarter em between its characters is left ragged instead.
func TestJustificationHasALimit(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - columns:\n          - weight: 1\n            blocks:\n              - paragraph: 依托RAS特性（Reliability、Availability、Serviceability）的集中式架构。\n          - weight: 10\n            blocks:\n              - paragraph: 正文\n"
	d := loadDeck(t, "deck.yaml", src)
	pages, _ := layout.Layout(d, defaultFonts(t))
	most := 0.0
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok && !r.Hidden {
			most = max(most, r.Spacing/r.Size)
		}
	}
	t.Logf("widest spacing %.3f em", most)
	if most > 0.25+1e-9 {
		t.Errorf("a line is spaced %.3f em between characters, over the quarter em", most)
	}
}

// TestLinkURIsAreASCII: a link's URI in the PDF is 7-bit ASCII, the rest
// percent-encoded.
func TestLinkURIsAreASCII(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - link: {url: \"https://例子.cn/报告 2022?q=云\"}\n"
	d := loadDeck(t, "deck.yaml", src)
	pages, _ := layout.Layout(d, defaultFonts(t))
	var uris []string
	for _, it := range pages[0].Items {
		if l, ok := it.(layout.Link); ok {
			uris = append(uris, l.URL)
		}
	}
	want := "https://%E4%BE%8B%E5%AD%90.cn/%E6%8A%A5%E5%91%8A%202022?q=%E4%BA%91"
	if len(uris) == 0 || uris[0] != want {
		t.Errorf("URIs %q, want %q", uris, want)
	}
}

// TestAnImageTooTallIsNamedAsSuch: a body too tall because of a picture's
// height says to make the picture smaller, at its line, not to shorten
// text.
func TestAnImageTooTallIsNamedAsSuch(t *testing.T) {
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 40, 40)))
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: 正文。\n      - image: {path: a.png, height: 2000, alt: 图}\n"
	d := loadDeck(t, "deck.yaml", src, "a.png", img.String())
	_, diags := layout.Layout(d, defaultFonts(t))
	want := "deck.yaml:7:9: warning: image \"a.png\" is 40×40 pixels: 880pt wide on the slide, it prints at 3 dpi and looks blurred; use one 1833 pixels wide or more\n" +
		"deck.yaml:7:9: error: text does not fit its box: the body of slide \"s\" is 500.9pt too tall even at the minimum size 9pt; make this block smaller (it is the tallest: give it a lower height), or move a block to another slide\n"
	if got := diags.String(); got != want {
		t.Errorf("diagnostics\n%s\nwant\n%s", got, want)
	}
}

// TestMissingGlyphsAreListedThenCounted: a text in a script the fonts lack
// gives the first characters one by one and one error for the rest.
func TestMissingGlyphsAreListedThenCounted(t *testing.T) {
	var thai []rune
	for r := rune(0x0E01); r < 0x0E01+30; r++ {
		thai = append(thai, r)
	}
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: " + string(thai) + "\n"
	d := loadDeck(t, "deck.yaml", src)
	_, diags := layout.Layout(d, defaultFonts(t))
	lines := strings.Split(strings.TrimSpace(diags.String()), "\n")
	if len(lines) != 21 || !strings.Contains(diags.String(), "error: and 10 more characters the fonts cannot draw, not listed one by one") {
		t.Errorf("%d diagnostics:\n%s", len(lines), diags)
	}
}

// TestTableCellsKeepTheirLineBreaks: a line break in a table cell (a CSV
// cell's Alt+Enter, a YAML literal block) starts a new line in the cell.
func TestTableCellsKeepTheirLineBreaks(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 表\n    blocks:\n      - table: {rows: [[时间, 内容], [\"2021\", \"第一行\\n\\n第二行\"]]}\n"
	_, pages := layOut(t, "deck.yaml", src)
	y := map[string]float64{}
	for _, it := range pages[0].Items {
		if r, ok := it.(layout.TextRun); ok {
			y[r.Text] = r.At.Y
		}
	}
	if y["第一行"] == 0 || y["第二行"] <= y["第一行"] {
		t.Errorf("runs and baselines: %v", y)
	}
}

// TestCJKLatinSpaceIsATheme choice: with cjk_latin_space a quarter em
// stands between Chinese and Latin letters or digits; without, none.
func TestCJKLatinSpaceIsAThemeChoice(t *testing.T) {
	for _, on := range []bool{false, true} {
		src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: 使用Kubernetes部署\n"
		d := loadDeck(t, "deck.yaml", src, "theme.yaml", fmt.Sprintf("fit: shrink\ncjk_latin_space: %v\n", on))
		pages, _ := layout.Layout(d, defaultFonts(t))
		var runs []layout.TextRun
		for _, it := range pages[0].Items {
			if r, ok := it.(layout.TextRun); ok && r.Size == d.Theme.Sizes.Body {
				runs = append(runs, r)
			}
		}
		want := 0.0
		if on {
			want = d.Theme.Sizes.Body / 4
		}
		end := runs[0].At.X
		var gaps []float64
		for _, r := range runs {
			gaps = append(gaps, r.At.X-end)
			end = r.At.X + r.Width()
		}
		for _, g := range gaps[1:] {
			if math.Abs(g-want) > 0.01 {
				t.Errorf("cjk_latin_space %v: gaps between runs %v, want %g", on, gaps[1:], want)
				break
			}
		}
		if on && len(runs) != 3 {
			t.Errorf("runs %d, want 3", len(runs))
		}
	}
}

// TestFooterTextsDoNotOverlap: a copyright and a site too long to share
// the footer line are one error at the theme, not text over text.
func TestFooterTextsDoNotOverlap(t *testing.T) {
	long := strings.Repeat("版权所有 Copyright ", 12)
	for _, tt := range []struct{ copyright, want string }{
		{"©2022 iResearch", ""},
		{long, "theme.yaml:1:21: error: text does not fit its box: the footer's copyright and site overlap by 696.6pt; shorten one of them, or lower sizes.footer\n"},
	} {
		theme := fmt.Sprintf("footer: {copyright: %q, site: %q}\n", tt.copyright, "www."+strings.Repeat("example", 20)+".com")
		src := "title: t\ntheme: theme.yaml\nslides:\n  - id: a\n    title: 一\n  - id: b\n    title: 二\n"
		d := loadDeck(t, "deck.yaml", src, "theme.yaml", theme)
		_, diags := layout.Layout(d, defaultFonts(t))
		if got := diags.String(); got != tt.want {
			t.Errorf("copyright %q: %q, want %q", tt.copyright, got, tt.want)
		}
	}
}

// TestCJKLatinSpaceKeepsJustifiedLinesInTheirColumn: with cjk_latin_space,
// a dense paragraph of Chinese mixed with Latin words and numbers, set
// across the page, has every justified line end at the right margin, no
// run past it (lines ran past by a quarter em a gap the line breaker
// had not counted).
func TestCJKLatinSpaceKeepsJustifiedLinesInTheirColumn(t *testing.T) {
	para := strings.Repeat("使用Kubernetes部署AI模型，2021年GPU集群规模达到3000台，采用RDMA网络与NVMe存储，推理延迟降至5ms以内；"+
		"在Linux和Windows环境下CPU利用率提高20%以上，API调用量同比增长3倍，SaaS收入占比达到45%。", 3)
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: " + para + "\n"
	d, pages := layOut(t, "deck.yaml", src, "theme.yaml", "fit: shrink\ncjk_latin_space: true\n")
	right := d.Theme.Page.W - d.Theme.Margins.Right
	ends := map[float64]float64{} // baseline -> right end of the line
	for _, it := range pages[0].Items {
		r, ok := it.(layout.TextRun)
		if !ok || r.Src.Line != 7 { // the paragraph
			continue
		}
		end := r.At.X + r.Width()
		if last, _ := utf8.DecodeLastRuneInString(r.Text); strings.ContainsRune("，。、；：）》」』”’", last) {
			end -= r.Size / 2 // the blank half of a closing mark
		}
		ends[r.At.Y] = max(ends[r.At.Y], end)
	}
	if len(ends) < 4 {
		t.Fatalf("%d lines, want 4 or more", len(ends))
	}
	last := 0.0
	for y := range ends {
		last = max(last, y)
	}
	for y, end := range ends {
		if y != last && math.Abs(end-right) > 0.01 || end > right+0.01 {
			t.Errorf("line at y=%.2f ends at %.2f, want %.2f", y, end, right)
		}
	}
}

// TestThemeStringsAreReportedAtTheirKeys: a character the fonts cannot
// draw in a string of the theme is reported at the key that sets it, and
// once, not at the top of the theme file (footer.copyright was reported at
// theme.yaml:2:1) nor at the slide that shows it.
func TestThemeStringsAreReportedAtTheirKeys(t *testing.T) {
	missing := func(pos, before string) string {
		return pos + ": error: character 'ก' (U+0E01) after \"" + before + "\" is not in the fonts NotoSansSC-Regular and NotoSansSC-Bold; remove it, or name fonts that have it in the theme\n"
	}
	src := "title: t\ntheme: theme.yaml\nslides:\n  - id: s\n    title: 标题\n    note: 说明\n    source: 资料\n" +
		"    blocks:\n      - chart: {id: c, type: bar, rows: [[a, b], [x, 1], [y, 2]], source: 图源}\n  - id: z\n    title: 二\n    note: 再说明\n"
	for _, tt := range []struct{ name, theme, want string }{
		{"the copyright at footer.copyright", "# 主题\nfooter:\n  copyright: \"©2022 版权ก\"\n", missing("theme.yaml:3:14", "©2022 版权")},
		{"the site at footer.site", "# 主题\nfooter:\n  site: www.abcก.cn\n", missing("theme.yaml:3:9", "www.abc")},
		{"the page number at footer.page_number", "# 主题\nfooter: {page_number: \"第{page}页ก\"}\n", missing("theme.yaml:2:23", "第1页")},
		{"the brand at brand", "# 主题\nbrand: 品牌ก\n", missing("theme.yaml:2:8", "品牌")},
		{"the note label at labels.note", "# 主题\nlabels:\n  note: 注释ก：\n", missing("theme.yaml:3:9", "注释")},
		{"the source label at labels.source, under the slide and the chart", "# 主题\nlabels:\n  source: 来源ก：\n", missing("theme.yaml:3:11", "来源")},
		{"an overlap of copyright and site at footer.copyright", "# 主题\nfooter:\n  copyright: " + strings.Repeat("版权所有", 30) + "\n  site: www." + strings.Repeat("example", 20) + ".com\n",
			"theme.yaml:3:14: error: text does not fit its box: the footer's copyright and site overlap by 790.2pt; shorten one of them, or lower sizes.footer\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := content.Load(mapFS("deck.yaml", src, "theme.yaml", tt.theme), "deck.yaml", "")
			if d == nil || len(diags) > 0 {
				t.Fatalf("loading: %s", diags)
			}
			_, diags = layout.Layout(d, defaultFonts(t))
			if got := diags.String(); got != tt.want {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestALowResolutionImageIsWarnedOnceAtItsSize: a picture without a
// height is laid out more than once while its body is fitted (first at a
// minimum height, then with the room the other blocks leave); it is
// warned about once, at the width it is drawn at (it was warned about at
// each width it was tried at).
func TestALowResolutionImageIsWarnedOnceAtItsSize(t *testing.T) {
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 80, 60)))
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: 正文。\n      - image: {path: a.png, alt: 图}\n"
	d := loadDeck(t, "deck.yaml", src, "a.png", img.String())
	pages, diags := layout.Layout(d, defaultFonts(t))
	var drawn []layout.Rect
	for _, it := range pages[0].Items {
		if im, ok := it.(layout.Image); ok {
			drawn = append(drawn, im.Rect)
		}
	}
	if len(drawn) != 1 {
		t.Fatalf("%d images drawn, want 1", len(drawn))
	}
	w := drawn[0].W
	want := fmt.Sprintf("deck.yaml:7:9: warning: image \"a.png\" is 80×60 pixels: %.0fpt wide on the slide, it prints at %.0f dpi and looks blurred; use one %d pixels wide or more\n", w, 80/(w/72), int(w/72*150+0.5))
	if got := diags.String(); got != want {
		t.Errorf("diagnostics\n%s\nwant\n%s", got, want)
	}
}

// TestAJustifiedLineKeepsAFullWidthNumberTogether: a justified line
// widens the gaps between Chinese characters, not those inside a number
// of full-width digits (２０２１, ３，０００), which the line breaker keeps
// whole as it keeps 2021 (its digits were spread apart like the
// characters around them).
func TestAJustifiedLineKeepsAFullWidthNumberTogether(t *testing.T) {
	para := strings.Repeat("截至２０２１年底，数据中心 PUE 降至１．３，机架规模超过３，０００个，全行完成核心系统的分布式改造。", 6)
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: " + para + "\n"
	_, pages := layOut(t, "deck.yaml", src)
	fullWidth := func(r rune) bool { return r >= '０' && r <= '９' || r == '，' || r == '．' }
	digit := func(r rune) bool { return r >= '０' && r <= '９' }
	stretched, inNumber := 0, 0
	for _, it := range pages[0].Items {
		r, ok := it.(layout.TextRun)
		if !ok || r.Spacing <= 0 {
			continue
		}
		rs := []rune(r.Text)
		for i := 0; i+2 < len(rs); i++ { // the gaps inside the run
			stretched++
			if a, b := rs[i], rs[i+1]; fullWidth(a) && fullWidth(b) && (digit(a) || digit(b)) {
				inNumber++
				t.Errorf("%q: the gap between %q and %q is widened by %.2fpt", r.Text, a, b, r.Spacing)
			}
		}
	}
	if stretched == 0 {
		t.Fatal("no justified line is widened: the test proves nothing")
	}
	t.Logf("%d gaps widened, %d of them inside a number", stretched, inNumber)
}
