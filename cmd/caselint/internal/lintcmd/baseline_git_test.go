package lintcmd_test

// A team adopts caselint on the records it has (issue 17): the records
// come into git in one commit, caselint baseline records their findings,
// and lint, in the work tree, in the hook (--staged) and in review
// (--new-from-rev), then reports only what is new, and says which entries
// of the baseline were put right.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// importedCase writes case T-1 as a team brings it into git: the case, its
// plan and months of visits in one commit, on Monday 16 November 2026. One
// visit has a defect: seen_alone = false with no reason.
func importedCase(r *repo) {
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planMD)
	for _, d := range []string{"2026-01-12", "2026-01-26", "2026-02-09", "2026-02-23", "2026-03-09", "2026-03-23"} {
		r.write("cases/T-1/visits/"+d+".md", visit(d+"T10:00:00", "", "Imported."))
	}
	r.write("cases/T-1/visits/2026-04-06.md", visit("2026-04-06T10:00:00", "seen_alone = false\n", "Imported."))
	r.commit("Aisha Patel", "2026-11-16T10:00:00Z", "T-1: records from the old system")
}

// split parts T-1's findings into those about the past and those about an
// obligation still open on 20 November 2026, reported on plan.md: Jamie
// unseen since April, no core group and no review conference since the
// plan started. A baseline never holds the open ones: lint reports them
// until they are met (docs/adopting.md).
func split(fs []jsonFinding) (past, open []jsonFinding) {
	for _, f := range fs {
		switch f.Rule {
		case "unseen-child", "late-first-core-group", "late-review-conference", "overdue-core-group":
			if strings.HasSuffix(f.Path, "/plan.md") {
				open = append(open, f)
				continue
			}
		}
		past = append(past, f)
	}
	return past, open
}

