package root

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

const caseMD = `+++
type = "case"
id = "T-1"
[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true
+++
`

const planMD = `+++
type = "plan"
started = 2026-01-12
lead_worker = "Aisha Patel"
+++

## Concerns
Neglect.
`

// tree writes a one-case tree and returns its folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func caselint(t *testing.T, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}

func TestLintExitCodes(t *testing.T) {
	dir := tree(t, map[string]string{"cases/a/case.md": caseMD, "cases/a/plan.md": planMD})
	cases := filepath.Join(dir, "cases")

	code, out, _ := caselint(t, "lint", "--as-of", "2026-11-20", cases)
	if code != cmdutil.ExitFindings {
		t.Errorf("findings: exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "a/plan.md:2:1: error: ") || !strings.Contains(out, "[missing-contingency-plan]") {
		t.Errorf("text output:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("no colour when the output is not a terminal")
	}

	for _, tc := range []struct {
		name string
		args []string
		want cmdutil.ExitCode
	}{
		{"bad format", []string{"lint", "--format", "xml", cases}, cmdutil.ExitError},
		{"bad as-of", []string{"lint", "--as-of", "20/11/2026", cases}, cmdutil.ExitError},
		{"bad fail level", []string{"lint", "--fail-level", "fatal", cases}, cmdutil.ExitError},
		{"no such path", []string{"lint", filepath.Join(dir, "nope")}, cmdutil.ExitError},
		{"unknown flag", []string{"lint", "--colour", cases}, cmdutil.ExitError},
		{"unknown profile", []string{"lint", "--profile", "kent", cases}, cmdutil.ExitError},
		{"explain unknown", []string{"explain", "unseen-chld"}, cmdutil.ExitError},
		{"rules", []string{"rules"}, cmdutil.ExitOK},
		{"explain", []string{"explain", "missing-contingency-plan"}, cmdutil.ExitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := caselint(t, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.want, out, errOut)
			}
			if tc.want == cmdutil.ExitError && !strings.HasPrefix(errOut, "caselint: ") {
				t.Errorf("an error says what went wrong on stderr: %q", errOut)
			}
		})
	}
}

func TestLintFormatsAndOutputFile(t *testing.T) {
	dir := tree(t, map[string]string{"cases/a/case.md": caseMD, "cases/a/plan.md": planMD})
	cases := filepath.Join(dir, "cases")
	for _, format := range []string{"json", "sarif"} {
		out := filepath.Join(dir, "report."+format)
		code, stdout, _ := caselint(t, "lint", "--as-of", "2026-11-20", "--format", format, "-o", out, cases)
		if code != cmdutil.ExitFindings || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q", format, code, stdout)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Errorf("%s: not one JSON document: %v", format, err)
		}
	}
	_, out, _ := caselint(t, "lint", "--as-of", "2026-11-20", "--format", "github", cases)
	// Past GitHub's ten errors a step, findings are plain log lines,
	// written first; the annotations start with the first error.
	if i := strings.Index(out, "::"); i < 0 || !strings.HasPrefix(out[i:], "::error file=a/plan.md,line=2,col=1,") {
		t.Errorf("github output:\n%s", out)
	}
}

func TestFailLevel(t *testing.T) {
	dir := tree(t, map[string]string{
		"a/case.md": caseMD,
		"a/plan.md": planMD + "\n## Contingency plan\nIf Jamie is harmed, a strategy discussion the same day.\n",
		".caselint.toml": "profile = \"stoke-on-trent\"\n[rules]\n" +
			"missing-contingency-plan = \"warning\"\n",
	})
	// With a contingency plan the rule is quiet; the config's severity is
	// read. Outside a repository the config is in the folder linted.
	code, out, errOut := caselint(t, "lint", "--as-of", "2026-11-20", "--fail-level", "error", dir)
	if code == cmdutil.ExitError {
		t.Fatalf("exit 2: %s %s", out, errOut)
	}
}

func TestConfigErrorNamesTheLine(t *testing.T) {
	dir := tree(t, map[string]string{
		"a/case.md":      caseMD,
		"a/plan.md":      planMD,
		".caselint.toml": "profile = \"combined\"\nsen_alone_every = \"2 weeks\"\n",
	})
	code, _, errOut := caselint(t, "lint", dir)
	if code != cmdutil.ExitError || !strings.Contains(errOut, ".caselint.toml:2:1: unknown key sen_alone_every") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestErrorsArePrintable: an error quoting a path given on the command line
// shows its escape sequences and bidirectional controls escaped, never
// raw (issue 14, item 18).
func TestErrorsArePrintable(t *testing.T) {
	_, _, errOut := caselint(t, "lint", "no-such\x1b[2J\a\u202e")
	for _, bad := range []string{"\x1b", "\a", "\u202e"} {
		if strings.Contains(errOut, bad) {
			t.Errorf("stderr holds %q raw: %q", bad, errOut)
		}
	}
	if !strings.Contains(errOut, `no-such\x1b[2J\x07\u202e`) {
		t.Errorf("stderr does not show the path escaped: %q", errOut)
	}
}

// TestErrorsHoldNoAbsolutePath: the error of any command says no absolute
// path: caselint new outside a case names the working folder as "."
// (issue 14, item 5).
func TestErrorsHoldNoAbsolutePath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, _, errOut := caselint(t, "new", "visit")
	if code != cmdutil.ExitError || errOut == "" {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	if strings.Contains(errOut, dir) || strings.Contains(errOut, os.TempDir()) {
		t.Errorf("the error names an absolute path: %q", errOut)
	}
}
