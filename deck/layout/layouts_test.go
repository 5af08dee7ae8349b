package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/layout"
)

// agendaDeck is a deck whose agenda lists a slide with a table of rows
// rows (see longTable), and the slide after it, which links back.
func agendaDeck(rows int) string {
	agenda := "slides:\n  - id: agenda\n    layout: agenda\n    title: 目录\n"
	end := "  - id: end\n    title: 结论\n    blocks:\n      - link: {text: 目录, url: \"#agenda\"}\n"
	return strings.Replace(longTable(rows), "slides:\n", agenda, 1) + end
}

// itemsOf returns the items of page p of type T, in the order drawn.
func itemsOf[T layout.Item](p layout.Page) []T {
	var out []T
	for _, it := range p.Items {
		if x, ok := it.(T); ok {
			out = append(out, x)
		}
	}
	return out
}

// TestAgendaPageNumbersFollowATableThatGrows: the agenda's entries go to
// the first page of the slides they list, and say its number, whether the
// table before the last one takes one page or several.
func TestAgendaPageNumbersFollowATableThatGrows(t *testing.T) {
	for _, rows := range []int{3, 60} {
		t.Run(fmt.Sprintf("with a table of %d rows the agenda points at the slides' first pages", rows), func(t *testing.T) {
			_, pages := layOut(t, "deck.yaml", agendaDeck(rows))
			end := len(pages) // the last slide has one page
			if rows > 3 && end < 5 {
				t.Fatalf("the table of %d rows takes %d pages; want it to continue", rows, end-2)
			}
			links := itemsOf[layout.Link](pages[0])
			if len(links) != 2 || links[0].Page != 2 || links[1].Page != end {
				t.Fatalf("the agenda's links go to %+v; want pages 2 and %d", links, end)
			}
			var shown []string
			for _, r := range itemsOf[layout.TextRun](pages[0]) {
				if _, err := fmt.Sscan(r.Text, new(int)); err == nil && r.Text != "01" && r.Text != "02" {
					shown = append(shown, r.Text)
				}
			}
			if want := fmt.Sprint(end); !strings.Contains(strings.Join(shown, " "), want) {
				t.Errorf("the agenda prints the numbers %v; want %s among them", shown, want)
			}
			for i, l := range links {
				if r := l.Rect; r.W < 400 || r.H < 20 {
					t.Errorf("entry %d's link covers %+v: want the whole row", i+1, r)
				}
			}
			back := itemsOf[layout.Link](pages[end-1])
			if len(back) != 1 || back[0].Page != 1 || back[0].URL != "" {
				t.Errorf("the link to #agenda is %+v; want one to page 1 with no URL", back)
			}
		})
	}
}

// TestFootnotesStandAtTheFootUnderRaisedMarkers: a marker is set smaller
// than its line and above its baseline; the notes stand between the body
// and the footer, each a Note of the page's tree.
func TestFootnotesStandAtTheFootUnderRaisedMarkers(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    title: 标题\n    blocks:\n      - paragraph: 市场规模达到394亿元[^1]，增速28.6%[^2]。\n    footnotes: [含公有云。, 四年复合增速。]\n"
	_, pages := layOut(t, "deck.yaml", src)
	runs := itemsOf[layout.TextRun](pages[0])
	var body, marker *layout.TextRun
	for i, r := range runs {
		switch {
		case strings.HasPrefix(r.Text, "市场规模"):
			body = &runs[i]
		case r.Text == "1" && body != nil && marker == nil:
			marker = &runs[i]
		}
	}
	if body == nil || marker == nil {
		t.Fatalf("no body line or marker among %v", runs)
	}
	if marker.Size > body.Size*0.7 || marker.At.Y > body.At.Y-body.Size*0.3 || marker.At.X < body.At.X+body.Width() {
		t.Errorf("the marker is %.1fpt at %+v after a %.1fpt line at %+v: want it smaller, raised, after the text", marker.Size, marker.At, body.Size, body.At)
	}
	var notes []string
	pages[0].Tree.Walk(func(n *layout.Node) bool {
		if n.Role == layout.RoleNote {
			var s string
			for _, i := range n.Items {
				s += pages[0].Items[i].(layout.TextRun).Text
			}
			notes = append(notes, s)
			if top := pages[0].Items[n.Items[0]].Bounds().Y; top < body.At.Y+20 || top > pages[0].Size.H-40 {
				t.Errorf("the note %q stands at %.1f: want it at the foot, over the footer", s, top)
			}
		}
		return true
	})
	if strings.Join(notes, "|") != "1 含公有云。|2 四年复合增速。" {
		t.Errorf("the tree's notes are %q; want the two footnotes after their numbers", notes)
	}
}

