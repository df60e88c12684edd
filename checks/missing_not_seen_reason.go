package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingNotSeenReason: a visit where the child was not seen, or not seen
// alone, gives no reason why.
var MissingNotSeenReason = &lint.Rule{
	ID:       "missing-not-seen-reason",
	Title:    "A visit where the child was not seen, or not seen alone, gives no reason",
	Severity: lint.Error,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindVisit, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "confirmation that the Lead Social Worker spoke with the child (including if alone), or providing a clear reason why not"},
	},
	Text: `The record of every visit must confirm that the child was seen and spoken
with, including whether alone, or give a clear reason why not.

The rule fires on a visit with child_seen = false, or child_seen = true and
seen_alone = false, whose not_seen_reason is empty or only a placeholder
(TBC, N/A, none, unknown), or says only that the child was not seen or
that the reason is elsewhere ("Not seen", "Leo not seen", "No reason",
"See notes": the profile's not_done answers), which is no reason. A baby under one seen while awake (awake = true)
counts as seen alone; a baby recorded seen_alone but asleep (awake = false)
was not seen awake and needs a reason. A visit recorded seen_alone = true
whose own words say the child was not alone ("not seen alone", "Mum stayed
in the room throughout": the profile's not_alone words), with nothing in
the record saying the child was seen alone after all, was not seen alone
either, and needs the fact corrected and a reason; so does a baby's visit
recorded seen_alone with no awake written whose notes say the baby was
asleep throughout. Visits before the child was born (or
while the child is recorded unborn), and after the as-of date (or the end of
the plan), are not checked.

The finding points at the visit's child_seen line, or at its seen_alone line
when the child was seen but not alone.`,
	Bad: `date = 2026-03-02T15:45:00
by = "Hannah Price"
child_seen = true
seen_alone = false`,
	Good: `date = 2026-03-02T15:45:00
by = "Hannah Price"
child_seen = true
seen_alone = false
not_seen_reason = "Mia was unwell in bed and asked for her mother to stay; a visit to see her alone at school is booked for 4 March"`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"no reason child not seen", "no reason given for not seeing child alone", "not seen alone and no reason recorded", "no explanation why child not seen"},
	Related:  []string{"incomplete-visit-record", "missing-wishes-and-feelings", "non-specific-label", "stale-reduced-visiting", "unapproved-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unrecorded-birth", "unseen-bedroom", "unseen-child"},
	Run:      runMissingNotSeenReason,
}

func runMissingNotSeenReason(pass *lint.Pass) error {
	if pass.Case.Plan == nil {
		return nil
	}
	child := pass.Case.ChildName()
	for _, v := range pass.Visits() {
		day := v.Date.Date
		if !pass.Case.IsBornOn(day) || !pass.Profile.NoAnswer(v.NotSeenReason) {
			continue
		}
		switch {
		case !v.ChildSeen:
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "child_seen"),
				"%s was not seen on the visit of %s and the record gives no reason: record in not_seen_reason a clear reason why not, and when %s will be seen (%s)",
				child, day.Long(), child, cite(pass))
		case pass.Case.SeenAlone(v) && !pass.SeenAlone(v):
			said, _ := pass.NotSeenAloneInWords(v)
			fix := "if " + child + " was not seen alone, record seen_alone = false"
			if pass.Case.IsBabyOn(day) {
				fix = "if " + child + ", a baby, was not seen awake, record awake = false"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "seen_alone", "child_seen"),
				"the record of the visit of %s says seen_alone = true, but also %q: %s and, in not_seen_reason, a clear reason why not (%s)",
				day.Long(), said, fix, cite(pass))
		case !pass.Case.SeenAlone(v) && v.SeenAlone:
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "awake", "child_seen"),
				"%s, a baby, was seen asleep on the visit of %s and the record gives no reason: a baby must be seen awake; record in not_seen_reason why %s was not seen awake, and when they will be (%s)",
				child, day.Long(), child, cite(pass))
		case !pass.Case.SeenAlone(v):
			hint := ""
			if pass.Case.IsBabyOn(day) {
				hint = " (a baby under one seen awake counts as seen alone: record awake = true if so)"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "seen_alone", "child_seen"),
				"%s was seen but not alone on the visit of %s and the record gives no reason: record in not_seen_reason a clear reason why not%s (%s)",
				child, day.Long(), hint, cite(pass))
		}
	}
	return nil
}
