package vcs

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// packSet reads objects straight from the repository's pack files, with
// go-git's index decoder and delta patcher. It exists for speed: go-git's
// own object storage hashes every object it reads (to cache it) and every
// byte of the pack it scans, which made the history index several times
// slower than git log. Objects it cannot find (loose objects, alternates,
// packs made after it was opened) are read through go-git's storage.
//
// A packSet is not safe for concurrent use: Repo.mu guards it.
type packSet struct {
	packs []*pack
	cache deltaCache
	br    *bufio.Reader // reads a pack that is not mapped
	mr    bytes.Reader  // reads a mapped pack
	src   flate.Reader  // br or &mr: where the object being read is
	zr    io.ReadCloser // a zlib reader, reset for each object
}

type pack struct {
	id   int
	idx  packIndex
	f    billy.File
	size int64
	// data is the pack mapped into memory (mapFile), or nil: it is read
	// with pread. Mapped, an object costs no system call, where a read
	// costs one for its header and more as it is inflated: a third of
	// building the history from every commit.
	data []byte
}

// errNotPacked says an object is not in the packs (or cannot be read from
// them here): the caller falls back to go-git.
var errNotPacked = errors.New("not in the packs")

// openPacks opens the packs of the repository whose git folder fs is, and
// those of its alternates (found through altFS).
func openPacks(fs, altFS billy.Filesystem) (*packSet, error) {
	dg := dotgit.NewWithOptions(fs, dotgit.Options{AlternatesFS: altFS})
	dgs := []*dotgit.DotGit{dg}
	if alts, err := dg.Alternates(); err == nil {
		dgs = append(dgs, alts...)
	}
	ps := &packSet{br: bufio.NewReaderSize(nil, 8<<10)}
	ps.cache.limit = deltaCacheBytes
	for _, dg := range dgs {
		hashes, err := dg.ObjectPacks()
		if err != nil {
			_ = ps.Close()
			return nil, err
		}
		for _, h := range hashes {
			p, err := openPack(dg, h, len(ps.packs))
			if err != nil {
				_ = ps.Close()
				return nil, err
			}
			ps.packs = append(ps.packs, p)
		}
	}
	return ps, nil
}

func openPack(dg *dotgit.DotGit, h plumbing.Hash, id int) (*pack, error) {
	idxF, err := dg.ObjectPackIdx(h)
	if err != nil {
		return nil, err
	}
	idxSize, err := idxF.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = idxF.Seek(0, io.SeekStart)
	}
	var idx packIndex
	if err == nil {
		idxPath := ""
		if root := dg.Fs().Root(); root != "" {
			idxPath = filepath.Join(root, filepath.FromSlash(idxF.Name()))
		}
		idx, err = readPackIndex(idxF, idxPath, idxSize)
	}
	_ = idxF.Close()
	if err != nil {
		return nil, fmt.Errorf("pack index %s: %w", h, err)
	}
	f, err := dg.ObjectPack(h)
	if err != nil {
		return nil, err
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	var data []byte
	if root := dg.Fs().Root(); root != "" {
		data = mapFile(filepath.Join(root, filepath.FromSlash(f.Name())), size)
	}
	return &pack{id: id, idx: idx, f: f, size: size, data: data}, nil
}

