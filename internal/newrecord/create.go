package newrecord

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/internal/atomicfile"
)

// createExclusive writes data to path, which must not exist, below the case
// folder dir, making its folder: atomicfile.WriteNew, so that no reader
// ever sees half a record and nothing is ever replaced (the data is synced
// to a temporary file in the same folder, then linked to path; where the
// file system has no links, path is created with O_EXCL). An existing path
// gives an error matching fs.ErrExist, and is left untouched. A symbolic
// link on the way from dir to path, or at path, is a *LinkError, checked
// again once the folders are made.
func createExclusive(dir, path string, data []byte) error {
	if err := noLinks(dir, path); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := noLinks(dir, path); err != nil {
		return err
	}
	return atomicfile.WriteNew(path, data, 0o666)
}

// LinkError is the refusal to write a record through a symbolic link: a
// core-groups -> /outside folder link would put the record where caselint
// lint, which never follows a link, does not read it.
type LinkError struct {
	Path string // the record's path
	Link string // the link on the way to it, or Path itself
}

func (e *LinkError) Error() string {
	if e.Link == e.Path {
		return fmt.Sprintf("%s is a symbolic link: caselint new never writes through a link; remove it, or give the record another name with --name", e.Path)
	}
	return fmt.Sprintf("not writing %s: %s is a symbolic link, and caselint new never writes through a link (caselint lint does not read what is behind one): make %s a folder of the case", e.Path, e.Link, filepath.Base(e.Link))
}

// noLinks checks each name on the way from the case folder dir down to path
// (below dir), path included: none may be a symbolic link. dir itself, and
// the folders above it, are the user's to name.
func noLinks(dir, path string) error {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("writing %s: not inside the case folder %s", path, dir)
	}
	at := dir
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		at = filepath.Join(at, part)
		st, err := os.Lstat(at)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // nothing below it exists yet
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return &LinkError{Path: path, Link: at}
		}
	}
	return nil
}
