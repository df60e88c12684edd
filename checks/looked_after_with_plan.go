package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LookedAfterWithPlan: the child became looked after and the plan was not
// discharged when the procedure says.
var LookedAfterWithPlan = &lint.Rule{
	ID:       "looked-after-with-plan",
	Title:    "The child is looked after and the plan was not discharged",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "If a child on a child protection plan becomes looked after by virtue of an Interim Care Order then the child's child protection plan will be discharged ... If a child ... becomes looked after under section 20 ... the child protection plan will remain in place until the review conference, where it will be discharged"},
		{Source: Stoke, Paragraph: "§08", Quote: "Children who are in care ... are unlikely to be in need of further protection through a Child Protection Plan, save in exceptional circumstances"},
	},
	Text: `A child should be the subject of one plan: a child in care is safeguarded
through the care plan. When a child on a Child Protection Plan becomes
looked after under an Interim Care Order, the plan is discharged by a letter
from the Conference and Review Manager; when they become looked after under
section 20 of the Children Act 1989, the plan stays in place until the next
review conference, where it is discharged.

The rule reads case.md's [[legal_status]] (statuses as people write them:
"ICO", "s20", "S.20 CA 1989", "voluntary accommodation"; "none",
"returned home" or "s20 ended" ends the one before) and fires, on
plan.md's type line, once for each:

- for an "interim care order" from a date on or before the as-of date, when
  the plan was still active after that date (no [cessation], or one dated
  later);
- for "section 20", when a review conference was held after that date, the
  child was still looked after on its day, and the plan was still active
  after the first such conference. A child who returned home before the
  review keeps the plan lawfully; when an interim care order was made
  before the review, the plan was to be discharged on that order's day,
  and only the interim care order's finding is given.

An order or accommodation that had ended before this plan started (an
earlier plan's, the previous authority's) is history and does not count;
one in force when the plan started counts from the plan's start.

This is a Stoke-on-Trent rule: Oxfordshire 1.8 §3 ¶10 lets a child who is
looked after keep the plan, with the Child Protection and Looked After
reviews coordinated, so the rule is off under the oxfordshire profile.

Where the plan must stay in place in exceptional circumstances, suppress
the finding with the reason.`,
	Bad: `# case.md
[[legal_status]]
status = "interim care order"
from = 2026-09-14
# plan.md: no [cessation]`,
	Good: `# plan.md
[cessation]
date = 2026-09-14
reason = "looked after"`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Synonyms: []string{"looked after child still on plan", "child in care plan not discharged", "child looked after still has protection plan"},
	Related:  []string{"care-order-with-plan", "invalid-cessation-reason", "plan-not-ended", "plan-past-eighteen"},
	Run:      runLookedAfterWithPlan,
}

func runLookedAfterWithPlan(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return nil
	}
	var ico, s20 bool // one finding for each
	for _, ls := range pass.Case.LegalStatuses() {
		if ls.From.After(pass.Until()) {
			break
		}
		// From the first day of this plan it was in force: an order
		// that ended before the plan started is history.
		from, ok := pass.Case.InForceInPlan(ls)
		if !ok {
			continue
		}
		switch ls.Status {
		case schema.StatusInterimCareOrder:
			if ico || !pass.Case.PlanActiveAfter(pass.Profile, from) {
				continue
			}
			ico = true
			pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
				"%s has been looked after under an interim care order since %s but the plan %s: the child is now safeguarded through a court order, and the plan is discharged by letter to all agencies from the Conference and Review Manager; end the plan with [cessation] reason = \"looked after\" dated %s (%s)",
				pass.Case.ChildName(), ls.From.Long(), endState(pass), from.Long(), citeOnly(pass, Stoke, "§03"))
		case schema.StatusSection20:
			cf := pass.Case.FirstReviewAfter(from)
			if s20 || cf == nil || cf.Date.After(pass.AsOf) || !pass.Case.PlanActiveAfter(pass.Profile, cf.Date) || !pass.Case.LookedAfterOn(cf.Date) {
				continue
			}
			// An interim care order made before that review discharged the
			// plan by letter on its own day: its finding says so, and the
			// plan was no longer held to the review.
			if pass.Case.StatusBegunBetween(schema.StatusInterimCareOrder, from, cf.Date) {
				continue
			}
			s20 = true
			pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
				"%s has been looked after under section 20 since %s, and the plan was still active after the review conference on %s: the plan remains in place only until that review conference, where it is discharged; end the plan with [cessation] reason = \"looked after\" dated %s (%s)",
				pass.Case.ChildName(), ls.From.Long(), cf.Date.Long(), cf.Date.Long(), citeOnly(pass, Stoke, "§03"))
		}
	}
	return nil
}
