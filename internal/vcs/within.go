package vcs

import (
	"path"
	"slices"
	"strings"
	"sync"
)

// A pre-commit run in a clone with no history cache yet would build the
// history of every record in every commit to lint the few cases staged.
// HistoryWithin builds the history of those cases alone: every commit is
// still read, but only the folders of the cases are compared, which is
// what a cold `caselint lint --staged` waits for (issue 18).

// pathLimit is what a history built for a few cases holds: every path at
// or under its paths (folders, or files), and single files outside them
// that a file they hold was renamed from (its versions go on from theirs).
type pathLimit struct {
	dirs  []string        // slash paths, no trailing slash, not "."
	files map[string]bool // slash paths of files
	// names holds, for each folder above what the limit holds (as a
	// prefix: "" for the root, else ending in a slash), the names in it
	// on the way there: a comparison of that folder in two commits looks
	// at those entries alone (treeIter.only).
	names map[string][][]byte
}

// newPathLimit is the limit of the paths dirs (slash paths of folders, or
// of files); nil, the whole history, when one of them is the
// repository's root.
func newPathLimit(dirs []string) *pathLimit {
	l := &pathLimit{files: map[string]bool{}}
	for _, d := range dirs {
		d = path.Clean(d)
		if d == "." || d == "/" || d == "" {
			return nil
		}
		l.dirs = append(l.dirs, strings.TrimPrefix(d, "/"))
	}
	slices.Sort(l.dirs)
	l.dirs = slices.Compact(l.dirs)
	if len(l.dirs) == 0 {
		return nil
	}
	l.index()
	return l
}

// index makes l.names.
func (l *pathLimit) index() {
	l.names = map[string][][]byte{}
	add := func(p string) {
		for prefix := ""; ; {
			name, rest, more := strings.Cut(p[len(prefix):], "/")
			if !slices.ContainsFunc(l.names[prefix], func(n []byte) bool { return string(n) == name }) {
				l.names[prefix] = append(l.names[prefix], []byte(name))
			}
			if !more || rest == "" {
				return
			}
			prefix += name + "/"
		}
	}
	for _, d := range l.dirs {
		add(d)
	}
	for f := range l.files {
		add(f)
	}
	// Below a folder the limit holds whole, every entry counts.
	for prefix := range l.names {
		for _, d := range l.dirs {
			if strings.HasPrefix(prefix, d+"/") {
				delete(l.names, prefix)
			}
		}
	}
}

// namesIn returns the only names that count in the folder prefix, or nil
// when every entry does.
func (l *pathLimit) namesIn(prefix string) [][]byte {
	if l == nil {
		return nil
	}
	return l.names[prefix]
}

// holds reports whether the history holds path p: nil holds every path.
func (l *pathLimit) holds(p string) bool {
	if l == nil {
		return true
	}
	if l.files[p] {
		return true
	}
	for _, d := range l.dirs {
		if p == d || len(p) > len(d) && p[len(d)] == '/' && p[:len(d)] == d {
			return true
		}
	}
	return false
}

// holdsFile is holds of the file prefix+name, without joining them.
func (l *pathLimit) holdsFile(prefix string, name []byte) bool {
	if l == nil {
		return true
	}
	for _, d := range l.dirs {
		if joinedIs(prefix, name, d) || isBelow(prefix, name, d) {
			return true
		}
	}
	for f := range l.files {
		if joinedIs(prefix, name, f) {
			return true
		}
	}
	return false
}

// enters reports whether the folder prefix+name (prefix ends in a slash,
// or is empty) holds, or is below, a path the history holds.
func (l *pathLimit) enters(prefix string, name []byte) bool {
	if l == nil {
		return true
	}
	for _, d := range l.dirs {
		if joinedIs(prefix, name, d) || isBelow(prefix, name, d) || isAbove(prefix, name, d) {
			return true
		}
	}
	for f := range l.files {
		if isAbove(prefix, name, f) {
			return true
		}
	}
	return false
}

// joinedIs reports whether prefix+name is p.
func joinedIs(prefix string, name []byte, p string) bool {
	return len(p) == len(prefix)+len(name) && p[:len(prefix)] == prefix && p[len(prefix):] == string(name)
}

// isBelow reports whether prefix+name is below the folder d.
func isBelow(prefix string, name []byte, d string) bool {
	n := len(prefix) + len(name)
	if n <= len(d)+1 {
		return false
	}
	switch {
	case len(prefix) > len(d):
		return prefix[:len(d)] == d && prefix[len(d)] == '/'
	case len(prefix) == len(d):
		return false // prefix ends in a slash: d would end in one
	default:
		// d runs into name.
		k := len(d) - len(prefix)
		return d[:len(prefix)] == prefix && string(name[:k]) == d[len(prefix):] && name[k] == '/'
	}
}

// isAbove reports whether p is below the folder prefix+name.
func isAbove(prefix string, name []byte, p string) bool {
	n := len(prefix) + len(name)
	return len(p) > n && p[n] == '/' && p[:len(prefix)] == prefix && p[len(prefix):n] == string(name)
}

// with returns the limit with the files also.
func (l *pathLimit) with(also []string) *pathLimit {
	out := &pathLimit{dirs: l.dirs, files: make(map[string]bool, len(l.files)+len(also))}
	for f := range l.files {
		out.files[f] = true
	}
	for _, f := range also {
		out.files[f] = true
	}
	out.index()
	return out
}

// renamedFromOutside returns the paths outside l that a change l holds
// renamed a file from, and the place in order of the last commit that did.
func (l *pathLimit) renamedFromOutside(all []*commitChanges) ([]string, int) {
	var out []string
	last := -1
	seen := map[string]bool{}
	for i, cc := range all {
		for _, ch := range cc.changes {
			for _, p := range ch.prev {
				if p.path != ch.path && !l.holds(p.path) && !seen[p.path] {
					seen[p.path] = true
					out = append(out, p.path)
				}
				if p.path != ch.path && !l.holds(p.path) {
					last = i
				}
			}
		}
	}
	return out, last
}

// whole is the whole history behind a history built within a limit: built
// the first time a path outside the limit is asked for, which a run that
// lints only the cases the limit names never does. A failure to build it
// leaves those paths with no versions.
type whole struct {
	once  sync.Once
	build func() (*History, error)
	h     *History
}

// get returns the whole history, or nil when it could not be built.
func (w *whole) get() *History {
	w.once.Do(func() {
		if h, err := w.build(); err == nil {
			w.h = h
		}
	})
	return w.h
}
