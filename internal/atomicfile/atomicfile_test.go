package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// only fails unless dir holds exactly names: no temporary file, nothing
// half-written.
func only(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func swap[T any](t *testing.T, v *T, f T) {
	t.Helper()
	saved := *v
	*v = f
	t.Cleanup(func() { *v = saved })
}

func noLinks(string, string) error { return &os.LinkError{Op: "link", Err: syscall.ENOTSUP} }

func TestWriteNew(t *testing.T) {
	for _, links := range []bool{true, false} {
		if !links {
			swap(t, &link, noLinks)
		}
		dir := t.TempDir()
		p := filepath.Join(dir, "case.md")
		if err := WriteNew(p, []byte("one"), 0o644); err != nil {
			t.Fatalf("links %v: %v", links, err)
		}
		if got := read(t, p); got != "one" {
			t.Errorf("links %v: wrote %q", links, got)
		}
		err := WriteNew(p, []byte("two"), 0o644)
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("links %v: over an existing file: %v, want fs.ErrExist", links, err)
		}
		if got := read(t, p); got != "one" {
			t.Errorf("links %v: the existing file became %q", links, got)
		}
		only(t, dir, "case.md")
	}
}

func TestWriteNewPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "pre-commit")
	if err := WriteNew(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o100 == 0 {
		t.Errorf("mode %v: not executable", st.Mode())
	}
}

// TestWriteNewNeverReplaces: nothing at path is replaced, whatever it is:
// a folder, a symbolic link (even a dangling one), an empty file.
func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	names := []string{"empty", "folder"}
	if runtime.GOOS != "windows" {
		if err := os.Symlink("nowhere", filepath.Join(dir, "link")); err != nil {
			t.Fatal(err)
		}
		names = []string{"empty", "folder", "link"}
	}
	for _, n := range names {
		if err := WriteNew(filepath.Join(dir, n), []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: %v, want fs.ErrExist", n, err)
		}
	}
	if got := read(t, filepath.Join(dir, "empty")); got != "" {
		t.Errorf("the empty file became %q", got)
	}
	only(t, dir, names...)
}

// TestWriteNewRace: a file that appears after the check and before the
// link (another writer) is neither replaced nor reported as written, with
// or without links.
func TestWriteNewRace(t *testing.T) {
	for _, links := range []bool{true, false} {
		dir := t.TempDir()
		p := filepath.Join(dir, "plan.md")
		swap(t, &link, func(oldname, newname string) error {
			if err := os.WriteFile(newname, []byte("theirs"), 0o644); err != nil {
				return err
			}
			if links {
				return os.Link(oldname, newname)
			}
			return &os.LinkError{Op: "link", Err: syscall.EPERM}
		})
		err := WriteNew(p, []byte("ours"), 0o644)
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("links %v: %v, want fs.ErrExist", links, err)
		}
		if got := read(t, p); got != "theirs" {
			t.Errorf("links %v: the other writer's file became %q", links, got)
		}
		only(t, dir, "plan.md")
	}
}

// TestWriteNewConcurrent: of many writers racing for one name, exactly one
// wins and the file holds its data whole.
func TestWriteNewConcurrent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visit.md")
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = WriteNew(p, []byte(strings.Repeat(string(rune('a'+i)), 4096)), 0o644)
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("a loser's error: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d writers won", won)
	}
	got := read(t, p)
	if len(got) != 4096 || strings.Count(got, got[:1]) != 4096 {
		t.Errorf("the file is not one writer's data whole (%d bytes)", len(got))
	}
	only(t, dir, "visit.md")
}

// failAfter is a writer that writes n bytes and then fails, as a full disk
// or a lost network share would: the file is left half-written.
type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		return f.w.Write(p)
	}
	m, _ := f.w.Write(p[:f.n])
	return m, errors.New("no space left on device")
}

