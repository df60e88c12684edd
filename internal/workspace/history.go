package workspace

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// shallowNote is why the history rules are skipped in a shallow clone.
const notInGitNote = "the records are not in a git repository, so when they were committed cannot be checked (keep them in git to have it checked)"

const shallowNote = "this is a shallow clone: fetch the full history (git fetch --unshallow; in CI, check out with fetch-depth: 0) to check when records were committed"

// History returns the records' history as it stood at the revision read
// (HEAD for the work tree and the index), or nil and why there is none.
// It is read from HEAD, the revision read and the revisions also (as
// given, for --new-from-rev: any may be on a branch HEAD does not reach;
// one that cannot be resolved is passed over, for its user to say why).
// With cached, it is built through the history cache in the git folder
// (vcs.CachedHistory), which only makes it faster: a cache that cannot be
// read or written is passed over in silence.
func (w *Workspace) History(cached bool, also ...string) (lint.History, string) {
	var hashes []string
	for _, rev := range also {
		if w.repo != nil {
			if h, _, err := w.repo.ResolveRevision(rev); err == nil {
				hashes = append(hashes, h)
			}
		}
	}
	h, note := w.readHistory(cached, hashes...)
	if h == nil {
		return nil, note
	}
	// The commits the revision read reaches, not those only the others do.
	tip, when := w.revHash, w.revWhen
	if tip == "" {
		tip, _ = w.repo.Head()
	}
	if tip == "" {
		return h, ""
	}
	at := w.HistoryAt(tip, w.FS, when)
	w.atTip, _ = at.(*vcs.History)
	return at, ""
}

// HistoryUnread reports whether History found a repository whose history
// could not be read (an object missing, as in a treeless clone, or
// damaged): not a history left out by design (outside git, a shallow
// clone), so a run without it is incomplete (lint.Options.HistoryUnread).
func (w *Workspace) HistoryUnread() bool { return w.histUnread }

// TooLargeNotices says which older versions of records the history rules
// passed over because they are over the file size limit (issue 14): they
// were not read, so what changed in them was not checked.
func (w *Workspace) TooLargeNotices() []lint.Notification {
	h := w.atTip
	if h == nil {
		return nil
	}
	var out []lint.Notification
	for _, t := range h.TooLarge() {
		out = append(out, lint.Notification{Kind: lint.NoticeTooLarge, Level: lint.Warning, Path: t.Path, Message: fmt.Sprintf(
			"an older version of this file (commit %s, %d bytes) is over the file size limit of %d bytes and was not read from the history: what changed to and from it was not checked (raise max_file_size in %s if it must be read)",
			t.Commit[:min(len(t.Commit), 12)], t.Size, h.MaxFileSize(), lint.ConfigFileName)})
	}
	return out
}

// CacheNotices says why the history cache was not used when the reason
// is the repository's (a part of its path is a symbolic link), not the
// cache's own: nothing, when it was used or only rebuilt.
func (w *Workspace) CacheNotices() []lint.Notification {
	if w.cacheNote == "" {
		return nil
	}
	return []lint.Notification{{Kind: lint.NoticeSymlink, Level: lint.Warning, Message: w.cacheNote}}
}

// historyFolders are the folders (and files) whose history a run needs,
// when it needs only some: under --staged, the case folder of each record
// staged (the whole case is linted), or the folder of a record in no
// case, and the records staged as deleted; none otherwise. With no history cache to read, only their history is built
// (vcs.CachedHistoryWithin): a cold pre-commit run does not compare every
// folder of every commit to lint five visits.
func (w *Workspace) historyFolders() []string {
	if !w.staged {
		return nil
	}
	var dirs []string
	for _, p := range w.Paths {
		dir := p
		if st, err := fs.Stat(w.FS, p); err == nil && !st.IsDir() {
			dir = path.Dir(p)
		}
		if c, ok := caseFolder(w.FS, dir); ok {
			dir = c
		}
		if dir == "." {
			return nil // the whole repository
		}
		dirs = append(dirs, dir)
	}
	// A record staged as deleted may be what a staged rename takes its
	// versions from (lint.StagedFile.From).
	if ix, err := w.gitIndex(); err == nil {
		if changed, err := ix.Changed(); err == nil {
			for _, p := range changed {
				if _, err := fs.Stat(w.FS, p); err != nil && schema.IsRecordName(p) {
					dirs = append(dirs, p)
				}
			}
		}
	}
	return dirs
}

