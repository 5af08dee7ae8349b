package mail

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// words are the fixed words of the bodies and subject in one language.
type words struct {
	date        string // the layout of a date
	open, close string // around the date in the subject
	pages       string // "%d 页"
	changes     string // before the changes line
	attached    string // before the attachment's name
	slide1      string // the alt text of the first slide's picture
}

var (
	chinese = words{date: "2006年1月2日", open: "（", close: "）", pages: "%d 页", changes: "变化：", attached: "附件：", slide1: "第 1 页"}
	english = words{date: "2 January 2006", open: " (", close: ")", pages: "%d pages", changes: "Changes: ", attached: "Attached: ", slide1: "Slide 1"}
)

// words are the draft's language's words.
func (d *Draft) words() words {
	if strings.HasPrefix(strings.ToLower(d.Lang), "zh") {
		return chinese
	}
	return english
}

// facts is the line under the title: the date, the page count and the
// PDF's size, joined by middle dots.
func (d *Draft) facts() string {
	l := d.words()
	var parts []string
	if !d.Date.IsZero() {
		parts = append(parts, d.Date.Format(l.date))
	}
	parts = append(parts, fmt.Sprintf(l.pages, d.Pages), "PDF "+fileSize(len(d.PDF)))
	return strings.Join(parts, " · ")
}

// fileSize prints a size in KB or MB (of 1024), as file managers do.
func fileSize(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// bodyData is what both bodies say, labels included.
type bodyData struct {
	Title, Facts, Changes, Attached, Lang string
	Summary                               Summary
	CID, Alt                              string
}

// bodyData returns what the bodies say; cid names the picture, or is "".
func (d *Draft) bodyData(cid string) bodyData {
	l := d.words()
	title := d.Title
	if title == "" {
		title = d.subject()
	}
	lang := d.Lang
	if lang == "" {
		lang = "en"
	}
	changes := ""
	if d.Changes != "" {
		changes = l.changes + d.Changes
	}
	return bodyData{Title: title, Facts: d.facts(), Changes: changes, Attached: l.attached + d.fileName(), Lang: lang,
		Summary: d.Summary, CID: cid, Alt: l.slide1}
}

// bodies returns the plain-text and the HTML body; the HTML shows the
// picture cid when it is not "".
func (d *Draft) bodies(cid string) (text, html string) {
	b := d.bodyData(cid)
	var t strings.Builder
	t.WriteString(b.Title + "\n" + b.Facts + "\n")
	if b.Changes != "" {
		t.WriteString("\n" + b.Changes + "\n")
	}
	if b.Summary.Title != "" || len(b.Summary.Paragraphs) > 0 {
		t.WriteString("\n")
		if b.Summary.Title != "" {
			t.WriteString(b.Summary.Title + "\n\n")
		}
		for i, p := range b.Summary.Paragraphs {
			t.WriteString(p.Text + "\n")
			if !p.Heading && i < len(b.Summary.Paragraphs)-1 {
				t.WriteString("\n") // a heading stands on the line over its paragraph
			}
		}
	}
	t.WriteString("\n" + b.Attached + "\n")
	var h strings.Builder
	if err := page().Execute(&h, b); err != nil {
		panic("mail: the HTML body's template: " + err.Error()) // fixed template, checked by the tests
	}
	return t.String(), h.String()
}

// page is the HTML body: simple markup with inline styles, which mail
// programs keep (most drop <style> elements). It is parsed when a mail is
// first written, not when every deck command starts.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("body").Parse(pageHTML))
})

// pageHTML is page's template.
const pageHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body style="font-family: -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif; color: #222; line-height: 1.6;">
<h1 style="font-size: 20px; margin: 0 0 4px;">{{.Title}}</h1>
<p style="color: #666; margin: 0 0 12px;">{{.Facts}}</p>
{{- if .Changes}}
<p style="margin: 0 0 12px;">{{.Changes}}</p>
{{- end}}
{{- if .CID}}
<p><img src="cid:{{.CID}}" alt="{{.Alt}}" width="640" style="max-width: 100%; height: auto; border: 1px solid #ddd;"></p>
{{- end}}
{{- if .Summary.Title}}
<h2 style="font-size: 16px; margin: 16px 0 8px;">{{.Summary.Title}}</h2>
{{- end}}
{{- range .Summary.Paragraphs}}
{{- if .Heading}}
<h3 style="font-size: 14px; margin: 12px 0 2px;">{{.Text}}</h3>
{{- else}}
<p style="margin: 0 0 8px;">{{.Text}}</p>
{{- end}}
{{- end}}
<p style="color: #666; margin: 16px 0 0;">{{.Attached}}</p>
</body>
</html>
`
