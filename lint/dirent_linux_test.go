//go:build linux

package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The work tree lists a folder as os.DirFS does (the same names, in the
// same order, with the same types and lstat), with the system calls
// alone: on folders of every kind of entry, one too large for one
// getdents, and the errors.
func TestWorkTreeReadDirAsOS(t *testing.T) {
	root := t.TempDir()
	mk := func(p string) {
		if err := os.MkdirAll(filepath.Join(root, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(filepath.Join(root, p), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mk("cases/A/visits")
	mk("cases/A/.hidden")
	mk("big")
	for _, f := range []string{"cases/A/case.md", "cases/A/Zed.md", "cases/A/a b.md", "cases/A/émile.md", "cases/A/visits/2026-01-02.md", "README.md",
		"cases/A/not-utf8-\xff\xfe.md", "cases/A/new\nline.md", "cases/A/-", "cases/A/" + strings.Repeat("n", 255)} {
		write(f)
	}
	for i := range 600 { // well past one 8 KB getdents
		write(fmt.Sprintf("big/%04d-a-visit-record-with-a-long-name.md", i))
	}
	if err := os.Symlink("../B", filepath.Join(root, "cases/A/link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "cases/A/fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("cases/A", filepath.Join(root, "dirlink")); err != nil {
		t.Fatal(err)
	}
	w := WorkTreeFS(root).(workTree)
	for _, dir := range []string{".", "cases", "cases/A", "cases/A/visits", "cases/A/.hidden", "big", "dirlink"} {
		got, err := w.readDir(dir)
		want, werr := fs.ReadDir(os.DirFS(root), dir)
		if err != nil || werr != nil || len(got) != len(want) {
			t.Errorf("%s: %d entries, %v; os.DirFS: %d, %v", dir, len(got), err, len(want), werr)
			continue
		}
		for i := range want {
			g, o := got[i], want[i]
			if g.Name() != o.Name() || g.Type() != o.Type() || g.IsDir() != o.IsDir() || fmt.Sprint(g) != fmt.Sprint(o) {
				t.Errorf("%s[%d] = %v, want %v", dir, i, g, o)
			}
			gi, gerr := g.Info()
			oi, oerr := o.Info()
			if gerr != nil || oerr != nil || gi.Name() != oi.Name() || gi.Mode() != oi.Mode() || gi.Size() != oi.Size() || !gi.ModTime().Equal(oi.ModTime()) {
				t.Errorf("%s[%d].Info() = %v, %v; want %v, %v", dir, i, gi, gerr, oi, oerr)
			}
		}
	}
	for _, dir := range []string{"none", "README.md", "cases/A/fifo.md", "../x", "/etc", "cases//A"} {
		_, err := w.readDir(dir)
		_, werr := fs.ReadDir(os.DirFS(root), dir)
		var pe, wpe *fs.PathError
		if err == nil || werr == nil || !errors.As(err, &pe) || !errors.As(werr, &wpe) || pe.Err.Error() != wpe.Err.Error() || pe.Path != wpe.Path {
			t.Errorf("%s: %v; os.DirFS: %v", dir, err, werr)
		}
	}
}
