// Package synthtest gives benchmarks a generated corpus of case records
// (internal/synth), made once and kept in the system's temporary folder for
// the next run, or one named in the environment:
//
//	CASELINT_BENCH_CORPUS   a corpus folder (made by caselint corpus) to use as it is
//	CASELINT_BENCH_REPO     the same, made with --git
//	CASELINT_BENCH_CASES    otherwise, how many cases (default 1000)
//	CASELINT_BENCH_COMMITS  and, for a repository, how many commits (default 1500)
//	CASELINT_BENCH_AS_OF    the corpus's as-of date (default synth.DefaultAsOf)
//
// A corpus named in the environment must have been made with the as-of
// date the benchmarks lint at.
package synthtest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/caselint/caselint/internal/gcbudget"
	"github.com/caselint/caselint/internal/libfloor"
	"github.com/caselint/caselint/internal/synth"
	"github.com/caselint/caselint/schema"
)

// The environment variables.
const (
	EnvCorpus  = "CASELINT_BENCH_CORPUS"
	EnvRepo    = "CASELINT_BENCH_REPO"
	EnvCases   = "CASELINT_BENCH_CASES"
	EnvCommits = "CASELINT_BENCH_COMMITS"
	EnvAsOf    = "CASELINT_BENCH_AS_OF"
)

// Seed and Defects are those of the corpora made here.
const (
	Seed    = 1
	Defects = 0.25
)

// AsOf returns the date to lint the corpus at.
func AsOf(tb testing.TB) schema.Date {
	tb.Helper()
	if s := os.Getenv(EnvAsOf); s != "" {
		d, err := schema.ParseDate(s)
		if err != nil {
			tb.Fatalf("%s: %v", EnvAsOf, err)
		}
		return d
	}
	return synth.DefaultAsOf
}

func envInt(tb testing.TB, name string, def int) int {
	tb.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		tb.Fatalf("%s=%q: want a positive number", name, s)
	}
	return n
}

// Options returns the options of the corpus made here.
func Options(tb testing.TB) synth.Options {
	return synth.Options{Cases: envInt(tb, EnvCases, 1000), Seed: Seed, Defects: Defects, AsOf: AsOf(tb)}
}

// Dir returns the folder of the benchmark corpus (its cases are in
// Dir/cases).
func Dir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv(EnvCorpus); d != "" {
		return d
	}
	return cached(tb, Options(tb), false)
}

// Repo returns the folder of the benchmark corpus made as a git
// repository.
func Repo(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv(EnvRepo); d != "" {
		return d
	}
	opts := Options(tb)
	opts.Commits = envInt(tb, EnvCommits, 1500)
	return cached(tb, opts, true)
}

var mu sync.Mutex

// cached returns the corpus opts make, from the cache or made now. It is
// made in a folder of its own and renamed into place, so that two test
// processes making it at once leave one whole corpus.
func cached(tb testing.TB, opts synth.Options, repo bool) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	fp, err := synth.Fingerprint(opts)
	if err != nil {
		tb.Fatal(err)
	}
	kind := "tree"
	if repo {
		kind = "repo"
	}
	root := filepath.Join(os.TempDir(), "caselint-bench")
	dir := filepath.Join(root, fmt.Sprintf("%s-%d-%s", kind, opts.Cases, fp))
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		tb.Fatal(err)
	}
	tmp, err := os.MkdirTemp(root, "making-")
	if err != nil {
		tb.Fatal(err)
	}
	if repo {
		_, err = synth.GenerateRepo(tmp, opts)
	} else {
		err = synth.Generate(tmp, opts)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.RemoveAll(tmp)
		if _, serr := os.Stat(dir); serr != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// Measure starts a benchmark's measurement: it gives the benchmark the
// memory budget the caselint command runs with (internal/gcbudget), so that the
// benchmarks time the collector as the command runs it, the floor as much
// as the lint, and starts counting the process's CPU time. The function it
// returns reports that per operation as the metric cpu-ms/op (on a machine
// shared with other work, CPU time varies less than the time on the clock),
// and its user time alone as user-ms/op (what is left on a machine whose
// system calls cost nothing), and ends the budget.
//
// CASELINT_BENCH_GC=default leaves the collector as Go sets it.
func Measure(b *testing.B) func() {
	return MeasureRead(b, 0)
}

// MeasureRead is Measure for a benchmark each operation of which reads
// read bytes of records: it also reports the bytes allocated per byte read
// (the metric alloc/read), the ratio docs/performance.md holds to at most 10.
func MeasureRead(b *testing.B, read int64) func() {
	restore := func() {}
	if os.Getenv("CASELINT_BENCH_GC") != "default" {
		restore = gcbudget.Budget(gcbudget.Default)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	alloc := ms.TotalAlloc
	user0, sys0, ok := cpuTime()
	return func() {
		defer restore()
		user, sys, ok2 := cpuTime()
		if ok && ok2 && b.N > 0 {
			perOp := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
			b.ReportMetric(perOp(user-user0+sys-sys0), "cpu-ms/op")
			// User time alone: what is left of the CPU time on a machine
			// whose system calls cost nothing.
			b.ReportMetric(perOp(user-user0), "user-ms/op")
		}
		if read > 0 && b.N > 0 {
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.TotalAlloc-alloc)/float64(b.N)/float64(read), "alloc/read")
			b.SetBytes(read)
		}
	}
}

// Files lists the Markdown files of the corpus in dir (under dir/cases),
// in the order of a walk, with their total size in bytes: the files the
// libraries' floor reads (libfloor.Files).
func Files(tb testing.TB, dir string) (files []string, size int64) {
	tb.Helper()
	files, size, err := libfloor.Files(filepath.Join(dir, "cases"))
	if err != nil {
		tb.Fatal(err)
	}
	return files, size
}
