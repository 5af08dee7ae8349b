package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck"
)

func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func TestDefaultReportLoadsWithoutDiagnostics(t *testing.T) {
	d, diags := Load(Default(), DeckFile, "")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	var ids []string
	for _, s := range d.Slides {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "cover summary why-cloud role technology business policy market-size closing" {
		t.Errorf("slides = %s", got)
	}
	lab := d.Slides[1].Blocks[1].(*deck.Labeled)
	if lab.Label.Plain() != "市场规模" || !strings.HasSuffix(lab.Body[0].Plain(), "2025年我国金融云市场规模将有望突破千亿。") {
		t.Errorf("summary block 2 = %q: %q", lab.Label.Plain(), lab.Body[0].Plain())
	}
	if lab.Pos != (deck.Pos{File: "deck.yaml", Line: 34, Col: 9}) {
		t.Errorf("summary block 2 at %v, want deck.yaml:34:9", lab.Pos)
	}
	stats := d.Slides[5].Blocks[1].(*deck.Columns).Columns[0][0].(*deck.Stats)
	if got := stats.Items[2].Figure.Plain(); got != "约75.3%" || stats.Items[2].Pos.String() != "data/cloud-value.csv:4:1" {
		t.Errorf("third stat = %q at %v", got, stats.Items[2].Pos)
	}
	if d.Theme.Footer.Copyright != "©2022.9 iResearch Inc" || d.Meta.Date.Format("2006-01-02") != "2022-09-30" {
		t.Errorf("theme footer %q, date %v", d.Theme.Footer.Copyright, d.Meta.Date)
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a break between hanzi is not a space", "金融云行\n业步入", "金融云行业步入"},
		{"a break after Latin before hanzi is not a space", "金融IT\n系统", "金融IT系统"},
		{"a break after punctuation before a digit is not a space", "28.6%，\n2025年", "28.6%，2025年"},
		{"a break between Latin words is a space", "cloud\nnative", "cloud native"},
		{"indentation is dropped", "云\n   计算", "云计算"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinLines(tt.in); got != tt.want {
				t.Errorf("joinLines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBoldMarkup(t *testing.T) {
	got := parseText(deck.Pos{}, "**资源高效利用：**支持**按需**调整")
	want := []deck.Span{{Text: "资源高效利用：", Bold: true}, {Text: "支持"}, {Text: "按需", Bold: true}, {Text: "调整"}}
	if len(got.Spans) != len(want) {
		t.Fatalf("spans = %+v", got.Spans)
	}
	for i := range want {
		if got.Spans[i] != want[i] {
			t.Errorf("span %d = %+v, want %+v", i, got.Spans[i], want[i])
		}
	}
}

// TestDiagnostics checks the whole message of each kind of problem,
// position included.
func TestDiagnostics(t *testing.T) {
	const slide = "title: t\nslides:\n  - title: 标题\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"YAML syntax error", files("deck.yaml", "title: t\nslides: [\n  - a: b\n"),
			"deck.yaml:2:9: error: YAML syntax: sequence end token ']' not found\n"},
		{"YAML indentation error points at the line", files("deck.yaml", "title: t\nslides:\n  - title: x\n    blocks:\n      - chart:\n          id: a\n         type: bar\n          rows: [[a, b], [x, 1]]\n"),
			"deck.yaml:7:10: error: YAML syntax: value is not allowed in this context (check this line's indentation against the lines above it)\n"},
		{"bold at the start of a plain value", files("deck.yaml", slide+"    subtitle: **a**\n"),
			"deck.yaml:4:15: error: YAML syntax: unknown anchor '*a**' referenced (a value that starts with * or **bold** must be quoted: \"**…**\")\n"},
		{"empty file", files("deck.yaml", ""), "deck.yaml: error: the file is empty\n"},
		{"sequences nested without end", files("deck.yaml", "title: t\nslides:\n"+strings.Repeat("- ", 20000)+"x\n"),
			"deck.yaml:3:20001: error: YAML syntax: the content is nested more than 10000 deep\n"},
		{"a data file of too many columns", files("deck.yaml", slide+"    blocks:\n      - table: {data: d.csv}\n", "d.csv", strings.Repeat("a,", 150)+"a\n"),
			"d.csv:1:1: error: this row has 151 cells; deck reads at most 100 columns (is the file separated by commas?)\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"a second YAML document", files("deck.yaml", "---\ntitle: t\nslides:\n  - title: x\n---\ntitle: ignored?\n"),
			"deck.yaml:5: error: YAML syntax: a second document starts here (a line of --- or ...); a deck file is one document: remove the line, or join the documents\n"},
		{"CSV separated by semicolons, tabs, or old Mac line ends", files("deck.yaml", slide+"    blocks:\n      - chart: {id: a, type: bar, data: a.csv}\n      - chart: {id: b, type: bar, data: b.csv}\n      - chart: {id: c, type: bar, data: c.csv}\n      - chart: {id: d, type: bar, data: d.csv}\n",
			"a.csv", "年;值\n2021;1.5\n", "b.csv", "年\t值\n2021\t1\n", "c.csv", "年,值\r2021,2\r", "d.csv", "年;值\n2021;x\n"),
			"d.csv:2:6: error: 值 of 2021 is \"x\", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)\ndeck.yaml:8:41: note: the block that reads it\n"},
		{"a category or series twice", files("deck.yaml", slide+"    blocks:\n      - chart: {id: a, type: bar, data: a.csv}\n", "a.csv", "年,值,值\n2021,1,2\n2021,3,4\n"),
			"a.csv:1:5: warning: series \"值\" is already at a.csv:1:3: the legend names two series alike\ndeck.yaml:5:41: note: the block that reads it\n" +
				"a.csv:3:1: warning: category \"2021\" is already at a.csv:2:1: the chart shows it twice\ndeck.yaml:5:41: note: the block that reads it\n"},
		{"a CSV column counts characters", files("deck.yaml", slide+"    blocks:\n      - chart: {id: a, type: bar, data: a.csv}\n", "a.csv", "行业,指数\n制造业,x\n"),
			"a.csv:2:5: error: 指数 of 制造业 is \"x\", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)\ndeck.yaml:5:41: note: the block that reads it\n"},
		{"brackets nested without end", files("deck.yaml", "title: t\nslides: "+strings.Repeat("[", 50000)+"\n"),
			"deck.yaml:2: error: YAML syntax: brackets nested more than 64 deep\n"},
		{"brackets in quotes and comments do not count", files("deck.yaml", "title: \""+strings.Repeat("[", 100)+"\" # "+strings.Repeat("{", 100)+"\nslides: ['"+strings.Repeat("[", 100)+"']\n"),
			"deck.yaml:2:10: error: a slide must be a mapping of id, layout, title, subtitle, bookmark, blocks, note, source, speaker_notes, footnotes, figure, weights, not \"" + strings.Repeat("[", 100) + "\"\n"},
		{"a pipe where a data file should be", fstest.MapFS{
			"deck.yaml": {Data: []byte(slide + "    blocks:\n      - chart: {id: c, type: bar, data: d.csv}\n")},
			"d.csv":     {Mode: fs.ModeNamedPipe}},
			"deck.yaml:5:41: error: data file \"d.csv\" is not a regular file (a pipe or a device)\n"},
		{"an empty heading and stats block", files("deck.yaml", slide+"    blocks:\n      - heading: \"\"\n      - stats: {items: []}\n"),
			"deck.yaml:5:9: warning: the heading is empty: it draws only its marker\n" +
				"deck.yaml:6:24: warning: the stats block has no items: it draws only its title\n"},
		{"an unknown page number placeholder", files("deck.yaml", "title: t\ntheme: th.yaml\nslides:\n  - title: x\n", "th.yaml", "footer: {page_number: \"{page} of {total}\"}\n"),
			"th.yaml:1:23: warning: footer page_number: {total} is printed as it is; the page number is {page} and the page count {pages}\n"},
		{"a CSV file in GBK", files("deck.yaml", slide+"    blocks:\n      - chart: {id: c, type: bar, data: d.csv}\n", "d.csv", "a,b\nxy,中\xd6\xd0\n"),
			"d.csv:2:5: error: the file is not UTF-8 text (byte 0xD6 here); save it as UTF-8 (in Excel: \"CSV UTF-8\"): GBK and other encodings are not read\ndeck.yaml:5:41: note: the block that reads it\n"},
		{"a deck file in GBK", files("deck.yaml", "title: \xd6\xd0\n"),
			"deck.yaml:1:8: error: the file is not UTF-8 text (byte 0xD6 here); save it as UTF-8: GBK and other encodings are not read\n"},
		{"missing deck file", files(), "deck.yaml: error: the deck file does not exist\n"},
		{"unknown key with a suggestion", files("deck.yaml", "titel: t\nslides:\n  - title: x\n"),
			"deck.yaml:1:1: error: unknown key \"titel\" in the deck (did you mean \"title\"?)\n" +
				"deck.yaml:1:1: error: the deck needs \"title\"\n"},
		{"unknown block kind", files("deck.yaml", slide+"    blocks:\n      - paragraf: 文字\n"),
			"deck.yaml:5:9: error: unknown block kind \"paragraf\" (did you mean \"paragraph\"?)\n"},
		{"block with two kinds", files("deck.yaml", slide+"    blocks:\n      - paragraph: a\n        heading: b\n"),
			"deck.yaml:5:9: error: a block is a mapping with one key naming its kind (paragraph, heading, list, labeled, stats, columns, link, chart, table, comparison, diagram, qr, image)\n"},
		{"unknown layout", files("deck.yaml", slide+"    layout: covr\n"),
			"deck.yaml:4:13: error: unknown layout \"covr\" (did you mean \"cover\"?); the layouts are content, cover, closing, section, agenda, picture-left, picture-right, big-number, quote, title-only\n"},
		{"wrong type", files("deck.yaml", "title: [a, b]\nslides:\n  - title: x\n"),
			"deck.yaml:1:8: error: title must be text, not a list\n"},
		{"slides not a list", files("deck.yaml", "title: t\nslides: 3\n"),
			"deck.yaml:2:9: error: slides must be a list, not \"3\"\n"},
		{"duplicate slide id", files("deck.yaml", "title: t\nslides:\n  - id: a\n    title: x\n  - id: a\n    title: y\n"),
			"deck.yaml:5:9: error: slide id \"a\" is already used at deck.yaml:3:9\n"},
		{"labeled block without text", files("deck.yaml", slide+"    blocks:\n      - labeled: {label: x}\n"),
			"deck.yaml:5:18: error: a labeled block needs \"text\"\n"},
		{"unknown list marker", files("deck.yaml", slide+"    blocks:\n      - list: {marker: tick, items: [a]}\n"),
			"deck.yaml:5:24: error: unknown marker \"tick\"; the markers are bullet, check, none, number\n"},
		{"link without a scheme", files("deck.yaml", slide+"    blocks:\n      - link: {url: www.example.com}\n"),
			"deck.yaml:5:21: error: url \"www.example.com\" must start with https://, http://, mailto: or # (#slide-id: a slide of the deck)\n"},
		{"bad date", files("deck.yaml", "title: t\ndate: 2022.9\nslides:\n  - title: x\n"),
			"deck.yaml:2:7: error: date must be a day written as 2022-09-30, not \"2022.9\"\n"},
		{"latin_lang not a language tag", files("deck.yaml", "title: t\nlatin_lang: 英语\nslides:\n  - title: x\n"),
			"deck.yaml:2:13: error: latin_lang must be a language tag such as en-US, not \"英语\"\n"},
		{"missing theme file", files("deck.yaml", "title: t\ntheme: brand.yaml\nslides:\n  - title: x\n"),
			"deck.yaml:2:8: error: theme file \"brand.yaml\" does not exist\n"},
		{"theme path leaving the folder", files("deck.yaml", "title: t\ntheme: ../brand.yaml\nslides:\n  - title: x\n"),
			"deck.yaml:2:8: error: theme file \"../brand.yaml\" must be a path inside the deck's folder\n"},
		{"bad colour and NaN size in the theme", files("deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n",
			"theme.yaml", "colors: {primary: blue}\nsizes: {body: .nan}\n"),
			"theme.yaml:1:19: error: colors.primary: colour \"blue\" is not of the form #RRGGBB\n" +
				"theme.yaml:2:15: error: size body must be a number, not \".nan\"\n"},
		{"minimum size above body size", files("deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n",
			"theme.yaml", "sizes: {body: 10, min_body: 12}\n"),
			"theme.yaml:1:8: error: min_body (12) is larger than body (10)\n"},
		{"an unknown highlighted side of a comparison", files("deck.yaml", slide+"    blocks:\n      - comparison: {highlight: lft, columns: [{heading: a, items: [x]}, {heading: b, items: [y]}]}\n"),
			"deck.yaml:5:33: error: unknown highlight \"lft\" (did you mean \"left\"?); the choices are right, left, none\n"},
		{"an image's width share out of range", files("deck.yaml", slide+"    blocks:\n      - image: {path: a.png, width: 150%}\n"),
			"deck.yaml:5:23: error: image \"a.png\" does not exist\ndeck.yaml:5:37: error: width \"150%\" must be a share from 5% to 100% of the slot, or a number of points\n"},
		{"an unknown fitting policy", files("deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n", "theme.yaml", "fit: fil\n"),
			"theme.yaml:1:6: error: unknown fit \"fil\" (did you mean \"fill\"?); the choices are fill, shrink, none\n"},
		{"maximum size under body size", files("deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n", "theme.yaml", "sizes: {body: 14, max_body: 12}\n"),
			"theme.yaml:1:8: error: max_body (12) is smaller than body (14)\n"},
		{"a line height range upside down", files("deck.yaml", "title: t\ntheme: theme.yaml\nslides:\n  - title: x\n", "theme.yaml", "line_height: {min: 1.8, max: 1.5}\n"),
			"theme.yaml:1:14: error: line_height max (1.5) is smaller than min (1.8)\n"},
		{"missing stats CSV", files("deck.yaml", slide+"    blocks:\n      - stats: {data: s.csv}\n"),
			"deck.yaml:5:23: error: data file \"s.csv\" does not exist\n"},
		{"CSV with an unknown column", files("deck.yaml", slide+"    blocks:\n      - stats: {data: s.csv}\n",
			"s.csv", "figure,whom\n60%,银行\n"),
			"s.csv:1:8: error: unknown column \"whom\" (did you mean \"who\"?); a stats file has the columns figure, who, statement\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"CSV row with too many cells", files("deck.yaml", slide+"    blocks:\n      - stats: {data: s.csv}\n",
			"s.csv", "figure,who\n60%,银行\n70%,银行,多余\n80%\n"),
			"s.csv:3:1: error: this row has 3 cells, the header has 2 (a cell that holds a comma must be in double quotes)\ndeck.yaml:5:23: note: the block that reads it\n" +
				"s.csv:4:1: error: this row has 1 cell, the header has 2 (a cell that holds a comma must be in double quotes)\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"chart rows of different lengths", files("deck.yaml", slide+"    blocks:\n      - chart:\n          rows: [[年, 值], [2021, 394, 1], [2022]]\n"),
			"deck.yaml:6:26: error: this row has 3 cells, the header has 2\n" +
				"deck.yaml:6:42: error: this row has 1 cell, the header has 2\n"},
		{"chart cell that is not a number", files("deck.yaml", slide+"    blocks:\n      - chart: {data: d.csv}\n",
			"d.csv", "年,值\n2021,394\n2022,约500\n2023,NaN\n2024,0x1F\n2025,\"1,078\"\n2026,6.5e2\n2027,６５２\n"),
			"d.csv:3:6: error: 值 of 2022 is \"约500\", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)\ndeck.yaml:5:23: note: the block that reads it\n" +
				"d.csv:4:6: error: 值 of 2023 is \"NaN\", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)\ndeck.yaml:5:23: note: the block that reads it\n" +
				"d.csv:5:6: error: 值 of 2024 is \"0x1F\", not a number (deck reads numbers as 1,234.5, (1,234.5), －1,234.5, 12.3%, ¥1,234, 5.55万, in full-width digits too; a blank, -, — or N/A is a gap)\ndeck.yaml:5:23: note: the block that reads it\n" +
				"d.csv:7:6: error: 值 of 2026 is \"6.5e2\", not a number (write the number as it should be printed: 652, not 6.52e2)\ndeck.yaml:5:23: note: the block that reads it\n" +
				""},
		{"negative value in a stacked chart", files("deck.yaml", slide+"    blocks:\n      - chart: {data: d.csv, stacked: true}\n",
			"d.csv", "年,甲,乙\n2021,1,-2\n"),
			"d.csv:2:8: error: 乙 of 2021 is negative (-2): a stacked chart cannot show it\ndeck.yaml:5:23: note: the block that reads it\n"},
		{"chart data without rows", files("deck.yaml", slide+"    blocks:\n      - chart: {data: d.csv}\n", "d.csv", "年,值\n"),
			"deck.yaml:5:23: error: the chart's data has a header but no rows\n"},
		{"missing chart CSV", files("deck.yaml", slide+"    blocks:\n      - chart: {data: d.csv}\n"),
			"deck.yaml:5:23: error: data file \"d.csv\" does not exist\n"},
		{"unknown series column", files("deck.yaml", slide+"    blocks:\n      - chart: {data: d.csv, series: [规模]}\n", "d.csv", "年,市场规模\n2021,394\n"),
			"deck.yaml:5:38: error: unknown column \"规模\" (did you mean \"市场规模\"?); the data has the columns 年, 市场规模\n"},
		{"unknown chart type", files("deck.yaml", slide+"    blocks:\n      - chart: {type: colum, rows: [[a, b], [x, 1]]}\n"),
			"deck.yaml:5:23: error: unknown chart type \"colum\"; the choices are bar, hbar, line, pie, donut\n"},
		{"highlight that is not a category", files("deck.yaml", slide+"    blocks:\n      - chart: {highlight: [金额], rows: [[a, b], [金融, 1]]}\n"),
			"deck.yaml:5:28: error: highlight \"金额\" is not a category of the chart (did you mean \"金融\"?)\n"},
		{"table groups of different widths", files("deck.yaml", slide+"    blocks:\n      - table:\n          groups:\n            - rows: [[a, b], [1, 2]]\n            - rows: [[a, b, c], [1, 2, 3]]\n"),
			"deck.yaml:8:23: error: this group has 3 columns, the first has 2\n"},
		{"table widths that do not match its columns", files("deck.yaml", slide+"    blocks:\n      - table: {widths: [1, 2, 3], rows: [[a, b], [1, 2]]}\n"),
			"deck.yaml:5:25: error: widths has 3 numbers, the table has 2 columns\n"},
		{"comparison of one column", files("deck.yaml", slide+"    blocks:\n      - comparison: {columns: [{heading: 甲}]}\n"),
			"deck.yaml:5:31: error: columns must be a list of two or more columns, each with a heading and items\n"},
		{"QR code without a scheme", files("deck.yaml", slide+"    blocks:\n      - qr: www.example.com\n"),
			"deck.yaml:5:13: error: url \"www.example.com\" must start with a scheme such as https://\n"},
		{"a comment that cuts a text short", files("deck.yaml", slide+"    subtitle: 规模 #1 的市场\n"),
			"deck.yaml:4:15: warning: subtitle ends before \"#1 的市场\": YAML reads \" #\" as the start of a comment; put the text in quotes to keep it\n"},
		{"a bold mark that is not closed", files("deck.yaml", slide+"    blocks:\n      - paragraph: \"**未闭合 的文字\"\n"),
			"deck.yaml:5:20: warning: a paragraph has a ** that is not closed: the text after it is set in bold\n"},
		{"a pie of two series", files("deck.yaml", slide+"    blocks:\n      - chart: {type: pie, rows: [[a, b, c], [x, 1, 2]]}\n"),
			"deck.yaml:5:23: error: a pie chart shows one series; the data has 2 (name one with series)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(tt.fsys, "deck.yaml", "")
			if got := diags.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestDiagnosticsNameTheFolderShown(t *testing.T) {
	_, diags := Load(files("deck.yaml", "title: t\nslides:\n  - titel: x\n"), "deck.yaml", "my-report")
	want := "my-report/deck.yaml:3:5: error: unknown key \"titel\" in a slide (did you mean \"title\"?)\n"
	if diags.String() != want {
		t.Errorf("got %q, want %q", diags.String(), want)
	}
}

func TestAMissingFileSuggestsOneThatExists(t *testing.T) {
	_, diags := Load(files("deck.yaml", "title: t\nslides:\n  - title: x\n    blocks:\n      - chart: {data: data/market_size.csv}\n",
		"data/market-size.csv", "年,值\n2021,394\n"), "deck.yaml", "")
	want := "deck.yaml:5:23: error: data file \"data/market_size.csv\" does not exist (did you mean \"data/market-size.csv\"?)\n"
	if diags.String() != want {
		t.Errorf("got %q, want %q", diags.String(), want)
	}
}
