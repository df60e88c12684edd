package vcs

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// History is the history of the repository's Markdown files, from the
// commits reachable from HEAD (and from the revisions History was given).
// It implements lint.History and is safe for concurrent use.
type History struct {
	r        *Repo
	versions versionIndex

	// What the versions are made from: every commit walked, and what each
	// changed, parents first; only, when not nil, the commits of order
	// the history stands on (At), the others left out.
	commits map[plumbing.Hash]*commitInfo
	order   []*commitChanges
	only    map[plumbing.Hash]bool
	renames []rename // in the commits' order
	// tip is the tree of the commit the history stands at (HEAD, or the
	// commit At was given): blame starts from the version a file has
	// there, which after a merge that took one side's need not be the last
	// in the commits' order.
	tip  plumbing.Hash
	tips []plumbing.Hash // the commits it was read from

	mu       sync.Mutex
	blames   map[string]*blame
	tooLarge []TooLargeVersion // versions over the size limit, not read

	// limit, when not nil, is what a history built for a few cases holds
	// (HistoryWithin); whole answers for what it does not.
	limit *pathLimit
	whole *whole
}

var _ lint.History = (*History)(nil)

// rename is a file a commit renamed.
type rename struct {
	from, to string
	commit   plumbing.Hash
}

// commitInfo is what the history needs of a commit.
type commitInfo struct {
	hash    plumbing.Hash
	tree    plumbing.Hash
	parents []plumbing.Hash
	author  string
	when    object.Signature // the committer
	// authored is the author date: when the commit was first made, which
	// git commit --amend, a rebase and a cherry-pick keep while they
	// reset the committer date (lint.Version.Authored).
	authored time.Time
}

// History builds the history index in one pass over the commits reachable
// from HEAD and from revs (full commit hashes: the revision linted, the
// one --new-from-rev compares with), which need not be reachable from
// HEAD; At gives the history as it stood at one of them.
//
// Each commit is compared with its first parent by tree hashes, going down
// only into the folders whose hashes differ, and every Markdown file (.md)
// it adds or changes is attributed as git blame does:
//
//   - a file a merge has as one of its other parents has it came from that
//     side, whose commits made its versions: the merge makes none; only
//     content found in no parent (a conflict resolved, an evil merge) is
//     the merge's own;
//   - a file deleted and another added in the same commit with the same
//     content (a renamed file, a renamed folder), or with content at least
//     half the same (renamed and edited), is a rename: the new path's
//     versions continue the old path's, and an exact rename makes no
//     version.
//
// Deletions make no version. In a repository with no commits yet the
// history is empty; in a shallow clone History fails with ErrShallow.
//
// History reads every commit; CachedHistory gives the same history from
// what an earlier run kept, reading only the commits made since.
func (r *Repo) History(revs ...string) (*History, error) {
	h, _, err := r.buildHistory(revs, nil, false, nil)
	return h, err
}

// HistoryWithin is History for the files at or under the paths dirs
// (slash paths from the repository's root: folders, or files) alone: the
// same versions for each of them, the commits compared only where those
// paths differ (and, for a file renamed into them, where its old path
// does). It is for a run that lints only the cases in dirs, with no
// history cache to read (a pre-commit run's first in a clone): asked for
// any other path, or for what needs every path (RenamesSince,
// ChangedBetween), it builds the whole history then, once. A root folder
// among dirs is History.
func (r *Repo) HistoryWithin(dirs []string, revs ...string) (*History, error) {
	limit := newPathLimit(dirs)
	h, _, err := r.buildHistory(revs, nil, false, limit)
	if err != nil || limit == nil {
		return h, err
	}
	h.limit, h.whole = limit, &whole{build: func() (*History, error) { return r.History(revs...) }}
	return h, nil
}

// outside returns the whole history when h is built within a limit that
// does not hold path ("" for what needs every path), else nil.
func (h *History) outside(path string) *History {
	if h.limit == nil || (path != "" && h.limit.holds(path)) {
		return nil
	}
	if w := h.whole.get(); w != nil {
		return w
	}
	return &History{r: h.r, blames: map[string]*blame{}} // no versions
}

// commitChanges is what one commit changed, against its parents: the
// Markdown files it added or changed, with their new blobs and where each
// came from. It depends on the commit alone (its hash names its tree and
// its parents), which is what lets the history cache keep it.
type commitChanges struct {
	commitInfo
	changes []change
}

// change is one Markdown file a commit added or changed.
type change struct {
	path string
	blob plumbing.Hash
	// prev is, for each parent of the commit (none for a root commit),
	// the file the change was made to there: the same path, or the path it
	// was renamed from; a zero blob where that parent had neither.
	prev []fileAt
}

// fileAt is a file in a parent of a commit.
type fileAt struct {
	path string
	blob plumbing.Hash
}

