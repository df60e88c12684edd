package lintcmd_test

// A baseline names the findings a team accepted when it adopted caselint.
// A gap still open (the child not seen alone, the core group not met) is
// reported on plan.md's started line however many times it opens and
// closes; while it is open the child is at risk now, and a baseline, which
// is for what is past, never holds it: hiding it would leave a child at
// risk with nobody warned for as long as the gap lasts. Once closed, the
// gap is past, and is baselined as any other finding.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

const gapCaseMD = `+++
type = "case"
id = "T-GAP"

[child]
name = "Rosie"
born = 2016-03-10
first_language = "English"

[[people]]
name = "Dana Price"
role = "mother"
family = true

[[people]]
name = "Priya Shah"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Tom Reid"
role = "team manager"
agency = "Children's Services"

[[people]]
name = "Megan Cole"
role = "class teacher"
agency = "Education"

[[people]]
name = "Helen Ward"
role = "independent conference chair"
agency = "Children's Services"
+++

## Background
Rosie lives with her mother, Dana Price.
`

const gapPlanMD = `+++
type = "plan"
started = 2026-01-14
category = "neglect"
lead_worker = "Priya Shah"
manager = "Tom Reid"
core_group = ["Priya Shah", "Dana Price", "Megan Cole"]
countersigned_by = "Tom Reid"
countersigned = 2026-01-16
review_conference = 2026-04-14

[[copies]]
to = "Dana Price"
language = "English"
given = 2026-01-15
+++

## Concerns
Rosie often arrives at school hungry.

## Outcomes
- O1: Rosie attends school every day, fed.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Walk Rosie to school after breakfast | Dana Price | weekly | O1 |

## Developmental needs
Reading support at school.

## Contact arrangements
Priya Shah sees Rosie alone at home every four weeks.

## Review
At each core group meeting.

## Contingency plan
If Rosie misses school for three days, Priya Shah convenes a strategy discussion.
`

const gapInitialMD = `+++
type = "conference"
kind = "initial"
date = 2026-01-14
chair = "Helen Ward"
quorate = true
decision = "plan"
outcomes = ["O1"]
first_core_group = 2026-01-22
next_review = 2026-04-14
+++

## Decision
The conference made a plan after hearing from every agency and Dana Price.
`

func gapVisit(day string) string {
	return `+++
type = "visit"
date = ` + day + `T10:00:00
by = "Priya Shah"
present = ["Rosie", "Dana Price"]
child_seen = true
seen_alone = true
bedroom_seen = true
+++

## Observations
Rosie was in the kitchen.

## Wishes and feelings
Rosie wants to stay at home.

## Meals and sleeping
Toast for breakfast; her own bed.

## Presentation and behaviour
Clean clothes; chatty.

## Incidents and injuries
None.
`
}

func gapCoreGroup(day string) string {
	return `+++
type = "core-group"
date = ` + day + `
chair = "Tom Reid"
minutes_by = "Megan Cole"
attended = ["Priya Shah", "Dana Price", "Megan Cole"]
minutes_circulated = ` + day + `
+++

## Progress against outcomes
O1: Rosie attended every day.

## Written views of absent members
None: every member attended.

## Decisions
Continue the plan.
`
}

// openGaps are the findings of unseen-child and overdue-core-group on
// plan.md: the gaps still open.
func openGaps(fs []jsonFinding) []jsonFinding {
	var out []jsonFinding
	for _, f := range fs {
		if (f.Rule == "unseen-child" || f.Rule == "overdue-core-group") && strings.HasSuffix(f.Path, "/plan.md") {
			out = append(out, f)
		}
	}
	return out
}

