package lint

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// WorkTreeFS is the file system of the work tree at root, as os.DirFS(root)
// gives it, whose records the engine reads with fewer system calls and no
// allocation beyond the data where the system allows (readRegularAt: on
// Unix, the file is checked with lstat, opened with O_NOFOLLOW and
// O_NONBLOCK, checked again with fstat and read into a buffer of its size,
// never through an os.File). ReadRegularFile's rules are unchanged: a link
// is not followed, nothing but a regular file is opened, at most the limit
// is read.
func WorkTreeFS(root string) fs.FS {
	return workTree{FS: os.DirFS(root), root: root}
}

// Listing is what a scan of a work tree read of its folders: each
// folder's entries, as fs.ReadDir gives them (sorted by name), by its
// slash path.
type Listing map[string][]fs.DirEntry

// WithListing returns the work tree fsys (WorkTreeFS) listing the folders
// listing holds from it, as they were when scanned, and every other folder
// from the disk; any other fsys as it is. A run that scans the work tree
// before it lints (--new-from-rev) then lists each folder once, and a
// Stat or Lstat of a name a listed folder does not hold says it is not
// there without asking the disk.
func WithListing(fsys fs.FS, listing Listing) fs.FS {
	w, ok := fsys.(workTree)
	if !ok || len(listing) == 0 {
		return fsys
	}
	w.listed = &listing
	return w
}

// workTree is WorkTreeFS: os.DirFS's file system and its root, and the
// folders listed already (WithListing). The methods below are os.DirFS's,
// which embedding fs.FS would hide.
type workTree struct {
	fs.FS
	root   string
	listed *Listing // nil: none
}

func (w workTree) ReadDir(name string) ([]fs.DirEntry, error) {
	if w.listed != nil {
		if es, ok := (*w.listed)[name]; ok {
			return slices.Clone(es), nil // the caller may sort it
		}
	}
	return w.readDir(name)
}

// isListed reports whether fsys lists folder name from a scan
// (WithListing), which costs no system call.
func isListed(fsys fs.FS, name string) bool {
	w, ok := fsys.(workTree)
	if !ok || w.listed == nil {
		return false
	}
	_, ok = (*w.listed)[name]
	return ok
}

func (w workTree) Stat(name string) (fs.FileInfo, error) {
	if w.unlisted(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(w.FS, name)
}

func (w workTree) Lstat(name string) (fs.FileInfo, error) {
	if w.unlisted(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Lstat(w.FS, name)
}

// unlisted reports whether name is not in the listing of its folder, when
// a scan listed it (WithListing): then it is not there, and asking the
// disk (a config looked for in every case folder) is spared.
func (w workTree) unlisted(name string) bool {
	if w.listed == nil || !fs.ValidPath(name) || name == "." {
		return false
	}
	es, ok := (*w.listed)[path.Dir(name)]
	if !ok {
		return false
	}
	base := path.Base(name)
	_, found := slices.BinarySearchFunc(es, base, func(e fs.DirEntry, base string) int { return strings.Compare(e.Name(), base) })
	return !found
}

func (w workTree) ReadFile(name string) ([]byte, error) { return fs.ReadFile(w.FS, name) }
func (w workTree) ReadLink(name string) (string, error) { return fs.ReadLink(w.FS, name) }
