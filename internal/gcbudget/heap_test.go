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

func TestBudgetAndRestore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc0, limit0 := settings()
	restore := Budget(48 << 20)
	if gogc, limit := settings(); gogc != off || limit != 48<<20 {
		t.Errorf("under the budget: GOGC %d, limit %d; want off and %d", gogc, limit, 48<<20)
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

func TestBudgetEndsWhenTheHeapNeedsMore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc0, limit0 := settings()
	restore := Budget(8 << 20)
	defer restore()
	keep := make([]byte, 6<<20) // more than half the budget, alive
	for range 50 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
		if gogc, limit := settings(); gogc == gogc0 && limit == limit0 {
			runtime.KeepAlive(keep)
			return
		}
	}
	runtime.KeepAlive(keep)
	gogc, limit := settings()
	t.Errorf("with %d bytes live, the budget of 8 MiB still holds: GOGC %d, limit %d", live(), gogc, limit)
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
