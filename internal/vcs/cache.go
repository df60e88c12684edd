package vcs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/caselint/caselint/internal/atomicfile"
	"github.com/go-git/go-git/v5/plumbing"
)

// The history cache keeps what each commit changed (commitChanges) between
// runs, so that a run reads only the commits made since the last one: a
// pre-commit run in a repository of thousands of commits would otherwise
// compare every commit's trees again, each time, to find the same answer.
//
// What a commit changed depends on the commit alone: its hash names its
// tree and its parents, and so the trees it is compared with. The cache is
// therefore never stale, only incomplete: a commit it does not hold is read
// from the repository, and one it holds that HEAD no longer reaches (after
// a rebase, an amend or a branch switch) is not used. It holds nothing git
// does not hold already (paths, blob, tree and commit hashes, authors'
// names, commit dates; no content, no e-mail address) and lives in the
// repository's git folder, readable by its owner alone. Nor does it keep
// what git has forgotten: a commit that no ref (and not HEAD) reaches any
// more is dropped from it at the next run (pruneCache), so that a name
// purged from the repository (git reset, git reflog expire, git gc) does
// not live on in the cache.
//
// The file is
//
//	magic, format version (uvarint), hash length (uvarint)
//	paths:   count, then each as length and bytes
//	authors: count, then each as length and bytes
//	commits: count, then each, parents before children:
//	         hash, tree, parent count and parents,
//	         author (an index into authors),
//	         committer date (a zone byte: 0 UTC, 1 an offset, 2 no date;
//	         then, but for 2, seconds since 1970 (varint) and, for 1,
//	         the offset in seconds (varint)), then the author date,
//	         written the same way,
//	         change count, then each as path (an index into paths), blob,
//	         and where it came from in each parent: a count, then each as
//	         0 (the same path) or 1 + an index into paths, and a blob
//	CRC-32 (IEEE) of all the above, 4 bytes little-endian.
//
// A file that is not exactly that (another format version, a truncated or
// changed file) is ignored and written anew.

// CacheFile is the history cache's path inside the git folder (the
// worktree's own, in a linked worktree).
const CacheFile = "caselint/history"

const (
	cacheMagic = "caselint history cache\n"
	// 3: the files of a commit are its records in .md and .markdown, in
	// any case (schema.IsRecordName); a cache of format 2 left out those
	// in 2026-01-19.MD or .markdown.
	// 4: each commit keeps its author date too (late-recording reads the
	// earlier of the two dates); a cache of format 3 has only the
	// committer's, and is read anew.
	cacheVersion = 4
	// cacheMaxSize bounds what is read: a cache this large is not one
	// caselint wrote for any repository it can lint in memory.
	cacheMaxSize = 1 << 30
)

// CacheUse says what CachedHistory did with the cache.
type CacheUse struct {
	Path    string // the cache file, or "" where there is none to use
	Known   int    // commits taken from the cache
	Read    int    // commits read and compared in the repository
	Written bool   // the cache was written anew
	// Dropped is how many commits the cache held that no ref (nor HEAD)
	// reaches any more: left out of the cache written.
	Dropped int
	// Err is why the cache could not be read or written, or nil: the
	// history is right either way, only slower to build.
	Err error
	// Refused is set when the cache was neither read nor written because
	// a part of its path is a symbolic link (ErrCacheLink, in Err): said
	// to the user, since it is not the cache's fault but the repository's.
	Refused bool
	// Within is set when the history holds only the folders
	// CachedHistoryWithin was given: there was no cache to read, and none
	// was written.
	Within bool
}

// ErrCacheLink is the error of a cache path of which a part caselint
// makes or writes (the folder caselint, the file history) is a symbolic
// link: caselint never writes through a link, which could lead anywhere
// outside the repository.
var ErrCacheLink = errors.New("a symbolic link: caselint writes nothing through a link")

// cacheLinks returns an error wrapping ErrCacheLink when a part of the
// cache's path below the git folder gitDir is a symbolic link, else nil.
func cacheLinks(gitDir string) error {
	p := gitDir
	for _, part := range strings.Split(CacheFile, "/") {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil {
			return nil // not there yet: made as a folder or a file
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "history cache", Path: p, Err: ErrCacheLink}
		}
	}
	return nil
}

// CachedHistory is History, kept between runs in the git folder (see
// CacheFile): what each commit changed is taken from the cache where it is
// there, and read from the repository (and then kept) where it is not.
// The history is the same as History's, whatever the cache holds; a cache
// that cannot be read or written only costs time, and is said in CacheUse.
func (r *Repo) CachedHistory(revs ...string) (*History, CacheUse, error) {
	return r.cachedHistory(nil, revs)
}

