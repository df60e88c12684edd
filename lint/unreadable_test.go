package lint_test

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// refusalCase is a case under a plan (Stoke-on-Trent) whose last visit,
// of 16 February 2026, records a refusal with no escalation: the visit
// that matters.
func refusalCase() fstest.MapFS {
	tree := fstest.MapFS{}
	for name, data := range map[string]string{
		"SOT-1/case.md": `+++
type = "case"
id = "SOT-1"

[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"

[[people]]
name = "Sam Doe"
role = "mother"
family = true

[[people]]
name = "Aisha Patel"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Rob Jones"
role = "team manager"
agency = "Children's Services"

[[people]]
name = "Chris Hall"
role = "conference and review manager"

[[people]]
name = "Lee Morgan"
role = "class teacher"
agency = "Oak Primary School"
+++
`,
		"SOT-1/plan.md": `+++
type = "plan"
started = 2026-01-12
category = "neglect"
lead_worker = "Aisha Patel"
manager = "Rob Jones"
core_group = ["Aisha Patel", "Sam Doe", "Lee Morgan"]
countersigned_by = "Rob Jones"
countersigned = 2026-01-12
review_conference = 2026-04-10

[[copies]]
to = "Sam Doe"
given = 2026-01-13

[[copies]]
to = "Jamie"
given = 2026-01-13

[[copies]]
to = "Lee Morgan"
given = 2026-01-13

[[copies]]
to = "Chris Hall"
given = 2026-01-13
+++

## Concerns
Jamie has often been left without food or supervision.

## Outcomes
1. O1: Jamie has regular meals and is supervised.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Make sure Jamie has breakfast and tea each day | Sam Doe | daily | O1 |
| A2 | Tell Aisha Patel of any day Jamie comes to school hungry | Lee Morgan | weekly | O1 |

## Developmental needs
Jamie needs regular meals and a settled routine.

## Contact arrangements
Aisha Patel sees Jamie alone at home at least as often as the procedure requires.

## Review
Progress is reviewed at each core group and at the review conference.

## Contingency plan
If Jamie is found without food or supervision, Aisha Patel will hold a strategy discussion within one working day.
`,
		"SOT-1/conferences/2026-01-12-initial.md": `+++
type = "conference"
kind = "initial"
date = 2026-01-12
chair = "Chris Hall"
quorate = true
decision = "plan"
outcomes = ["O1"]
first_core_group = 2026-01-22
next_review = 2026-04-10
+++

## Decision
Jamie is made the subject of a Child Protection Plan under neglect.
`,
		"SOT-1/core-groups/2026-01-22.md": `+++
type = "core-group"
date = 2026-01-22
chair = "Rob Jones"
minutes_by = "Aisha Patel"
attended = ["Aisha Patel", "Rob Jones", "Sam Doe", "Lee Morgan"]
minutes_circulated = 2026-01-23
+++

## Progress against outcomes
O1: breakfast club place agreed.

## Written views of absent members
None: everyone attended.

## Decisions
Plan agreed in detail.
`,
		"SOT-1/visits/2026-01-29.md": `+++
type = "visit"
date = 2026-01-29T16:00:00
by = "Aisha Patel"
present = ["Jamie", "Sam Doe"]
child_seen = true
seen_alone = true
+++

## Observations
The kitchen had bread, cereal and milk.

## Wishes and feelings
Seen alone in his room. Jamie said he likes breakfast club.
`,
		"SOT-1/visits/2026-02-16.md": `+++
type = "visit"
date = 2026-02-16T10:00:00
by = "Aisha Patel"
present = ["Sam Doe"]
child_seen = false
+++

Unannounced visit. Sam Doe said I couldn't see him today and closed the door.
`,
	} {
		tree[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return tree
}

// TestUnreadableRecordIsIncomplete: the refusal visit read gives its
// finding; the same visit that cannot be opened (permission denied, as a
// file of mode 000 gives a user who is not root) gives no finding, and the
// run says it is incomplete, never clean. The same for case.md (the rest
// of the case is linted, without its people), and for a folder of the case
// that cannot be listed.
func TestUnreadableRecordIsIncomplete(t *testing.T) {
	prof, err := lint.ShippedProfile(lint.ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	run := func(fsys fstest.MapFS, fault faultFS) *lint.Result {
		t.Helper()
		fault.FS = fsys
		res, err := lint.Run(context.Background(), lint.Options{FS: fault, Rules: checks.All(), Profile: prof, AsOf: schema.NewDate(2026, 2, 20)})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := run(refusalCase(), faultFS{})
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "unescalated-refusal" {
		t.Fatalf("read: %+v, want the one unescalated-refusal", res.Findings)
	}
	if got := lint.Incompleteness(res.Notifications); got != "" {
		t.Errorf("read: %q, want complete", got)
	}

	for _, tc := range []struct {
		name  string
		fault faultFS
		want  string
	}{
		{"visit", faultFS{openFails: map[string]error{"SOT-1/visits/2026-02-16.md": syscall.EACCES}}, "1 record could not be read: the result is incomplete"},
		{"case.md", faultFS{openFails: map[string]error{"SOT-1/case.md": syscall.EACCES}}, "1 record could not be read: the result is incomplete"},
		{"visits folder", faultFS{dirFails: map[string]error{"SOT-1/visits": syscall.EACCES}}, "1 folder could not be read: the result is incomplete"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(refusalCase(), tc.fault)
			for _, f := range res.Findings {
				if tc.name != "case.md" && f.RuleID == "unescalated-refusal" {
					t.Errorf("a finding of the record not read: %+v", f)
				}
			}
			if got := lint.Incompleteness(res.Notifications); got != tc.want {
				t.Errorf("Incompleteness %q, want %q (notices %+v)", got, tc.want, res.Notifications)
			}
			for _, n := range res.Notifications {
				if n.Kind == lint.NoticeUnreadable && (n.Level != lint.Error || !strings.Contains(n.Message, "permission denied")) {
					t.Errorf("notice %+v, want an error naming the cause", n)
				}
			}
		})
	}
}
