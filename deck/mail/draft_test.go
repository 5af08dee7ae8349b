package mail_test

import (
	"bytes"
	"mime"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck/mail"
	"github.com/deckpdf/deck/deck/mail/mailtest"
)

// testDraft is a draft of a Chinese deck with everything a draft can say.
func testDraft(t *testing.T) mail.Draft {
	to, err := mail.ParseAddresses("王伟 <wang@example.cn>, li@example.com")
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := mail.ParseAddresses("zhao@example.cn")
	return mail.Draft{To: to, Cc: cc, Title: "中国金融云行业研究报告", Date: time.Date(2022, 9, 30, 0, 0, 0, 0, time.UTC), Lang: "zh-CN",
		Pages: 9, PDF: []byte("%PDF-1.4\n" + strings.Repeat("pdf bytes\x00\xff", 500)), Changes: "第 4 页（role）、第 9 页（closing）有修改",
		Summary: mail.Summary{Title: "摘要", Paragraphs: []mail.Paragraph{{Text: "趋势洞察", Heading: true}, {Text: "2021年中国金融云市场规模达到394亿元。"}}},
		Picture: []byte("\x89PNG\r\n\x1a\nnot really"), Unsent: true}
}

// TestTheDraftIsTheTreeMailProgramsRead: the message parses with net/mail
// and mime/multipart as mixed[related[alternative[plain, html], png],
// pdf]; the HTML shows the picture by its Content-ID; the attachment's
// bytes and Chinese name come back whole.
func TestTheDraftIsTheTreeMailProgramsRead(t *testing.T) {
	d := testDraft(t)
	msg, err := d.Message()
	if err != nil {
		t.Fatal(err)
	}
	h, tree, parts := mailtest.Read(t, msg)
	want := "multipart/mixed\n    multipart/related\n        multipart/alternative\n            text/plain\n            text/html\n        image/png\n    application/pdf\n"
	if tree != want {
		t.Fatalf("tree\n%swant\n%s", tree, want)
	}
	if h.Get("X-Unsent") != "1" || h.Get("Message-Id") == "" || h.Get("Mime-Version") != "1.0" {
		t.Errorf("header X-Unsent %q, Message-ID %q, MIME-Version %q", h.Get("X-Unsent"), h.Get("Message-Id"), h.Get("Mime-Version"))
	}
	if date, err := h.Date(); err != nil || !date.Equal(d.Date) {
		t.Errorf("Date %v (%v), want the deck's %v", date, err, d.Date)
	}
	var dec mime.WordDecoder
	if s, err := dec.DecodeHeader(h.Get("Subject")); s != "中国金融云行业研究报告（2022年9月30日）" {
		t.Errorf("subject %q (%v)", s, err)
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 2 || to[0].Name != "王伟" || to[1].Address != "li@example.com" {
		t.Errorf("To %v (%v)", to, err)
	}
	text, html, png, pdf := parts[0], parts[1], parts[2], parts[3]
	for _, s := range []string{"中国金融云行业研究报告", "2022年9月30日 · 9 页 · PDF 6 KB", "变化：第 4 页（role）、第 9 页（closing）有修改", "摘要", "趋势洞察", "394亿元", "附件：中国金融云行业研究报告.pdf"} {
		if !bytes.Contains(text.Body, []byte(s)) || !bytes.Contains(html.Body, []byte(s)) {
			t.Errorf("a body lacks %q", s)
		}
	}
	if !bytes.Contains(text.Body, []byte("\n\n趋势洞察\n2021年")) || !bytes.Contains(html.Body, []byte(">趋势洞察</h3>")) {
		t.Errorf("the heading does not stand over its paragraph:\n%s\n%s", text.Body, html.Body)
	}
	cid := strings.Trim(png.Header.Get("Content-Id"), "<>")
	if cid == "" || !bytes.Contains(html.Body, []byte(`src="cid:`+cid+`"`)) {
		t.Errorf("the HTML does not show the picture %q", cid)
	}
	if !bytes.Equal(png.Body, d.Picture) || !bytes.Equal(pdf.Body, d.PDF) {
		t.Error("the picture's or the PDF's bytes changed on the way")
	}
	if disp, params, err := mime.ParseMediaType(pdf.Header.Get("Content-Disposition")); disp != "attachment" || params["filename"] != "中国金融云行业研究报告.pdf" {
		t.Errorf("Content-Disposition %q %q (%v)", disp, params, err)
	}
	if name, err := dec.DecodeHeader(pdf.Params["name"]); name != "中国金融云行业研究报告.pdf" {
		t.Errorf("Content-Type's name %q (%v)", name, err)
	}
}

// TestADraftWithoutAPictureHasNoRelatedPart: without the first slide's
// picture, the bodies stand beside the PDF and the HTML shows no image.
func TestADraftWithoutAPictureHasNoRelatedPart(t *testing.T) {
	d := testDraft(t)
	d.Picture = nil
	msg, err := d.Message()
	if err != nil {
		t.Fatal(err)
	}
	_, tree, parts := mailtest.Read(t, msg)
	if want := "multipart/mixed\n    multipart/alternative\n        text/plain\n        text/html\n    application/pdf\n"; tree != want {
		t.Errorf("tree\n%swant\n%s", tree, want)
	}
	if bytes.Contains(parts[1].Body, []byte("<img")) {
		t.Error("the HTML shows a picture it does not have")
	}
}

// TestTheDraftIsSevenBitWithShortLines: every byte is ASCII (Chinese
// header text as RFC 2047 words, bodies quoted-printable or base64),
// lines end in CRLF, none is longer than RFC 5322's 998 characters, and
// no header line is longer than 78, a long Chinese subject and file name
// included.
func TestTheDraftIsSevenBitWithShortLines(t *testing.T) {
	d := testDraft(t)
	d.Title = strings.Repeat("很长的标题", 20) // a 100-character name continues over RFC 2231 pieces
	msg, err := d.Message()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range msg {
		if c >= 0x80 || c == '\n' && (i == 0 || msg[i-1] != '\r') {
			t.Fatalf("byte %d is %q", i, c)
		}
	}
	head, _, _ := bytes.Cut(msg, []byte("\r\n\r\n"))
	for _, l := range strings.Split(string(msg), "\r\n") {
		if len(l) > 998 {
			t.Errorf("a line of %d characters", len(l))
		}
	}
	for _, l := range strings.Split(string(head), "\r\n") {
		if len(l) > 78 {
			t.Errorf("a header line of %d characters: %q", len(l), l)
		}
	}
	h, _, parts := mailtest.Read(t, msg)
	var dec mime.WordDecoder
	if s, err := dec.DecodeHeader(h.Get("Subject")); s != d.Title+"（2022年9月30日）" {
		t.Errorf("the long subject came back as %q (%v)", s, err)
	}
	if _, params, _ := mime.ParseMediaType(parts[3].Header.Get("Content-Disposition")); params["filename"] != d.Title+".pdf" {
		t.Errorf("the long name came back as %q", params["filename"])
	}
}

// TestTheSameDraftGivesTheSameBytes: a message is a function of its
// draft; any change of content changes its Message-ID.
func TestTheSameDraftGivesTheSameBytes(t *testing.T) {
	d := testDraft(t)
	a, _ := d.Message()
	b, _ := d.Message()
	if !bytes.Equal(a, b) {
		t.Fatal("two messages of one draft differ")
	}
	id := func(msg []byte) string {
		h, _, _ := mailtest.Read(t, msg)
		return h.Get("Message-Id")
	}
	for name, change := range map[string]func(*mail.Draft){
		"a byte of the PDF": func(d *mail.Draft) { d.PDF = append(bytes.Clone(d.PDF), 0) },
		"a recipient":       func(d *mail.Draft) { d.Cc = nil },
		"the picture":       func(d *mail.Draft) { d.Picture = nil },
		"the draft mark":    func(d *mail.Draft) { d.Unsent = false },
	} {
		c := testDraft(t)
		change(&c)
		m, err := c.Message()
		if err != nil {
			t.Fatal(err)
		}
		if id(m) == id(a) {
			t.Errorf("changing %s keeps the Message-ID %s", name, id(a))
		}
	}
}

// TestSubjectAndNames: the subject and the attachment's name follow the
// title, the date and the language unless given.
func TestSubjectAndNames(t *testing.T) {
	date := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name          string
		d             mail.Draft
		subject, file string
	}{
		{"a Chinese deck's subject says its date the Chinese way", mail.Draft{Title: "月报", Date: date, Lang: "zh-CN"}, "月报（2026年3月5日）", "月报.pdf"},
		{"an English deck's subject says its date the English way", mail.Draft{Title: "Monthly", Date: date, Lang: "en"}, "Monthly (5 March 2026)", "Monthly.pdf"},
		{"a deck without a date has its title for subject", mail.Draft{Title: "月报"}, "月报", "月报.pdf"},
		{"a subject given is kept", mail.Draft{Title: "月报", Date: date, Subject: "请审阅：月报"}, "请审阅：月报", "月报.pdf"},
		{"characters file systems refuse leave the name", mail.Draft{Title: `A/B: "C"?`}, `A/B: "C"?`, "A_B_ _C__.pdf"},
		{"a deck without a title is a report", mail.Draft{}, "report", "report.pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.d.PDF = []byte("%PDF")
			msg, err := tc.d.Message()
			if err != nil {
				t.Fatal(err)
			}
			h, _, parts := mailtest.Read(t, msg)
			var dec mime.WordDecoder
			if s, _ := dec.DecodeHeader(h.Get("Subject")); s != tc.subject {
				t.Errorf("subject %q, want %q", s, tc.subject)
			}
			if _, p, _ := mime.ParseMediaType(parts[len(parts)-1].Header.Get("Content-Disposition")); p["filename"] != tc.file {
				t.Errorf("file %q, want %q", p["filename"], tc.file)
			}
		})
	}
}

// TestADraftWithoutAPDFIsAnError names what is missing.
func TestADraftWithoutAPDFIsAnError(t *testing.T) {
	_, err := (&mail.Draft{Title: "x"}).Message()
	if want := "mail: the draft has no PDF to attach"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
