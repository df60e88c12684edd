//go:build linux

package workspace

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/caselint/caselint/lint"
)

// scanFolder calls fn with every file (anything but a folder) under the
// folder dir of the work tree at root, as eachFile does (hidden folders
// below dir are not walked, links are not followed), with the system calls
// git status makes: one getdents a folder, and for a file, only when fn
// asks (info), an lstat relative to its open folder. It costs about half
// what fs.WalkDir and DirEntry.Info do, which open each folder by its
// whole path, sort it, and look up each file from the root.
//
// When listing is not nil, each folder's entries are put in it as
// os.ReadDir gives them (lint.WithListing), so that the lint lists none
// again.
func scanFolder(root, dir string, listing lint.Listing, fn func(p string, info func() (fs.FileInfo, error))) error {
	fd, err := openDir(unix.AT_FDCWD, filepath.Join(root, filepath.FromSlash(dir)), 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	s := &scanner{buf: make([]byte, 32<<10), fn: fn, root: root, listing: listing}
	return s.folder(fd, dir)
}

type scanner struct {
	buf     []byte
	fn      func(p string, info func() (fs.FileInfo, error))
	root    string
	listing lint.Listing // nil: not kept
}

// folder lists the open folder fd (at slash path dir), closing it.
func (s *scanner) folder(fd int, dir string) error {
	defer func() { _ = unix.Close(fd) }()
	var subs []string
	var listed []fs.DirEntry
	whole := s.listing != nil // keeping it, and every entry's type is known
	var at *scannedFolder
	if whole {
		at = &scannedFolder{root: s.root, dir: dir}
	}
	for {
		n, err := unix.Getdents(fd, s.buf)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			break
		}
		// struct linux_dirent64: inode (8 bytes), offset (8), record
		// length (2), type (1), then the name, NUL-terminated.
		for b := s.buf[:n]; len(b) > 0; {
			if len(b) < 19 {
				return &fs.PathError{Op: "readdirent", Path: dir, Err: errors.New("short directory entry")}
			}
			size := int(binary.NativeEndian.Uint16(b[16:18]))
			if size < 19 || size > len(b) {
				return &fs.PathError{Op: "readdirent", Path: dir, Err: errors.New("malformed directory entry")}
			}
			typ, raw := b[18], b[19:size]
			b = b[size:]
			if i := bytes.IndexByte(raw, 0); i >= 0 {
				raw = raw[:i]
			}
			if string(raw) == "." || string(raw) == ".." || len(raw) == 0 {
				continue
			}
			name := string(raw)
			mode, known := direntType[typ]
			if typ == unix.DT_UNKNOWN {
				var st unix.Stat_t
				err := fstatat(fd, name, &st)
				if err == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
					typ = unix.DT_DIR
				}
				if err == nil {
					mode, known = statInfo{st: st}.Mode().Type(), true
				}
			}
			switch {
			case !whole:
			case known:
				listed = append(listed, scannedEntry{name: name, typ: mode, at: at})
			default:
				// Its type is not known (gone since it was listed, or
				// not to be stat-ed): os.ReadDir is left to say.
				whole = false
			}
			if typ == unix.DT_DIR {
				if !strings.HasPrefix(name, ".") {
					subs = append(subs, name)
				}
				continue
			}
			s.fn(path.Join(dir, name), func() (fs.FileInfo, error) {
				var st unix.Stat_t
				if err := fstatat(fd, name, &st); err != nil {
					return nil, &fs.PathError{Op: "lstat", Path: path.Join(dir, name), Err: err}
				}
				return statInfo{name: name, st: st}, nil
			})
		}
	}
	if whole {
		slices.SortFunc(listed, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		s.listing[dir] = listed
	}
	for _, name := range subs {
		sub, err := openDir(fd, name, unix.O_NOFOLLOW)
		if err != nil {
			return &fs.PathError{Op: "open", Path: path.Join(dir, name), Err: err}
		}
		if err := s.folder(sub, path.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func openDir(at int, name string, flags int) (int, error) {
	for {
		fd, err := unix.Openat(at, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|flags, 0)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

func fstatat(fd int, name string, st *unix.Stat_t) error {
	for {
		err := unix.Fstatat(fd, name, st, unix.AT_SYMLINK_NOFOLLOW)
		if !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}

// errNoScan says scanFolder is not here (on other systems): the work tree
// is walked with eachFile.
var errNoScan = errors.New("no folder scanner on this system")

// direntType is the type of a file as a folder's entry gives it, as
// os.ReadDir reads it (DT_UNKNOWN is not here: the file's lstat says).
var direntType = map[byte]fs.FileMode{
	unix.DT_REG:  0,
	unix.DT_DIR:  fs.ModeDir,
	unix.DT_LNK:  fs.ModeSymlink,
	unix.DT_FIFO: fs.ModeNamedPipe,
	unix.DT_SOCK: fs.ModeSocket,
	unix.DT_CHR:  fs.ModeDevice | fs.ModeCharDevice,
	unix.DT_BLK:  fs.ModeDevice,
}

// scannedFolder is a folder scanned: the work tree's root on disk and its
// slash path.
type scannedFolder struct{ root, dir string }

// scannedEntry is an entry of a folder scanned, as os.ReadDir gives it.
type scannedEntry struct {
	name string
	typ  fs.FileMode
	at   *scannedFolder
}

func (e scannedEntry) Name() string      { return e.name }
func (e scannedEntry) IsDir() bool       { return e.typ.IsDir() }
func (e scannedEntry) Type() fs.FileMode { return e.typ }
func (e scannedEntry) String() string    { return fs.FormatDirEntry(e) }

func (e scannedEntry) Info() (fs.FileInfo, error) {
	return os.Lstat(filepath.Join(e.at.root, filepath.FromSlash(e.at.dir), e.name))
}

// statInfo is a file's lstat as fs.FileInfo.
type statInfo struct {
	name string
	st   unix.Stat_t
}

func (i statInfo) Name() string       { return i.name }
func (i statInfo) Size() int64        { return i.st.Size }
func (i statInfo) ModTime() time.Time { return time.Unix(i.st.Mtim.Unix()) }
func (i statInfo) IsDir() bool        { return i.st.Mode&unix.S_IFMT == unix.S_IFDIR }
func (i statInfo) Sys() any           { return &i.st }

func (i statInfo) Mode() fs.FileMode {
	m := fs.FileMode(i.st.Mode & 0o777)
	switch i.st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
	case unix.S_IFDIR:
		m |= fs.ModeDir
	case unix.S_IFLNK:
		m |= fs.ModeSymlink
	case unix.S_IFIFO:
		m |= fs.ModeNamedPipe
	case unix.S_IFSOCK:
		m |= fs.ModeSocket
	case unix.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	default:
		m |= fs.ModeDevice
	}
	return m
}
