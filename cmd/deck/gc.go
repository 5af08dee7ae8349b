package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// lateCollection is how much memory a command that runs once may take
// before its first garbage collection. A warm render of the default
// report ends before it is reached (GODEBUG=gctrace=1 prints no
// collection; a cold one, which draws three 8.8 MB chart canvases,
// collects once); with the collector at its default, a warm process
// collects four or five times, on a heap of 2 to 5 MB, and spends a
// third of its CPU time on it (on this machine, 24.5 ms of user time with
// collections, 15.0 without; see the issue 17 note).
const lateCollection = 32 << 20

// collectLate turns garbage collection off until the process holds
// lateCollection bytes, as esbuild does for a build that runs once: the
// default report, its charts cached, is rendered and the process gone
// before then. The first collection, once the limit is reached, turns the
// collector back to its default, so that a deck of thousands of slides
// holds twice what it uses, as before, and is not collected over and over
// at the limit. A GOGC or GOMEMLIMIT in the environment is the user's
// choice and is kept. deck watch, which runs for hours, does not call it.
func collectLate() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(lateCollection)
	// The cleanup of an object nothing refers to runs after the first
	// collection.
	runtime.AddCleanup(new([64]byte), func(int) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, 0)
}
