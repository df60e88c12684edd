package lintcmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
)

// baselineStage is the lint command's baseline stage: the findings the
// baseline lists hidden (lint.BaselineStage), before --new-from-rev's, so
// that its entries are matched against every finding of the tree linted
// (after new-since, the findings also at the revision would be gone, and
// their entries would look stale). Hiding and new-since both take
// findings away, so the findings reported are the same in either order.
// Under --new-from-rev only the cases the change touched are linted
// (touched): the entries of the others are not stale, only not looked at.
func baselineStage(opts *Options, ws *workspace.Workspace, wd string, touched func(string) bool) lint.Stage {
	return lint.BaselineStage(
		func() (*lint.Baseline, []lint.Notification, error) { return loadBaseline(opts, ws, wd) },
		func() func(string) bool { return lint.LintedScope(ws.FS, ws.Paths, touched) })
}

// loadBaseline reads --baseline FILE from the file system, else the
// baseline at the root of the tree linted (the work tree, the index under
// --staged, the commit under --rev), as the config is read: nil when there
// is none. Under --staged, a baseline in the work tree that is not in the
// index is not read, and a notice says so: the hook checks what the commit
// will hold, and CI will read the baseline committed.
func loadBaseline(opts *Options, ws *workspace.Workspace, wd string) (*lint.Baseline, []lint.Notification, error) {
	if ws.Nothing || ws.FS == nil {
		return nil, nil, nil
	}
	if opts.Baseline != "" {
		p := opts.Baseline
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		data, err := lint.ReadRegular(p, 0)
		if err != nil {
			return nil, nil, fmt.Errorf("--baseline: %w", err)
		}
		b, err := lint.ParseBaseline(relativePaths(filepath.ToSlash(opts.Baseline), ws.Root, wd), data)
		return b, nil, err
	}
	data, err := lint.ReadRegularFile(ws.FS, lint.BaselineFileName, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if ws.Staged() {
			if _, err := os.Lstat(filepath.Join(ws.Root, lint.BaselineFileName)); err == nil {
				return nil, []lint.Notification{{Kind: lint.NoticeBaseline, Level: lint.Warning, Message: fmt.Sprintf(
					"baseline %s: in the work tree but not in the index, so not read: the hook checks what the commit will hold (git add %s)",
					lint.BaselineFileName, lint.BaselineFileName)}}, nil
			}
		}
		return nil, nil, nil
	case err != nil:
		return nil, nil, err
	}
	b, err := lint.ParseBaseline(lint.BaselineFileName, data)
	return b, nil, err
}
