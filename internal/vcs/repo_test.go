package vcs

import (
	"errors"
	"github.com/caselint/caselint/lint"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func readFS(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", name, err)
	}
	return string(data)
}

func TestOpenFromSubfolder(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "case\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "first")
	for _, p := range []string{g.dir, filepath.Join(g.dir, "cases"), filepath.Join(g.dir, "cases", "STK-1"), filepath.Join(g.dir, "cases", "STK-1", "case.md")} {
		r, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		if r.Root() != g.dir {
			t.Errorf("Open(%s).Root() = %s, want %s", p, r.Root(), g.dir)
		}
	}
	if root, ok := Root(filepath.Join(g.dir, "cases")); !ok || root != g.dir {
		t.Errorf("Root = %q, %v", root, ok)
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); !errors.Is(err, ErrNotRepository) {
		t.Errorf("Open(%s) = %v, want ErrNotRepository", dir, err)
	}
	if _, ok := Root(dir); ok {
		t.Errorf("Root(%s) found a repository", dir)
	}
}

func TestHeadBranchAndResolve(t *testing.T) {
	g := newTestRepo(t)
	r := g.open()
	if _, err := r.Head(); err == nil {
		t.Error("Head in an empty repository: no error")
	}
	if b := r.Branch(); b != "main" {
		t.Errorf("Branch() in an empty repository = %q, want main", b)
	}
	g.write("a.md", "one\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "two\n")
	c2 := g.commit("Ann Smith", "2026-01-06T11:00:00+01:00", "two")
	g.git("tag", "-a", "-m", "release", "v1", c1)
	g.git("tag", "light", c2)
	g.write("a.md", "three\n")
	c3 := g.commit("Ann Smith", "2026-01-07T10:00:00Z", "three")

	if h, err := r.Head(); err != nil || h != c3 {
		t.Errorf("Head() = %s, %v; want %s", h, err, c3)
	}
	for rev, want := range map[string]string{
		"HEAD": c3, "main": c3, "HEAD~2": c1, "HEAD^": c2, "v1": c1, "light": c2, c2: c2, c1[:10]: c1,
	} {
		h, _, err := r.ResolveRevision(rev)
		if err != nil || h != want {
			t.Errorf("ResolveRevision(%s) = %s, %v; want %s", rev, h, err, want)
		}
	}
	_, when, err := r.ResolveRevision("HEAD~1")
	if err != nil || !when.Equal(time.Date(2026, 1, 6, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("ResolveRevision(HEAD~1) date = %v, %v", when, err)
	}
	if _, _, err := r.ResolveRevision("no-such-branch"); err == nil {
		t.Error("ResolveRevision(no-such-branch): no error")
	} else if strings.Contains(err.Error(), "shallow") {
		t.Errorf("ResolveRevision(no-such-branch) in a full clone speaks of shallow clones: %v", err)
	}

	g.git("checkout", "-q", "--detach", c2)
	if b := r.Branch(); b != "" {
		t.Errorf("Branch() detached = %q, want empty", b)
	}
	if h, _ := r.Head(); h != c2 {
		t.Errorf("Head() detached = %s, want %s", h, c2)
	}
}

func TestCommitFSOlderRevision(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "case v1\n")
	g.write("cases/STK-1/visits/2026-01-05.md", "visit v1\n")
	g.write("cases/STK-2/case.md", "other case\n")
	g.write("README.txt", "readme\n")
	g.write("run.sh", "#!/bin/sh\n")
	if err := os.Chmod(filepath.Join(g.dir, "run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("cases/STK-1/case.md", "case v2\n")
	g.remove("cases/STK-2/case.md")
	g.write("cases/STK-3/case.md", "new case\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "two")

	r := g.open()
	old, err := r.CommitFS(c1)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, old, "cases/STK-1/case.md"); got != "case v1\n" {
		t.Errorf("old case.md = %q", got)
	}
	if got := readFS(t, old, "cases/STK-2/case.md"); got != "other case\n" {
		t.Errorf("deleted-later case.md = %q", got)
	}
	if _, err := fs.Stat(old, "cases/STK-3"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a later folder = %v, want not exist", err)
	}
	if err := fstest.TestFS(old, "cases/STK-1/case.md", "cases/STK-1/visits/2026-01-05.md", "cases/STK-2/case.md", "README.txt", "run.sh"); err != nil {
		t.Error(err)
	}
	des, err := fs.ReadDir(old, "cases")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
		if !d.IsDir() {
			t.Errorf("%s is not a folder", d.Name())
		}
	}
	if !reflect.DeepEqual(names, []string{"STK-1", "STK-2"}) {
		t.Errorf("ReadDir(cases) = %v", names)
	}
	st, err := fs.Stat(old, "run.sh")
	if err != nil || st.Mode() != 0o755 {
		t.Errorf("run.sh mode = %v, %v", st, err)
	}
	st, err = fs.Stat(old, "cases/STK-1/case.md")
	if err != nil || st.Mode() != 0o644 || st.Size() != int64(len("case v1\n")) || st.Name() != "case.md" {
		t.Errorf("case.md stat = %v %v %v, %v", st.Mode(), st.Size(), st.Name(), err)
	}

	cur, err := r.CommitFS("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, cur, "cases/STK-1/case.md"); got != "case v2\n" {
		t.Errorf("HEAD case.md = %q", got)
	}
	if _, err := fs.Stat(cur, "cases/STK-2/case.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a deleted file = %v", err)
	}
	for _, bad := range []string{"/cases", "cases/", "../x", "cases//STK-1"} {
		if _, err := cur.Open(bad); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q) = %v, want invalid", bad, err)
		}
	}
	if _, err := fs.ReadFile(cur, "cases/STK-1/case.md/x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a path through a file: %v", err)
	}
	if _, err := r.CommitFS("nope"); err == nil {
		t.Error("CommitFS(nope): no error")
	}
}

