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
	"runtime"
	"slices"
	"strings"
	"sync"
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
// The folders are scanned on as many goroutines as GOMAXPROCS allows, as
// git status stats on several threads: fn is called from several at once,
// in no set order. Each folder is opened from its parent's open folder,
// never by a path a link could lead astray.
//
// When listing is not nil, each folder's entries are put in it as
// os.ReadDir gives them (lint.WithListing), so that the lint lists none
// again.
func scanFolder(root, dir string, listing lint.Listing, fn func(p string, info func() (fs.FileInfo, error))) error {
	fd, err := openDir(unix.AT_FDCWD, filepath.Join(root, filepath.FromSlash(dir)), 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	s := &scanner{fn: fn, root: root, listing: listing, spare: make(chan struct{}, runtime.GOMAXPROCS(0))}
	buf := s.buffer()
	s.folder(fd, dir, *buf)
	s.buffers.Put(buf)
	s.running.Wait()
	return s.err
}

type scanner struct {
	fn      func(p string, info func() (fs.FileInfo, error))
	root    string
	listing lint.Listing // nil: not kept
	// spare holds a token for each goroutine scanning folders besides
	// the first (which only waits once its own are done): a folder met
	// when none is free is scanned by the goroutine that met it.
	spare   chan struct{}
	running sync.WaitGroup
	buffers sync.Pool // *[]byte for getdents

	mu  sync.Mutex // guards listing and err
	err error      // the first error met; the scan stops at it
}

func (s *scanner) buffer() *[]byte {
	if b, ok := s.buffers.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, 32<<10)
	return &b
}

// fail records err, unless an error is recorded already.
func (s *scanner) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

func (s *scanner) failed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err != nil
}

// folder lists the open folder fd (at slash path dir) into buf, closing
// it, and scans the folders in it; an error is recorded (fail).
func (s *scanner) folder(fd int, dir string, buf []byte) {
	defer func() { _ = unix.Close(fd) }()
	var subs []string
	var listed []fs.DirEntry
	whole := s.listing != nil // keeping it, and every entry's type is known
	var at *scannedFolder
	if whole {
		at = &scannedFolder{root: s.root, dir: dir}
	}
	for {
		n, err := unix.Getdents(fd, buf)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			s.fail(&fs.PathError{Op: "readdirent", Path: dir, Err: err})
			return
		}
		if n <= 0 {
			break
		}
		// struct linux_dirent64: inode (8 bytes), offset (8), record
		// length (2), type (1), then the name, NUL-terminated.
		for b := buf[:n]; len(b) > 0; {
			if len(b) < 19 {
				s.fail(&fs.PathError{Op: "readdirent", Path: dir, Err: errors.New("short directory entry")})
				return
			}
			size := int(binary.NativeEndian.Uint16(b[16:18]))
			if size < 19 || size > len(b) {
				s.fail(&fs.PathError{Op: "readdirent", Path: dir, Err: errors.New("malformed directory entry")})
				return
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
		s.mu.Lock()
		s.listing[dir] = listed
		s.mu.Unlock()
	}
	// Each folder in it is opened from fd, then scanned here or, when a
	// goroutine is spare, on its own.
	for _, name := range subs {
		if s.failed() {
			return
		}
		p := path.Join(dir, name)
		sub, err := openDir(fd, name, unix.O_NOFOLLOW)
		if err != nil {
			s.fail(&fs.PathError{Op: "open", Path: p, Err: err})
			return
		}
		select {
		case s.spare <- struct{}{}:
			s.running.Add(1)
			go func() {
				defer s.running.Done()
				defer func() { <-s.spare }()
				b := s.buffer()
				defer s.buffers.Put(b)
				s.folder(sub, p, *b)
			}()
		default:
			s.folder(sub, p, buf)
		}
	}
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
