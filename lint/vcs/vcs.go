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
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Root returns the top of the work tree that holds path, and false when
// path is in no git repository. Linked worktrees (git worktree add) are
// found too.
func Root(path string) (string, bool) {
	repo, err := git.PlainOpenWithOptions(path, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return "", false
	}
	wt, err := repo.Worktree()
	if err != nil {
		if errors.Is(err, git.ErrIsBareRepository) {
			return "", false
		}
		return "", false
	}
	root, err := filepath.Abs(wt.Filesystem.Root())
	if err != nil {
		return "", false
	}
	return root, true
}

// ErrNotRepository is the error of Open for a path in no git repository.
var ErrNotRepository = errors.New("not in a git repository")

// ErrShallow is the error of History in a shallow clone: the commits that
// first brought the records in are not there, so their history would be
// wrong.
var ErrShallow = errors.New("the repository is a shallow clone: its history is incomplete; fetch more history (git fetch --unshallow)")

// Repo is a git repository with a work tree.
type Repo struct {
	repo   *git.Repository
	root   string
	closer io.Closer // the storage's open pack files, or nil

	gitDir      billy.Filesystem // the git folder (with its common folder)
	altFS       billy.Filesystem // where alternate object folders are found
	packs       *packSet         // read straight from packs; see packs.go
	packsOpened bool

	// mu serialises reads from the object store, which go-git does not
	// promise to be safe for concurrent use.
	mu sync.Mutex
}

// Open opens the repository whose work tree holds path (a folder or a file,
// at any depth). Linked worktrees are opened through their common git
// folder. It fails when path is in no repository (ErrNotRepository) and
// for a bare repository, which has no work tree.
func Open(path string) (*Repo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%s: %w", path, ErrNotRepository)
		}
		return nil, fmt.Errorf("%s: opening the git repository: %w", path, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("%s: the git repository has no work tree: %w", path, err)
	}
	root, err := filepath.Abs(wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	r := &Repo{repo: repo, root: root}
	// Reopen the same folders keeping the pack files open: go-git otherwise
	// opens and closes a pack for every object it reads from it.
	if st, ok := repo.Storer.(*filesystem.Storage); ok {
		r.gitDir = st.Filesystem()
		// Alternates (git clone --shared) name object folders by absolute
		// path, which go-git reaches only through a file system from the
		// root.
		r.altFS = osfs.New(filepath.VolumeName(root) + string(filepath.Separator))
		kept := filesystem.NewStorageWithOptions(st.Filesystem(), cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true, AlternatesFS: r.altFS})
		if repo2, err := git.Open(kept, wt.Filesystem); err == nil {
			r.repo, r.closer = repo2, kept
		}
	}
	return r, nil
}

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

// ResolveRevision resolves rev (a branch, a tag, a hash or a prefix of one,
// HEAD~2 and the like) to a commit, and returns its hash and committer
// date. In a shallow clone, a revision that cannot be resolved is most
// likely a commit behind the shallow boundary, and the error says so.
func (r *Repo) ResolveRevision(rev string) (string, time.Time, error) {
	c, err := r.resolve(rev)
	if err != nil {
		return "", time.Time{}, err
	}
	return c.Hash.String(), c.Committer.When, nil
}

func (r *Repo) resolve(rev string) (*object.Commit, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	var c *object.Commit
	if err == nil {
		c, err = r.repo.CommitObject(*h)
	}
	if err != nil {
		if shallow, _ := r.Shallow(); shallow {
			return nil, fmt.Errorf("revision %q: the commit is missing from this shallow clone; fetch more history (git fetch --unshallow) and try again: %w", rev, err)
		}
		if errors.Is(err, plumbing.ErrReferenceNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, fmt.Errorf("revision %q: no such commit in the repository: %w", rev, err)
		}
		return nil, fmt.Errorf("revision %q: %w", rev, err)
	}
	return c, nil
}

// readObject returns the content of the object h of type t (any type for
// plumbing.AnyObject), which callers must not change: it may be cached.
func (r *Repo) readObject(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ps := r.packSet(); ps != nil {
		typ, data, err := ps.read(h)
		if err == nil {
			if t != plumbing.AnyObject && typ != t {
				return nil, fmt.Errorf("%s %s: the object is a %s", t, h, typ)
			}
			return data, nil
		}
		// Anything else, go-git reads (or says what is wrong).
	}
	obj, err := r.repo.Storer.EncodedObject(t, h)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	defer func() { _ = rd.Close() }()
	buf := make([]byte, obj.Size())
	if _, err := io.ReadFull(rd, buf); err != nil {
		return nil, fmt.Errorf("%s %s: %w", t, h, err)
	}
	return buf, nil
}

// readBlob returns a copy of blob h's content, the caller's to keep.
func (r *Repo) readBlob(h plumbing.Hash) ([]byte, error) {
	data, err := r.readObject(plumbing.BlobObject, h)
	if err != nil {
		return nil, err
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
