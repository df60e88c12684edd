package newrecord

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/atomicfile"
)

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp fails when a temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestCreateExclusive(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visits", "2026-06-03.md")
	if err := createExclusive(dir, p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "one" {
		t.Errorf("wrote %q", got)
	}
	err := createExclusive(dir, p, []byte("two"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("over an existing file: %v, want fs.ErrExist", err)
	}
	if got := readFile(t, p); got != "one" {
		t.Errorf("the existing file became %q", got)
	}
	noTemp(t, filepath.Dir(p))
}

// Without links, and with another writer taking the name meanwhile, see
// internal/atomicfile.
