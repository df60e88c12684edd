package workspace

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// touchedSince returns which cases a change since commit hash (whose tree
// is old) touched, for lint.Options.Touched: every file that differs
// between old and the tree linted (added, deleted, or with other content;
// both names of a renamed one) under walk, the paths the history says
// changed between the two commits (a file changed and changed back has
// other versions), and a changed case.md or config touches every case in
// its folder and below (which files make a case, and the settings they are
// linted with, may have changed). A case is touched when a touched file is
// in it; a file of no case, when it is touched. It is nil (every case is
// touched) when the trees or the history could not be compared: linting
// everything, as without it, is slower, never wrong.
//
// now is the tree linted as the comparison read it: the work tree lists
// the folders it scanned from that scan (lint.WithListing).
func (w *Workspace) touchedSince(hash string, old fs.FS, walk []string) (touched func(string) bool, now fs.FS) {
	walk = walkRoots(walk)
	changed, h, err := w.changedSince(hash, old, walk)
	if err != nil {
		return nil, w.FS
	}
	if w.hist != nil {
		tip := w.revHash
		if tip == "" {
			tip, _ = w.repo.Head()
		}
		if tip != "" {
			ps, err := w.hist.ChangedBetween(tip, hash)
			if err != nil {
				return nil, h.fsys
			}
			for _, p := range ps {
				changed[p] = true
			}
		}
	}
	// A config above the folders walked applies to them too.
	for _, s := range walk {
		for d := s; d != "."; {
			d = path.Dir(d)
			p := path.Join(d, lint.ConfigFileName)
			if h.differs(old, p, nil) {
				changed[p] = true
			}
		}
	}
	within := map[string]bool{} // the folders a changed file is in, at any depth
	whole := map[string]bool{}  // the folders whose every case is touched
	for p := range changed {
		if b := path.Base(p); b == "case.md" || b == lint.ConfigFileName {
			whole[path.Dir(p)] = true
		}
		for d := path.Dir(p); ; d = path.Dir(d) {
			if within[d] {
				break
			}
			within[d] = true
			if d == "." {
				break
			}
		}
	}
	return func(unit string) bool {
		if changed[unit] || within[unit] {
			return true
		}
		for d := unit; ; d = path.Dir(d) {
			if whole[d] {
				return true
			}
			if d == "." {
				return false
			}
		}
	}, h.fsys
}

// changedSince returns the files that differ between old, the tree of
// commit hash, and the tree linted, under the folders (or files) walk, as
// diffFS finds them, and the hasher of the tree linted. It reads only what
// may differ, as git status and git diff do: two commits' trees (--rev)
// are compared folder by folder, skipping the folders whose tree hash is
// the same; the index (--staged) by the tree hashes of its folders; the
// work tree is the index and the files git's index does not know as it is
// (untracked, or not as the index last saw it by size and modification
// time, as Index.Clean says), each of which is compared in full. Where
// git cannot say (no index), the trees are compared file by file. The
// hasher's tree is the work tree listed from the scan (lint.WithListing).
func (w *Workspace) changedSince(hash string, old fs.FS, walk []string) (map[string]bool, hasher, error) {
	changed := map[string]bool{}
	now := hasher{fsys: w.FS}
	var maybe []string // the paths that may differ: a superset of those that do
	var err error
	switch {
	case w.revHash != "":
		maybe, err = w.repo.TreesChanged(w.revHash, hash)
	case w.staged && w.index != nil:
		maybe, err = w.index.ChangedSince(hash)
	case !w.staged:
		// The work tree: a file git's index says is unchanged since git
		// read it has the index's content, which differs from old's only
		// where the index does (a broken index is only slower).
		ix, ierr := w.gitIndex()
		if ierr != nil {
			return changed, now, diffFS(now, old, walk, changed)
		}
		root := ""
		if w.onDisk {
			root = w.Root // not a buffer in a file's place (stdin)
		}
		if maybe, err = ix.ChangedSince(hash); err == nil {
			listing := lint.Listing{}
			maybe, err = notAsIndexed(ix, w.FS, root, walk, maybe, listing)
			now.fsys = lint.WithListing(w.FS, listing)
		}
		if w.buffered != "" {
			// What an editor sends stands in for the file, which the
			// listing of its folder and its stat data on disk do not
			// show (nor that it exists, when it is new): compared in
			// full.
			maybe = append(maybe, w.buffered)
		}
	default:
		return changed, now, diffFS(now, old, walk, changed)
	}
	if err != nil {
		return nil, now, err
	}
	for _, p := range maybe {
		if changed[p] || !walked(p, walk) {
			continue
		}
		if now.differs(old, p, nil) {
			changed[p] = true
		}
	}
	return changed, now, nil
}