// readHistory reads the history from HEAD, the revision read and the
// commits revs (full hashes).
func (w *Workspace) readHistory(cached bool, also ...string) (lint.History, string) {
	if w.repo == nil {
		if w.repoErr != nil {
			// Not the root's path: the notice is about the repository
			// the records are in, and a path may name a child (and
			// --redact would then withhold the whole path).
			return nil, "the git repository could not be read: " + strings.TrimPrefix(w.repoErr.Error(), w.Root+": ")
		}
		// Records outside git have no history to check: said, so that a
		// clean report is not read as the records having been written
		// up in time.
		return nil, notInGitNote
	}
	if shallow, err := w.repo.Shallow(); err == nil && shallow {
		return nil, shallowNote
	}
	revs := also
	if w.revHash != "" {
		revs = append([]string{w.revHash}, also...)
	}
	var h *vcs.History
	var err error
	if cached {
		var use vcs.CacheUse
		h, use, err = w.repo.CachedHistoryWithin(w.historyFolders(), revs...)
		if use.Refused {
			w.cacheNote = "the history cache was neither read nor written: " + use.Err.Error() + " (remove the link; the history was read from the commits)"
		}
	} else {
		h, err = w.repo.HistoryWithin(w.historyFolders(), revs...)
	}
	switch {
	case errors.Is(err, vcs.ErrShallow):
		return nil, shallowNote
	case err != nil:
		w.histUnread = true
		why := "the git history could not be read: " + err.Error()
		if vcs.MissingObject(err) {
			why += "; a partial clone (--filter) lacks objects the history needs: clone without a filter; else check the repository with git fsck"
		}
		return nil, why
	case h == nil:
		w.histUnread = true
		return nil, "the git history could not be read"
	}
	w.hist = h
	return h, ""
}

// renamesSince returns the files renamed since commit hash: each one's
// path there, and the path it has in the revision linted; nil when none
// was, or there is no history to say.
func (w *Workspace) renamesSince(hash string) map[string]string {
	if w.hist == nil {
		return nil
	}
	tip := w.revHash
	if tip == "" {
		tip, _ = w.repo.Head()
	}
	at := w.atTip // read as it stood at tip already (History)
	if at == nil {
		var err error
		if at, err = w.hist.At(tip); err != nil {
			return nil
		}
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

// HistoryAt is the history as it stood at commit hash (whose tree is fsys
// and committer date until): that of the commits it reaches, when the
// history was read from it; else (never, in a run) cut by content and
// date from the history read from HEAD.
func (w *Workspace) HistoryAt(hash string, fsys fs.FS, until time.Time) lint.History {
	if w.hist != nil {
		if h, err := w.hist.At(hash); err == nil {
			return h
		}
		return newHistoryAt(w.hist, fsys, until)
	}
	return nil
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

// WithPending returns h with, under --staged, the versions the commit
// being made gives the staged records (lint.WithPending), dated now: the
// index is what git commit is about to commit, so the history rules judge
// a staged record as that commit will make it. Otherwise (the work tree,
// which is not being committed, or a revision), and without history, h as
// it is.
func (w *Workspace) WithPending(h lint.History, now time.Time) (lint.History, error) {
	if !w.staged || h == nil || w.Nothing {
		return h, nil
	}
	index, err := w.gitIndex()
	if err != nil {
		return nil, err
	}
	files, err := index.Pending()
	if err != nil {
		return nil, fmt.Errorf("--staged: the change being committed: %w", err)
	}
	return lint.WithPending(h, now, files), nil
}
