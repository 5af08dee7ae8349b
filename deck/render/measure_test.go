package render

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/deckpdf/deck/deck/pdf"
)

// measure counts what qpdf, a program deck did not write, finds: the
// compressed lengths of the streams that are font programs and images,
// in the files of both engines.
func TestMeasureAddsUpFontsAndImagesAsQPDFReadsThem(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed")
	}
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
			out, err := exec.Command("qpdf", "--json", "--json-stream-data=none", file).Output()
			if err != nil {
				t.Fatal(err)
			}
			var doc struct{ Qpdf []json.RawMessage }
			var objs map[string]struct {
				Stream *struct{ Dict map[string]any }
			}
			if err := json.Unmarshal(out, &doc); err != nil || len(doc.Qpdf) != 2 || json.Unmarshal(doc.Qpdf[1], &objs) != nil {
				t.Fatalf("qpdf --json: %v", err)
			}
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