// CachedHistoryWithin is CachedHistory for a run that lints only the cases
// in the folders dirs (a pre-commit run): where there is no cache yet (the
// first run in a clone), it builds their history alone (HistoryWithin)
// and writes no cache, since what it read is not every commit's changes;
// the next run that lints every case writes it. Use.Within says so.
func (r *Repo) CachedHistoryWithin(dirs []string, revs ...string) (*History, CacheUse, error) {
	return r.cachedHistory(dirs, revs)
}

// cachedHistory is CachedHistory, or CachedHistoryWithin the folders dirs
// when there are any.
func (r *Repo) cachedHistory(dirs []string, revs []string) (*History, CacheUse, error) {
	var use CacheUse
	if r.gitDir == nil || r.gitDir.Root() == "" {
		h, err := r.HistoryWithin(dirs, revs...)
		use.Within = h != nil && h.limit != nil
		return h, use, err
	}
	use.Path = filepath.Join(r.gitDir.Root(), filepath.FromSlash(CacheFile))
	if err := cacheLinks(r.gitDir.Root()); err != nil {
		// caselint never writes through a link (nor reads its own cache
		// through one): the cache is neither read nor written, and the
		// history is built from the commits.
		use.Err, use.Refused = err, true
		h, err := r.HistoryWithin(dirs, revs...)
		use.Within = h != nil && h.limit != nil
		return h, use, err
	}
	removeStaleTemps(filepath.Dir(use.Path), time.Now())
	known, err := readCache(use.Path)
	if errors.Is(err, fs.ErrNotExist) && newPathLimit(dirs) != nil {
		h, err := r.HistoryWithin(dirs, revs...)
		use.Within = h != nil
		return h, use, err
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		use.Err = err
	}
	h, kept, err := r.buildHistory(revs, known, true, nil)
	if err != nil {
		return nil, use, err
	}
	inKept := make(map[plumbing.Hash]bool, len(kept))
	for _, cc := range kept {
		inKept[cc.hash] = true
		if _, ok := known[cc.hash]; ok {
			use.Known++
		} else {
			use.Read++
		}
	}
	if len(known) > use.Known {
		// The cache holds commits the history did not reach: keep those
		// still reachable from a ref, drop the rest (see pruneCache).
		var dropped int
		kept, dropped = r.pruneCache(known, kept, inKept)
		use.Dropped += dropped
	}
	if use.Read > 0 || use.Dropped > 0 || use.Err != nil {
		if err := writeCache(use.Path, kept); err != nil {
			use.Err = errors.Join(use.Err, err)
		} else {
			use.Written = true
		}
	}
	return h, use, nil
}

// readCache reads the cache at path; an error says why it cannot be used.
// The file is mapped into memory where it can be rather than read: the
// decoded history copies what it keeps, and a pre-commit run would
// otherwise first touch a megabyte of new memory for a file it reads once.
func readCache(path string) (map[plumbing.Hash]*commitChanges, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > cacheMaxSize {
		return nil, fmt.Errorf("%s: not a history cache", path)
	}
	var commits map[plumbing.Hash]*commitChanges
	if data := mapFile(path, st.Size()); data != nil {
		commits, err = decodeMapped(data)
		unmapFile(data)
	} else if data, err = os.ReadFile(path); err == nil {
		commits, err = decodeCache(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return commits, nil
}

// decodeMapped is decodeCache of a file mapped into memory. A fault while
// the mapping is read (the file cut short under it, which caselint,
// replacing the file whole, never does) is a cache that cannot be read,
// not a crash.
func decodeMapped(data []byte) (map[plumbing.Hash]*commitChanges, error) {
	commits, err := readMapped(func() (map[plumbing.Hash]*commitChanges, error) { return decodeCache(data) })
	if errors.Is(err, errMappedFault) {
		return nil, fmt.Errorf("%w (%w)", errCache, err)
	}
	return commits, err
}

// errMappedFault says that a fault stopped the reading of a file mapped
// into memory (mapFile): the file was cut short under the mapping.
var errMappedFault = errors.New("the file changed while it was read")

// readMapped runs read, which reads memory mapped by mapFile, and turns a
// fault while it does into errMappedFault rather than a crash. Any other
// panic goes on.
func readMapped[T any](read func() (T, error)) (_ T, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			err = errMappedFault
		}
	}()
	return read()
}

