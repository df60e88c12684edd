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
	Due:      dueMissingReviewDate,
}

// reviewDateUnmet is plan.md's review_conference while nothing has met it:
// it is set, no review conference of this plan is recorded on or after it,
// and the plan did not end on or before it (a plan that ended before its
// review date is not overdue). The rule reports it once the day linted is
// after it; runMissingReviewDate and dueMissingReviewDate share it.
func reviewDateUnmet(pass *lint.Pass) (schema.Date, bool) {
	plan, _ := planDoc(pass)
	if plan == nil || plan.ReviewConference.IsZero() {
		return schema.Date{}, false
	}
	review := plan.ReviewConference
	if end, ended := pass.PlanEnd(); ended && !end.After(review) {
		return schema.Date{}, false
	}
	for _, cf := range pass.Case.PlanReviews() {
		if !cf.Date.Before(review) {
			return schema.Date{}, false
		}
	}
	return review, true
}

// dueMissingReviewDate is the review conference on the day plan.md sets
// for it, reported on the review_conference line from the day after. A
// plan with no review_conference has no day to list: lint reports it at
// once.
func dueMissingReviewDate(pass *lint.Pass) []lint.Obligation {
	review, ok := reviewDateUnmet(pass)
	if !ok {
		return nil
	}
	_, doc := planDoc(pass)
	return []lint.Obligation{{Key: "review-date", What: "the review conference held on the date the plan sets for it (or review_conference changed, if it was moved)",
		Due: review, From: lint.SourceOf(doc, "review_conference"), Doc: doc, Offset: doc.At("review_conference")}}
}

func runMissingReviewDate(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	end, ended := pass.PlanEnd()
	ended = ended && !end.After(pass.AsOf)
	review := plan.ReviewConference
	until := pass.Until()
	switch {
	case review.IsZero():
		if ended {
			return nil
		}
		if doc.Keys.Has("review_conference") {
			// Written, but not as a date (invalid-record says how): the
			// plan names a review date that no rule or worktray can count.
			pass.Reportf(doc, doc.At("review_conference"),
				"review_conference is not written as a date, so when progress will be reviewed cannot be checked: write the date of the next review conference as a date, such as 2027-02-18 (%s)",
				cite(pass))
			return nil
		}
		pass.Reportf(doc, doc.At("review_conference"),
			"the plan does not say when progress will be reviewed: set review_conference to the date of the next review conference (%s)",
			cite(pass))
	case review.Before(until):
		if _, unmet := reviewDateUnmet(pass); !unmet {
			return nil
		}
		pass.Reportf(doc, doc.At("review_conference"),
			"the review conference due on %s has passed and none is recorded on or after it: record the review conference, or set review_conference to the date it was moved to (%s)",
			review.Long(), cite(pass))
	}
	return nil
}
