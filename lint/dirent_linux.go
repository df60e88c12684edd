//go:build linux

package lint

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// Dirents calls fn with each entry of a folder that the getdents64 system
// call wrote (struct linux_dirent64, one after another) but "." and "..":
// its name and its type as the folder gives it, known false when the
// folder does not say (DT_UNKNOWN: an lstat must). text is one string of
// what the system call wrote; the names are cut from it, not copied. An
// entry cut short or malformed is an error.
func Dirents(text string, fn func(name string, typ fs.FileMode, known bool)) error {
	// struct linux_dirent64: inode (8 bytes), offset (8), record length
	// (2), type (1), then the name, NUL-terminated.
	for b := text; len(b) > 0; {
		if len(b) < 19 {
			return errors.New("short directory entry")
		}
		size := int(binary.NativeEndian.Uint16([]byte(b[16:18])))
		if size < 19 || size > len(b) {
			return errors.New("malformed directory entry")
		}
		typ, name := b[18], b[19:size]
		b = b[size:]
		if i := strings.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if name == "." || name == ".." || name == "" {
			continue
		}
		mode, known := direntType(typ)
		fn(name, mode, known)
	}
	return nil
}

// direntType is the type a folder's entry gives a file (d_type), as
// os.ReadDir reads it; false for DT_UNKNOWN and any other.
func direntType(typ byte) (fs.FileMode, bool) {
	switch typ {
	case syscall.DT_REG:
		return 0, true
	case syscall.DT_DIR:
		return fs.ModeDir, true
	case syscall.DT_LNK:
		return fs.ModeSymlink, true
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe, true
	case syscall.DT_SOCK:
		return fs.ModeSocket, true
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case syscall.DT_BLK:
		return fs.ModeDevice, true
	}
	return 0, false
}

// FolderEntries gathers the entries of the folder dir (a slash path) of
// the work tree at root, as os.ReadDir gives them: each entry's Info is
// its lstat, made when asked.
type FolderEntries struct {
	folder  *workTreeFolder
	entries []workTreeEntry
}

// NewFolderEntries starts the entries of folder dir of the work tree at
// root.
func NewFolderEntries(root, dir string) *FolderEntries {
	return &FolderEntries{folder: &workTreeFolder{root: root, dir: dir}}
}

// Add adds the entry name, of type typ.
func (f *FolderEntries) Add(name string, typ fs.FileMode) {
	f.entries = append(f.entries, workTreeEntry{name: name, typ: typ, folder: f.folder})
}

// Sorted returns the entries sorted by name, as os.ReadDir sorts them.
func (f *FolderEntries) Sorted() []fs.DirEntry {
	slices.SortFunc(f.entries, func(a, b workTreeEntry) int { return strings.Compare(a.name, b.name) })
	out := make([]fs.DirEntry, len(f.entries))
	for i := range f.entries {
		out[i] = &f.entries[i]
	}
	return out
}

// workTreeFolder is a folder of the work tree at root: its slash path.
type workTreeFolder struct{ root, dir string }

// workTreeEntry is an entry of a work tree's folder, as os.ReadDir gives
// it.
type workTreeEntry struct {
	name   string
	typ    fs.FileMode
	folder *workTreeFolder
}

func (e *workTreeEntry) Name() string      { return e.name }
func (e *workTreeEntry) IsDir() bool       { return e.typ.IsDir() }
func (e *workTreeEntry) Type() fs.FileMode { return e.typ }
func (e *workTreeEntry) String() string    { return fs.FormatDirEntry(e) }

func (e *workTreeEntry) Info() (fs.FileInfo, error) {
	return os.Lstat(filepath.Join(e.folder.root, filepath.FromSlash(e.folder.dir), e.name))
}

// readDir lists the folder name of the work tree as os.ReadDir does, with
// the system calls alone: open, getdents into one buffer until the end,
// close. An entry whose type the folder does not give is lstat-ed, and
// passed over when it is gone since, as os.ReadDir does.
func (w workTree) readDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(w.root+"/"+name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	entries := NewFolderEntries(w.root, name)
	var buf [8 << 10]byte
	for {
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = syscall.Getdents(fd, buf[:])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
		if n <= 0 {
			break
		}
		var failed error
		err = Dirents(string(buf[:n]), func(base string, typ fs.FileMode, known bool) {
			if failed != nil {
				return
			}
			if !known {
				st, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(name), base))
				if errors.Is(err, fs.ErrNotExist) {
					return // gone since it was listed
				}
				if err != nil {
					failed = err
					return
				}
				typ = st.Mode().Type()
			}
			entries.Add(base, typ)
		})
		if err == nil {
			err = failed
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
	}
	return entries.Sorted(), nil
}