func TestCommitFSSymlinks(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "case\n")
	g.write("outside/secret.md", "secret\n")
	if err := os.Symlink("../../outside/secret.md", filepath.Join(g.dir, "cases/STK-1/link.md")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink("../outside", filepath.Join(g.dir, "cases/dirlink")); err != nil {
		t.Fatal(err)
	}
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "links")
	r := g.open()
	for name, get := range map[string]func() (fs.FS, error){
		"CommitFS": func() (fs.FS, error) { return r.CommitFS("HEAD") },
		"IndexFS":  r.IndexFS,
	} {
		fsys, err := get()
		if err != nil {
			t.Fatal(err)
		}
		st, err := fs.Stat(fsys, "cases/STK-1/link.md")
		if err != nil || st.Mode().Type() != fs.ModeSymlink {
			t.Errorf("%s: Stat(link.md) = %v, %v; want a symbolic link", name, st, err)
		}
		if _, err := fs.ReadFile(fsys, "cases/STK-1/link.md"); !errors.Is(err, errSymlink) {
			t.Errorf("%s: ReadFile(link.md) = %v, want not followed", name, err)
		}
		if _, err := fsys.Open("cases/STK-1/link.md"); !errors.Is(err, errSymlink) {
			t.Errorf("%s: Open(link.md) = %v, want not followed", name, err)
		}
		if _, err := fs.Stat(fsys, "cases/dirlink/secret.md"); err == nil {
			t.Errorf("%s: a folder link was followed", name)
		}
		var walked []string
		err = fs.WalkDir(fsys, "cases", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			walked = append(walked, p+" "+d.Type().String())
			// The type alone (lint.TypeFS) is Stat's.
			st, serr := fs.Stat(fsys, p)
			typ, terr := fsys.(lint.TypeFS).LstatType(p)
			if serr != nil || terr != nil || typ != st.Mode().Type() {
				t.Errorf("%s: LstatType(%s) = %v, %v; Stat gives %v, %v", name, p, typ, terr, st, serr)
			}
			return nil
		})
		if _, err := fsys.(lint.TypeFS).LstatType("cases/none.md"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: LstatType of no file = %v", name, err)
		}
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"cases d---------", "cases/STK-1 d---------", "cases/STK-1/case.md ----------", "cases/STK-1/link.md L---------", "cases/dirlink L---------"}
		if !reflect.DeepEqual(walked, want) {
			t.Errorf("%s: walked %q, want %q", name, walked, want)
		}
	}
}

