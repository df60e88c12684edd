package vcs

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// entry is one entry of a git tree (or of the index, seen as a tree).
type entry struct {
	name string
	mode filemode.FileMode
	hash plumbing.Hash
}

func (e entry) isDir() bool { return e.mode == filemode.Dir }

// treeIter walks the entries of a raw tree object without copying them.
type treeIter struct {
	data []byte
	err  error
	// only, when set, are the names of the entries to return, the others
	// passed over: the walk ends when all of them have been met (a tree
	// holds a name once).
	only [][]byte
	met  int
	span []byte // with only: the bytes of the entry next returned
}

// next returns the next entry; ok is false at the end or on an error
// (it.err).
func (it *treeIter) next() (name []byte, mode filemode.FileMode, hash []byte, ok bool) {
	if it.only == nil {
		return it.entry()
	}
	for it.met < len(it.only) {
		rest := it.data
		name, mode, hash, ok = it.entry()
		if !ok {
			return nil, 0, nil, false
		}
		it.span = rest[:len(rest)-len(it.data)]
		past := true
		for _, n := range it.only {
			if bytes.Equal(n, name) {
				it.met++
				return name, mode, hash, true
			}
			// The entries are in git's order (a folder's name compared as
			// if it ended in a slash): a name after n that does not start
			// with it comes after n either way, and so does every entry
			// left.
			past = past && bytes.Compare(name, n) > 0 && !bytes.HasPrefix(name, n)
		}
		if past {
			it.data = nil
			return nil, 0, nil, false
		}
	}
	return nil, 0, nil, false
}

// entry returns the next entry, whatever its name.
func (it *treeIter) entry() (name []byte, mode filemode.FileMode, hash []byte, ok bool) {
	if len(it.data) == 0 || it.err != nil {
		return nil, 0, nil, false
	}
	hashLen := len(plumbing.ZeroHash)
	data := it.data
	sp := bytes.IndexByte(data, ' ')
	if sp <= 0 {
		it.err = fmt.Errorf("malformed tree entry mode")
		return nil, 0, nil, false
	}
	var m uint32
	for _, c := range data[:sp] {
		if c < '0' || c > '7' {
			it.err = fmt.Errorf("malformed tree entry mode %q", data[:sp])
			return nil, 0, nil, false
		}
		m = m<<3 | uint32(c-'0')
	}
	data = data[sp+1:]
	nul := bytes.IndexByte(data, 0)
	if nul < 0 || len(data) < nul+1+hashLen {
		it.err = fmt.Errorf("malformed tree entry")
		return nil, 0, nil, false
	}
	it.data = data[nul+1+hashLen:]
	return data[:nul], filemode.FileMode(m), data[nul+1 : nul+1+hashLen], true
}

// parseTree decodes the raw content of a tree object, keeping git's order
// (names compared as if a folder's had a trailing slash).
func parseTree(data []byte) ([]entry, error) {
	out := make([]entry, 0, len(data)/(len(plumbing.ZeroHash)+12)+1)
	it := treeIter{data: data}
	for {
		name, mode, hash, ok := it.next()
		if !ok {
			break
		}
		e := entry{name: string(name), mode: mode}
		copy(e.hash[:], hash)
		out = append(out, e)
	}
	return out, it.err
}

// isFileMode reports whether m is a regular (or executable) file's.
func isFileMode(m filemode.FileMode) bool {
	return m == filemode.Regular || m == filemode.Executable || m == filemode.Deprecated
}

// byName returns the entries sorted by name, as fs.ReadDir wants them.
func byName(es []entry) []entry {
	if sort.SliceIsSorted(es, func(i, j int) bool { return es[i].name < es[j].name }) {
		return es
	}
	out := append([]entry(nil), es...)
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// treeCache keeps raw trees by hash, up to about limit bytes, forgetting
// the least recently used half when it grows past it: two generations of
// maps. A limit of 0 keeps everything.
type treeCache struct {
	r         *Repo
	ps        *packSet // the goroutine's own pack reader (Repo.readFrom), or nil
	limit     int
	bytes     int
	cur, prev map[plumbing.Hash][]byte
	// kept holds, for a history within a limit, the entries of a tree
	// that count in the folder it is (rawOnly): a tree is then read and
	// walked once, as a commit's and again as its child's parent's.
	kept map[keptKey][]byte
}

// keptKey is a tree in a folder (its prefix).
type keptKey struct {
	tree   plumbing.Hash
	prefix string
}

// keptTrees bounds treeCache.kept: a history within a limit keeps a few
// trees a commit, each of a few entries.
const keptTrees = 1 << 16

func newTreeCache(r *Repo, limit int) *treeCache {
	return &treeCache{r: r, limit: limit, cur: map[plumbing.Hash][]byte{}}
}

// raw returns the content of tree h.
func (c *treeCache) raw(h plumbing.Hash) ([]byte, error) {
	if data, ok := c.cur[h]; ok {
		return data, nil
	}
	data, ok := c.prev[h]
	if !ok {
		var err error
		if data, err = c.r.readFrom(c.ps, plumbing.TreeObject, h); err != nil {
			return nil, err
		}
	}
	if c.limit > 0 && c.bytes+len(data) > c.limit/2 {
		c.prev, c.cur, c.bytes = c.cur, map[plumbing.Hash][]byte{}, 0
	}
	c.cur[h] = data
	c.bytes += len(data)
	return data, nil
}

// rawOnly returns the entries of tree h (in the folder prefix) named in
// only, as a raw tree of those entries alone, in git's order. The whole
// tree is read, but not kept.
func (c *treeCache) rawOnly(h plumbing.Hash, prefix string, only [][]byte) ([]byte, error) {
	k := keptKey{h, prefix}
	if data, ok := c.kept[k]; ok {
		return data, nil
	}
	raw, err := c.r.readFrom(c.ps, plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	it := treeIter{data: raw, only: only}
	var out []byte
	for {
		if _, _, _, ok := it.next(); !ok {
			break
		}
		out = append(out, it.span...)
	}
	if it.err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, it.err)
	}
	if c.kept == nil || len(c.kept) >= keptTrees {
		c.kept = map[keptKey][]byte{}
	}
	c.kept[k] = out
	return out, nil
}

// get returns the entries of tree h in git's order.
func (c *treeCache) get(h plumbing.Hash) ([]entry, error) {
	data, err := c.raw(h)
	if err != nil {
		return nil, err
	}
	es, err := parseTree(data)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	return es, nil
}
