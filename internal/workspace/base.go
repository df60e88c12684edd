package workspace

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/caselint/caselint/lint"
)

// Base is the other side of a comparison (--new-from-rev REV): the
// records at REV under the paths of the workspace, as far as they were
// there.
type Base struct {
	FS    fs.FS
	Paths []string
	// History is the history as it stood at REV's commit (nil when the
	// workspace has none).
	History lint.History
	// FingerprintPath gives a file at REV the path it has now, so that the
	// findings of a renamed file are matched; nil when nothing was renamed.
	FingerprintPath func(string) string
	// Touched says which cases the change since REV touched
	// (lint.Options.Touched): only those can have findings that are new,
	// and only those are linted, at REV and now; nil: every case.
	Touched func(unit string) bool
	// Now is the workspace's FS as the comparison read it, to lint now's
	// records from: the work tree lists the folders the comparison
	// scanned as it found them, and lists none again.
	Now fs.FS
}

// Base returns the records at rev to compare the workspace's with: its
// paths as far as they exist at rev, and the old folders of the files
// renamed since into them; nil when none of it was there, or nothing is to
// be linted.
func (w *Workspace) Base(rev string) (*Base, error) {
	if w.repo == nil {
		return nil, usagef("--new-from-rev needs a git repository, and %s is not in one", w.Root)
	}
	hash, when, err := w.repo.ResolveRevision(rev)
	if err != nil {
		if shallow, _ := w.repo.Shallow(); shallow {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
		return nil, fmt.Errorf("--new-from-rev: %w; if it is on the remote, fetch more history (git fetch origin, or git fetch --unshallow; in CI, check out with fetch-depth: 0)", err)
	}
	old, err := w.repo.CommitFS(hash)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: %w", err)
	}
	if w.Nothing {
		return nil, nil
	}
	scope := w.Paths
	if len(scope) == 0 {
		scope = []string{"."}
	}
	var paths []string
	seen := map[string]bool{}
	add := func(p string) {
		if q, ok := existingAncestor(old, p); ok && !seen[q] {
			seen[q] = true
			paths = append(paths, q)
		}
	}
	for _, p := range scope {
		add(p)
	}
	// A file renamed since into what is linted (git mv cases-x cases/y)
	// was elsewhere then: lint its old folder too, so that its findings
	// are matched, not all new.
	ren := w.renamesSince(hash)
	for was, now := range ren {
		for _, p := range scope {
			if p == "." || now == p || strings.HasPrefix(now, p+"/") {
				add(path.Dir(was))
				break
			}
		}
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, nil // none of it was there
	}
	touched, now := w.touchedSince(hash, old, append(append([]string(nil), scope...), paths...))
	b := &Base{FS: old, Paths: paths, FingerprintPath: fingerprintPath(ren), Touched: touched, Now: now}
	if w.hist != nil {
		b.History = w.HistoryAt(hash, old, when)
	}
	return b, nil
}
