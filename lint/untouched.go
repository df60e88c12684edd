package lint

import "sync"

// UntouchedCases carries the cases one run did not lint (Options.Touched)
// to another run over the same cases, as --new-from-rev lints its two
// ends: of each case folder the first run met whole and touched nothing
// in, the cases it holds and their case.md, so that the second run takes
// them from here instead of listing and reading that folder again in its
// own tree. It is for runs whose Touched says the same and for which a
// folder nothing in was touched holds the same files at both ends, as the
// cases --new-from-rev's change did not touch do. Its zero value is ready
// to use, by several goroutines at once.
type UntouchedCases struct {
	mu      sync.Mutex
	folders map[string][]untouchedCase // by the case folder met whole
}

// untouchedCase is a case a run did not lint: its files and its case.md
// as read (nil when it has none).
type untouchedCase struct {
	files  caseFiles
	caseMD []byte
}

// get returns the cases kept for case folder dir.
func (u *UntouchedCases) get(dir string) ([]untouchedCase, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	cs, ok := u.folders[dir]
	return cs, ok
}

// keep keeps the cases of case folder dir, unless a run kept them first.
func (u *UntouchedCases) keep(dir string, cs []untouchedCase) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.folders == nil {
		u.folders = map[string][]untouchedCase{}
	}
	if _, ok := u.folders[dir]; !ok {
		u.folders[dir] = cs
	}
}
