package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateReviewConference: a review conference was held late, or is overdue.
var LateReviewConference = &lint.Rule{
	ID:       "late-review-conference",
	Title:    "A review conference was held late, or is overdue",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: WorkingTogether, Quote: "The first child protection review conference should be held within three months of the initial conference. Further reviews should be held at intervals of not more than six months"},
	},
	Text: `Progress against the plan is reviewed at child protection review
conferences: the first within 3 months of the initial conference, later
ones at intervals of not more than 6 months (Working Together to Safeguard
Children, which both procedures implement; the numbers are the profile's
first_review_within and review_every). A month is the same day of the next
calendar month, and the due date itself is on time: after an initial
conference on 31 January the first review is due by 30 April.

The first review counts from the conference that started this authority's
plan: the initial conference that decided "plan" or, for a child who moved
in, this authority's transfer conference that did. The previous
authority's initial and review conferences kept in the case, and those of
an earlier plan that ended, are history, not this plan's deadlines. A
conference adjourned before it decided (decision = "adjourned") reviewed
nothing: the review is held when the reconvened sitting decides, and a
reconvened sitting after the due date is reported (suppress it with the
reason for the adjournment where there was a good one). When the case
holds no record of the conference that started the plan, the first
review counts from plan.md's started (plan-start-mismatch asks for the
record).

The rule fires for a review conference held after it was due, reported on
that conference's date line; for the conference that set the next review
(the last since the review counted from) when it set it after the day the
review is due by, reported on its next_review line, as soon as it is
recorded, not only once the review is late (unless the plan ended before
the review was due); and for a review conference still not held
when one was due before the as-of date (or the plan's cessation), reported
on plan.md's review_conference line, or its started line when there is
none.

A plan is made and ended by a conference, not by plan.md. With plan.md
missing or unreadable (between the initial conference and the first core
group there is often only an outline plan: Oxfordshire 1.8 §1) the first review
counts from the conference that started the plan, and a review still not held is reported on
that conference's next_review (else date) line; invalid-record says the plan is missing. A
[cessation] no conference decided, where one had to
(cessation-without-conference), has not ended the plan: the wait
runs on to the as-of date.`,
	Bad: `# conferences/2026-01-12-initial.md
date = 2026-01-12

# conferences/2026-04-20-review.md
date = 2026-04-20   # due by 12 April 2026`,
	Good: `# conferences/2026-01-12-initial.md
date = 2026-01-12

# conferences/2026-04-10-review.md
date = 2026-04-10`,
	Since:    "0.1.0",
	Synonyms: []string{"review conference late", "review conference overdue", "review held late"},
	Related:  []string{"late-transfer-conference", "missing-review-date", "plan-start-mismatch", "review-date-mismatch"},
	Run:      runLateReviewConference,
	Due:      dueLateReviewConference,
}

// dueLateReviewConference is the next review conference, reported where
// runLateReviewConference reports it overdue: the two share
// walkReviewConferences.
func dueLateReviewConference(pass *lint.Pass) []lint.Obligation {
	next, ok := walkReviewConferences(pass, nil)
	if !ok {
		return nil
	}
	what := "the previous review conference"
	if next.prev.Kind != schema.ConferenceReview {
		what = next.prev.Kind + " conference"
	}
	from := lint.SourceOf(next.prev.Doc, what)
	if next.prev.Doc == nil {
		from = lint.SourceOf(next.doc, "plan started (no record of the conference)")
	}
	return []lint.Obligation{{Key: "next-review-conference", What: "the next review conference", Due: next.due, From: from, Doc: next.doc, Offset: next.at}}
}

// nextReview is the review conference still to be held: due by due,
// counted from prev (which, for messages), reported at doc's offset at.
type nextReview struct {
	prev  *schema.Conference
	which string
	due   schema.Date
	doc   *schema.Document
	at    int
}

