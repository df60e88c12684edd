package lintcmd_test

import (
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
