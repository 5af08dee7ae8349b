package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck/mail/mailtest"
)

// mailEnv clears the environment deck mail reads, for tests that do not
// set it.
func mailEnv(t *testing.T) {
	for _, k := range []string{envFrom, envUser, envPassword, "SOURCE_DATE_EPOCH"} {
		t.Setenv(k, "")
	}
}

// runMail runs deck mail and returns its exit code and output.
func runMail(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"mail"}, args...), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// wantMailTree is the draft's structure, as mailtest.Read and Python's
// email package print it: the bodies and the first slide's picture they
// show, related, then the PDF.
const wantMailTree = "multipart/mixed\n    multipart/related\n        multipart/alternative\n            text/plain\n            text/html\n        image/png\n    application/pdf\n"

// TestMailDraftOfTheDefaultDeck: deck mail writes a draft that Go's
// net/mail and mime/multipart read as the tree a mail program shows,
// marked X-Unsent, with exactly the PDF deck render writes attached; the
// same deck gives the same bytes.
func TestMailDraftOfTheDefaultDeck(t *testing.T) {
	mailEnv(t)
	dir := t.TempDir()
	eml, again, pdf := filepath.Join(dir, "a.eml"), filepath.Join(dir, "b.eml"), filepath.Join(dir, "report.pdf")
	args := []string{"--to", "王伟 <wang@example.cn>, li@example.com", "--cc", "zhao@example.cn"}
	code, stdout, stderr := runMail(append(args, "-o", eml)...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	renderDefault(t, pdf)
	msg, _ := os.ReadFile(eml)
	want, _ := os.ReadFile(pdf)
	if line := fmt.Sprintf("%s: draft, %s, with the PDF (9 pages, %s)\n", eml, size(int64(len(msg))), size(int64(len(want)))); stdout != line {
		t.Errorf("printed %q, want %q", stdout, line)
	}
	h, tree, parts := mailtest.Read(t, msg)
	if tree != wantMailTree {
		t.Errorf("tree\n%swant\n%s", tree, wantMailTree)
	}
	if h.Get("X-Unsent") != "1" || h.Get("From") != "" {
		t.Errorf("X-Unsent %q, From %q: want a draft without a sender", h.Get("X-Unsent"), h.Get("From"))
	}
	checkMailPicture(t, parts)
	if att := parts[len(parts)-1]; !bytes.Equal(att.Body, want) {
		t.Errorf("the attachment (%d bytes) is not the PDF deck render writes (%d bytes)", len(att.Body), len(want))
	}
	if !bytes.Contains(parts[0].Body, []byte("2022年9月30日 · 9 页 · PDF ")) || !bytes.Contains(parts[0].Body, []byte("\n摘要\n\n趋势洞察\n")) {
		t.Errorf("the text body lacks the facts or the summary:\n%s", parts[0].Body)
	}
	runMail(append(args, "-o", again)...)
	if b, _ := os.ReadFile(again); !bytes.Equal(b, msg) {
		t.Error("a second draft of the same deck differs")
	}
	if code, out, _ := runMail(append(args, "-o", "-")...); code != 0 || out != string(msg) {
		t.Errorf("-o - wrote %d bytes (exit %d), not the draft's %d", len(out), code, len(msg))
	}
}

// checkMailPicture checks that the draft's picture is the first slide as
// deck render --format png draws it mailPictureWidth pixels wide, and that
// the HTML body shows it by its Content-ID.
func checkMailPicture(t *testing.T, parts []mailtest.Part) {
	t.Helper()
	if len(parts) != 4 {
		t.Fatalf("%d leaves, want text, HTML, picture and PDF", len(parts))
	}
	html, pic := parts[1], parts[2]
	slide := filepath.Join(t.TempDir(), "slide1.png")
	runOK(t, "render", "--format", "png", "--pages", "1", "--width", fmt.Sprint(mailPictureWidth), "-o", slide)
	if want, _ := os.ReadFile(slide); !bytes.Equal(pic.Body, want) {
		t.Errorf("the picture (%d bytes) is not slide 1 as deck render draws it %d px wide (%d bytes)", len(pic.Body), mailPictureWidth, len(want))
	}
	cid := strings.Trim(pic.Header.Get("Content-ID"), "<>")
	if cid == "" || !bytes.Contains(html.Body, []byte(`<img src="cid:`+cid+`"`)) {
		t.Errorf("the HTML body does not show the picture %q:\n%s", cid, html.Body)
	}
}

// TestMailDraftSaysWhatChanged: a draft written over the previous one
// says which slides changed since, as deck render does.
func TestMailDraftSaysWhatChanged(t *testing.T) {
	mailEnv(t)
	src := copyDefault(t)
	eml := filepath.Join(t.TempDir(), "r.eml")
	runOK(t, "mail", "-c", src, "-o", eml)
	file := filepath.Join(src, "deck.yaml")
	b, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(b, []byte("title: 为什么要发展云服务？"), []byte("title: 为什么发展云服务？"), 1), 0o644)
	out := runOK(t, "mail", "-c", src, "-o", eml)
	if !strings.HasSuffix(out, "\nslide 3 (why-cloud) changed\n") {
		t.Errorf("printed %q", out)
	}
	msg, _ := os.ReadFile(eml)
	_, _, parts := mailtest.Read(t, msg)
	if !bytes.Contains(parts[0].Body, []byte("变化：第 3 页（why-cloud）有修改")) {
		t.Errorf("the body does not say what changed:\n%s", parts[0].Body)
	}
}

