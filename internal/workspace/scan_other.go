//go:build !linux

package workspace

import (
	"errors"

	"github.com/caselint/caselint/lint"
)

// errNoScan says scanFolder is not here: the work tree is walked with
// eachFile.
var errNoScan = errors.New("no folder scanner on this system")

func scanFolder(string, string, lint.Listing, func(workFile)) error {
	return errNoScan
}
