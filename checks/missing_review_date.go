package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingReviewDate: the plan does not say when progress will next be
// reviewed, or the date has passed.
var MissingReviewDate = &lint.Rule{
	ID:       "missing-review-date",
	Title:    "The plan names no review conference date, or one that has passed",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Identify when progress will be reviewed"},
		{Source: Oxon, Paragraph: "§1", Quote: "Lay down the points at which progress will be reviewed"},
	},
	Text: `The plan must identify when progress will be reviewed: plan.md names the
date of the next review conference in review_conference.

The rule fires when review_conference is missing, or when it is before the
as-of date and no review conference has been recorded on or after it (the
date has passed and the plan was not brought up to date). It is reported
on the review_conference line, or the plan's type line when there is none.
A plan that has ended needs no next review date, and one that ended before
its review date is not overdue. Only review conferences of this
authority's plan count (those after the conference that started it).`,
	Bad:      `review_conference = 2026-04-10   # as of 1 June 2026, no review conference recorded since`,
	Good:     `review_conference = 2026-10-09   # set at the review conference of 10 April 2026`,
	Since:    "0.1.0",
	Synonyms: []string{"no review date", "review conference date missing", "review date passed", "no date set for review conference"},
	Related:  []string{"late-review-conference", "late-transfer-conference", "plan-start-mismatch", "review-date-mismatch"},
	Run:      runMissingReviewDate,
}

func runMissingReviewDate(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	ended := false
	if c := pass.Case.Cessation(); c != nil && !c.Date.IsZero() && !c.Date.After(pass.AsOf) {
		ended = true
	}
	review := plan.ReviewConference
	until := pass.Until()
	switch {
	case review.IsZero():
		if ended {
			return nil
		}
		pass.Reportf(doc, doc.At("review_conference"),
			"the plan does not say when progress will be reviewed: set review_conference to the date of the next review conference (%s)",
			cite(pass))
	case review.Before(until):
		for _, cf := range pass.Case.PlanReviews() {
			if !cf.Date.Before(review) {
				return nil
			}
		}
		pass.Reportf(doc, doc.At("review_conference"),
			"the review conference due on %s has passed and none is recorded on or after it: record the review conference, or set review_conference to the date it was moved to (%s)",
			review.Long(), cite(pass))
	}
	return nil
}
