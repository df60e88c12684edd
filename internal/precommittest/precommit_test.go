package precommittest

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/internal/gittest"
)

// requirePreCommit skips the test when the pre-commit command is missing,
// or fails it under CI (CI=true), where .ci/run installs it: the proof of
// the documented config must never pass by not running.
func requirePreCommit(t *testing.T) {
	t.Helper()
	gittest.Require(t)
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but there is no pre-commit command (.ci/run installs the Debian package): %v", err)
		}
		t.Skip("no pre-commit command: install the pre-commit package (apt-get install pre-commit) to run this test; CI does")
	}
	if testing.Short() {
		t.Skip("builds caselint with pre-commit")
	}
	if raceDetector {
		t.Skip("runs other processes only, which the race detector does not watch; go test without -race runs it")
	}
}

// moduleRoot is the folder of caselint's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// env is the environment of the commands the test runs: none of the
// caller's git settings, a home of its own, pre-commit's store in the
// test's folder, and the caller's Go caches, so that pre-commit's go
// install builds from the build cache and the module cache it already
// has (GOPROXY and GOFLAGS are the caller's too).
type env struct {
	t    *testing.T
	vars []string
}

func newEnv(t *testing.T, home string) *env {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	caches := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(caches) != 2 {
		t.Fatalf("go env GOMODCACHE GOCACHE: %q", out)
	}
	var vars []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") || strings.HasPrefix(k, "PRE_COMMIT") || k == "HOME" || k == "XDG_CACHE_HOME" || k == "XDG_CONFIG_HOME" || k == "GOPATH" || k == "GOBIN" {
			continue
		}
		vars = append(vars, kv)
	}
	vars = append(vars, "HOME="+home, "PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GOMODCACHE="+caches[0], "GOCACHE="+caches[1],
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Sarah Bennett", "GIT_AUTHOR_EMAIL=sarah.bennett@example.org",
		"GIT_COMMITTER_NAME=Sarah Bennett", "GIT_COMMITTER_EMAIL=sarah.bennett@example.org",
		"GIT_AUTHOR_DATE=2026-11-20T12:00:00Z", "GIT_COMMITTER_DATE=2026-11-20T12:00:00Z")
	return &env{t: t, vars: vars}
}

// run runs name in dir and returns its output (stdout and stderr) and
// error.
func (e *env) run(dir, name string, args ...string) (string, error) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = e.vars
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// must runs name and fails the test if it fails.
func (e *env) must(dir, name string, args ...string) string {
	e.t.Helper()
	out, err := e.run(dir, name, args...)
	if err != nil {
		e.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// hookRepository makes a git repository of this module's files as they
// are (committed or not, less what .gitignore leaves out), tagged
// v0.1.0: the test does not depend on the real tag, and proves the code
// under test.
func hookRepository(t *testing.T, e *env, dst string) {
	t.Helper()
	src := moduleRoot(t)
	out, err := exec.Command("git", "-C", src, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v", src, err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		from := filepath.Join(src, filepath.FromSlash(name))
		st, err := os.Lstat(from)
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted in the work tree, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		if !st.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, st.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	e.must(dst, "git", "init", "-q", "-b", "main")
	e.must(dst, "git", "add", "-A")
	e.must(dst, "git", "commit", "-q", "-m", "caselint")
	e.must(dst, "git", "tag", "v0.1.0")
}

// documentedConfig is the first YAML block of docs/pre-commit.md, the
// .pre-commit-config.yaml a team copies, with the hook repository's URL
// made hookRepo.
func documentedConfig(t *testing.T, hookRepo string) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(moduleRoot(t), "docs", "pre-commit.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(repos:.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/pre-commit.md has no ```yaml block beginning repos:")
	}
	cfg := string(m[1])
	const url = "https://github.com/caselint/caselint"
	if !strings.Contains(cfg, url) || !strings.Contains(cfg, "rev: v0.1.0") {
		t.Fatalf("the documented config does not name %s at rev v0.1.0:\n%s", url, cfg)
	}
	return strings.Replace(cfg, url, hookRepo, 1)
}

// documentedFull is the hook docs/pre-commit.md adds to the config's
// hooks for CI: the ```yaml block beginning "      - id: caselint-full".
func documentedFull(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(moduleRoot(t), "docs", "pre-commit.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(      - id: caselint-full\n.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/pre-commit.md has no ```yaml block beginning with the caselint-full hook")
	}
	return string(m[1])
}