// pruneCache returns the commits to keep in the cache: kept (what the
// history reached) and, of the other commits the cache held (known), those
// still reachable from a ref (a branch, a tag, a remote-tracking branch,
// the stash, any other ref) or HEAD, so that switching branches does not
// make the next run read them again; and how many it dropped. A commit no
// ref reaches is dropped even while git still has its object (until git
// gc prunes it, the reflog reaches it): the cache must never hold what
// the repository has been told to forget, such as a commit taken back
// with git reset and purged with git reflog expire and git gc. When the
// refs cannot all be followed, only kept is kept.
func (r *Repo) pruneCache(known map[plumbing.Hash]*commitChanges, kept []*commitChanges, inKept map[plumbing.Hash]bool) ([]*commitChanges, int) {
	reach, err := r.reachableFromRefs(known, inKept)
	if err != nil {
		reach = nil
	}
	var extra []*commitInfo
	dropped := 0
	for h, cc := range known {
		switch {
		case inKept[h]:
		case reach[h]:
			extra = append(extra, &cc.commitInfo)
		default:
			dropped++
		}
	}
	if len(extra) == 0 {
		return kept, dropped
	}
	// Parents before children, as the cache is written.
	set := make(map[plumbing.Hash]*commitInfo, len(extra))
	for _, c := range extra {
		set[c.hash] = c
	}
	for _, c := range topoOrder(set) {
		kept = append(kept, known[c.hash])
	}
	return kept, dropped
}

// reachableFromRefs returns the commits of known (not in done, which are
// reachable already, as are their ancestors) that a ref or HEAD reaches.
// It follows the parents known gives without reading those commits, and
// reads the others from the object store.
func (r *Repo) reachableFromRefs(known map[plumbing.Hash]*commitChanges, done map[plumbing.Hash]bool) (map[plumbing.Hash]bool, error) {
	var stack []plumbing.Hash
	if ref, err := r.repo.Head(); err == nil {
		stack = append(stack, ref.Hash())
	}
	refs, err := r.repo.Storer.IterReferences()
	if err != nil {
		return nil, err
	}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference {
			stack = append(stack, ref.Hash())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	reach := map[plumbing.Hash]bool{}
	seen := map[plumbing.Hash]bool{}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[h] || done[h] {
			continue
		}
		seen[h] = true
		if cc, ok := known[h]; ok {
			reach[h] = true
			stack = append(stack, cc.parents...)
			continue
		}
		typ, data, err := r.readAny(h)
		if err != nil {
			return nil, err
		}
		switch typ {
		case plumbing.CommitObject:
			c, err := parseCommit(h, data)
			if err != nil {
				return nil, err
			}
			stack = append(stack, c.parents...)
		case plumbing.TagObject:
			// An annotated tag: follow what it tags.
			if target, ok := tagTarget(data); ok {
				stack = append(stack, target)
			}
		}
		// A ref to a tree or a blob reaches no commit.
	}
	return reach, nil
}

// tagTarget returns the object a raw tag object names.
func tagTarget(data []byte) (plumbing.Hash, bool) {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	hex, ok := bytes.CutPrefix(line, []byte("object "))
	if !ok || !plumbing.IsHash(string(hex)) {
		return plumbing.ZeroHash, false
	}
	return plumbing.NewHash(string(hex)), true
}

// writeCache writes the cache of commits (parents first) to path, making
// its folder, readable by its owner alone.
func writeCache(path string, commits []*commitChanges) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("writing the history cache: %w", err)
	}
	return atomicfile.Replace(path, encodeCache(commits), 0o600)
}

// staleTempAge is how old a temporary file in the cache's folder must be
// to be taken for one a killed run left: a run writes and renames its own
// in well under a second, even for a cache of a hundred thousand commits.
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes from dir (the cache's folder, caselint's own)
// the temporary files of atomicfile (.caselint-*.tmp) last changed before
// now minus staleTempAge: what a run killed between writing its cache and
// renaming it leaves behind (they hold what a cache holds). Only regular
// files of that name are removed, never through a link; what cannot be
// removed is left for the next run.
func removeStaleTemps(dir string, now time.Time) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range des {
		name := de.Name()
		if !de.Type().IsRegular() || !strings.HasPrefix(name, atomicfile.TempPrefix) || !strings.HasSuffix(name, ".tmp") {
			continue
		}
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() || now.Sub(info.ModTime()) < staleTempAge {
			continue
		}
		_ = os.Remove(filepath.Join(dir, name))
	}
}