func TestGitBaselineNeverHidesAnOpenGap(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-GAP/case.md", gapCaseMD)
	r.write("cases/T-GAP/plan.md", gapPlanMD)
	r.write("cases/T-GAP/conferences/2026-01-14-initial.md", gapInitialMD)
	r.commit("Priya Shah", "2026-01-14T17:00:00Z", "T-GAP: case, plan, initial conference")
	r.write("cases/T-GAP/visits/2026-01-15.md", gapVisit("2026-01-15"))
	r.commit("Priya Shah", "2026-01-15T17:00:00Z", "T-GAP: visit")
	r.write("cases/T-GAP/core-groups/2026-01-22.md", gapCoreGroup("2026-01-22"))
	r.commit("Priya Shah", "2026-01-22T17:00:00Z", "T-GAP: core group")

	stoke := []string{"--profile", "stoke-on-trent"}
	args := func(asOf string, more ...string) []string {
		return append(append([]string{"--as-of", asOf}, stoke...), more...)
	}

	// Both gaps are open and late as of 20 April, and so is the review
	// conference (due by 14 April): the baseline leaves the three out, and
	// says so.
	before, _ := lintJSON(t, r.dir, args("2026-04-20", "cases")...)
	if n := len(openGaps(before)); n != 2 {
		t.Fatalf("as of 20 April: %d open gaps, want 2 (unseen-child, overdue-core-group): %v", n, before)
	}
	code, out, errOut := caselint(t, r.dir, append([]string{"baseline"}, args("2026-04-20")...)...)
	if code != cmdutil.ExitOK || !strings.Contains(out, "3 open findings not baselined: they are still running") {
		t.Fatalf("caselint baseline: exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(r.dir, ".caselint-baseline"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), " unseen-child ") || strings.Contains(string(data), " overdue-core-group ") {
		t.Fatalf("the baseline holds an open gap:\n%s", data)
	}
	r.commit("Priya Shah", "2026-04-20T17:00:00Z", "caselint baseline")

	// A month longer, the child is still unseen: still reported.
	if fs, errOut := lintJSON(t, r.dir, args("2026-05-20", "cases")...); len(openGaps(fs)) != 2 {
		t.Fatalf("as of 20 May: open gaps %v, want both reported\n%s", openGaps(fs), errOut)
	}

	// The child is seen alone and the core group meets; by 20 July both
	// are late again: reported.
	r.write("cases/T-GAP/visits/2026-04-21.md", gapVisit("2026-04-21"))
	r.commit("Priya Shah", "2026-04-21T17:00:00Z", "T-GAP: visit")
	r.write("cases/T-GAP/core-groups/2026-04-22.md", gapCoreGroup("2026-04-22"))
	r.commit("Priya Shah", "2026-04-22T17:00:00Z", "T-GAP: core group")

	fs, errOut := lintJSON(t, r.dir, args("2026-07-20", "cases")...)
	open := openGaps(fs)
	var seen, met bool
	for _, f := range open {
		seen = seen || (f.Rule == "unseen-child" && strings.Contains(f.Message, "last seen alone on 21 April 2026") && strings.Contains(f.Message, "due by 2 June 2026"))
		met = met || (f.Rule == "overdue-core-group" && strings.Contains(f.Message, "has not met since 22 April 2026"))
	}
	if !seen || !met || len(open) != 2 {
		t.Errorf("as of 20 July: open gaps %v, want the gaps since 21 April (unseen-child) and 22 April (overdue-core-group)\n%s", open, errOut)
	}

	// Remade, the baseline still leaves them out. Once a visit and a
	// meeting close them, the gaps are past (reported at the records that
	// closed them), and a baseline takes them in.
	if code, out, errOut := caselint(t, r.dir, append([]string{"baseline"}, args("2026-07-20")...)...); code != cmdutil.ExitOK || !strings.Contains(out, "3 open findings not baselined") {
		t.Fatalf("caselint baseline again: exit %d\n%s%s", code, out, errOut)
	}
	if fs, errOut := lintJSON(t, r.dir, args("2026-07-20", "cases")...); len(openGaps(fs)) != 2 {
		t.Errorf("as of 20 July, after the baseline was remade: %v\n%s", openGaps(fs), errOut)
	}
	r.write("cases/T-GAP/visits/2026-07-21.md", gapVisit("2026-07-21"))
	r.write("cases/T-GAP/core-groups/2026-07-22.md", gapCoreGroup("2026-07-22"))
	r.commit("Priya Shah", "2026-07-22T17:00:00Z", "T-GAP: visit and core group")
	closed, _ := lintJSON(t, r.dir, args("2026-07-23", "cases")...)
	if len(openGaps(closed)) != 0 || len(only(closed, "unseen-child")) != 1 || len(only(closed, "overdue-core-group")) != 1 {
		t.Fatalf("as of 23 July: %v, want the two closed gaps at the records that closed them", closed)
	}
	code, out, errOut = caselint(t, r.dir, append([]string{"baseline"}, args("2026-07-23")...)...)
	// The review conference, still not held, is the one left out.
	if code != cmdutil.ExitOK || !strings.Contains(out, "1 open finding not baselined: it is still running") {
		t.Fatalf("caselint baseline of the closed gaps: exit %d\n%s%s", code, out, errOut)
	}
	if fs, errOut := lintJSON(t, r.dir, args("2026-07-23", "cases")...); len(only(fs, "unseen-child"))+len(only(fs, "overdue-core-group")) != 0 {
		t.Errorf("as of 23 July, the closed gaps baselined: %v\n%s", fs, errOut)
	}
}
