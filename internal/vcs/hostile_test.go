package vcs

// Issue 14: repositories of every shape git makes, built with the git
// command in a temporary folder, and checked against git itself or the
// same records read another way (helper D's items: 3, 10, 12, 16, 19, and
// the shapes submodule, sparse checkout, SHA-256, relative alternates,
// purged history).

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
)

// gitLacks skips a test the installed git cannot build the repository
// for, failing it instead when CASELINT_REQUIRE_GIT=1 (CI).
func gitLacks(t *testing.T, what string, out []byte, err error) {
	t.Helper()
	if os.Getenv("CASELINT_REQUIRE_GIT") == "1" {
		t.Fatalf("git cannot %s: %v\n%s", what, err, out)
	}
	t.Skipf("git cannot %s: %v\n%s", what, err, out)
}

// tryGit runs git in dir, returning its output and error.
func tryGit(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(filepath.Dir(dir))
	return cmd.CombinedOutput()
}

// versionsOf opens dir and returns its history's versions, built without
// the cache and through it (which must agree).
func versionsOf(t *testing.T, dir string) map[string][]lint.Version {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := r.CachedHistory()
	if err != nil {
		t.Fatal(err)
	}
	checkAlone(t, h)
	checkAlone(t, c)
	if all := h.allVersions(); !reflect.DeepEqual(c.allVersions(), all) {
		t.Errorf("%s: the cached history %v is not the history %v", dir, c.allVersions(), all)
	}
	return h.allVersions()
}

// Issue 14, item 3: a commit purged from the repository (git reset, git
// reflog expire, git gc) leaves neither its file's name nor its author's
// in the cache.
func TestCachedHistoryForgetsPurgedCommits(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/c1/case.md", "case\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "case")
	g.write("cases/c1/visits/2026-01-06-zofia-wisniewska.md", "visit\n")
	g.commit("Quentin Purgeable", "2026-01-06T10:00:00Z", "visit")
	secrets := []string{"zofia-wisniewska", "Quentin Purgeable"}

	use := cachedHistory(t, g)
	data, err := os.ReadFile(use.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if !bytes.Contains(data, []byte(s)) {
			t.Fatalf("the cache should hold %q before the purge", s)
		}
	}

	// A side branch's commits are kept while the branch is there: back on
	// main, nothing is dropped, and nothing is read again on the branch.
	g.git("checkout", "-q", "-b", "side")
	g.write("cases/c1/visits/2026-01-07.md", "side visit\n")
	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "side")
	cachedHistory(t, g)
	g.git("checkout", "-q", "main")
	if use := cachedHistory(t, g); use.Dropped != 0 || use.Written {
		t.Errorf("back on main: %+v, want the side branch's commit kept", use)
	}
	g.git("checkout", "-q", "side")
	if use := cachedHistory(t, g); use.Read != 0 {
		t.Errorf("on the side branch again: %+v, want nothing read", use)
	}
	g.git("checkout", "-q", "main")
	g.git("branch", "-q", "-D", "side")

	// The purge.
	g.git("reset", "-q", "--hard", "HEAD~1")
	g.git("reflog", "expire", "--expire=now", "--all")
	g.git("gc", "-q", "--prune=now")
	if out := g.git("log", "--all", "--format=%an %s"); strings.Contains(out, "Quentin") {
		t.Fatalf("git still has the commit: %s", out)
	}
	use = cachedHistory(t, g)
	if use.Dropped != 2 || !use.Written || use.Err != nil {
		t.Errorf("after the purge: %+v, want the 2 purged commits dropped and the cache written", use)
	}
	data, err = os.ReadFile(use.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(secrets, "2026-01-07.md") {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("the cache still holds %q after the purge", s)
		}
	}
	if use := cachedHistory(t, g); use.Dropped != 0 || use.Written || use.Known != 1 {
		t.Errorf("next run: %+v, want the one commit known and nothing written", use)
	}
}

// Issue 14, item 19: a temporary file a killed run left in the cache's
// folder is removed by the next run; a recent one (another run's, being
// written) and anything that is not a regular file are left alone.
func TestCachedHistoryRemovesStaleTemps(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/c1/case.md", "case\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "case")
	use := cachedHistory(t, g)
	dir := filepath.Dir(use.Path)
	long := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write := func(name string, when time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("left by a killed run"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !when.IsZero() {
			if err := os.Chtimes(p, when, when); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	stale := write(".caselint-0123456789abcdef.tmp", long)
	fresh := write(".caselint-fedcba9876543210.tmp", time.Time{})
	other := write("notes.tmp", long)
	outside := filepath.Join(filepath.Dir(g.dir), "outside.tmp")
	if err := os.WriteFile(outside, []byte("not caselint's"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(outside, long, long); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, ".caselint-link.tmp")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}

	// Nothing new to write: the stale file goes all the same.
	if use := cachedHistory(t, g); use.Written {
		t.Errorf("%+v: nothing should be written", use)
	}
	if _, err := os.Lstat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	for _, p := range []string{fresh, other, link, outside} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s: %v, want it left alone", filepath.Base(p), err)
		}
	}
	if data, err := os.ReadFile(use.Path); err != nil || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		t.Errorf("the cache: %v", err)
	}
}

