package newrecord

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/caselint/caselint/lint/atomicfile"
)

// createExclusive writes data to path, which must not exist, making its
// folder: atomicfile.WriteNew, so that no reader ever sees half a record
// and nothing is ever replaced (the data is synced to a temporary file in
// the same folder, then linked to path; where the file system has no links,
// path is created with O_EXCL). An existing path gives an error matching
// fs.ErrExist, and is left untouched.
func createExclusive(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return atomicfile.WriteNew(path, data, 0o666)
}
