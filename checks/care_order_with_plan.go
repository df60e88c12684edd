package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// CareOrderWithPlan: the child is in care under a care order or a
// placement order and the plan outlived the next review conference.
var CareOrderWithPlan = &lint.Rule{
	ID:       "care-order-with-plan",
	Title:    "The child is in care under a care or placement order and the plan was not ceased at the next review",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "A child should no longer be the subject of a Child Protection Plan if: ... A child becomes looked after by the local authority"},
		{Source: Stoke, Paragraph: "§08", Quote: "Children who are in care ... are unlikely to be in need of further protection through a Child Protection Plan, save in exceptional circumstances ... The first Child Protection Review Conference to take place once the child has become a Child in Care must consider the justification for the child being the subject of both a Care Plan and a Child Protection Plan"},
	},
	Text: `A child who becomes looked after by the local authority should no longer
be the subject of a Child Protection Plan: a child in care is safeguarded
through the care plan and is unlikely to need further protection through a
Child Protection Plan, save in exceptional circumstances. The first review
conference after the child comes into care must consider the justification
for keeping both plans.

The rule reads case.md's [[legal_status]] and fires, on plan.md's type line,
for a "care order" or "placement order" from a date on or before the as-of
date (or the end of the plan), when a review conference was held after that
date and the plan was still active after the first such conference (no
[cessation], or one dated later). It fires once, for the first such order.
An interim care order or section 20 is looked-after-with-plan's concern;
when the child was already looked after under one of them from a date on or
before the order, that rule holds the plan to the earlier date and this one
stays quiet.

There is no field for a plan kept on: where the review conference found
exceptional circumstances and continued the plan, suppress the finding on
the type line with a reason that records them.`,
	Bad: `# case.md
[[legal_status]]
status = "care order"
from = 2026-06-01
# conferences/2026-07-14-review.md: decision = "continue"
# plan.md: no [cessation]`,
	Good: `# plan.md
[cessation]
date = 2026-07-14
reason = "looked after"
conference = "conferences/2026-07-14-review.md"`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Run:      runCareOrderWithPlan,
}

func runCareOrderWithPlan(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return nil
	}
	earlier := endLegalStatuses(pass, "interim care order", "section 20")
	for _, ls := range endLegalStatuses(pass, "care order", "placement order") {
		if endLookedAfterBy(earlier, ls.From) {
			continue // looked-after-with-plan's concern
		}
		cf := endOutlivedReview(pass, ls.From)
		if cf == nil {
			continue
		}
		pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
			"%s has been in care under a %s since %s, and the plan was still active after the review conference on %s: a child in care is safeguarded through the care plan and is unlikely to need a Child Protection Plan, save in exceptional circumstances; end the plan with [cessation] reason = \"looked after\" dated %s, or, if that conference found exceptional circumstances and kept the plan, suppress this finding with them as the reason (%s)",
			pass.Case.ChildName(), normWord(ls.Status), ls.From.Long(), cf.Date.Long(), cf.Date.Long(), cite(pass))
		return nil
	}
	return nil
}

// endLookedAfterBy reports whether one of statuses began on or before d.
func endLookedAfterBy(statuses []schema.LegalStatus, d schema.Date) bool {
	for _, ls := range statuses {
		if !ls.From.After(d) {
			return true
		}
	}
	return false
}
