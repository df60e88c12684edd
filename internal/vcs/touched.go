package vcs

import (
	"io/fs"

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

// CleanHash returns the hash of the blob the index holds for the work-tree
// file name, when fi (the file's Lstat) shows it unchanged since git read
// it: the same size and modification time as the index recorded, and that
// time before the index was written (a file changed in the same instant
// the index was written may not show it: git calls it racily clean, and
// reads it); false when the file must be read to know.
func (ix *Index) CleanHash(name string, fi fs.FileInfo) (string, bool) {
	lo, hi := entriesUnder(ix.files, name)
	if lo >= hi || ix.files[lo].name != name {
		return "", false
	}
	e := ix.files[lo]
	mt := fi.ModTime()
	if e.intentToAdd || !fi.Mode().IsRegular() || uint32(fi.Size()) != e.size ||
		uint32(mt.Unix()) != e.mtimeSec || uint32(mt.Nanosecond()) != e.mtimeNsec || !mt.Before(ix.modTime) {
		return "", false
	}
	return e.hash.String(), true
}
