package vcs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/gittest"
)

// The tests build real repositories with the git command (only tests run
// it: the package reads git through go-git).

// gitEnv is the environment for git in tests: none of the caller's GIT_*
// variables (a hook's GIT_INDEX_FILE or GIT_DIR would aim git at the wrong
// repository), and no user or system configuration.
func gitEnv(home string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "HOME=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Test Author", "GIT_AUTHOR_EMAIL=author@example.org",
		"GIT_COMMITTER_NAME=Test Committer", "GIT_COMMITTER_EMAIL=committer@example.org")
	return append(env, extra...)
}

type testRepo struct {
	t   testing.TB
	dir string
}

// newTestRepo makes an empty repository on branch main in a temporary
// folder, and clears GIT_INDEX_FILE for the code under test.
func newTestRepo(t testing.TB) *testRepo {
	t.Helper()
	gittest.Require(t)
	if tt, ok := t.(*testing.T); ok {
		tt.Setenv("GIT_INDEX_FILE", "")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	g := &testRepo{t: t, dir: filepath.Join(dir, "repo")}
	if err := os.Mkdir(g.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g.git("init", "-q", "-b", "main")
	return g
}

// run runs git in dir with extra environment, and returns its output.
func runGit(t testing.TB, dir string, extra []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(filepath.Dir(dir), extra...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (g *testRepo) git(args ...string) string {
	g.t.Helper()
	return runGit(g.t, g.dir, nil, args...)
}

func (g *testRepo) gitEnv(extra []string, args ...string) string {
	g.t.Helper()
	return runGit(g.t, g.dir, extra, args...)
}

func (g *testRepo) write(name, content string) {
	g.t.Helper()
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		g.t.Fatal(err)
	}
}

func (g *testRepo) remove(name string) {
	g.t.Helper()
	if err := os.Remove(filepath.Join(g.dir, filepath.FromSlash(name))); err != nil {
		g.t.Fatal(err)
	}
}

// commit stages everything and commits it as author (name) at date (an
// ISO 8601 date git understands, used for the author and committer dates),
// returning the new commit's hash.
func (g *testRepo) commit(author, date, msg string) string {
	g.t.Helper()
	g.git("add", "-A")
	return g.commitStaged(author, date, msg)
}

// commitStaged commits what is staged.
func (g *testRepo) commitStaged(author, date, msg string) string {
	g.t.Helper()
	email := strings.ToLower(strings.ReplaceAll(author, " ", ".")) + "@example.org"
	g.gitEnv([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"-c", "user.name="+author, "-c", "user.email="+email,
		"commit", "-q", "--allow-empty", "--author", author+" <"+email+">", "-m", msg)
	return g.git("rev-parse", "HEAD")
}

func (g *testRepo) open() *Repo {
	g.t.Helper()
	r, err := Open(g.dir)
	if err != nil {
		g.t.Fatal(err)
	}
	return r
}

// execGit is the git command in the test repository, to run by hand.
func execGit(g *testRepo, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = g.dir
	cmd.Env = gitEnv(filepath.Dir(g.dir))
	return cmd
}
