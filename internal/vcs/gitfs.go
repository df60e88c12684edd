package vcs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// errSymlink is the error of opening a symbolic link: caselint never
// follows them.
var errSymlink = errors.New("symbolic link not followed")

// source is a tree of entries an FS shows: a commit's tree or the index.
type source interface {
	// lookup returns the entry at name (a valid fs path; "." is the root,
	// a folder).
	lookup(name string) (entry, error)
	// list returns the entries of the folder e at name, sorted by name.
	list(name string, e entry) ([]entry, error)
}

// gitFS is a read-only fs.FS over a source, reading files lazily from the
// object store. Symbolic links are reported as such (Stat does not follow
// them) and cannot be opened; a submodule is an empty folder.
type gitFS struct {
	r       *Repo
	src     source
	modTime time.Time
}

var (
	_ fs.FS         = (*gitFS)(nil)
	_ fs.StatFS     = (*gitFS)(nil)
	_ fs.ReadDirFS  = (*gitFS)(nil)
	_ fs.ReadFileFS = (*gitFS)(nil)
)

func (f *gitFS) lookup(op, name string) (entry, error) {
	if !fs.ValidPath(name) {
		return entry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	e, err := f.src.lookup(name)
	if err != nil {
		return entry{}, &fs.PathError{Op: op, Path: name, Err: err}
	}
	if name == "." {
		e.name = "."
	}
	return e, nil
}

func (f *gitFS) Open(name string) (fs.File, error) {
	e, err := f.lookup("open", name)
	if err != nil {
		return nil, err
	}
	switch {
	case e.mode == filemode.Symlink:
		return nil, &fs.PathError{Op: "open", Path: name, Err: errSymlink}
	case e.isDir() || e.mode == filemode.Submodule:
		return &gitDir{fsys: f, path: name, e: e}, nil
	}
	return &gitFile{fsys: f, path: name, e: e}, nil
}

func (f *gitFS) Stat(name string) (fs.FileInfo, error) {
	e, err := f.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := f.info(e)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return fi, nil
}

// LstatType is the type of name (lint.TypeFS): its Stat's Mode().Type(),
// without reading its blob for its size.
func (f *gitFS) LstatType(name string) (fs.FileMode, error) {
	e, err := f.lookup("lstat", name)
	if err != nil {
		return 0, err
	}
	return fsMode(e.mode).Type(), nil
}

func (f *gitFS) ReadDir(name string) ([]fs.DirEntry, error) {
	e, err := f.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	des, err := f.readDir(name, e)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return des, nil
}

func (f *gitFS) ReadFile(name string) ([]byte, error) {
	e, err := f.lookup("read", name)
	if err != nil {
		return nil, err
	}
	switch {
	case e.mode == filemode.Symlink:
		return nil, &fs.PathError{Op: "read", Path: name, Err: errSymlink}
	case e.isDir() || e.mode == filemode.Submodule:
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	data, err := f.r.readBlob(e.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

var (
	errIsDir  = errors.New("is a directory")
	errNotDir = errors.New("not a directory")
)

func (f *gitFS) readDir(name string, e entry) ([]fs.DirEntry, error) {
	if !e.isDir() {
		if e.mode == filemode.Submodule {
			return []fs.DirEntry{}, nil
		}
		return nil, errNotDir
	}
	es, err := f.src.list(name, e)
	if err != nil {
		return nil, err
	}
	out := make([]fs.DirEntry, len(es))
	for i, c := range es {
		out[i] = dirEntry{fsys: f, e: c}
	}
	return out, nil
}

// info returns e's FileInfo, finding a file's size in the object store.
func (f *gitFS) info(e entry) (fs.FileInfo, error) {
	fi := &fileInfo{e: e, modTime: f.modTime}
	if !e.isDir() && e.mode != filemode.Submodule {
		n, err := f.r.objectSize(e.hash)
		if err != nil {
			return nil, err
		}
		fi.size = n
	}
	return fi, nil
}

// fsMode is the fs.FileMode of a git mode.
func fsMode(m filemode.FileMode) fs.FileMode {
	switch m {
	case filemode.Dir, filemode.Submodule:
		return fs.ModeDir | 0o755
	case filemode.Executable:
		return 0o755
	case filemode.Symlink:
		return fs.ModeSymlink | 0o777
	}
	return 0o644
}

type fileInfo struct {
	e       entry
	size    int64
	modTime time.Time
}

func (fi *fileInfo) Name() string       { return fi.e.name }
func (fi *fileInfo) Size() int64        { return fi.size }
func (fi *fileInfo) Mode() fs.FileMode  { return fsMode(fi.e.mode) }
func (fi *fileInfo) ModTime() time.Time { return fi.modTime }
func (fi *fileInfo) IsDir() bool        { return fi.Mode().IsDir() }
func (fi *fileInfo) Sys() any           { return nil }

type dirEntry struct {
	fsys *gitFS
	e    entry
}

func (d dirEntry) Name() string               { return d.e.name }
func (d dirEntry) IsDir() bool                { return fsMode(d.e.mode).IsDir() }
func (d dirEntry) Type() fs.FileMode          { return fsMode(d.e.mode).Type() }
func (d dirEntry) Info() (fs.FileInfo, error) { return d.fsys.info(d.e) }
func (d dirEntry) String() string             { return fs.FormatDirEntry(d) }

// gitFile is an open regular file, read from its blob on first Read.
type gitFile struct {
	fsys   *gitFS
	path   string
	e      entry
	rd     *bytes.Reader
	closed bool
}

func (f *gitFile) Stat() (fs.FileInfo, error) {
	if f.closed {
		return nil, &fs.PathError{Op: "stat", Path: f.path, Err: fs.ErrClosed}
	}
	if f.rd != nil {
		return &fileInfo{e: f.e, size: f.rd.Size(), modTime: f.fsys.modTime}, nil
	}
	fi, err := f.fsys.info(f.e)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: f.path, Err: err}
	}
	return fi, nil
}

func (f *gitFile) load() error {
	if f.closed {
		return fs.ErrClosed
	}
	if f.rd == nil {
		data, err := f.fsys.r.readBlob(f.e.hash)
		if err != nil {
			return err
		}
		f.rd = bytes.NewReader(data)
	}
	return nil
}

func (f *gitFile) Read(p []byte) (int, error) {
	if err := f.load(); err != nil {
		return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
	}
	return f.rd.Read(p)
}

func (f *gitFile) ReadAt(p []byte, off int64) (int, error) {
	if err := f.load(); err != nil {
		return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
	}
	return f.rd.ReadAt(p, off)
}

func (f *gitFile) Seek(off int64, whence int) (int64, error) {
	if err := f.load(); err != nil {
		return 0, &fs.PathError{Op: "seek", Path: f.path, Err: err}
	}
	return f.rd.Seek(off, whence)
}

func (f *gitFile) Close() error {
	if f.closed {
		return &fs.PathError{Op: "close", Path: f.path, Err: fs.ErrClosed}
	}
	f.closed = true
	f.rd = nil
	return nil
}

// gitDir is an open folder.
type gitDir struct {
	fsys    *gitFS
	path    string
	e       entry
	entries []fs.DirEntry
	read    bool
	closed  bool
}

func (d *gitDir) Stat() (fs.FileInfo, error) {
	if d.closed {
		return nil, &fs.PathError{Op: "stat", Path: d.path, Err: fs.ErrClosed}
	}
	return &fileInfo{e: d.e, modTime: d.fsys.modTime}, nil
}

func (d *gitDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errIsDir}
}

func (d *gitDir) Close() error {
	if d.closed {
		return &fs.PathError{Op: "close", Path: d.path, Err: fs.ErrClosed}
	}
	d.closed = true
	return nil
}

func (d *gitDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.closed {
		return nil, &fs.PathError{Op: "readdir", Path: d.path, Err: fs.ErrClosed}
	}
	if !d.read {
		des, err := d.fsys.readDir(d.path, d.e)
		if err != nil {
			return nil, &fs.PathError{Op: "readdir", Path: d.path, Err: err}
		}
		d.entries, d.read = des, true
	}
	if n <= 0 {
		out := d.entries
		d.entries = nil
		if out == nil {
			out = []fs.DirEntry{}
		}
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n:n]
	d.entries = d.entries[n:]
	return out, nil
}

// treeSource is a commit's tree, decoded folder by folder as it is asked
// for.
type treeSource struct {
	root plumbing.Hash

	mu    sync.Mutex
	trees *treeCache // unbounded: one commit's folders
	named map[plumbing.Hash][]entry
}

func newTreeSource(r *Repo, root plumbing.Hash) *treeSource {
	return &treeSource{root: root, trees: newTreeCache(r, 0), named: map[plumbing.Hash][]entry{}}
}

// entries returns tree h's entries sorted by name.
func (s *treeSource) entries(h plumbing.Hash) ([]entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if es, ok := s.named[h]; ok {
		return es, nil
	}
	es, err := s.trees.get(h)
	if err != nil {
		return nil, err
	}
	es = byName(es)
	s.named[h] = es
	return es, nil
}

func (s *treeSource) lookup(name string) (entry, error) {
	e := entry{name: ".", mode: filemode.Dir, hash: s.root}
	if name == "." {
		return e, nil
	}
	for _, part := range strings.Split(name, "/") {
		if !e.isDir() {
			return entry{}, fs.ErrNotExist
		}
		es, err := s.entries(e.hash)
		if err != nil {
			return entry{}, err
		}
		i := sort.Search(len(es), func(i int) bool { return es[i].name >= part })
		if i == len(es) || es[i].name != part {
			return entry{}, fs.ErrNotExist
		}
		e = es[i]
	}
	return e, nil
}

func (s *treeSource) list(_ string, e entry) ([]entry, error) {
	return s.entries(e.hash)
}

// CommitFS returns the tree of the commit rev (see ResolveRevision) as a
// read-only fs.FS of slash paths relative to the repository root. Files are
// read from their blobs only when read; symbolic links are reported with
// fs.ModeSymlink and never followed (opening one fails).
func (r *Repo) CommitFS(rev string) (fs.FS, error) {
	c, err := r.resolve(rev)
	if err != nil {
		return nil, err
	}
	return &gitFS{r: r, src: newTreeSource(r, c.tree), modTime: c.when}, nil
}

// inScope reports whether the slash path p is at or below one of scope,
// or scope is empty ("." is the whole tree).
func inScope(p string, scope []string) bool {
	if len(scope) == 0 {
		return true
	}
	for _, s := range scope {
		if s == "." || p == s || strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}

// Submodules returns the paths of the submodules (gitlinks) in the commit
// rev (see ResolveRevision), or in the index when rev is "", in git's
// order, at or below the slash paths of scope (all when scope is empty; "."
// is the whole tree). A submodule's records are in its own repository,
// which neither CommitFS nor the index reads: there, a submodule is an
// empty folder.
func (r *Repo) Submodules(rev string, scope ...string) ([]string, error) {
	within := func(p string) bool { return inScope(p, scope) }
	if rev == "" {
		ix, err := r.Index()
		if err != nil {
			return nil, err
		}
		return ix.Submodules(scope...), nil
	}
	// Above a scope path: a folder to go down into, not yet in scope.
	above := func(dir string) bool {
		for _, s := range scope {
			if strings.HasPrefix(s, dir+"/") {
				return true
			}
		}
		return false
	}
	c, err := r.resolve(rev)
	if err != nil {
		return nil, err
	}
	src := newTreeSource(r, c.tree)
	var out []string
	var walk func(prefix string, h plumbing.Hash) error
	walk = func(prefix string, h plumbing.Hash) error {
		es, err := src.trees.get(h)
		if err != nil {
			return err
		}
		for _, e := range es {
			p := prefix + e.name
			switch {
			case e.mode == filemode.Submodule && within(p):
				out = append(out, p)
			case e.mode == filemode.Dir && (within(p) || above(p)):
				if err := walk(p+"/", e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk("", c.tree); err != nil {
		return nil, err
	}
	return out, nil
}
