package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/deckpdf/deck/deck/mail"
	"github.com/deckpdf/deck/deck/render"
)

// The environment variables deck mail reads: the sender, and the SMTP
// login, which never comes from a flag (shells record flags in history).
const (
	envFrom     = "DECK_MAIL_FROM"
	envUser     = "DECK_SMTP_USER"
	envPassword = "DECK_SMTP_PASSWORD"
)

// A mailing is one deck mail: its flags, parsed.
type mailing struct {
	src, out, subject, smtp string
	wroteOut, insecure      bool
	from                    *mail.Address
	to, cc                  []*mail.Address
	maxSize                 byteSize
	engine                  engineFlag
	charts                  chartMode
	changes                 string // the slides changed since the last draft, as deck render says it
}

func mailCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("mail", "Usage: deck mail [-c PATH] [-o FILE] [--to ADDRS] [--cc ADDRS] [--subject TEXT] [--max-size SIZE] [--smtp HOST:PORT]\n\n"+
		"Render a deck to PDF and write a mail draft with it attached (X-Unsent: 1:\n"+
		"Outlook opens it ready to edit and send; Thunderbird and Apple Mail open\n"+
		"it as a message, and \"Edit as New\" or \"Send Again\" makes it a draft). The\n"+
		"subject is the deck's title and date unless --subject gives one; the body\n"+
		"says the date, page count, size, the slides changed since the draft last\n"+
		"written to FILE, and the text of the summary slide.\n\n"+
		"--smtp sends the message instead, over STARTTLS (--smtp-insecure only for a\n"+
		"relay on this machine), logging in as "+envUser+" with "+envPassword+"\n"+
		"when set; -o then keeps a copy of what was sent. The sender is --from or\n"+
		envFrom+". Nothing is written or sent when the deck has errors.", stdout, stderr)
	var m mailing
	fl.StringVar(&m.src, "c", "", deckFlag)
	fl.StringVar(&m.out, "o", "report.eml", "the draft to write, or - for standard output (with --smtp: a copy of the\nmessage sent, only if given)")
	fromFlag := fl.String("from", "", "the sender, name@example.com or \"Name <name@example.com>\" (default $"+envFrom+"; a draft may have none)")
	to := fl.String("to", "", "the recipients, separated by commas")
	cc := fl.String("cc", "", "the recipients of copies, separated by commas")
	fl.StringVar(&m.subject, "subject", "", "the subject (default: the deck's title and date)")
	fl.Var(&m.maxSize, "max-size", "fail, writing and sending nothing, when the PDF would be larger (2MB, 500KB)")
	fl.StringVar(&m.smtp, "smtp", "", "send the message to this SMTP server, host:port, instead of writing a draft")
	fl.BoolVar(&m.insecure, "smtp-insecure", false, "send without TLS, for a relay on this machine (no login then)")
	fl.Var(&m.engine, "engine", "the PDF library, as deck render's --engine")
	fl.Var(&m.charts, "charts", "how charts are drawn, as deck render's --charts")
	if ok, code := fl.parse(args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "deck mail: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	fl.Visit(func(f *flag.Flag) { m.wroteOut = m.wroteOut || f.Name == "o" })
	if err := m.addresses(*fromFlag, *to, *cc); err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 2
	}
	return m.run(context.Background(), stdout, stderr)
}

// addresses parses the sender and the recipients, and checks that a
// message to send has both.
func (m *mailing) addresses(from, to, cc string) error {
	if from == "" {
		from = os.Getenv(envFrom)
	}
	for _, f := range []struct {
		name, value string
		into        *[]*mail.Address
	}{{"--from", from, nil}, {"--to", to, &m.to}, {"--cc", cc, &m.cc}} {
		list, err := mail.ParseAddresses(f.value)
		var ae *mail.AddressError
		switch {
		case errors.As(err, &ae):
			return fmt.Errorf("%s: %q is not a mail address such as name@example.com", f.name, ae.Address)
		case err != nil:
			return err
		case f.into != nil:
			*f.into = list
		case len(list) > 1:
			return fmt.Errorf("--from: give one sender, not %d", len(list))
		case len(list) == 1:
			m.from = list[0]
		}
	}
	if m.smtp == "" {
		return nil
	}
	switch {
	case m.from == nil:
		return fmt.Errorf("--smtp: a message sent needs a sender: give --from or set %s", envFrom)
	case len(m.to)+len(m.cc) == 0:
		return errors.New("--smtp: a message sent needs a recipient: give --to or --cc")
	case m.insecure && os.Getenv(envUser) != "":
		return fmt.Errorf("--smtp-insecure: %s is set, and the password would go without TLS: unset it for a local relay", envUser)
	}
	return nil
}

