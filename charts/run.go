package charts

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/wcharczuk/go-chart/v2"
)

// A job is a chart's Image item, by its page and its place on the page.
type job struct{ page, item int }

// chartJobs finds every chart's Image item on the pages, in order.
func chartJobs(pages []layout.Page) []job {
	var jobs []job
	for p := range pages {
		for i, it := range pages[p].Items {
			if im, ok := it.(layout.Image); ok && im.Chart != nil {
				jobs = append(jobs, job{p, i})
			}
		}
	}
	return jobs
}

// image returns the job's Image item.
func (j job) image(pages []layout.Page) layout.Image {
	return pages[j.page].Items[j.item].(layout.Image)
}

// each calls draw for the index and image of every job, concurrently, as
// many at a time as there are processors, the largest pictures first (so
// that a large one does not start last and keep the others waiting), then
// calls each of meanwhile (on a core no chart is left for: with a chart
// and two cores, on the other one at once), and returns what each draw returned, in the
// order of the jobs. Once ctx is done, no call starts; the jobs not
// started are left with zero results.
func each[T any](ctx context.Context, pages []layout.Page, jobs []job, meanwhile []func(), draw func(int, layout.Image) (T, error)) ([]T, []error) {
	results := make([]T, len(jobs))
	errs := make([]error, len(jobs))
	order := make([]int, len(jobs))
	for k := range order {
		order[k] = k
	}
	area := func(k int) float64 { r := jobs[k].image(pages).Rect; return r.W * r.H }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(area(b), area(a)) })
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)+len(meanwhile)) {
		wg.Go(func() {
			for n := int(next.Add(1)) - 1; n < len(order)+len(meanwhile) && ctx.Err() == nil; n = int(next.Add(1)) - 1 {
				if n >= len(order) {
					meanwhile[n-len(order)]()
					continue
				}
				k := order[n]
				results[k], errs[k] = draw(k, jobs[k].image(pages))
			}
		})
	}
	wg.Wait()
	return results, errs
}

// bounded calls draw for the chart c in a goroutine and gives up after the
// time limit, or when ctx is done. A panic in go-chart becomes an error. A
// drawing that runs out of time, or whose ctx is done, is told to stop: it
// ends at its next call to a renderer (see halt). One that still runs
// stopWait later, in go-chart's own arithmetic, is abandoned and said to
// be, so that every chart left drawing in the background is counted in the
// diagnostics. When ctx is done, the error is ctx.Err().
func bounded[T any](ctx context.Context, c *deck.Chart, limit time.Duration, draw func(*halt) (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	stop := new(halt)
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(halted); ok {
					done <- result{err: errors.New("charts: the drawing was stopped")}
					return
				}
				done <- result{err: fmt.Errorf("charts: go-chart failed: %v", r)}
			}
		}()
		v, err := draw(stop)
		done <- result{v, err}
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-timer.C:
	case <-ctx.Done():
	}
	stop.stopped.Store(true)
	var zero T
	if err := ctx.Err(); err != nil {
		select {
		case <-done:
		case <-time.After(stopWait):
		}
		return zero, err
	}
	select {
	case <-done:
		return zero, fmt.Errorf("charts: drawing chart %s took more than %v; check its data", c.Name(), limit)
	case <-time.After(stopWait):
		return zero, fmt.Errorf("charts: drawing chart %s took more than %v and could not be stopped: it goes on in the background until it ends; check its data", c.Name(), limit)
	}
}

// stopWait is how long a drawing told to stop may take to end.
const stopWait = time.Second

// A halt tells a drawing that ran out of time to stop. The renderers that
// it wraps check it on every call go-chart and the chart's series make,
// and panic with halted{} once it is set; bounded recovers. A nil *halt
// never stops.
type halt struct{ stopped atomic.Bool }

// halted is the panic of a drawing told to stop.
type halted struct{}

// check panics with halted{} when the drawing is to stop.
func (h *halt) check() {
	if h != nil && h.stopped.Load() {
		panic(halted{})
	}
}

// renderer wraps r so that its drawing calls check h.
func (h *halt) renderer(r chart.Renderer) chart.Renderer {
	if h == nil {
		return r
	}
	return halting{r, h}
}

// provider wraps the renderers that rp makes so that their drawing calls
// check h.
func (h *halt) provider(rp chart.RendererProvider) chart.RendererProvider {
	if h == nil {
		return rp
	}
	return func(w, ht int) (chart.Renderer, error) {
		h.check()
		r, err := rp(w, ht)
		if err != nil {
			return r, err
		}
		return h.renderer(r), nil
	}
}

// halting is a renderer whose drawing and measuring calls check a halt
// first; the setters of its style pass straight through.
type halting struct {
	chart.Renderer
	h *halt
}

func (r halting) MoveTo(x, y int) {
	r.h.check()
	r.Renderer.MoveTo(x, y)
}

func (r halting) LineTo(x, y int) {
	r.h.check()
	r.Renderer.LineTo(x, y)
}

func (r halting) QuadCurveTo(cx, cy, x, y int) {
	r.h.check()
	r.Renderer.QuadCurveTo(cx, cy, x, y)
}

func (r halting) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	r.h.check()
	r.Renderer.ArcTo(cx, cy, rx, ry, start, delta)
}

func (r halting) Circle(radius float64, x, y int) {
	r.h.check()
	r.Renderer.Circle(radius, x, y)
}

func (r halting) Close() {
	r.h.check()
	r.Renderer.Close()
}

func (r halting) Stroke() {
	r.h.check()
	r.Renderer.Stroke()
}

func (r halting) Fill() {
	r.h.check()
	r.Renderer.Fill()
}

func (r halting) FillStroke() {
	r.h.check()
	r.Renderer.FillStroke()
}

func (r halting) Text(body string, x, y int) {
	r.h.check()
	r.Renderer.Text(body, x, y)
}

func (r halting) MeasureText(body string) chart.Box {
	r.h.check()
	return r.Renderer.MeasureText(body)
}

func (r halting) Save(w io.Writer) error {
	r.h.check()
	return r.Renderer.Save(w)
}
