package mailtest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
)

// A Part is a leaf of a message's MIME tree, decoded.
type Part struct {
	Type   string            // the media type, "text/plain"
	Params map[string]string // its parameters, decoded (RFC 2231 too)
	Header mail.Header
	Body   []byte // with its transfer encoding undone; a text's lines end in \n
}

// Read parses msg with Go's net/mail and mime/multipart and returns the
// top header, its MIME tree as indented lines of media types (as Python's
// email.iterators._structure prints it) and the leaves in order.
func Read(t testing.TB, msg []byte) (mail.Header, string, []Part) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(msg))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	var tree strings.Builder
	var parts []Part
	walk(t, m.Header, m.Body, 0, &tree, &parts)
	return m.Header, tree.String(), parts
}

func walk(t testing.TB, h mail.Header, body io.Reader, depth int, tree *strings.Builder, parts *[]Part) {
	t.Helper()
	typ, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		t.Fatalf("Content-Type %q: %v", h.Get("Content-Type"), err)
	}
	fmt.Fprintf(tree, "%s%s\n", strings.Repeat("    ", depth), typ)
	if strings.HasPrefix(typ, "multipart/") {
		r := multipart.NewReader(body, params["boundary"])
		for {
			p, err := r.NextRawPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", typ, err)
			}
			walk(t, mail.Header(p.Header), p, depth+1, tree, parts)
		}
	}
	var dec io.Reader = body
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "base64":
		dec = base64.NewDecoder(base64.StdEncoding, body)
	case "quoted-printable":
		dec = quotedprintable.NewReader(body)
	}
	b, err := io.ReadAll(dec)
	if err != nil {
		t.Fatalf("%s: %v", typ, err)
	}
	if strings.HasPrefix(typ, "text/") {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	*parts = append(*parts, Part{Type: typ, Params: params, Header: h, Body: b})
}
