// Package vcs is caselint's one door to git, through go-git: it never runs
// the git command.
//
// A Repo is opened once on a path inside a work tree (a linked worktree made
// by git worktree add too). It gives the records as they stand at a commit
// (CommitFS) or as they are staged (Index, read once from the index file:
// its FS and the paths it Changed from HEAD; it honours GIT_INDEX_FILE as
// git sets it for hooks), and the records' history (History), built in one
// pass over the commits.
//
// A Repo and what it returns are safe for use by several goroutines at once:
// reads from the object store are serialised.
package vcs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Root returns the top of the work tree that holds path, and false when
// path is in no git repository. Linked worktrees (git worktree add) and
// submodules (whose .git is a file naming their git folder) are found too.
// It only finds the work tree: a repository Open cannot read (see Open)
// still has its root.
func Root(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	loc, err := findRepo(abs)
	if err != nil {
		return "", false
	}
	return loc.workTree, true
}

// ErrNotRepository is the error of Open for a path in no git repository.
var ErrNotRepository = errors.New("not in a git repository")

// ErrSHA256 is the error of Open for a repository whose objects are named
// by SHA-256 hashes (git init --object-format=sha256): go-git, and so
// caselint, reads SHA-1 repositories only.
var ErrSHA256 = errors.New("the repository uses SHA-256 object names (extensions.objectFormat = sha256), which caselint cannot read yet: lint the work tree (caselint lint, without --staged or --rev), which checks the records without their git history")

// ErrShallow is the error of History in a shallow clone: the commits that
// first brought the records in are not there, so their history would be
// wrong.
var ErrShallow = errors.New("the repository is a shallow clone: its history is incomplete; fetch more history (git fetch --unshallow)")

// MissingObject reports whether err says an object is not in the
// repository (a partial clone has not fetched it, or the repository is
// damaged), so that callers outside this package need not import go-git.
func MissingObject(err error) bool { return errors.Is(err, plumbing.ErrObjectNotFound) }

// Repo is a git repository with a work tree.
type Repo struct {
	repo   *git.Repository
	root   string
	closer io.Closer // the storage's open pack files, or nil

	gitDir      billy.Filesystem // the git folder (with its common folder)
	altFS       billy.Filesystem // where alternate object folders are found
	packs       *packSet         // read straight from packs; see packs.go
	packsOpened bool
	maxSize     int64 // the size limit on blobs read; see SetMaxFileSize
	// sizes are the sizes of the objects objectSize found, which a file's
	// Stat, its open file's Stat and its read each ask for.
	sizes map[plumbing.Hash]int64

	// mu serialises reads from the object store, which go-git does not
	// promise to be safe for concurrent use.
	mu sync.Mutex

	// compare, when its chunk is set, is how compareCommits shares out
	// the commits (tests: a small history compared by many workers).
	compare struct{ chunk, workers int }
}

// Open opens the repository whose work tree holds path (a folder or a file,
// at any depth). Linked worktrees are opened through their common git
// folder, a submodule through its own git folder. It fails when path is in
// no repository (ErrNotRepository), for a bare repository, which has no
// work tree, and for a repository in a format caselint cannot read:
// SHA-256 objects (ErrSHA256) or a git extension it does not know (the
// error names it). The extension worktreeConfig, which git sparse-checkout
// sets, only lets each worktree have settings of its own (config.worktree),
// none of which caselint uses: such a repository is read as any other.
// Alternates (objects/info/alternates: git clone --shared, --reference)
// are read whether their paths are absolute or relative.
func Open(path string) (*Repo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	loc, err := findRepo(abs)
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%s: %w", path, ErrNotRepository)
		}
		return nil, fmt.Errorf("%s: opening the git repository: %w", path, err)
	}
	dot := osfs.New(loc.gitDir)
	objects := filepath.Join(loc.gitDir, "objects")
	if loc.commonDir != "" {
		dot = dotgit.NewRepositoryFilesystem(dot, osfs.New(loc.commonDir))
		objects = filepath.Join(loc.commonDir, "objects")
	}
	altDot := &alternatesFS{Filesystem: dot, objects: objects}
	if err := altDot.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dot = altDot
	r := &Repo{root: loc.workTree, gitDir: dot}
	// Alternates name object folders by absolute path (alternatesFS makes
	// relative ones absolute), which go-git reaches only through a file
	// system from the root. The pack files are kept open: go-git otherwise
	// opens and closes a pack for every object it reads from it.
	r.altFS = osfs.New(filepath.VolumeName(loc.workTree) + string(filepath.Separator))
	st := filesystem.NewStorageWithOptions(dot, cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true, AlternatesFS: r.altFS})
	cfg, err := st.Config()
	if err != nil {
		_ = st.Close()
		return nil, fmt.Errorf("%s: reading the git configuration: %w", path, err)
	}
	if err := checkExtensions(cfg); err != nil {
		_ = st.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	repo, err := git.Open(readableStorage{st}, osfs.New(loc.workTree))
	if err != nil {
		_ = st.Close()
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%s: %w", path, ErrNotRepository)
		}
		return nil, fmt.Errorf("%s: opening the git repository: %w", path, err)
	}
	r.repo, r.closer = repo, st
	return r, nil
}