// run renders the deck, builds the message and writes or sends it.
func (m *mailing) run(ctx context.Context, stdout, stderr io.Writer) int {
	date, err := pdfDate()
	if err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 2
	}
	opt := render.Options{Engine: m.engine.Engine, Charts: m.charts.ChartMode, Date: date, CacheDir: renderCache()}
	keep := (m.smtp == "" || m.wroteOut) && m.out != "-" // a file is written
	if keep {
		opt.Previous, _ = previousPages(m.out)
	}
	doc, err := render.Build(ctx, source(m.src), opt)
	if err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 2
	}
	res := &doc.Result
	var pdf bytes.Buffer
	err = doc.Write(ctx, &pdf, opt)
	switch {
	case errors.Is(err, render.ErrInvalid):
		printDiagnostics(stderr, res.Diagnostics)
		fmt.Fprintf(stderr, "deck mail: %s; nothing written or sent\n", count(res.Diagnostics))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 1
	}
	printDiagnostics(stderr, res.Diagnostics) // warnings
	if m.maxSize.n > 0 && int64(pdf.Len()) > m.maxSize.n {
		fmt.Fprintf(stderr, "deck mail: the PDF would be %d bytes (%s), over --max-size %s (%d bytes); nothing written or sent\n", pdf.Len(), size(int64(pdf.Len())), m.maxSize.text, m.maxSize.n)
		return 1
	}
	if keep {
		if err := checkOutput(m.out, res.Files); err != nil {
			fmt.Fprintf(stderr, "deck mail: %v\n", err)
			return 2
		}
	}
	d, err := m.draft(ctx, doc, pdf.Bytes(), opt)
	if err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 1
	}
	if m.smtp == "" {
		d.Unsent = true
	} else if date.IsZero() {
		// A message sent is dated when it is sent: one dated as the deck
		// (last quarter, or 1970) sorts wrong in every inbox and is
		// scored as spam.
		d.Sent = time.Now().UTC().Truncate(time.Second)
	}
	msg, err := d.Message()
	if err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 1
	}
	return m.deliver(ctx, d, msg, res, stdout, stderr)
}

// draft builds the draft of a built deck whose PDF is pdf.
func (m *mailing) draft(ctx context.Context, doc *render.Document, pdf []byte, opt render.Options) (*mail.Draft, error) {
	pic, err := firstSlidePNG(ctx, doc)
	if err != nil {
		return nil, err
	}
	res, meta := &doc.Result, doc.Deck.Meta
	d := &mail.Draft{From: m.from, To: m.to, Cc: m.cc, Subject: m.subject, Title: meta.Title, Date: meta.Date, Lang: meta.Lang,
		Pages: res.Pages, PDF: pdf, Summary: mail.SummaryOf(doc.Deck, doc.Pages), Picture: pic, Sent: opt.Date}
	if res.Changed != nil {
		m.changes = describeChanges(opt.Previous, res.Fingerprints, res.SlideIDs)
		d.Changes = m.changes
		if strings.HasPrefix(strings.ToLower(meta.Lang), "zh") {
			d.Changes = describeChangesChinese(opt.Previous, res.Fingerprints, res.SlideIDs) // the body of a Chinese deck's mail is Chinese
		}
	}
	return d, nil
}

// mailPictureWidth is the width in pixels of the first slide's picture in
// the HTML body, which shows it 640 CSS pixels wide: 960 is sharp at the
// 150 % scaling of most office laptops, and a phone shows the body
// narrower than 640, so that 960 covers its 2x screen too; 1280 would take
// 1.4 times the bytes (15 KiB against 11 KiB for the built-in report's
// cover, 103 against 70 KiB for a slide of text) for sharpness seen only
// on a 2x desktop screen.
const mailPictureWidth = 960

// firstSlidePNG returns the first page, drawn by deck/raster from the
// same laid-out pages as the PDF, as a PNG for the HTML body.
func firstSlidePNG(ctx context.Context, doc *render.Document) ([]byte, error) {
	pics, err := doc.Pictures(ctx, render.PageSet{{First: 1, Last: 1}}, render.PictureOptions{Width: mailPictureWidth})
	if err != nil {
		return nil, err
	}
	return pics[0].PNG, nil
}

// deliver writes the draft, or sends the message and keeps a copy when
// -o was given, and says what it did.
func (m *mailing) deliver(ctx context.Context, d *mail.Draft, msg []byte, res *render.Result, stdout, stderr io.Writer) int {
	info := stdout // what was done; the message itself may go to stdout
	if m.out == "-" {
		info = stderr
	}
	if m.smtp != "" {
		from, rcpt := d.Envelope()
		s := mail.SMTP{Addr: m.smtp, Insecure: m.insecure, User: os.Getenv(envUser), Password: os.Getenv(envPassword)}
		if err := mail.Send(ctx, s, from, rcpt, msg); err != nil {
			fmt.Fprintf(stderr, "deck mail: %v; nothing sent\n", err)
			return 1
		}
		fmt.Fprintf(info, "sent to %s through %s: %s, PDF %s\n", plural(len(rcpt), "recipient"), m.smtp, size(int64(len(msg))), size(int64(len(d.PDF))))
		if !m.wroteOut {
			return 0
		}
	}
	if m.out == "-" {
		if _, err := stdout.Write(msg); err != nil {
			fmt.Fprintf(stderr, "deck mail: %v\n", err)
			return 1
		}
		return 0
	}
	if err := writeAtomic(m.out, msg); err != nil {
		fmt.Fprintf(stderr, "deck mail: %v\n", err)
		return 1
	}
	remember(m.out, msg, res.Fingerprints)
	what := "draft"
	if m.smtp != "" {
		what = "copy of the message sent"
	}
	fmt.Fprintf(stdout, "%s: %s, %s, with the PDF (%s, %s)\n", m.out, what, size(int64(len(msg))), plural(res.Pages, "page"), size(int64(len(d.PDF))))
	if m.changes != "" {
		fmt.Fprintln(stdout, m.changes)
	}
	return 0
}
