package pptx_test

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deckpdf/deck/deck/internal/tooltest"
)

// schemaOf returns the schema in testdata/schemas that a part's root
// element is declared in, or "" for a part not validated.
func schemaOf(name string) string {
	switch {
	case name == "[Content_Types].xml":
		return "opc-contentTypes.xsd"
	case strings.HasSuffix(name, ".rels"):
		return "opc-relationships.xsd"
	case strings.HasPrefix(name, "ppt/charts/"):
		return "dml-chart.xsd"
	case strings.HasPrefix(name, "ppt/theme/"):
		return "dml-main.xsd"
	case strings.HasPrefix(name, "ppt/") && strings.HasSuffix(name, ".xml"):
		return "pml.xsd"
	}
	return "" // docProps/core.xml: its schema imports Dublin Core's from the network
}

// xmllintError is a line of xmllint's that says a part is not valid.
var xmllintError = regexp.MustCompile(`(?m)^.*(error|fails to validate).*$`)

func TestThePartsAreValidAgainstTheSchemas(t *testing.T) {
	tooltest.Need(t, "xmllint")
	parts, names := unzip(t, write(t, defaultDoc(t).Pages, withEverything()))
	dir := t.TempDir()
	bySchema := map[string][]string{}
	for _, n := range names {
		s := schemaOf(n)
		if s == "" {
			continue
		}
		file := filepath.Join(dir, strings.NewReplacer("/", "_", "[", "", "]", "").Replace(n))
		writeFile(t, file, parts[n])
		bySchema[s] = append(bySchema[s], file)
	}
	for _, s := range []string{"pml.xsd", "dml-main.xsd", "dml-chart.xsd", "opc-contentTypes.xsd", "opc-relationships.xsd"} {
		t.Run("every part of "+s+" is valid", func(t *testing.T) {
			files := bySchema[s]
			if len(files) == 0 {
				t.Fatal("the package has no such part")
			}
			args := append([]string{"--noout", "--nonet", "--schema", filepath.Join("testdata", "schemas", s)}, files...)
			out, err := exec.Command("xmllint", args...).CombinedOutput()
			if bad := xmllintError.FindAllString(string(out), -1); err != nil || len(bad) > 0 {
				t.Errorf("xmllint: %v\n%s", err, strings.Join(bad, "\n"))
			}
			t.Logf("%d parts valid", len(files))
		})
	}
}

// TestTheSchemaTestSeesAnInvalidPart keeps the schema test honest: a
// slide with an element in a place the schema does not allow fails.
func TestTheSchemaTestSeesAnInvalidPart(t *testing.T) {
	tooltest.Need(t, "xmllint")
	parts, _ := unzip(t, write(t, defaultDoc(t).Pages, withEverything()))
	slide := strings.Replace(string(parts["ppt/slides/slide1.xml"]), "<p:spTree>", "<p:spTree><p:bogus/>", 1)
	file := filepath.Join(t.TempDir(), "slide1.xml")
	writeFile(t, file, []byte(slide))
	out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", filepath.Join("testdata", "schemas", "pml.xsd"), file).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "bogus") {
		t.Errorf("xmllint accepts a slide with p:bogus (%v): %s", err, out)
	}
}
