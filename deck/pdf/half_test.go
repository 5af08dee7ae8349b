package pdf_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
)

// pairsDeck is a deck thick with compressed punctuation pairs, in a
// paragraph, in bold and in table cells, where plain pdftotext reads each
// cell as a block of its own.
const pairsDeck = `title: t
slides:
  - title: 标点（一）：成对
    blocks:
      - paragraph: 增量市场：（1）云原生。中国信通院《中国数字经济发展报告（2022年）》，艾瑞咨询。他说：“好”。
      - paragraph: "**重点：（甲）、（乙）；**「引号」，『双引号』。【注】：〔一〕〈二〉。"
      - table:
          rows:
            - [时间, 政策文件, 主要内容]
            - [2022/01, 《金融科技发展规划（2022-2025）》, 布局先进高效的算力体系（云计算），稳妥推进。]
            - [2020/04, 《关于推进“上云用数赋智”行动》, 深化数字化转型服务（试点）。]
`

// compressedDeck is a deck whose justified lines, in a narrow column,
// set closing marks at half their advance to take one more piece: inside
// a line ("增量；投资收益") and at its end.
const compressedDeck = `title: t
theme: theme.yaml
slides:
  - title: 标点（二）：挤压
    blocks:
      - columns:
          - weight: 4
            blocks:
              - paragraph: 左栏。
          - weight: 2
            blocks:
              - paragraph: 手续费及佣金净收入1,012.7亿元，同比增长6.0%，财富管理与托管业务贡献主要增量；投资收益563.2亿元，同比增长6.87%。
`

// closingMarks are the marks no line may start with.
const closingMarks = "，。、；：）》」』”’】〕〉"

// extractors are the text extractors a reader uses, each with the command
// line that prints the text of a file.
var extractors = []struct {
	name string
	args func(file string) []string
}{
	{"pdftotext -raw", func(f string) []string { return []string{"pdftotext", "-raw", "-enc", "UTF-8", f, "-"} }},
	{"pdftotext", func(f string) []string { return []string{"pdftotext", "-enc", "UTF-8", f, "-"} }},
	{"mutool draw -F txt", func(f string) []string { return []string{"mutool", "draw", "-q", "-F", "txt", "-o", "-", f} }},
}

// extract returns the text x reads in file.
func extract(t *testing.T, args func(string) []string, file string) string {
	t.Helper()
	a := args(file)
	out, _ := run(t, a[0], a[1:]...)
	if strings.TrimSpace(out) == "" {
		t.Fatalf("%s reads no text", strings.Join(a, " "))
	}
	return out
}

// closingStarts returns the lines of text that start with a closing mark.
func closingStarts(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && strings.ContainsRune(closingMarks, []rune(l)[0]) {
			out = append(out, l)
		}
	}
	return out
}

// withoutHalf returns the pages with every run's mark drawn full, as
// before the half-width forms: the next run starts inside its box.
func withoutHalf(pages []layout.Page) []layout.Page {
	out := make([]layout.Page, len(pages))
	for i, p := range pages {
		p.Items = append([]layout.Item(nil), p.Items...)
		for k, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok {
				r.Half = false
				p.Items[k] = r
			}
		}
		out[i] = p
	}
	return out
}

// TestHalfWidthMarksKeepTheLineWhole renders decks with compressed
// punctuation pairs, with the marks' half-width forms and without them,
// and reads both with each extractor: with them, no line starts with a
// closing mark and the text is the same but for white space, in as many
// lines or fewer; the pages look the same.
func TestHalfWidthMarksKeepTheLineWhole(t *testing.T) {
	tooltest.Need(t, "pdftotext", "mutool", "pdftoppm")
	decks := []testDeck{
		defaultDeck(t),
		build(t, "pairs", fstest.MapFS{"deck.yaml": {Data: []byte(pairsDeck)}}, charts.Options{}),
		build(t, "compressed", fstest.MapFS{"deck.yaml": {Data: []byte(compressedDeck)}, "theme.yaml": {Data: []byte("fit: shrink\n")}}, charts.Options{}),
	}
	for _, d := range decks {
		for _, e := range []pdf.Engine{pdf.EngineFPDF, pdf.EngineGoPDF} {
			dir := t.TempDir()
			half, full := filepath.Join(dir, "half.pdf"), filepath.Join(dir, "full.pdf")
			old := d
			old.pages = withoutHalf(d.pages)
			for file, deck := range map[string]testDeck{half: d, full: old} {
				if err := os.WriteFile(file, write(t, deck, e), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, x := range extractors {
				t.Run(d.name+" by "+e.String()+" reads whole lines with "+x.name, func(t *testing.T) {
					got, was := extract(t, x.args, half), extract(t, x.args, full)
					for _, l := range closingStarts(got) {
						t.Errorf("a line starts with a closing mark: %q", l)
					}
					if d.name == "pairs" && x.name == "pdftotext -raw" && len(closingStarts(was)) == 0 {
						t.Errorf("with the marks drawn full, no line starts with a closing mark: the deck does not show the flaw")
					}
					if a, b := strings.Join(strings.Fields(got), ""), strings.Join(strings.Fields(was), ""); a != b {
						t.Errorf("the text differs from the marks drawn full:\nhalf %s\nfull %s", a, b)
					}
					n, m := strings.Count(got, "\n"), strings.Count(was, "\n")
					t.Logf("%d lines, %d with the marks drawn full (%d of them starting with a closing mark)", n, m, len(closingStarts(was)))
					if n > m {
						t.Errorf("%d lines, more than the %d with the marks drawn full", n, m)
					}
					if d.name == "compressed" && x.name == "pdftotext -raw" && n == m {
						t.Errorf("with the marks drawn full, as many lines: the deck does not show the flaw")
					}
				})
			}
			t.Run(d.name+" by "+e.String()+" looks as with the marks drawn full", func(t *testing.T) {
				a, b := raster(t, half), raster(t, full)
				for i := range a {
					mean, local := diff(t, a[i], b[i])
					if mean > maxMeanDiff || local > maxTileDiff {
						t.Errorf("page %d differs by %.4f on average, %.2f over a tile (thresholds %.2f, %d)", i+1, mean, local, maxMeanDiff, maxTileDiff)
					}
				}
			})
		}
	}
}
