package lintcmd_test

// Issue 14: caselint lint in repositories of the shapes git makes that
// go-git does not read as it is (helper D: sparse checkout, SHA-256,
// relative alternates, submodules, an old version over the size limit),
// checked against the same records linted another way.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

type jsonReport struct {
	Findings      []jsonFinding `json:"findings"`
	Notifications []struct {
		Level   string `json:"level"`
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"notifications"`
	Summary struct {
		Cases   int `json:"cases"`
		Records int `json:"records"`
	} `json:"summary"`
}

// lintReport runs caselint lint --format json in dir and returns its exit
// code, report and stderr.
func lintReport(t *testing.T, dir string, args ...string) (cmdutil.ExitCode, jsonReport, string) {
	t.Helper()
	code, out, errOut := caselint(t, dir, append([]string{"lint", "--format", "json"}, args...)...)
	var rep jsonReport
	if code != cmdutil.ExitError {
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v in\n%s", err, out)
		}
	}
	return code, rep, errOut
}

// notified reports whether the report has a notification on path saying
// all of want.
func (rep jsonReport) notified(path string, want ...string) bool {
	for _, n := range rep.Notifications {
		ok := n.Path == path
		for _, w := range want {
			ok = ok && strings.Contains(n.Message, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// tryGitIn runs git in dir, for a shape the installed git may not make.
func tryGitIn(r *repo, dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(r.home)
	return cmd.CombinedOutput()
}

// gitCannot skips a test the installed git cannot build the repository
// for; with CASELINT_REQUIRE_GIT=1 (CI) it fails it.
func gitCannot(t *testing.T, what string, out []byte, err error) {
	t.Helper()
	if os.Getenv("CASELINT_REQUIRE_GIT") == "1" {
		t.Fatalf("git cannot %s: %v\n%s", what, err, out)
	}
	t.Skipf("git cannot %s: %v\n%s", what, err, out)
}

// lateVisitCase commits the case, its plan and a visit committed two weeks
// late, into r (cases/T-1).
func lateVisitCase(r *repo) {
	start(r)
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Recorded late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
}

// sameFindings fails unless got and want are the same findings.
func sameFindings(t *testing.T, what string, got, want []jsonFinding) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: findings\n%v\nwant\n%v", what, got, want)
	}
}

// Issue 14, item 12: after git sparse-checkout (extensions.worktreeConfig)
// the history is read as before, cached or not, and the hook does not
// block: --staged lints what is staged.
func TestGitSparseCheckout(t *testing.T) {
	r := newRepo(t)
	lateVisitCase(r)
	r.write("archive/T-2/case.md", strings.ReplaceAll(caseMD, "T-1", "T-2"))
	r.commit("Aisha Patel", "2026-01-29T09:00:00Z", "T-2")
	before, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if len(only(before, "late-recording")) != 1 {
		t.Fatalf("before the sparse checkout: %v", before)
	}
	if out, err := tryGitIn(r, r.dir, "sparse-checkout", "set", "cases"); err != nil {
		gitCannot(t, "sparse-checkout", out, err)
	}
	if _, err := os.Stat(filepath.Join(r.dir, "archive")); err == nil {
		t.Fatal("archive/ is still checked out")
	}
	for _, args := range [][]string{{}, {"--no-cache"}, {}} {
		code, rep, errOut := lintReport(t, r.dir, append(args, "--as-of", "2026-11-20", "cases")...)
		if code == cmdutil.ExitError || strings.Contains(errOut, "skipped") || strings.Contains(errOut, "could not") {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
		}
		sameFindings(t, strings.Join(append(args, "sparse"), " "), rep.Findings, before)
	}
	// The pre-commit hook's run: a late visit staged is reported.
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Recorded late, and amended."))
	r.git("add", "cases")
	code, rep, errOut := lintReport(t, r.dir, "--staged", "--as-of", "2026-11-20")
	if code == cmdutil.ExitError || len(only(rep.Findings, "late-recording")) != 1 {
		t.Errorf("--staged in a sparse checkout: exit %d, %v, %s", code, rep.Findings, errOut)
	}
	// Outside the cone, the records are in the commits: --rev reads them.
	code, rep, errOut = lintReport(t, r.dir, "--rev", "HEAD", "archive")
	if code == cmdutil.ExitError || rep.Summary.Cases != 1 {
		t.Errorf("--rev HEAD archive: exit %d, %d cases, %s", code, rep.Summary.Cases, errOut)
	}
}

// Issue 14, item 12: a SHA-256 repository cannot be read: the work tree
// is linted as without git, saying why, cached or not; --staged and --rev
// say what to run instead.
func TestGitSHA256(t *testing.T) {
	r := newRepo(t)
	dir := filepath.Join(r.home, "sha256")
	if out, err := tryGitIn(r, r.home, "init", "-q", "-b", "main", "--object-format=sha256", dir); err != nil {
		gitCannot(t, "make a SHA-256 repository", out, err)
	}
	r.dir = dir
	lateVisitCase(r)

	// The same records outside git.
	plain := filepath.Join(r.home, "plain")
	if err := os.CopyFS(plain, os.DirFS(filepath.Join(dir, "cases"))); err != nil {
		t.Fatal(err)
	}
	_, want, _ := lintReport(t, plain, "--as-of", "2026-11-20")
	if len(want.Findings) == 0 {
		t.Fatal("no findings outside git")
	}
	for i := range want.Findings {
		want.Findings[i].Path = "cases/" + want.Findings[i].Path
	}
	for _, args := range [][]string{{}, {"--no-cache"}} {
		code, rep, errOut := lintReport(t, dir, append(args, "--as-of", "2026-11-20", "cases")...)
		if code == cmdutil.ExitError || !strings.Contains(errOut, "SHA-256") {
			t.Errorf("%v: exit %d, stderr %s", args, code, errOut)
		}
		sameFindings(t, "SHA-256 "+strings.Join(args, " "), rep.Findings, want.Findings)
	}
	// Under --redact the notice keeps its remedy, caselint's own words,
	// and names no folder.
	_, _, errOut := caselint(t, dir, "lint", "--redact", "--as-of", "2026-11-20", "cases")
	if !strings.Contains(errOut, "the repository uses SHA-256 object names (extensions.objectFormat = sha256), which caselint cannot read yet: lint the work tree (caselint lint, without --staged or --rev)") ||
		strings.Contains(errOut, "sha256:") || strings.Contains(errOut, r.home) {
		t.Errorf("--redact: %s", errOut)
	}
	for _, args := range [][]string{{"--staged"}, {"--rev", "HEAD"}} {
		code, _, errOut := caselint(t, dir, append([]string{"lint"}, args...)...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, "SHA-256") || !strings.Contains(errOut, "without --staged or --rev") {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
}

// Issue 14, item 12: a clone whose objects/info/alternates names the
// origin's objects by a relative path has the origin's history.
func TestGitRelativeAlternates(t *testing.T) {
	r := newRepo(t)
	lateVisitCase(r)
	want, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	clone := filepath.Join(r.home, "shared")
	r.git("clone", "-q", "--shared", r.dir, clone)
	alt := filepath.Join(clone, ".git", "objects", "info", "alternates")
	if err := os.WriteFile(alt, []byte("../../../repo/.git/objects\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{}, {"--no-cache"}} {
		got, errOut := lintJSON(t, clone, append(args, "--as-of", "2026-11-20", "cases")...)
		if strings.Contains(errOut, "skipped") {
			t.Errorf("%v: %s", args, errOut)
		}
		sameFindings(t, "relative alternates "+strings.Join(args, " "), got, want)
	}
}

// Issue 14, item 10: cases in a submodule, linted from the superproject,
// are said to be in it; --rev there lints none of them and says so with
// exit 2, never "0 cases" and exit 0; inside the submodule they are
// linted with their history.
func TestGitSubmodule(t *testing.T) {
	sub := newRepo(t)
	lateVisitCase(sub)
	want, _ := lintJSON(t, sub.dir, "--as-of", "2026-11-20", "cases")

	super := &repo{t: t, dir: filepath.Join(sub.home, "super"), home: sub.home}
	if err := os.Mkdir(super.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	super.git("init", "-q", "-b", "main")
	super.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "cases-repo")
	super.commit("Ben Jones", "2026-02-01T09:00:00Z", "the cases, as a submodule")

	code, rep, errOut := lintReport(t, super.dir, "--as-of", "2026-11-20")
	if code == cmdutil.ExitError || !rep.notified("cases-repo", "submodule", "without their git history", "cd cases-repo && caselint lint") {
		t.Errorf("work tree: exit %d, %+v, %s", code, rep.Notifications, errOut)
	}
	code, _, errOut = caselint(t, super.dir, "lint", "--rev", "HEAD")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "cases-repo is a git submodule") || !strings.Contains(errOut, "cd cases-repo && caselint lint --rev") {
		t.Errorf("--rev HEAD in the superproject: exit %d, %s", code, errOut)
	}
	inside := filepath.Join(super.dir, "cases-repo")
	for _, args := range [][]string{{"--as-of", "2026-11-20", "cases"}, {"--rev", "HEAD", "--as-of", "2026-11-20", "cases"}} {
		got, errOut := lintJSON(t, inside, args...)
		if strings.Contains(errOut, "skipped") {
			t.Errorf("inside, %v: %s", args, errOut)
		}
		sameFindings(t, "inside the submodule "+strings.Join(args, " "), got, want)
	}
	// From the superproject, a path in the submodule is read in the
	// submodule's repository, found from the path.
	got, _ := lintJSON(t, super.dir, "--rev", "HEAD", "--as-of", "2026-11-20", "cases-repo/cases")
	sameFindings(t, "--rev HEAD cases-repo/cases", got, want)

	// Not checked out, the submodule has no repository to find: --rev says
	// where the path is, and what to run.
	super.git("submodule", "deinit", "-q", "-f", "cases-repo")
	code, _, errOut = caselint(t, super.dir, "lint", "--rev", "HEAD", "cases-repo/cases/T-1")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "in the git submodule cases-repo") || !strings.Contains(errOut, "run caselint inside it") {
		t.Errorf("--rev HEAD cases-repo/cases/T-1, not checked out: exit %d, %s", code, errOut)
	}
}

// Issue 14, item 16: an older version of a visit over max_file_size is not
// read from the history, and the report says so; the run is otherwise as
// it was, cached or not.
func TestGitOldVersionTooLarge(t *testing.T) {
	r := newRepo(t)
	r.write(".caselint.toml", "max_file_size = \"16 KB\"\n")
	lateVisitCase(r)
	const path = "cases/T-1/visits/2026-01-14.md"
	r.write(path, visit("2026-01-14T10:00:00", "", strings.Repeat("A long note. ", 2000)))
	big := r.commit("Sam Jones", "2026-01-29T09:00:00Z", "T-1: a long note")
	r.write(path, visit("2026-01-14T10:00:00", "", "Recorded late."))
	r.commit("Sam Jones", "2026-01-30T09:00:00Z", "T-1: the note cut")
	for _, args := range [][]string{{}, {"--no-cache"}, {"--rev", "HEAD"}} {
		code, rep, errOut := lintReport(t, r.dir, append(args, "--as-of", "2026-11-20", "cases")...)
		if code == cmdutil.ExitError {
			t.Fatalf("%v: exit 2: %s", args, errOut)
		}
		if !rep.notified(path, "older version", big[:12], "over the file size limit of 16384 bytes") {
			t.Errorf("%v: no notice of the version not read: %+v", args, rep.Notifications)
		}
		if n := len(only(rep.Findings, "late-recording")); n != 1 {
			t.Errorf("%v: %d late-recording findings, want 1", args, n)
		}
	}
}

// Issue 14, item 3: a record and an author purged from git (reset, reflog
// expire, gc) are gone from the history cache at the next lint.
func TestGitPurgedHistory(t *testing.T) {
	r := newRepo(t)
	lateVisitCase(r)
	r.write("cases/T-1/visits/2026-01-20-zofia-wisniewska.md", visit("2026-01-20T10:00:00", "", "Filed under the wrong name."))
	r.commit("Quentin Purgeable", "2026-01-21T09:00:00Z", "T-1: visit of 20 January")
	cache := filepath.Join(r.dir, ".git", "caselint", "history")
	want := [][]byte{[]byte("zofia-wisniewska"), []byte("Quentin Purgeable")}

	lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	data, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(data), string(w)) {
			t.Fatalf("the cache does not hold %q before the purge", w)
		}
	}
	r.git("reset", "-q", "--hard", "HEAD~1")
	r.git("reflog", "expire", "--expire=now", "--all")
	r.git("gc", "-q", "--prune=now")
	got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	uncached, _ := lintJSON(t, r.dir, "--no-cache", "--as-of", "2026-11-20", "cases")
	sameFindings(t, "after the purge", got, uncached)
	if data, err = os.ReadFile(cache); err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if strings.Contains(string(data), string(w)) {
			t.Errorf("the cache still holds %q after the purge", w)
		}
	}
}