func TestGitAdoptWithBaseline(t *testing.T) {
	r := newRepo(t)
	importedCase(r)
	asOf := []string{"--as-of", "2026-11-20"}
	lintArgs := func(more ...string) []string { return append(append([]string{}, asOf...), more...) }

	before, _ := lintJSON(t, r.dir, lintArgs("cases")...)
	if n := len(only(before, "late-recording")); n != 1 {
		t.Fatalf("%d late-recording findings for the import, want 1 (the bulk import, said once)", n)
	}
	if len(only(before, "missing-not-seen-reason")) != 1 {
		t.Fatalf("the seeded defect is not found: %v", before)
	}

	// caselint baseline: every finding there is now but the open ones,
	// no name, no message; it says how many it left out.
	pastBefore, open := split(before)
	if len(open) != 3 {
		t.Fatalf("open findings %v, want 3 (unseen-child, late-first-core-group, late-review-conference)", open)
	}
	code, out, errOut := caselint(t, r.dir, append([]string{"baseline"}, lintArgs()...)...)
	if code != cmdutil.ExitOK || !strings.Contains(out, "wrote .caselint-baseline") || !strings.Contains(out, "3 open findings not baselined: they are still running") {
		t.Fatalf("caselint baseline: exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(r.dir, ".caselint-baseline"))
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.HasPrefix(l, "#") {
			entries++
		}
	}
	if entries != len(pastBefore) {
		t.Errorf("%d entries for %d findings about the past:\n%s", entries, len(pastBefore), data)
	}
	for _, name := range []string{"Jamie", "Aisha", "Dana", "Patel"} {
		if strings.Contains(string(data), name) {
			t.Errorf("the baseline names %s:\n%s", name, data)
		}
	}

	// The work tree reports the open findings alone, and says what it hid.
	code, out, _ = caselint(t, r.dir, append([]string{"lint"}, lintArgs("cases")...)...)
	if code != cmdutil.ExitFindings || !strings.Contains(out, "findings hidden") || !strings.Contains(out, ", "+strconv.Itoa(len(pastBefore))+" in the baseline\n") ||
		!strings.Contains(out, "[unseen-child]") || !strings.Contains(out, "3 errors") {
		t.Fatalf("lint after baseline: exit %d\n%s", code, out)
	}
	// --no-baseline reports them all.
	if code, _, _ := caselint(t, r.dir, append([]string{"lint", "--no-baseline"}, lintArgs("cases")...)...); code != cmdutil.ExitFindings {
		t.Errorf("--no-baseline: exit %d, want 1", code)
	}

	// The hook: the baseline staged with an edit to the case passes.
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "Imported. Checked against the old file."))
	r.git("add", "-A")
	if fs, errOut := lintJSON(t, r.dir, lintArgs("--staged")...); len(fs) != len(open) || len(only(fs, "unseen-child")) != 1 {
		t.Fatalf("--staged after baseline: %v\n%s; want the open findings alone", fs, errOut)
	}
	base := r.commit("Aisha Patel", "2026-11-17T10:00:00Z", "caselint baseline")

	// An edit above a finding's line does not move it out of the baseline:
	// the fingerprint has the text of the line, not its number.
	defect := "cases/T-1/visits/2026-04-06.md"
	moved := strings.Replace(visit("2026-04-06T10:00:00", "seen_alone = false\n", "Imported."), "+++\n", "+++\n# checked 17 November\n", 1)
	r.write(defect, moved)
	if fs, errOut := lintJSON(t, r.dir, lintArgs("cases")...); len(fs) != len(open) {
		t.Fatalf("after an edit above the finding: %v\n%s; want the open findings alone", fs, errOut)
	}

	// A new defect is still caught: in the work tree, the hook and review.
	r.write("cases/T-1/visits/2026-11-19.md", visit("2026-11-19T10:00:00", "seen_alone = false\n", "New."))
	r.git("add", "-A")
	for _, args := range [][]string{lintArgs("cases"), lintArgs("--staged"), lintArgs("--new-from-rev", base, "cases")} {
		fs, errOut := lintJSON(t, r.dir, args...)
		fs, _ = split(fs)
		if len(fs) != 1 || fs[0].Rule != "missing-not-seen-reason" || fs[0].Path != "cases/T-1/visits/2026-11-19.md" {
			t.Errorf("lint %s: %v, want the new defect alone\n%s", strings.Join(args, " "), fs, errOut)
		}
	}
	r.commit("Sam Jones", "2026-11-19T17:00:00Z", "T-1: visit of 19 November")

	// Putting an old one right: the entry is said to match nothing.
	r.write(defect, strings.Replace(moved, "seen_alone = false\n", "seen_alone = false\nnot_seen_reason = \"Jamie was asleep\"\n", 1))
	r.git("add", "-A")
	for _, args := range [][]string{lintArgs("cases"), lintArgs("--staged"), lintArgs("--new-from-rev", base, "cases")} {
		fs, errOut := lintJSON(t, r.dir, args...)
		if !strings.Contains(errOut, "1 entry no longer matches") || !strings.Contains(errOut, defect+": notice: baseline .caselint-baseline:") {
			t.Errorf("lint %s: no notice of the stale entry:\n%s", strings.Join(args, " "), errOut)
		}
		if len(only(fs, "missing-not-seen-reason")) != 1 {
			t.Errorf("lint %s: %v, want the new defect still", strings.Join(args, " "), fs)
		}
	}
	// Under --redact the stale entry's path is redacted with the rest.
	if _, errOut := lintJSON(t, r.dir, lintArgs("--redact", "cases")...); strings.Contains(errOut, "T-1") || !strings.Contains(errOut, "1 entry no longer matches") {
		t.Errorf("--redact: %s", errOut)
	}
	// caselint baseline drops it (and takes in the new defect).
	code, out, _ = caselint(t, r.dir, append([]string{"baseline"}, lintArgs()...)...)
	if code != cmdutil.ExitOK || !strings.Contains(out, "(1 added, 1 dropped)") {
		t.Errorf("caselint baseline again: exit %d: %s", code, out)
	}

	// A baseline that is not one: exit 2, naming file:line.
	r.write(".caselint-baseline", string(data)+"not a fingerprint\n")
	code, _, errOut = caselint(t, r.dir, append([]string{"lint"}, lintArgs("cases")...)...)
	if code != cmdutil.ExitError || !strings.Contains(errOut, ".caselint-baseline:"+strconv.Itoa(strings.Count(string(data), "\n")+1)+": \"not\" is not a fingerprint") {
		t.Errorf("malformed baseline: exit %d: %s", code, errOut)
	}
}

