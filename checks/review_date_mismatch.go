package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// ReviewDateMismatch: the plan's review date is not the one the latest
// conference set.
var ReviewDateMismatch = &lint.Rule{
	ID:       "review-date-mismatch",
	Title:    "The plan's review conference date is not the one the conference set",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Identify when progress will be reviewed"},
		{Source: Oxon, Paragraph: "§1", Quote: "Lay down the points at which progress will be reviewed"},
		{Source: Oxon, Paragraph: "§3 ¶8", Quote: "To ensure that all members of the Core Group are aware of the next Conference date"},
	},
	Text: `The plan identifies when progress will be reviewed, and the lead social
worker makes sure every member of the core group knows the next conference
date. The date is set by the conference (next_review on its record) and the
plan, which the members receive, gives it in review_conference.

The rule reads the latest conference, up to the as-of date, that set a
next_review, and fires when plan.md's review_conference is a different day.
It is reported on the review_conference line. It stays quiet when the plan
names no review date (missing-review-date's concern), when the plan has
ended, and when a later conference has been held that set no next_review
(the date the earlier one set was for that conference, and there is nothing
newer to compare with). Only this authority's plan is read: the previous
authority's conferences kept in the case, for a child who moved in, are
history. A review brought forward or put back after the
conference is recorded by correcting the date the conference set, or by a
reasoned suppression. A conference adjourned before it decided (decision
= "adjourned") sets in next_review the date it reconvenes, which the plan
gives until then.`,
	Bad: `# conferences/2026-04-14-review.md
next_review = 2026-09-22
# plan.md
review_conference = 2026-04-14`,
	Good: `# conferences/2026-04-14-review.md
next_review = 2026-09-22
# plan.md
review_conference = 2026-09-22`,
	Since:    "0.1.0",
	Synonyms: []string{"review date does not match", "wrong review conference date", "review date not the one conference set"},
	Related:  []string{"late-review-conference", "late-transfer-conference", "missing-review-date", "plan-start-mismatch"},
	Run:      runReviewDateMismatch,
}

func runReviewDateMismatch(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil || plan.ReviewConference.IsZero() {
		return nil
	}
	if end, ended := pass.PlanEnd(); ended && !end.After(pass.AsOf) {
		return nil
	}
	var latest *schema.Conference
	for _, cf := range pass.Case.PlanSittings() {
		if cf.Date.After(pass.Until()) {
			continue
		}
		latest = cf // conferences are sorted by date
	}
	if latest == nil || latest.NextReview.IsZero() || latest.NextReview == plan.ReviewConference {
		return nil
	}
	pass.Reportf(doc, doc.At("review_conference"),
		"the plan gives the review conference as %s, but %s on %s set the next review for %s: give the date the conference set, so that every member of the core group knows when progress will be reviewed (%s)",
		plan.ReviewConference.Long(), conferenceKindName(latest.Kind), latest.Date.Long(), latest.NextReview.Long(), cite(pass))
	return nil
}
