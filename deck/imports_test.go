package deck_test

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// module is the path of this module.
const module = "github.com/deckpdf/deck"

// goPackage is what go list says of a package.
type goPackage struct {
	ImportPath string
	Imports    []string // imported directly
	Deps       []string // imported directly or indirectly
}

// listPackages lists the module's packages with go list.
func listPackages(t *testing.T) map[string]goPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]goPackage{}
	for dec := json.NewDecoder(strings.NewReader(string(out))); dec.More(); {
		var p goPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs[strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")] = p
	}
	return pkgs
}

// TestImportsGoOneWay enforces DESIGN.md's import rules: only deck/pdf
// imports the PDF libraries and only charts imports go-chart; each stage
// of the pipeline knows nothing of the stages after it.
func TestImportsGoOneWay(t *testing.T) {
	pkgs := listPackages(t)
	for _, p := range []string{"deck", "content", "deck/layout", "deck/pdf", "charts", "fonts", "cmd/deck"} {
		if _, ok := pkgs[p]; !ok {
			t.Fatalf("go list did not list %s", p)
		}
	}
	onlyBy := map[string]string{ // a library -> the one package that may import it
		"github.com/go-pdf/fpdf":           "deck/pdf",
		"github.com/signintech/gopdf":      "deck/pdf",
		"github.com/wcharczuk/go-chart/v2": "charts",
		"github.com/golang/freetype":       "charts",
		"go.yaml.in/yaml/v4":               "content",
		"github.com/fsnotify/fsnotify":     "cmd/deck",
		"github.com/xuri/excelize/v2":      "content/workbook deck/numfmt deck/pptx", // pptx: a native chart's embedded workbook
		"github.com/xuri/nfp":              "deck/numfmt",
	}
	for name, p := range pkgs {
		for _, imp := range p.Imports {
			for lib, owner := range onlyBy {
				if (imp == lib || strings.HasPrefix(imp, lib+"/")) && !slices.Contains(strings.Fields(owner), name) {
					t.Errorf("%s imports %s: only %s may", name, imp, owner)
				}
			}
		}
	}
	// later lists, for each package, the module's packages it must not
	// depend on, directly or not: the stages after it.
	later := map[string][]string{
		"fonts":            {"deck", "content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"deck/linebreak":   {"deck", "content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"deck":             {"content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"content":          {"deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"content/workbook": {"deck", "content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"deck/numfmt":      {"deck", "content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
		"deck/layout":      {"content", "deck/pdf", "charts", "cmd/deck"},
		"charts":           {"content", "deck/pdf", "cmd/deck"},
		"deck/pdf":         {"content", "charts", "cmd/deck"},
		"deck/raster":      {"content", "deck/pdf", "charts", "cmd/deck"},
		"deck/diskcache":   {"deck", "fonts", "content", "deck/layout", "deck/pdf", "charts", "cmd/deck"},
	}
	for name, banned := range later {
		deps := map[string]bool{}
		for _, d := range pkgs[name].Deps {
			deps[d] = true
		}
		for _, b := range banned {
			if deps[module+"/"+b] {
				t.Errorf("%s depends on %s: DESIGN.md's pipeline forbids it", name, b)
			}
		}
	}
}
