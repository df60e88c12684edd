package testrecords

// StokeCase returns the files of a case under a Stoke-on-Trent plan
// (SOT-1: Jamie, born 2 April 2015; initial conference 12 January 2026),
// by their paths, whose records are clean as of 20 February 2026: its one
// visit, of 29 January, sees Jamie alone. Without that visit, by 20
// February he has not been seen for the 28 working days the procedure
// allows (unseen-child on plan.md). Tests add to it or take from it.
func StokeCase() map[string]string {
	return map[string]string{
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
	}
}