// buildHistory builds the history from HEAD and the commits revs, taking
// the changes of the commits in known from there instead of comparing
// their trees. With keep, it also returns what every reachable commit
// changed, parents first, for the cache.
//
// With limit (and no known, no keep), only the changes limit holds are
// found (HistoryWithin).
func (r *Repo) buildHistory(revs []string, known map[plumbing.Hash]*commitChanges, keep bool, limit *pathLimit) (*History, []*commitChanges, error) {
	h := &History{r: r, blames: map[string]*blame{}}
	var tips []plumbing.Hash
	ref, err := r.repo.Head()
	switch {
	case err == nil:
		tips = append(tips, ref.Hash())
	case !errors.Is(err, plumbing.ErrReferenceNotFound):
		return nil, nil, fmt.Errorf("HEAD: %w", err)
	}
	for _, rev := range revs {
		if !plumbing.IsHash(rev) {
			return nil, nil, fmt.Errorf("history: %q is not a commit hash", rev)
		}
		if t := plumbing.NewHash(rev); !slices.Contains(tips, t) {
			tips = append(tips, t)
		}
	}
	if len(tips) == 0 {
		return h, nil, nil
	}
	defer func() {
		if c, ok := h.commits[tips[0]]; ok {
			h.tip, h.tips = c.tree, tips
		}
	}()
	if shallow, err := r.Shallow(); err != nil {
		return nil, nil, err
	} else if shallow {
		return nil, nil, ErrShallow
	}
	commits, err := r.walkCommits(tips, known)
	if err != nil {
		return nil, nil, err
	}
	order := topoOrder(commits)
	all := make([]*commitChanges, len(order))
	var todo []int // where in order the commits to compare are
	for i, c := range order {
		if cc, ok := known[c.hash]; ok {
			all[i] = cc
		} else {
			todo = append(todo, i)
		}
	}
	if err := r.compareCommits(order, todo, commits, all, limit); err != nil {
		return nil, nil, err
	}
	for limit != nil {
		// A file the limit holds renamed from one it does not: the old
		// path's versions go on in the new one's, so the commits before
		// the rename are compared again for it (and so on back).
		from, last := limit.renamedFromOutside(all)
		if len(from) == 0 {
			break
		}
		limit = limit.with(from)
		var again []int
		for _, i := range todo {
			if i <= last {
				again = append(again, i)
			}
		}
		if err := r.compareCommits(order, again, commits, all, limit); err != nil {
			return nil, nil, err
		}
	}
	h.commits, h.order = commits, all
	h.renames = h.findRenames()
	if !keep {
		return h, nil, nil
	}
	return h, all, nil
}

// versionIndex holds each path's versions, worked out when first asked
// for. A pre-commit run lints the few cases staged and asks for a few dozen
// paths, a review's run for a few hundred: each is worked out alone, from
// the changes it needs (versionsOf). A run that asks for more than
// lazyPaths paths, and for more than one in lazyShare of the paths the
// history has, has every path's versions worked out at once (replay),
// which is cheaper for many.
type versionIndex struct {
	mu      sync.Mutex
	changes *changeIndex              // made when a path is first worked out alone
	one     map[string][]lint.Version // paths worked out alone
	once    sync.Once
	all     atomic.Pointer[map[string][]lint.Version]
}

// lazyPaths and lazyShare say how many paths are worked out alone before
// every path is: working out every path allocates every path's versions.
// On the benchmark repository (39,795 paths, 40,996 changes) that costs
// 45 to 72 ms, against 3 to 5 µs a path alone once the changes are indexed
// (35 ms): about ten thousand paths alone. An eighth of the paths keeps a
// review of a few dozen cases (a few hundred paths, at each of its two
// ends) from paying for every path, and costs a run of every case a
// quarter of a replay more.
const (
	lazyPaths = 256
	lazyShare = 8
)

// Versions returns the commits that added or changed the file at path,
// oldest first (parents before children), or nil.
func (h *History) Versions(path string) []lint.Version {
	if w := h.outside(path); w != nil {
		return w.Versions(path)
	}
	if all := h.versions.all.Load(); all != nil {
		return (*all)[path]
	}
	h.versions.mu.Lock()
	if vs, ok := h.versions.one[path]; ok {
		h.versions.mu.Unlock()
		return vs
	}
	if n := len(h.versions.one); n >= lazyPaths && n*lazyShare >= len(h.versions.changes.slot) {
		h.versions.mu.Unlock()
		return h.allVersions()[path]
	}
	vs := h.versionsOf(path)
	if h.versions.one == nil {
		h.versions.one = map[string][]lint.Version{}
	}
	h.versions.one[path] = vs
	h.versions.mu.Unlock()
	return vs
}

// allVersions returns every path's versions, working them out the first
// time.
func (h *History) allVersions() map[string][]lint.Version {
	h.versions.once.Do(func() {
		all := h.replay()
		h.versions.all.Store(&all)
	})
	return *h.versions.all.Load()
}

// replay makes every path's versions from what each commit changed,
// parents first, leaving out the commits not in h.only (when it is set).
func (h *History) replay() map[string][]lint.Version {
	versions := map[string][]lint.Version{}
	var r replayer
	for i, cc := range h.order {
		if h.only != nil && !h.only[cc.hash] {
			continue
		}
		for k := range cc.changes {
			r.apply(versions, i, cc, &cc.changes[k])
		}
	}
	return versions
}

// changeAt is a change of the history: h.order[i].changes[k]. Changes
// compare in the order replay applies them.
type changeAt struct{ i, k int32 }