// Issue 14, item 16: no blob over the size limit is read, from a commit,
// the index or the history; an older version over it is passed over, and
// said.
func TestBlobSizeLimit(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\ntwo\nthree\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "small")
	big := "one\ntwo\nthree\n" + strings.Repeat("padding line\n", 200) // 2,614 bytes
	g.write("a.md", big)
	bigCommit := g.commit("Ben Jones", "2026-01-06T10:00:00Z", "big")
	g.write("a.md", "one\ntwo\nthree\nfour\n")
	g.commit("Cat Brown", "2026-01-07T10:00:00Z", "small again")

	r := g.open()
	defer func() { _ = r.Close() }()
	r.SetMaxFileSize(1000)
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	vs := h.Versions("a.md")
	if len(vs) != 3 {
		t.Fatalf("versions: %+v", vs)
	}
	if _, err := h.Content("a.md", vs[0]); err != nil {
		t.Errorf("the small version: %v", err)
	}
	_, err = h.Content("a.md", vs[1])
	var tl *TooLargeError
	if !errors.Is(err, lint.ErrTooLarge) || !errors.As(err, &tl) || tl.Size != int64(len(big)) || tl.Limit != 1000 {
		t.Fatalf("the big version: %v, want a TooLargeError of %d bytes", err, len(big))
	}
	if got := h.TooLarge(); len(got) != 1 || got[0].Path != "a.md" || got[0].Commit != bigCommit || got[0].Size != int64(len(big)) {
		t.Errorf("TooLarge = %+v", got)
	}
	// Blame stops at the version it cannot read: the lines the newest
	// version has are taken as the newest version's.
	cur := []byte("one\ntwo\nthree\nfour\n")
	for line := 1; line <= 4; line++ {
		if v, ok := h.LineOrigin("a.md", cur, line); !ok || v.Commit != vs[2].Commit {
			t.Errorf("line %d: %+v %v, want the newest version", line, v, ok)
		}
	}

	// The commit that has it: its size is told, its content not read.
	fsys, err := r.CommitFS(bigCommit)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := fs.Stat(fsys, "a.md"); err != nil || st.Size() != int64(len(big)) {
		t.Errorf("Stat: %v, %v", st, err)
	}
	if _, err := fs.ReadFile(fsys, "a.md"); !errors.Is(err, lint.ErrTooLarge) {
		t.Errorf("ReadFile: %v, want ErrTooLarge", err)
	}
	f, err := fsys.Open("a.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(f); !errors.Is(err, lint.ErrTooLarge) {
		t.Errorf("Read: %v, want ErrTooLarge", err)
	}
	_ = f.Close()

	// The index, under --staged.
	g.write("a.md", big)
	g.git("add", "a.md")
	ix, err := r.Index()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(ix.FS(), "a.md"); !errors.Is(err, lint.ErrTooLarge) {
		t.Errorf("staged ReadFile: %v, want ErrTooLarge", err)
	}
}

