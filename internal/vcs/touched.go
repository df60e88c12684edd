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