func (a changeAt) before(b changeAt) bool { return a.i < b.i || (a.i == b.i && a.k < b.k) }

// changeIndex lists, for each path, the changes made to it, in the order
// replay applies them: the changes of path p are at[from[slot[p]]:from[slot[p]+1]].
type changeIndex struct {
	slot map[string]int32
	from []int32
	at   []changeAt
}

// changesTo returns the changes made to path, in replay's order.
func (x *changeIndex) changesTo(path string) []changeAt {
	s, ok := x.slot[path]
	if !ok {
		return nil
	}
	return x.at[x.from[s]:x.from[s+1]]
}

// indexChanges makes h's changeIndex, of the commits it stands on.
func (h *History) indexChanges() *changeIndex {
	n := 0
	for _, cc := range h.order {
		n += len(cc.changes)
	}
	// Sized for a path changed once: most records are written once and
	// never changed (a plan again at each review).
	x := &changeIndex{slot: make(map[string]int32, n)}
	count := make([]int32, 0, n)
	h.eachChange(func(i, k int, ch *change) {
		s, ok := x.slot[ch.path]
		if !ok {
			s = int32(len(count))
			x.slot[ch.path] = s
			count = append(count, 0)
		}
		count[s]++
	})
	x.from = make([]int32, len(count)+1)
	for s, n := range count {
		x.from[s+1] = x.from[s] + n
	}
	x.at = make([]changeAt, x.from[len(count)])
	next := count[:0:0]
	next = append(next, x.from[:len(count)]...)
	h.eachChange(func(i, k int, ch *change) {
		s := x.slot[ch.path]
		x.at[next[s]] = changeAt{int32(i), int32(k)}
		next[s]++
	})
	return x
}

// eachChange calls fn with each change of the commits h stands on, in the
// order replay applies them.
func (h *History) eachChange(fn func(i, k int, ch *change)) {
	for i, cc := range h.order {
		if h.only != nil && !h.only[cc.hash] {
			continue
		}
		for k := range cc.changes {
			fn(i, k, &cc.changes[k])
		}
	}
}

// versionsOf works out the versions of path alone: what replay would give
// it, from the changes replay would use for it, in replay's order. Those
// are the changes made to the path and, for each of them that renamed a
// file to it, the changes the old path needs before that one (its versions
// as they stood then are what the rename carries over), and so on back.
func (h *History) versionsOf(path string) []lint.Version {
	if h.versions.changes == nil {
		h.versions.changes = h.indexChanges()
	}
	x := h.versions.changes
	// The changes each needed path needs are those before a bound: the
	// latest change that carried its versions over (for path, all).
	type want struct {
		path   string
		before changeAt
	}
	end := changeAt{int32(len(h.order)), 0}
	var needed []changeAt
	bound := map[string]changeAt{} // each path's bound so far
	work := []want{{path, end}}
	for len(work) > 0 {
		w := work[len(work)-1]
		work = work[:len(work)-1]
		done, seen := bound[w.path]
		if seen && !done.before(w.before) {
			continue
		}
		bound[w.path] = w.before
		for _, c := range x.changesTo(w.path) {
			if !c.before(w.before) {
				break
			}
			if seen && c.before(done) {
				continue // needed already
			}
			needed = append(needed, c)
			ch := &h.order[c.i].changes[c.k]
			for _, p := range ch.prev {
				if p.path != ch.path {
					work = append(work, want{p.path, c})
				}
			}
		}
	}
	if len(needed) == 0 {
		return nil
	}
	slices.SortFunc(needed, func(a, b changeAt) int {
		if a.before(b) {
			return -1
		}
		if b.before(a) {
			return 1
		}
		return 0
	})
	versions := map[string][]lint.Version{}
	var r replayer
	for _, c := range needed {
		cc := h.order[c.i]
		r.apply(versions, int(c.i), cc, &cc.changes[c.k])
	}
	return versions[path]
}

// findRenames returns the files renamed by the commits the history stands
// on, in the commits' order.
func (h *History) findRenames() []rename {
	var out []rename
	for _, cc := range h.order {
		if h.only != nil && !h.only[cc.hash] {
			continue
		}
		for _, ch := range cc.changes {
			for _, p := range ch.prev {
				if p.path != ch.path {
					out = append(out, rename{from: p.path, to: ch.path, commit: cc.hash})
				}
			}
		}
	}
	return out
}

// replayer applies the changes of a history to its versions, one at a
// time in the commits' order, remembering what it needs between them.
type replayer struct {
	pos     map[string]int // the place in the order of each commit met
	authors map[string]string
	commit  string // the last commit met, and its place
	at      int
}

