package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// DefaultTimeout is how long Send may take, from dialling to the server's
// last reply, when SMTP.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// SMTP is the server a message is handed to, and how.
type SMTP struct {
	// Addr is the server's host:port ("smtp.example.com:587").
	Addr string
	// Insecure sends without TLS, for a relay on this machine. Without
	// it, the server must offer STARTTLS and its certificate must verify.
	Insecure bool
	// User and Password log in (AUTH PLAIN), only ever over TLS; an
	// empty User does not log in.
	User, Password string
	// TLS is the TLS configuration of STARTTLS; nil verifies the server
	// against the system's roots. ServerName defaults to Addr's host.
	TLS *tls.Config
	// Timeout bounds the whole session, the dial included; zero is
	// DefaultTimeout.
	Timeout time.Duration
}

// Send hands msg to the server for the recipients rcpt, from the
// envelope sender from. It returns once the server has accepted the
// message, or with an error naming the server: unreachable, no STARTTLS,
// a refused login, sender or recipient, or the time bound passed.
func Send(ctx context.Context, s SMTP, from string, rcpt []string, msg []byte) error {
	if from == "" {
		return errors.New("mail: a message to send needs a sender (From)")
	}
	if len(rcpt) == 0 {
		return errors.New("mail: a message to send needs a recipient (To or Cc)")
	}
	if s.User != "" && s.Insecure {
		return fmt.Errorf("mail: refusing to send the password to %s without TLS", s.Addr)
	}
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return fmt.Errorf("mail: %q is not a host:port such as smtp.example.com:587", s.Addr)
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("mail: cannot reach %s: %w", s.Addr, bounded(err, timeout))
	}
	// go-smtp sets and clears the connection's deadlines command by
	// command; closing the connection when ctx ends bounds the whole.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	s.Timeout = timeout
	if err := session(conn, host, s, from, rcpt, msg); err != nil {
		// The session's own command timeout may pass a moment before
		// ctx's: either is the same bound.
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return fmt.Errorf("mail: sending to %s: %w", s.Addr, bounded(err, timeout))
	}
	return nil
}

// bounded says a timeout as the bound that passed.
func bounded(err error, timeout time.Duration) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("no answer within %s", timeout)
	}
	return err
}

// session runs the SMTP dialogue on conn, and closes it.
func session(conn net.Conn, host string, s SMTP, from string, rcpt []string, msg []byte) error {
	var c *smtp.Client
	if s.Insecure {
		c = smtp.NewClient(conn)
	} else {
		cfg := s.TLS.Clone()
		if cfg == nil {
			cfg = &tls.Config{}
		}
		if cfg.ServerName == "" {
			cfg.ServerName = host
		}
		var err error
		if c, err = smtp.NewClientStartTLS(conn, cfg); err != nil {
			if strings.Contains(err.Error(), "doesn't support STARTTLS") {
				return errors.New("the server does not offer STARTTLS, and the message is sent only over TLS")
			}
			return err
		}
	}
	defer c.Close()
	c.CommandTimeout, c.SubmissionTimeout = s.Timeout, s.Timeout
	if s.User != "" {
		if _, ok := c.TLSConnectionState(); !ok {
			return errors.New("refusing to send the password without TLS")
		}
		if err := c.Auth(sasl.NewPlainClient("", s.User, s.Password)); err != nil {
			return fmt.Errorf("login as %s: %w", s.User, err)
		}
	}
	if err := c.Mail(from, nil); err != nil {
		return err
	}
	for _, r := range rcpt {
		if err := c.Rcpt(r, nil); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// Envelope returns the envelope of a draft: the sender's address, and the
// addresses of To and Cc, each once.
func (d *Draft) Envelope() (from string, rcpt []string) {
	if d.From != nil {
		from = d.From.Address
	}
	seen := map[string]bool{}
	for _, a := range append(append([]*Address{}, d.To...), d.Cc...) {
		if k := strings.ToLower(a.Address); !seen[k] {
			seen[k] = true
			rcpt = append(rcpt, a.Address)
		}
	}
	return from, rcpt
}