// repoLocation is where a work tree's repository is.
type repoLocation struct {
	workTree  string // the top of the work tree
	gitDir    string // its git folder (a linked worktree's or submodule's own)
	commonDir string // the common git folder of a linked worktree, or ""
}

// findRepo finds the repository whose work tree holds abs, as git does:
// the nearest folder at or above it with a .git folder, or a .git file
// naming the git folder ("gitdir: ..."; linked worktrees, submodules),
// whose commondir file names the folder it shares with the main worktree.
func findRepo(abs string) (repoLocation, error) {
	dir := abs
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		st, err := os.Stat(filepath.Join(dir, git.GitDirName))
		if err == nil {
			loc := repoLocation{workTree: dir}
			if st.IsDir() {
				loc.gitDir = filepath.Join(dir, git.GitDirName)
			} else if loc.gitDir, err = readGitFile(dir); err != nil {
				return repoLocation{}, err
			}
			if loc.commonDir, err = readCommonDir(loc.gitDir); err != nil {
				return repoLocation{}, err
			}
			return loc, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return repoLocation{}, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return repoLocation{}, git.ErrRepositoryNotExists
		}
		dir = parent
	}
}

// readGitFile reads the .git file of the work tree dir: the git folder it
// names, relative to dir or absolute.
func readGitFile(dir string) (string, error) {
	data, err := readSmallFile(filepath.Join(dir, git.GitDirName))
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	gitDir, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	gitDir = strings.TrimSpace(gitDir)
	if !ok || gitDir == "" {
		return "", errors.New(".git file has no gitdir: line")
	}
	if !filepath.IsAbs(gitDir) {
		gitDir = filepath.Join(dir, gitDir)
	}
	if st, err := os.Stat(gitDir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("the .git file names a git folder that is not there: %w", git.ErrRepositoryIncomplete)
	}
	return gitDir, nil
}

// readCommonDir returns the common git folder the commondir file of
// gitDir names, or "" when there is none.
func readCommonDir(gitDir string) (string, error) {
	data, err := readSmallFile(filepath.Join(gitDir, "commondir"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	common := strings.TrimSpace(string(data))
	if common == "" {
		return "", nil
	}
	if !filepath.IsAbs(common) {
		common = filepath.Join(gitDir, common)
	}
	if st, err := os.Stat(common); err != nil || !st.IsDir() {
		return "", git.ErrRepositoryIncomplete
	}
	return common, nil
}

// readSmallFile reads a file git keeps a path in: a regular file of at
// most 64 KB.
func readSmallFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", filepath.Base(name))
	}
	data, err := io.ReadAll(io.LimitReader(f, 64<<10))
	return data, err
}

// Extensions (lowercase, as go-git gives them) a repository may have that
// change nothing of what caselint reads: worktreeConfig adds a
// config.worktree file caselint has no use for; preciousObjects only stops
// a prune; noop does nothing.
var harmlessExtensions = map[string]bool{"worktreeconfig": true, "preciousobjects": true, "noop": true}