func TestIndexFSStagedContent(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "committed\n")
	g.write("cases/STK-1/gone.md", "to be removed\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("cases/STK-1/case.md", "staged\n")
	g.write("cases/STK-2/case.md", "new and staged\n")
	g.git("add", "cases")
	g.git("rm", "-q", "--cached", "cases/STK-1/gone.md")
	g.write("cases/STK-1/case.md", "work tree, not staged\n")
	g.write("cases/STK-3/case.md", "untracked\n")
	g.write("cases/STK-4/case.md", "intent to add\n")
	g.git("add", "-N", "cases/STK-4/case.md")

	r := g.open()
	fsys, err := r.IndexFS()
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, fsys, "cases/STK-1/case.md"); got != "staged\n" {
		t.Errorf("case.md = %q, want the staged content", got)
	}
	if got := readFS(t, fsys, "cases/STK-2/case.md"); got != "new and staged\n" {
		t.Errorf("new case.md = %q", got)
	}
	for _, p := range []string{"cases/STK-1/gone.md", "cases/STK-3/case.md", "cases/STK-3", "cases/STK-4/case.md"} {
		if _, err := fs.Stat(fsys, p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%s) = %v, want not exist", p, err)
		}
	}
	if err := fstest.TestFS(fsys, "cases/STK-1/case.md", "cases/STK-2/case.md"); err != nil {
		t.Error(err)
	}
	paths, err := r.StagedPaths()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cases/STK-1/case.md", "cases/STK-1/gone.md", "cases/STK-2/case.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("StagedPaths() = %v, want %v", paths, want)
	}
}

func TestStagedPathsNoCommits(t *testing.T) {
	g := newTestRepo(t)
	g.write("b.md", "b\n")
	g.write("cases/a.md", "a\n")
	g.write("untracked.md", "u\n")
	g.git("add", "b.md", "cases")
	r := g.open()
	paths, err := r.StagedPaths()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"b.md", "cases/a.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("StagedPaths() = %v, want %v", paths, want)
	}
	h, err := r.History()
	if err != nil || h.Versions("b.md") != nil {
		t.Errorf("History() with no commits = %v, %v", h, err)
	}
}

func TestStagedPathsClean(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "a\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "changed, not staged\n")
	paths, err := g.open().StagedPaths()
	if err != nil || len(paths) != 0 {
		t.Errorf("StagedPaths() = %v, %v; want none", paths, err)
	}
	// A change of mode alone is a change.
	g.git("update-index", "--chmod=+x", "a.md")
	paths, err = g.open().StagedPaths()
	if err != nil || !reflect.DeepEqual(paths, []string{"a.md"}) {
		t.Errorf("StagedPaths() after chmod = %v, %v", paths, err)
	}
}