// TestPictureSlidesPutThePictureBesideTheText: the chart fills the body's
// height on its side, in its share of the width, and the text is centred
// on the chart's height on the other side.
func TestPictureSlidesPutThePictureBesideTheText(t *testing.T) {
	for _, side := range []string{"left", "right"} {
		t.Run("picture-"+side+" puts the chart on the "+side, func(t *testing.T) {
			src := "title: t\nslides:\n  - id: s\n    layout: picture-" + side + "\n    title: 标题\n    weights: [3, 2]\n    blocks:\n" +
				"      - chart: {id: c, type: bar, height: 100, rows: [[a, b], [x, 1], [y, 2]]}\n      - paragraph: 市场规模达到394亿元。\n"
			_, pages := layOut(t, "deck.yaml", src)
			var pic, text layout.Rect
			for _, it := range pages[0].Items {
				switch it := it.(type) {
				case layout.Image:
					pic = it.Rect
				case layout.TextRun:
					if strings.HasPrefix(it.Text, "市场") {
						text = it.Bounds()
					}
				}
			}
			if pic.H < 300 {
				t.Errorf("the chart is %.1fpt tall: want it to fill the body, not keep its height of 100", pic.H)
			}
			if (side == "left") != (pic.X < text.X) {
				t.Errorf("the chart is at x=%.1f, the text at x=%.1f: want the chart on the %s", pic.X, text.X, side)
			}
			if pic.W < 470 || pic.W > 540 {
				t.Errorf("the chart is %.1fpt wide: want about 3/5 of the 880pt body", pic.W)
			}
			if mid, tmid := pic.Y+pic.H/2, text.Y+text.H/2; mid-tmid > 20 || tmid-mid > 20 {
				t.Errorf("the text's middle is at %.1f, the chart's at %.1f: want the text centred beside the chart", tmid, mid)
			}
		})
	}
}

// TestChartsAndTablesAreNumberedWhenTheThemeSaysSo: with number_figures,
// titles begin 图1, 表1 (Figure 1., Table 1. in an English deck), each
// kind counted on its own; without it they are as written.
func TestChartsAndTablesAreNumberedWhenTheThemeSaysSo(t *testing.T) {
	slides := "slides:\n  - id: s\n    title: 标题\n    blocks:\n      - chart: {id: c, type: bar, title: 规模, rows: [[a, b], [x, 1], [y, 2]]}\n" +
		"      - table: {title: 明细, rows: [[a, b], [x, 1]]}\n      - chart: {id: d, type: bar, title: 增速, rows: [[a, b], [x, 1], [y, 2]]}\n"
	for _, tt := range []struct {
		name, head, theme string
		want              []string
	}{
		{"a Chinese deck numbers 图 and 表", "title: t\ntheme: theme.yaml\n", "number_figures: true\n", []string{"图1 规模", "表1 明细", "图2 增速"}},
		{"an English deck numbers Figure and Table", "title: t\nlang: en-GB\ntheme: theme.yaml\n", "number_figures: true\n", []string{"Figure 1. 规模", "Table 1. 明细", "Figure 2. 增速"}},
		{"a theme that does not ask numbers nothing", "title: t\ntheme: theme.yaml\n", "number_figures: false\n", []string{"规模", "明细", "增速"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, pages := layOut(t, "deck.yaml", tt.head+slides, "theme.yaml", tt.theme)
			var titles []string
			for _, r := range itemsOf[layout.TextRun](pages[0]) {
				if !r.Hidden && r.Face.Name() == pages[0].Items[0].(layout.TextRun).Face.Name() && r.Text != "标题" && r.Size < 20 {
					titles = append(titles, r.Text)
				}
			}
			got := strings.Join(titles, "|")
			for _, w := range tt.want {
				if !strings.Contains("|"+got+"|", "|"+w+"|") {
					t.Errorf("the bold titles are %q; want %q among them", got, w)
				}
			}
		})
	}
}

// TestBigNumberIsLargeAndBesideItsText: the figure is set at least three
// times the body size, in the left share, the text right of it and larger
// than body text, as a caption.
func TestBigNumberIsLargeAndBesideItsText(t *testing.T) {
	src := "title: t\nslides:\n  - id: s\n    layout: big-number\n    title: 增速\n    figure: 28.6%\n    blocks:\n      - paragraph: 四年复合增速。\n"
	_, pages := layOut(t, "deck.yaml", src)
	var fig, text layout.TextRun
	for _, r := range itemsOf[layout.TextRun](pages[0]) {
		switch r.Text {
		case "28.6%":
			fig = r
		case "四年复合增速。":
			text = r
		}
	}
	if text.Size <= 12 {
		t.Errorf("the text beside the figure is %.2fpt: want it over the body size, 12", text.Size)
	}
	if fig.Size < 36 || fig.Bounds().X+fig.Width() > text.At.X {
		t.Errorf("the figure is %.1fpt, ends at %.1f, the text begins at %.1f: want it large, left of the text", fig.Size, fig.At.X+fig.Width(), text.At.X)
	}
}

