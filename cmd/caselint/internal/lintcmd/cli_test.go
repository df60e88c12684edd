package lintcmd_test

// Issue 17, item 7: a path with no cases is an error unless
// --allow-empty; a record is linted from standard input as the file
// --stdin-filename names, in its case.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/root"
)

func TestNoCasesIsAnError(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planMD)
	if err := os.MkdirAll(filepath.Join(r.dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := caselint(t, r.dir, "lint", "docs")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "docs: no case records here") || !strings.Contains(errOut, "--allow-empty") {
		t.Errorf("a folder without cases: exit %d, %s", code, errOut)
	}
	if code, out, errOut := caselint(t, r.dir, "lint", "--allow-empty", "docs"); code != cmdutil.ExitOK {
		t.Errorf("--allow-empty: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-11-20", "cases"); code == cmdutil.ExitError {
		t.Errorf("cases: exit 2: %s", errOut)
	}
}

// lintStdin runs caselint lint in dir with data on standard input.
func lintStdin(t *testing.T, dir, data string, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	t.Chdir(dir)
	ios, _, out, errOut := iostreams.Test()
	ios.In = strings.NewReader(data)
	code := root.Main(append([]string{"lint"}, args...), ios)
	return code, out.String(), errOut.String()
}

func TestStdinFilename(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planMD)
	r.write("cases/.caselint.toml", ruleError)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")

	// The buffer lacks the contingency plan the file on disk has: the
	// finding is the buffer's, under the case's config, from any folder.
	for _, c := range []struct{ dir, name string }{
		{r.dir, "cases/T-1/plan.md"},
		{filepath.Join(r.dir, "cases", "T-1"), "plan.md"},
	} {
		code, out, errOut := lintStdin(t, c.dir, planNoContingency, "--format", "json", "--as-of", "2026-11-20", "--stdin-filename", c.name, "-")
		if code == cmdutil.ExitError {
			t.Fatalf("exit 2: %s", errOut)
		}
		var rep struct {
			Findings []jsonFinding `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		got := only(rep.Findings, "missing-contingency-plan")
		if len(got) != 1 || got[0].Path != "cases/T-1/plan.md" || got[0].Severity != "error" {
			t.Errorf("from %s: %+v", c.dir, rep.Findings)
		}
		for _, f := range rep.Findings {
			if f.Path != "cases/T-1/plan.md" {
				t.Errorf("a finding of another file: %+v", f)
			}
		}
	}
	// The file on disk is left as it is, and is clean of that finding.
	if n, _ := contingency(t, r.dir, "cases"); n != 0 {
		t.Errorf("the work tree: %d findings, want 0", n)
	}
	// An empty buffer is no record, and not an error: the editor's file
	// is there, only empty.
	if code, _, errOut := lintStdin(t, r.dir, "", "--stdin-filename", "cases/T-1/plan.md", "-"); code == cmdutil.ExitError {
		t.Errorf("an empty buffer: exit 2: %s", errOut)
	}
	for _, args := range [][]string{{"-"}, {"--stdin-filename", "x.md"}, {"--stdin-filename", "x.md", "-", "cases"}, {"--staged", "--stdin-filename", "x.md", "-"}} {
		if code, _, errOut := lintStdin(t, r.dir, planMD, args...); code != cmdutil.ExitError {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errOut)
		}
	}
}

// --path-mode wd reports paths relative to the working folder, for tools
// run in a subfolder; the default stays the repository root.
func TestPathModeWD(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")
	sub := filepath.Join(r.dir, "cases")
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "cases/T-1/plan.md"},
		{[]string{"--path-mode", "root"}, "cases/T-1/plan.md"},
		{[]string{"--path-mode", "wd"}, "T-1/plan.md"},
		{[]string{"--path-mode", "wd", "--rev", "HEAD"}, "T-1/plan.md"},
	} {
		code, out, errOut := caselint(t, sub, append([]string{"lint", "--format", "json", "--as-of", "2026-11-20"}, c.args...)...)
		if code == cmdutil.ExitError {
			t.Fatalf("%v: exit 2: %s", c.args, errOut)
		}
		var rep struct {
			Findings []jsonFinding `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		got := only(rep.Findings, "missing-contingency-plan")
		if len(got) != 1 || got[0].Path != c.want {
			t.Errorf("%v: %+v, want the path %s", c.args, got, c.want)
		}
	}
	if code, _, _ := caselint(t, sub, "lint", "--path-mode", "abs"); code != cmdutil.ExitError {
		t.Errorf("--path-mode abs: exit %d, want 2", code)
	}
}
