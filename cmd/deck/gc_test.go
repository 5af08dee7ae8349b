package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// collectLate turns the collector off up to its limit, and the first
// collection turns it back to its default, without a limit.
func TestCollectLate(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	// The limit counts what the runtime holds, not what is live: after
	// the tests before this one, it could be over lateCollection already,
	// and the collection that would start at once would set the default
	// back before it is read. What is free goes back to the system first.
	debug.FreeOSMemory()
	collectLate()
	if p, l := gcSettings(); p != -1 || l != lateCollection {
		t.Fatalf("after collectLate: GOGC %d, limit %d; want off, %d", p, l, lateCollection)
	}
	runtime.GC()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(time.Millisecond) {
		if p, l := gcSettings(); p == 100 && l == math.MaxInt64 {
			return
		}
		runtime.GC()
	}
	p, l := gcSettings()
	t.Errorf("after a collection: GOGC %d, limit %d; want 100, no limit", p, l)
}

// A GOGC in the environment is kept.
func TestCollectLateKeepsTheUsersGOGC(t *testing.T) {
	t.Setenv("GOGC", "50")
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	collectLate()
	if p, l := gcSettings(); p != 50 || l != math.MaxInt64 {
		t.Errorf("GOGC %d, limit %d; want 50, no limit", p, l)
	}
}
