package gcbudget

import (
	"math"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// off is how runtime/metrics reads GOGC=off.
const off = math.MaxUint64

// settings reads the collector's settings without changing them.
func settings() (gogc uint64, limit uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// churn allocates n bytes the program drops at once.
func churn(n int) {
	for range n >> 16 {
		sink = make([]byte, 1<<16)
	}
	sink = nil
}

var sink []byte

// collectUntil collects until cond holds (the watcher runs on the
// finalizers' goroutine), at most 50 times.
func collectUntil(cond func() bool) bool {
	for range 50 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if cond() {
			return true
		}
	}
	return false
}

func TestBudgetAndRestore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc0, limit0 := settings()
	restore := Budget(48 << 20)
	if gogc, limit := settings(); gogc != gogc0 || limit != limit0 {
		t.Errorf("before the run has allocated the budget: GOGC %d, limit %d; want %d and %d", gogc, limit, gogc0, limit0)
	}
	churn(48 << 20)
	inForce := func() bool { gogc, limit := settings(); return gogc == off && limit == 48<<20 }
	if !collectUntil(inForce) {
		gogc, limit := settings()
		t.Errorf("once the run has allocated the budget: GOGC %d, limit %d; want off and %d", gogc, limit, 48<<20)
	}
	runtime.GC() // a collection with little alive keeps the budget
	runtime.GC()
	if gogc, _ := settings(); gogc != off {
		t.Errorf("the budget ended with %d bytes live, under half of it", live())
	}
	restore()
	restore() // a second restore changes nothing
	if gogc, limit := settings(); gogc != gogc0 || limit != limit0 {
		t.Errorf("restored: GOGC %d, limit %d; want %d and %d", gogc, limit, gogc0, limit0)
	}
}

// TestBudgetNotForASmallRun: a run that allocates less than the budget
// keeps Go's collector as it is.
func TestBudgetNotForASmallRun(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc0, limit0 := settings()
	restore := Budget(256 << 20)
	defer restore()
	churn(8 << 20)
	for range 5 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if gogc, limit := settings(); gogc != gogc0 || limit != limit0 {
		t.Errorf("after 8 MiB of a 256 MiB budget: GOGC %d, limit %d; want %d and %d", gogc, limit, gogc0, limit0)
	}
}

func TestBudgetEndsWhenTheHeapNeedsMore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc0, limit0 := settings()
	restore := Budget(8 << 20)
	defer restore()
	churn(8 << 20)
	if !collectUntil(func() bool { gogc, _ := settings(); return gogc == off }) {
		t.Fatal("the budget never began")
	}
	keep := make([]byte, 6<<20) // more than half the budget, alive
	ended := collectUntil(func() bool { gogc, limit := settings(); return gogc == gogc0 && limit == limit0 })
	runtime.KeepAlive(keep)
	if !ended {
		gogc, limit := settings()
		t.Errorf("with %d bytes live, the budget of 8 MiB still holds: GOGC %d, limit %d", live(), gogc, limit)
	}
}

func TestBudgetLeavesTheUsersSettings(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "100")
			gogc0, limit0 := settings()
			restore := Budget(64 << 20)
			defer restore()
			if gogc, limit := settings(); gogc != gogc0 || limit != limit0 {
				t.Errorf("with %s set: GOGC %d, limit %d; want them left at %d and %d", env, gogc, limit, gogc0, limit0)
			}
		})
	}
}
