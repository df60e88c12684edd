// Package workspace answers "what to lint, from where, with which config
// and history": the tree the records are read from (the work tree, the
// git index, or a commit), the paths to lint in it, the repository they
// are in, the history of the records, and the config that applies to each
// case folder (configs.go).
//
// The name is the place the records are read from, as a person works in
// it, not the means (git, files): a command asks for a workspace and gets
// the same answers whichever way the records are read.
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// UsageError is an error in what the user asked for (exit status 2 with
// the command's usage in mind): a path outside the repository, --staged
// outside one.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{msg: fmt.Sprintf(format, args...)}
}

// Workspace is where a run reads the records and the repository they are
// in.
type Workspace struct {
	// Root is the folder paths are relative to: the repository's work tree,
	// else the working folder (or the first path's folder); absolute, with
	// its links resolved.
	Root string
	// FS holds the records: slash paths relative to Root.
	FS fs.FS
	// Scope are the paths asked for, relative to Root.
	Scope []string
	// Paths are the paths to lint: Scope, or for the index the staged
	// records in it.
	Paths []string
	// Nothing is true when the index is read and the staged change
	// touches no record in Scope: there is nothing to lint.
	Nothing bool

	repo    *vcs.Repo // nil outside a repository
	repoErr error     // why repo is nil though Root is in one
	// histUnread is set when the history could not be read (HistoryUnread).
	histUnread bool
	staged     bool
	// index is the git index, read once (gitIndex; Index reads it for
	// --staged).
	index     *vcs.Index
	indexErr  error
	indexOnce sync.Once
	onDisk    bool // FS is the work tree's folder Root, as it is on disk
	// buffered is the file whose content standard input stands in for
	// (Buffer), or "".
	buffered string
	rev      string // the revision as given
	revHash  string
	revWhen  time.Time

	hist  *vcs.History // the history read, from HEAD and the revisions linted
	atTip *vcs.History // hist as it stood at the revision read
	// cacheNote says why the history cache was refused (CacheNotices).
	cacheNote string
}

// gitIndex reads the repository's index, once: a run asks for it for the
// records staged, the files changed in the work tree and the submodules.
func (w *Workspace) gitIndex() (*vcs.Index, error) {
	w.indexOnce.Do(func() { w.index, w.indexErr = w.repo.Index() })
	return w.index, w.indexErr
}

// Repo is the repository the records are in, or nil.
func (w *Workspace) Repo() *vcs.Repo { return w.repo }

// Staged reports whether the records are read from the index.
func (w *Workspace) Staged() bool { return w.staged }

// Rev is the revision the records are read from as given ("" for the work
// tree and the index), its commit's hash and committer date.
func (w *Workspace) Rev() (rev, hash string, when time.Time) { return w.rev, w.revHash, w.revWhen }

// WorkTree is the records as the files are now, under paths (relative to
// wd, or absolute; none: wd), and the repository they are in, if any, for
// their history.
func WorkTree(wd string, paths []string) (*Workspace, error) {
	root, rel, err := resolvePaths(wd, paths)
	if err != nil {
		return nil, err
	}
	w := &Workspace{Root: root, FS: lint.WorkTreeFS(root), Scope: rel, Paths: rel, onDisk: true}
	repo, err := vcs.Open(root)
	switch {
	case err == nil && sameDir(repo.Root(), root):
		w.repo = repo
	case err != nil && !errors.Is(err, vcs.ErrNotRepository):
		w.repoErr = err
	}
	return w, nil
}

// Index is the records as staged in the git index of the repository the
// first path is in (what git commit would commit), and only the cases the
// staged change touches. The paths need not exist in the work tree.
func Index(wd string, paths []string) (*Workspace, error) {
	w, args, err := openGit(wd, paths, "--staged")
	if err != nil {
		return nil, err
	}
	w.staged = true
	index, err := w.gitIndex() // read once, for the content and the paths
	if err != nil {
		return nil, err
	}
	w.FS = index.FS()
	if err := w.checkScope(args, "the index", "--staged"); err != nil {
		return nil, err
	}
	if err := unmergedRecords(index, w.Scope); err != nil {
		return nil, err
	}
	if w.Paths, err = stagedScope(index, w.FS, w.Scope); err != nil {
		return nil, err
	}
	w.Nothing = len(w.Paths) == 0
	return w, nil
}

