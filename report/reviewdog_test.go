package report

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// reviewdogBin finds reviewdog (go install
// github.com/reviewdog/reviewdog/cmd/reviewdog@v0.21.0, as .ci/run does):
// on PATH, else in GOBIN or GOPATH/bin. Missing, the test is skipped with
// a message, but fails under CI=true (and CASELINT_REQUIRE_REVIEWDOG,
// which .ci/run sets).
func reviewdogBin(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("reviewdog"); err == nil {
		return p
	}
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, d := range filepath.SplitList(strings.TrimSpace(string(out))) {
			dirs = append(dirs, filepath.Join(d, "bin"))
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, "reviewdog")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	const why = "reviewdog not found: go install github.com/reviewdog/reviewdog/cmd/reviewdog@v0.21.0"
	if os.Getenv("CI") == "true" || os.Getenv("CASELINT_REQUIRE_REVIEWDOG") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
	return ""
}

// TestReviewdog feeds the rdjson and SARIF reports to reviewdog itself, as
// a team's CI would (-reporter=local -filter-mode=nofilter), with the
// fixture's records on disk: reviewdog must show each finding that is not
// suppressed, and not the suppressed one. SARIF with --include-suppressed
// shows why that one is left out by default: reviewdog ignores SARIF's
// suppressions and shows it as live.
func TestReviewdog(t *testing.T) {
	bin := reviewdogBin(t)
	dir := t.TempDir()
	for path, text := range map[string]string{planPath: planText, visitPath: visitText} {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(format string, report []byte) string {
		t.Helper()
		cmd := exec.Command(bin, "-f="+format, "-reporter=local", "-filter-mode=nofilter", "-fail-level=any")
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(report)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		// -fail-level=any: exit 1 says reviewdog found the findings.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("reviewdog -f=%s: %v (want exit 1, findings)\n%s%s", format, err, out.String(), errOut.String())
		}
		return out.String()
	}
	res := testResult(t)
	const suppressed = `A3's owner`
	for _, format := range []string{"rdjson", "sarif"} {
		p, _ := ByName(format)
		out := run(format, render(t, p, res, testOptions()))
		shown := 0
		for _, f := range res.Findings {
			if f.Suppression != nil {
				if strings.Contains(out, suppressed) {
					t.Errorf("%s: reviewdog shows the suppressed finding:\n%s", format, out)
				}
				continue
			}
			shown++
			// reviewdog writes each diagnostic on one line, its message
			// quoted as JSON: look for words that need no escaping.
			words := strings.Fields(f.Message)
			words = words[len(words)-2:]
			if !strings.Contains(out, strings.Join(words, " ")) || !strings.Contains(out, f.Path) || !strings.Contains(out, f.RuleID) {
				t.Errorf("%s: reviewdog does not show %q at %s:\n%s", format, f.Message, f.Path, out)
			}
		}
		if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != shown {
			t.Errorf("%s: reviewdog shows %d diagnostics, want %d:\n%s", format, n, shown, out)
		}
	}
	opts := testOptions()
	opts.IncludeSuppressed = true
	if out := run("sarif", render(t, NewSARIF, res, opts)); !strings.Contains(out, suppressed) {
		t.Errorf("reviewdog no longer shows a SARIF-suppressed finding: --include-suppressed's warning (docs/formats.md) is out of date:\n%s", out)
	}
}
