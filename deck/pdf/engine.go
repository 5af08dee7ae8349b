package pdf

import "fmt"

// An Engine is the PDF library that draws the pages. Both draw the same
// laid-out items; neither measures or wraps text.
type Engine int

// The engines.
const (
	// EngineFPDF draws with github.com/go-pdf/fpdf. It is the default.
	EngineFPDF Engine = iota
	// EngineGoPDF draws with github.com/signintech/gopdf. See gopdf.go for
	// what it draws differently.
	EngineGoPDF
)

// Engines lists every engine, in the order of the constants.
var Engines = []Engine{EngineFPDF, EngineGoPDF}

// String returns the engine's name as ParseEngine reads it.
func (e Engine) String() string {
	switch e {
	case EngineFPDF:
		return "fpdf"
	case EngineGoPDF:
		return "gopdf"
	default:
		return fmt.Sprintf("Engine(%d)", int(e))
	}
}

// ParseEngine returns the engine named s: "fpdf" or "gopdf".
func ParseEngine(s string) (Engine, error) {
	for _, e := range Engines {
		if s == e.String() {
			return e, nil
		}
	}
	return 0, fmt.Errorf("pdf: unknown engine %q (want fpdf or gopdf)", s)
}
