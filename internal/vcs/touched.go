package vcs

import (
	"io/fs"
	"sort"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-git/v5/plumbing"
)

// BlobHash returns the hash of the blob git holds at name in fsys, one of
// the file systems of this package (CommitFS, the index's FS), without
// reading the blob; false when fsys is not one of them or name is not a
// file there. It lets a comparison of two trees skip reading what is the
// same in both.
func BlobHash(fsys fs.FS, name string) (string, bool) {
	f, ok := fsys.(*gitFS)
	if !ok {
		return "", false
	}
	e, err := f.lookup("stat", name)
	if err != nil || e.isDir() || !isFileMode(e.mode) {
		return "", false
	}
	return e.hash.String(), true
}

// ChangedBetween returns the paths of the Markdown files changed (added,
// changed, or changed from: renamed, or a merge's other side) by the
// commits of the history that one of a and b reaches and the other does
// not. A file changed and changed back between them is in it, though its
// content is the same at both: its versions are not.
func (h *History) ChangedBetween(a, b string) ([]string, error) {
	if w := h.outside(""); w != nil {
		return w.ChangedBetween(a, b)
	}
	ra, err := h.reachable(a)
	if err != nil {
		return nil, err
	}
	rb, err := h.reachable(b)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, c := range h.order {
		if ra[c.hash] == rb[c.hash] {
			continue
		}
		for _, ch := range c.changes {
			add(ch.path)
			for _, prev := range ch.prev {
				if prev.blob != plumbing.ZeroHash {
					add(prev.path)
				}
			}
		}
	}
	return out, nil
}

// FileStat is what git's index compares of a work-tree file's lstat to
// tell whether the file changed since git read it (Index.Clean).
type FileStat struct {
	Regular             bool // a regular file: not a link, a folder or a device
	Size                int64
	MtimeSec, MtimeNsec int64
	// Change says the system gave the change time and inode too.
	Change              bool
	CtimeSec, CtimeNsec int64
	Ino                 uint64
}

// StatOf is the FileStat of fi, a file's Lstat.
func StatOf(fi fs.FileInfo) FileStat {
	mt := fi.ModTime()
	st := FileStat{Regular: fi.Mode().IsRegular(), Size: fi.Size(), MtimeSec: mt.Unix(), MtimeNsec: int64(mt.Nanosecond())}
	st.CtimeSec, st.CtimeNsec, st.Ino, st.Change = changeStat(fi)
	return st
}

// Clean reports whether the work-tree file at position i (Find), whose
// lstat is st, is unchanged since git read it, so that it holds the blob
// the index names: the same size and modification time as the index
// recorded, and that time before the index was written (a file changed in
// the same instant the index was written may not show it: git calls it
// racily clean, and reads it), and, where the system gives them, the same
// change time and inode (so a file rewritten to the same size with its
// modification time put back, by a script or a copy that keeps times, is
// read). False when the file must be read to know.
func (ix *Index) Clean(i int, st FileStat) bool {
	e := &ix.files[i]
	if e.intentToAdd || !st.Regular || uint32(st.Size) != e.size ||
		uint32(st.MtimeSec) != e.mtimeSec || uint32(st.MtimeNsec) != e.mtimeNsec ||
		!time.Unix(st.MtimeSec, st.MtimeNsec).Before(ix.modTime) {
		return false
	}
	return !st.Change || uint32(st.CtimeSec) == e.ctimeSec && uint32(st.CtimeNsec) == e.ctimeNsec && uint32(st.Ino) == e.ino
}

// Files is how many files the index stages; Find and FilesUnder give their
// positions, 0 to Files()-1, in git's order.
func (ix *Index) Files() int { return len(ix.files) }

// Find returns the position of the file name (a slash path from the top
// of the work tree) among those the index stages, and whether it stages it.
func (ix *Index) Find(name string) (int, bool) { return find(ix, name) }

// FindBytes is Find of a name held as bytes, which it does not copy.
func (ix *Index) FindBytes(name []byte) (int, bool) { return find(ix, name) }

func find[S string | []byte](ix *Index, name S) (int, bool) {
	i := sort.Search(len(ix.files), func(i int) bool { return ix.files[i].name >= string(name) })
	return i, i < len(ix.files) && ix.files[i].name == string(name)
}

// TreesChanged returns the slash paths that differ between the trees of
// commits a and b (full hashes): in one and not the other, or with other
// content or mode, sorted in git's order. A folder whose tree has the same
// hash in both is not read: only what changed is.
func (r *Repo) TreesChanged(a, b string) ([]string, error) {
	ta, err := r.commitTree(plumbing.NewHash(a))
	if err != nil {
		return nil, err
	}
	tb, err := r.commitTree(plumbing.NewHash(b))
	if err != nil {
		return nil, err
	}
	d := &indexDiff{trees: newTreeCache(r, 0)}
	if err := d.trees2(ta, tb, ""); err != nil {
		return nil, err
	}
	return d.out, nil
}

// trees2 adds to d.out the paths that differ between trees a and b of the
// folder whose path and a slash prefix is.
func (d *indexDiff) trees2(a, b plumbing.Hash, prefix string) error {
	if a == b {
		return nil
	}
	ea, err := d.trees.get(a)
	if err != nil {
		return err
	}
	eb, err := d.trees.get(b)
	if err != nil {
		return err
	}
	// only adds the paths of an entry in one tree alone.
	only := func(e entry) error {
		if e.isDir() {
			return d.treePaths(e.hash, prefix+e.name+"/")
		}
		d.out = append(d.out, prefix+e.name)
		return nil
	}
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		c := 0
		switch {
		case i == len(ea):
			c = 1
		case j == len(eb):
			c = -1
		default:
			c = lint.TreeOrder(ea[i].name, ea[i].isDir(), eb[j].name, eb[j].isDir())
		}
		switch {
		case c < 0:
			err = only(ea[i])
			i++
		case c > 0:
			err = only(eb[j])
			j++
		case ea[i].isDir():
			err = d.trees2(ea[i].hash, eb[j].hash, prefix+ea[i].name+"/")
			i, j = i+1, j+1
		default:
			if ea[i].hash != eb[j].hash || ea[i].mode != eb[j].mode {
				d.out = append(d.out, prefix+ea[i].name)
			}
			i, j = i+1, j+1
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// FilesUnder calls fn with the position (Find) and path of each file the
// index stages at or under dir (a slash path; "." for all), in git's
// order.
func (ix *Index) FilesUnder(dir string, fn func(i int, name string)) {
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	} else if i, ok := ix.Find(dir); ok {
		fn(i, dir)
	}
	lo, hi := entriesUnder(ix.files, prefix)
	for i := lo; i < hi; i++ {
		fn(i, ix.files[i].name)
	}
}
