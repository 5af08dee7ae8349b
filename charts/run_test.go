package charts

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// longLine is a line chart of n points: placing each value clear of the
// others takes time that grows as n², about 5 s for 5000 points.
func longLine(n int) *deck.Chart {
	c := &deck.Chart{ID: "long", Kind: deck.ChartLine}
	s := deck.Series{Name: "v"}
	for i := range n {
		c.Categories = append(c.Categories, fmt.Sprint(i))
		s.Values = append(s.Values, float64(i%17))
		s.Labels = append(s.Labels, fmt.Sprint(i%17))
	}
	c.Series = []deck.Series{s}
	return c
}

// settle waits up to a second for the number of goroutines to come back
// to want, and returns the number last seen.
func settle(want int) int {
	deadline := time.Now().Add(time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestChartsOutOfTimeStopDrawing: a chart that runs out of time is an
// error at its place, and its drawing stops (it went on for seconds, a
// busy core for each such chart in deck watch).
func TestChartsOutOfTimeStopDrawing(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	cases := []struct {
		name   string
		points int
		rect   layout.Rect
		vector bool
	}{
		// Each takes seconds to draw without a limit.
		{"a picture's drawing ends with the error", 5000, layout.Rect{W: 400, H: 200}, false},
		{"a vector drawing ends with the error", 8000, layout.Rect{W: 2000, H: 1000}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := longLine(tc.points)
			c.Pos = deck.Pos{File: "deck.yaml", Line: 7, Col: 9}
			pages := []layout.Page{{Items: []layout.Item{layout.Image{Rect: tc.rect, Chart: c}}}}
			before := runtime.NumGoroutine()
			start := time.Now()
			diags := Fill(pages, theme, set, Options{Timeout: 50 * time.Millisecond, Vector: tc.vector})
			want := `deck.yaml:7:9: error: charts: drawing chart "long" took more than 50ms; check its data`
			if len(diags) != 1 || diags[0].String() != want {
				t.Errorf("diagnostics %v, want %s", diags, want)
			}
			if n := settle(before); n > before {
				t.Errorf("%d goroutines a second after the time limit, %d before: the drawing goes on", n, before)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Fill took %v with a limit of 50ms", d)
			}
		})
	}
}

// TestDrawingsThatCannotBeStoppedAreSaidToGoOn: a drawing that does not
// stop (one busy in go-chart's arithmetic, which calls no renderer) is
// abandoned after stopWait, and the error says it goes on.
func TestDrawingsThatCannotBeStoppedAreSaidToGoOn(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	start := time.Now()
	_, err := bounded(&deck.Chart{ID: "stuck"}, time.Millisecond, func(*halt) (int, error) {
		<-release
		return 0, nil
	})
	want := `charts: drawing chart "stuck" took more than 1ms and could not be stopped: it goes on in the background until it ends; check its data`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if d := time.Since(start); d < stopWait || d > stopWait+time.Second {
		t.Errorf("gave up after %v, want %v after the limit", d, stopWait)
	}
}
