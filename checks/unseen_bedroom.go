package checks

import (
	"fmt"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnseenBedroom: no visit saw the child's bedroom between two consecutive
// conferences.
var UnseenBedroom = &lint.Rule{
	ID:       "unseen-bedroom",
	Title:    "The child's bedroom was not seen between two conferences",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "seeing the child's bedroom at least once between each Child Protection Conference"},
	},
	Text: `The lead social worker's face to face contact with the child must include
seeing the child's bedroom at least once between each Child Protection
Conference.

For each two consecutive conferences (initial, review or transfer, by date)
from the start of the plan, the rule fires when no visit dated after the
earlier conference and on or before the later one records bedroom_seen = true
on a visit that counts as the lead worker seeing the child (the lead worker,
a social worker covering for them, a joint visit with them, or a written
delegation: see unseen-child); a health visitor's or family support worker's
own visit does not. Nor does a visit whose own words say the bedroom was
not seen ("Mum would not let me go upstairs, so I did not see her bedroom
today", "bedroom not seen": the profile's bedroom_not_seen words) though it
records bedroom_seen = true, unless they say it of someone else's bedroom
("did not see Ruby's room") or the record also says the child's bedroom
was seen ("later she showed me Leo's bedroom"); the finding names such a
visit. Only closed periods are checked: the period after the last conference is still
open. The rule is on when the profile's bedroom_each_period is.

Before the child is born there is no bedroom to see: nothing is checked
while the child is recorded unborn, nor for periods that end on or before
the birth. A period the child was born in is checked from the day of the
birth, and only when the child had to be seen alone (the usual visiting
interval from the birth) before the later conference.

The finding points at the later conference's date line.`,
	Bad: `# conferences/2026-04-10-review.md
date = 2026-04-10
# and no visit between 12 January and 10 April 2026 has bedroom_seen = true`,
	Good: `# visits/2026-02-23.md
date = 2026-02-23T16:00:00
bedroom_seen = true`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"bedroom not seen", "child's bedroom not seen", "sleeping arrangements not checked", "didn't see where child sleeps"},
	Related:  []string{"incomplete-visit-record", "missing-not-seen-reason", "missing-wishes-and-feelings", "non-specific-label", "stale-reduced-visiting", "unapproved-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unrecorded-birth", "unseen-child"},
	Run:      runUnseenBedroom,
	Due:      dueUnseenBedroom,
}

// bedroomConferences returns the conferences of this authority's plan held
// by pass.Until() (for a child who moved in, from the transfer conference:
// the previous authority's conferences are history), in order; nil when
// the profile does not ask for the bedroom each period, or there is no
// plan or no child born.
func bedroomConferences(pass *lint.Pass) []*schema.Conference {
	if pass.Case.Plan == nil || !pass.Profile.BedroomEachPeriod || pass.Case.IsUnborn() {
		return nil // no bedroom to see before the birth
	}
	var confs []*schema.Conference
	for _, c := range pass.Case.PlanConferences() {
		if c.Doc == nil || c.Date.After(pass.Until()) {
			continue
		}
		confs = append(confs, c)
	}
	return confs
}

// bedroomSeenBetween reports, for the period from the conference of from to
// the conference of to, whether it is checked at all (a period the child
// was born in is checked from the birth, and only when the child had to be
// seen alone before the later conference) and whether a visit in it saw
// the child's bedroom (on a day after from, or after the birth, up to and
// including to). runUnseenBedroom and dueUnseenBedroom share it.
func bedroomSeenBetween(pass *lint.Pass, from, to schema.Date) (checked, seen bool) {
	if !from.Before(to) {
		return false, false // two conferences on one day: no period between them
	}
	after := from
	if born := pass.Case.Birth(); !born.IsZero() && born.After(after) {
		if due, _, ok := usualSeenAloneDue(pass, born); !to.After(born) || !ok || !due.Before(to) {
			return false, false
		}
		after = born.AddDays(-1)
	}
	for _, v := range pass.Visits() {
		d := v.Date.Date
		if d.After(after) && !d.After(to) && pass.SawBedroom(v) {
			return true, true
		}
	}
	return true, false
}

// bedroomContradicted returns, for a message, what the first visit of the
// period after from, up to to, recording bedroom_seen = true on a visit
// that counts, says against it (lint.Pass.BedroomNotSeenInWords, or
// NotFaceToFaceInWords: seen by video only): " (the
// visit of 14 April 2026 records bedroom_seen = true, but its record says
// \"...\")", or "" when there is none.
func bedroomContradicted(pass *lint.Pass, from, to schema.Date) string {
	for _, v := range pass.Visits() {
		d := v.Date.Date
		if !d.After(from) || d.After(to) || !pass.Case.SawBedroom(v) {
			continue
		}
		if said, ok := pass.BedroomNotSeenInWords(v); ok {
			return fmt.Sprintf(" (the visit of %s records bedroom_seen = true, but its record says %q)", d.Long(), lint.Brief(said))
		}
		if said, ok := pass.NotFaceToFaceInWords(v); ok {
			return fmt.Sprintf(" (the visit of %s records bedroom_seen = true, but its record says %q, and a video or telephone call is not face to face contact)", d.Long(), lint.Brief(said))
		}
	}
	return ""
}

// dueUnseenBedroom is the bedroom seen before the next conference, while
// no visit since the last has seen it: due on the day the next conference
// is set for (the last conference's next_review, or plan.md's
// review_conference, when after it) or, with none set, the day the review
// conference is due (late-review-conference's computation). The rule
// reports it on the record of that conference once it is held, so it has
// no place before then.
func dueUnseenBedroom(pass *lint.Pass) []lint.Obligation {
	confs := bedroomConferences(pass)
	if len(confs) == 0 {
		return nil
	}
	last := confs[len(confs)-1]
	next, ok := walkReviewConferences(pass, nil)
	if !ok {
		return nil
	}
	due := next.due
	for _, set := range []schema.Date{last.NextReview, pass.Case.Plan.ReviewConference} {
		if !set.IsZero() && set.After(last.Date) && set.Before(due) {
			due = set
		}
	}
	if checked, seen := bedroomSeenBetween(pass, last.Date, due); !checked || seen {
		return nil
	}
	return []lint.Obligation{{Key: "bedroom-before-next-conference", What: "the child's bedroom seen by the lead worker before the next conference", Due: due,
		From: lint.SourceOf(last.Doc, last.Kind+" conference")}}
}

func runUnseenBedroom(pass *lint.Pass) error {
	confs := bedroomConferences(pass)
	for i := 1; i < len(confs); i++ {
		from, to := confs[i-1], confs[i]
		if checked, seen := bedroomSeenBetween(pass, from.Date, to.Date); !checked || seen {
			continue
		}
		pass.Reportf(to.Doc, to.Doc.At("date"),
			"no visit between the conference of %s and this conference of %s saw %s's bedroom%s: the bedroom must be seen at least once between each Child Protection Conference; record bedroom_seen = true on the visit that saw it (%s)",
			from.Date.Long(), to.Date.Long(), pass.Case.ChildName(), bedroomContradicted(pass, from.Date, to.Date), cite(pass))
	}
	return nil
}
