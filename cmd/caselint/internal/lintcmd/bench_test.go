package lintcmd

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint/corpus/corpustest"
)

// BenchmarkNewFromRev is a whole pull-request review of the benchmark
// corpus's repository (lint/corpus/corpustest: its cases as a git
// repository of 1,500 commits unless the environment says otherwise):
// `caselint lint --new-from-rev HEAD~20 --format sarif`, which lints the
// work tree with the history index and line attribution, lints the tree at
// HEAD~20, and keeps only what is new. docs/performance.md reports it.
func BenchmarkNewFromRev(b *testing.B) {
	dir := corpustest.Repo(b)
	asOf := corpustest.AsOf(b).String()
	cpu := corpustest.CPU(b)
	defer cpu()
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
