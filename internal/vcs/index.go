package vcs

import (
	"bytes"
	"crypto"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/hash"
)

// Index is the index git would commit from, read once: what is staged.
// It is safe for use by several goroutines at once.
type Index struct {
	r       *Repo
	modTime time.Time // the index file's
	// files are the staged entries (see stagedEntries), sorted by path
	// byte by byte, which is git's order.
	files []indexEntry
	// unsure are the paths, sorted, with an entry that is not simply
	// staged (a conflict's stages, git add -N): a folder holding one is
	// not the tree git would write for it.
	unsure []string
	// unmerged are the paths, sorted, in conflict (entries of stages 1 to
	// 3): git commit refuses to commit until they are resolved.
	unmerged []string
	// treeData is the content of the index's cache tree (the TREE
	// extension), decoded into tree once, when Changed first needs it.
	treeData []byte
	treeOnce sync.Once
	tree     *cacheTree
	// changed is what Changed returns, worked out once.
	changed     []string
	changedErr  error
	changedOnce sync.Once
}

// Index reads the index git would commit from: the file named by
// $GIT_INDEX_FILE when it is set (git sets it for hooks during git commit -a
// and git commit PATH, and go-git does not know it; a relative name is
// relative to the top of the work tree), else the repository's own index
// (the worktree's, in a linked worktree). A missing index file is an empty
// index, as for git. A split or sparse index is refused, saying so.
func (r *Repo) Index() (*Index, error) {
	f, err := r.readIndex()
	if err != nil {
		return nil, err
	}
	ix := &Index{r: r, modTime: f.modTime, treeData: f.tree}
	ix.files, ix.unsure, ix.unmerged = stagedEntries(f.entries)
	return ix, nil
}

// Unmerged returns the paths, in git's order, that the index holds in
// conflict (a merge, a rebase, a cherry-pick or git stash pop that
// stopped): git commit refuses to commit until each is resolved and
// added.
func (ix *Index) Unmerged() []string { return ix.unmerged }

// cacheTree returns the index's cache tree, decoded (nil when there is
// none, or none well formed).
func (ix *Index) cacheTree() *cacheTree {
	ix.treeOnce.Do(func() { ix.tree = decodeCacheTree(ix.treeData) })
	return ix.tree
}

// indexRead is an index file as read.
type indexRead struct {
	*indexFile
	modTime time.Time
}

// readIndex reads and decodes the index file Index reads (see there).
func (r *Repo) readIndex() (indexRead, error) {
	name := os.Getenv("GIT_INDEX_FILE")
	var (
		data   []byte
		mapped bool // data is mapped into memory (mapFile)
		fi     fs.FileInfo
		err    error
	)
	if name != "" {
		if !filepath.IsAbs(name) {
			name = filepath.Join(r.root, name)
		}
		// The time first, then the content (readBillyFile says why).
		if fi, err = os.Stat(name); err == nil {
			if data = mapFile(name, fi.Size()); data != nil {
				mapped = true
			} else {
				data, err = os.ReadFile(name)
			}
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return indexRead{}, fmt.Errorf("reading the git index (GIT_INDEX_FILE): %w", err)
		}
		name += " (GIT_INDEX_FILE)"
	} else {
		if r.gitDir == nil {
			return indexRead{}, errors.New("reading the git index: the repository's git folder is not on disk")
		}
		// The file go-git's Storer.Index reads: "index" in the git folder
		// (in a linked worktree, the worktree's own, not the common one).
		name = filepath.Join(r.gitDir.Root(), "index")
		data, fi, mapped, err = readBillyFile(r, "index")
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return indexRead{}, fmt.Errorf("reading the git index %s: %w", name, err)
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return indexRead{indexFile: &indexFile{version: 2}}, nil
	}
	decode := decodeIndex
	if mapped {
		decode = decodeIndexMapped
	}
	f, err := decode(data)
	if err != nil {
		return indexRead{}, fmt.Errorf("reading the git index %s: %w", name, err)
	}
	return indexRead{indexFile: f, modTime: fi.ModTime()}, nil
}

