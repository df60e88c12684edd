package newrecord

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
		if strings.HasPrefix(e.Name(), ".caselint-new-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func withLink(t *testing.T, f func(oldname, newname string) error) {
	t.Helper()
	saved := link
	link = f
	t.Cleanup(func() { link = saved })
}

func TestCreateExclusive(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visits", "2026-06-03.md")
	if err := createExclusive(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "one" {
		t.Errorf("wrote %q", got)
	}
	err := createExclusive(p, []byte("two"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("over an existing file: %v, want fs.ErrExist", err)
	}
	if got := readFile(t, p); got != "one" {
		t.Errorf("the existing file became %q", got)
	}
	noTemp(t, filepath.Dir(p))
}

// TestCreateExclusiveNoLinks: without hard links, the file is created with
// O_EXCL instead, and still never replaces one.
func TestCreateExclusiveNoLinks(t *testing.T) {
	withLink(t, func(string, string) error {
		return &os.LinkError{Op: "link", Err: syscall.ENOTSUP}
	})
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.md")
	if err := createExclusive(p, []byte("plan")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "plan" {
		t.Errorf("wrote %q", got)
	}
	noTemp(t, dir)
	if err := createExclusive(p, []byte("other")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("over an existing file: %v", err)
	}
	if got := readFile(t, p); got != "plan" {
		t.Errorf("the existing file became %q", got)
	}
	noTemp(t, dir)
}

// TestCreateExclusiveRace: a file that appears after the check and before
// the link (another writer) is neither replaced nor reported as written,
// with or without links.
func TestCreateExclusiveRace(t *testing.T) {
	for _, links := range []bool{true, false} {
		dir := t.TempDir()
		p := filepath.Join(dir, "case.md")
		withLink(t, func(oldname, newname string) error {
			if err := os.WriteFile(newname, []byte("theirs"), 0o644); err != nil {
				return err
			}
			if links {
				return os.Link(oldname, newname)
			}
			return &os.LinkError{Op: "link", Err: syscall.EPERM}
		})
		err := createExclusive(p, []byte("ours"))
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("links %v: %v, want fs.ErrExist", links, err)
		}
		if got := readFile(t, p); got != "theirs" {
			t.Errorf("links %v: the other writer's file became %q", links, got)
		}
		noTemp(t, dir)
	}
}
