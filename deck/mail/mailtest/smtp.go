// Package mailtest runs a real SMTP server (github.com/emersion/go-smtp)
// on 127.0.0.1 for the tests of deck/mail and cmd/deck, recording what
// it is sent, and makes the self-signed certificate its STARTTLS shows.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// A Received is one message the server accepted, and how.
type Received struct {
	From string
	Rcpt []string
	Data []byte
	// TLS says the message came over STARTTLS; User is who logged in,
	// and AuthTLS whether the login itself came over TLS.
	TLS     bool
	User    string
	AuthTLS bool
}

// A Server is a running SMTP server.
type Server struct {
	Addr string

	mu       sync.Mutex
	received []Received
}

// Messages returns the messages received so far.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// Start starts a server on a free port of 127.0.0.1, stopped at the end
// of the test. A non-nil cfg offers STARTTLS with it; logins (PLAIN) are
// accepted for the password "secret", and only over TLS.
func Start(t testing.TB, cfg *tls.Config) *Server {
	t.Helper()
	srv := &Server{}
	be := smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{srv: srv, conn: c}, nil })
	s := smtp.NewServer(be)
	s.Domain = "localhost"
	s.ErrorLog = log.New(io.Discard, "", 0) // a client that hangs up (a refused certificate) is no news
	s.TLSConfig = cfg
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Addr = l.Addr().String()
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	return srv
}

// session records one connection's message.
type session struct {
	srv  *Server
	conn *smtp.Conn
	msg  Received
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if pass != "secret" {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad password"}
		}
		_, s.msg.AuthTLS = s.conn.TLSConnectionState()
		s.msg.User = user
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error { s.msg.From = from; return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.msg.Rcpt = append(s.msg.Rcpt, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	var b bytes.Buffer
	if _, err := io.Copy(&b, r); err != nil {
		return err
	}
	s.msg.Data = b.Bytes()
	_, s.msg.TLS = s.conn.TLSConnectionState()
	s.srv.mu.Lock()
	s.srv.received = append(s.srv.received, s.msg)
	s.srv.mu.Unlock()
	s.msg = Received{User: s.msg.User, AuthTLS: s.msg.AuthTLS}
	return nil
}

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }

// Cert returns a server TLS configuration with a self-signed certificate
// for 127.0.0.1 and localhost, and the pool a client trusts it with.
func Cert(t testing.TB) (*tls.Config, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "deck test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:     []string{"localhost"},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}, pool
}