func runLateReviewConference(pass *lint.Pass) error {
	next, ok := walkReviewConferences(pass, func(cf *schema.Conference, due schema.Date, prev *schema.Conference, which string) {
		// The occurrence is the conference counted from: a change that
		// makes the gap start earlier leaves this line as it was.
		pass.ReportOccurrencef(lint.GapOccurrence(prev.Date), cf.Doc, cf.Doc.At("date"),
			"this review conference, held on %s, was late: it was due by %s, %s after %s of %s (%s)",
			cf.Date.Long(), due.Long(), intervalAfter(prev, pass.Profile.FirstReviewWithin, pass.Profile.ReviewEvery), which, prev.Date.Long(), cite(pass))
	})
	if !ok {
		return nil
	}
	reportReviewSetLate(pass, next)
	if !next.due.Before(pass.Until()) {
		return nil
	}
	pass.ReportOpenf(next.prev.Date, lint.GapOccurrence(next.prev.Date), next.doc, next.at,
		"no review conference has been held since %s of %s: one was due by %s; convene the review conference and record it (%s)",
		next.which, next.prev.Date.Long(), next.due.Long(), cite(pass))
	return nil
}

// reportReviewSetLate reports the conference that set the next review
// (the last of this plan's conferences since the review counted from, an
// adjourned sitting's next_review being the day it reconvenes) when it set
// it after the day the review is due by, on its next_review line, as
// late-first-core-group reports a first_core_group set too late: the
// review would be late on the day set. A plan that ended before the
// review was due holds no review, and is not reported. It is not reported where the open
// review is (a case whose plan.md is missing reports that on the
// conference's next_review line).
func reportReviewSetLate(pass *lint.Pass, next nextReview) {
	if end, ended := pass.PlanEnd(); ended && !end.After(pass.AsOf) && !end.After(next.due) {
		return // the plan ended before the review was due: none is to be held
	}
	var set *schema.Conference
	until := pass.Until()
	for _, cf := range pass.Case.PlanSittings() {
		if cf.Date.After(until) || cf.Date.Before(next.prev.Date) || cf.NextReview.IsZero() {
			continue
		}
		set = cf
	}
	if set == nil || set.Doc == nil || set.Doc == next.doc || !set.NextReview.After(next.due) {
		return
	}
	pass.Reportf(set.Doc, set.Doc.At("next_review"),
		"%s on %s set the next review conference for %s, after the day it is due by, %s (%s after %s of %s): set a date on or before %s (%s)",
		conferenceKindName(set.Kind), set.Date.Long(), set.NextReview.Long(), next.due.Long(),
		intervalAfter(next.prev, pass.Profile.FirstReviewWithin, pass.Profile.ReviewEvery), next.which, next.prev.Date.Long(), next.due.Long(), cite(pass))
}

// walkReviewConferences goes through the plan's review conferences held by
// pass.Until(), calling late (when not nil) for each held after its due
// day, and returns the next review still to be held; ok is false when
// there is none (no plan, no start, no interval, or reviews after the
// first not required).
func walkReviewConferences(pass *lint.Pass, late func(cf *schema.Conference, due schema.Date, prev *schema.Conference, which string)) (next nextReview, ok bool) {
	plan, _ := planDoc(pass)
	first := pass.Profile.FirstReviewWithin
	if !pass.Case.HasPlan() || first.IsZero() {
		return next, false
	}
	// With no record of the conference that started the plan (kept in
	// another system), plan.md's started is the day the conference made
	// it: the reviews are still due, and plan-start-mismatch asks for the
	// conference record.
	initial := pass.Case.PlanStartConference()
	which := ""
	if initial == nil {
		if plan == nil || plan.Started.IsZero() {
			return next, false
		}
		initial = &schema.Conference{Kind: schema.ConferenceInitial, Date: plan.Started}
		which = "the start of the plan (plan.md's started; no record of the conference)"
	} else {
		which = conferenceKindName(initial.Kind)
	}
	until := pass.Until()
	due := pass.Calendar.Add(initial.Date, first)
	prev := initial
	for _, cf := range pass.Case.PlanReviews() {
		if cf.Date.After(until) {
			continue
		}
		if cf.Date.After(due) && late != nil {
			late(cf, due, prev, which)
		}
		prev, which = cf, "the previous review conference"
		if pass.Profile.ReviewEvery.IsZero() {
			return next, false
		}
		due = pass.Calendar.Add(cf.Date, pass.Profile.ReviewEvery)
	}
	doc, at := openAt(pass, "next_review")
	if plan != nil && planHasKey(doc, "review_conference") {
		at = doc.At("review_conference")
	}
	return nextReview{prev: prev, which: which, due: due, doc: doc, at: at}, true
}

// intervalAfter says which interval a review was due within: the first
// review's after the initial conference, the later ones' after a review.
func intervalAfter(prev *schema.Conference, first, every schema.Interval) string {
	if prev.Kind == schema.ConferenceReview {
		return every.String()
	}
	return first.String()
}