// copyCase copies the sample case that is clean under every profile.
func copyCase(t *testing.T, dst string) {
	t.Helper()
	src := filepath.Join(moduleRoot(t), "testdata", "samples", "well-kept", "STK-2026-0107")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// recordsConfig reads the records as of a fixed day, and leaves out the
// history rules: every commit here is made on one day, after the records'
// events, which is not what this test is about.
const recordsConfig = `as_of = 2026-11-20

[rules]
late-recording = "off"
recorded-before-event = "off"
rewritten-record = "off"
`

// unseenVisit is a visit on 16 November 2026 at which Zara was not seen;
// reason, when not empty, says why.
func unseenVisit(reason string) string {
	facts := ""
	if reason != "" {
		facts = "not_seen_reason = \"" + reason + "\"\n"
	}
	return `+++
type = "visit"
date = 2026-11-16T16:30:00
by = "Sarah Bennett"
present = ["Parveen Akhtar"]
child_seen = false
seen_alone = false
` + facts + `bedroom_seen = false
+++

## Observations

Parveen was at home; Zara was at a friend's house.

## Wishes and feelings

Not seen.

## Meals and sleeping

Not seen.

## Presentation and behaviour

Not seen.

## Incidents and injuries

None.
`
}

// TestDocumentedConfig runs the .pre-commit-config.yaml docs/pre-commit.md
// documents with the real pre-commit framework, in a repository of case
// records: a commit with a defect is blocked, put right it goes in; a
// commit that only deletes a record, leaving a finding, is blocked; and
// pre-commit run --all-files fails on a defect already at HEAD.
func TestDocumentedConfig(t *testing.T) {
	requirePreCommit(t)
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, filepath.Join(base, "home"))
	hookRepo := filepath.Join(base, "caselint")
	hookRepository(t, e, hookRepo)

	records := filepath.Join(base, "records")
	caseDir := filepath.Join(records, "cases", "STK-2026-0107")
	copyCase(t, caseDir)
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(records, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".caselint.toml", recordsConfig)
	write(".pre-commit-config.yaml", documentedConfig(t, hookRepo)+documentedFull(t))
	e.must(records, "git", "init", "-q", "-b", "main")
	e.must(records, "pre-commit", "install")
	head := func() string { return strings.TrimSpace(e.must(records, "git", "rev-parse", "HEAD")) }

	// The first commit: pre-commit builds caselint (go install at the
	// tag), and the hook passes the clean case.
	began := time.Now()
	e.must(records, "git", "add", "-A")
	if out, err := e.run(records, "git", "commit", "-m", "Zara's case"); err != nil {
		t.Fatalf("the first commit, of a clean case, was blocked: %v\n%s", err, out)
	}
	t.Logf("the first commit, building caselint: %s", time.Since(began).Round(time.Second))

	// A defect: blocked, and the hook says why.
	const visit = "cases/STK-2026-0107/visits/2026-11-16.md"
	write(visit, unseenVisit(""))
	e.must(records, "git", "add", visit)
	before := head()
	began = time.Now()
	out, err := e.run(records, "git", "commit", "-m", "the visit of 16 November")
	if err == nil || head() != before {
		t.Fatalf("a commit with a defect went through:\n%s", out)
	}
	if !strings.Contains(out, visit+":") || !strings.Contains(out, "[missing-not-seen-reason]") {
		t.Errorf("the blocked commit does not show the finding:\n%s", out)
	}
	t.Logf("a blocked commit: %s", time.Since(began).Round(time.Millisecond))

	// Put right, it goes in.
	write(visit, unseenVisit("Zara was on a school trip; seen alone at school on 17 November"))
	e.must(records, "git", "add", visit)
	if out, err := e.run(records, "git", "commit", "-m", "the visit of 16 November"); err != nil || head() == before {
		t.Fatalf("the corrected commit was blocked: %v\n%s", err, out)
	}

	// A commit that only deletes a record: pre-commit passes no file, the
	// hook runs all the same and finds the gap the deletion leaves.
	before = head()
	e.must(records, "git", "rm", "-q", "cases/STK-2026-0107/visits/2026-08-05.md")
	out, err = e.run(records, "git", "commit", "-m", "remove a visit")
	if err == nil || head() != before {
		t.Fatalf("a deletion that leaves a finding went through:\n%s", out)
	}
	if !strings.Contains(out, "[unseen-child]") {
		t.Errorf("the blocked deletion does not show the finding:\n%s", out)
	}
	e.must(records, "git", "reset", "-q", "--hard")

	// A defect already at HEAD (committed with --no-verify): pre-commit
	// run --all-files, as CI and pre-commit.ci run it, fails on it.
	write(visit, unseenVisit(""))
	e.must(records, "git", "commit", "-q", "--no-verify", "-a", "-m", "the reason lost")
	out, err = e.run(records, "pre-commit", "run", "--all-files")
	if err == nil {
		t.Fatalf("pre-commit run --all-files passed with a defect at HEAD:\n%s", out)
	}
	if !strings.Contains(out, "[missing-not-seen-reason]") {
		t.Errorf("pre-commit run --all-files does not show the finding:\n%s", out)
	}

	// caselint-full, as docs/pre-commit.md adds it for CI (the manual
	// stage), lints the whole work tree in one run: it fails on it too.
	out, err = e.run(records, "pre-commit", "run", "--hook-stage", "manual", "caselint-full", "--all-files")
	if err == nil || !strings.Contains(out, "[missing-not-seen-reason]") {
		t.Errorf("caselint-full with a defect at HEAD: %v\n%s", err, out)
	}
}
