//go:build unix

package lint

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caselint/caselint/schema"
)

// hostileFolder is a case folder holding a record that is a link to
// /dev/zero, a record that is a FIFO with no writer, and a plan over the
// size limit (issue 14, item 14).
func hostileFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	c := filepath.Join(dir, "a")
	if err := os.MkdirAll(c, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(c, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("case.md", caseMD)
	write("plan.md", planMD("")+strings.Repeat("x", 400))
	if err := os.Symlink("/dev/zero", filepath.Join(c, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(c, "pipe.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	return dir
}

// inTime runs f and fails the test if it has not returned in 20 s: a read
// of a FIFO blocks for ever, one of /dev/zero runs until memory ends.
func inTime(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still reading after 20 s")
	}
}

func TestReadRegular(t *testing.T) {
	c := filepath.Join(hostileFolder(t), "a")
	inTime(t, func() {
		for name, want := range map[string]error{"zero.md": ErrSymlink, "pipe.md": ErrNotRegular, ".": ErrNotRegular} {
			if _, err := ReadRegular(filepath.Join(c, name), 0); !errors.Is(err, want) {
				t.Errorf("ReadRegular(%s): %v, want %v", name, err, want)
			}
			if _, err := ReadRegularFile(os.DirFS(c), name, 0); !errors.Is(err, want) {
				t.Errorf("ReadRegularFile(%s): %v, want %v", name, err, want)
			}
			if _, err := ReadRegularFile(WorkTreeFS(c), name, 0); !errors.Is(err, want) {
				t.Errorf("ReadRegularFile(WorkTreeFS, %s): %v, want %v", name, err, want)
			}
		}
		for _, fsys := range []fs.FS{os.DirFS(c), WorkTreeFS(c)} {
			var big *TooLargeError
			if _, err := ReadRegularFile(fsys, "plan.md", 300); !errors.As(err, &big) || big.Size <= 300 || big.Path != "plan.md" ||
				!strings.HasPrefix(err.Error(), "plan.md: ") {
				t.Errorf("ReadRegularFile(%T) over the limit: %v, want it named", fsys, err)
			}
			if data, err := ReadRegularFile(fsys, "case.md", 0); err != nil || string(data) != caseMD {
				t.Errorf("ReadRegularFile(%T, case.md): %v", fsys, err)
			}
			if data, err := ReadRegularFile(fsys, "case.md", int64(len(caseMD))); err != nil || string(data) != caseMD {
				t.Errorf("ReadRegularFile(%T, case.md) at its size: %v", fsys, err)
			}
			if _, err := ReadRegularFile(fsys, "../a/case.md", 0); err == nil {
				t.Errorf("ReadRegularFile(%T, ../a/case.md): read outside the root", fsys)
			}
			if _, err := ReadRegularFile(fsys, "none.md", 0); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("ReadRegularFile(%T, none.md): %v, want not exist", fsys, err)
			}
		}
		var big *TooLargeError
		if _, err := ReadRegular(filepath.Join(c, "plan.md"), 300); !errors.As(err, &big) || big.Size <= 300 ||
			!strings.HasPrefix(err.Error(), filepath.Join(c, "plan.md")+": ") {
			t.Errorf("ReadRegular over the limit: %v, want it named", err)
		}
		if data, err := ReadRegular(filepath.Join(c, "case.md"), 0); err != nil || string(data) != caseMD {
			t.Errorf("ReadRegular(case.md): %v", err)
		}
	})
}

// TestLintHostileFiles: a record linking to /dev/zero and a FIFO record,
// named on the command line or found by the walk, are not read: lint ends,
// says why, and lints the rest.
func TestLintHostileFiles(t *testing.T) {
	dir := hostileFolder(t)
	prof, _ := ShippedProfile(ProfileCombined)
	for i, paths := range [][]string{nil, {"a/zero.md", "a/pipe.md"}, nil, {"a/zero.md", "a/pipe.md"}} {
		fsys := os.DirFS(dir)
		if i >= 2 {
			fsys = WorkTreeFS(dir)
		}
		var res *Result
		inTime(t, func() {
			var err error
			res, err = Run(context.Background(), Options{FS: fsys, Paths: paths, Rules: hygiene, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), MaxFileSize: 300})
			if err != nil {
				t.Error(err)
			}
		})
		if res == nil {
			continue
		}
		var notes []string
		for _, n := range res.Notifications {
			notes = append(notes, n.Path+": "+n.Message)
		}
		got := strings.Join(notes, "\n")
		for _, want := range []string{"a/zero.md: symbolic link not followed", "a/pipe.md: not read: not a regular file"} {
			if paths != nil && !strings.Contains(got, want) {
				t.Errorf("paths %v: no %q in the notices:\n%s", paths, want, got)
			}
		}
		if !strings.Contains(lines(res), "a/plan.md:01: invalid-record") {
			t.Errorf("paths %v: the oversized plan not reported:\n%s", paths, lines(res))
		}
	}
}