// TestGitBaselineNotStaged: the hook reads the baseline from the index;
// one only in the work tree is not read, and a notice says why.
func TestGitBaselineNotStaged(t *testing.T) {
	r := newRepo(t)
	importedCase(r)
	if code, out, errOut := caselint(t, r.dir, "baseline", "--as-of", "2026-11-20"); code != cmdutil.ExitOK {
		t.Fatalf("caselint baseline: exit %d\n%s%s", code, out, errOut)
	}
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "Imported, checked."))
	r.git("add", "cases")
	code, out, _ := caselint(t, r.dir, "lint", "--staged", "--as-of", "2026-11-20")
	if code != cmdutil.ExitFindings || !strings.Contains(out, "in the work tree but not in the index") {
		t.Errorf("--staged, baseline not staged: exit %d\n%s", code, out)
	}
	r.git("add", ".caselint-baseline")
	// The findings about the past hidden; the open ones, which a baseline
	// never holds, reported.
	if fs, errOut := lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20"); len(fs) == 0 || len(fs) != len(only(fs, "unseen-child"))+len(only(fs, "late-first-core-group"))+len(only(fs, "late-review-conference")) {
		t.Errorf("--staged, baseline staged: %v\n%s; want the open findings alone", fs, errOut)
	}
}

// TestGitBaselinePart: a baseline of one case keeps the other's entries.
func TestGitBaselinePart(t *testing.T) {
	r := newRepo(t)
	importedCase(r)
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", strings.Replace(planMD, "## Contingency plan\nIf Jamie misses meals, Aisha Patel convenes a strategy discussion.\n", "", 1))
	r.commit("Aisha Patel", "2026-11-16T11:00:00Z", "T-2")
	if code, _, errOut := caselint(t, r.dir, "baseline", "--as-of", "2026-11-20"); code != cmdutil.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	whole, _ := os.ReadFile(filepath.Join(r.dir, ".caselint-baseline"))
	if !strings.Contains(string(whole), "cases/T-2/plan.md") {
		t.Fatalf("no entry of T-2:\n%s", whole)
	}
	// T-1's defect put right; a baseline of T-1 alone drops its entry and
	// keeps T-2's.
	r.write("cases/T-1/visits/2026-04-06.md", visit("2026-04-06T10:00:00", "seen_alone = false\nnot_seen_reason = \"asleep\"\n", "Imported."))
	code, out, errOut := caselint(t, filepath.Join(r.dir, "cases"), "baseline", "--as-of", "2026-11-20", "T-1")
	if code != cmdutil.ExitOK || !strings.Contains(out, "(0 added, 1 dropped)") {
		t.Fatalf("baseline of T-1: exit %d: %s%s", code, out, errOut)
	}
	part, _ := os.ReadFile(filepath.Join(r.dir, ".caselint-baseline"))
	if strings.Count(string(part), "cases/T-2/") != strings.Count(string(whole), "cases/T-2/") {
		t.Errorf("T-2's entries changed:\n%s\nwas\n%s", part, whole)
	}
	// Lint of T-2 alone says nothing of T-1's entries.
	_, errOut = lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases/T-2")
	if strings.Contains(errOut, "no longer match") {
		t.Errorf("lint of T-2 calls entries stale: %s", errOut)
	}
}

// TestGitBaselineUntouchedNotStale: under --new-from-rev only the cases
// the change touched are linted, so the baseline's entries for the other
// cases are not looked at; they must not be called stale (a team told to
// drop them would lose the baseline of every case the pull request did not
// touch).
func TestGitBaselineUntouchedNotStale(t *testing.T) {
	r := newRepo(t)
	importedCase(r)
	for _, name := range []string{"case.md", "plan.md", "visits/2026-04-06.md"} {
		data, err := os.ReadFile(filepath.Join(r.dir, "cases/T-1", name))
		if err != nil {
			t.Fatal(err)
		}
		r.write("cases/T-2/"+name, strings.ReplaceAll(string(data), "T-1", "T-2"))
	}
	r.commit("Aisha Patel", "2026-11-16T11:00:00Z", "T-2")
	asOf := []string{"--as-of", "2026-11-20"}
	if code, out, errOut := caselint(t, r.dir, append([]string{"baseline"}, asOf...)...); code != cmdutil.ExitOK {
		t.Fatalf("caselint baseline: exit %d\n%s%s", code, out, errOut)
	}
	r.git("add", ".caselint-baseline")
	base := r.commit("Aisha Patel", "2026-11-17T10:00:00Z", "baseline")
	r.write("cases/T-2/visits/2026-04-06.md", visit("2026-04-06T10:00:00", "seen_alone = false\n", "Imported, and read again."))
	r.commit("Aisha Patel", "2026-11-18T10:00:00Z", "T-2: an edit")
	code, out, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-11-20", "--new-from-rev", base, "cases")
	if code == cmdutil.ExitError {
		t.Fatalf("exit 2: %s", errOut)
	}
	if strings.Contains(out+errOut, "no longer match") || strings.Contains(out+errOut, "matches no finding") {
		t.Errorf("entries of the untouched case called stale:\n%s%s", out, errOut)
	}
}