// TestMailDraftReadsInPython: Python's email package, which many mail
// tools are built on, reads the draft as the same tree, with the Chinese
// subject and file name decoded.
func TestMailDraftReadsInPython(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 is not installed")
		}
		t.Skip("python3 is not installed")
	}
	mailEnv(t)
	eml := filepath.Join(t.TempDir(), "r.eml")
	runOK(t, "mail", "-o", eml, "--to", "王伟 <wang@example.cn>", "--subject", "请审阅：金融云报告")
	script := `
import email, email.iterators, email.policy, io, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
out = io.StringIO()
email.iterators._structure(m, fp=out)
print(out.getvalue(), end='')
print(m['subject'], m['to'], m['x-unsent'], sep='|')
pdf = [p for p in m.walk() if p.get_content_type() == 'application/pdf'][0]
print(pdf.get_filename(), len(pdf.get_content()), pdf.get_content()[:5], sep='|')
print(m.get_body(('plain',)).get_content().splitlines()[0])
print(len(m.defects) + sum(len(p.defects) for p in m.walk()), 'defects')
`
	out, err := exec.Command(python, "-c", script, eml).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	pdfFile := filepath.Join(t.TempDir(), "r.pdf")
	renderDefault(t, pdfFile)
	pdf, _ := os.ReadFile(pdfFile)
	want := wantMailTree + "请审阅：金融云报告|王伟 <wang@example.cn>|1\n"
	if !strings.HasPrefix(string(out), want) || !strings.Contains(string(out), fmt.Sprintf("\n中国金融云行业研究报告.pdf|%d|b'%%PDF-'\n中国金融云行业研究报告\n0 defects\n", len(pdf))) {
		t.Errorf("python read\n%s\nwant it to start\n%s", out, want)
	}
}

