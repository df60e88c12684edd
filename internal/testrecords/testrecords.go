// Package testrecords hands tests the records under a test folder (the
// project's testdata, a package's own): the tests that hold a rewrite to
// the code it replaced on every record the project has.
package testrecords

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each calls fn with the path and content of every Markdown file under
// root, in the order of their paths; a folder that cannot be read, or a
// file, fails tb.
func Each(tb testing.TB, root string, fn func(path string, data []byte)) {
	tb.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, data)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}
