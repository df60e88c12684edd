//go:build unix

package lint

import (
	"errors"
	"io/fs"
	"slices"
	"syscall"
)

// readRegular reads name as ReadRegularFile does, with system calls of its
// own: lstat (a link or anything but a regular file is refused before it
// is opened), open with O_NOFOLLOW|O_NONBLOCK (a link or FIFO put there
// since is neither followed nor waited on), fstat (it must be the file
// lstat saw), then reads to the end into a buffer of the size fstat gave.
func (w workTree) readRegular(name string, limit int64) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	p := w.root + "/" + name
	var st, now syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Lstat(p, &st) }); err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	if err := regularMode(name, st.Mode); err != nil {
		return nil, err
	}
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|openNoFollow, 0)
		return err
	})
	if errors.Is(err, syscall.ELOOP) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrSymlink}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	if err := syscall.Fstat(fd, &now); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := regularMode(name, now.Mode); err != nil {
		return nil, err
	}
	if now.Dev != st.Dev || now.Ino != st.Ino {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("the file changed while caselint read it")}
	}
	if now.Size > limit {
		return nil, &TooLargeError{Size: now.Size, Limit: limit}
	}
	// Room for the size fstat gave and one byte more, to see the end.
	buf := make([]byte, 0, now.Size+1)
	for {
		if len(buf) == cap(buf) { // the file grew since fstat
			buf = slices.Grow(buf, 4096)
		}
		room := buf[len(buf):min(cap(buf), len(buf)+int(limit+1-int64(len(buf))))]
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = syscall.Read(fd, room)
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n <= 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &TooLargeError{Size: int64(len(buf)), Limit: limit}
		}
	}
}

// regularMode refuses what mode says is not a regular file, as
// mustBeRegular does. (Stat_t.Mode is a uint16 on some systems.)
func regularMode[M uint16 | uint32](name string, mode M) error {
	switch uint32(mode) & syscall.S_IFMT {
	case syscall.S_IFREG:
		return nil
	case syscall.S_IFLNK:
		return &fs.PathError{Op: "read", Path: name, Err: ErrSymlink}
	}
	return &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
