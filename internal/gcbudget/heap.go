// Package gcbudget gives a run of caselint a memory budget: the garbage
// collector stays off until the process has used it, then comes back as Go
// sets it by default once the live heap is large enough to need it.
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
// MiB: 4% on 3,000 cases) and costs a small run, such as a pre-commit
// hook's, the first touch of every page it allocates instead of reusing
// them: 25% more time on a machine where that is slow.
const Default = 32 << 20

// Budget lets the process use up to limit bytes before the collector runs,
// and returns the function that puts the collector's settings back. When
// the environment sets GOGC or GOMEMLIMIT, those are the user's choice:
// Budget changes nothing.
func Budget(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || limit <= 0 {
		return func() {}
	}
	w := &watch{limit: limit}
	w.percent = debug.SetGCPercent(-1)
	w.memLimit = debug.SetMemoryLimit(limit)
	w.arm()
	return w.end
}

// watch is one Budget: what it replaced, and whether it has ended.
type watch struct {
	limit    int64
	percent  int
	memLimit int64

	mu   sync.Mutex
	done bool
}

// end puts back the settings the budget replaced, once.
func (w *watch) end() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.done = true
	debug.SetGCPercent(w.percent)
	debug.SetMemoryLimit(w.memLimit)
}

// sentinel is an object nothing keeps: its finalizer runs after the
// collection that finds it unreachable. It holds a pointer, so that it is
// never one of the tiny objects whose finalizers may not run.
type sentinel struct{ w *watch }

// arm sets a sentinel for the next collection.
func (w *watch) arm() {
	runtime.SetFinalizer(&sentinel{w: w}, func(s *sentinel) { s.w.collected() })
}

// collected runs after a collection: it ends the budget when the live heap
// has passed half of it, and else waits for the next collection.
func (w *watch) collected() {
	w.mu.Lock()
	done := w.done
	w.mu.Unlock()
	if done {
		return
	}
	if live() > uint64(w.limit/2) {
		w.end()
		return
	}
	w.arm()
}

// live is the heap the last collection found alive, in bytes.
func live() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
