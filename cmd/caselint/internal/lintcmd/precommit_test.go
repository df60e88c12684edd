package lintcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestPreCommit is --pre-commit, as the pre-commit framework runs its
// hook: on a commit it passes the staged files and no deleted one; under
// pre-commit run --all-files it passes every tracked file, with nothing
// staged. Each way, the cases that must be linted are, from the index.
func TestPreCommit(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", ""))
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planMD)
	r.write("README.md", "# Our records\n")
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "cases")
	asOf := []string{"--pre-commit", "--as-of", "2026-01-20"}

	// Nothing staged, no file passed: nothing to lint.
	if fs, _ := lintJSON(t, r.dir, asOf...); len(fs) != 0 {
		t.Errorf("nothing staged: %v", fs)
	}

	// A commit that only deletes a record: the framework passes no file
	// (always_run), and the case it leaves is linted.
	r.git("rm", "-q", "cases/T-1/visits/2026-01-12.md")
	fs, _ := lintJSON(t, r.dir, asOf...)
	if len(only(fs, "unseen-child")) == 0 {
		t.Errorf("deleting the only visit: %v, want unseen-child in T-1", fs)
	}
	for _, f := range fs {
		if !strings.HasPrefix(f.Path, "cases/T-1/") {
			t.Errorf("linted a case the change does not touch: %v", f)
		}
	}
	r.git("reset", "-q", "--hard")

	// pre-commit run --all-files: nothing staged, every tracked file
	// passed (the README of no case too). T-2 has never been visited.
	files := []string{"README.md", "cases/T-1/case.md", "cases/T-1/plan.md", "cases/T-1/visits/2026-01-12.md", "cases/T-2/case.md", "cases/T-2/plan.md"}
	fs, _ = lintJSON(t, r.dir, append(asOf, files...)...)
	if got := only(fs, "unseen-child"); len(got) != 1 || !strings.HasPrefix(got[0].Path, "cases/T-2/") {
		t.Errorf("--all-files: unseen-child %v, want one, in T-2", got)
	}
	// The same finding once, however many of the case's files are passed.
	seen := map[jsonFinding]bool{}
	for _, f := range fs {
		if seen[f] {
			t.Errorf("reported twice: %v", f)
		}
		seen[f] = true
	}
	// The same with --staged reads only the staged change: nothing.
	if fs, _ := lintJSON(t, r.dir, append([]string{"--staged", "--as-of", "2026-01-20"}, files...)...); len(fs) != 0 {
		t.Errorf("--staged FILE... with nothing staged: %v", fs)
	}

	// A config passed lints the cases below its folder.
	r.write("cases/.caselint.toml", "profile = \"combined\"\n")
	r.commit("Aisha Patel", "2026-01-14T10:00:00Z", "config")
	fs, _ = lintJSON(t, r.dir, append(asOf, "cases/.caselint.toml")...)
	if len(only(fs, "unseen-child")) != 1 {
		t.Errorf("a config passed: %v, want T-2 linted", fs)
	}

	// A record that is a link to a file outside the repository is passed
	// under its own name: its case is linted, no "outside the
	// repository" error stops the commit.
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	if err := os.WriteFile(outside, []byte("# elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(r.dir, "cases", "T-2", "linked.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	r.commit("Aisha Patel", "2026-01-15T10:00:00Z", "a link")
	fs, _ = lintJSON(t, r.dir, append(asOf, "cases/T-2/linked.md")...)
	if len(only(fs, "unseen-child")) != 1 {
		t.Errorf("a linked record passed: %v, want T-2 linted", fs)
	}

	// --pre-commit reads git: --rev cannot go with it.
	if code, _, errOut := caselint(t, r.dir, "lint", "--pre-commit", "--rev", "HEAD"); code != cmdutil.ExitError {
		t.Errorf("--pre-commit --rev: exit %d, want 2: %s", code, errOut)
	}
}

// TestStagedMarkdownOfNoCase: a commit that changes only Markdown in no
// case (the repository's README, a guide under docs/) touches no record:
// the git hook (--staged) and the framework's (--pre-commit, passed the
// file) lint nothing and pass, as for a change to a .txt file, never exit
// 2 "no case records here", which would stop every such commit. A visit
// record staged in no case is still read and reported.
func TestStagedMarkdownOfNoCase(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "cases")
	r.write("README.md", "# Our records\n")
	r.write("docs/guide.md", "# How we record visits\n")
	r.git("add", "README.md", "docs/guide.md")
	for _, args := range [][]string{
		{"--staged"},
		{"--pre-commit"},
		{"--pre-commit", "README.md", "docs/guide.md"},
	} {
		code, out, errOut := caselint(t, r.dir, append([]string{"lint", "--as-of", "2026-01-20"}, args...)...)
		if code != cmdutil.ExitOK || !strings.Contains(out, "no problems in 0 cases") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	// A visit record in no case, staged with them: read, and reported.
	r.write("visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", ""))
	r.git("add", "visits/2026-01-12.md")
	for _, args := range [][]string{{"--staged"}, {"--pre-commit", "README.md", "visits/2026-01-12.md"}} {
		code, out, errOut := caselint(t, r.dir, append([]string{"lint", "--as-of", "2026-01-20"}, args...)...)
		if code != cmdutil.ExitFindings || !strings.Contains(out, "visits/2026-01-12.md") || !strings.Contains(out, "in no case") {
			t.Errorf("%v, a visit in no case: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	// Typed paths that hold no record are still an error (a typo in CI).
	if code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-01-20", "docs"); code != cmdutil.ExitError || !strings.Contains(errOut, "no case records here") {
		t.Errorf("lint docs: exit %d, %s", code, errOut)
	}
}
