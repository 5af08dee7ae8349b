package layout_test

import (
	"bytes"
	"testing"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// TestDumpPrintsAPathsFillAndClosingOnlyWhenSet keeps the dump of an open
// stroked path as it was (the golden files hold many) and shows the new
// fields where a path uses them.
func TestDumpPrintsAPathsFillAndClosingOnlyWhenSet(t *testing.T) {
	red, blue := deck.Color{R: 255, A: 255}, deck.Color{B: 255, A: 255}
	pts := []layout.Point{{X: 1, Y: 2}, {X: 3, Y: 4.5}, {X: 5, Y: 2}}
	for _, c := range []struct {
		name string
		path layout.Path
		want string
	}{
		{"an open stroked path reads as before", layout.Path{Points: pts, Stroke: red, Width: 1.5},
			"  path 1.00,2.00 3.00,4.50 5.00,2.00 #FF0000/1.50\n"},
		{"a fill is printed after the stroke", layout.Path{Points: pts, Fill: blue},
			"  path 1.00,2.00 3.00,4.50 5.00,2.00 none/0.00 fill=#0000FF\n"},
		{"a closed path says so", layout.Path{Points: pts, Stroke: red, Width: 1, Fill: blue, Closed: true},
			"  path 1.00,2.00 3.00,4.50 5.00,2.00 #FF0000/1.00 fill=#0000FF closed\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			page := layout.Page{Size: deck.Size{W: 10, H: 10}, Title: "p", Items: []layout.Item{c.path}}
			if err := layout.Dump(&b, []layout.Page{page}); err != nil {
				t.Fatal(err)
			}
			_, got, _ := bytes.Cut(b.Bytes(), []byte("\n"))
			if string(got) != c.want {
				t.Errorf("dump\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
