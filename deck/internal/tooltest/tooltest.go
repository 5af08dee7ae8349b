// Package tooltest lets a test use a program it did not write (pdftotext,
// qpdf, mutool, soffice): where one is missing the test is skipped, except
// on CI (the CI environment variable set), where .ci/run installs them and
// a missing program is a failure.
package tooltest

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// Need skips t, or fails it on CI, when one of the programs is not on the
// PATH.
func Need(t testing.TB, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed (.ci/run installs it)", p)
			}
			t.Skipf("%s is not installed", p)
		}
	}
}

// QPDFObjects returns the objects of the PDF file as qpdf --json prints
// them, by "obj:N 0 R" (and "trailer"), each read into a T; args are more
// of qpdf's options, such as --json-stream-data=inline. qpdf is needed.
func QPDFObjects[T any](t testing.TB, file string, args ...string) map[string]T {
	t.Helper()
	Need(t, "qpdf")
	out, err := exec.Command("qpdf", append([]string{"--json"}, append(args, file)...)...).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	var doc struct{ Qpdf []json.RawMessage }
	var objs map[string]T
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.Qpdf) != 2 {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	return objs
}
