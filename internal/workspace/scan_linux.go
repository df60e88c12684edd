//go:build linux

package workspace

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// scanFolder calls fn with every file (anything but a folder) under the
// folder dir of the work tree at root, as eachFile does (hidden folders
// below dir are not walked, links are not followed), with the system calls
// git status makes: one getdents a folder, and for a file, only when fn
// asks (workFile.lstat), an lstat relative to its open folder. It costs
// about half what fs.WalkDir and DirEntry.Info do, which open each folder
// by its whole path, sort it, and look up each file from the root. A file
// met costs one small allocation (the name the lstat takes; each folder's
// names are cut from one string), so that a scan of a large work tree
// touches little new memory.
//
// The folders are scanned by as many workers as GOMAXPROCS allows, as git
// status stats on several threads: fn is called from several at once, in
// no set order. The workers take the folders still to scan from one stack
// (deepest first, which keeps few folders open), and sleep only when it
// is empty, so that a scan of thousands of folders starts a few
// goroutines, not one a folder, and wakes few threads. Each folder is
// opened from its parent's open folder, never by a path a link could lead
// astray; the parent stays open until every folder in it is.
//
// When listing is not nil, each folder's entries are put in it as
// os.ReadDir gives them (lint.WithListing), so that the lint lists none
// again.
func scanFolder(root, dir string, listing lint.Listing, fn func(workFile)) error {
	fd, err := openDir(unix.AT_FDCWD, filepath.Join(root, filepath.FromSlash(dir)), 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	s := &scanner{fn: fn, root: root, listing: listing}
	s.wake.L = &s.mu
	s.todo = []pendingFolder{{open: fd, dir: dir}}
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) - 1 {
		workers.Go(s.work)
	}
	s.work()
	workers.Wait()
	for _, p := range s.todo { // left by an error
		p.parent.release()
	}
	return s.err
}

type scanner struct {
	fn      func(workFile)
	root    string
	listing lint.Listing // nil: not kept

	mu   sync.Mutex // guards listing and what follows
	wake sync.Cond  // a folder was put on todo, or the scan is over
	// todo are the folders still to scan, the last first; busy counts
	// the workers scanning one, which may put more on todo.
	todo []pendingFolder
	busy int
	err  error // the first error met; the scan stops at it
}

// pendingFolder is a folder still to scan: the folder dir (a slash path),
// open already (open), or to be opened as name in its parent's open
// folder.
type pendingFolder struct {
	open   int
	parent *openFolder
	name   string
	dir    string
}

// openFolder is a folder's open file descriptor, closed once the folder
// is scanned and every folder in it opened (refs).
type openFolder struct {
	fd   int
	refs atomic.Int32
}

func (f *openFolder) release() {
	if f != nil && f.refs.Add(-1) == 0 {
		_ = unix.Close(f.fd)
	}
}

// work scans folders from todo until none is left and no worker can put
// more there, or an error stops the scan.
func (s *scanner) work() {
	buf := make([]byte, 32<<10) // for getdents
	for {
		s.mu.Lock()
		for len(s.todo) == 0 && s.busy > 0 && s.err == nil {
			s.wake.Wait()
		}
		if len(s.todo) == 0 || s.err != nil {
			s.mu.Unlock()
			return
		}
		p := s.todo[len(s.todo)-1]
		s.todo = s.todo[:len(s.todo)-1]
		s.busy++
		s.mu.Unlock()

		subs := s.scan(p, buf)

		s.mu.Lock()
		s.todo = append(s.todo, subs...)
		s.busy--
		if len(subs) > 0 || s.busy == 0 || s.err != nil {
			s.wake.Broadcast()
		}
		s.mu.Unlock()
	}
}

