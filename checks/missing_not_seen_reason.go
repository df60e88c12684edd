package checks

import (
	"strings"

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
in the room throughout", "Nan sat in throughout", "could not see Ella by
herself": the profile's not_alone words; "Ruby was seen alone; Leo was
not"), or whose not_seen_reason gives a reason the child was not seen ("Not
seen - at his dad's"), with nothing in the record saying the child was seen
alone after all (a sentence saying a brother or sister was seen alone is not
about the child), was not seen alone either, and needs the fact corrected
and a reason; so does a baby's visit
recorded seen_alone with no awake written whose notes say the baby was
asleep throughout, and a visit of an older child recorded seen_alone =
true whose words say the child was asleep through it ("Mum said Ellie
was asleep", "I did not wake her": the profile's child_asleep words),
unless they say the child woke, talked or was seen alone: a child asleep
was not seen or spoken with alone. So does a visit recorded seen_alone = true whose
present lists the child's brother or sister and not the child (every name
in it one of case.md's people), unless its words say, by the child's
name, that the child was seen alone: it is the sibling's record. Visits
before the child was born (or while the child is recorded unborn), and
after the as-of date (or the end of the plan), are not checked.

A reason written only in the notes is not read as not_seen_reason (the
field is where the record's reason is kept and read); when the notes say
contact was refused or avoided ("Knocked several times, no answer"), the
message quotes them and asks for the reason to be recorded there.

The finding points at the visit's child_seen line, or at its seen_alone line
when the child was seen but not alone, or at present when it lists a
sibling in the child's place.

Visits dated before this authority's plan started (a section 47 enquiry's
visits before the initial conference, or the previous authority's kept in
a transfer-in case) are history, not visits of the plan, and are not read.`,
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
	for _, v := range pass.PlanVisits() {
		day := v.Date.Date
		if !pass.Case.IsBornOn(day) {
			continue
		}
		noReason := pass.Profile.NoAnswer(v.NotSeenReason)
		sibling, instead := pass.Case.SiblingPresentInstead(v)
		switch {
		case !v.ChildSeen:
			if said, off, ok := pass.RefusalInWords(v); noReason && ok && off >= 0 {
				// The notes say why (Stoke-on-Trent's way of writing it):
				// the reason belongs in not_seen_reason, where it is read.
				pass.Reportf(v.Doc, visitKeyAt(v.Doc, "child_seen"),
					"%s was not seen on the visit of %s and not_seen_reason gives no reason, though its notes say %q: record that reason in not_seen_reason, and when %s will be seen (%s)",
					child, day.Long(), lint.Brief(said), child, cite(pass))
				continue
			}
			if noReason {
				pass.Reportf(v.Doc, visitKeyAt(v.Doc, "child_seen"),
					"%s was not seen on the visit of %s and the record gives no reason: record in not_seen_reason a clear reason why not, and when %s will be seen (%s)",
					child, day.Long(), child, cite(pass))
			}
		case instead && (v.SeenAlone || (pass.Case.IsBabyOn(day) && v.Awake)):
			said, fix := "seen_alone = true", "seen_alone = false"
			if !v.SeenAlone {
				said, fix = "awake = true", "awake = false"
			}
			if noReason {
				fix += " and, in not_seen_reason, a clear reason why not"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "present", "seen_alone"),
				"the record of the visit of %s says %s, but present lists %s and not %s: if this is %s's record, it belongs in %s's own case; if %s was seen, add %s to present; if not, record %s (%s)",
				day.Long(), said, pass.Case.NameWithRole(sibling), child, sibling, sibling, child, child, fix, cite(pass))
		case pass.Case.SeenAlone(v) && isRemote(pass, v):
			said, _ := pass.NotFaceToFaceInWords(v)
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "child_seen"),
				"the record of the visit of %s says %s was seen, but also %q: a video or telephone call is not face to face contact, and does not show %s alone; record child_seen = false and, in not_seen_reason, that %s was not seen face to face, and see %s face to face (%s)",
				day.Long(), child, lint.Brief(said), child, child, child, cite(pass))
		case pass.Case.SeenAlone(v) && isUnseenInWords(pass, v):
			said, _ := pass.NotSeenInWords(v)
			fix := "record child_seen = false"
			if noReason {
				fix += " and, in not_seen_reason, a clear reason why not"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "child_seen"),
				"the record of the visit of %s says %s was seen, but also %q: if %s was not seen, %s, and when %s will be seen; if %s was, correct the record (%s)",
				day.Long(), child, lint.Brief(said), child, fix, child, child, cite(pass))
		case pass.Case.SeenAlone(v) && isAsleepInWords(pass, v):
			said, _ := pass.ChildAsleepInWords(v)
			fix := "record seen_alone = false"
			if noReason {
				fix += " and, in not_seen_reason, a clear reason why not"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "seen_alone", "child_seen"),
				"the record of the visit of %s says seen_alone = true, but also %q: a child asleep was not seen or spoken with alone; %s, and when %s will be seen alone (if %s woke and was seen alone, say so in the notes) (%s)",
				day.Long(), lint.Brief(said), fix, child, child, cite(pass))
		case pass.Case.SeenAlone(v) && !pass.SeenAlone(v):
			said, _ := pass.NotSeenAloneInWords(v)
			fix := "if " + child + " was not seen alone, record seen_alone = false"
			if pass.Case.IsBabyOn(day) {
				fix = "if " + child + ", a baby, was not seen awake, record awake = false"
			}
			where := "also"
			if noReason {
				fix += " and, in not_seen_reason, a clear reason why not"
			} else if said == strings.TrimSpace(v.NotSeenReason) {
				where = "not_seen_reason says"
				fix += ", or, if " + child + " was, correct not_seen_reason"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "seen_alone", "child_seen"),
				"the record of the visit of %s says seen_alone = true, but %s %q: %s (%s)",
				day.Long(), where, lint.Brief(said), fix, cite(pass))
		case !noReason:
		case !pass.Case.SeenAlone(v) && v.SeenAlone:
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "awake", "child_seen"),
				"%s, a baby, was seen asleep on the visit of %s and the record gives no reason: a baby must be seen awake; record in not_seen_reason why %s was not seen awake, and when they will be (%s)",
				child, day.Long(), child, cite(pass))
		case !pass.Case.SeenAlone(v):
			hint := ""
			switch {
			case pass.Case.IsBabyOn(day):
				hint = " (a baby under one seen awake counts as seen alone: record awake = true if so)"
			case !v.SeenAlone && pass.Case.SaysSeenAlone(v):
				hint = "; its notes say " + child + " was seen alone: if so, record seen_alone = true"
			}
			pass.Reportf(v.Doc, visitKeyAt(v.Doc, "seen_alone", "child_seen"),
				"%s was seen but not alone on the visit of %s and the record gives no reason: record in not_seen_reason a clear reason why not%s (%s)",
				child, day.Long(), hint, cite(pass))
		}
	}
	return nil
}