// Close closes the pack files.
func (ps *packSet) Close() error {
	var first error
	for _, p := range ps.packs {
		unmapFile(p.data)
		p.data = nil
		if x, ok := p.idx.(*idxV2); ok {
			x.close()
		}
		if err := p.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	ps.packs = nil
	return first
}

// fork returns a reader of the same packs for another goroutine, with a
// delta cache of its own of about limit bytes, and zlib and byte readers
// of its own. The packs themselves are shared, which is safe only because
// each is mapped and its index is an idxV2, both only ever read: fork
// returns nil when a pack is read any other way (through a file's offset,
// or go-git's index, which fills a map as it is searched).
func (ps *packSet) fork(limit int) *packSet {
	for _, p := range ps.packs {
		if _, ok := p.idx.(*idxV2); !ok || p.data == nil {
			return nil
		}
	}
	f := &packSet{packs: ps.packs, br: bufio.NewReaderSize(nil, 8<<10)}
	f.cache.limit = limit
	return f
}

// find returns the pack and offset of object h.
func (ps *packSet) find(h plumbing.Hash) (*pack, int64, bool) {
	for _, p := range ps.packs {
		if off, err := p.idx.FindOffset(h); err == nil {
			return p, off, true
		}
	}
	return nil, 0, false
}

// read returns object h's type and content, or errNotPacked.
func (ps *packSet) read(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	p, off, ok := ps.find(h)
	if !ok {
		return 0, nil, errNotPacked
	}
	return ps.readAt(p, off, 0)
}

// Object types in a pack.
const (
	packOFSDelta = 6
	packREFDelta = 7
)

// header is an object's header in a pack.
type header struct {
	typ     int   // 1 commit, 2 tree, 3 blob, 4 tag, 6 ofs-delta, 7 ref-delta
	size    int64 // inflated size (of the delta, for a delta)
	baseOff int64 // ofs-delta: the base's offset
	baseRef plumbing.Hash
}

// header reads the header of the object at off in p, leaving ps.src at
// the start of its zlib stream.
func (ps *packSet) header(p *pack, off int64) (header, error) {
	if off < 0 || off >= p.size {
		return header{}, fmt.Errorf("pack object at %d: outside the pack", off)
	}
	if p.data != nil {
		ps.mr.Reset(p.data[off:])
		ps.src = &ps.mr
	} else {
		ps.br.Reset(io.NewSectionReader(p.f, off, p.size-off))
		ps.src = ps.br
	}
	bad := func(err error) (header, error) {
		if err == nil || errors.Is(err, io.EOF) {
			err = errors.New("malformed header")
		}
		return header{}, fmt.Errorf("pack object at %d: %w", off, err)
	}
	c, err := ps.src.ReadByte()
	if err != nil {
		return bad(err)
	}
	h := header{typ: int(c>>4) & 7, size: int64(c & 15)}
	for shift := 4; c&0x80 != 0; shift += 7 {
		if c, err = ps.src.ReadByte(); err != nil || shift > 56 {
			return bad(err)
		}
		h.size |= int64(c&0x7f) << shift
	}
	if h.size < 0 || h.size > maxInflated(p.size-off) {
		// A corrupt header: no zlib stream in what is left of the pack
		// inflates to that much, and it must not be allocated.
		return header{}, fmt.Errorf("pack object at %d: its header says %d bytes, more than the %d bytes left in the pack could hold", off, h.size, p.size-off)
	}
	switch h.typ {
	case packOFSDelta:
		if c, err = ps.src.ReadByte(); err != nil {
			return bad(err)
		}
		rel := int64(c & 0x7f)
		for c&0x80 != 0 {
			if c, err = ps.src.ReadByte(); err != nil || rel > 1<<55 {
				return bad(err)
			}
			rel = (rel+1)<<7 | int64(c&0x7f)
		}
		if rel <= 0 || rel > off {
			return bad(nil)
		}
		h.baseOff = off - rel
	case packREFDelta:
		if _, err := io.ReadFull(ps.src, h.baseRef[:]); err != nil {
			return bad(err)
		}
	case 1, 2, 3, 4:
	default:
		return header{}, fmt.Errorf("pack object at %d: unknown type %d", off, h.typ)
	}
	return h, nil
}

// maxInflated is the most that n bytes of a zlib stream can inflate to:
// deflate gives at most 258 bytes for a code of 2 bits in a block of
// repeats, 1032 to 1, and the rest is a small allowance.
func maxInflated(n int64) int64 {
	if n <= 0 {
		return 0
	}
	if n > (1<<62)/1032 {
		return 1 << 62
	}
	return n*1032 + 1024
}

// inflate reads the zlib stream ps.src is at, of size bytes once inflated.
func (ps *packSet) inflate(size int64) ([]byte, error) {
	if err := ps.resetZlib(); err != nil {
		return nil, err
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(ps.zr, data); err != nil {
		return nil, err
	}
	// Read to the end of the stream, which checks its checksum and that it
	// is no longer than its header said.
	var one [1]byte
	if n, err := ps.zr.Read(one[:]); n != 0 || !errors.Is(err, io.EOF) {
		if err == nil || errors.Is(err, io.EOF) {
			err = errors.New("object longer than its header says")
		}
		return nil, err
	}
	return data, nil
}

// resetZlib sets ps.zr to read the zlib stream ps.src is at.
func (ps *packSet) resetZlib() error {
	if ps.zr == nil {
		zr, err := zlib.NewReader(ps.src)
		if err != nil {
			return err
		}
		ps.zr = zr
		return nil
	}
	return ps.zr.(zlib.Resetter).Reset(ps.src, nil)
}

// inflateStart reads the first n bytes of the zlib stream ps.src is at,
// without checking the rest of it.
func (ps *packSet) inflateStart(n int64) ([]byte, error) {
	if err := ps.resetZlib(); err != nil {
		return nil, err
	}
	data := make([]byte, n)
	if _, err := io.ReadFull(ps.zr, data); err != nil {
		return nil, err
	}
	return data, nil
}

// readAt returns the type and content of the object at off in p, patching
// deltas onto their bases (cached by offset).
func (ps *packSet) readAt(p *pack, off int64, depth int) (plumbing.ObjectType, []byte, error) {
	key := cacheKey{p.id, off}
	if e, ok := ps.cache.get(key); ok {
		return e.typ, e.data, nil
	}
	if depth > 10000 {
		return 0, nil, fmt.Errorf("pack object at %d: delta chain too long", off)
	}
	h, err := ps.header(p, off)
	if err != nil {
		return 0, nil, err
	}
	data, err := ps.inflate(h.size)
	if err != nil {
		return 0, nil, fmt.Errorf("pack object at %d: %w", off, err)
	}
	var typ plumbing.ObjectType
	switch h.typ {
	case packOFSDelta, packREFDelta:
		var base []byte
		if h.typ == packOFSDelta {
			typ, base, err = ps.readAt(p, h.baseOff, depth+1)
		} else {
			bp, boff, ok := ps.find(h.baseRef)
			if !ok {
				return 0, nil, errNotPacked
			}
			typ, base, err = ps.readAt(bp, boff, depth+1)
		}
		if err != nil {
			return 0, nil, err
		}
		if len(base) == 0 {
			return 0, nil, errNotPacked // go-git's patcher wants a base
		}
		if data, err = packfile.PatchDelta(base, data); err != nil {
			return 0, nil, fmt.Errorf("pack object at %d: %w", off, err)
		}
	default:
		typ = plumbing.ObjectType(h.typ)
	}
	ps.cache.put(key, cacheEntry{typ: typ, data: data})
	return typ, data, nil
}

// size returns object h's size without patching it when it is a delta (a
// delta starts with the sizes of its base and of its result).
func (ps *packSet) size(h plumbing.Hash) (int64, error) {
	p, off, ok := ps.find(h)
	if !ok {
		return 0, errNotPacked
	}
	if e, ok := ps.cache.get(cacheKey{p.id, off}); ok {
		return int64(len(e.data)), nil
	}
	hd, err := ps.header(p, off)
	if err != nil {
		return 0, err
	}
	if hd.typ != packOFSDelta && hd.typ != packREFDelta {
		return hd.size, nil
	}
	// Only the delta's start: two numbers of at most 10 bytes each.
	delta, err := ps.inflateStart(min(hd.size, 20))
	if err != nil {
		return 0, err
	}
	_, rest, ok := leb128(delta)
	if !ok {
		return 0, errNotPacked
	}
	n, _, ok := leb128(rest)
	if !ok || n > 1<<62 {
		return 0, errNotPacked
	}
	return int64(n), nil
}

// leb128 decodes a little-endian base-128 number, as deltas start with.
func leb128(b []byte) (uint64, []byte, bool) {
	var n uint64
	for i, shift := 0, 0; i < len(b) && shift < 64; i, shift = i+1, shift+7 {
		n |= uint64(b[i]&0x7f) << shift
		if b[i]&0x80 == 0 {
			return n, b[i+1:], true
		}
	}
	return 0, nil, false
}

type cacheKey struct {
	pack int
	off  int64
}

type cacheEntry struct {
	typ  plumbing.ObjectType
	data []byte
}

// deltaCache keeps recently read objects, as bases for the deltas that
// follow, up to about limit bytes: two generations of maps.
type deltaCache struct {
	limit     int
	bytes     int
	cur, prev map[cacheKey]cacheEntry
}

func (c *deltaCache) get(k cacheKey) (cacheEntry, bool) {
	if e, ok := c.cur[k]; ok {
		return e, true
	}
	e, ok := c.prev[k]
	if ok {
		c.put(k, e)
	}
	return e, ok
}

func (c *deltaCache) put(k cacheKey, e cacheEntry) {
	if len(e.data) > c.limit/4 {
		return
	}
	if c.cur == nil || c.bytes+len(e.data) > c.limit/2 {
		c.prev, c.cur, c.bytes = c.cur, map[cacheKey]cacheEntry{}, 0
	}
	c.cur[k] = e
	c.bytes += len(e.data)
}
