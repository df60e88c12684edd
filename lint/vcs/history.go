package vcs

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// History is the history of the repository's Markdown files, from the
// commits reachable from HEAD. It implements lint.History and is safe for
// concurrent use.
type History struct {
	r        *Repo
	versions map[string][]lint.Version

	mu       sync.Mutex
	blames   map[string]*blame
	tooLarge []TooLargeVersion // versions over the size limit, not read
}

var _ lint.History = (*History)(nil)

// commitInfo is what the history needs of a commit.
type commitInfo struct {
	hash    plumbing.Hash
	tree    plumbing.Hash
	parents []plumbing.Hash
	author  string
	when    object.Signature // the committer
}

// History builds the history index in one pass: each commit reachable from
// HEAD is compared with its first parent (a merge with its first parent
// only) by tree hashes, going down only into the folders whose hashes
// differ, and every Markdown file (.md) a commit adds or changes gets a
// version. Deletions make no version. In a repository with no commits yet
// the history is empty; in a shallow clone History fails with ErrShallow.
//
// History reads every commit; CachedHistory gives the same history from
// what an earlier run kept, reading only the commits made since.
func (r *Repo) History() (*History, error) {
	h, _, err := r.buildHistory(nil, false)
	return h, err
}

// commitChanges is what one commit changed, against its first parent: the
// Markdown files it added or changed, with their new blobs. It depends on
// the commit alone (its hash names its tree and its parents), which is
// what lets the history cache keep it.
type commitChanges struct {
	commitInfo
	changes []change
}

// change is one Markdown file a commit added or changed.
type change struct {
	path string
	blob plumbing.Hash
}

// buildHistory builds the history, taking the changes of the commits in
// known from there instead of comparing their trees. With keep, it also
// returns what every reachable commit changed, parents first, for the
// cache, and how many of them were not known.
func (r *Repo) buildHistory(known map[plumbing.Hash]*commitChanges, keep bool) (*History, []*commitChanges, error) {
	h := &History{r: r, versions: map[string][]lint.Version{}, blames: map[string]*blame{}}
	ref, err := r.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return h, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("HEAD: %w", err)
	}
	if shallow, err := r.Shallow(); err != nil {
		return nil, nil, err
	} else if shallow {
		return nil, nil, ErrShallow
	}
	commits, err := r.walkCommits(ref.Hash(), known)
	if err != nil {
		return nil, nil, err
	}
	authors := map[string]string{}
	var trees *treeCache // made when a commit's trees are first compared
	order := topoOrder(commits)
	var kept []*commitChanges
	if keep {
		kept = make([]*commitChanges, 0, len(order))
	}
	for _, c := range order {
		author, ok := authors[c.author]
		if !ok {
			author = c.author
			authors[author] = author
		}
		var v *lint.Version
		add := func(p string, blob plumbing.Hash) {
			if v == nil {
				v = &lint.Version{Commit: c.hash.String(), Author: author, When: c.when.When}
			}
			nv := *v
			nv.Blob = blob.String()
			h.versions[p] = append(h.versions[p], nv)
		}
		if cc, ok := known[c.hash]; ok {
			for _, ch := range cc.changes {
				add(ch.path, ch.blob)
			}
			if keep {
				kept = append(kept, cc)
			}
			continue
		}
		var parentTree plumbing.Hash
		if len(c.parents) > 0 {
			parentTree = commits[c.parents[0]].tree
		}
		if trees == nil {
			trees = newTreeCache(r, 8<<20)
		}
		var cc *commitChanges
		if keep {
			cc = &commitChanges{commitInfo: *c}
			kept = append(kept, cc)
		}
		err := diffTrees(trees, parentTree, c.tree, "", func(p string, blob plumbing.Hash) {
			add(p, blob)
			if cc != nil {
				cc.changes = append(cc.changes, change{path: p, blob: blob})
			}
		})
		if err != nil {
			return nil, nil, fmt.Errorf("commit %s: %w", c.hash, err)
		}
	}
	return h, kept, nil
}