// apply applies change ch of commit cc (h.order[i]) to versions: a file
// renamed goes on from its old path's versions, and a change that made new
// content (not a rename alone, not a side's content a merge took) is a
// version.
func (r *replayer) apply(versions map[string][]lint.Version, i int, cc *commitChanges, ch *change) {
	if r.pos == nil {
		r.pos, r.authors, r.at = map[string]int{}, map[string]string{}, -1
	}
	if r.at != i || r.commit == "" {
		r.commit, r.at = cc.hash.String(), i
		r.pos[r.commit] = i
	}
	author, ok := r.authors[cc.author]
	if !ok {
		author = cc.author
		r.authors[author] = author
	}
	made := true
	var parents strings.Builder
	for _, p := range ch.prev {
		if parents.Len() > 0 {
			parents.WriteByte(' ')
		}
		if p.blob.IsZero() {
			parents.WriteByte('-')
			continue
		}
		parents.WriteString(p.blob.String())
		if p.blob == ch.blob {
			made = false // renamed, not changed; or a side's
		}
		if p.path != ch.path {
			versions[ch.path] = mergeVersions(versions[ch.path], versions[p.path], r.pos)
		}
	}
	if made {
		versions[ch.path] = append(versions[ch.path], lint.Version{
			Commit: r.commit, Author: author, When: cc.when.When, Authored: cc.authored, Blob: ch.blob.String(), Parents: parents.String(),
		})
	}
}

// mergeVersions returns the versions of a and b (each in the commits'
// order) in the commits' order, each commit once: a renamed file's versions
// under its old path joined to those its new path already had.
func mergeVersions(a, b []lint.Version, pos map[string]int) []lint.Version {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return append([]lint.Version(nil), b...)
	}
	out := make([]lint.Version, 0, len(a)+len(b))
	seen := map[string]bool{}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var v lint.Version
		if j >= len(b) || (i < len(a) && pos[a[i].Commit] <= pos[b[j].Commit]) {
			v, i = a[i], i+1
		} else {
			v, j = b[j], j+1
		}
		if !seen[v.Commit] {
			seen[v.Commit] = true
			out = append(out, v)
		}
	}
	return out
}

// RenamesSince returns, for each Markdown file renamed by the commits of
// the history that commit does not reach, its path at commit and its path
// now (at the end of renames one after another).
func (h *History) RenamesSince(commit string) (map[string]string, error) {
	if w := h.outside(""); w != nil {
		return w.RenamesSince(commit)
	}
	reached, err := h.reachable(commit)
	if err != nil {
		return nil, err
	}
	was := map[string]string{} // path now: path at commit
	for _, rn := range h.renames {
		if reached[rn.commit] {
			continue
		}
		orig, ok := was[rn.from]
		if !ok {
			orig = rn.from
		}
		delete(was, rn.from)
		was[rn.to] = orig
	}
	out := make(map[string]string, len(was))
	for now, then := range was {
		if now != then {
			out[then] = now
		}
	}
	return out, nil
}

// reachable returns the commits of the history that commit reaches, itself
// included.
func (h *History) reachable(commit string) (map[plumbing.Hash]bool, error) {
	start := plumbing.NewHash(commit)
	if _, ok := h.commits[start]; !ok || !plumbing.IsHash(commit) {
		return nil, fmt.Errorf("history: commit %s was not read", commit)
	}
	only := map[plumbing.Hash]bool{}
	stack := []plumbing.Hash{start}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if only[c] {
			continue
		}
		only[c] = true
		if ci, ok := h.commits[c]; ok {
			stack = append(stack, ci.parents...)
		}
	}
	return only, nil
}

// reachesAll reports whether only holds every commit h was built from.
func (h *History) reachesAll(only map[plumbing.Hash]bool) bool {
	for _, cc := range h.order {
		if !only[cc.hash] {
			return false
		}
	}
	return true
}

// At returns the history as it stood at commit (a full hash, HEAD or one
// of the revisions History was given, or a commit behind them): the
// versions made by the commits reachable from it.
func (h *History) At(commit string) (*History, error) {
	if len(h.tips) == 1 && h.tips[0].String() == commit {
		return h, nil // read from it alone
	}
	only, err := h.reachable(commit)
	if err != nil {
		return nil, err
	}
	if len(h.tips) > 0 && h.tips[0].String() == commit && h.reachesAll(only) {
		// It stands at commit already, and the other commits it was
		// read from are behind it (--new-from-rev HEAD~1): the same
		// versions, not replayed again.
		return h, nil
	}
	at := &History{r: h.r, blames: map[string]*blame{}, commits: h.commits, order: h.order, only: only,
		tip: h.commits[plumbing.NewHash(commit)].tree, tips: []plumbing.Hash{plumbing.NewHash(commit)}}
	at.renames = at.findRenames()
	if h.limit != nil {
		at.limit = h.limit
		at.whole = &whole{build: func() (*History, error) {
			w := h.whole.get()
			if w == nil {
				return nil, errors.New("history: the whole history could not be read")
			}
			return w.At(commit)
		}}
	}
	return at, nil
}

// changesOf compares commit c with its parents: the Markdown files it
// added or changed, renames found, and the files a merge took whole from
// one of its other parents left out.
//
// With limit, only the changes to files it holds are found: the same as
// without, less the others. Where the commit adds a file limit holds,
// whether it was renamed depends on every file the commit deleted, so
// the whole commit is compared then.
func (r *Repo) changesOf(trees *treeCache, c *commitInfo, commits map[plumbing.Hash]*commitInfo, limit *pathLimit) ([]change, error) {
	changes, added, err := r.changesWithin(trees, c, commits, limit)
	if err != nil || limit == nil || !added {
		return changes, err
	}
	if changes, _, err = r.changesWithin(trees, c, commits, nil); err != nil {
		return nil, err
	}
	kept := changes[:0]
	for _, ch := range changes {
		if limit.holds(ch.path) {
			kept = append(kept, ch)
		}
	}
	return kept, nil
}

