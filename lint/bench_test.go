package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// The benchmarks lint the benchmark corpus (internal/synth/synthtest: 1,000
// generated cases unless the environment says otherwise) under the
// combined profile, in which every rule is on. docs/performance.md reports
// them; docs/perf/run.sh runs them.

func benchLint(b *testing.B, dir string, rules []*lint.Rule, h lint.History) *lint.Result {
	b.Helper()
	prof, err := (*lint.Config)(nil).ResolveProfile(lint.ProfileCombined)
	if err != nil {
		b.Fatal(err)
	}
	opts := lint.Options{FS: lint.WorkTreeFS(dir), Rules: rules, Profile: prof, AsOf: synthtest.AsOf(b), History: h}
	var res *lint.Result
	_, size := synthtest.Files(b, dir)
	measure := synthtest.MeasureRead(b, size)
	for b.Loop() {
		if res, err = lint.Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	measure()
	b.ReportMetric(float64(res.Files), "files")
	b.ReportMetric(float64(len(res.Findings)), "findings")
	return res
}

// BenchmarkLint is the whole lint of the corpus, every rule but the
// history ones (the corpus is no repository): find the files, read and
// parse them, build each case, run the rules, turn what they report into
// sorted findings.
func BenchmarkLint(b *testing.B) {
	benchLint(b, synthtest.Dir(b), checks.All(), nil)
}

// BenchmarkLintNoRules is the lint with no rule at all: what every rule
// family's benchmark costs before its rules run.
func BenchmarkLintNoRules(b *testing.B) {
	benchLint(b, synthtest.Dir(b), nil, nil)
}

// BenchmarkLintFamily lints with the rules of one family only (and the
// engine's own, which are always on).
func BenchmarkLintFamily(b *testing.B) {
	families := []lint.Family{checks.FamilyPlanContent, checks.FamilySeeingChild, checks.FamilyCoreGroup, checks.FamilyEndingPlan, checks.FamilyRecordHygiene}
	for _, fam := range families {
		rules := checks.InFamily(fam)
		b.Run(string(fam), func(b *testing.B) { benchLint(b, synthtest.Dir(b), rules, nil) })
	}
	// The history family reads the corpus's git history, built once.
	var rules []*lint.Rule
	for _, r := range checks.All() {
		if r.Has(lint.NeedsHistory) {
			rules = append(rules, r)
		}
	}
	b.Run(string(checks.FamilyHistory), func(b *testing.B) {
		dir := synthtest.Repo(b)
		benchLint(b, dir, rules, history(b, dir))
	})
}

// BenchmarkLintWithHistory is the whole lint of the corpus as a git
// repository, with every rule, given its history (built once, outside the
// loop: BenchmarkHistoryIndex times that). Each finding is also attributed
// to the commit that last changed its line.
func BenchmarkLintWithHistory(b *testing.B) {
	dir := synthtest.Repo(b)
	benchLint(b, dir, checks.All(), history(b, dir))
}

// BenchmarkHistoryIndex builds the history index of the corpus's
// repository (1,500 commits unless the environment says otherwise),
// opening it afresh each time, as caselint lint does. internal/vcs has its
// own benchmarks of the index on a small fixed repository.
func BenchmarkHistoryIndex(b *testing.B) {
	benchHistory(b, synthtest.Repo(b), func(r *vcs.Repo) error {
		_, err := r.History()
		return err
	})
}

// BenchmarkHistoryWithin builds the history of five of the corpus's
// cases alone (vcs.HistoryWithin), as a pre-commit run with no history
// cache does for the cases staged.
func BenchmarkHistoryWithin(b *testing.B) {
	dir := synthtest.Repo(b)
	cases, err := os.ReadDir(filepath.Join(dir, "cases"))
	if err != nil {
		b.Fatal(err)
	}
	var dirs []string
	for i := 0; i < len(cases) && len(dirs) < 5; i += max(1, len(cases)/5) {
		dirs = append(dirs, "cases/"+cases[i].Name())
	}
	benchHistory(b, dir, func(r *vcs.Repo) error {
		_, err := r.HistoryWithin(dirs)
		return err
	})
}

// benchHistory times build on the repository at dir, opened afresh each
// time, as caselint lint opens it.
func benchHistory(b *testing.B, dir string, build func(*vcs.Repo) error) {
	measure := synthtest.Measure(b)
	defer measure()
	for b.Loop() {
		r, err := vcs.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := build(r); err != nil {
			b.Fatal(err)
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistoryCached builds the same history from the history cache
// (.git/caselint/history, written first if it is not there), as a
// pre-commit run does once a first run has kept what each commit changed.
func BenchmarkHistoryCached(b *testing.B) {
	dir := synthtest.Repo(b)
	warm, err := vcs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := warm.CachedHistory(); err != nil {
		b.Fatal(err)
	}
	_ = warm.Close()
	measure := synthtest.Measure(b)
	defer measure()
	for b.Loop() {
		r, err := vcs.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		_, use, err := r.CachedHistory()
		if err != nil {
			b.Fatal(err)
		}
		if use.Read != 0 || use.Err != nil {
			b.Fatalf("the cache was not used: %+v", use)
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func history(b *testing.B, dir string) lint.History {
	b.Helper()
	r, err := vcs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = r.Close() })
	h, err := r.History()
	if err != nil {
		b.Fatal(err)
	}
	return h
}
