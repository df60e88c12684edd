package lintcmd_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// lateVisitRepo commits case T-1 with one visit on time and one committed
// two weeks after it (late-recording), and lets clones filter objects.
func lateVisitRepo(t *testing.T) *repo {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "T-1: visit of 12 January")
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
	r.git("config", "uploadpack.allowFilter", "true")
	return r
}

// TestTreelessCloneHistoryIncomplete: a treeless clone (--filter=tree:0,
// as a CI checkout of a large repository may be) has the commits but not
// their trees, so the history cannot be read. The history rules were
// skipped with a notice and the run said "no problems", exit 0, over a
// visit recorded two weeks late. It is now incomplete: the report of the
// rest, then exit 2, saying why and what to do.
func TestTreelessCloneHistoryIncomplete(t *testing.T) {
	r := lateVisitRepo(t)
	code, out, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-01-30", "cases")
	if code != cmdutil.ExitFindings || !strings.Contains(out, "[late-recording]") {
		t.Fatalf("full repository: exit %d, want 1 and late-recording\n%s%s", code, out, errOut)
	}
	dir := filepath.Join(r.home, "treeless")
	r.git("clone", "-q", "--filter=tree:0", "file://"+r.dir, dir)
	for _, args := range [][]string{
		{"lint", "--as-of", "2026-01-30", "cases"},
		{"lint", "--as-of", "2026-01-30", "--new-from-rev", "HEAD~1", "cases"},
	} {
		code, out, errOut = caselint(t, dir, args...)
		if code != cmdutil.ExitError {
			t.Errorf("%v in a treeless clone: exit %d, want 2\n%s%s", args, code, out, errOut)
		}
		if !strings.Contains(out, "the git history could not be read: the result is incomplete") ||
			!strings.Contains(errOut, "history rules skipped: the git history could not be read: ") ||
			!strings.Contains(errOut, "a partial clone (--filter) lacks objects the history needs") {
			t.Errorf("%v in a treeless clone: the run does not say the history was not read:\n%s%s", args, out, errOut)
		}
	}
	// JSON says it too.
	code, out, _ = caselint(t, dir, "lint", "--as-of", "2026-01-30", "--format", "json", "cases")
	if code != cmdutil.ExitError || !strings.Contains(out, `"incomplete": "the git history could not be read: the result is incomplete"`) {
		t.Errorf("JSON in a treeless clone: exit %d\n%s", code, out)
	}
	// A shallow clone stays a notice, by design (documented, with its fix).
	shallow := filepath.Join(r.home, "shallow")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, shallow)
	if code, out, errOut := caselint(t, shallow, "lint", "--as-of", "2026-01-30", "cases"); code != cmdutil.ExitFindings || strings.Contains(out, "incomplete") || !strings.Contains(errOut, "this is a shallow clone") {
		t.Errorf("shallow clone: exit %d, want 1 (the records' own findings) with the notice\n%s%s", code, out, errOut)
	}
}