// decodeIndexMapped is decodeIndex of an index file mapped into memory
// (mapFile), which it unmaps: what the index keeps of the bytes (its
// cache tree) is copied out first. Mapped, a 13,000-entry index costs a
// few dozen first touches of memory where reading it costs hundreds, a
// tenth of a warm pre-commit run. A fault while the mapping is read (the
// file cut short under it: git replaces the index by renaming a new one
// onto it, but a tool could write it in place) is an error that says so,
// not a crash.
func decodeIndexMapped(data []byte) (*indexFile, error) {
	defer unmapFile(data)
	f, err := readMapped(func() (*indexFile, error) {
		f, err := decodeIndex(data)
		if err != nil {
			return nil, err
		}
		f.tree = bytes.Clone(f.tree)
		return f, nil
	})
	if errors.Is(err, errMappedFault) {
		return nil, fmt.Errorf("%w; run caselint again", err)
	}
	return f, err
}

// readBillyFile reads the file name of the repository's git folder, sized
// once rather than grown as it is read, or maps it into memory (mapped)
// where the git folder is on disk.
//
// The file's time is taken before it is opened. Git replaces the index by
// renaming a new one onto it; if that happens in between, the entries read
// are the newer ones with the older time, which can only make more of them
// racily clean (read, not trusted). The other way round, older entries
// with a newer time, could let a racily clean entry pass as clean.
func readBillyFile(r *Repo, name string) (data []byte, fi fs.FileInfo, mapped bool, err error) {
	if fi, err = r.gitDir.Stat(name); err != nil {
		return nil, nil, false, err
	}
	f, err := r.gitDir.Open(name)
	if err != nil {
		return nil, nil, false, err
	}
	defer func() { _ = f.Close() }()
	// The size of the file opened (git replaces the index by renaming a
	// new one onto it, so the name may have moved on since). mapFile maps
	// the file the name holds when it has that size, else nothing.
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, nil, false, err
	}
	if root := r.gitDir.Root(); root != "" {
		if data = mapFile(filepath.Join(root, filepath.FromSlash(f.Name())), size); data != nil {
			return data, fi, true, nil
		}
	}
	data = make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, false, err
	}
	return data, fi, false, nil
}

// stagedEntries returns, of the index's entries (in git's order), those
// git commit would commit: the merged (stage 0) entry, or for a path in
// conflict "our" side (stage 2) when there is one. Entries added with
// git add -N (intent to add) hold no content and are left out, as git
// commit leaves them out. It also returns the paths of the entries that
// are not simply staged: a conflict's and intent-to-add ones (unsure), and
// of those, the paths in conflict (unmerged).
//
// The files are es itself when every entry is simply staged (the usual
// case), else es filtered in place: es is the caller's no more.
func stagedEntries(es []indexEntry) (files []indexEntry, unsure, unmerged []string) {
	first := len(es) // the first entry not simply staged
	for i := range es {
		if es[i].stage != 0 || es[i].intentToAdd {
			first = i
			break
		}
	}
	if first == len(es) {
		return es, nil, nil
	}
	// From the first of its path's entries: before it, every path has one
	// entry, simply staged, kept. From there, files (es[:len(files)]) is
	// written no further than the path being read.
	for first > 0 && es[first-1].name == es[first].name {
		first--
	}
	files = es[:first]
	for i := first; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].name == es[i].name {
			j++
		}
		// es[i:j] are the stages of one path, by stage.
		pick := -1
		for k := i; k < j; k++ {
			e := es[k]
			if e.stage != 0 || e.intentToAdd {
				if len(unsure) == 0 || unsure[len(unsure)-1] != e.name {
					unsure = append(unsure, e.name)
				}
			}
			if e.stage != 0 && (len(unmerged) == 0 || unmerged[len(unmerged)-1] != e.name) {
				unmerged = append(unmerged, e.name)
			}
			if e.intentToAdd {
				continue
			}
			if e.stage == 0 || (e.stage == 2 && pick < 0) {
				pick = k
			}
		}
		if pick >= 0 {
			files = append(files, es[pick])
		}
		i = j
	}
	return files, unsure, unmerged
}

