//go:build !linux

package workspace

import (
	"errors"
	"io/fs"

	"github.com/caselint/caselint/lint"
)

// errNoScan says scanFolder is not here: the work tree is walked with
// eachFile.
var errNoScan = errors.New("no folder scanner on this system")

func scanFolder(string, string, lint.Listing, func(string, func() (fs.FileInfo, error))) error {
	return errNoScan
}
