package lintcmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestOutputReplacesReport: --output rewrites the report it names, whole,
// and leaves no temporary file beside it.
func TestOutputReplacesReport(t *testing.T) {
	r := redactRepo(t)
	out := filepath.Join(r.dir, "reports", "caselint.json")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("an older report"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-03-02", "--format", "json", "-o", out, "cases")
	if code != cmdutil.ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if stdout != "" {
		t.Errorf("a report on stdout as well: %s", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "{") || !strings.HasSuffix(string(data), "}\n") {
		t.Errorf("the report is not the new one, whole: %.40q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("reports/ holds %d entries, want the report alone", len(entries))
	}
}

// TestOutputNeverOverARecord: --output naming a case record is refused and
// the record is untouched.
func TestOutputNeverOverARecord(t *testing.T) {
	r := redactRepo(t)
	plan := filepath.Join(r.dir, "cases", "R-1", "plan.md")
	code, _, errOut := caselint(t, r.dir, "lint", "--format", "sarif", "-o", plan, "cases")
	if code != cmdutil.ExitError {
		t.Errorf("exit %d, want %d: %s", code, cmdutil.ExitError, errOut)
	}
	if !strings.Contains(errOut, "will not write a report over it") {
		t.Errorf("stderr: %s", errOut)
	}
	if got, err := os.ReadFile(plan); err != nil || string(got) != redactPlan {
		t.Errorf("the plan changed (%v):\n%s", err, got)
	}
}

// TestOutputNotThroughALink (issue 14, item 1): --output naming a link to a
// file, or a folder, is refused with exit 2 and the file is untouched;
// naming /dev/null writes to the device and leaves it a device. The
// error names the path relative to the working folder, as every report does.
func TestOutputNotThroughALink(t *testing.T) {
	r := redactRepo(t)
	target := filepath.Join(r.dir, "notes.txt")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(r.dir, "report.json")
	if err := os.Symlink("notes.txt", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, out := range []string{link, filepath.Join(r.dir, "cases")} {
		code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-03-02", "--format", "json", "-o", out, "cases")
		if code != cmdutil.ExitError || !strings.Contains(errOut, "--output: writing "+filepath.Base(out)+": it is") {
			t.Errorf("-o %s: exit %d, stderr: %s", out, code, errOut)
		}
	}
	if got, err := os.ReadFile(target); err != nil || string(got) != "keep" {
		t.Errorf("the file behind the link became %q (%v)", got, err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-03-02", "--format", "json", "-o", "/dev/null", "cases")
		if code != cmdutil.ExitFindings {
			t.Errorf("-o /dev/null: exit %d: %s", code, errOut)
		}
		if st, err := os.Lstat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("/dev/null is no longer a device: %v", err)
		}
	}
}

// TestSARIFFlags: --category is the run's automationDetails.id; the
// config's rule settings are the rules' defaultConfiguration; the
// suppressed finding is left out unless --include-suppressed.
func TestSARIFFlags(t *testing.T) {
	r := redactRepo(t)
	r.write(".caselint.toml", "[rules]\nunseen-bedroom = \"error\"\nlate-minutes = \"off\"\n")
	args := []string{"lint", "--as-of", "2026-03-02", "--format", "sarif", "--category", "cases/R-1", "cases"}
	code, out, errOut := caselint(t, r.dir, args...)
	if code != cmdutil.ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var log struct {
		Runs []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
			Tool struct {
				Driver struct {
					Rules []struct {
						ID     string `json:"id"`
						Config struct {
							Enabled *bool  `json:"enabled"`
							Level   string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				Suppressions []any `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	run := log.Runs[0]
	if run.AutomationDetails.ID != "cases/R-1" {
		t.Errorf("automationDetails.id = %q", run.AutomationDetails.ID)
	}
	for _, rule := range run.Tool.Driver.Rules {
		switch rule.ID {
		case "unseen-bedroom":
			if rule.Config.Level != "error" || rule.Config.Enabled != nil {
				t.Errorf("unseen-bedroom set to error: %+v", rule.Config)
			}
		case "late-minutes":
			if rule.Config.Enabled == nil || *rule.Config.Enabled {
				t.Errorf("late-minutes turned off: %+v", rule.Config)
			}
		}
	}
	for _, res := range run.Results {
		if res.Suppressions != nil {
			t.Errorf("a suppressed result without --include-suppressed")
		}
	}
	_, out, _ = caselint(t, r.dir, append(args, "--include-suppressed")...)
	if !strings.Contains(out, `"suppressions"`) {
		t.Errorf("--include-suppressed: no suppressed result")
	}
}

// TestOutputLeftAloneOnError: a run that fails (here a broken baseline,
// met once the findings begin to stream) leaves the report --output names
// as it was, no temporary file beside it, and says caselint's own error,
// not one of writing the file; on standard output, nothing is printed.
func TestOutputLeftAloneOnError(t *testing.T) {
	r := redactRepo(t)
	if err := os.WriteFile(filepath.Join(r.dir, ".caselint-baseline"), []byte("zzzz invalid-record cases/R-1/plan.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(r.dir, "reports", "caselint.sarif")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("an older report"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-03-02", "--format", "sarif", "-o", out, "cases")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "is not a fingerprint") || strings.Contains(errOut, "writing") {
		t.Errorf("exit %d, stderr: %s", code, errOut)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != "an older report" {
		t.Errorf("the older report changed (%v): %.40q", err, data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("reports/ holds %d entries, want the older report alone", len(entries))
	}
	code, stdout, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-03-02", "--format", "sarif", "cases")
	if code != cmdutil.ExitError || stdout != "" {
		t.Errorf("exit %d, stdout %.60q, stderr: %s", code, stdout, errOut)
	}
}
