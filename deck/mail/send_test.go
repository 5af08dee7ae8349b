package mail_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck/mail"
	"github.com/deckpdf/deck/deck/mail/mailtest"
)

// testMessage is a small message with CRLF lines, a line starting with a
// dot (which SMTP escapes) and non-ASCII bytes in its body.
var testMessage = []byte("From: a@example.cn\r\nTo: b@example.cn\r\nSubject: test\r\n\r\n.a line that starts with a dot\r\n中文\r\n..\r\n")

// TestSendDeliversTheMessageByteForByte: over STARTTLS with a login, and
// over a plain connection to a local relay, the server receives exactly
// the bytes given, from the sender given, for every recipient given.
func TestSendDeliversTheMessageByteForByte(t *testing.T) {
	srvTLS, pool := mailtest.Cert(t)
	for _, tc := range []struct {
		name     string
		server   *tls.Config
		insecure bool
		user     string
		wantTLS  bool
	}{
		{"over STARTTLS the message and the login are encrypted", srvTLS, false, "deck@example.cn", true},
		{"over STARTTLS without a login the message is encrypted", srvTLS, false, "", true},
		{"to a local relay without TLS the message goes as it is", nil, true, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, tc.server)
			s := mail.SMTP{Addr: srv.Addr, Insecure: tc.insecure, User: tc.user, Password: "secret",
				TLS: &tls.Config{RootCAs: pool}, Timeout: 5 * time.Second}
			rcpt := []string{"b@example.cn", "c@example.com"}
			if err := mail.Send(context.Background(), s, "a@example.cn", rcpt, testMessage); err != nil {
				t.Fatal(err)
			}
			got := srv.Messages()
			if len(got) != 1 {
				t.Fatalf("the server received %d messages, want 1", len(got))
			}
			m := got[0]
			if !bytes.Equal(m.Data, testMessage) {
				t.Errorf("received\n%q\nwant\n%q", m.Data, testMessage)
			}
			if m.From != "a@example.cn" || !slices.Equal(m.Rcpt, rcpt) {
				t.Errorf("envelope from %q to %q, want a@example.cn to %q", m.From, m.Rcpt, rcpt)
			}
			if m.TLS != tc.wantTLS {
				t.Errorf("over TLS: %v, want %v", m.TLS, tc.wantTLS)
			}
			if m.User != tc.user || (tc.user != "" && !m.AuthTLS) {
				t.Errorf("logged in as %q (over TLS: %v), want %q over TLS", m.User, m.AuthTLS, tc.user)
			}
		})
	}
}

// TestSendRefuses: what cannot be sent safely or at all is an error that
// says why, whole, within the time bound.
func TestSendRefuses(t *testing.T) {
	srvTLS, pool := mailtest.Cert(t)
	plain := mailtest.Start(t, nil)
	closed := closedPort(t)
	silent := silentServer(t)
	self := mailtest.Start(t, srvTLS)
	for _, tc := range []struct {
		name string
		s    mail.SMTP
		from string
		want string
	}{
		{"a server without STARTTLS is refused unless insecure", mail.SMTP{Addr: plain.Addr},
			"a@example.cn", "mail: sending to " + plain.Addr + ": the server does not offer STARTTLS, and the message is sent only over TLS"},
		{"a password is never sent without TLS", mail.SMTP{Addr: plain.Addr, Insecure: true, User: "u", Password: "secret"},
			"a@example.cn", "mail: refusing to send the password to " + plain.Addr + " without TLS"},
		{"a certificate that does not verify is refused", mail.SMTP{Addr: self.Addr},
			"a@example.cn", "mail: sending to " + self.Addr + ": tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		{"a wrong password is the server's refusal", mail.SMTP{Addr: self.Addr, User: "u", Password: "wrong", TLS: &tls.Config{RootCAs: pool}},
			"a@example.cn", "mail: sending to " + self.Addr + ": login as u: SMTP error 535: bad password"},
		{"a closed port is unreachable", mail.SMTP{Addr: closed, Insecure: true},
			"a@example.cn", fmt.Sprintf("mail: cannot reach %s: dial tcp %s: connect: connection refused", closed, closed)},
		{"a server that never answers times out", mail.SMTP{Addr: silent, Insecure: true, Timeout: 300 * time.Millisecond},
			"a@example.cn", "mail: sending to " + silent + ": no answer within 300ms"},
		{"an address that is no host:port", mail.SMTP{Addr: "smtp.example.com"},
			"a@example.cn", `mail: "smtp.example.com" is not a host:port such as smtp.example.com:587`},
		{"a message without a sender", mail.SMTP{Addr: plain.Addr, Insecure: true},
			"", "mail: a message to send needs a sender (From)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			err := mail.Send(context.Background(), tc.s, tc.from, []string{"b@example.cn"}, testMessage)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
	if n := len(plain.Messages()) + len(self.Messages()); n != 0 {
		t.Errorf("%d messages were received", n)
	}
}

// closedPort returns an address of 127.0.0.1 where nothing listens.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// silentServer returns the address of a server that accepts connections
// and never says a word.
func silentServer(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		var conns []net.Conn
		for {
			c, err := l.Accept()
			if err != nil {
				for _, c := range conns {
					c.Close()
				}
				return
			}
			conns = append(conns, c)
		}
	}()
	return l.Addr().String()
}
