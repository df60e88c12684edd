// Package atomicfile writes files so that no reader ever sees half of one
// and nothing is lost: case records, hooks and exercises are written with
// WriteNew, which never replaces a file; reports, which the user names to be
// rewritten, with WriteOutput, which replaces only a regular file and writes
// to a device or FIFO (/dev/null, /dev/stdout) by opening it; the files
// caselint keeps (its hook, its cache) with Replace, which replaces a file
// or a link and never a device.
//
// Each writes the data to a temporary file in the destination's folder (a
// hidden name, ".caselint-*.tmp", which caselint lint skips), syncs it, and
// only then gives it the destination's name (WriteOutput to a device or
// FIFO writes to it directly: there is no name to give). On any error, and on a panic,
// the temporary file is removed: a failed write leaves the folder as it
// was.
package atomicfile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// The system calls, replaced by the tests to stand for file systems without
// hard links, a writer that fails half-way, or another process.
var (
	link   = os.Link
	rename = os.Rename
	// wrap is the writer the data goes through to the temporary file.
	wrap = func(w io.Writer) io.Writer { return w }
)

// TempPrefix begins the name of every temporary file this package makes.
const TempPrefix = ".caselint-"

// WriteNew writes data to path, which must not exist, with permission perm
// (before the umask). It never replaces anything: an existing path, of any
// kind, is an error matching fs.ErrExist and is left untouched, even when
// another process creates it while WriteNew runs.
//
// The data is synced to a temporary file beside path and then hard-linked
// to path, which fails if path exists, so path appears complete or not at
// all. Where the file system has no hard links (FAT, some network shares),
// path is created with O_EXCL and written in place; a failed write then
// removes it, but a machine that stops half-way can leave it short.
// The folder must exist.
func WriteNew(path string, data []byte, perm fs.FileMode) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, bytesOf(data), perm)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer removeUnlessDone(tmp, &err, true)

	lerr := link(tmp, path)
	switch {
	case lerr == nil:
		syncDir(dir)
		return nil
	case errors.Is(lerr, fs.ErrExist):
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	// No hard links here: create path exclusively and write it in place.
	if err := writeExclusive(path, bytesOf(data), perm); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// Replace writes data to path, replacing what is there, with permission
// perm (before the umask): for a file caselint keeps and rewrites (the
// pre-commit hook, the history cache). A regular file, or a symbolic link
// (the link itself, never what it points to), is replaced atomically: the
// data is written to a temporary file beside path and renamed over it, so a
// reader sees the old file or the new one, never half of either, and if
// Replace fails the old file is as it was. A folder (ErrFolder) and a
// device, FIFO or socket (ErrSpecial) are refused: never replaced.
func Replace(path string, data []byte, perm fs.FileMode) (err error) {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("writing %s: %w", path, err)
	case st.IsDir():
		return &WriteError{Path: path, Err: ErrFolder}
	case !st.Mode().IsRegular() && st.Mode()&fs.ModeSymlink == 0:
		return &WriteError{Path: path, Err: ErrSpecial}
	}
	return replaceRegular(path, bytesOf(data), perm)
}

// WriteOutput writes data to path, a file the user named to be written (a
// report named with --output), with permission perm (before the umask) for
// a new file. What is at path decides how:
//
//   - nothing, or a regular file: as Replace, atomically;
//   - a character device, a FIFO or a socket (/dev/null, a named pipe), or
//     a symbolic link to one (/dev/stdout, /proc/self/fd/1): it is opened
//     for writing, never created, truncated or replaced, and the data
//     written to it;
//   - a block device (a disk or a partition, /dev/sda), or a link to one:
//     an error (ErrDisk), before it is opened: a report written there, as
//     root, would overwrite the disk;
//   - a folder, or a link to one: an error (ErrFolder);
//   - a symbolic link to a regular file, or a link that leads nowhere: an
//     error (ErrLink). caselint never writes through a link to a file, and
//     never creates a file where a link points.
//
// An error names path as the caller gave it.
func WriteOutput(path string, data []byte, perm fs.FileMode) (err error) {
	return WriteOutputFrom(path, perm, bytesOf(data))
}

// WriteOutputFrom is WriteOutput of what write writes, as it writes it: a
// report too large to hold in memory is streamed into the temporary file
// (or the device) through a buffer, and is given path's name only once
// write has returned without error and the file is synced. When write
// fails, the temporary file is removed and path is as it was.
func WriteOutputFrom(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replaceRegular(path, write, perm)
	case err != nil:
		return fmt.Errorf("writing %s: %w", path, err)
	case st.IsDir():
		return &WriteError{Path: path, Err: ErrFolder}
	case st.Mode().IsRegular():
		return replaceRegular(path, write, perm)
	case st.Mode()&fs.ModeSymlink != 0:
		target, err := os.Stat(path)
		switch {
		case err != nil:
			return &WriteError{Path: path, Err: ErrLink, Why: "a symbolic link that leads nowhere"}
		case target.IsDir():
			return &WriteError{Path: path, Err: ErrFolder, Why: "a symbolic link to a folder"}
		case target.Mode().IsRegular():
			return &WriteError{Path: path, Err: ErrLink, Why: "a symbolic link to a file"}
		}
	}
	if target, err := os.Stat(path); err == nil && isBlockDevice(target.Mode()) {
		return &WriteError{Path: path, Err: ErrDisk}
	}
	return writeSpecial(path, write)
}

