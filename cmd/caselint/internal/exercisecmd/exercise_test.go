package exercisecmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

func TestFlagsReachOptions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var start *StartOptions
	cmd := NewCmdStart(ios, nil, func(o *StartOptions) error { start = o; return nil })
	cmd.SetArgs([]string{"--git", "--from", "ours", "baby-t", "trainee1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !start.Git || start.From != "ours" || start.Name != "baby-t" || start.Dir != "trainee1" {
		t.Errorf("start: %+v", start)
	}
	// With --from naming one exercise, the name may be left out.
	cmd = NewCmdStart(ios, nil, func(o *StartOptions) error { start = o; return nil })
	cmd.SetArgs([]string{"--from", "ours/baby-t", "trainee1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if start.Name != "" || start.Dir != "trainee1" {
		t.Errorf("start --from: %+v", start)
	}

	var check *CheckOptions
	cmd = NewCmdCheck(ios, nil, func(o *CheckOptions) error { check = o; return nil })
	cmd.SetArgs([]string{"--answers", "a.toml", "--from", "ours", "trainee1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if check.Answers != "a.toml" || check.From != "ours" || check.Dir != "trainee1" {
		t.Errorf("check: %+v", check)
	}
	cmd = NewCmdCheck(ios, nil, func(o *CheckOptions) error { check = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if check.Dir != "." || check.Answers != "" {
		t.Errorf("check defaults: %+v", check)
	}

	var reveal *RevealOptions
	cmd = NewCmdReveal(ios, nil, func(o *RevealOptions) error { reveal = o; return nil })
	cmd.SetArgs([]string{"trainee1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if reveal.Target != "trainee1" {
		t.Errorf("reveal: %+v", reveal)
	}
}

func TestUsage(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	for _, args := range [][]string{{"start", "only-a-name"}, {"start"}, {"check", "a", "b"}, {"list", "x"}} {
		cmd := NewCmdExercise(ios, checks.All())
		cmd.SetArgs(args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		var usage *cmdutil.UsageError
		if err := cmd.Execute(); !errors.As(err, &usage) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

// run runs caselint exercise with args and returns its output and error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	cmd := NewCmdExercise(ios, checks.All())
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestListStartCheckReveal(t *testing.T) {
	out, err := run(t, "list", "--trainer")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"first-plan-review  ", "level 1", "stoke-on-trent", "First plan review", "practises: missing-action-timescale, missing-contingency-plan, unnamed-action-owner"} {
		if !strings.Contains(out, w) {
			t.Errorf("list lacks %q:\n%s", w, out)
		}
	}

	dir := filepath.Join(t.TempDir(), "ellie")
	out, err = run(t, "start", "first-plan-review", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "BRIEF.md") || !strings.Contains(out, "caselint exercise check") {
		t.Errorf("start:\n%s", out)
	}
	if _, err := run(t, "start", "first-plan-review", dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second start: %v", err)
	}
	if _, err := run(t, "start", "first-plan-reveiw", t.TempDir()+"/x"); err == nil || !strings.Contains(err.Error(), `did you mean "first-plan-review"`) {
		t.Errorf("misspelt name: %v", err)
	}

	// Fix mode, untouched: nothing fixed, exit 1.
	out, err = run(t, "check", "--trainer", dir)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("check untouched: err = %v", err)
	}
	if !strings.Contains(out, "still there  plan.md:63") || !strings.Contains(out, "Score: 0 of 4 seeded problems put right (0%).") {
		t.Errorf("check untouched:\n%s", out)
	}

	// Spot mode: two right, one a line off (found: the right rule in the
	// right record), one not supported, one missed.
	answers := filepath.Join(t.TempDir(), "answers.toml")
	if err := os.WriteFile(answers, []byte(`
[[finding]]
rule = "unnamed-action-owner"
at = "plan.md:63"

[[finding]]
rule = "missing-contingency-plan"
at = "plan.md:88"

[[finding]]
rule = "unnamed-action-owner"
at = "plan.md:64"
note = "TBC is nobody"

[[finding]]
rule = "late-minutes"
at = "plan.md:64"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "check", "--trainer", "--answers", answers, dir)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("check --answers: err = %v", err)
	}
	for _, w := range []string{"Found (3):", "Missed (1):", "Not supported (1):", "you said plan.md:64; caselint points at line 65", "your note: TBC is nobody", "the problem there is missing-action-timescale", "Why: Every action in the plan must", "Score: 3 of 4 found (75%); 1 not supported."} {
		if !strings.Contains(out, w) {
			t.Errorf("check --answers lacks %q:\n%s", w, out)
		}
	}

	// Reveal, by folder and by name.
	byDir, err := run(t, "reveal", "--trainer", dir)
	if err != nil {
		t.Fatal(err)
	}
	byName, err := run(t, "reveal", "--trainer", "first-plan-review")
	if err != nil {
		t.Fatal(err)
	}
	if byDir != byName || !strings.Contains(byDir, "4. plan.md:88  The plan has no contingency plan [missing-contingency-plan]") {
		t.Errorf("reveal:\n%s\nby name:\n%s", byDir, byName)
	}
	if strings.Contains(byDir, "Oxfordshire") {
		t.Errorf("a Stoke-on-Trent exercise's key cites Oxfordshire:\n%s", byDir)
	}

	// A trainer's exercise folder, named directly.
	byFolder, err := run(t, "reveal", "--trainer", filepath.Join("..", "..", "..", "..", "training", "exercises", "first-plan-review"))
	if err != nil {
		t.Fatal(err)
	}
	if byFolder != byName {
		t.Errorf("reveal FOLDER:\n%s", byFolder)
	}

	// Not an exercise folder.
	if _, err := run(t, "check", t.TempDir()); err == nil || !strings.Contains(err.Error(), "holds no exercise") {
		t.Errorf("check on a plain folder: %v", err)
	}
}
