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
when the child was already looked after under one of them the day before
the order, that rule holds the plan to the earlier date and this one stays
quiet. An order discharged ("none") before the review, or before this plan
started, does not count.

This is a Stoke-on-Trent rule: Oxfordshire 1.8 §3 ¶10 lets a child who is
looked after keep the plan, with the reviews coordinated, so the rule is
off under the oxfordshire profile.

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
	Synonyms: []string{"care order but plan not ended", "child on care order still on plan", "placement order plan not ceased", "plan should have ended when care order made"},
	Related:  []string{"invalid-cessation-reason", "looked-after-with-plan", "plan-not-ended", "plan-past-eighteen"},
	Run:      runCareOrderWithPlan,
}

func runCareOrderWithPlan(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return nil
	}
	for _, ls := range pass.Case.LegalStatuses() {
		if ls.From.After(pass.Until()) {
			break
		}
		if ls.Status != schema.StatusCareOrder && ls.Status != schema.StatusPlacementOrder {
			continue
		}
		if prev, ok := pass.Case.LegalStatusOn(ls.From.AddDays(-1)); ok &&
			(prev.Status == schema.StatusInterimCareOrder || prev.Status == schema.StatusSection20) {
			continue // looked after already: looked-after-with-plan's concern
		}
		from, ok := pass.Case.InForceInPlan(ls)
		if !ok {
			continue // ended before this plan started: history
		}
		cf := pass.Case.FirstReviewAfter(from)
		if cf == nil || cf.Date.After(pass.AsOf) || !pass.Case.PlanActiveAfter(pass.Profile, cf.Date) || !pass.Case.LookedAfterOn(cf.Date) {
			continue
		}
		pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
			"%s has been in care under a %s since %s, and the plan was still active after the review conference on %s: a child in care is safeguarded through the care plan and is unlikely to need a Child Protection Plan, save in exceptional circumstances; end the plan with [cessation] reason = \"looked after\" dated %s, or, if that conference found exceptional circumstances and kept the plan, suppress this finding with them as the reason (%s)",
			pass.Case.ChildName(), ls.Status, ls.From.Long(), cf.Date.Long(), cf.Date.Long(), cite(pass))
		return nil
	}
	return nil
}
