package training

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/caselint/caselint/lint"
)

// noFollowFS is a trainer's exercise folder on disk, read without following
// any symbolic link in it: a name whose path passes through a link, or ends
// at one, is an error matching lint.ErrSymlink; a file that is not regular
// (a FIFO, a device) is never opened (lint.ErrNotRegular); a file is read
// with lint.ReadRegular, so with the record size limit. The folder itself,
// which the trainer named, may be reached through a link.
type noFollowFS struct{ root string }

var (
	_ fs.ReadFileFS = noFollowFS{}
	_ fs.ReadDirFS  = noFollowFS{}
	_ fs.StatFS     = noFollowFS{}
)

// check returns what is at name, which must be reached without a link.
func (f noFollowFS) check(op, name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	st, err := os.Lstat(f.root)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		st, err = os.Stat(f.root)
	}
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	if name == "." {
		return st, nil
	}
	at := ""
	for _, part := range splitPath(name) {
		at = path.Join(at, part)
		if st, err = os.Lstat(filepath.Join(f.root, filepath.FromSlash(at))); err != nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: op, Path: at, Err: lint.ErrSymlink}
		}
	}
	return st, nil
}

func splitPath(name string) []string {
	var parts []string
	for name != "." && name != "" {
		parts = append([]string{path.Base(name)}, parts...)
		name = path.Dir(name)
	}
	return parts
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (f noFollowFS) full(name string) string {
	return filepath.Join(f.root, filepath.FromSlash(name))
}

func (f noFollowFS) Open(name string) (fs.File, error) {
	st, err := f.check("open", name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: lint.ErrNotRegular}
	}
	return os.DirFS(f.root).Open(name)
}

func (f noFollowFS) Stat(name string) (fs.FileInfo, error) { return f.check("stat", name) }

func (f noFollowFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := f.check("readdir", name); err != nil {
		return nil, err
	}
	return fs.ReadDir(os.DirFS(f.root), name)
}

func (f noFollowFS) ReadFile(name string) ([]byte, error) {
	if _, err := f.check("read", name); err != nil {
		return nil, err
	}
	data, err := lint.ReadRegular(f.full(name), 0)
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe):
		return nil, &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err} // relative, as every name in this FS
	case err != nil:
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}