// TestFullPageLayoutsCentreTheirText: a section divider, a quotation and
// a statement set their title larger than a content slide's, read as the
// page's Title, with the text group centred on the page's height (within
// a tenth of it) and no footer on the divider.
func TestFullPageLayoutsCentreTheirText(t *testing.T) {
	for _, tt := range []struct {
		name, layout string
		minSize      float64
		footer       bool
	}{
		{"a section divider sets its title beside the numbered panel", "section", 24 * 1.4, false},
		{"a quotation sets its title as the quote, attributed", "quote", 24 * 1.15, true},
		{"a statement sets its title large", "title-only", 24 * 1.5, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: t\nslides:\n  - id: a\n    layout: " + tt.layout + "\n    title: 先上云，再用云\n    subtitle: 某银行科技部\n"
			_, pages := layOut(t, "deck.yaml", src)
			p := pages[0]
			var title, sub layout.Rect
			var size float64
			p.Tree.Walk(func(n *layout.Node) bool {
				for _, i := range n.Items {
					r, ok := p.Items[i].(layout.TextRun)
					switch {
					case !ok:
					case n.Role == layout.RoleTitle:
						title, size = r.Bounds(), r.Size
					case n.Role == layout.RoleSubtitle:
						sub = r.Bounds()
					}
				}
				return true
			})
			if size < tt.minSize-0.01 {
				t.Errorf("the title is %.1fpt; want at least %.1fpt", size, tt.minSize)
			}
			if sub.Y < title.Y+title.H {
				t.Errorf("the subtitle at %.1f is not under the title ending at %.1f", sub.Y, title.Y+title.H)
			}
			mid := (title.Y + sub.Y + sub.H) / 2
			if d := mid - p.Size.H/2; d > p.Size.H/10 || d < -p.Size.H/10 {
				t.Errorf("the title and subtitle are centred at %.1f; want near the page's middle, %.1f", mid, p.Size.H/2)
			}
			if tt.layout == "section" && title.X < p.Size.W*0.36 {
				t.Errorf("the section's title begins at %.1f, on the panel", title.X)
			}
			footer := false
			for _, r := range itemsOf[layout.TextRun](p) {
				if r.Text == "1" && r.At.Y > p.Size.H-40 {
					footer = true
				}
			}
			if footer != tt.footer {
				t.Errorf("a page number in the footer: %v; want %v", footer, tt.footer)
			}
		})
	}
}

// TestAgendaOfFewEntriesIsLarger: an agenda of up to three rows sets its
// entries larger than one of four or five, and its rows stand as a group
// in the middle of the body's height.
func TestAgendaOfFewEntriesIsLarger(t *testing.T) {
	for _, tt := range []struct {
		entries int
		size    float64 // the entries' titles, as a multiple of the subtitle size
	}{{2, 1.6}, {3, 1.6}, {4, 1.3}, {5, 1.3}} {
		t.Run(fmt.Sprintf("an agenda of %d entries sets them at %g subtitles", tt.entries, tt.size), func(t *testing.T) {
			src := "title: t\nslides:\n  - id: agenda\n    layout: agenda\n    title: 目录\n"
			for i := range tt.entries {
				src += fmt.Sprintf("  - id: s%d\n    title: 第%d章\n    blocks:\n      - paragraph: 正文。\n", i, i+1)
			}
			d, pages := layOut(t, "deck.yaml", src)
			th := d.Theme
			links := itemsOf[layout.Link](pages[0])
			if len(links) != tt.entries {
				t.Fatalf("the agenda has %d links, want %d", len(links), tt.entries)
			}
			for _, r := range itemsOf[layout.TextRun](pages[0]) {
				if strings.HasPrefix(r.Text, "第") && r.Size != th.Sizes.Subtitle*tt.size {
					t.Errorf("entry %q is set at %gpt, want %gpt", r.Text, r.Size, th.Sizes.Subtitle*tt.size)
				}
			}
			top := th.Margins.Top + th.Sizes.Title*1.2 + th.Sizes.Title*0.35 + th.Sizes.Subtitle*1.3
			bottom := th.Page.H - th.Margins.Bottom - th.Sizes.Footer*2.1 - th.Sizes.Small*0.6 - th.Sizes.Body*0.8
			first, last := links[0].Rect, links[len(links)-1].Rect
			if mid := (first.Y + last.Y + last.H) / 2; mid < (top+bottom)/2-th.Sizes.Body || mid > (top+bottom)/2+th.Sizes.Body {
				t.Errorf("the rows' middle is at %.1f, want the body's, %.1f", mid, (top+bottom)/2)
			}
		})
	}
}
