package root

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestExerciseValidate: caselint exercise validate passes every shipped
// exercise (exit 0), fails a trainer's copy with a wrong key line (exit 1,
// saying what to move, at its line) and refuses a folder that is not an
// exercise (exit 2).
func TestExerciseValidate(t *testing.T) {
	shipped, err := filepath.Abs("../../../../training/exercises")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := caselint(t, "exercise", "validate", shipped)
	if code != cmdutil.ExitOK {
		t.Fatalf("shipped: exit %d\n%s%s", code, out, errOut)
	}
	if n := strings.Count(out, ": valid: "); n < 10 {
		t.Errorf("%d exercises valid, want every one:\n%s", n, out)
	}

	dir := filepath.Join(t.TempDir(), "baby-t")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(shipped, "first-plan-review"))); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "case", "plan.md")
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "| O2 | <!-- want: unnamed-action-owner -->", "| O2 |", 1)
	s = strings.Replace(s, "| O1, O4 |\n", "| O1, O4 | <!-- want: unnamed-action-owner -->\n", 1)
	if err := os.WriteFile(plan, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = caselint(t, "exercise", "validate", dir)
	if code != cmdutil.ExitFindings || !strings.Contains(out, "case/plan.md:62: the key wants unnamed-action-owner here") ||
		!strings.Contains(out, "move the want comment for unnamed-action-owner from line 62 to line 63") {
		t.Errorf("wrong key line: exit %d\n%s", code, out)
	}

	for _, args := range [][]string{
		{"exercise", "validate"},
		{"exercise", "validate", t.TempDir()},
		{"exercise", "validate", filepath.Join(t.TempDir(), "nope")},
		{"exercise", "validate", plan},
	} {
		code, out, errOut := caselint(t, args...)
		if code != cmdutil.ExitError || !strings.HasPrefix(errOut, "caselint: ") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
}
