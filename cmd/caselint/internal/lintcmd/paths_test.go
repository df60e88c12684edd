package lintcmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestNoAbsolutePathWhenRepositoryUnreadable: a repository go-git cannot
// open gives a notice in every format, with and without --redact, that
// does not say where the repository is (issue 14, item 5).
func TestNoAbsolutePathWhenRepositoryUnreadable(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1: case and plan")
	// A config go-git cannot parse: the repository cannot be opened.
	if err := os.WriteFile(filepath.Join(r.dir, ".git", "config"), []byte("[core\nbroken = \"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, redact := range []bool{false, true} {
			args := []string{"lint", "--as-of", "2026-11-20", "--no-color", "--format", format}
			if redact {
				args = append(args, "--redact")
			}
			args = append(args, filepath.Join(r.dir, "cases")) // an absolute path given
			code, out, errOut := caselint(t, r.dir, args...)
			if code == cmdutil.ExitError {
				t.Fatalf("%s: exit 2: %s", format, errOut)
			}
			all := out + errOut
			if !strings.Contains(all, "git repository could not be read") {
				t.Errorf("%s redact=%v: no notice that the repository could not be read:\n%s", format, redact, all)
			}
			noAbsolute(t, format, all, r.home)
		}
	}
}

// TestNoAbsolutePathInErrors: errors of lint name no absolute path: one
// outside the repository, one for --new-from-rev outside a repository,
// and one for a config that cannot be read (issue 14, item 5).
func TestNoAbsolutePathInErrors(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1: case and plan")
	outside := filepath.Join(r.home, "elsewhere")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(r.dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("profile = [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"lint", "cases", outside},
		{"lint", "--config", bad, "cases"},
		{"lint", "--new-from-rev", "HEAD", outside},
		{"lint", "--rev", "HEAD", filepath.Join(outside, "x")},
	} {
		dir := r.dir
		if args[len(args)-1] == outside {
			dir = outside
		}
		code, out, errOut := caselint(t, dir, args...)
		if code != cmdutil.ExitError {
			t.Errorf("%q: exit %d, want 2: %s", args, code, errOut)
		}
		noAbsolute(t, strings.Join(args, " "), out+errOut, r.home)
	}
}

// TestSARIFInvocationAndProvenance: SARIF names the program, not its path,
// holds no absolute argument, and carries the remote without its
// credentials (issue 14, item 6).
func TestSARIFInvocationAndProvenance(t *testing.T) {
	for _, c := range []struct{ remote, want string }{
		{"https://user:s3cret@git.example.org/la/cases.git?token=s3cret#s3cret", "https://git.example.org/la/cases.git"},
		{"user:s3cret@git.example.org:la/cases.git", "ssh://git.example.org/la/cases.git"},
		{"ssh://user:s3cret@git.example.org:2222/la/cases.git", "ssh://git.example.org:2222/la/cases.git"},
		{"/srv/s3cret/cases.git", ""},
	} {
		r := newRepo(t)
		start(r)
		r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1: case and plan")
		r.git("remote", "add", "origin", c.remote)
		out := filepath.Join(r.dir, "out.sarif")
		args := []string{"lint", "--format", "sarif", "--as-of", "2026-11-20", "-o", out, filepath.Join(r.dir, "cases")}
		code, _, errOut := caselint(t, r.dir, args...)
		if code == cmdutil.ExitError {
			t.Fatalf("exit 2: %s", errOut)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "s3cret") {
			t.Errorf("remote %q: the SARIF keeps a credential:\n%s", c.remote, data)
		}
		noAbsolute(t, "sarif", string(data), r.home)
		var log struct {
			Runs []struct {
				Invocations []struct {
					Arguments []string `json:"arguments"`
				} `json:"invocations"`
				Provenance []struct {
					RepositoryURI string `json:"repositoryUri"`
				} `json:"versionControlProvenance"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		got := ""
		if len(run.Provenance) > 0 {
			got = run.Provenance[0].RepositoryURI
		}
		if got != c.want {
			t.Errorf("remote %q: repositoryUri %q, want %q", c.remote, got, c.want)
		}
		args = run.Invocations[0].Arguments
		if len(args) == 0 || args[0] != "caselint" {
			t.Errorf("arguments %q do not start with caselint", args)
		}
		// The command line as cobra parsed it: each flag set by its name.
		if want := []string{"--output=out.sarif", "cases"}; !strings.Contains(strings.Join(args, " "), strings.Join(want, " ")) {
			t.Errorf("arguments %q: the paths below the working folder are not relative", args)
		}
	}
}

// noAbsolute fails when text holds the test's folder (where the records
// are, the home of the run) or the system's temporary folder.
func noAbsolute(t *testing.T, what, text, home string) {
	t.Helper()
	for _, p := range []string{home, os.TempDir(), filepath.Dir(home)} {
		if p != "" && p != string(filepath.Separator) && strings.Contains(text, p) {
			t.Errorf("%s: output holds the absolute path %s:\n%s", what, p, text)
			return
		}
	}
}