// TestMailRefuses: bad input writes nothing, sends nothing, and says why
// in one whole message; an unreachable server fails within its bound.
func TestMailRefuses(t *testing.T) {
	mailEnv(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	srv := mailtest.Start(t, nil)
	defer func() {
		if n := len(srv.Messages()); n > 0 {
			t.Errorf("%d messages were sent", n)
		}
	}()
	bad := writeDeck(t, map[string][]byte{"deck.yaml": []byte("title: T\nslides:\n  - title: A\n    blocks:\n      - chrt: {}\n")})
	var pdf bytes.Buffer
	dir := t.TempDir()
	renderDefault(t, filepath.Join(dir, "r.pdf"))
	b, _ := os.ReadFile(filepath.Join(dir, "r.pdf"))
	pdf.Write(b)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
		user   string // DECK_SMTP_USER
	}{
		{"an invalid recipient is a usage error naming it", []string{"--to", "a@b.cn, wangwei"}, 2,
			"deck mail: --to: \"wangwei\" is not a mail address such as name@example.com\n", ""},
		{"an invalid copy recipient is a usage error naming it", []string{"--cc", "王伟 <wang@b.cn"}, 2,
			"deck mail: --cc: \"王伟 <wang@b.cn\" is not a mail address such as name@example.com\n", ""},
		{"two senders are a usage error", []string{"--from", "a@b.cn, c@d.cn"}, 2,
			"deck mail: --from: give one sender, not 2\n", ""},
		{"sending without a sender is a usage error", []string{"--smtp", closed, "--to", "a@b.cn"}, 2,
			"deck mail: --smtp: a message sent needs a sender: give --from or set DECK_MAIL_FROM\n", ""},
		{"sending without a recipient is a usage error", []string{"--smtp", closed, "--from", "a@b.cn"}, 2,
			"deck mail: --smtp: a message sent needs a recipient: give --to or --cc\n", ""},
		{"a login to a relay without TLS is a usage error", []string{"--smtp", closed, "--smtp-insecure", "--from", "a@b.cn", "--to", "c@d.cn"}, 2,
			"deck mail: --smtp-insecure: DECK_SMTP_USER is set, and the password would go without TLS: unset it for a local relay\n", "deck"},
		{"a PDF over --max-size is refused", []string{"--max-size", "100KB", "--smtp", srv.Addr, "--smtp-insecure", "--from", "a@b.cn", "--to", "c@d.cn"}, 1,
			fmt.Sprintf("deck mail: the PDF would be %d bytes (%s), over --max-size 100KB (100000 bytes); nothing written or sent\n", pdf.Len(), size(int64(pdf.Len()))), ""},
		{"a deck with errors is neither written nor sent", []string{"-c", bad, "--smtp", srv.Addr, "--smtp-insecure", "--from", "a@b.cn", "--to", "c@d.cn"}, 1,
			filepath.Join(bad, "deck.yaml") + ":5:9: error: unknown block kind \"chrt\" (did you mean \"chart\"?)\ndeck mail: 1 error; nothing written or sent\n", ""},
		{"an unreachable server fails at once", []string{"--smtp", closed, "--smtp-insecure", "--from", "a@b.cn", "--to", "c@d.cn"}, 1,
			fmt.Sprintf("deck mail: mail: cannot reach %s: dial tcp %s: connect: connection refused; nothing sent\n", closed, closed), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(envUser, tc.user)
			out := filepath.Join(t.TempDir(), "r.eml")
			start := time.Now()
			code, _, stderr := runMail(append(tc.args, "-o", out)...)
			if code != tc.code || stderr != tc.stderr {
				t.Errorf("exit %d\n%s\nwant exit %d\n%s", code, stderr, tc.code, tc.stderr)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a file was written")
			}
		})
	}
}

// TestMailSendsTheDraftItWrites: --smtp hands a real SMTP server on
// 127.0.0.1 exactly the bytes it keeps as -o, for To and Cc, and the
// message sent is not marked as a draft.
func TestMailSendsTheDraftItWrites(t *testing.T) {
	mailEnv(t)
	srv := mailtest.Start(t, nil)
	sent := filepath.Join(t.TempDir(), "sent.eml")
	out := runOK(t, "mail", "--smtp", srv.Addr, "--smtp-insecure", "--from", "报告 <deck@example.cn>", "--to", "a@example.cn, b@example.cn", "--cc", "c@example.cn", "-o", sent)
	got := srv.Messages()
	if len(got) != 1 {
		t.Fatalf("received %d messages:\n%s", len(got), out)
	}
	file, _ := os.ReadFile(sent)
	if !bytes.Equal(got[0].Data, file) {
		t.Errorf("the message received (%d bytes) is not the copy written (%d bytes)", len(got[0].Data), len(file))
	}
	if want := []string{"a@example.cn", "b@example.cn", "c@example.cn"}; got[0].From != "deck@example.cn" || !slices.Equal(got[0].Rcpt, want) {
		t.Errorf("envelope from %q to %q, want deck@example.cn to %q", got[0].From, got[0].Rcpt, want)
	}
	h, _, _ := mailtest.Read(t, file)
	if h.Get("X-Unsent") != "" || !strings.HasSuffix(h.Get("Message-Id"), "@example.cn>") {
		t.Errorf("X-Unsent %q, Message-ID %q", h.Get("X-Unsent"), h.Get("Message-Id"))
	}
	if date, err := h.Date(); err != nil || time.Since(date) > time.Minute {
		t.Errorf("a message sent is dated %v (%v), want now", date, err)
	}
}
