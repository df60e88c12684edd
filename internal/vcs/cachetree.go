package vcs

import (
	"bytes"
	"math"

	"github.com/go-git/go-git/v5/plumbing"
)

// cacheTree is git's cache tree, the index's "TREE" extension
// (gitformat-index, "Cache tree"): for each folder whose entries have not
// changed since git last wrote its tree, the hash of that tree. git commit
// writes its trees from these hashes, so a valid node is the tree git
// would commit for its folder.
//
// The cache tree is an optimisation, for git and here: an extension that
// is not exactly as git writes it (see decodeCacheTree) is ignored, and
// every folder is hashed from the entries, as without one.
type cacheTree struct {
	// data is the extension's content, which the nodes' names and hashes
	// are cut from (a part of the index file as read).
	data []byte
	// nodes[0] is the top folder; the children of a node are
	// nodes[kids:kids+nkids], in git's cache-tree order (by name length,
	// then byte by byte), strictly increasing.
	nodes []cacheNode
}

// cacheNode is one folder of the cache tree.
type cacheNode struct {
	name, nameLen uint32 // where its name is in data, and how long
	hash          uint32 // where its hash is in data (0: invalidated)
	count         int32  // how many index entries its tree covers (-1: invalidated)
	kids, nkids   uint32 // its children in nodes
}

// noNode is the node of a folder the cache tree does not hold.
const noNode = -1

// cacheTreeMinNode is the fewest bytes a node other than the top takes: a
// one-byte name and its NUL, then "-1 0\n".
const cacheTreeMinNode = 7

// decodeCacheTree decodes the content of a TREE extension, or returns nil
// when it is not well formed: a name missing its NUL, holding a slash or
// empty (but the top's, which must be empty), a count that is not a
// decimal number as git writes it (-1 for an invalidated node), a hash
// cut short, children not strictly in git's order (so no two of one
// name), more children promised than the bytes left can hold, or bytes
// left over.
func decodeCacheTree(data []byte) *cacheTree {
	// Twice: once to check and count the nodes, then to fill exactly as
	// many (no slice grown and thrown away as it is read).
	n, ok := walkCacheTree(data, nil)
	if !ok || n == 0 {
		return nil
	}
	t := &cacheTree{data: data, nodes: make([]cacheNode, n)}
	walkCacheTree(data, t.nodes)
	return t
}

// walkCacheTree reads the nodes of a TREE extension's content in the
// file's order (depth first, each folder before its children) into nodes,
// placing each node's children together (in the order read), and returns
// how many there are; with nodes nil it only checks and counts them.
func walkCacheTree(data []byte, nodes []cacheNode) (int, bool) {
	if len(data) > math.MaxUint32 {
		return 0, false // offsets into it are uint32
	}
	hashLen := len(plumbing.ZeroHash)
	off := 0
	// readNode reads the next node: its name, count, number of children
	// and hash.
	readNode := func(top bool) (cacheNode, int, bool) {
		var c cacheNode
		start := off
		for off < len(data) && data[off] != 0 {
			if data[off] == '/' {
				return c, 0, false
			}
			off++
		}
		if off == len(data) || (off == start) != top {
			return c, 0, false
		}
		c.name, c.nameLen = uint32(start), uint32(off-start)
		off++ // the NUL
		count, ok := cacheTreeNumber(data, &off, ' ')
		if !ok {
			return c, 0, false
		}
		kids, ok := cacheTreeNumber(data, &off, '\n')
		if !ok || kids < 0 {
			return c, 0, false
		}
		c.count = -1
		if count >= 0 {
			if len(data)-off < hashLen {
				return c, 0, false
			}
			c.count, c.hash = int32(count), uint32(off)
			off += hashLen
		}
		return c, int(kids), true
	}
	// A frame is a node whose children are being read: the next goes to
	// nodes[next], the last to nodes[end-1]; prev is the one read before
	// (its name), which the next must follow in git's order.
	type frame struct {
		next, end int
		prev      []byte
		first     bool
	}
	top, kids, ok := readNode(true)
	if !ok {
		return 0, false
	}
	n := 1       // nodes placed so far
	pending := 0 // children promised and not yet read
	promise := func(c *cacheNode, kids int) bool {
		pending += kids
		if pending > (len(data)-off)/cacheTreeMinNode {
			return false
		}
		c.kids, c.nkids = uint32(n), uint32(kids)
		n += kids
		return true
	}
	if !promise(&top, kids) {
		return 0, false
	}
	if nodes != nil {
		nodes[0] = top
	}
	stack := []frame{{next: int(top.kids), end: int(top.kids) + kids, first: true}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.next == f.end {
			stack = stack[:len(stack)-1]
			continue
		}
		c, kids, ok := readNode(false)
		if !ok {
			return 0, false
		}
		name := data[c.name : c.name+c.nameLen]
		if !f.first && compareCacheTreeNames(f.prev, name) >= 0 {
			return 0, false
		}
		f.prev, f.first = name, false
		pending--
		if !promise(&c, kids) {
			return 0, false
		}
		if nodes != nil {
			nodes[f.next] = c
		}
		f.next++
		stack = append(stack, frame{next: int(c.kids), end: int(c.kids) + kids, first: true})
	}
	if off != len(data) {
		return 0, false
	}
	return n, true
}

// compareCacheTreeNames compares two names of one folder's children in
// git's cache-tree order: the shorter first, then byte by byte.
func compareCacheTreeNames(a, b []byte) int {
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return bytes.Compare(a, b)
}

// cacheTreeNumber reads a decimal number ended by end at data[*off:] (-1,
// the only negative number git writes there, or one of 0 to 2^31-1),
// moving *off past end.
func cacheTreeNumber(data []byte, off *int, end byte) (int64, bool) {
	i := *off
	neg := i < len(data) && data[i] == '-'
	if neg {
		i++
	}
	start := i
	var v int64
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		v = v*10 + int64(data[i]-'0')
		if v > math.MaxInt32 {
			return 0, false
		}
		i++
	}
	if i == start || i == len(data) || data[i] != end || (neg && v != 1) {
		return 0, false
	}
	*off = i + 1
	if neg {
		v = -v
	}
	return v, true
}

// root returns the top folder's node, or noNode without a cache tree.
func (t *cacheTree) root() int {
	if t == nil {
		return noNode
	}
	return 0
}

// child returns the node of the folder name in the folder of node n, or
// noNode when the cache tree holds none (or n is noNode).
func (t *cacheTree) child(n int, name string) int {
	if t == nil || n == noNode {
		return noNode
	}
	p := &t.nodes[n]
	lo, hi := int(p.kids), int(p.kids+p.nkids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		c := &t.nodes[m]
		l := int(c.nameLen)
		if l < len(name) || (l == len(name) && string(t.data[c.name:c.name+c.nameLen]) < name) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(p.kids+p.nkids) {
		c := &t.nodes[lo]
		if int(c.nameLen) == len(name) && string(t.data[c.name:c.name+c.nameLen]) == name {
			return lo
		}
	}
	return noNode
}

// valid returns the hash of the tree of node n when the node is valid and
// covers count index entries, as the folder it is looked up for holds: a
// node covering another number does not describe that folder (the
// extension does not match the entries), and is not trusted.
func (t *cacheTree) valid(n, count int) (plumbing.Hash, bool) {
	if t == nil || n == noNode {
		return plumbing.ZeroHash, false
	}
	c := &t.nodes[n]
	if c.count < 0 || int(c.count) != count {
		return plumbing.ZeroHash, false
	}
	var h plumbing.Hash
	copy(h[:], t.data[c.hash:])
	return h, true
}
