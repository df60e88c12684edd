//go:build unix

package lint

import (
	"errors"
	"io/fs"
	"slices"
	"syscall"
)

// readRegular reads name as ReadRegularFile does, with three system calls
// of its own: open with O_NOFOLLOW|O_NONBLOCK|O_NOCTTY (a link is not
// followed, a FIFO not waited on, a terminal not taken), fstat (anything
// but a regular file is refused before a byte of it is read), then read to
// the end into a buffer of the size fstat gave. There is no lstat first:
// the walk that found name already knew its type from the folder, and
// open and fstat refuse whatever was put there since (docs/decisions.md,
// "Issue 18: no lstat before reading a record"). It was 5 to 8% of a
// lint's CPU time.
func (w workTree) readRegular(name string, limit int64) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	p := w.root + "/" + name
	var now syscall.Stat_t
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOCTTY|openNoFollow, 0)
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
	if now.Size > limit {
		return nil, &TooLargeError{Path: name, Size: now.Size, Limit: limit}
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
			return nil, &TooLargeError{Path: name, Size: int64(len(buf)), Limit: limit}
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
