package lintcmd_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/training"
)

// TestLintDeclinesAnExercise (issue 15): caselint lint in a trainee's
// exercise folder, in any format, at a record of it, from the folder
// above it, or staged for a commit, says it is an exercise, reports
// nothing and exits 2, giving no answer away; with --trainer it reports
// every problem of the key. On every shipped exercise. caselint due
// declines it alike.
func TestLintDeclinesAnExercise(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "trainee")
			if err := ex.Start(context.Background(), dir, training.StartOptions{}); err != nil {
				t.Fatal(err)
			}
			key, err := ex.Reveal(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			report := filepath.Join(t.TempDir(), "report.sarif")
			for _, tc := range []struct {
				in   string
				args []string
			}{
				{dir, []string{"lint"}},
				{dir, []string{"lint", "--format", "json"}},
				{dir, []string{"lint", "--format", "sarif", "-o", report}},
				{dir, []string{"lint", "--format", "github", "--profile", ex.Profile, "--as-of", ex.AsOf.String()}},
				{dir, []string{"lint", key.Items[0].Path}},
				{parent, []string{"lint"}},
				{parent, []string{"lint", "--format", "json", "trainee"}},
				// What is due in the exercise would point at its gaps.
				{dir, []string{"due", "--as-of", ex.AsOf.String()}},
				{parent, []string{"due", "--format", "ics", "trainee"}},
			} {
				code, out, errOut := caselint(t, tc.in, tc.args...)
				if code != cmdutil.ExitError || out != "" {
					t.Errorf("%v in %s: exit %d, stdout %q, want exit 2 and nothing", tc.args, filepath.Base(tc.in), code, out)
				}
				if !strings.Contains(errOut, "training exercise \""+ex.Name+"\"") || !strings.Contains(errOut, "caselint exercise check") || !strings.Contains(errOut, "not a clean result") {
					t.Errorf("%v: stderr does not say it is an exercise: %s", tc.args, errOut)
				}
				for _, it := range key.Items {
					for _, leak := range []string{it.At(), it.Message, it.Rule} {
						if strings.Contains(errOut, leak) {
							t.Errorf("%v: stderr gives %q away: %s", tc.args, leak, errOut)
						}
					}
				}
			}
			if _, err := os.Stat(report); err == nil {
				t.Errorf("a report was written for an exercise")
			}

			// The trainer sees every problem of the key.
			code, out, errOut := caselint(t, dir, "lint", "--trainer", "--format", "json", "--profile", ex.Profile, "--as-of", ex.AsOf.String())
			if code != cmdutil.ExitFindings {
				t.Fatalf("--trainer: exit %d: %s", code, errOut)
			}
			var rep struct {
				Findings []jsonFinding `json:"findings"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("--trainer: %v in\n%s", err, out)
			}
			for _, it := range key.Items {
				found := false
				for _, f := range rep.Findings {
					found = found || (f.Rule == it.Rule && f.Path == it.Path && f.Line == it.Line)
				}
				if !found {
					t.Errorf("--trainer: %s %s not reported", it.At(), it.Rule)
				}
			}
		})
	}
}

// TestLintDeclinesAStagedExercise: the pre-commit hook's caselint lint
// --staged in an exercise started as a git repository is declined too.
func TestLintDeclinesAStagedExercise(t *testing.T) {
	ex, err := training.Shipped(checks.All()).Get("late-entries")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "trainee")
	if err := ex.Start(context.Background(), dir, training.StartOptions{Git: true}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := caselint(t, dir, "lint", "--staged")
	if code != cmdutil.ExitError || out != "" || !strings.Contains(errOut, "this folder is the training exercise \"late-entries\"") {
		t.Errorf("lint --staged: exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	// From elsewhere, by its absolute path: named relative to the working
	// folder, never as ".".
	code, _, errOut = caselint(t, t.TempDir(), "lint", dir)
	if code != cmdutil.ExitError || !strings.Contains(errOut, "caselint exercise check ../") || strings.Contains(errOut, dir) {
		t.Errorf("lint DIR from elsewhere: exit %d, stderr %s", code, errOut)
	}
}

// TestLintAnOrdinaryFolderBesideAnExercise: a folder that is not an
// exercise is linted as ever, though an exercise is next to it.
func TestLintAnOrdinaryFolderBesideAnExercise(t *testing.T) {
	ex, err := training.Shipped(checks.All()).Get("first-plan-review")
	if err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	if err := ex.Start(context.Background(), filepath.Join(parent, "trainee"), training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(parent, "cases", "C-1")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"case.md", "plan.md"} {
		if err := os.WriteFile(filepath.Join(other, name), ex.Files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := caselint(t, parent, "lint", "--as-of", ex.AsOf.String(), "cases")
	if code != cmdutil.ExitFindings || !strings.Contains(out, "cases/C-1/plan.md:") {
		t.Errorf("lint cases: exit %d: %s%s", code, out, errOut)
	}
}
