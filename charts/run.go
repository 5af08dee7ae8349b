package charts

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
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
// that a large one does not start last and keep the others waiting), and
// returns what each call returned, in the order of the jobs.
func each[T any](pages []layout.Page, jobs []job, draw func(int, layout.Image) (T, error)) ([]T, []error) {
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
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for n := int(next.Add(1)) - 1; n < len(order); n = int(next.Add(1)) - 1 {
				k := order[n]
				results[k], errs[k] = draw(k, jobs[k].image(pages))
			}
		})
	}
	wg.Wait()
	return results, errs
}

// bounded calls draw for the chart c in a goroutine and gives up after the
// time limit. A panic in go-chart becomes an error.
func bounded[T any](c *deck.Chart, limit time.Duration, draw func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("charts: go-chart failed: %v", r)}
			}
		}()
		v, err := draw()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(limit):
		var zero T
		return zero, fmt.Errorf("charts: drawing chart %s took more than %v; check its data", c.Name(), limit)
	}
}