// walkCommits reads every commit reachable from head, taking those in
// known (and so their parents' hashes) from there rather than from the
// object store.
func (r *Repo) walkCommits(head plumbing.Hash, known map[plumbing.Hash]*commitChanges) (map[plumbing.Hash]*commitInfo, error) {
	commits := map[plumbing.Hash]*commitInfo{}
	stack := []plumbing.Hash{head}
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
			c.author = s.Name
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

// diffTrees calls changed for every Markdown file under tree b (at prefix)
// that tree a does not have with the same content. A zero hash is the empty
// tree. Folders whose hashes are equal are skipped without being read, and
// nothing is copied out of the trees but the paths of changed files.
func diffTrees(trees *treeCache, a, b plumbing.Hash, prefix string, changed func(path string, blob plumbing.Hash)) error {
	if a == b || b.IsZero() {
		return nil
	}
	var araw, braw []byte
	var err error
	if !a.IsZero() {
		if araw, err = trees.raw(a); err != nil {
			return err
		}
	}
	if braw, err = trees.raw(b); err != nil {
		return err
	}
	// Both are in git's order: walk them side by side.
	ait, bit := treeIter{data: araw}, treeIter{data: braw}
	aname, amode, ahash, aok := ait.next()
	for {
		bname, bmode, bhash, ok := bit.next()
		if !ok {
			break
		}
		bdir := bmode == filemode.Dir
		c := 1
		for aok {
			if c = compareGit(aname, amode == filemode.Dir, bname, bdir); c >= 0 {
				break
			}
			aname, amode, ahash, aok = ait.next()
		}
		same := aok && c == 0
		switch {
		case bdir:
			var ah plumbing.Hash
			if same {
				copy(ah[:], ahash)
			}
			var bh plumbing.Hash
			copy(bh[:], bhash)
			if ah == bh {
				continue
			}
			if err := diffTrees(trees, ah, bh, prefix+string(bname)+"/", changed); err != nil {
				return err
			}
		case isFileMode(bmode) && bytes.HasSuffix(bname, []byte(".md")):
			if !same || !isFileMode(amode) || !bytes.Equal(ahash, bhash) {
				var bh plumbing.Hash
				copy(bh[:], bhash)
				changed(prefix+string(bname), bh)
			}
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

// Versions returns the commits that added or changed the file at path,
// oldest first (parents before children), or nil.
func (h *History) Versions(path string) []lint.Version {
	return h.versions[path]
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
	vs := h.versions[path]
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

// blameVersions walks back from the newest version, diffing each version
// with the one before, until every line of the newest is found added by a
// version (the oldest adds all it has).
func (h *History) blameVersions(path string, vs []lint.Version) ([]byte, []int, error) {
	last := len(vs) - 1
	newest, err := h.Content(path, vs[last])
	if err != nil {
		return nil, nil, err
	}
	cur := splitLines(newest)
	origin := make([]int, len(cur))
	// pending lines of newest, and where each is in version i.
	pending := make([]int, len(cur))
	pos := make([]int, len(cur))
	for j := range cur {
		pending[j], pos[j] = j, j
	}
	for i := last; i > 0 && len(pending) > 0; i-- {
		if vs[i].Blob == vs[i-1].Blob {
			continue
		}
		data, err := h.Content(path, vs[i-1])
		if errors.Is(err, lint.ErrTooLarge) {
			// Not read (issue 14): the lines still pending are taken as
			// added by version i, the oldest readable one that has them.
			data, err = nil, nil
		}
		if err != nil {
			return nil, nil, err
		}
		prev := splitLines(data)
		m := matchLines(prev, cur)
		kept := 0
		for k, j := range pending {
			if p := m[pos[k]]; p >= 0 {
				pending[kept], pos[kept] = j, p
				kept++
			} else {
				origin[j] = i
			}
		}
		pending, pos = pending[:kept], pos[:kept]
		cur = prev
	}
	for _, j := range pending {
		origin[j] = 0
	}
	return newest, origin, nil
}