// Revision is the records as committed at rev (a branch, tag or commit)
// in the repository the first path is in.
func Revision(wd string, paths []string, rev string) (*Workspace, error) {
	w, args, err := openGit(wd, paths, "--rev")
	if err != nil {
		return nil, err
	}
	w.rev = rev
	if w.revHash, w.revWhen, err = w.repo.ResolveRevision(rev); err != nil {
		return nil, fmt.Errorf("--rev: %w", err)
	}
	if w.FS, err = w.repo.CommitFS(w.revHash); err != nil {
		return nil, fmt.Errorf("--rev: %w", err)
	}
	where := "commit " + w.revHash[:min(len(w.revHash), 12)] + " (" + rev + ")"
	if err := w.checkScope(args, where, "--rev"); err != nil {
		return nil, err
	}
	return w, nil
}

// openGit opens the repository the first of paths is in, for the index or
// a revision (flag, for messages), with the paths relative to its root.
func openGit(wd string, paths []string, flag string) (*Workspace, []string, error) {
	args := paths
	if len(args) == 0 {
		args = []string{"."}
	}
	abs := make([]string, len(args))
	for i, p := range args {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		abs[i] = evalExisting(filepath.Clean(p))
	}
	repo, err := vcs.Open(existingDir(abs[0]))
	if err != nil {
		if errors.Is(err, vcs.ErrNotRepository) {
			return nil, nil, usagef("%s reads git, and %s is not in a git repository", flag, args[0])
		}
		return nil, nil, err
	}
	root := evalExisting(repo.Root())
	w := &Workspace{Root: root, repo: repo}
	for i, a := range abs {
		r, err := filepath.Rel(root, a)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, nil, usagef("%s is outside the repository %s: lint paths inside it", args[i], root)
		}
		w.Scope = append(w.Scope, filepath.ToSlash(r))
	}
	w.Paths = w.Scope
	return w, args, nil
}

// checkScope fails when a path of the scope is not in the tree read
// (where), saying so when it is in a submodule.
func (w *Workspace) checkScope(args []string, where, flag string) error {
	for i, p := range w.Scope {
		if _, err := fs.Stat(w.FS, p); err != nil {
			if sub := w.submoduleOf(p); sub != "" {
				return fmt.Errorf("%s: in the git submodule %s, whose records are in its own repository: run caselint inside it (cd %s && caselint lint %s)", args[i], sub, sub, flag)
			}
			return fmt.Errorf("%s: not in %s", args[i], where)
		}
	}
	return nil
}

// resolvePaths finds the root reports are relative to (the repository's
// work tree, else the working folder) and turns paths into slash paths
// below it.
func resolvePaths(wd string, paths []string) (root string, rel []string, err error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		abs[i] = filepath.Clean(p)
		if _, err := os.Stat(abs[i]); err != nil {
			return "", nil, fmt.Errorf("%s: no such file or folder", paths[i])
		}
	}
	root = rootOf(wd, abs[0])
	for i, a := range abs {
		if ea, err := filepath.EvalSymlinks(a); err == nil {
			a = ea
		}
		r, err := filepath.Rel(root, a)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", nil, usagef("%s is outside %s: lint paths inside one repository or below the working folder", paths[i], root)
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return root, rel, nil
}

// rootOf is the root of the work tree p (absolute) is read from: the
// repository's work tree; else the working folder wd when p is below it;
// else p (a folder) or its folder (a file). Its links are resolved.
func rootOf(wd, p string) string {
	root := wd
	if r, ok := vcs.Root(existingDir(p)); ok {
		root = r
	} else if !within(wd, p) {
		root = p
		if st, err := os.Stat(root); err == nil && !st.IsDir() {
			root = filepath.Dir(root)
		}
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return root
}

// within reports whether p is dir or below it.
func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// evalExisting resolves the symbolic links of the part of p that exists.
func evalExisting(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// existingDir is the nearest folder at or above p that exists.
func existingDir(p string) string {
	for {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p
		}
		p = parent
	}
}

// sameDir reports whether a and b are the same folder.
func sameDir(a, b string) bool {
	return evalExisting(a) == evalExisting(b)
}

// RelativeName is how a report names the file name (a path of the file
// system, such as --config): relative to Root when it is inside it, else
// its base name (a report holds no absolute path).
func (w *Workspace) RelativeName(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Base(name)
	}
	if r, err := filepath.Rel(w.Root, evalExisting(abs)); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.Base(name)
}
