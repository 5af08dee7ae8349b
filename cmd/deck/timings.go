package main

import (
	"fmt"
	"strings"
	"time"
)

// A stopwatch notes how long each stage of a render took, for --timings.
type stopwatch struct {
	start, last time.Time
	laps        []lap
}

// A lap is one stage and its time.
type lap struct {
	stage string
	took  time.Duration
}

func newStopwatch() *stopwatch {
	now := time.Now()
	return &stopwatch{start: now, last: now}
}

// lap ends the stage that began at the last lap (or the start).
func (s *stopwatch) lap(stage string) {
	if s == nil {
		return
	}
	now := time.Now()
	s.laps = append(s.laps, lap{stage, now.Sub(s.last)})
	s.last = now
}

// String is "load 2.1 ms, layout 5.8 ms, …; total 50.7 ms".
func (s *stopwatch) String() string {
	parts := make([]string, len(s.laps))
	for i, l := range s.laps {
		parts[i] = fmt.Sprintf("%s %s", l.stage, ms(l.took))
	}
	return fmt.Sprintf("%s; total %s", strings.Join(parts, ", "), ms(s.last.Sub(s.start)))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