// panicAfter writes n bytes and then panics: the process stopping in the
// middle of a write, as far as a test can make it.
type panicAfter struct {
	w io.Writer
	n int
}

func (f *panicAfter) Write(p []byte) (int, error) {
	_, _ = f.w.Write(p[:min(f.n, len(p))])
	panic("crash in the middle of a write")
}

// TestCrashInTheMiddle: a write that fails or panics half-way leaves
// neither a partial file nor a temporary one; under Replace, the old
// report is as it was.
func TestCrashInTheMiddle(t *testing.T) {
	data := []byte(strings.Repeat("evidence ", 1000))
	writers := map[string]func(io.Writer) io.Writer{
		"fails":  func(w io.Writer) io.Writer { return &failAfter{w: w, n: 100} },
		"panics": func(w io.Writer) io.Writer { return &panicAfter{w: w, n: 100} },
	}
	call := func(f func() error) (err error, panicked bool) {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		return f(), false
	}
	for name, w := range writers {
		for _, links := range []bool{true, false} {
			swap(t, &wrap, w)
			if !links {
				swap(t, &link, noLinks)
			}
			dir := t.TempDir()
			p := filepath.Join(dir, "case.md")
			err, panicked := call(func() error { return WriteNew(p, data, 0o644) })
			if err == nil && !panicked {
				t.Errorf("WriteNew, writer %s, links %v: no error", name, links)
			}
			only(t, dir) // nothing: no partial case.md, no temporary file

			r := filepath.Join(dir, "report.sarif")
			if err := os.WriteFile(r, []byte("old report"), 0o644); err != nil {
				t.Fatal(err)
			}
			err, panicked = call(func() error { return Replace(r, data, 0o644) })
			if err == nil && !panicked {
				t.Errorf("Replace, writer %s: no error", name)
			}
			if got := read(t, r); got != "old report" {
				t.Errorf("Replace, writer %s: the old report became %q", name, got[:min(len(got), 20)])
			}
			only(t, dir, "report.sarif")
		}
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "caselint.sarif")
	for _, s := range []string{"first", "second, longer", "3"} {
		if err := Replace(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := read(t, p); got != s {
			t.Errorf("wrote %q, want %q", got, s)
		}
	}
	only(t, dir, "caselint.sarif")
	if err := Replace(dir, []byte("x"), 0o600); err == nil {
		t.Error("Replace of a folder: no error")
	}
}

// TestReplaceRenameFails: when the last step fails, the old file stays and
// the temporary one goes.
func TestReplaceRenameFails(t *testing.T) {
	swap(t, &rename, func(string, string) error { return errors.New("rename: input/output error") })
	dir := t.TempDir()
	p := filepath.Join(dir, "report.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Replace(p, []byte("new"), 0o644); err == nil {
		t.Fatal("no error")
	}
	if got := read(t, p); got != "old" {
		t.Errorf("the old report became %q", got)
	}
	only(t, dir, "report.json")
}

func TestNoFolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing", "case.md")
	if err := WriteNew(p, []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("WriteNew into a missing folder: %v", err)
	}
	if err := Replace(p, []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Replace into a missing folder: %v", err)
	}
}

// TestNoLinksWriteFails: without hard links path itself is written; when
// that write fails half-way, path is removed (it was created exclusively,
// so it is ours) along with the temporary file.
func TestNoLinksWriteFails(t *testing.T) {
	swap(t, &link, noLinks)
	calls := 0
	swap(t, &wrap, func(w io.Writer) io.Writer {
		calls++
		if calls == 1 {
			return w // the temporary file
		}
		return &failAfter{w: w, n: 10}
	})
	dir := t.TempDir()
	p := filepath.Join(dir, "case.md")
	if err := WriteNew(p, []byte(strings.Repeat("x", 100)), 0o644); err == nil {
		t.Fatal("no error")
	}
	if calls != 2 {
		t.Errorf("%d writes, want the temporary file and then path", calls)
	}
	only(t, dir)
}
