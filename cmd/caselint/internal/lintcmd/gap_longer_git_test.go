package lintcmd_test

// A gap that has closed is reported at the record that ended it (the visit
// that saw the child alone again, the meeting held late). That record's
// line says nothing of where the gap began: a change that makes the gap
// start earlier (a visit deleted, seen_alone corrected on an earlier one)
// leaves it as it was. The finding's fingerprint holds the day the gap
// opened, so the longer gap is a new finding: --new-from-rev reports it
// and a baseline entry of the shorter gap does not hide it.

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// notAloneVisit is gapVisit with Rosie seen, but not alone.
func notAloneVisit(day string) string {
	return strings.Replace(gapVisit(day), "seen_alone = true\n",
		"seen_alone = false\nnot_seen_reason = \"Dana Price would not leave the room\"\n", 1)
}

// longerGapRepo is T-GAP with visits on 2 September, 1 October and 19
// November 2026, each seeing Rosie alone, committed on main: the gap of 1
// October to 19 November is late (Stoke-on-Trent: 28 working days).
func longerGapRepo(t *testing.T) *repo {
	t.Helper()
	r := newRepo(t)
	r.write("cases/T-GAP/case.md", gapCaseMD)
	r.write("cases/T-GAP/plan.md", gapPlanMD)
	r.write("cases/T-GAP/conferences/2026-01-14-initial.md", gapInitialMD)
	for _, d := range []string{"2026-09-02", "2026-10-01", "2026-11-19"} {
		r.write("cases/T-GAP/visits/"+d+".md", gapVisit(d))
	}
	r.commit("Priya Shah", "2026-11-19T17:00:00Z", "T-GAP: case and visits")
	return r
}

// unseenAt is the unseen-child findings at path.
func unseenAt(fs []jsonFinding, path string) []jsonFinding {
	var out []jsonFinding
	for _, f := range only(fs, "unseen-child") {
		if f.Path == path {
			out = append(out, f)
		}
	}
	return out
}

const nov19 = "cases/T-GAP/visits/2026-11-19.md"

func TestGitNewFromRevLongerClosedGap(t *testing.T) {
	r := longerGapRepo(t)
	args := []string{"--as-of", "2026-11-20", "--profile", "stoke-on-trent"}
	before, _ := lintJSON(t, r.dir, append(args, "cases")...)
	if got := unseenAt(before, nov19); len(got) != 1 || !strings.Contains(got[0].Message, "last seen alone on 1 October 2026") {
		t.Fatalf("on main: unseen-child at 19 November %v, want the gap since 1 October", got)
	}

	// On a branch, the visit of 1 October is corrected: Rosie was not seen
	// alone. The gap now runs from 2 September.
	r.git("checkout", "-q", "-b", "correct")
	r.write("cases/T-GAP/visits/2026-10-01.md", notAloneVisit("2026-10-01"))
	r.commit("Priya Shah", "2026-11-20T09:00:00Z", "T-GAP: 1 October corrected")
	got, errOut := lintJSON(t, r.dir, append(args, "--new-from-rev", "main", "cases")...)
	if u := unseenAt(got, nov19); len(u) != 1 || !strings.Contains(u[0].Message, "last seen alone on 2 September 2026") {
		t.Fatalf("--new-from-rev main after the correction: %v, want unseen-child at 19 November, last seen alone on 2 September\n%s", got, errOut)
	}

	// A visit deleted makes the same longer gap: new too.
	r.git("checkout", "-q", "main")
	r.git("checkout", "-q", "-b", "delete")
	r.git("rm", "-q", "cases/T-GAP/visits/2026-10-01.md")
	r.commit("Priya Shah", "2026-11-20T09:00:00Z", "T-GAP: 1 October deleted")
	got, errOut = lintJSON(t, r.dir, append(args, "--new-from-rev", "main", "cases")...)
	if u := unseenAt(got, nov19); len(u) != 1 {
		t.Fatalf("--new-from-rev main after the deletion: %v, want unseen-child at 19 November\n%s", got, errOut)
	}

	// A change that leaves the gap where it began is not new.
	r.git("checkout", "-q", "main")
	r.git("checkout", "-q", "-b", "same")
	r.write("cases/T-GAP/visits/2026-11-19.md", strings.Replace(gapVisit("2026-11-19"), "Rosie was in the kitchen.", "Rosie was in the kitchen, drawing.", 1))
	r.commit("Priya Shah", "2026-11-20T09:00:00Z", "T-GAP: 19 November observation")
	if got, errOut := lintJSON(t, r.dir, append(args, "--new-from-rev", "main", "cases")...); len(unseenAt(got, nov19)) != 0 {
		t.Errorf("--new-from-rev main, the gap unchanged: %v, want no unseen-child\n%s", got, errOut)
	}
}

func TestGitBaselineDoesNotHideALongerClosedGap(t *testing.T) {
	r := longerGapRepo(t)
	args := []string{"--as-of", "2026-11-20", "--profile", "stoke-on-trent"}
	if code, out, errOut := caselint(t, r.dir, append([]string{"baseline"}, args...)...); code != cmdutil.ExitOK {
		t.Fatalf("caselint baseline: exit %d\n%s%s", code, out, errOut)
	}
	r.commit("Priya Shah", "2026-11-20T08:00:00Z", "caselint baseline")
	if got, errOut := lintJSON(t, r.dir, append(args, "--staged", "cases")...); len(unseenAt(got, nov19)) != 0 {
		t.Fatalf("--staged with the baseline: %v, want the gap since 1 October hidden\n%s", got, errOut)
	}

	// The correction, staged: the gap since 2 September is not the one
	// the baseline accepted.
	r.write("cases/T-GAP/visits/2026-10-01.md", notAloneVisit("2026-10-01"))
	r.git("add", "-A")
	got, errOut := lintJSON(t, r.dir, append(args, "--staged", "cases")...)
	if u := unseenAt(got, nov19); len(u) != 1 || !strings.Contains(u[0].Message, "last seen alone on 2 September 2026") {
		t.Fatalf("--staged after the correction: %v, want unseen-child at 19 November, last seen alone on 2 September\n%s", got, errOut)
	}
}