// checkExtensions refuses a repository with a git extension caselint
// cannot honour, saying which.
func checkExtensions(cfg *config.Config) error {
	if cfg.Raw == nil || !cfg.Raw.HasSection("extensions") {
		return nil
	}
	var unknown []string
	for _, o := range cfg.Raw.Section("extensions").Options {
		key, val := strings.ToLower(o.Key), strings.ToLower(strings.TrimSpace(o.Value))
		switch {
		case key == "objectformat" && (val == "sha1" || val == ""):
		case key == "objectformat" && val == "sha256":
			return ErrSHA256
		case harmlessExtensions[key]:
		default:
			unknown = append(unknown, o.Key+" = "+o.Value)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("the repository uses git extensions caselint cannot read (%s): lint the work tree (caselint lint, without --staged or --rev), which checks the records without their git history", strings.Join(unknown, ", "))
	}
	return nil
}

// readableStorage is the repository's storage with the extensions
// checkExtensions found harmless taken out of the configuration go-git
// sees, which would otherwise refuse them (go-git v5 knows no extension
// but noop, and reads "worktreeConfig" as an unknown "worktreeconfig").
type readableStorage struct {
	*filesystem.Storage
}

func (s readableStorage) Config() (*config.Config, error) {
	cfg, err := s.Storage.Config()
	if err != nil || cfg.Raw == nil || !cfg.Raw.HasSection("extensions") {
		return cfg, err
	}
	sec := cfg.Raw.Section("extensions")
	kept := sec.Options[:0:0]
	for _, o := range sec.Options {
		if !harmlessExtensions[strings.ToLower(o.Key)] {
			kept = append(kept, o)
		}
	}
	sec.Options = kept
	return cfg, nil
}

// alternatesFS is a git folder whose objects/info/alternates file is read
// with its relative paths made absolute, relative to the objects folder as
// git takes them: go-git would take them from the root of the file system.
// Blank lines and comments (#) are left out, as git leaves them.
type alternatesFS struct {
	billy.Filesystem
	objects string // the objects folder, absolute
}

const alternatesFile = "objects/info/alternates"

func (f *alternatesFS) Open(name string) (billy.File, error) {
	if filepath.ToSlash(filepath.Clean(name)) != alternatesFile {
		return f.Filesystem.Open(name)
	}
	paths, err := f.alternates()
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, p := range paths {
		out = append(out, p+"\n"...)
	}
	return &memFile{name: name, Reader: bytes.NewReader(out)}, nil
}

// alternates returns the object folders the alternates file names,
// absolute.
func (f *alternatesFS) alternates() ([]string, error) {
	file, err := f.Filesystem.Open(alternatesFile)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(file, 1<<20))
	_ = file.Close()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !filepath.IsAbs(line) {
			line = filepath.Join(f.objects, line)
		}
		out = append(out, line)
	}
	return out, nil
}

// check fails when an object folder the alternates file names is not
// there: the objects the repository borrows from it (git clone --shared,
// --reference) are missing, and every read of them would only say "object
// not found".
func (f *alternatesFS) check() error {
	paths, err := f.alternates()
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading .git/%s: %w", alternatesFile, err)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			return fmt.Errorf("an object folder that .git/%s names is not there, so the objects this repository borrows from it (git clone --shared or --reference) are missing: restore that folder, or correct the file", alternatesFile)
		}
	}
	return nil
}

// memFile is a read-only billy.File over bytes.
type memFile struct {
	name string
	*bytes.Reader
}

func (m *memFile) Name() string              { return m.name }
func (m *memFile) Write([]byte) (int, error) { return 0, errors.New("read only") }
func (m *memFile) Close() error              { return nil }
func (m *memFile) Lock() error               { return nil }
func (m *memFile) Unlock() error             { return nil }
func (m *memFile) Truncate(int64) error      { return errors.New("read only") }

// Close closes the files the Repo keeps open. The Repo, and the file
// systems and history it gave, must not be used after.
func (r *Repo) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var err error
	if r.packs != nil {
		err = r.packs.Close()
		r.packs = nil
	}
	if r.closer != nil {
		if e := r.closer.Close(); e != nil && err == nil {
			err = e
		}
		r.closer = nil
	}
	return err
}

// Root returns the absolute path of the top of the work tree.
func (r *Repo) Root() string { return r.root }