// A blob over the limit costs no memory of its size: its size is read
// from the object's header, loose or packed.
func TestBlobSizeLimitReadsNothing(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "small\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "small")
	const size = lint.DefaultMaxFileSize + 1<<20
	g.write("a.md", strings.Repeat("a line of a visit record, over and over\n", size/40))
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "big")
	g.write("a.md", "small again\n")
	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "small again")
	for _, packed := range []bool{false, true} {
		if packed {
			g.git("gc", "-q")
		}
		r := g.open()
		h, err := r.History()
		if err != nil {
			t.Fatal(err)
		}
		vs := h.Versions("a.md")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err = h.Content("a.md", vs[1])
		runtime.ReadMemStats(&after)
		if !errors.Is(err, lint.ErrTooLarge) {
			t.Errorf("packed %v: %v, want ErrTooLarge", packed, err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 2<<20 {
			t.Errorf("packed %v: %d bytes allocated to refuse the blob", packed, n)
		}
		_ = r.Close()
	}
}

// Issue 14, item 12: git sparse-checkout sets extensions.worktreeConfig,
// which go-git refuses; caselint reads such a repository as any other.
// The index still has the records outside the sparse cone (with the
// skip-worktree bit), as committed: --staged reads them.
func TestSparseCheckout(t *testing.T) {
	g := newTestRepo(t)
	g.write("in/c1/case.md", "in\n")
	g.write("out/c2/case.md", "out\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	g.write("out/c2/case.md", "out, changed\n")
	g.write("in/c1/visit.md", "visit\n")
	g.commit("Ben Jones", "2026-01-06T10:00:00Z", "more")
	want := versionsOf(t, g.dir)
	if out, err := tryGit(g.dir, "sparse-checkout", "set", "in"); err != nil {
		gitLacks(t, "sparse-checkout", out, err)
	}
	if cfg := g.git("config", "--get", "extensions.worktreeConfig"); cfg != "true" {
		t.Fatalf("extensions.worktreeConfig = %q", cfg)
	}
	if _, err := os.Stat(filepath.Join(g.dir, "out")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("out/ is still checked out: %v", err)
	}
	if got := versionsOf(t, g.dir); !reflect.DeepEqual(got, want) {
		t.Errorf("history after the sparse checkout %v, want %v", got, want)
	}
	r := g.open()
	defer func() { _ = r.Close() }()
	ix, err := r.Index()
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, ix.FS(), "out/c2/case.md"); got != "out, changed\n" {
		t.Errorf("the index's out/c2/case.md = %q", got)
	}
	fsys, err := r.CommitFS("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, fsys, "out/c2/case.md"); got != "out, changed\n" {
		t.Errorf("HEAD's out/c2/case.md = %q", got)
	}
	if root, ok := Root(filepath.Join(g.dir, "in")); !ok || root != g.dir {
		t.Errorf("Root = %q, %v", root, ok)
	}
}

// A repository of SHA-256 objects cannot be read (go-git v5 reads SHA-1
// ones only): Open says so, and what to do; its work tree is still found.
func TestSHA256Refused(t *testing.T) {
	g := newTestRepo(t)
	dir := filepath.Join(filepath.Dir(g.dir), "sha256")
	if out, err := tryGit(filepath.Dir(dir), "init", "-q", "--object-format=sha256", dir); err != nil {
		gitLacks(t, "make a SHA-256 repository", out, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "cases", "c1"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cases", "c1", "case.md"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, nil, "add", "-A")
	runGit(t, dir, nil, "commit", "-q", "-m", "one")
	_, err := Open(filepath.Join(dir, "cases"))
	if !errors.Is(err, ErrSHA256) {
		t.Fatalf("Open = %v, want ErrSHA256", err)
	}
	for _, want := range []string{"SHA-256", "caselint lint, without --staged or --rev"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if root, ok := Root(filepath.Join(dir, "cases")); !ok || root != dir {
		t.Errorf("Root = %q, %v; want %s", root, ok, dir)
	}
}

// An extension caselint does not know is named in the error, not given
// raw as go-git's "unknown extension".
func TestUnknownExtensionNamed(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.git("config", "core.repositoryformatversion", "1")
	g.git("config", "extensions.frobnicate", "yes")
	_, err := Open(g.dir)
	if err == nil || !strings.Contains(err.Error(), "frobnicate") || !strings.Contains(err.Error(), "without --staged or --rev") {
		t.Errorf("Open = %v, want an error naming the extension and what to do", err)
	}
	// preciousObjects and worktreeConfig change nothing caselint reads.
	g.git("config", "--file", filepath.Join(".git", "config"), "--unset", "extensions.frobnicate")
	g.git("config", "extensions.preciousObjects", "true")
	g.git("config", "extensions.worktreeConfig", "true")
	r, err := Open(g.dir)
	if err != nil {
		t.Fatal(err)
	}
	_ = r.Close()
}

// Issue 14, item 12: alternates named by a relative path (relative to the
// objects folder, as git reads them) are read, loose objects and packs.
func TestRelativeAlternates(t *testing.T) {
	for _, packed := range []bool{false, true} {
		g := newTestRepo(t)
		g.write("cases/c1/case.md", "one\n")
		c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
		g.write("cases/c1/case.md", "two\n")
		g.commit("Ben Jones", "2026-01-06T10:00:00Z", "two")
		if packed {
			g.git("repack", "-a", "-d", "-q")
		}
		want := versionsOf(t, g.dir)
		clone := filepath.Join(filepath.Dir(g.dir), "shared")
		runGit(t, filepath.Dir(g.dir), nil, "clone", "-q", "--shared", g.dir, clone)
		alt := filepath.Join(clone, ".git", "objects", "info", "alternates")
		if err := os.WriteFile(alt, []byte("# the origin's objects\n../../../repo/.git/objects\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := runGit(t, clone, nil, "log", "--format=%an", "-1", c1); out != "Ann Smith" {
			t.Fatalf("git does not read the relative alternate: %q", out)
		}
		if got := versionsOf(t, clone); !reflect.DeepEqual(got, want) {
			t.Errorf("packed %v: history through a relative alternate %v, want %v", packed, got, want)
		}
		r, err := Open(clone)
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := r.CommitFS(c1)
		if err != nil {
			t.Fatal(err)
		}
		if got := readFS(t, fsys, "cases/c1/case.md"); got != "one\n" {
			t.Errorf("packed %v: cases/c1/case.md = %q", packed, got)
		}
		_ = r.Close()
	}
}

// Issue 14, item 10: a submodule is an empty folder in the superproject's
// commits and index, and Submodules names it; inside it, its own
// repository is found and read.
func TestSubmodule(t *testing.T) {
	sub := newTestRepo(t)
	sub.write("cases/c1/case.md", "in the submodule\n")
	sub.commit("Ann Smith", "2026-01-05T10:00:00Z", "sub")
	want := versionsOf(t, sub.dir)

	super := &testRepo{t: t, dir: filepath.Join(filepath.Dir(sub.dir), "super")}
	if err := os.Mkdir(super.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	super.git("init", "-q", "-b", "main")
	super.write("top.md", "top\n")
	super.git("add", "-A")
	super.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "cases-repo")
	super.commit("Ben Jones", "2026-01-06T10:00:00Z", "super")

	r := super.open()
	defer func() { _ = r.Close() }()
	for _, rev := range []string{"", "HEAD"} {
		got, err := r.Submodules(rev)
		if err != nil || !reflect.DeepEqual(got, []string{"cases-repo"}) {
			t.Errorf("Submodules(%q) = %v, %v", rev, got, err)
		}
	}
	inside := filepath.Join(super.dir, "cases-repo", "cases")
	if root, ok := Root(inside); !ok || root != filepath.Join(super.dir, "cases-repo") {
		t.Errorf("Root inside the submodule = %q, %v", root, ok)
	}
	got := versionsOf(t, inside)
	if len(got) != 1 || !reflect.DeepEqual(got["cases/c1/case.md"], want["cases/c1/case.md"]) {
		t.Errorf("the submodule's history read inside it %v, want %v", got, want)
	}
	// Its cache is in its own git folder, inside the superproject's.
	sr, err := Open(inside)
	if err != nil {
		t.Fatal(err)
	}
	_, use, err := sr.CachedHistory()
	_ = sr.Close()
	if err != nil || !strings.HasPrefix(use.Path, filepath.Join(super.dir, ".git", "modules")) {
		t.Errorf("the submodule's cache at %s (%v)", use.Path, err)
	}
}

// An alternate object folder that is not there is said as such, not as
// "object not found" at the first commit read.
func TestMissingAlternate(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	clone := filepath.Join(filepath.Dir(g.dir), "shared")
	runGit(t, filepath.Dir(g.dir), nil, "clone", "-q", "--shared", g.dir, clone)
	alt := filepath.Join(clone, ".git", "objects", "info", "alternates")
	if err := os.WriteFile(alt, []byte("../../../gone/.git/objects\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(clone)
	if err == nil || !strings.Contains(err.Error(), "objects/info/alternates names is not there") || strings.Contains(err.Error(), "gone") {
		t.Errorf("Open = %v, want the missing alternate said, without its path", err)
	}
}

// Submodules looks only where it is asked to.
func TestSubmodulesInScope(t *testing.T) {
	g := newTestRepo(t)
	g.write("a/x.md", "x\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	head := g.git("rev-parse", "HEAD")
	for _, p := range []string{"a/sub", "b/c/sub"} {
		g.git("update-index", "--add", "--cacheinfo", "160000,"+head+","+p)
	}
	g.commitStaged("Ann Smith", "2026-01-06T10:00:00Z", "gitlinks")
	r := g.open()
	defer func() { _ = r.Close() }()
	for _, rev := range []string{"", "HEAD"} {
		for _, tc := range []struct {
			scope []string
			want  []string
		}{
			{nil, []string{"a/sub", "b/c/sub"}},
			{[]string{"."}, []string{"a/sub", "b/c/sub"}},
			{[]string{"b"}, []string{"b/c/sub"}},
			{[]string{"b/c/sub"}, []string{"b/c/sub"}},
			{[]string{"a/x.md", "b/c/other"}, nil},
		} {
			got, err := r.Submodules(rev, tc.scope...)
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Submodules(%q, %v) = %v, %v; want %v", rev, tc.scope, got, err, tc.want)
			}
		}
	}
}
