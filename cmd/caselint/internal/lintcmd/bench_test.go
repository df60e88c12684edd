package lintcmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/gittest"
	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/internal/vcs"
)

// BenchmarkNewFromRev is a whole pull-request review of the benchmark
// corpus's repository (internal/synth/synthtest: its cases as a git
// repository of 1,500 commits unless the environment says otherwise):
// `caselint lint --new-from-rev HEAD~20 --format sarif`, which lints the
// work tree with the history index and line attribution, lints the tree at
// HEAD~20, and keeps only what is new. docs/performance.md reports it.
func BenchmarkNewFromRev(b *testing.B) {
	dir := synthtest.Repo(b)
	asOf := synthtest.AsOf(b).String()
	measure := synthtest.Measure(b)
	defer measure()
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		opts := &Options{
			IO: ios, Rules: checks.All(), Version: "bench", Format: "sarif", FailLevel: "warning",
			AsOf: asOf, NewFromRev: "HEAD~20", Paths: []string{"."},
			Now: time.Now, Getwd: func() (string, error) { return dir, nil },
		}
		if err := Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewFromRevLast is the review of the last commit of the
// benchmark corpus's repository, `caselint lint --new-from-rev HEAD~1`
// (history cache written before the timing starts), beside what it is
// measured against: "changed" is a plain lint of the case folders the
// last commit touched (their paths, from git diff), with the history
// read from its cache. The rev- pair is the same with --rev HEAD: the
// records read from the commit, not the work tree. docs/performance.md
// reports the ratios.
func BenchmarkNewFromRevLast(b *testing.B) {
	dir := synthtest.Repo(b)
	asOf := synthtest.AsOf(b).String()
	gittest.Require(b)
	cmd := exec.Command("git", "diff", "--name-only", "HEAD~1", "HEAD")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		b.Fatal(err)
	}
	var cases []string
	seen := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		parts := strings.SplitN(p, "/", 3)
		if len(parts) < 3 || parts[0] != "cases" || seen[parts[1]] {
			continue
		}
		seen[parts[1]] = true
		if _, err := os.Stat(filepath.Join(dir, "cases", parts[1])); err == nil {
			cases = append(cases, "cases/"+parts[1])
		}
	}
	run := func(b *testing.B, at, rev string, paths []string) {
		ios, _, _, _ := iostreams.Test()
		opts := &Options{
			IO: ios, Rules: checks.All(), Version: "bench", Format: "sarif", FailLevel: "warning",
			AsOf: asOf, Rev: at, NewFromRev: rev, Paths: paths,
			Now: time.Now, Getwd: func() (string, error) { return dir, nil },
		}
		if err := Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name, at, rev string
		paths         []string
	}{
		{"new-from-rev", "", "HEAD~1", []string{"."}},
		{"changed", "", "", cases},
		// The same review of a commit, as CI may run it: no work tree
		// to compare with git's index, two trees compared by hash.
		{"rev-new-from-rev", "HEAD", "HEAD~1", []string{"."}},
		{"rev-changed", "HEAD", "", cases},
	} {
		b.Run(bc.name, func(b *testing.B) {
			run(b, bc.at, bc.rev, bc.paths) // writes the history cache
			measure := synthtest.Measure(b)
			defer measure()
			for b.Loop() {
				run(b, bc.at, bc.rev, bc.paths)
			}
			// After the loop: b.Loop's first call clears what was reported.
			b.ReportMetric(float64(len(cases)), "cases")
		})
	}
}

// BenchmarkStaged is a whole pre-commit run, `caselint lint --staged`, on
// the benchmark corpus's repository with five visit records staged: in a
// temporary index (GIT_INDEX_FILE, as git sets it for hooks) of HEAD in
// which five visits have the content of other visits, so that nothing is
// written to the repository but caselint's own history cache. "cached"
// reads the history from that cache, written before the timing starts (a
// run after the first); "cold" has no cache to read, builds the history
// of the staged cases alone and writes no cache (the first run in a
// clone: vcs.CachedHistoryWithin); "no-cache" does the same under
// --no-cache.
func BenchmarkStaged(b *testing.B) {
	dir := synthtest.Repo(b)
	asOf := synthtest.AsOf(b).String()
	gittest.Require(b)
	index := filepath.Join(b.TempDir(), "index")
	git := func(stdin string, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_INDEX_FILE="+index)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	git("", "read-tree", "HEAD")
	visits := strings.Split(strings.TrimSpace(git("", "ls-files", "-s", "--", "cases/*/visits/*.md")), "\n")
	var info strings.Builder
	for i := range 5 {
		// "<mode> <hash> <stage>\t<path>": visit k gets visit k+1's blob.
		k := (i*4001 + 1) % (len(visits) - 1)
		_, p, _ := strings.Cut(visits[k], "\t")
		fields := strings.Fields(visits[k+1])
		fmt.Fprintf(&info, "%s %s\t%s\n", fields[0], fields[1], p)
	}
	git(info.String(), "update-index", "--index-info")
	b.Setenv("GIT_INDEX_FILE", index)

	run := func(b *testing.B, noCache bool) {
		ios, _, _, _ := iostreams.Test()
		opts := &Options{
			IO: ios, Rules: checks.All(), Version: "bench", Format: "text", FailLevel: "warning",
			AsOf: asOf, Staged: true, NoCache: noCache,
			Now: time.Now, Getwd: func() (string, error) { return dir, nil },
		}
		if err := Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
			b.Fatal(err)
		}
	}
	cache := filepath.Join(dir, ".git", filepath.FromSlash(vcs.CacheFile))
	for _, bc := range []struct {
		name             string
		noCache, noneYet bool
	}{{"cached", false, false}, {"cold", false, true}, {"no-cache", true, false}} {
		b.Run(bc.name, func(b *testing.B) {
			if !bc.noneYet && !bc.noCache {
				// A run after one that linted every case: the cache is
				// there (a pre-commit run does not write it).
				r, err := vcs.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := r.CachedHistory(); err != nil {
					b.Fatal(err)
				}
				_ = r.Close()
			}
			run(b, bc.noCache)
			measure := synthtest.Measure(b)
			defer measure()
			for b.Loop() {
				if bc.noneYet {
					// The first run in a clone: no cache to read.
					if err := os.Remove(cache); err != nil && !errors.Is(err, fs.ErrNotExist) {
						b.Fatal(err)
					}
				}
				run(b, bc.noCache)
			}
		})
	}
}
