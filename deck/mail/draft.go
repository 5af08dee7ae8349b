package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	message "github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
)

// A Draft is what a mail of a rendered deck says and carries. The zero
// Draft with a PDF is a valid draft: no sender, no recipients (a mail
// program fills them in), a subject from the file name.
type Draft struct {
	// From is the sender; nil leaves the message without a From field,
	// for the mail program opening the draft to fill in its account.
	From *Address
	// To and Cc are the recipients.
	To, Cc []*Address
	// Subject is the subject line; "" makes one of the title and date.
	Subject string
	// Title is the deck's title.
	Title string
	// Date is the deck's date, said in the subject and the bodies; the
	// zero Date says none.
	Date time.Time
	// Lang is the deck's language (a BCP 47 tag): the bodies speak
	// Chinese for "zh…", English otherwise.
	Lang string
	// Pages is the number of pages of the PDF.
	Pages int
	// PDF is the attachment's bytes.
	PDF []byte
	// FileName is the attachment's name; "" names it after the title.
	FileName string
	// Changes is a line saying which slides changed since the previous
	// version; "" says nothing.
	Changes string
	// Summary is the deck's summary slide: its title and paragraphs.
	Summary Summary
	// Picture is the first slide as a PNG, shown inline in the HTML
	// body; nil shows none.
	Picture []byte
	// Sent is the message's Date field; the zero Sent takes Date, else
	// 1970-01-01: never the clock, so that a draft is reproducible.
	Sent time.Time
	// Unsent marks the message as a draft to edit and send (X-Unsent: 1),
	// which Outlook opens in a compose window. A message handed to an
	// SMTP server must not be marked: its recipients' Outlook would open
	// it as their own draft.
	Unsent bool
}

// A Summary is the text of a deck's summary slide.
type Summary struct {
	Title      string
	Paragraphs []Paragraph
}

// A Paragraph is a paragraph of a summary, or a heading over the
// paragraphs that follow it (a labeled block's label).
type Paragraph struct {
	Text    string
	Heading bool
}

// Message returns the draft as an RFC 5322 message, with CRLF line ends
// and only 7-bit ASCII: non-ASCII header text is encoded as RFC 2047
// words, the attachment's name also as an RFC 2231 parameter.
func (d *Draft) Message() ([]byte, error) {
	if len(d.PDF) == 0 {
		return nil, errors.New("mail: the draft has no PDF to attach")
	}
	sum := d.hash()
	id := hex.EncodeToString(sum[:16])
	boundary := func(kind string) string { return "deck-" + hex.EncodeToString(sum[:12]) + "-" + kind }
	var buf bytes.Buffer
	h := d.header(id, boundary("mixed"))
	w, err := message.CreateWriter(&buf, h.Header)
	if err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	if err := d.writeBodies(w, boundary, "slide1."+id[:16]+"@"+d.domain()); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	if err := d.writeAttachment(w); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	return buf.Bytes(), nil
}

// header is the message's header, fields in the order a reader sees
// them (go-message writes the fields added last first).
func (d *Draft) header(id, boundary string) gomail.Header {
	var h gomail.Header
	h.SetContentType("multipart/mixed", map[string]string{"boundary": boundary})
	h.Set("MIME-Version", "1.0")
	if d.Unsent {
		h.Set("X-Unsent", "1")
	}
	h.SetMessageID(id + "@" + d.domain())
	h.Set("Subject", encodeWords(d.subject()))
	if len(d.Cc) > 0 {
		h.SetAddressList("Cc", d.Cc)
	}
	if len(d.To) > 0 {
		h.SetAddressList("To", d.To)
	}
	if d.From != nil {
		h.SetAddressList("From", []*Address{d.From})
	}
	h.SetDate(d.sent())
	return h
}

// writeBodies writes the alternative bodies and, when there is one, in a
// related part with them, the picture they show as cid.
func (d *Draft) writeBodies(w *message.Writer, boundary func(string) string, cid string) error {
	parent := w
	if d.Picture != nil {
		var rh message.Header
		rh.SetContentType("multipart/related", map[string]string{"boundary": boundary("related"), "type": "multipart/alternative"})
		related, err := w.CreatePart(rh)
		if err != nil {
			return err
		}
		parent = related
	} else {
		cid = ""
	}
	var ah message.Header
	ah.SetContentType("multipart/alternative", map[string]string{"boundary": boundary("alternative")})
	alt, err := parent.CreatePart(ah)
	if err != nil {
		return err
	}
	text, html := d.bodies(cid)
	for _, b := range []struct{ typ, body string }{{"text/plain", text}, {"text/html", html}} {
		if err := writeLeaf(alt, textHeader(b.typ), []byte(b.body)); err != nil {
			return err
		}
	}
	if err := alt.Close(); err != nil || d.Picture == nil {
		return err
	}
	var ph message.Header // fields in the reverse of their order
	ph.Set("Content-Transfer-Encoding", "base64")
	ph.Set("Content-ID", "<"+cid+">")
	ph.Set("Content-Disposition", "inline; filename=slide1.png")
	ph.SetContentType("image/png", nil)
	if err := writeLeaf(parent, ph, d.Picture); err != nil {
		return err
	}
	return parent.Close()
}

