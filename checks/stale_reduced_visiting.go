package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// StaleReducedVisiting: reduced visiting outlived the review conference
// that continued the plan.
var StaleReducedVisiting = &lint.Rule{
	ID:       "stale-reduced-visiting",
	Title:    "Reduced visiting was not set afresh when a review conference continued the plan",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "If Child Protection Planning does not cease at the next CP Review, then visiting frequency should be reviewed and set at the Review Conference"},
	},
	Text: `Reduced visiting (the child seen alone at least every 4 weeks instead of
every 2) may be agreed only where the core group agrees that the main risk
factors have been addressed and recommends that planning end at the next
Child Protection Conference. If the plan does not end at that review
conference, the visiting frequency is reviewed and set at the review
conference: the old reduction, agreed on a recommendation the conference
did not follow, lapses.

The rule fires when plan.md has a [reduced_visiting] agreement, agreed and
approved by an independent conference chair, and a review conference held
after the agreed date, up to the as-of date (or the end of the plan),
decided "continue". It is reported on the [reduced_visiting] header. An
agreement with no date or the wrong approver is not in force and is
unapproved-reduced-visiting's concern. Record the frequency the conference set: remove
[reduced_visiting] (and give the plan's seen_alone_every if the conference
set one), or, if the conference kept the reduction, record it again with
the date it was agreed, on or after the conference. A review on the day of
the agreement does not make it stale. It is on where the profile allows
reduced visiting (Oxfordshire, combined).`,
	Bad: `[reduced_visiting]
agreed = 2026-06-01
approved_by = "Chris Hall"
# conferences/2026-07-14-review.md: decision = "continue"`,
	Good: `seen_alone_every = "2 weeks"   # set by the review conference of 14 July 2026
# [reduced_visiting] removed`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"reduced visiting not renewed", "reduced visiting carried on after review", "reduced visits not agreed again at review"},
	Related:  []string{"missing-not-seen-reason", "unapproved-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unrecorded-birth", "unseen-bedroom", "unseen-child"},
	Run:      runStaleReducedVisiting,
}

func runStaleReducedVisiting(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	cf := pass.ReducedVisitingLapsedAt()
	if cf == nil {
		return nil
	}
	agreed := plan.ReducedVisiting.Agreed
	// Reported on the [reduced_visiting] header, which a renewed
	// agreement keeps: which agreement lapsed at which review is the
	// occurrence, so that a baseline entry of one does not hide the next.
	pass.ReportOpenf(cf.Date, "agreed "+agreed.String()+", continued "+cf.Date.String(), doc, doc.At("reduced_visiting"),
		"reduced visiting was agreed on %s on the recommendation that planning end at the next conference, but the review conference on %s continued the plan: the visiting frequency should have been reviewed and set at that conference; record the frequency it set: remove [reduced_visiting], or date a renewed agreement on or after %s (%s)",
		agreed.Long(), cf.Date.Long(), cf.Date.Long(), cite(pass))
	return nil
}
