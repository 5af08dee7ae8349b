package render

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/pdf"
)

// measure counts what qpdf, a program deck did not write, finds: the
// compressed lengths of the streams that are font programs and images,
// in the files of both engines.
func TestMeasureAddsUpFontsAndImagesAsQPDFReadsThem(t *testing.T) {
	tooltest.Need(t, "qpdf")
	for _, e := range pdf.Engines {
		t.Run(e.String(), func(t *testing.T) {
			var b bytes.Buffer
			if _, err := Render(context.Background(), Builtin(), &b, Options{Engine: e}); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "deck.pdf")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			type object struct {
				Stream *struct{ Dict map[string]any }
			}
			objs := tooltest.QPDFObjects[object](t, file, "--json-stream-data=none")
			var fonts, images int
			for _, o := range objs {
				if o.Stream == nil {
					continue
				}
				n, _ := o.Stream.Dict["/Length"].(float64)
				if _, ok := o.Stream.Dict["/Length1"]; ok {
					fonts += int(n)
				} else if o.Stream.Dict["/Subtype"] == "/Image" {
					images += int(n)
				}
			}
			gotFonts, gotImages := measure(b.Bytes())
			if gotFonts != fonts || gotImages != images || fonts == 0 || images == 0 {
				t.Errorf("measure = fonts %d, images %d; qpdf reads fonts %d, images %d", gotFonts, gotImages, fonts, images)
			}
		})
	}
}

// What a dictionary may hold does not end it early: nested dictionaries,
// hex strings, literal strings with ">>", "stream" or escaped parentheses;
// and a stream's data, whatever it holds, is stepped over.
func TestMeasureReadsDictionariesWhole(t *testing.T) {
	fake := "9 0 obj\n<</Length1 1 /Length 1>>\nstream\nx"
	file := "%PDF-1.7\n" +
		fmt.Sprintf("1 0 obj\n<</Type /XObject /Subtype /Image /Name (a >> b \\) << (c) stream) /ID <3E3E> /D <</E <</F 1>>>> /Length %d>>\nstream\n%s\nendstream\nendobj\n", len(fake), fake) +
		"3 0 obj\n<</Length1 9 /Length 5>>stream\r\nabcde\r\nendstream\nendobj\n" +
		"4 0 obj\n<</Title (stream)>>\nendobj\n"
	fonts, images := measure([]byte(file))
	if fonts != 5 || images != len(fake) {
		t.Errorf("measure = fonts %d, images %d, want 5, %d", fonts, images, len(fake))
	}
}
