//go:build linux

package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// The listing a scan keeps (lint.WithListing) is what os.ReadDir gives of
// each folder it scanned: the same names, in the same order, with the same
// types and lstat, so that the lint reads the same tree from it.
func TestScanListing(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"cases/A/visits", "cases/B", ".hidden/x", "cases/A/.old", "loose"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"cases/A/case.md", "cases/A/visits/2026-01-02.md", "cases/A/visits/2026-01-01.md", "cases/B/case.md", ".hidden/x/y.md", "cases/A/.old/z.md", "loose/n.md", "README.md", "cases/A/Zed.md", "cases/A/a b.md"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../B", filepath.Join(root, "cases/A/link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "cases/B/fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	listing := lint.Listing{}
	var mu sync.Mutex // the scan calls back from several goroutines
	var files []string
	if err := scanFolder(root, ".", listing, func(f workFile) {
		p := string(f.slashPath())
		// The lstat the scan makes is the one os.Lstat makes, as the
		// index compares it.
		st, err := f.lstat()
		fi, oerr := os.Lstat(filepath.Join(root, p))
		if err != nil || oerr != nil || st != vcs.StatOf(fi) {
			t.Errorf("%s: the scan's lstat %+v, %v; os.Lstat's %+v, %v", p, st, err, vcs.StatOf(fi), oerr)
		}
		mu.Lock()
		files = append(files, p)
		mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	// Every folder but those in hidden folders below the one scanned.
	want := []string{".", "cases", "cases/A", "cases/A/visits", "cases/B", "loose"}
	if len(listing) != len(want) {
		t.Errorf("listed %d folders, want %d: %v", len(listing), len(want), listing)
	}
	fsys := lint.WithListing(lint.WorkTreeFS(root), listing)
	for _, dir := range want {
		got, ok := listing[dir]
		if !ok {
			t.Errorf("%s not listed", dir)
			continue
		}
		real, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		viaFS, err := fs.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(real) || len(viaFS) != len(real) {
			t.Errorf("%s: %d entries listed, %d through the FS, %d on disk", dir, len(got), len(viaFS), len(real))
			continue
		}
		for i, r := range real {
			g := got[i]
			if g.Name() != r.Name() || g.Type() != r.Type() || g.IsDir() != r.IsDir() || viaFS[i].Name() != r.Name() {
				t.Errorf("%s[%d] = %v, want %v", dir, i, g, r)
			}
			gi, gerr := g.Info()
			ri, rerr := r.Info()
			if gerr != nil || rerr != nil || gi.Name() != ri.Name() || gi.Mode() != ri.Mode() || gi.Size() != ri.Size() {
				t.Errorf("%s[%d].Info() = %v, %v; want %v, %v", dir, i, gi, gerr, ri, rerr)
			}
		}
	}
	// The FS's ReadDir hands out a copy: sorting it leaves the listing be.
	es, _ := fs.ReadDir(fsys, "cases/A")
	es[0], es[1] = es[1], es[0]
	if again, _ := fs.ReadDir(fsys, "cases/A"); again[0].Name() != ".old" {
		t.Errorf("the listing was changed through a ReadDir: %v", again)
	}
	// A name a listed folder does not hold is not there, as the scan saw
	// it (the disk is not asked: a file made since is not seen); one it
	// holds, and one in a folder not listed, are stat-ed on the disk.
	if err := os.WriteFile(filepath.Join(root, "cases/A/made-since.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, stat := range []func(fs.FS, string) (fs.FileInfo, error){fs.Stat, fs.Lstat} {
		if _, err := stat(fsys, "cases/A/made-since.md"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a file the listing does not hold: %v", err)
		}
		if st, err := stat(fsys, "cases/A/case.md"); err != nil || st.Size() != 1 {
			t.Errorf("a file the listing holds: %v, %v", st, err)
		}
		if _, err := stat(fsys, "cases/A/.old/z.md"); err != nil {
			t.Errorf("a file in a folder not listed: %v", err)
		}
	}
	// A folder not scanned is read from the disk.
	if es, err := fs.ReadDir(fsys, "cases/A/.old"); err != nil || len(es) != 1 || es[0].Name() != "z.md" {
		t.Errorf("a folder not scanned: %v, %v", es, err)
	}
	// No listing kept when not asked for.
	if err := scanFolder(root, ".", nil, func(workFile) {}); err != nil {
		t.Fatal(err)
	}
}

// The scan on several goroutines meets every file once and lists every
// folder as the scan on one does: the same files, the same listing.
func TestScanParallel(t *testing.T) {
	root := t.TempDir()
	for c := range 60 {
		for _, f := range []string{"case.md", "plan.md", "visits/a.md", "visits/b.md", "core-groups/x/y.md", ".hidden/z.md"} {
			p := filepath.Join(root, "cases", fmt.Sprintf("C-%02d", c), f)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	scan := func(procs int) ([]string, lint.Listing) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		listing := lint.Listing{}
		var mu sync.Mutex
		var files []string
		err := scanFolder(root, ".", listing, func(f workFile) {
			p := string(f.slashPath())
			if _, err := f.lstat(); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			mu.Lock()
			files = append(files, p)
			mu.Unlock()
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(files)
		return files, listing
	}
	openFDs := func() int {
		es, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd here")
		}
		return len(es)
	}
	before := openFDs()
	oneFiles, one := scan(1)
	if len(oneFiles) != 60*5 || len(one) != 2+60*4 {
		t.Fatalf("one goroutine: %d files, %d folders listed", len(oneFiles), len(one))
	}
	for _, procs := range []int{2, 8} {
		files, listing := scan(procs)
		// Every folder opened is closed once it and the folders in it
		// are scanned. (Fewer may be open than before: a file an
		// earlier test left to the collector may have been closed.)
		if n := openFDs(); n > before {
			t.Errorf("GOMAXPROCS=%d: %d files open after the scan, %d before", procs, n, before)
		}
		if !slices.Equal(files, oneFiles) {
			t.Errorf("GOMAXPROCS=%d: %d files, want %d", procs, len(files), len(oneFiles))
		}
		if len(listing) != len(one) {
			t.Errorf("GOMAXPROCS=%d: %d folders listed, want %d", procs, len(listing), len(one))
		}
		for dir, es := range one {
			got := listing[dir]
			if len(got) != len(es) {
				t.Errorf("GOMAXPROCS=%d: %s has %d entries, want %d", procs, dir, len(got), len(es))
				continue
			}
			for i := range es {
				if got[i].Name() != es[i].Name() || got[i].Type() != es[i].Type() {
					t.Errorf("GOMAXPROCS=%d: %s[%d] = %v, want %v", procs, dir, i, got[i], es[i])
				}
			}
		}
	}
}

// A file the scan meets costs one small allocation, the NUL-ended name
// the lstat system call takes: a work tree of many files scanned (listing
// kept, each file's lstat made) allocates per folder, and that once a file.
func TestScanAllocatesPerFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "cases", "C-1", "visits")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	scan := func() {
		if err := scanFolder(root, ".", lint.Listing{}, func(f workFile) {
			if _, err := f.lstat(); err != nil {
				t.Error(err)
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	allocs := func(files int) float64 {
		for i := range files {
			p := filepath.Join(dir, fmt.Sprintf("2026-01-%03d-a-visit-with-a-long-name.md", i))
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return testing.AllocsPerRun(20, scan)
	}
	few := allocs(10)
	many := allocs(400)
	// 390 more files: one more allocation each, and a few as the
	// folder's listing grows.
	if many-few > 390+40 {
		t.Errorf("a scan of 400 files allocates %.0f times, of 10 files %.0f: more than one a file", many, few)
	}
}
