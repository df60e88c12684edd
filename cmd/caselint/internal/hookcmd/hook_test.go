package hookcmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/gittest"
)

// The tests build repositories with the git command; caselint itself reads
// them through go-git and plain files.

// isolate keeps the user's and the system's git config (a core.hooksPath
// of theirs) out of the test, in this process and in git's.
func isolate(t *testing.T) string {
	t.Helper()
	gittest.Require(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k == "GIT_DIR" || k == "GIT_INDEX_FILE" || k == "GIT_WORK_TREE" {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	return home
}

func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=t@example.org")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// newRepo makes a repository with one commit and returns its work tree.
func newRepo(t *testing.T) string {
	t.Helper()
	isolate(t)
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(dir, "cases"), 0o755); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "init", "-q", "-b", "main")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "start")
	return dir
}

func install(t *testing.T, wd string, force bool) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	err := Install(&Options{IO: ios, Force: force, Getwd: func() (string, error) { return wd, nil }})
	return out.String(), err
}

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func write(t *testing.T, p, text string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
}

// noTemp fails when a temporary file was left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestInstall(t *testing.T) {
	dir := newRepo(t)
	out, err := install(t, filepath.Join(dir, "cases"), false)
	if err != nil {
		t.Fatal(err)
	}
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	if got := read(t, hook); got != Script {
		t.Errorf("hook:\n%s", got)
	}
	st, err := os.Stat(hook)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o755 {
		t.Errorf("hook mode %v, want 0755", st.Mode().Perm())
	}
	if !strings.Contains(out, "installed the caselint pre-commit hook at ") || !strings.Contains(out, "caselint lint --staged") {
		t.Errorf("output: %q", out)
	}
	if !strings.Contains(Script, "exec caselint lint --staged\n") {
		t.Errorf("the hook does not run caselint lint --staged:\n%s", Script)
	}
	noTemp(t, filepath.Dir(hook))

	// Again: nothing to do, and no backup of caselint's own hook.
	out, err = install(t, dir, false)
	if err != nil || !strings.Contains(out, "already installed") {
		t.Errorf("second install: %v, %q", err, out)
	}
	if _, err := os.Lstat(hook + BackupSuffix); err == nil {
		t.Error("a backup of caselint's own hook")
	}
}

func TestInstallRefusesToReplace(t *testing.T) {
	dir := newRepo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	const theirs = "#!/bin/sh\necho their checks\n"
	write(t, hook, theirs, 0o755)

	_, err := install(t, dir, false)
	if err == nil || !strings.Contains(err.Error(), "already exists") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("install over an existing hook: %v", err)
	}
	if got := read(t, hook); got != theirs {
		t.Errorf("existing hook changed:\n%s", got)
	}

	out, err := install(t, dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, hook); got != Script {
		t.Errorf("hook after --force:\n%s", got)
	}
	backup := hook + BackupSuffix
	if got := read(t, backup); got != theirs {
		t.Errorf("backup:\n%s", got)
	}
	if !strings.Contains(out, "pre-commit"+BackupSuffix) {
		t.Errorf("output does not say where the old hook went: %q", out)
	}
	noTemp(t, filepath.Dir(hook))

	// A second, different hook with a backup already there: refused even
	// with --force, and both kept.
	const another = "#!/bin/sh\necho another\n"
	write(t, hook, another, 0o755)
	_, err = install(t, dir, true)
	if err == nil || !strings.Contains(err.Error(), BackupSuffix) {
		t.Fatalf("install --force with a backup already there: %v", err)
	}
	if read(t, hook) != another || read(t, backup) != theirs {
		t.Error("a hook was lost")
	}
}

func TestInstallHooksPath(t *testing.T) {
	dir := newRepo(t)
	runGit(t, dir, "config", "core.hooksPath", ".githooks")
	if _, err := install(t, filepath.Join(dir, "cases"), false); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, ".githooks", "pre-commit")); got != Script {
		t.Errorf("hook in core.hooksPath:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); err == nil {
		t.Error("hook written to .git/hooks despite core.hooksPath")
	}
}

func TestInstallGlobalHooksPath(t *testing.T) {
	dir := newRepo(t)
	shared := filepath.Join(t.TempDir(), "hooks")
	write(t, os.Getenv("GIT_CONFIG_GLOBAL"), "[core]\n\thooksPath = "+shared+"\n", 0o644)
	if got, err := HooksDir(dir); err != nil || got != shared {
		t.Errorf("HooksDir = %q, %v; want the global core.hooksPath %q", got, err, shared)
	}
}

func TestInstallLinkedWorktree(t *testing.T) {
	dir := newRepo(t)
	wt := filepath.Join(filepath.Dir(dir), "wt")
	runGit(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
	if _, err := install(t, wt, false); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, ".git", "hooks", "pre-commit")); got != Script {
		t.Errorf("hook in the common git folder:\n%s", got)
	}
	// git agrees on where hooks are.
	if got := runGit(t, wt, "rev-parse", "--git-path", "hooks"); !sameFile(t, abs(wt, got), filepath.Join(dir, ".git", "hooks")) {
		t.Errorf("git's hooks folder for the worktree is %s", got)
	}
}

func abs(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func sameFile(t *testing.T, a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func TestInstallOutsideRepository(t *testing.T) {
	isolate(t)
	_, err := install(t, t.TempDir(), false)
	if err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
}

// TestHookRuns commits in a repository with the hook installed over an
// existing one: git runs the old hook, then caselint lint --staged (a stub
// caselint on PATH records how it was called), and the commit stops when
// either fails.
func TestHookRuns(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	dir := newRepo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	log := filepath.Join(t.TempDir(), "log")
	write(t, hook, "#!/bin/sh\necho old-hook >> "+log+"\n", 0o755)
	if _, err := install(t, dir, true); err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	write(t, filepath.Join(bin, "caselint"), "#!/bin/sh\necho \"caselint $*\" >> "+log+"\nexit ${CASELINT_STUB_EXIT:-0}\n", 0o755)
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "passes")
	if got, want := read(t, log), "old-hook\ncaselint lint --staged\n"; got != want {
		t.Errorf("hooks ran:\n%s\nwant:\n%s", got, want)
	}

	t.Setenv("CASELINT_STUB_EXIT", "1")
	cmd := exec.Command("git", "commit", "-q", "--allow-empty", "-m", "fails")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("commit went through though caselint failed: %s", out)
	}
	if n := strings.Count(runGit(t, dir, "log", "--format=%s"), "\n") + 1; n != 2 {
		t.Errorf("%d commits, want 2 (start, passes)", n)
	}
}
