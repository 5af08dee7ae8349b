package pdf

import (
	"bytes"
	"testing"
)

func TestTaggingRefusesAFileItDoesNotKnow(t *testing.T) {
	var fp bytes.Buffer
	if err := Write(&fp, goPages(t), Options{}); err != nil {
		t.Fatal(err)
	}
	gp := writeGo(t, goPages(t), Options{})
	for _, c := range []struct {
		name string
		file []byte
		err  string
	}{
		{"not a PDF", []byte("hello"), "its trailer is not the one expected"},
		{"a file of gopdf's", gp, "its catalog is not the one expected"},
		{"a file tagged already", fp.Bytes(), "it has a structure tree already"},
		{"a file cut short", fp.Bytes()[:fp.Len()/2], "its trailer is not the one expected"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := tagFPDF(new(bytes.Buffer), c.file, nil, nil, nil)
			if want := "pdf: fpdf wrote an unexpected file: " + c.err; err == nil || err.Error() != want {
				t.Errorf("err = %v, want %s", err, want)
			}
		})
	}
}
