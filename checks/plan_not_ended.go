package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// PlanNotEnded: a quorate review conference decided to end the plan, and
// plan.md still shows it active.
var PlanNotEnded = &lint.Rule{
	ID:       "plan-not-ended",
	Title:    "A review conference decided to end the plan, but the plan is still open",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "When a child is no longer the subject of a Child Protection Plan as a result of a Child Protection Review Conference decision, notification must be sent"},
		{Source: Oxon, Paragraph: "§3", Quote: "Child Protection planning should end at the next Child Protection Conference"},
		{Source: Oxon, Paragraph: "§5.5", Quote: "The Lead Social Worker should also ensure that the Child Protection Plan is amended as necessary and the amended Plan is attached to the child's record"},
	},
	Text: `When a quorate review conference decides that the child no longer needs a
Child Protection Plan, the plan ends on that day, and the record must say so:
everything after it (visits, core groups, notifications, the help that
follows) is read against that ending. The rule fires when a conference of
kind "review", quorate, decided "cease" on or before the as-of date, and
plan.md has no [cessation], or one dated after the decision. It is reported
on plan.md's type line.

A conference that was not quorate cannot end a plan: it is not counted here,
and cessation-without-conference reports a plan ended on its word. So is a
[cessation] dated after the decision for an ending that needs a review
conference on its own day ("no longer at risk", or section 20 under
Stoke-on-Trent): cessation-without-conference reports that one, once.`,
	Bad: `# conferences/2026-11-02-review.md
kind = "review"
quorate = true
decision = "cease"
# plan.md: no [cessation]`,
	Good: `# plan.md
[cessation]
date = 2026-11-02
reason = "no longer at risk"
conference = "conferences/2026-11-02-review.md"`,
	Since:    "0.1.0",
	Synonyms: []string{"plan not closed after conference", "plan still open after decision to end", "conference ended plan but still open"},
	Related:  []string{"care-order-with-plan", "cessation-without-conference", "invalid-cessation-reason", "looked-after-with-plan", "plan-past-eighteen", "premature-cessation", "unsupported-cessation"},
	Run:      runPlanNotEnded,
}

func runPlanNotEnded(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return nil
	}
	for _, cf := range pass.Case.ConferencesOfKind(schema.ConferenceReview) {
		if cf.Date.IsZero() || cf.Date.After(pass.AsOf) || !cf.Quorate || cf.Decision != schema.DecisionCease {
			continue
		}
		if start := pass.Case.PlanStart(); start.IsZero() || cf.Date.Before(start) {
			continue
		}
		c := pass.Case.CessationOfThisPlan() // an earlier plan's is none
		switch {
		case c == nil && pass.Case.Cessation() != nil:
			pass.ReportOpenf(cf.Date, decidedToEnd(cf), plan.Doc, plan.Doc.TypeLine(),
				"the review conference of %s decided to end the plan, but plan.md's [cessation] of %s is an earlier plan's: record this plan's ending, dated %s, with its reason, the conference, who was notified and the help that follows (%s)",
				cf.Date.Long(), pass.Case.Cessation().Date.Long(), cf.Date.Long(), cite(pass))
		case c == nil:
			pass.ReportOpenf(cf.Date, decidedToEnd(cf), plan.Doc, plan.Doc.TypeLine(),
				"the review conference of %s decided to end the plan, but plan.md has no [cessation]: record the ending, dated %s, with its reason, the conference, who was notified and the help that follows (%s)",
				cf.Date.Long(), cf.Date.Long(), cite(pass))
		case !c.Date.IsZero() && c.Date.After(cf.Date):
			if _, needed := pass.Case.CessationNeedsReview(pass.Profile); needed {
				// cessation-without-conference holds this ending to a
				// review on its own day, and says the one it names or
				// finds is not: one finding for one mistake.
				return nil
			}
			pass.ReportOccurrencef(decidedToEnd(cf), plan.Doc, plan.Doc.At("cessation"),
				"the review conference of %s decided to end the plan, but [cessation] dates the ending %s: the plan ends on the day the conference decides (%s)",
				cf.Date.Long(), c.Date.Long(), cite(pass))
		default:
			continue
		}
		return nil
	}
	return nil
}

// decidedToEnd is the occurrence (lint.Diagnostic.Occurrence) of a finding
// about the conference cf's decision to end the plan: reported on lines
// every such decision shares, a baseline entry of one must not hide
// another's.
func decidedToEnd(cf *schema.Conference) string { return "decided " + cf.Date.String() }