// IndexFS reads the index (see Index) and returns its FS. To read both the
// staged content and the staged paths, read the index once with Index.
func (r *Repo) IndexFS() (fs.FS, error) {
	ix, err := r.Index()
	if err != nil {
		return nil, err
	}
	return ix.FS(), nil
}

// StagedPaths reads the index (see Index) and returns its Changed paths.
func (r *Repo) StagedPaths() ([]string, error) {
	ix, err := r.Index()
	if err != nil {
		return nil, err
	}
	return ix.Changed()
}

// FS returns the staged content as a read-only fs.FS of slash paths
// relative to the repository root. File contents come from the object
// store, where git add (and git commit -a, for its temporary index) has
// written them; a folder exists when a staged file is below it.
func (ix *Index) FS() fs.FS {
	return &gitFS{r: ix.r, src: &indexSource{files: ix.files}, modTime: ix.modTime}
}

// indexSource is the index seen as a tree, looked up by binary search in
// its sorted entries.
type indexSource struct {
	files []indexEntry
}

// under returns the range of s.files whose paths start with prefix.
func (s *indexSource) under(prefix string) (lo, hi int) {
	return entriesUnder(s.files, prefix)
}

// entriesUnder returns the range of es (sorted by path) whose paths start
// with prefix.
func entriesUnder(es []indexEntry, prefix string) (lo, hi int) {
	lo = sort.Search(len(es), func(i int) bool { return es[i].name >= prefix })
	hi = lo + sort.Search(len(es)-lo, func(i int) bool { return !strings.HasPrefix(es[lo+i].name, prefix) })
	return lo, hi
}

func (s *indexSource) lookup(name string) (entry, error) {
	if name == "." {
		return entry{name: ".", mode: filemode.Dir}, nil
	}
	i := sort.Search(len(s.files), func(i int) bool { return s.files[i].name >= name })
	if i < len(s.files) && s.files[i].name == name {
		e := s.files[i]
		return entry{name: path.Base(name), mode: e.mode, hash: e.hash}, nil
	}
	if lo, hi := s.under(name + "/"); lo < hi {
		return entry{name: path.Base(name), mode: filemode.Dir}, nil
	}
	return entry{}, fs.ErrNotExist
}

func (s *indexSource) list(name string, _ entry) ([]entry, error) {
	prefix := ""
	if name != "." {
		prefix = name + "/"
	}
	lo, hi := s.under(prefix)
	var out []entry
	forChildren(s.files, prefix, lo, hi, func(c indexChild) {
		e := entry{name: c.name, mode: filemode.Dir}
		if !c.dir {
			e.mode, e.hash = s.files[c.lo].mode, s.files[c.lo].hash
		}
		out = append(out, e)
	})
	out = byName(out)
	// A file and a folder of one name (which git does not write): the
	// file, as lookup finds it.
	keep := out[:0]
	for _, e := range out {
		if n := len(keep); n > 0 && keep[n-1].name == e.name {
			if keep[n-1].isDir() {
				keep[n-1] = e
			}
			continue
		}
		keep = append(keep, e)
	}
	return keep, nil
}

// indexChild is a file or folder directly in an index folder: a file is
// es[lo], a folder the entries es[lo:hi], and its path and a slash prefix
// (cut from its first entry's path).
type indexChild struct {
	name   string
	dir    bool
	lo, hi int
	prefix string
}

