package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// The reasons ReadRegularFile and ReadRegular refuse a file, inside the
// *fs.PathError they return (errors.Is finds them).
var (
	// ErrSymlink: the file is a symbolic link, which caselint never follows.
	ErrSymlink = errors.New("a symbolic link: not followed")
	// ErrNotRegular: the file is a device, a FIFO, a socket or a folder,
	// which caselint never reads.
	ErrNotRegular = errors.New("not a regular file (a device, a FIFO, a socket or a folder)")
)

// TooLargeError is a file over the size limit, not read.
type TooLargeError struct {
	Path  string // the file, as the reader was given it
	Size  int64  // at least this many bytes
	Limit int64
}

func (e *TooLargeError) Error() string {
	msg := fmt.Sprintf("%d bytes, over the limit of %d bytes: not read", e.Size, e.Limit)
	if e.Path != "" {
		// Named: a baseline or an answers file over the limit is an error
		// of the command, which must say which file it could not read.
		msg = e.Path + ": " + msg
	}
	return msg
}

// ReadRegularFile reads the file name in fsys, as the lint engine reads a
// record: only a regular file, at most limit bytes (DefaultMaxFileSize when
// limit is 0 or less). A symbolic link is not followed (ErrSymlink) where
// fsys can tell one (it implements fs.ReadLinkFS, as os.DirFS does); a
// device, FIFO, socket or folder is refused (ErrNotRegular) before a byte
// of it is read, so a FIFO never blocks the read and /dev/zero is never
// read (other file systems refuse it before opening it; WorkTreeFS opens it
// without following a link or waiting, and refuses it at fstat); a larger
// file is a *TooLargeError. Errors other than a TooLargeError are
// *fs.PathError naming name.
func ReadRegularFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if w, ok := fsys.(workTree); ok {
		return w.readRegular(name, limit)
	}
	return readRegularFS(fsys, name, limit)
}

func readRegularFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	var st fs.FileInfo
	var err error
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		st, err = lfs.Lstat(name)
	} else {
		st, err = fs.Stat(fsys, name)
	}
	if err != nil {
		return nil, err
	}
	if err := mustBeRegular(name, st); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpened(name, f, limit)
}

// ReadRegular reads the file at path on disk under the same rules as
// ReadRegularFile: a symbolic link at path is not followed, a file that is
// not regular is refused and never opened in a way that could block, and
// at most limit bytes are read (DefaultMaxFileSize when limit is 0 or
// less). It is the one way caselint reads a file from a user's folder:
// records, exercise files, a trainee's work.
func ReadRegular(path string, limit int64) ([]byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if err := mustBeRegular(path, st); err != nil {
		return nil, err
	}
	// O_NOFOLLOW and O_NONBLOCK where the system has them: a link or a FIFO
	// put at path since the Lstat is not followed, nor waited on.
	f, err := os.OpenFile(path, os.O_RDONLY|openNoFollow, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("the file changed while caselint read it")}
	}
	return readOpened(path, f, limit)
}

func mustBeRegular(name string, st fs.FileInfo) error {
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return &fs.PathError{Op: "read", Path: name, Err: ErrSymlink}
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	return nil
}

// readOpened reads f, which must be a regular file, up to limit bytes.
func readOpened(name string, f fs.File, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := mustBeRegular(name, st); err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Path: name, Size: st.Size(), Limit: limit}
	}
	// One allocation of the size the file says it has (and room to see its
	// end), not io.ReadAll's doubling from 512 bytes.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the file's own, which may not know name
		}
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLargeError{Path: name, Size: int64(buf.Len()), Limit: limit}
	}
	return buf.Bytes(), nil
}