// changesWithin is changesOf of the files limit holds (nil: all), and
// whether a file was added that may have been renamed.
func (r *Repo) changesWithin(trees *treeCache, c *commitInfo, commits map[plumbing.Hash]*commitInfo, limit *pathLimit) ([]change, bool, error) {
	var parentTree plumbing.Hash
	if len(c.parents) > 0 {
		parentTree = commits[c.parents[0]].tree
	}
	var changes []change
	var added, deleted []fileAt
	err := diffTrees(trees, parentTree, c.tree, "", limit, func(p string, old, blob plumbing.Hash) {
		switch {
		case len(c.parents) == 0:
			changes = append(changes, change{path: p, blob: blob})
		case blob.IsZero():
			deleted = append(deleted, fileAt{path: p, blob: old})
		case old.IsZero():
			added = append(added, fileAt{path: p, blob: blob})
		default:
			changes = append(changes, change{path: p, blob: blob, prev: []fileAt{{path: p, blob: old}}})
		}
	})
	if err != nil {
		return nil, false, err
	}
	if len(c.parents) > 1 && len(added) > 0 {
		// A file a merge adds as another parent has it is that side's,
		// left out below anyway: no rename to look for (a merge of a long
		// branch adds many).
		kept := added[:0]
		for _, a := range added {
			side := false
			for _, ph := range c.parents[1:] {
				b, err := lookupBlob(trees, commits[ph].tree, a.path)
				if err != nil {
					return nil, false, err
				}
				side = side || b == a.blob
			}
			if !side {
				kept = append(kept, a)
			}
		}
		added = kept
	}
	renamed := len(added) > 0
	if renamed {
		from, err := r.findRenames(added, deleted)
		if err != nil {
			return nil, false, fmt.Errorf("renames: %w", err)
		}
		for i, a := range added {
			changes = append(changes, change{path: a.path, blob: a.blob, prev: []fileAt{from[i]}})
		}
	}
	if len(c.parents) < 2 || len(changes) == 0 {
		return changes, renamed, nil
	}
	// A merge: where its other parents had the file.
	kept := changes[:0]
	for _, ch := range changes {
		side := false
		for _, ph := range c.parents[1:] {
			p := fileAt{path: ch.path}
			pc := commits[ph]
			if p.blob, err = lookupBlob(trees, pc.tree, ch.path); err != nil {
				return nil, false, err
			}
			if p.blob.IsZero() && ch.prev[0].path != ch.path {
				p.path = ch.prev[0].path
				if p.blob, err = lookupBlob(trees, pc.tree, p.path); err != nil {
					return nil, false, err
				}
			}
			if p.blob == ch.blob {
				side = true
			}
			ch.prev = append(ch.prev, p)
		}
		if !side {
			kept = append(kept, ch)
		}
	}
	return kept, renamed, nil
}

// lookupBlob returns the blob of the file at path in tree, or a zero hash
// when there is no such regular file.
func lookupBlob(trees *treeCache, tree plumbing.Hash, p string) (plumbing.Hash, error) {
	for {
		name, rest, more := strings.Cut(p, "/")
		raw, err := trees.raw(tree)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		it := treeIter{data: raw}
		var found plumbing.Hash
		for {
			n, mode, hash, ok := it.next()
			if !ok {
				break
			}
			if string(n) != name || (mode == filemode.Dir) != more || (!more && !isFileMode(mode)) {
				continue
			}
			copy(found[:], hash)
			break
		}
		if it.err != nil {
			return plumbing.ZeroHash, fmt.Errorf("tree %s: %w", tree, it.err)
		}
		if !more || found.IsZero() {
			return found, nil
		}
		tree, p = found, rest
	}
}

// walkCommits reads every commit reachable from tips, taking those in
// known (and so their parents' hashes) from there rather than from the
// object store.
func (r *Repo) walkCommits(tips []plumbing.Hash, known map[plumbing.Hash]*commitChanges) (map[plumbing.Hash]*commitInfo, error) {
	commits := map[plumbing.Hash]*commitInfo{}
	stack := append([]plumbing.Hash(nil), tips...)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, seen := commits[h]; seen {
			continue
		}
		var c *commitInfo
		if cc, ok := known[h]; ok {
			c = &cc.commitInfo
		} else {
			data, err := r.readObject(plumbing.CommitObject, h)
			if err != nil {
				return nil, err
			}
			if c, err = parseCommit(h, data); err != nil {
				return nil, err
			}
		}
		commits[h] = c
		for _, p := range c.parents {
			if _, seen := commits[p]; !seen {
				stack = append(stack, p)
			}
		}
	}
	return commits, nil
}