// forChildren calls fn for each file and folder directly in the folder
// whose entries es[lo:hi] are (prefix is its path and a slash, or "" for
// the top), in git's order.
func forChildren(es []indexEntry, prefix string, lo, hi int, fn func(indexChild)) {
	for i := lo; i < hi; {
		rest := es[i].name[len(prefix):]
		slash := strings.IndexByte(rest, '/')
		if slash < 0 {
			fn(indexChild{name: rest, lo: i, hi: i + 1})
			i++
			continue
		}
		sub := es[i].name[:len(prefix)+slash+1]
		end := i + sort.Search(hi-i, func(k int) bool { return !strings.HasPrefix(es[i+k].name, sub) })
		fn(indexChild{name: rest[:slash], dir: true, lo: i, hi: end, prefix: sub})
		i = end
	}
}

// Changed returns the slash paths whose staged content differs from
// HEAD's: added, modified (content or mode) or deleted, sorted. In a
// repository with no commits yet, every staged path.
//
// It does not read all of HEAD's tree: it takes the tree object git would
// write for each staged folder from the index's cache tree, where git
// keeps it valid (git commit writes those trees as they are), else
// computes it, and goes into HEAD's folder only when the two differ. A
// folder holding a conflict or an intent-to-add entry, whose tree git
// would not write as it stands, is compared entry by entry.
//
// It is worked out once: the slice returned is shared, and not to be
// changed.
func (ix *Index) Changed() ([]string, error) {
	ix.changedOnce.Do(func() {
		head, ok, err := ix.r.headTree()
		if err != nil {
			ix.changedErr = err
			return
		}
		ix.changed, ix.changedErr = ix.changedFrom(head, ok)
	})
	return ix.changed, ix.changedErr
}

// ChangedSince returns the slash paths whose staged content differs from
// that of commit (a full hash), as Changed does for HEAD: added, modified
// (content or mode) or deleted since, sorted. Only the folders whose tree
// differs are read.
func (ix *Index) ChangedSince(commit string) ([]string, error) {
	tree, err := ix.r.commitTree(plumbing.NewHash(commit))
	if err != nil {
		return nil, err
	}
	return ix.changedFrom(tree, true)
}

// changedFrom is Changed against the tree head (ok false: there is none,
// and every staged path is new).
func (ix *Index) changedFrom(head plumbing.Hash, ok bool) ([]string, error) {
	if !ok {
		// No commits yet: everything staged is new.
		out := make([]string, len(ix.files))
		for i, e := range ix.files {
			out[i] = e.name
		}
		return out, nil
	}
	d, err := ix.diff(head)
	if err != nil {
		return nil, err
	}
	return d.out, nil
}

// diff compares the index with the tree head, returning the comparison:
// the paths that differ, sorted, in out.
func (ix *Index) diff(head plumbing.Hash) (*indexDiff, error) {
	d := &indexDiff{ix: ix, trees: newTreeCache(ix.r, 0), cache: ix.cacheTree()}
	if err := d.folder("", 0, len(ix.files), 0, d.cache.root(), head); err != nil {
		return nil, err
	}
	sort.Strings(d.out)
	return d, nil
}

// headTree returns the hash of HEAD's tree, and false in a repository with
// no commits yet. The commit is read with readObject, straight from the
// packs: go-git's object storage would first load and hash its pack
// indexes, which takes longer than the rest of Changed.
func (r *Repo) headTree() (plumbing.Hash, bool, error) {
	ref, err := r.repo.Head()
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		return plumbing.ZeroHash, false, nil
	case err != nil:
		return plumbing.ZeroHash, false, fmt.Errorf("HEAD: %w", err)
	}
	h, err := r.commitTree(ref.Hash())
	if err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("HEAD: %w", err)
	}
	return h, true, nil
}

// commitTree returns the hash of the tree of commit c, read straight from
// the commit object (see headTree).
func (r *Repo) commitTree(c plumbing.Hash) (plumbing.Hash, error) {
	data, err := r.readObject(plumbing.CommitObject, c)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	name, ok := bytes.CutPrefix(line, []byte("tree "))
	var h plumbing.Hash
	if n, err := hex.Decode(h[:], name); !ok || err != nil || n != len(h) || len(name) != 2*len(h) {
		return plumbing.ZeroHash, fmt.Errorf("commit %s: no tree on its first line", c)
	}
	return h, nil
}

