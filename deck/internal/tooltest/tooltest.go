// Package tooltest lets a test use a program it did not write (pdftotext,
// qpdf, mutool, soffice): where one is missing the test is skipped, except
// on CI (the CI environment variable set), where .ci/run installs them and
// a missing program is a failure.
package tooltest

import (
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