// parseCommit reads the headers of a raw commit object.
func parseCommit(h plumbing.Hash, data []byte) (*commitInfo, error) {
	c := &commitInfo{hash: h}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 {
			break // the message follows
		}
		key, val, _ := bytes.Cut(line, []byte(" "))
		switch string(key) {
		case "tree":
			c.tree = plumbing.NewHash(string(val))
		case "parent":
			c.parents = append(c.parents, plumbing.NewHash(string(val)))
		case "author":
			var s object.Signature
			s.Decode(val)
			c.author, c.authored = s.Name, s.When
		case "committer":
			c.when.Decode(val)
		}
	}
	if c.tree.IsZero() {
		return nil, fmt.Errorf("commit %s: no tree", h)
	}
	return c, nil
}

// topoOrder orders the commits parents first, and otherwise by committer
// date (then hash), oldest first.
func topoOrder(commits map[plumbing.Hash]*commitInfo) []*commitInfo {
	waiting := make(map[plumbing.Hash]int, len(commits)) // parents not yet out
	children := make(map[plumbing.Hash][]*commitInfo, len(commits))
	q := &commitQueue{}
	for _, c := range commits {
		n := 0
		for _, p := range c.parents {
			if _, ok := commits[p]; ok {
				n++
				children[p] = append(children[p], c)
			}
		}
		waiting[c.hash] = n
		if n == 0 {
			heap.Push(q, c)
		}
	}
	out := make([]*commitInfo, 0, len(commits))
	for q.Len() > 0 {
		c := heap.Pop(q).(*commitInfo)
		out = append(out, c)
		for _, ch := range children[c.hash] {
			waiting[ch.hash]--
			if waiting[ch.hash] == 0 {
				heap.Push(q, ch)
			}
		}
	}
	return out
}

type commitQueue []*commitInfo