func TestGitIndexFile(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "a committed\n")
	g.write("b.md", "b committed\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "a in the normal index\n")
	g.git("add", "a.md")
	g.write("b.md", "b in the other index\n")
	other := filepath.Join(filepath.Dir(g.dir), "other-index")
	g.gitEnv([]string{"GIT_INDEX_FILE=" + other}, "read-tree", "HEAD")
	g.gitEnv([]string{"GIT_INDEX_FILE=" + other}, "add", "b.md")
	g.write("b.md", "b in the work tree\n")

	r := g.open()
	check := func(label, a, b string, staged []string) {
		t.Helper()
		fsys, err := r.IndexFS()
		if err != nil {
			t.Fatal(err)
		}
		if got := readFS(t, fsys, "a.md"); got != a {
			t.Errorf("%s: a.md = %q, want %q", label, got, a)
		}
		if got := readFS(t, fsys, "b.md"); got != b {
			t.Errorf("%s: b.md = %q, want %q", label, got, b)
		}
		paths, err := r.StagedPaths()
		if err != nil || !reflect.DeepEqual(paths, staged) {
			t.Errorf("%s: StagedPaths() = %v, %v; want %v", label, paths, err, staged)
		}
	}
	check("own index", "a in the normal index\n", "b committed\n", []string{"a.md"})
	t.Setenv("GIT_INDEX_FILE", other)
	check("GIT_INDEX_FILE", "a committed\n", "b in the other index\n", []string{"b.md"})

	// A relative GIT_INDEX_FILE is relative to the top of the work tree,
	// wherever the repository was opened from.
	g.gitEnv([]string{"GIT_INDEX_FILE=.git/rel-index"}, "read-tree", "HEAD")
	g.write("sub/c.md", "c\n")
	g.gitEnv([]string{"GIT_INDEX_FILE=.git/rel-index"}, "add", "sub/c.md")
	t.Setenv("GIT_INDEX_FILE", ".git/rel-index")
	r, err := Open(filepath.Join(g.dir, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	check("relative GIT_INDEX_FILE", "a committed\n", "b committed\n", []string{"sub/c.md"})

	// A missing index file is an empty index.
	t.Setenv("GIT_INDEX_FILE", filepath.Join(filepath.Dir(g.dir), "missing"))
	fsys, err := r.IndexFS()
	if err != nil {
		t.Fatal(err)
	}
	if des, err := fs.ReadDir(fsys, "."); err != nil || len(des) != 0 {
		t.Errorf("missing index: %v, %v", des, err)
	}
}

func TestLinkedWorktree(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "main v1\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	wt := filepath.Join(filepath.Dir(g.dir), "wt")
	g.git("worktree", "add", "-q", "-b", "feature", wt)
	w := &testRepo{t: t, dir: wt}
	w.write("cases/STK-1/case.md", "feature v2\n")
	c2 := w.commit("Ben Jones", "2026-01-06T10:00:00Z", "two")
	// Pack what there is (the packs are in the common git folder); what
	// follows is loose.
	w.git("repack", "-a", "-d", "-q")
	w.write("cases/STK-1/case.md", "feature staged\n")
	w.git("add", "cases")
	w.write("cases/STK-1/case.md", "feature work tree\n")
	g.write("cases/STK-1/case.md", "main staged\n")
	g.git("add", "cases")

	r, err := Open(filepath.Join(wt, "cases"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Root() != wt {
		t.Errorf("Root() = %s, want %s", r.Root(), wt)
	}
	if b := r.Branch(); b != "feature" {
		t.Errorf("Branch() = %q", b)
	}
	if h, err := r.Head(); err != nil || h != c2 {
		t.Errorf("Head() = %s, %v; want %s", h, err, c2)
	}
	ifs, err := r.IndexFS()
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, ifs, "cases/STK-1/case.md"); got != "feature staged\n" {
		t.Errorf("IndexFS case.md = %q", got)
	}
	cfs, err := r.CommitFS(c1)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, cfs, "cases/STK-1/case.md"); got != "main v1\n" {
		t.Errorf("CommitFS(c1) case.md = %q", got)
	}
	cfs, err = r.CommitFS("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, cfs, "cases/STK-1/case.md"); got != "feature v2\n" {
		t.Errorf("CommitFS(HEAD) case.md = %q", got)
	}
	if paths, err := r.StagedPaths(); err != nil || !reflect.DeepEqual(paths, []string{"cases/STK-1/case.md"}) {
		t.Errorf("StagedPaths() = %v, %v", paths, err)
	}
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	if vs := h.Versions("cases/STK-1/case.md"); len(vs) != 2 || vs[1].Commit != c2 || vs[1].Author != "Ben Jones" {
		t.Errorf("Versions in the worktree = %+v", vs)
	}
	if root, ok := Root(wt); !ok || root != wt {
		t.Errorf("Root(wt) = %s, %v", root, ok)
	}
}

func TestShallowClone(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "two\n")
	c2 := g.commit("Ann Smith", "2026-01-06T10:00:00Z", "two")
	if r := g.open(); func() bool { s, _ := r.Shallow(); return s }() {
		t.Error("a full repository is shallow")
	}
	clone := filepath.Join(filepath.Dir(g.dir), "clone")
	runGit(t, filepath.Dir(g.dir), nil, "clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(g.dir), clone)
	r, err := Open(clone)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := r.Shallow(); err != nil || !s {
		t.Errorf("Shallow() = %v, %v; want true", s, err)
	}
	if h, _, err := r.ResolveRevision("HEAD"); err != nil || h != c2 {
		t.Errorf("ResolveRevision(HEAD) = %s, %v", h, err)
	}
	for _, rev := range []string{c1, "HEAD~1"} {
		_, _, err := r.ResolveRevision(rev)
		if err == nil {
			t.Errorf("ResolveRevision(%s) in a shallow clone: no error", rev)
			continue
		}
		for _, want := range []string{"missing", "shallow", "fetch more history", "git fetch --unshallow"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ResolveRevision(%s) error %q does not say %q", rev, err, want)
			}
		}
	}
	if _, err := r.History(); !errors.Is(err, ErrShallow) {
		t.Errorf("History() in a shallow clone = %v, want ErrShallow", err)
	}
	if got := r.RemoteURL(); got != "file://"+filepath.ToSlash(g.dir) {
		t.Errorf("RemoteURL() = %q", got)
	}
}

func TestRemoteURL(t *testing.T) {
	g := newTestRepo(t)
	r := g.open()
	if got := r.RemoteURL(); got != "" {
		t.Errorf("RemoteURL() with no remote = %q", got)
	}
	g.git("remote", "add", "origin", "https://someone:ghp_secret@github.example/org/records.git")
	g.git("remote", "add", "upstream", "https://example.org/other.git")
	if got := g.open().RemoteURL(); got != "https://github.example/org/records.git" {
		t.Errorf("RemoteURL() = %q", got)
	}
	for in, want := range map[string]string{
		"https://github.example/org/r.git":                "https://github.example/org/r.git",
		"https://token@github.example/org/r.git":          "https://github.example/org/r.git",
		"https://user:p%40ss@github.example:8443/org/r":   "https://github.example:8443/org/r",
		"ssh://git@github.example/org/r.git":              "ssh://github.example/org/r.git",
		"git@github.example:org/r.git":                    "ssh://github.example/org/r.git",
		"github.example:org/r.git":                        "ssh://github.example/org/r.git",
		"user:s3cret@github.example:org/r.git":            "ssh://github.example/org/r.git", // issue 14, item 6
		"/srv/git/records.git":                            "/srv/git/records.git",
		"../records":                                      "../records",
		"file:///srv/git/records.git":                     "file:///srv/git/records.git",
		"https://us er:pa ss@github.example/org/r%zz.git": "https://github.example/org/r%zz.git",
	} {
		if got := stripUserinfo(in); got != want {
			t.Errorf("stripUserinfo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGitFileReads(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "hello, world\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	fsys, err := g.open().CommitFS("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	f, err := fsys.Open("a.md")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil || st.Size() != 13 {
		t.Errorf("Stat = %v, %v", st, err)
	}
	buf := make([]byte, 5)
	if n, err := f.Read(buf); n != 5 || err != nil || string(buf) != "hello" {
		t.Errorf("Read = %d %v %q", n, err, buf)
	}
	rest, err := io.ReadAll(f)
	if err != nil || string(rest) != ", world\n" {
		t.Errorf("ReadAll = %q, %v", rest, err)
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
	if _, err := f.Read(buf); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Read after Close = %v", err)
	}
	d, err := fsys.Open(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Read(buf); err == nil {
		t.Error("Read of a folder: no error")
	}
	if st, err := d.Stat(); err != nil || !st.IsDir() || st.Name() != "." {
		t.Errorf("Stat(.) = %v, %v", st, err)
	}
}

func TestIndexFSConflict(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "base\n")
	g.write("b.md", "b\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	g.git("checkout", "-q", "-b", "side")
	g.write("a.md", "theirs\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "side")
	g.git("checkout", "-q", "main")
	g.write("a.md", "ours\n")
	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "main")
	cmd := exec.Command("git", "merge", "-q", "side")
	cmd.Dir = g.dir
	cmd.Env = gitEnv(filepath.Dir(g.dir))
	if err := cmd.Run(); err == nil {
		t.Fatal("the merge did not conflict")
	}
	r := g.open()
	fsys, err := r.IndexFS()
	if err != nil {
		t.Fatal(err)
	}
	// A path in conflict shows our side.
	if got := readFS(t, fsys, "a.md"); got != "ours\n" {
		t.Errorf("a.md in conflict = %q", got)
	}
	if got := readFS(t, fsys, "b.md"); got != "b\n" {
		t.Errorf("b.md = %q", got)
	}
	if paths, err := r.StagedPaths(); err != nil || len(paths) != 0 {
		t.Errorf("StagedPaths() in a conflict = %v, %v", paths, err)
	}
}

// TestHookIndex takes the temporary index git hands a pre-commit hook for
// git commit -a and git commit PATH (the hook keeps a copy and refuses the
// commit), and checks IndexFS and StagedPaths read what git would commit.
func TestHookIndex(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "a committed\n")
	g.write("b.md", "b committed\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	keep := filepath.Join(filepath.Dir(g.dir), "hook-index")
	hook := "#!/bin/sh\ncp \"$GIT_INDEX_FILE\" " + keep + "\nexit 1\n"
	if err := os.WriteFile(filepath.Join(g.dir, ".git", "hooks", "pre-commit"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	g.write("a.md", "a changed\n")
	g.write("b.md", "b changed\n")
	for _, tc := range []struct {
		name   string
		args   []string
		a, b   string
		staged []string
	}{
		{"commit -a", []string{"commit", "-q", "-a", "-m", "x"}, "a changed\n", "b changed\n", []string{"a.md", "b.md"}},
		{"commit PATH", []string{"commit", "-q", "-m", "x", "b.md"}, "a committed\n", "b changed\n", []string{"b.md"}},
	} {
		_ = os.Remove(keep)
		cmd := exec.Command("git", tc.args...)
		cmd.Dir = g.dir
		cmd.Env = gitEnv(filepath.Dir(g.dir))
		if out, err := cmd.CombinedOutput(); err == nil {
			t.Fatalf("%s: the hook did not stop the commit: %s", tc.name, out)
		}
		if _, err := os.Stat(keep); err != nil {
			t.Fatalf("%s: the hook kept no index: %v", tc.name, err)
		}
		t.Setenv("GIT_INDEX_FILE", keep)
		r := g.open()
		fsys, err := r.IndexFS()
		if err != nil {
			t.Fatal(err)
		}
		if got := readFS(t, fsys, "a.md"); got != tc.a {
			t.Errorf("%s: a.md = %q, want %q", tc.name, got, tc.a)
		}
		if got := readFS(t, fsys, "b.md"); got != tc.b {
			t.Errorf("%s: b.md = %q, want %q", tc.name, got, tc.b)
		}
		if paths, err := r.StagedPaths(); err != nil || !reflect.DeepEqual(paths, tc.staged) {
			t.Errorf("%s: StagedPaths() = %v, %v; want %v", tc.name, paths, err, tc.staged)
		}
		t.Setenv("GIT_INDEX_FILE", "")
	}
}

// TestAlternates reads a clone that borrows its objects (git clone
// --shared): they are in the other repository's packs.
func TestAlternates(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "two\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "two")
	g.git("repack", "-a", "-d", "-q")
	clone := filepath.Join(filepath.Dir(g.dir), "shared")
	runGit(t, filepath.Dir(g.dir), nil, "clone", "-q", "--shared", g.dir, clone)
	r, err := Open(clone)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	if vs := h.Versions("a.md"); len(vs) != 2 || vs[0].Commit != c1 {
		t.Errorf("Versions = %+v", vs)
	}
	fsys, err := r.CommitFS(c1)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, fsys, "a.md"); got != "one\n" {
		t.Errorf("a.md = %q", got)
	}
}

func TestAlternatesArePacked(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.git("repack", "-a", "-d", "-q")
	clone := filepath.Join(filepath.Dir(g.dir), "shared")
	runGit(t, filepath.Dir(g.dir), nil, "clone", "-q", "--shared", g.dir, clone)
	r, err := Open(clone)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	r.mu.Lock()
	ps := r.packSet()
	r.mu.Unlock()
	if ps == nil || len(ps.packs) != 1 {
		t.Errorf("the alternate's pack is not read directly: %+v", ps)
	}
}
