package lintcmd

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
)

// shallowNote is why the history rules are skipped in a shallow clone.
const shallowNote = "this is a shallow clone: fetch the full history (git fetch --unshallow; in CI, check out with fetch-depth: 0) to check when records were committed"

// source is where a run reads the records (the work tree, the index or a
// commit) and the repository they are in.
type source struct {
	root    string   // absolute, symbolic links resolved: report paths are relative to it
	fsys    fs.FS    // the records, slash paths relative to root
	scope   []string // the paths asked for, relative to root
	paths   []string // the paths to lint: scope, or with --staged the staged records in it
	nothing bool     // --staged, and the staged change touches no record in scope

	repo    *vcs.Repo // nil outside a repository
	repoErr error     // why repo is nil though root is in one
	staged  bool
	rev     string // --rev as given
	revHash string
	revWhen time.Time

	hist *vcs.History // the history read, from HEAD and the revisions linted
}

// openSource finds the records the options ask for.
func openSource(wd string, opts *Options) (*source, error) {
	if !opts.Staged && opts.Rev == "" {
		return openWorkTree(wd, opts)
	}
	return openGit(wd, opts)
}

// openWorkTree is the default: the files as they are, and the repository
// they are in, if any, for their history.
func openWorkTree(wd string, opts *Options) (*source, error) {
	root, rel, err := resolvePaths(wd, opts.Paths)
	if err != nil {
		return nil, err
	}
	src := &source{root: root, fsys: os.DirFS(root), scope: rel, paths: rel}
	repo, err := vcs.Open(root)
	switch {
	case err == nil && sameDir(repo.Root(), root):
		src.repo = repo
	case err != nil && !errors.Is(err, vcs.ErrNotRepository):
		src.repoErr = err
	}
	return src, nil
}

// openGit reads the records from the index (--staged) or a commit (--rev)
// of the repository the first path is in. The paths need not exist in the
// work tree, only there.
func openGit(wd string, opts *Options) (*source, error) {
	flag := "--staged"
	if opts.Rev != "" {
		flag = "--rev"
	}
	args := opts.Paths
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
			return nil, cmdutil.Usagef("%s reads git, and %s is not in a git repository", flag, args[0])
		}
		return nil, err
	}
	root := evalExisting(repo.Root())
	src := &source{root: root, repo: repo, staged: opts.Staged, rev: opts.Rev}
	for i, a := range abs {
		r, err := filepath.Rel(root, a)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, cmdutil.Usagef("%s is outside the repository %s: lint paths inside it", args[i], root)
		}
		src.scope = append(src.scope, filepath.ToSlash(r))
	}

	where := "the index"
	var index *vcs.Index
	if opts.Staged {
		// Read once, for both the staged content and the staged paths.
		if index, err = repo.Index(); err != nil {
			return nil, err
		}
		src.fsys = index.FS()
	} else {
		if src.revHash, src.revWhen, err = repo.ResolveRevision(opts.Rev); err != nil {
			return nil, fmt.Errorf("--rev: %w", err)
		}
		if src.fsys, err = repo.CommitFS(src.revHash); err != nil {
			return nil, fmt.Errorf("--rev: %w", err)
		}
		where = "commit " + src.revHash[:min(len(src.revHash), 12)] + " (" + opts.Rev + ")"
	}
	for i, p := range src.scope {
		if _, err := fs.Stat(src.fsys, p); err != nil {
			if sub := src.submoduleOf(p); sub != "" {
				return nil, fmt.Errorf("%s: in the git submodule %s, whose records are in its own repository: run caselint inside it (cd %s && caselint lint %s)", args[i], sub, sub, flag)
			}
			return nil, fmt.Errorf("%s: not in %s", args[i], where)
		}
	}
	src.paths = src.scope
	if opts.Staged {
		if src.paths, err = stagedScope(index, src.fsys, src.scope); err != nil {
			return nil, err
		}
		src.nothing = len(src.paths) == 0
	}
	return src, nil
}