// notAsIndexed appends to maybe the files under walk (as diffFS walks the
// work tree fsys, whose folder on disk is root, or "" if it is not one)
// that ix does not hold as they are: those it does not track, those whose
// size or modification time is not what it recorded (Index.Clean),
// and those it tracks that are not there. The folders scanned are put in
// listing when it is not nil.
func notAsIndexed(ix *vcs.Index, fsys fs.FS, root string, walk []string, maybe []string, listing lint.Listing) ([]string, error) {
	seen := make([]bool, ix.Files()) // by position in the index
	var mu sync.Mutex                // guards maybe: the scan calls file from several goroutines
	add := func(p []byte) {
		mu.Lock()
		maybe = append(maybe, string(p))
		mu.Unlock()
	}
	file := func(f workFile) {
		p := f.slashPath()
		i, ok := ix.FindBytes(p)
		if !ok {
			add(p)
			return
		}
		seen[i] = true // each file is met once: no two calls set one element
		if st, err := f.lstat(); err != nil || !ix.Clean(i, st) {
			add(p)
		}
	}
	for _, s := range walk {
		if root != "" {
			// A folder is scanned as git status does (scanFolder); a
			// path that is not there, or not a folder, as eachFile does.
			if st, err := fs.Stat(fsys, s); err == nil && st.IsDir() {
				err := scanFolder(root, s, listing, file)
				if err == nil {
					continue
				}
				if !errors.Is(err, errNoScan) {
					return nil, err
				}
			}
		}
		if err := eachFile(fsys, []string{s}, func(p string, d fs.DirEntry) { file(entryFile{p: p, d: d}) }); err != nil {
			return nil, err
		}
	}
	for _, s := range walk {
		ix.FilesUnder(s, func(i int, p string) {
			if !seen[i] {
				seen[i] = true
				maybe = append(maybe, p) // gone since git read it
			}
		})
	}
	return maybe, nil
}

// workFile is a file a walk of the work tree meets (scanFolder, eachFile).
type workFile interface {
	// slashPath is the file's slash path from the top of the work tree,
	// good only while the walk's callback runs.
	slashPath() []byte
	// lstat is the file's lstat, made when asked.
	lstat() (vcs.FileStat, error)
}

// entryFile is a file met by eachFile.
type entryFile struct {
	p string
	d fs.DirEntry
}

func (f entryFile) slashPath() []byte { return []byte(f.p) }

func (f entryFile) lstat() (vcs.FileStat, error) {
	fi, err := f.d.Info()
	if err != nil {
		return vcs.FileStat{}, err
	}
	return vcs.StatOf(fi), nil
}

// walkRoots returns the paths of walk that no other path of it walks to
// (walked), each once and in order: the paths now and at the base are
// mostly the same, and a folder scanned twice costs twice. A path is
// dropped only when everything below it is walked from another: one
// inside a hidden folder is kept (a walk passes over hidden folders, a
// path named is walked).
func walkRoots(walk []string) []string {
	var roots []string
	for i, p := range walk {
		covered := false
		for j, s := range walk {
			if s == p && j < i || s != p && walked(path.Join(p, "x"), []string{s}) {
				covered = true
				break
			}
		}
		if !covered {
			roots = append(roots, p)
		}
	}
	return roots
}

// walked reports whether diffFS walks to the file p from one of walk: it
// is one of them, or below one and in no hidden folder below it.
func walked(p string, walk []string) bool {
	for _, s := range walk {
		rest := p
		switch {
		case p == s:
			return true
		case s == ".":
		case strings.HasPrefix(p, s+"/"):
			rest = p[len(s)+1:]
		default:
			continue
		}
		hidden := false
		for dir := path.Dir(rest); dir != "."; dir = path.Dir(dir) {
			if strings.HasPrefix(path.Base(dir), ".") {
				hidden = true
				break
			}
		}
		if !hidden {
			return true
		}
	}
	return false
}

// eachFile calls fn with every file (anything but a folder) under the
// folders (or files) walk in fsys, as the lint walks them: hidden folders
// (.git) are not walked, links are not followed, and a path of walk that
// is not there is passed over.
func eachFile(fsys fs.FS, walk []string, fn func(p string, d fs.DirEntry)) error {
	for _, s := range walk {
		err := fs.WalkDir(fsys, s, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				if p == s {
					return fs.SkipDir // not there
				}
				return err
			case d.IsDir():
				if p != s && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			fn(p, d)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// diffFS adds to changed the paths of the files that differ between now
// and old under the folders (or files) walk: in one and not the other, or
// with other content. Hidden folders (.git) are not walked, as the lint
// does not walk them; links are compared by their presence alone, as the
// lint never follows them.
func diffFS(now hasher, old fs.FS, walk []string, changed map[string]bool) error {
	seen := map[string]bool{}
	if err := eachFile(now.fsys, walk, func(p string, d fs.DirEntry) {
		seen[p] = true
		if now.differs(old, p, d) {
			changed[p] = true
		}
	}); err != nil {
		return err
	}
	return eachFile(old, walk, func(p string, _ fs.DirEntry) {
		if !seen[p] {
			changed[p] = true // gone since
		}
	})
}

// hasher gives the blob hashes of the files of the tree linted: from git
// where fsys is one of git's trees, else by reading them. (Which work-tree
// files need comparing at all is the index's to say: notAsIndexed.)
type hasher struct {
	fsys fs.FS
}

// differs reports whether the file p (d its entry in h.fsys, or nil) is in
// one of h's tree and old and not the other, or differs in kind or
// content.
func (h hasher) differs(old fs.FS, p string, d fs.DirEntry) bool {
	hb, okb := fileHash(old, p, 0)
	ha, oka := fileHash(h.fsys, p, len(hb))
	if oka != okb {
		return true
	}
	return oka && ha != hb
}

// fileHash is git's blob hash of the file p in fsys (n hex digits long: 64
// for SHA-256, else SHA-1), taken from git without reading the file where
// fsys is one of git's trees; "link" for a link, false when p is no file.
func fileHash(fsys fs.FS, p string, n int) (string, bool) {
	if h, ok := vcs.BlobHash(fsys, p); ok {
		return h, true
	}
	st, err := fs.Lstat(fsys, p)
	switch {
	case err != nil || st.IsDir():
		return "", false
	case !st.Mode().IsRegular():
		return "link", true
	}
	data, err := lint.ReadRegularFile(fsys, p, 0)
	if err != nil {
		return "unreadable", true
	}
	return blobHash(data, n), true
}
