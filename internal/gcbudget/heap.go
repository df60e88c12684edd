// Package gcbudget gives a run of caselint a memory budget: once the run
// has allocated as much as the budget, the garbage collector stays off
// until the process has used the budget, then comes back as Go sets it by
// default once the live heap is large enough to need it.
//
// A lint keeps little alive (a case's records, while it is linted, and the
// findings) but allocates a great deal: 3,000 cases allocate about 1.4 GB,
// and even 10,000 keep at most 14 MB alive. With Go's default (GOGC=100)
// the collector then runs every few megabytes, some 670 times in a lint of
// 3,000 cases, and takes a third of its time. With a budget of 32 MiB it
// runs a hundred times or so and the peak is bounded by the budget, not by
// the corpus. The budget is the runtime's own soft memory limit
// (debug.SetMemoryLimit) with GOGC off; a watcher that runs after each
// collection puts the defaults back when the live heap passes half the
// budget, so that a run that truly needs more memory (a large history)
// never spends its time collecting against the limit.
//
// A small run, such as a pre-commit hook's, allocates less than the budget
// in all. Under the budget every page it allocates would be new memory,
// touched for the first time; under Go's default the collector hands back
// what the run is done with, so it touches fewer pages, which costs less
// than the few collections on a machine where a first touch is slow (a
// fifth fewer page faults and 10% less time for a pre-commit run on the
// project's virtual machine). So the budget begins only once the run has
// allocated as much as the budget: the watcher looks after each collection.
package gcbudget

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Default is the budget the caselint command runs with: about twice what a
// lint of 10,000 cases keeps alive. A larger one saves little more time (64
// MiB: 4% on 3,000 cases).
const Default = 32 << 20

// Budget lets the process, once it has allocated limit bytes, use up to
// limit bytes before the collector runs, and returns the function that
// puts the collector's settings back. When the environment sets GOGC or
// GOMEMLIMIT, those are the user's choice: Budget changes nothing.
func Budget(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || limit <= 0 {
		return func() {}
	}
	w := &watch{limit: limit, from: allocated()}
	w.arm()
	return w.end
}

// watch is one Budget: when it began, whether it is in force and what it
// replaced, and whether it has ended.
type watch struct {
	limit int64
	from  uint64 // the bytes allocated when Budget was called

	mu       sync.Mutex
	on       bool // in force: percent and memLimit are what it replaced
	percent  int
	memLimit int64
	done     bool
}

// begin puts the budget in force.
func (w *watch) begin() {
	w.percent = debug.SetGCPercent(-1)
	w.memLimit = debug.SetMemoryLimit(w.limit)
	w.on = true
}

// end puts back the settings the budget replaced, once.
func (w *watch) end() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.done = true
	if w.on {
		debug.SetGCPercent(w.percent)
		debug.SetMemoryLimit(w.memLimit)
	}
}

// sentinel is an object nothing keeps: its finalizer runs after the
// collection that finds it unreachable. It holds a pointer, so that it is
// never one of the tiny objects whose finalizers may not run.
type sentinel struct{ w *watch }

// arm sets a sentinel for the next collection.
func (w *watch) arm() {
	runtime.SetFinalizer(&sentinel{w: w}, func(s *sentinel) { s.w.collected() })
}

// collected runs after a collection: it puts the budget in force once the
// run has allocated as much as the budget, ends it when the live heap has
// passed half of it, and else waits for the next collection.
func (w *watch) collected() {
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return
	}
	if !w.on {
		if allocated()-w.from >= uint64(w.limit) {
			w.begin()
		}
		w.mu.Unlock()
		w.arm()
		return
	}
	w.mu.Unlock()
	if live() > uint64(w.limit/2) {
		w.end()
		return
	}
	w.arm()
}

// live is the heap the last collection found alive, in bytes.
func live() uint64 { return readMetric("/gc/heap/live:bytes") }

// allocated is how many bytes the process has allocated on the heap.
func allocated() uint64 { return readMetric("/gc/heap/allocs:bytes") }

func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
