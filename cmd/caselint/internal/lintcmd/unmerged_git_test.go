package lintcmd_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestGitStagedUnmerged: a merge that stopped on a conflict in a visit
// leaves the index with the visit's three stages and no content git would
// commit. --staged linted "our" side, unchanged from HEAD, so the change
// touched no case: "no problems in 0 cases", exit 0, while git commit
// refuses to commit. It is an error naming the record (exit 2); once the
// conflict is resolved and added, the case is linted as staged.
func TestGitStagedUnmerged(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "Seen."))
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "visit")
	r.git("checkout", "-q", "-b", "other")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "Seen in his room."))
	r.commit("Sam Jones", "2026-01-13T11:00:00Z", "other")
	r.git("checkout", "-q", "main")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", "Nobody answered the door."))
	r.commit("Aisha Patel", "2026-01-13T12:00:00Z", "main")
	cmd := exec.Command("git", "merge", "-q", "other")
	cmd.Dir, cmd.Env = r.dir, gitEnv(r.home)
	if err := cmd.Run(); err == nil {
		t.Fatal("the merge did not conflict")
	}
	for _, args := range [][]string{
		{"lint", "--staged", "--as-of", "2026-01-20"},
		{"lint", "--pre-commit", "--as-of", "2026-01-20", "cases/T-1/case.md"},
	} {
		code, out, errOut := caselint(t, r.dir, args...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, "unresolved merge conflicts in cases/T-1/visits/2026-01-12.md") {
			t.Errorf("%v with a conflict: exit %d, want 2 naming the visit\n%s%s", args, code, out, errOut)
		}
	}
	// A path the conflict is not in: no error.
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planMD)
	r.git("add", "cases/T-2")
	if code, out, errOut := caselint(t, r.dir, "lint", "--staged", "--as-of", "2026-01-20", "cases/T-2"); code == cmdutil.ExitError {
		t.Errorf("--staged cases/T-2: exit 2\n%s%s", out, errOut)
	}
	// Resolved, with its markers (git add of the file as the merge left it):
	// linted, and the markers are invalid-record.
	r.git("add", "cases/T-1/visits/2026-01-12.md")
	staged, _ := lintJSON(t, r.dir, "--staged", "--as-of", "2026-01-20", "cases/T-1")
	if len(only(staged, "invalid-record")) == 0 {
		t.Errorf("resolved with its markers: %v, want invalid-record", staged)
	}
}
