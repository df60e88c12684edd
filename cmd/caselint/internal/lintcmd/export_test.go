package lintcmd

import (
	"context"

	"github.com/caselint/caselint/lint"
)

// NewFromRevBase lints the base of opts.NewFromRev as a run with opts
// does, for the tests to count what it linted.
func NewFromRevBase(opts *Options) (*lint.Result, error) {
	wd, err := opts.Getwd()
	if err != nil {
		return nil, err
	}
	ws, err := openWorkspace(wd, opts)
	if err != nil {
		return nil, err
	}
	lopts, _, err := engineOptions(opts, ws)
	if err != nil {
		return nil, err
	}
	base, err := ws.Base(opts.NewFromRev)
	if err != nil {
		return nil, err
	}
	return newFromRev(context.Background(), lopts, base, opts.NewFromRev)
}

// LintEveryCase makes a run with opts lint every case at both ends of
// --new-from-rev, not only those the change touched.
func LintEveryCase(opts *Options) { opts.everyCase = true }