// stagedScope returns the paths to lint for a staged change: the staged
// records in scope (the engine lints the whole case of each); for a deleted
// record, the nearest folder of its case still in the index. A staged
// config that applies to the scope makes the whole scope the paths.
func stagedScope(index *vcs.Index, fsys fs.FS, scope []string) ([]string, error) {
	staged, err := index.Changed()
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range staged {
		if path.Base(p) == lint.ConfigFileName {
			dir := path.Dir(p)
			for _, s := range scope {
				if slashWithin(dir, s) || slashWithin(s, dir) {
					return scope, nil
				}
			}
			continue
		}
		if !strings.HasSuffix(p, ".md") || !inScope(p, scope) {
			continue
		}
		q, ok := existingAncestor(fsys, p)
		if !ok || (q != p && !inCase(fsys, q)) {
			continue // deleted, and in no case that is left
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out, nil
}

// submodules returns the git submodules in the scope of a work-tree or
// --rev run (from the index, or the commit), in git's order. A
// submodule's records are in its own repository (issue 14): a work-tree
// run lints them without their history, a --rev run not at all (the
// commit has only the submodule's commit hash). --staged says nothing of
// them: what a commit of the superproject stages for a submodule is a
// commit hash, and the submodule's own hook lints its records.
func (s *source) submodules() []string {
	if s.repo == nil || s.staged {
		return nil
	}
	subs, err := s.repo.Submodules(s.revHash, s.scope...)
	if err != nil {
		return nil
	}
	return subs
}

// submoduleOf returns the submodule (in the index or the commit read) the
// slash path p is below, or "".
func (s *source) submoduleOf(p string) string {
	subs, err := s.repo.Submodules(s.revHash)
	if err != nil {
		return ""
	}
	for _, sub := range subs {
		if slashWithin(sub, p) {
			return sub
		}
	}
	return ""
}

// submoduleNotices says what became of the records of the submodules in
// the scope (see submodules).
func (s *source) submoduleNotices(subs []string) []lint.Notification {
	var out []lint.Notification
	for _, sub := range subs {
		msg := "a git submodule: its records are in its own repository, and were linted without their git history; run caselint inside it (cd " + sub + " && caselint lint) to check them with it"
		if s.rev != "" {
			msg = "a git submodule: its records are in its own repository, which --rev does not read, and were not linted; run caselint inside it (cd " + sub + " && caselint lint --rev REV, REV one of its commits)"
		}
		out = append(out, lint.Notification{Kind: lint.NoticeSubmodule, Level: lint.Warning, Path: sub, Message: msg})
	}
	return out
}

// inScope reports whether the slash path p is one of scope or below one.
func inScope(p string, scope []string) bool {
	for _, s := range scope {
		if slashWithin(s, p) {
			return true
		}
	}
	return false
}

// slashWithin reports whether the slash path p is dir or below it.
func slashWithin(dir, p string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, dir+"/")
}

// existingAncestor returns p if it exists in fsys, else the nearest folder
// above it that does, short of the root (a deleted file at the top of the
// tree names no folder to lint instead).
func existingAncestor(fsys fs.FS, p string) (string, bool) {
	if _, err := fs.Stat(fsys, p); err == nil {
		return p, true
	}
	for p != "." {
		p = path.Dir(p)
		if p == "." {
			break
		}
		if st, err := fs.Stat(fsys, p); err == nil && st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// inCase reports whether dir is a case folder or inside one.
func inCase(fsys fs.FS, dir string) bool {
	for {
		if st, err := fs.Stat(fsys, path.Join(dir, "case.md")); err == nil && st.Mode().IsRegular() {
			return true
		}
		if dir == "." {
			return false
		}
		dir = path.Dir(dir)
	}
}

// history returns the records' history, or nil and why there is none: read
// from HEAD, the revision linted (--rev) and the commits also (full
// hashes; see historyAt). With cached, it is built through the history
// cache in the git folder (vcs.CachedHistory), which only makes it faster:
// a cache that cannot be read or written is passed over in silence.
func (s *source) history(cached bool, also ...string) (lint.History, string) {
	if s.repo == nil {
		if s.repoErr != nil {
			// Not the root's path: the notice is about the repository
			// the records are in, and a path may name a child (and
			// --redact would then withhold the whole path).
			return nil, "the git repository could not be read: " + strings.TrimPrefix(s.repoErr.Error(), s.root+": ")
		}
		// Records outside git have no history to check: nothing to say.
		return nil, ""
	}
	if shallow, err := s.repo.Shallow(); err == nil && shallow {
		return nil, shallowNote
	}
	revs := also
	if s.revHash != "" {
		revs = append([]string{s.revHash}, also...)
	}
	var h *vcs.History
	var err error
	if cached {
		h, _, err = s.repo.CachedHistory(revs...)
	} else {
		h, err = s.repo.History(revs...)
	}
	switch {
	case errors.Is(err, vcs.ErrShallow):
		return nil, shallowNote
	case err != nil:
		return nil, "the git history could not be read: " + err.Error()
	case h == nil:
		return nil, "the git history could not be read"
	}
	s.hist = h
	return h, ""
}

// renamesSince returns the files renamed since commit hash: each one's
// path there, and the path it has in the revision linted; nil when none
// was, or there is no history to say.
func (s *source) renamesSince(hash string) map[string]string {
	if s.hist == nil {
		return nil
	}
	tip := s.revHash
	if tip == "" {
		tip, _ = s.repo.Head()
	}
	at, err := s.hist.At(tip)
	if err != nil {
		return nil
	}
	ren, err := at.RenamesSince(hash)
	if err != nil || len(ren) == 0 {
		return nil
	}
	return ren
}

// fingerprintPath is, for a finding in a file at a commit, the path the
// file has in the revision linted (ren, from renamesSince), so that
// --new-from-rev matches findings across renames; nil when nothing was
// renamed.
func fingerprintPath(ren map[string]string) func(string) string {
	if len(ren) == 0 {
		return nil
	}
	return func(p string) string {
		if q, ok := ren[p]; ok {
			return q
		}
		return p
	}
}

// historyAt is the history as it stood at commit hash (whose tree is fsys
// and committer date until): that of the commits it reaches, when the
// history was read from it; else (never, in a run) cut by content and
// date from the history read from HEAD.
func (s *source) historyAt(hash string, fsys fs.FS, until time.Time) lint.History {
	if s.hist != nil {
		if h, err := s.hist.At(hash); err == nil {
			return h
		}
		return newHistoryAt(s.hist, fsys, until)
	}
	return nil
}

// provenance names the repository and revision linted, for SARIF: only
// when the repository has a remote that is not a local path (a report must
// not say where the records are kept), without its credentials, query or
// fragment (report.RepositoryURI).
func (s *source) provenance() *report.Provenance {
	if s.repo == nil {
		return nil
	}
	remote := report.RepositoryURI(s.repo.RemoteURL())
	if remote == "" {
		return nil
	}
	p := &report.Provenance{RepositoryURI: remote}
	if s.rev != "" {
		p.RevisionID = s.revHash
		return p
	}
	p.RevisionID, _ = s.repo.Head()
	p.Branch = s.repo.Branch()
	return p
}

// historyAt is the history as it stood at a commit, cut from a history
// that was not read from it: a file's versions end with the one whose
// content the commit holds; when no version holds it, the versions
// committed after the commit's date are left out instead. A run reads the
// history from the commits it lints and uses vcs.History.At; this is the
// fallback should that fail.
type historyAt struct {
	lint.History
	fsys  fs.FS     // the commit's tree
	until time.Time // its committer date

	cache sync.Map // path: []lint.Version
}

func newHistoryAt(h lint.History, fsys fs.FS, until time.Time) *historyAt {
	if at, ok := h.(*historyAt); ok {
		h = at.History
	}
	return &historyAt{History: h, fsys: fsys, until: until}
}

func (h *historyAt) Versions(p string) []lint.Version {
	if vs, ok := h.cache.Load(p); ok {
		return vs.([]lint.Version)
	}
	vs := h.versions(p)
	h.cache.Store(p, vs)
	return vs
}

func (h *historyAt) versions(p string) []lint.Version {
	all := h.History.Versions(p)
	if len(all) == 0 {
		return nil
	}
	if data, err := lint.ReadRegularFile(h.fsys, p, 0); err == nil {
		blob := blobHash(data, len(all[0].Blob))
		for i := len(all) - 1; i >= 0; i-- {
			if all[i].Blob == blob {
				return all[: i+1 : i+1]
			}
		}
	}
	var out []lint.Version
	for _, v := range all {
		if !v.When.After(h.until) {
			out = append(out, v)
		}
	}
	return out
}

// blobHash is git's name for a file of content data: the SHA-1 (or, for a
// repository whose hashes are n = 64 hex digits long, SHA-256) of its blob
// header and content.
func blobHash(data []byte, n int) string {
	h := sha1.New()
	if n == 64 {
		h = sha256.New()
	}
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// loadConfig reads --config, else the config that applies to the paths
// linted (lint.FindConfig): the nearest .caselint.toml at or above them in
// the tree the records are read from (the work tree, the index or the
// commit), up to its root, the repository's work tree or, outside a
// repository, the folder the paths are relative to. Paths that different
// configs apply to are refused: one run has one profile. The name is the
// config's for the report (relative to the root), "" when there is none.
func loadConfig(opts *Options, src *source) (cfg *lint.Config, name string, err error) {
	if opts.Config != "" {
		if cfg, err = lint.LoadConfig(opts.Config); err != nil {
			return nil, "", err
		}
		return cfg, configName(src.root, opts.Config), nil
	}
	scope := src.scope
	if len(scope) == 0 {
		scope = []string{"."}
	}
	first, err := lint.FindConfig(src.fsys, scope[0])
	if err != nil {
		return nil, "", err
	}
	for _, p := range scope[1:] {
		other, err := lint.FindConfig(src.fsys, p)
		if err != nil {
			return nil, "", err
		}
		if other != first {
			return nil, "", cmdutil.Usagef("%s and %s have different configs (%s, %s), and one run reads one: lint them in two runs", report.Printable(scope[0]), report.Printable(p), configOrNone(first), configOrNone(other))
		}
	}
	if first == "" {
		return nil, "", nil
	}
	if cfg, err = lint.LoadConfigFS(src.fsys, scope[0]); err != nil {
		return nil, "", err
	}
	return cfg, cfg.Path, nil
}

func configOrNone(name string) string {
	if name == "" {
		return "none"
	}
	return report.Printable(name)
}

// configName is how the report names the --config file: relative to root
// when it is inside it, else its base name (a report holds no absolute
// path).
func configName(root, name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Base(name)
	}
	if r, err := filepath.Rel(root, evalExisting(abs)); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.Base(name)
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