// indexDiff compares the index's folders with HEAD's trees.
type indexDiff struct {
	ix    *Index
	trees *treeCache
	cache *cacheTree // the index's cache tree, or nil
	// hashes are the tree hashes of the index folders worked out (those the
	// cache tree does not give), by where the folder is.
	hashes map[folderAt]plumbing.Hash
	bufs   [][]byte // a tree buffer for each depth
	out    []string
	hashed int // how many folders were hashed from their entries
}

// folderAt names an index folder by its depth and its first entry: a
// folder's entries start where those of its first subfolder start, one
// level down.
type folderAt struct{ lo, depth int }

// folder adds to d.out the paths that differ between the index folder
// whose entries are files[lo:hi] (prefix is its path and a slash, or ""
// for the top; depth its depth, node its node in the cache tree) and
// HEAD's tree head of the same folder.
func (d *indexDiff) folder(prefix string, lo, hi, depth, node int, head plumbing.Hash) error {
	if h, ok := d.treeHash(prefix, lo, hi, depth, node); ok && h == head {
		return nil
	}
	raw, err := d.trees.raw(head)
	if err != nil {
		return err
	}
	// HEAD's entries, walked in step with the index's children, read in
	// place (no entry copied, no name allocated): he is the next.
	it := treeIter{data: raw}
	var he struct {
		name []byte
		mode filemode.FileMode
		hash []byte
		ok   bool
	}
	next := func() { he.name, he.mode, he.hash, he.ok = it.next() }
	next()
	files := d.ix.files
	// headOnly adds the paths of HEAD's entry he, gone from the index.
	headOnly := func() error {
		if he.mode == filemode.Dir {
			var h plumbing.Hash
			copy(h[:], he.hash)
			return d.treePaths(h, prefix+string(he.name)+"/")
		}
		d.out = append(d.out, prefix+string(he.name))
		return nil
	}
	var walkErr error
	forChildren(files, prefix, lo, hi, func(c indexChild) {
		if walkErr != nil {
			return
		}
		// HEAD's entries before this child are gone from the index.
		for he.ok && lint.TreeOrder(he.name, he.mode == filemode.Dir, c.name, c.dir) < 0 {
			if walkErr = headOnly(); walkErr != nil {
				return
			}
			next()
		}
		same := he.ok && string(he.name) == c.name && (he.mode == filemode.Dir) == c.dir
		switch {
		case c.dir && same:
			var h plumbing.Hash
			copy(h[:], he.hash)
			walkErr = d.folder(c.prefix, c.lo, c.hi, depth+1, d.cache.child(node, c.name), h)
		case c.dir:
			for _, e := range files[c.lo:c.hi] {
				d.out = append(d.out, e.name)
			}
		case same:
			if e := files[c.lo]; !bytes.Equal(e.hash[:], he.hash) || e.mode != he.mode {
				d.out = append(d.out, e.name)
			}
		default:
			d.out = append(d.out, files[c.lo].name)
		}
		if same {
			next()
		}
	})
	if walkErr != nil {
		return walkErr
	}
	for ; he.ok; next() {
		if err := headOnly(); err != nil {
			return err
		}
	}
	if it.err != nil {
		return fmt.Errorf("tree %s: %w", head, it.err)
	}
	return nil
}

// treePaths adds to d.out the paths of the files under HEAD's tree h,
// whose path and a slash prefix is.
func (d *indexDiff) treePaths(h plumbing.Hash, prefix string) error {
	es, err := d.trees.get(h)
	if err != nil {
		return err
	}
	for _, e := range es {
		if e.isDir() {
			if err := d.treePaths(e.hash, prefix+e.name+"/"); err != nil {
				return err
			}
			continue
		}
		d.out = append(d.out, prefix+e.name)
	}
	return nil
}