// Zones of a commit's date (committer or author) in the cache.
const (
	zoneUTC    = 0 // in UTC, as go-git gives a date whose zone it cannot read
	zoneOffset = 1 // at a fixed offset from UTC, as git records it
	zoneNone   = 2 // no date
)

// appendCacheTime appends a commit's date to b: its zone, then, unless
// there is no date, its seconds and, at an offset, the offset.
func appendCacheTime(b []byte, when time.Time) []byte {
	switch {
	case when.IsZero():
		return append(b, zoneNone)
	case when.Location() == time.UTC:
		b = append(b, zoneUTC)
		return binary.AppendVarint(b, when.Unix())
	default:
		_, offset := when.Zone()
		b = append(b, zoneOffset)
		b = binary.AppendVarint(b, when.Unix())
		return binary.AppendVarint(b, int64(offset))
	}
}

// encodeCache encodes commits (parents first) in the cache's format.
func encodeCache(commits []*commitChanges) []byte {
	paths, pathIndex := []string{}, map[string]uint64{}
	authors, authorIndex := []string{}, map[string]uint64{}
	for _, c := range commits {
		if _, ok := authorIndex[c.author]; !ok {
			authorIndex[c.author] = uint64(len(authors))
			authors = append(authors, c.author)
		}
		for _, ch := range c.changes {
			if _, ok := pathIndex[ch.path]; !ok {
				pathIndex[ch.path] = uint64(len(paths))
				paths = append(paths, ch.path)
			}
			for _, p := range ch.prev {
				if _, ok := pathIndex[p.path]; !ok {
					pathIndex[p.path] = uint64(len(paths))
					paths = append(paths, p.path)
				}
			}
		}
	}
	size := len(cacheMagic) + 16
	for _, p := range paths {
		size += len(p) + 2
	}
	size += len(commits) * (3*len(plumbing.ZeroHash) + 24)
	for _, c := range commits {
		size += len(c.changes) * (2*len(plumbing.ZeroHash) + 5)
	}
	b := make([]byte, 0, size)
	b = append(b, cacheMagic...)
	b = binary.AppendUvarint(b, cacheVersion)
	b = binary.AppendUvarint(b, uint64(len(plumbing.ZeroHash)))
	strs := func(ss []string) {
		b = binary.AppendUvarint(b, uint64(len(ss)))
		for _, s := range ss {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	strs(paths)
	strs(authors)
	b = binary.AppendUvarint(b, uint64(len(commits)))
	for _, c := range commits {
		b = append(b, c.hash[:]...)
		b = append(b, c.tree[:]...)
		b = binary.AppendUvarint(b, uint64(len(c.parents)))
		for _, p := range c.parents {
			b = append(b, p[:]...)
		}
		b = binary.AppendUvarint(b, authorIndex[c.author])
		b = appendCacheTime(b, c.when.When)
		b = appendCacheTime(b, c.authored)
		b = binary.AppendUvarint(b, uint64(len(c.changes)))
		for _, ch := range c.changes {
			b = binary.AppendUvarint(b, pathIndex[ch.path])
			b = append(b, ch.blob[:]...)
			b = binary.AppendUvarint(b, uint64(len(ch.prev)))
			for _, p := range ch.prev {
				if p.path == ch.path {
					b = append(b, 0)
				} else {
					b = binary.AppendUvarint(b, 1+pathIndex[p.path])
				}
				b = append(b, p.blob[:]...)
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// errCache is the error of a cache file that is not one.
var errCache = errors.New("not a history cache of this version of caselint")

// cacheReader decodes the cache's fields, remembering the first error.
type cacheReader struct {
	data []byte
	err  error
}

func (r *cacheReader) fail() {
	if r.err == nil {
		r.err = errCache
	}
	r.data = nil
}

func (r *cacheReader) uvarint() uint64 {
	n, k := binary.Uvarint(r.data)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[k:]
	return n
}

func (r *cacheReader) varint() int64 {
	n, k := binary.Varint(r.data)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[k:]
	return n
}

// count reads a count of items of at least min bytes each, refusing one
// the rest of the file cannot hold.
func (r *cacheReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.data)/min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *cacheReader) bytes(n int) []byte {
	if n < 0 || n > len(r.data) {
		r.fail()
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *cacheReader) hash() plumbing.Hash {
	var h plumbing.Hash
	copy(h[:], r.bytes(len(h)))
	return h
}

// time reads a date appendCacheTime wrote; zones are the offsets' zones
// made so far, shared by the dates of one file.
func (r *cacheReader) time(zones map[int64]*time.Location) time.Time {
	switch r.byte() {
	case zoneNone:
	case zoneUTC:
		return time.Unix(r.varint(), 0).In(time.UTC)
	case zoneOffset:
		sec, offset := r.varint(), r.varint()
		if offset <= -24*3600 || offset >= 24*3600 {
			r.fail()
			break
		}
		loc, ok := zones[offset]
		if !ok {
			loc = time.FixedZone("", int(offset))
			zones[offset] = loc
		}
		return time.Unix(sec, 0).In(loc)
	default:
		r.fail()
	}
	return time.Time{}
}

func (r *cacheReader) byte() byte {
	b := r.bytes(1)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// strings reads a count of strings, each as its length and bytes, cut
// from one string rather than allocated one by one: one pass finds where
// they end, a second cuts them.
func (r *cacheReader) strings() []string {
	n := r.count(1)
	from := r.data
	for range n {
		l := r.uvarint()
		if l > uint64(len(r.data)) {
			r.fail()
			return nil
		}
		r.bytes(int(l))
	}
	if r.err != nil {
		return nil
	}
	all := string(from[:len(from)-len(r.data)])
	out := make([]string, n)
	at := 0
	for i := range out {
		l, k := binary.Uvarint(from[at:]) // read in the first pass
		at += k
		out[i] = all[at : at+int(l)]
		at += int(l)
	}
	return out
}

// decodeCache decodes a cache file, checking all of it: its checksum, its
// version and hash length, every count, index and path, and that no commit
// comes twice.
func decodeCache(data []byte) (map[plumbing.Hash]*commitChanges, error) {
	if len(data) < len(cacheMagic)+4 || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil, errCache
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w (its checksum does not match: the file is damaged)", errCache)
	}
	r := &cacheReader{data: body[len(cacheMagic):]}
	if v := r.uvarint(); v != cacheVersion || r.err != nil {
		return nil, errCache
	}
	hashLen := len(plumbing.ZeroHash)
	if n := r.uvarint(); n != uint64(hashLen) || r.err != nil {
		return nil, errCache
	}
	paths := r.strings()
	for _, p := range paths {
		if !fs.ValidPath(p) || p == "." {
			r.fail()
		}
	}
	authors := r.strings()
	n := r.count(2*hashLen + 4)
	commits := make(map[plumbing.Hash]*commitChanges, n)
	all := make([]commitChanges, n) // allocated together
	zones := map[int64]*time.Location{}
	for i := range n {
		if r.err != nil {
			break
		}
		c := &all[i]
		c.hash = r.hash()
		c.tree = r.hash()
		if np := r.count(hashLen); np > 0 {
			c.parents = make([]plumbing.Hash, np)
			for i := range c.parents {
				c.parents[i] = r.hash()
			}
		}
		if a := r.uvarint(); a < uint64(len(authors)) {
			c.author = authors[a]
		} else {
			r.fail()
		}
		c.when.When = r.time(zones)
		c.authored = r.time(zones)
		if nc := r.count(hashLen + 2); nc > 0 {
			c.changes = make([]change, nc)
			// Where each change came from in each parent, allocated
			// together: a count of parents each change must have.
			var from []fileAt
			if np := len(c.parents); np > 0 {
				if nc*np > len(r.data)/(hashLen+1) {
					r.fail()
					break
				}
				from = make([]fileAt, nc*np)
			}
			for i := range c.changes {
				if p := r.uvarint(); p < uint64(len(paths)) {
					c.changes[i].path = paths[p]
				} else {
					r.fail()
				}
				c.changes[i].blob = r.hash()
				if np := r.count(hashLen + 1); np > 0 {
					if np != len(c.parents) {
						r.fail()
						break
					}
					prev := from[:np:np]
					from = from[np:]
					for k := range prev {
						prev[k].path = c.changes[i].path
						if p := r.uvarint(); p > 0 && p <= uint64(len(paths)) {
							prev[k].path = paths[p-1]
						} else if p != 0 {
							r.fail()
						}
						prev[k].blob = r.hash()
					}
					c.changes[i].prev = prev
				} else if len(c.parents) > 0 {
					r.fail() // a change in a commit with parents says where it came from
				}
			}
		}
		if _, dup := commits[c.hash]; dup || c.tree.IsZero() {
			r.fail()
		}
		commits[c.hash] = c
	}
	if r.err != nil || len(r.data) != 0 {
		return nil, errCache
	}
	return commits, nil
}
