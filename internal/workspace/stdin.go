package workspace

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/internal/vcs"
)

// Buffer is the records of the work tree with one file's content given
// (an editor's unsaved buffer, read from standard input): the file name
// (relative to wd, or absolute; it need not exist yet) is linted as if it
// held data, in its case, with the rest of the case as the files are.
func Buffer(wd, name string, data []byte) (*Workspace, error) {
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	abs = filepath.Clean(abs)
	if !strings.HasSuffix(abs, ".md") {
		return nil, usagef("--stdin-filename %s: not a record's name (a record is a .md file in a case folder): nothing would be linted", name)
	}
	// The work tree the buffer belongs to: the repository the file is
	// in, else the working folder. A path outside both (../../etc/passwd)
	// names no record of the tree: an error, never "no problems".
	if _, ok := vcs.Root(existingDir(filepath.Dir(abs))); !ok && !within(evalExisting(wd), evalExisting(abs)) {
		return nil, usagef("--stdin-filename %s is outside the working folder and in no repository: name the record's path in the work tree", name)
	}
	w, err := WorkTree(wd, []string{existingDir(filepath.Dir(abs))})
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(w.Root, evalExisting(abs))
	if err != nil || !filepath.IsLocal(rel) {
		return nil, usagef("--stdin-filename %s is outside %s", name, w.Root)
	}
	p := filepath.ToSlash(rel)
	w.FS = &bufferFS{base: w.FS, name: p, data: data, mod: time.Now()}
	w.onDisk, w.buffered = false, p
	w.Scope, w.Paths = []string{p}, []string{p}
	return w, nil
}

// bufferFS is base with the file name holding data.
type bufferFS struct {
	base fs.FS
	name string
	data []byte
	mod  time.Time
}

func (b *bufferFS) Open(name string) (fs.File, error) {
	if path.Clean(name) == b.name {
		return &bufferFile{Reader: bytes.NewReader(b.data), info: b.info()}, nil
	}
	return b.base.Open(name)
}

func (b *bufferFS) Stat(name string) (fs.FileInfo, error) {
	if path.Clean(name) == b.name {
		return b.info(), nil
	}
	return fs.Stat(b.base, name)
}

func (b *bufferFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(b.base, name)
}

// Lstat and ReadLink keep the base's refusal of links for the other
// files (lint.ReadRegularFile asks for them).
func (b *bufferFS) Lstat(name string) (fs.FileInfo, error) {
	if path.Clean(name) == b.name {
		return b.info(), nil
	}
	if l, ok := b.base.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(b.base, name)
}

func (b *bufferFS) ReadLink(name string) (string, error) {
	if l, ok := b.base.(fs.ReadLinkFS); ok {
		return l.ReadLink(name)
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

func (b *bufferFS) info() fs.FileInfo {
	return bufferInfo{name: path.Base(b.name), size: int64(len(b.data)), mod: b.mod}
}

type bufferFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *bufferFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *bufferFile) Close() error               { return nil }

var _ io.ReaderAt = (*bufferFile)(nil)

type bufferInfo struct {
	name string
	size int64
	mod  time.Time
}

func (i bufferInfo) Name() string       { return i.name }
func (i bufferInfo) Size() int64        { return i.size }
func (i bufferInfo) Mode() fs.FileMode  { return 0o644 }
func (i bufferInfo) ModTime() time.Time { return i.mod }
func (i bufferInfo) IsDir() bool        { return false }
func (i bufferInfo) Sys() any           { return nil }