// Shallow reports whether the repository is a shallow clone, missing the
// commits behind its shallow boundary.
func (r *Repo) Shallow() (bool, error) {
	hs, err := r.repo.Storer.Shallow()
	if err != nil {
		return false, err
	}
	return len(hs) > 0, nil
}

// Branch returns the short name of the current branch (which may have no
// commits yet), or "" when HEAD is detached.
func (r *Repo) Branch() string {
	ref, err := r.repo.Storer.Reference(plumbing.HEAD)
	if err != nil || ref.Type() != plumbing.SymbolicReference {
		return ""
	}
	if !ref.Target().IsBranch() {
		return ""
	}
	return ref.Target().Short()
}

// Head returns the hash of the commit HEAD points to; it fails in a
// repository with no commits yet.
func (r *Repo) Head() (string, error) {
	ref, err := r.repo.Head()
	if err != nil {
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return "", errors.New("HEAD: the repository has no commits yet")
		}
		return "", fmt.Errorf("HEAD: %w", err)
	}
	return ref.Hash().String(), nil
}

// RemoteURL returns the fetch URL of the remote "origin" without any user
// name or password in it, or "" when there is no such remote. An scp-like
// address (git@host:path) is given as ssh://host/path.
func (r *Repo) RemoteURL() string {
	rem, err := r.repo.Remote("origin")
	if err != nil {
		return ""
	}
	urls := rem.Config().URLs
	if len(urls) == 0 {
		return ""
	}
	return stripUserinfo(urls[0])
}

// stripUserinfo removes the user name and password from a remote URL.
func stripUserinfo(raw string) string {
	if strings.Contains(raw, "://") {
		u, err := url.Parse(raw)
		if err != nil {
			// Unparseable: drop everything up to the last @ of the
			// authority by hand.
			scheme, rest, _ := strings.Cut(raw, "://")
			auth, path, _ := strings.Cut(rest, "/")
			if i := strings.LastIndex(auth, "@"); i >= 0 {
				auth = auth[i+1:]
			}
			if path != "" || strings.HasSuffix(rest, "/") {
				return scheme + "://" + auth + "/" + path
			}
			return scheme + "://" + auth
		}
		u.User = nil
		return u.String()
	}
	// scp-like: [user@]host:path, told apart from a local path by a colon
	// before any slash.
	// The user part ends at the last "@" before the first slash, and may
	// hold a ":" itself (user:password@host:path).
	slash := strings.Index(raw, "/")
	head := raw
	if slash >= 0 {
		head = raw[:slash]
	}
	colon := strings.Index(raw, ":")
	if at := strings.LastIndex(head, "@"); at >= 0 {
		if c := strings.Index(raw[at+1:], ":"); c >= 0 {
			colon = at + 1 + c
		}
	}
	if colon > 0 && (slash < 0 || colon < slash) {
		host, path := raw[:colon], raw[colon+1:]
		if i := strings.LastIndex(host, "@"); i >= 0 {
			host = host[i+1:]
		}
		return "ssh://" + host + "/" + strings.TrimPrefix(path, "/")
	}
	return raw
}

// readObject returns the content of the object h of type t (any type for
// plumbing.AnyObject), which callers must not change: it may be cached.
func (r *Repo) readObject(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	_, data, err := r.readTyped(t, h)
	return data, err
}

// readFrom is readObject reading the packs through ps, a fork of the
// Repo's pack reader (packSet.fork) owned by the calling goroutine,
// without r.mu; what ps cannot read goes to readObject. A nil ps reads
// through readObject alone.
func (r *Repo) readFrom(ps *packSet, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	if ps != nil {
		if _, data, ok, err := readPacked(ps, t, h); ok {
			return data, err
		}
	}
	return r.readObject(t, h)
}

// readPacked reads object h through ps, and checks that it is of type t
// (any type for plumbing.AnyObject). ok is false when ps cannot read it:
// go-git reads it then (or says what is wrong).
func readPacked(ps *packSet, t plumbing.ObjectType, h plumbing.Hash) (_ plumbing.ObjectType, _ []byte, ok bool, _ error) {
	typ, data, err := ps.read(h)
	if err != nil {
		return 0, nil, false, nil
	}
	if t != plumbing.AnyObject && typ != t {
		return 0, nil, true, fmt.Errorf("%s %s: the object is a %s", t, h, typ)
	}
	return typ, data, true, nil
}

