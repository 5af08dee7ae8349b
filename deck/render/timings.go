package render

import (
	"fmt"
	"strings"
	"time"
)

// A Stage is one step of a render and the time it took.
type Stage struct {
	Name string // load, fonts, layout, charts, pdf
	Took time.Duration
}

// Timings are the stages of a render, in order.
type Timings []Stage

// String is "load 2.1 ms, layout 5.8 ms, …".
func (t Timings) String() string {
	parts := make([]string, len(t))
	for i, s := range t {
		parts[i] = fmt.Sprintf("%s %s", s.Name, millis(s.Took))
	}
	return strings.Join(parts, ", ")
}

// millis prints a duration as milliseconds with one decimal: "2.1 ms".
func millis(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// A stopwatch times the stages of one render.
type stopwatch struct{ last time.Time }

// lap ends the stage that began at the last lap (or the start).
func (s *stopwatch) lap(t *Timings, name string) {
	now := time.Now()
	*t = append(*t, Stage{name, now.Sub(s.last)})
	s.last = now
}
