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

// isFile reports whether the entry is a regular (or executable) file.
func (e entry) isFile() bool {
	return e.mode == filemode.Regular || e.mode == filemode.Executable || e.mode == filemode.Deprecated
}

// parseTree decodes the raw content of a tree object, keeping git's order
// (names compared as if a folder's had a trailing slash).
func parseTree(data []byte) ([]entry, error) {
	hashLen := len(plumbing.ZeroHash)
	var out []entry
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		if sp <= 0 {
			return nil, fmt.Errorf("malformed tree entry mode")
		}
		var mode uint32
		for _, c := range data[:sp] {
			if c < '0' || c > '7' {
				return nil, fmt.Errorf("malformed tree entry mode %q", data[:sp])
			}
			mode = mode<<3 | uint32(c-'0')
		}
		data = data[sp+1:]
		nul := bytes.IndexByte(data, 0)
		if nul < 0 || len(data) < nul+1+hashLen {
			return nil, fmt.Errorf("malformed tree entry")
		}
		e := entry{name: string(data[:nul]), mode: filemode.FileMode(mode)}
		copy(e.hash[:], data[nul+1:nul+1+hashLen])
		data = data[nul+1+hashLen:]
		out = append(out, e)
	}
	return out, nil
}

// gitKey is the name git sorts a tree entry by.
func gitKey(e entry) string {
	if e.isDir() {
		return e.name + "/"
	}
	return e.name
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

// treeCache keeps decoded trees by hash, forgetting the least recently
// used half when it grows past its limit: two generations of maps.
type treeCache struct {
	r         *Repo
	limit     int
	cur, prev map[plumbing.Hash][]entry
}

func newTreeCache(r *Repo, limit int) *treeCache {
	return &treeCache{r: r, limit: limit, cur: map[plumbing.Hash][]entry{}}
}

// get returns the entries of tree h in git's order.
func (c *treeCache) get(h plumbing.Hash) ([]entry, error) {
	if es, ok := c.cur[h]; ok {
		return es, nil
	}
	es, ok := c.prev[h]
	if !ok {
		data, err := c.r.readObject(plumbing.TreeObject, h)
		if err != nil {
			return nil, err
		}
		es, err = parseTree(data)
		if err != nil {
			return nil, fmt.Errorf("tree %s: %w", h, err)
		}
	}
	if len(c.cur) >= c.limit {
		c.prev, c.cur = c.cur, make(map[plumbing.Hash][]entry, c.limit)
	}
	c.cur[h] = es
	return es, nil
}