// isBlockDevice reports whether mode is a block device's: a disk or a
// partition (/dev/sda), which a report written to would overwrite.
func isBlockDevice(mode fs.FileMode) bool {
	return mode&fs.ModeDevice != 0 && mode&fs.ModeCharDevice == 0
}

// ErrFolder, ErrLink and ErrSpecial say why Replace or WriteOutput refused
// a path; WriteError carries them with the path.
var (
	ErrFolder  = errors.New("it is a folder: give a file name")
	ErrLink    = errors.New("caselint never writes through a symbolic link: give the file itself, or a new name")
	ErrSpecial = errors.New("it is a device, a FIFO or a socket, which caselint never replaces")
	ErrDisk    = errors.New("it is a block device (a disk or a partition), which caselint never writes to: give a file name")
)

// WriteError is a path Replace or WriteOutput will not write to.
type WriteError struct {
	Path string
	Err  error  // ErrFolder, ErrLink, ErrSpecial or ErrDisk
	Why  string // what is at Path, when Err does not say it
}

func (e *WriteError) Error() string {
	if e.Why != "" {
		return fmt.Sprintf("writing %s: it is %s; %s", e.Path, e.Why, e.Err)
	}
	return fmt.Sprintf("writing %s: %s", e.Path, e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// bytesOf is the writer of data, for the functions below, which take what
// to write as a function that writes it.
func bytesOf(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		n, err := w.Write(data)
		if err == nil && n < len(data) {
			err = io.ErrShortWrite
		}
		return err
	}
}

// replaceRegular writes what data writes to a temporary file beside path
// and renames it over path.
func replaceRegular(path string, data func(io.Writer) error, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data, perm)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer removeUnlessDone(tmp, &err, false)
	if err := rename(tmp, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// writeSpecial writes data to the device, FIFO or socket at path (or that a
// link at path leads to) by opening it: never created (no O_CREATE, so a
// link that has come to lead nowhere is an error), never truncated. If what
// it opens is a regular file or a folder after all (it changed since
// WriteOutput looked), nothing is written.
func writeSpecial(path string, data func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	st, err := f.Stat()
	if err == nil && (st.Mode().IsRegular() || st.IsDir()) {
		f.Close()
		return &WriteError{Path: path, Err: ErrLink, Why: "a file that changed while caselint wrote"}
	}
	if err == nil && isBlockDevice(st.Mode()) {
		f.Close()
		return &WriteError{Path: path, Err: ErrDisk}
	}
	if err == nil {
		err = writeBuffered(f, data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// removeUnlessDone removes the temporary file tmp when the write failed or
// panicked; after a WriteNew (always, since the link leaves tmp behind) or
// a Replace that renamed it (never: it is gone).
func removeUnlessDone(tmp string, err *error, always bool) {
	p := recover()
	if p != nil || *err != nil || always {
		if rerr := os.Remove(tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) && p == nil && *err == nil {
			*err = fmt.Errorf("removing the temporary file %s: %w", tmp, rerr)
		}
	}
	if p != nil {
		panic(p)
	}
}

// writeTemp writes what data writes to a new file of a random hidden name
// in dir, synced, and returns its path.
func writeTemp(dir string, data func(io.Writer) error, perm fs.FileMode) (string, error) {
	for range 100 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		name := filepath.Join(dir, TempPrefix+hex.EncodeToString(b[:])+".tmp")
		err := writeExclusive(name, data, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return name, nil
	}
	return "", errors.New("no free temporary file name")
}

// writeExclusive creates name, which must not exist, writes to it what
// data writes and syncs it. When anything fails after it is created, or the
// writer panics, it is removed.
func writeExclusive(name string, data func(io.Writer) error, perm fs.FileMode) (err error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(name)
		}
	}()
	err = writeBuffered(f, data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		ok = true // closed and removed
		return err
	}
	ok = true
	return nil
}

// writeBuffered writes what data writes to f through a buffer, so that a
// writer of many small pieces (a report, finding by finding) costs few
// system calls and no copy of the whole in memory.
func writeBuffered(f *os.File, data func(io.Writer) error) error {
	bw := bufio.NewWriterSize(wrap(f), 64<<10)
	if err := data(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// syncDir makes a new name in dir durable, where the system allows it
// (Windows does not sync folders; that is not an error).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
