package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/pdf"
)

// The fpdf engine writes its file once, whole: one revision, each object
// once, and every stream compressed but the XMP metadata, which PDF/A
// wants readable as it is.
func TestFPDFFilesAreOneRevisionWithTheirStreamsCompressed(t *testing.T) {
	d := defaultDeck(t)
	for _, pdfa := range []bool{false, true} {
		t.Run(fmt.Sprintf("pdfa=%v", pdfa), func(t *testing.T) {
			var b bytes.Buffer
			opt := pdf.Options{Meta: d.meta, Creator: "deck test", Date: date, Fonts: d.fonts, PDFA: pdfa}
			if err := pdf.Write(&b, d.pages, opt); err != nil {
				t.Fatal(err)
			}
			file := b.Bytes()
			if n := bytes.Count(file, []byte("\nstartxref\n")); n != 1 {
				t.Errorf("%d cross-reference sections, want 1", n)
			}
			if trailer := file[bytes.LastIndex(file, []byte("trailer")):]; bytes.Contains(trailer, []byte("/Prev")) {
				t.Error("the trailer points back at an earlier revision")
			}
			seen := map[string]bool{}
			for _, m := range regexp.MustCompile(`(?m)^(\d+) 0 obj$`).FindAllSubmatch(file, -1) {
				if seen[string(m[1])] {
					t.Errorf("object %s is written twice", m[1])
				}
				seen[string(m[1])] = true
			}
			name := filepath.Join(t.TempDir(), "deck.pdf")
			if err := os.WriteFile(name, file, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, _ := run(t, "qpdf", "--check", name); !bytes.Contains([]byte(out), []byte("No syntax or stream encoding errors")) {
				t.Errorf("qpdf --check:\n%s", out)
			}
			// The dictionaries as written: without decoding, qpdf keeps
			// each stream's /Filter.
			objs := tooltest.QPDFObjects[qpdfObject](t, name, "--json-stream-data=none")
			streams := 0
			for ref, o := range objs {
				if o.Stream == nil {
					continue
				}
				streams++
				_, filtered := o.Stream.Dict["/Filter"]
				if meta := o.Stream.Dict["/Type"] == "/Metadata"; filtered == meta {
					t.Errorf("stream %s %v: filtered %v", ref, o.Stream.Dict, filtered)
				}
			}
			if streams < len(d.pages) {
				t.Errorf("%d streams for %d pages", streams, len(d.pages))
			}
		})
	}
}