// readAny returns the type and content of the object h, which callers
// must not change.
func (r *Repo) readAny(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	return r.readTyped(plumbing.AnyObject, h)
}

func (r *Repo) readTyped(t plumbing.ObjectType, h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ps := r.packSet(); ps != nil {
		if typ, data, ok, err := readPacked(ps, t, h); ok {
			return typ, data, err
		}
	}
	obj, err := r.repo.Storer.EncodedObject(t, h)
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	defer func() { _ = rd.Close() }()
	buf := make([]byte, obj.Size())
	if _, err := io.ReadFull(rd, buf); err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	return obj.Type(), buf, nil
}

// SetMaxFileSize sets the size limit on every blob the Repo and what it
// gives read (records in a commit or the index, versions from the
// history): n bytes, or lint.DefaultMaxFileSize for n <= 0, the default.
// Call it before the Repo is used.
func (r *Repo) SetMaxFileSize(n int64) {
	r.maxSize = n
}

func (r *Repo) maxFileSize() int64 {
	if r.maxSize <= 0 {
		return lint.DefaultMaxFileSize
	}
	return r.maxSize
}

// TooLargeError is the error of reading a blob over the size limit: it is
// not read. It matches lint.ErrTooLarge.
type TooLargeError struct {
	Blob  string // the blob's hash
	Size  int64  // its size in bytes
	Limit int64  // the limit it is over
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("blob %s: %d bytes, over the file size limit of %d bytes (max_file_size): not read", e.Blob, e.Size, e.Limit)
}

func (e *TooLargeError) Is(target error) bool { return target == lint.ErrTooLarge }

// readBlob returns a copy of blob h's content, the caller's to keep. A blob
// over the size limit is not read: its size is found from the object's
// header first, and the error is a *TooLargeError.
func (r *Repo) readBlob(h plumbing.Hash) ([]byte, error) {
	limit := r.maxFileSize()
	if n, err := r.objectSize(h); err == nil && n > limit {
		return nil, &TooLargeError{Blob: h.String(), Size: n, Limit: limit}
	}
	data, err := r.readObject(plumbing.BlobObject, h)
	if err != nil {
		return nil, err
	}
	if n := int64(len(data)); n > limit {
		return nil, &TooLargeError{Blob: h.String(), Size: n, Limit: limit}
	}
	return append([]byte(nil), data...), nil
}

// packSet returns the pack reader, opening it the first time; nil when
// the packs cannot be read directly (all reads then go through go-git).
// r.mu must be held.
func (r *Repo) packSet() *packSet {
	if !r.packsOpened {
		r.packsOpened = true
		if r.gitDir != nil {
			if ps, err := openPacks(r.gitDir, r.altFS); err == nil {
				r.packs = ps
			}
		}
	}
	return r.packs
}

// objectSize returns the size of the object h without reading it all when
// the storage can tell.
func (r *Repo) objectSize(h plumbing.Hash) (int64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n, ok := r.sizes[h]; ok {
		return n, nil
	}
	n, err := r.findSize(h)
	if err == nil {
		if r.sizes == nil {
			r.sizes = map[plumbing.Hash]int64{}
		}
		r.sizes[h] = n
	}
	return n, err
}

// findSize is objectSize, uncached; r.mu must be held.
func (r *Repo) findSize(h plumbing.Hash) (int64, error) {
	if ps := r.packSet(); ps != nil {
		if n, err := ps.size(h); err == nil {
			return n, nil
		}
	}
	if s, ok := r.repo.Storer.(interface {
		EncodedObjectSize(plumbing.Hash) (int64, error)
	}); ok {
		if n, err := s.EncodedObjectSize(h); err == nil {
			return n, nil
		}
	}
	obj, err := r.repo.Storer.EncodedObject(plumbing.AnyObject, h)
	if err != nil {
		return 0, fmt.Errorf("object %s: %w", h, err)
	}
	return obj.Size(), nil
}
