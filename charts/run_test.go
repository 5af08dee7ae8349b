package charts

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
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
			diags := fill(t, pages, theme, set, Options{Timeout: 50 * time.Millisecond, Vector: tc.vector})
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
	_, err := bounded(t.Context(), &deck.Chart{ID: "stuck"}, time.Millisecond, func(*halt) (int, error) {
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

// TestCancelStopsFill: once its context is cancelled, Fill stops the
// charts being drawn at their next renderer call and returns
// context.Canceled, leaving no drawing behind and the pages as they were.
// The charts, drawn to the end, would take minutes (about 4 s each); the
// pictures are cancelled later than the drawings, once their sizes are
// worked out (some 80 ms for these) and the drawing is under way.
func TestCancelStopsFill(t *testing.T) {
	_, theme := reportCharts(t)
	set := defaultFonts(t)
	cases := []struct {
		name   string
		points int
		rect   layout.Rect
		vector bool
		after  time.Duration
	}{
		{"pictures stop when the context is cancelled", 5000, layout.Rect{W: 400, H: 200}, false, 300 * time.Millisecond},
		{"drawings stop when the context is cancelled", 8000, layout.Rect{W: 2000, H: 1000}, true, 50 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var items []layout.Item
			for range 40 {
				items = append(items, layout.Image{Rect: tc.rect, Chart: longLine(tc.points)})
			}
			pages := []layout.Page{{Items: items}}
			before := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(t.Context())
			time.AfterFunc(tc.after, cancel)
			start := time.Now()
			diags, err := Fill(ctx, pages, theme, set, Options{Vector: tc.vector})
			took := time.Since(start)
			t.Logf("Fill returned %v %v after the cancel", err, took-tc.after)
			if !errors.Is(err, context.Canceled) || diags != nil {
				t.Errorf("Fill = %v, %v; want no diagnostics and %v", diags, err, context.Canceled)
			}
			if took > tc.after+3*time.Second {
				t.Errorf("Fill took %v, cancelled after %v: the charts being drawn were not stopped", took, tc.after)
			}
			if n := settle(before); n > before {
				t.Errorf("%d goroutines a second after Fill returned, %d before: drawings go on", n, before)
			}
			for k, it := range pages[0].Items {
				if im, ok := it.(layout.Image); !ok || im.Data != nil {
					t.Errorf("item %d is %T, want the chart's empty picture slot left as it was", k, it)
					break
				}
			}
		})
	}
}

// TestEachStartsNothingOnceCancelled: once the context is done, no chart
// starts drawing; those already started finish.
func TestEachStartsNothingOnceCancelled(t *testing.T) {
	pages, jobs := chartsPage(40)
	for _, tc := range []struct {
		name      string
		cancelled bool // before each starts
		most      int
	}{
		{"a context done before the start starts none", true, 0},
		{"a context cancelled by the first chart starts none after the ones under way", false, runtime.GOMAXPROCS(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			if tc.cancelled {
				cancel()
			}
			var started atomic.Int64
			each(ctx, pages, jobs, nil, func(int, layout.Image) (int, error) {
				started.Add(1)
				cancel()
				time.Sleep(10 * time.Millisecond) // the others look at ctx meanwhile
				return 0, nil
			})
			cancel()
			if n := int(started.Load()); n > tc.most || (!tc.cancelled && n == 0) {
				t.Errorf("%d charts started, want at most %d", n, tc.most)
			}
		})
	}
}

// TestEachDoesTheOtherWorkAfterTheCharts: the cores drawing the charts
// take up the caller's other work once no chart is left to start, each
// piece once; with the context done, they take up none.
func TestEachDoesTheOtherWorkAfterTheCharts(t *testing.T) {
	pages, jobs := chartsPage(5)
	for _, cancelled := range []bool{false, true} {
		ctx, cancel := context.WithCancel(t.Context())
		if cancelled {
			cancel()
		}
		var drawn, done atomic.Int64
		var early atomic.Bool
		work := make([]func(), 3)
		for i := range work {
			work[i] = func() {
				// The cores take up other work only once every chart
				// has started: at most one a core is still drawing.
				if drawn.Load() < int64(len(jobs)-min(runtime.GOMAXPROCS(0), len(jobs)+len(work))+1) {
					early.Store(true)
				}
				done.Add(1)
			}
		}
		each(ctx, pages, jobs, work, func(int, layout.Image) (int, error) {
			time.Sleep(time.Millisecond)
			drawn.Add(1)
			return 0, nil
		})
		cancel()
		want := int64(len(work))
		if cancelled {
			want = 0
		}
		if n := done.Load(); n != want {
			t.Errorf("cancelled %v: %d pieces of other work done, want %d", cancelled, n, want)
		}
		if early.Load() {
			t.Errorf("other work was taken up while charts were left to start")
		}
	}
}

// chartsPage returns a page of n small charts, and their jobs.
func chartsPage(n int) ([]layout.Page, []job) {
	var items []layout.Item
	for range n {
		items = append(items, layout.Image{Rect: layout.Rect{W: 10, H: 10}, Chart: &deck.Chart{ID: "c"}})
	}
	pages := []layout.Page{{Items: items}}
	return pages, chartJobs(pages)
}