// treeHash returns the hash of the tree object git would write for the
// index folder whose entries are files[lo:hi] (prefix is its path and a
// slash, or "" for the top; depth its depth, node its node in the cache
// tree), and false when git would not write it as it stands: it holds a
// conflict or an intent-to-add entry.
//
// A valid node of the cache tree is the tree git would write (git commit
// writes it), and is taken as it is; a folder without one is hashed from
// its entries, and its subfolders' nodes.
func (d *indexDiff) treeHash(prefix string, lo, hi, depth, node int) (plumbing.Hash, bool) {
	if i, j := entriesUnderNames(d.ix.unsure, prefix); i < j {
		return plumbing.ZeroHash, false
	}
	if h, ok := d.cache.valid(node, hi-lo); ok {
		return h, true
	}
	at := folderAt{lo: lo, depth: depth}
	if h, ok := d.hashes[at]; ok {
		return h, true
	}
	for len(d.bufs) <= depth {
		d.bufs = append(d.bufs, nil)
	}
	files := d.ix.files
	ok := true
	// The tree object's content, after room for its header.
	buf := append(d.bufs[depth][:0], make([]byte, treeHeaderRoom)...)
	forChildren(files, prefix, lo, hi, func(c indexChild) {
		if !ok {
			return
		}
		mode, h := filemode.Dir, plumbing.ZeroHash
		if c.dir {
			h, ok = d.treeHash(c.prefix, c.lo, c.hi, depth+1, d.cache.child(node, c.name))
		} else {
			mode, h = files[c.lo].mode, files[c.lo].hash
		}
		// git's tree entry: "<octal mode> <name>\0<hash>", in git's order,
		// which is the index's.
		buf = strconv.AppendUint(buf, uint64(mode), 8)
		buf = append(buf, ' ')
		buf = append(buf, c.name...)
		buf = append(buf, 0)
		buf = append(buf, h[:]...)
	})
	d.bufs[depth] = buf
	if !ok {
		return plumbing.ZeroHash, false
	}
	h := treeObjectHash(buf)
	d.hashed++
	if d.hashes == nil {
		d.hashes = map[folderAt]plumbing.Hash{}
	}
	d.hashes[at] = h
	return h, true
}

// treeHeaderRoom is the room treeObjectHash wants before a tree's content
// for the object's header ("tree <size>\x00").
const treeHeaderRoom = 32

// treeObjectHash returns the hash of the tree object whose content is
// buf[treeHeaderRoom:], writing its header into the room before it.
//
// For a SHA-1 repository it is crypto/sha1's hash, without the hasher
// go-git's plumbing.ComputeHash allocates for each object, and without its
// collision detection (sha1cd), which guards objects read from others:
// this hash is of a tree made here from the index, compared with HEAD's
// tree hash only to skip reading a folder that did not change.
func treeObjectHash(buf []byte) plumbing.Hash {
	content := buf[treeHeaderRoom:]
	var hdr [treeHeaderRoom]byte
	head := append(hdr[:0], "tree "...)
	head = strconv.AppendInt(head, int64(len(content)), 10)
	head = append(head, 0)
	obj := buf[treeHeaderRoom-len(head):]
	copy(obj, head)
	if hash.CryptoType != crypto.SHA1 {
		return plumbing.ComputeHash(plumbing.TreeObject, content)
	}
	sum := sha1.Sum(obj)
	var h plumbing.Hash
	copy(h[:], sum[:])
	return h
}

// entriesUnderNames returns the range of names (sorted) that start with
// prefix.
func entriesUnderNames(names []string, prefix string) (lo, hi int) {
	lo = sort.SearchStrings(names, prefix)
	hi = lo + sort.Search(len(names)-lo, func(i int) bool { return !strings.HasPrefix(names[lo+i], prefix) })
	return lo, hi
}

// Submodules returns the paths of the submodules (gitlinks) staged in the
// index, in git's order, at or below the slash paths of scope (all when
// scope is empty; "." is the whole tree).
func (ix *Index) Submodules(scope ...string) []string {
	var out []string
	for _, e := range ix.files {
		if e.mode == filemode.Submodule && inScope(e.name, scope) {
			out = append(out, e.name)
		}
	}
	return out
}