func (q commitQueue) Len() int { return len(q) }
func (q commitQueue) Less(i, j int) bool {
	if !q[i].when.When.Equal(q[j].when.When) {
		return q[i].when.When.Before(q[j].when.When)
	}
	return bytes.Compare(q[i].hash[:], q[j].hash[:]) < 0
}
func (q commitQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)   { *q = append(*q, x.(*commitInfo)) }
func (q *commitQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// diffTrees calls changed for every Markdown file (.md) that differs
// between tree a and tree b (at prefix): with its blob in a and in b, a
// zero hash where a tree does not have it (added, or deleted). A zero tree
// hash is the empty tree. Folders whose hashes are equal are skipped
// without being read, and nothing is copied out of the trees but the paths
// of changed files.
func diffTrees(trees *treeCache, a, b plumbing.Hash, prefix string, limit *pathLimit, changed func(path string, old, blob plumbing.Hash)) error {
	if a == b {
		return nil
	}
	// Within a limit, only the entries on the way to what it holds.
	only := limit.namesIn(prefix)
	read := trees.raw
	if only != nil {
		read = func(h plumbing.Hash) ([]byte, error) { return trees.rawOnly(h, prefix, only) }
	}
	var araw, braw []byte
	var err error
	if !a.IsZero() {
		if araw, err = read(a); err != nil {
			return err
		}
	}
	if !b.IsZero() {
		if braw, err = read(b); err != nil {
			return err
		}
	}
	// Both are in git's order: walk them side by side.
	ait, bit := treeIter{data: araw}, treeIter{data: braw}
	aname, amode, ahash, aok := ait.next()
	bname, bmode, bhash, bok := bit.next()
	for aok || bok {
		var c int
		switch {
		case !aok:
			c = 1
		case !bok:
			c = -1
		default:
			c = lint.TreeOrder(aname, amode == filemode.Dir, bname, bmode == filemode.Dir)
		}
		var name []byte
		var adir, bdir, afile, bfile plumbing.Hash
		if c <= 0 { // a's entry
			name = aname
			if amode == filemode.Dir {
				copy(adir[:], ahash)
			} else if isFileMode(amode) && schema.IsRecordName(aname) {
				copy(afile[:], ahash)
			}
		}
		if c >= 0 { // b's entry
			name = bname
			if bmode == filemode.Dir {
				copy(bdir[:], bhash)
			} else if isFileMode(bmode) && schema.IsRecordName(bname) {
				copy(bfile[:], bhash)
			}
		}
		if adir != bdir && limit.enters(prefix, name) {
			if err := diffTrees(trees, adir, bdir, prefix+string(name)+"/", limit, changed); err != nil {
				return err
			}
		}
		if afile != bfile && limit.holdsFile(prefix, name) {
			changed(prefix+string(name), afile, bfile)
		}
		if c <= 0 {
			aname, amode, ahash, aok = ait.next()
		}
		if c >= 0 {
			bname, bmode, bhash, bok = bit.next()
		}
	}
	if ait.err != nil {
		return fmt.Errorf("tree %s: %w", a, ait.err)
	}
	if bit.err != nil {
		return fmt.Errorf("tree %s: %w", b, bit.err)
	}
	return nil
}

// Rename detection, as git's on a tree diff: an added file whose content a
// deleted file had is renamed from it (a file of the same name first); then,
// among the files left, an added file at least renameScore percent the same
// as a deleted one is renamed from the most alike. Content is compared only
// when there are at most renameLimit files on each side, each at most
// renameMaxSize bytes.
const (
	renameScore   = 50
	renameLimit   = 100
	renameMaxSize = 1 << 20
)

// findRenames returns, for each added file, the deleted file it was
// renamed from, or the added file's own path with a zero blob. A blob it
// must compare and cannot read (missing, as in a partial clone, or
// damaged) is an error: taking the pair as not alike would make a renamed
// record new (late-recording on a record made in time, a rewrite in the
// rename unseen), and the history cache would keep that answer.
func (r *Repo) findRenames(added, deleted []fileAt) ([]fileAt, error) {
	from := make([]fileAt, len(added))
	for i, a := range added {
		from[i] = fileAt{path: a.path}
	}
	if len(deleted) == 0 {
		return from, nil
	}
	used := make([]bool, len(deleted))
	byBlob := map[plumbing.Hash][]int{}
	for j, d := range deleted {
		byBlob[d.blob] = append(byBlob[d.blob], j)
	}
	var left []int // added files not paired yet
	for i, a := range added {
		best := -1
		for _, j := range byBlob[a.blob] {
			if used[j] {
				continue
			}
			if best < 0 || (path.Base(deleted[j].path) == path.Base(a.path) && path.Base(deleted[best].path) != path.Base(a.path)) {
				best = j
			}
		}
		if best < 0 {
			left = append(left, i)
			continue
		}
		used[best] = true
		from[i] = deleted[best]
	}
	var gone []int
	for j := range deleted {
		if !used[j] {
			gone = append(gone, j)
		}
	}
	if len(left) == 0 || len(gone) == 0 || len(left) > renameLimit || len(gone) > renameLimit {
		return from, nil
	}
	// Similar content: read each file once, as its lines.
	lines := map[plumbing.Hash]map[string]int{}
	sizes := map[plumbing.Hash]int{}
	read := func(h plumbing.Hash) (bool, error) {
		if _, ok := lines[h]; ok {
			return lines[h] != nil, nil
		}
		lines[h] = nil
		n, err := r.objectSize(h)
		if err != nil {
			return false, err
		}
		if n > renameMaxSize {
			return false, nil
		}
		data, err := r.readObject(plumbing.BlobObject, h)
		if err != nil {
			return false, fmt.Errorf("blob %s: %w", h, err)
		}
		if len(data) == 0 {
			return false, nil
		}
		m := map[string]int{}
		for _, l := range splitLines(data) {
			m[string(l)] += len(l)
		}
		lines[h], sizes[h] = m, len(data)
		return true, nil
	}
	type pair struct{ i, j, score int }
	var pairs []pair
	for _, i := range left {
		ok, err := read(added[i].blob)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		for _, j := range gone {
			ok, err := read(deleted[j].blob)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if s := similarity(lines[added[i].blob], sizes[added[i].blob], lines[deleted[j].blob], sizes[deleted[j].blob]); s >= renameScore {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].score > pairs[y].score })
	done := map[int]bool{}
	for _, p := range pairs {
		if done[p.i] || used[p.j] {
			continue
		}
		done[p.i], used[p.j] = true, true
		from[p.i] = deleted[p.j]
	}
	return from, nil
}

// similarity is how much (in percent) of the larger of two files the
// lines they have in common make up, as git scores a rename: the bytes
// of the lines both have (each line as often as both have it) over the
// larger size.
func similarity(a map[string]int, asize int, b map[string]int, bsize int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	common := 0
	for l, n := range a {
		if m, ok := b[l]; ok {
			common += min(n, m)
		}
	}
	return common * 100 / max(asize, bsize, 1)
}

// Content returns the file's content as version v committed it.
func (h *History) Content(path string, v lint.Version) ([]byte, error) {
	if v.Blob == "" {
		return nil, fmt.Errorf("%s: version %s has no content", path, v.Commit)
	}
	data, err := h.r.readBlob(plumbing.NewHash(v.Blob))
	if err != nil {
		var big *TooLargeError
		if errors.As(err, &big) {
			h.noteTooLarge(path, v, big.Size)
		}
		return nil, fmt.Errorf("%s at %s: %w", path, v.Commit, err)
	}
	return data, nil
}

// TooLargeVersion is a version of a file that was over the size limit, and
// so not read from the history (see Repo.SetMaxFileSize).
type TooLargeVersion struct {
	Path string
	lint.Version
	Size int64
}

func (h *History) noteTooLarge(path string, v lint.Version, size int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range h.tooLarge {
		if t.Path == path && t.Blob == v.Blob {
			return
		}
	}
	h.tooLarge = append(h.tooLarge, TooLargeVersion{Path: path, Version: v, Size: size})
}

// MaxFileSize is the size limit over which a version is not read.
func (h *History) MaxFileSize() int64 { return h.r.maxFileSize() }

// TooLarge returns the versions that Content (or LineOrigin) found over the
// size limit and did not read, by path and then commit order, each blob
// once.
func (h *History) TooLarge() []TooLargeVersion {
	h.mu.Lock()
	out := append([]TooLargeVersion(nil), h.tooLarge...)
	h.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// blame is which version last changed each line of a file's newest
// version, worked out on the first LineOrigin for the file.
type blame struct {
	once   sync.Once
	newest []byte
	origin []int // per line of newest: an index into the versions
	err    error

	mu       sync.Mutex
	lastData []byte // the current content last asked about
	lastMap  []int  // its lines' lines in newest, or -1
}

// LineOrigin returns the version that last changed line (1-based) of the
// file at path whose current content is data, and false when the line is
// not committed yet (added or changed since the newest version) or the
// file has no history.
func (h *History) LineOrigin(path string, data []byte, line int) (lint.Version, bool) {
	if w := h.outside(path); w != nil {
		return w.LineOrigin(path, data, line)
	}
	vs := h.Versions(path)
	if len(vs) == 0 || line < 1 {
		return lint.Version{}, false
	}
	b := h.blame(path, vs)
	if b.err != nil {
		return lint.Version{}, false
	}
	i := line - 1
	if !bytes.Equal(data, b.newest) {
		b.mu.Lock()
		if b.lastMap == nil || !bytes.Equal(data, b.lastData) {
			b.lastData = append([]byte(nil), data...)
			b.lastMap = matchLines(splitLines(b.newest), splitLines(data))
		}
		m := b.lastMap
		b.mu.Unlock()
		if i >= len(m) || m[i] < 0 {
			return lint.Version{}, false
		}
		i = m[i]
	}
	if i >= len(b.origin) {
		return lint.Version{}, false
	}
	return vs[b.origin[i]], true
}

// blame returns path's blame, working it out the first time.
func (h *History) blame(path string, vs []lint.Version) *blame {
	h.mu.Lock()
	b, ok := h.blames[path]
	if !ok {
		b = &blame{}
		h.blames[path] = b
	}
	h.mu.Unlock()
	b.once.Do(func() { b.newest, b.origin, b.err = h.blameVersions(path, vs) })
	return b
}

// blameVersions walks back from the version the tip has (the newest
// unless a merge took an older one from a side), as git blame does:
// each version is diffed with the versions it changed (Parents: on each
// side of a merge; the one before where the history does not say), the
// lines found there passed on to them, the others its own, until every
// line of the newest is found added by a version (the oldest adds all it
// has).
func (h *History) blameVersions(path string, vs []lint.Version) ([]byte, []int, error) {
	last := len(vs) - 1
	if !h.tip.IsZero() {
		// The version the tip has, which a merge that took a side's
		// content may have left before others.
		if blob, err := lookupBlob(newTreeCache(h.r, 0), h.tip, path); err == nil && !blob.IsZero() && blob.String() != vs[last].Blob {
			for k := last - 1; k >= 0; k-- {
				if vs[k].Blob == blob.String() {
					last = k
					break
				}
			}
		}
	}
	newest, err := h.Content(path, vs[last])
	if err != nil {
		return nil, nil, err
	}
	// at[i] are the lines of newest not yet placed that version i has,
	// and where it has them.
	type line struct{ newest, pos int }
	at := make([][]line, len(vs))
	cur := splitLines(newest)
	origin := make([]int, len(cur))
	placed := make([]bool, len(cur))
	for j := range cur {
		at[last] = append(at[last], line{j, j})
	}
	content := map[string][][]byte{vs[last].Blob: cur}
	lines := func(i int) ([][]byte, error) {
		if ls, ok := content[vs[i].Blob]; ok {
			return ls, nil
		}
		data, err := h.Content(path, vs[i])
		if errors.Is(err, lint.ErrTooLarge) {
			// Not read (issue 14): it shares no line with its children,
			// so the lines still pending are taken as added by the
			// oldest readable version that has them.
			data, err = nil, nil
		}
		if err != nil {
			return nil, err
		}
		ls := splitLines(data)
		content[vs[i].Blob] = ls
		return ls, nil
	}
	for i := last; i >= 0; i-- {
		pending := at[i][:0]
		seen := map[int]bool{} // a line reached by two ways counts once
		for _, l := range at[i] {
			if !seen[l.newest] {
				seen[l.newest] = true
				pending = append(pending, l)
			}
		}
		at[i] = nil
		if len(pending) == 0 {
			continue
		}
		if i == 0 {
			for _, l := range pending {
				if !placed[l.newest] {
					placed[l.newest], origin[l.newest] = true, 0
				}
			}
			break
		}
		// The versions i changed: the newest before it holding each
		// parent's blob.
		var prev []int
		for _, pb := range vs[i].ParentBlobs() {
			for k := i - 1; k >= 0; k-- {
				if vs[k].Blob == pb {
					prev = append(prev, k)
					break
				}
			}
		}
		if len(prev) == 0 {
			prev = []int{i - 1}
		}
		mine, err := lines(i)
		if err != nil {
			return nil, nil, err
		}
		for _, k := range prev {
			if len(pending) == 0 {
				break
			}
			theirs, err := lines(k)
			if err != nil {
				return nil, nil, err
			}
			m := matchLines(theirs, mine)
			kept := pending[:0]
			for _, l := range pending {
				if p := m[l.pos]; p >= 0 {
					at[k] = append(at[k], line{l.newest, p})
				} else {
					kept = append(kept, l)
				}
			}
			pending = kept
		}
		for _, l := range pending {
			if !placed[l.newest] {
				placed[l.newest], origin[l.newest] = true, i
			}
		}
	}
	return newest, origin, nil
}