// writeAttachment writes the PDF, named as Thunderbird names an
// attachment: an RFC 2231 filename* in Content-Disposition, which mail
// programs read today, and RFC 2047 words in Content-Type's name, which
// older ones (Outlook 2010) read instead.
func (d *Draft) writeAttachment(w *message.Writer) error {
	name := d.fileName()
	var h message.Header // fields in the reverse of their order
	h.Set("Content-Transfer-Encoding", "base64")
	h.Set("Content-Disposition", "attachment;"+extParam("filename", name))
	h.Set("Content-Type", "application/pdf; name="+quote(mime.BEncoding.Encode("UTF-8", name)))
	return writeLeaf(w, h, d.PDF)
}

// encodeWords returns s as a header value: as it is when it is printable
// ASCII, else as RFC 2047 B words of at most 39 bytes of UTF-8 (66
// characters) each, so that the header folds between words into lines of
// no more than 78 characters. (go-message's SetSubject makes words of up
// to 75 characters, and the first, after "Subject: ", cannot be folded:
// a long Chinese subject became one line of up to 998.)
func encodeWords(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] >= 0x20 && s[i] < 0x7f
	}
	if ascii {
		return s
	}
	var words []string
	for s != "" {
		n := 0
		for _, r := range s {
			if k := utf8.RuneLen(r); n+k <= 39 || n == 0 {
				n += max(k, 1)
				continue
			}
			break
		}
		n = min(n, len(s))
		words = append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString([]byte(s[:n]))+"?=")
		s = s[n:]
	}
	return strings.Join(words, " ")
}

// quote returns s as a quoted string.
func quote(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }

// extParam formats the parameter key=value as RFC 2231 UTF-8, each piece
// on a line of its own: key*=UTF-8”… when it fits in a line, else
// continued as key*0*=UTF-8”…; key*1*=…, never splitting an escape.
func extParam(key, value string) string {
	const piece = 48
	e := attrEscape(value)
	if len(e) <= piece {
		return " " + key + "*=UTF-8''" + e
	}
	var b strings.Builder
	for i := 0; e != ""; i++ {
		n := min(piece, len(e))
		if k := strings.LastIndexByte(e[:n], '%'); k >= 0 && k > n-3 && n < len(e) {
			n = k // the escape would be cut: leave it for the next piece
		}
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(fmt.Sprintf(" %s*%d*=", key, i))
		if i == 0 {
			b.WriteString("UTF-8''")
		}
		b.WriteString(e[:n])
		e = e[n:]
	}
	return b.String()
}

// attrEscape percent-encodes s as an RFC 2231 value: every byte but
// ASCII letters, digits and !#$&+-.^_`|~ escaped.
func attrEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// writeLeaf writes a part with body b under p and closes it.
func writeLeaf(p *message.Writer, h message.Header, b []byte) error {
	pw, err := p.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := pw.Write(b); err != nil {
		return err
	}
	return pw.Close()
}

// textHeader is the header of a text body: UTF-8, quoted-printable.
func textHeader(typ string) message.Header {
	var h message.Header
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	h.SetContentType(typ, map[string]string{"charset": "utf-8"})
	return h
}

// hash is a digest of everything the message says, for its boundaries
// and Message-ID.
func (d *Draft) hash() [sha256.Size]byte {
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	addrs := func(l []*Address) {
		for _, a := range l {
			field([]byte(a.String()))
		}
		field(nil)
	}
	if d.From != nil {
		addrs([]*Address{d.From})
	} else {
		addrs(nil)
	}
	addrs(d.To)
	addrs(d.Cc)
	for _, s := range []string{d.subject(), d.Title, d.Lang, d.fileName(), d.Changes, d.Summary.Title, d.sent().Format(time.RFC3339), d.Date.Format(time.RFC3339), fmt.Sprint(d.Pages, d.Unsent)} {
		field([]byte(s))
	}
	for _, p := range d.Summary.Paragraphs {
		field([]byte(fmt.Sprint(p.Heading, p.Text)))
	}
	field(d.PDF)
	field(d.Picture)
	var out [sha256.Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// domain is the right side of the Message-ID: the sender's domain, else
// a name reserved never to resolve (RFC 2606).
func (d *Draft) domain() string {
	if d.From != nil {
		if at := strings.LastIndexByte(d.From.Address, '@'); at >= 0 && isDotAtom(d.From.Address[at+1:]) {
			return d.From.Address[at+1:]
		}
	}
	return "deck.invalid"
}

// isDotAtom reports whether s is a plain domain: ASCII letters, digits,
// hyphens and dots.
func isDotAtom(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == ""
}

// sent is the Date field's time.
func (d *Draft) sent() time.Time {
	switch {
	case !d.Sent.IsZero():
		return d.Sent
	case !d.Date.IsZero():
		return d.Date
	}
	return time.Unix(0, 0).UTC()
}

// subject is the subject line: the one given, else the title and date.
func (d *Draft) subject() string {
	if d.Subject != "" {
		return d.Subject
	}
	title := d.Title
	if title == "" {
		title = strings.TrimSuffix(d.fileName(), ".pdf")
	}
	if d.Date.IsZero() {
		return title
	}
	l := d.words()
	return title + l.open + d.Date.Format(l.date) + l.close
}

// fileName is the attachment's name: the one given, else the title with
// the characters file systems refuse replaced, else report.pdf.
func (d *Draft) fileName() string {
	if d.FileName != "" {
		return d.FileName
	}
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(d.Title))
	if name == "" {
		return "report.pdf"
	}
	return name + ".pdf"
}