// scan opens and scans the folder p and returns the folders in it.
func (s *scanner) scan(p pendingFolder, buf []byte) []pendingFolder {
	fd := p.open
	if p.parent != nil {
		var err error
		fd, err = openDir(p.parent.fd, p.name, unix.O_NOFOLLOW)
		p.parent.release()
		if err != nil {
			s.fail(&fs.PathError{Op: "open", Path: p.dir, Err: err})
			return nil
		}
	}
	f := &openFolder{fd: fd}
	f.refs.Store(1)
	defer f.release()
	names := s.folder(fd, p.dir, buf)
	if len(names) == 0 {
		return nil
	}
	f.refs.Add(int32(len(names)))
	subs := make([]pendingFolder, len(names))
	for i, name := range names {
		// The last taken first: the folders in name order.
		subs[len(names)-1-i] = pendingFolder{parent: f, name: name, dir: path.Join(p.dir, name)}
	}
	return subs
}

// fail records err, unless an error is recorded already.
func (s *scanner) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// scannedFile is the file of a folder being scanned that fn is called
// with: one for each folder, set anew for each of its files.
type scannedFile struct {
	fd   int    // the folder's, open
	name string // the file's name in it
	path []byte // the folder's slash path and a slash (none at the top), then name
}

func (f *scannedFile) slashPath() []byte { return f.path }

func (f *scannedFile) lstat() (vcs.FileStat, error) {
	var st unix.Stat_t
	if err := fstatat(f.fd, f.name, &st); err != nil {
		return vcs.FileStat{}, &fs.PathError{Op: "lstat", Path: string(f.path), Err: err}
	}
	return vcs.FileStat{
		Regular: st.Mode&unix.S_IFMT == unix.S_IFREG, Size: st.Size,
		MtimeSec: st.Mtim.Sec, MtimeNsec: st.Mtim.Nsec,
		Change: true, CtimeSec: st.Ctim.Sec, CtimeNsec: st.Ctim.Nsec, Ino: st.Ino,
	}, nil
}

// folder lists the open folder fd (at slash path dir) into buf, calls fn
// with each file in it, and returns the names of the folders in it to
// scan; an error is recorded (fail).
func (s *scanner) folder(fd int, dir string, buf []byte) (subs []string) {
	whole := s.listing != nil // keeping it, and every entry's type is known
	var listed *lint.FolderEntries
	if whole {
		listed = lint.NewFolderEntries(s.root, dir)
	}
	file := &scannedFile{fd: fd}
	if dir != "." {
		file.path = append(append(file.path, dir...), '/')
	}
	prefix := len(file.path)
	entry := func(name string, mode fs.FileMode, known bool) {
		isDir := mode.IsDir()
		if !known {
			var st unix.Stat_t
			if err := fstatat(fd, name, &st); err == nil {
				mode, known = statMode(st.Mode).Type(), true
				isDir = st.Mode&unix.S_IFMT == unix.S_IFDIR
			}
		}
		switch {
		case !whole:
		case known:
			listed.Add(name, mode)
		default:
			// Its type is not known (gone since it was listed, or not
			// to be stat-ed): os.ReadDir is left to say.
			whole = false
		}
		if isDir {
			if !strings.HasPrefix(name, ".") {
				subs = append(subs, name)
			}
			return
		}
		file.name, file.path = name, append(file.path[:prefix], name...)
		s.fn(file)
	}
	for {
		n, err := unix.Getdents(fd, buf)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			s.fail(&fs.PathError{Op: "readdirent", Path: dir, Err: err})
			return nil
		}
		if n <= 0 {
			break
		}
		// The names are cut from one copy of what getdents gave.
		if err := lint.Dirents(string(buf[:n]), entry); err != nil {
			s.fail(&fs.PathError{Op: "readdirent", Path: dir, Err: err})
			return nil
		}
	}
	if whole {
		entries := listed.Sorted()
		s.mu.Lock()
		s.listing[dir] = entries
		s.mu.Unlock()
	}
	return subs
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

// statMode is the fs.FileMode of an lstat's mode, as os.Lstat gives it.
func statMode(mode uint32) fs.FileMode {
	m := fs.FileMode(mode & 0o777)
	switch mode & unix.S_IFMT {
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
