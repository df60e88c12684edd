package newrecord

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// createExclusive writes data to path, which must not exist, so that no
// reader ever sees half a record and nothing is ever replaced: the data is
// written and synced to a temporary file in the same folder, then linked to
// path (a link fails when path exists) and the temporary name removed.
// Where the file system has no links, path is created with O_EXCL, written
// and synced instead; a failed write removes what it created. An existing
// path gives an error matching fs.ErrExist, and is left untouched.
func createExclusive(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp)
	if err := link(tmp, path); err == nil {
		if err := os.Remove(tmp); err != nil {
			return fmt.Errorf("writing %s: removing the temporary file %s: %w", path, tmp, err)
		}
		syncDir(dir)
		return nil
	} else if errors.Is(err, fs.ErrExist) {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	// No hard links here (some network and FAT file systems): create the
	// file exclusively and write it in place.
	if err := writeExclusive(path, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// link is os.Link; tests replace it to stand for a file system without
// links, or for another writer that takes the name first.
var link = os.Link

// writeTemp writes data to a new file of a random name in dir, synced, and
// returns its path. The name starts with a dot, so that a linter run
// meanwhile skips it.
func writeTemp(dir string, data []byte) (string, error) {
	for range 100 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		name := filepath.Join(dir, ".caselint-new-"+hex.EncodeToString(b[:])+".tmp")
		if err := writeExclusive(name, data); err != nil {
			if errors.Is(err, fs.ErrExist) {
				continue
			}
			return "", err
		}
		return name, nil
	}
	return "", errors.New("no free temporary file name")
}

// writeExclusive creates name, which must not exist, writes data to it and
// syncs it. On failure after creating it, it removes it.
func writeExclusive(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// syncDir makes a new name in dir durable, where the system allows it
// (Windows does not sync folders; that is not an error).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
