package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// InvalidCessationReason: the plan ended for a reason the procedure does
// not allow, or after a move without a timely transfer conference.
var InvalidCessationReason = &lint.Rule{
	ID:       "invalid-cessation-reason",
	Title:    "The plan ended for a reason the procedure does not allow",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "A child should no longer be the subject of a Child Protection Plan if ... The child reaches the age of 18 years ... The child has moved permanently to another local authority area. In such cases, the receiving local authority should convene a Transfer Child Protection Conference within 15 working days of being notified of the move, and only after this has taken place may cessation of the Child Protection Plan take place ... A child becomes looked after by the local authority"},
		{Source: RecordFormat, Quote: "no longer at risk | reached 18 | moved to another authority | left the UK | died | looked after"},
	},
	Text: `A child should no longer be the subject of a Child Protection Plan only
when they are judged no longer at continuing risk of significant harm, reach
18, move permanently to another local authority, permanently leave the UK,
die, or become looked after. plan.md's [cessation] reason must be one of
"no longer at risk", "reached 18", "moved to another authority", "left the
UK", "died" or "looked after" (case does not matter); anything else, or no
reason, fires, with the closest allowed reason suggested. Reasons written
as people write them are read as the allowed reason they say: "18",
"turned 18", "child reached 18"; "moved area", "transferred to Cheshire";
"now looked after", "child in care", "ICO"; "no longer at risk of
significant harm", "risk removed", "step down to CIN", "stepped down and
transferred to the CIN team"; "deceased"; "moved abroad". Died and left the
UK are the child's: a reason that names someone else (a parent, a partner,
another adult, the abuser) as the one who died or left and not the child
("Perpetrator left the country", "Mum's new partner has died") fires with
"did you mean \"no longer at risk\"", and "No longer at risk - alleged
abuser deceased" is no longer at risk. "18 months" and "adult male" are
not the child reaching 18. A move alone ("moved", "moved house") is not a
reason: a move within the authority does not end a plan, so it fires with
"did you mean".

The reason must match the record:

- "reached 18": the child (case.md's [child] born) must be 18 on the
  cessation date; a child born on 29 February reaches 18 on 1 March in a
  year without one. A plan closed as "reached 18" the day before the 18th
  birthday, or for a 17-year-old months before it, fires.
- "looked after": case.md's [[legal_status]] must have an interim care
  order, a care order, a placement order or section 20 in force on the
  cessation date (from on or before it, not ended by a later "none").
  No legal status, one from the day after, police protection or an
  emergency protection order fires. A status caselint cannot read is
  invalid-record's concern.

When the child moved to another authority, the receiving authority convenes
a Transfer Child Protection Conference within 15 working days of being
notified of the move (the profile's transfer_conference_within; the
conference record's notified date is the notice), and only after it may the
plan cease. The rule fires when no transfer conference is recorded on or
before the cessation date (after the plan started: the transfer conference
that brought the child in does not count), when it was held later than the
15th working day after the notice, or when it records no date of notice
(notified), for then it cannot be timed (these timings only under a
profile with transfer_conference_within). Every finding is reported on
plan.md's [cessation] line.

A reason the record contradicts has not ended the plan: its deadlines
(the child seen alone, the core group, the review conference) run on, and
caselint due lists them, until the reason holds: the 18th birthday, the day
an interim care order, care order or placement order is recorded from, or
the day of the receiving authority's transfer conference.`,
	Bad: `[cessation]
date = 2026-09-30
reason = "case closed"`,
	Good: `[cessation]
date = 2026-09-30
reason = "moved to another authority"
# conferences/2026-09-30-transfer.md: kind = "transfer", notified = 2026-09-14`,
	Since:    "0.1.0",
	Synonyms: []string{"wrong reason for ending plan", "plan ended for invalid reason", "cessation reason not allowed"},
	Related:  []string{"care-order-with-plan", "cessation-without-conference", "looked-after-with-plan", "plan-not-ended", "plan-past-eighteen", "premature-cessation", "unsupported-cessation"},
	Run:      runInvalidCessationReason,
}

func runInvalidCessationReason(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || pass.Case.CessationOfThisPlan() == nil {
		return nil
	}
	// An earlier plan's [cessation] left in plan.md is not this plan's
	// ending (plan-start-mismatch asks for it to be taken out).
	cess := pass.Case.CessationOfThisPlan()
	at := endCessationLine(pass)
	reason, ok := lint.CessationReason(cess.Reason, pass.Case.Child().Name)
	if !ok {
		allowed := make([]string, len(lint.CessationReasons))
		for i, r := range lint.CessationReasons {
			allowed[i] = strconv.Quote(r)
		}
		if strings.TrimSpace(cess.Reason) == "" {
			pass.Reportf(plan.Doc, at,
				"the plan's cessation gives no reason: record why the plan ended, one of %s (%s)",
				strings.Join(allowed, ", "), cite(pass))
			return nil
		}
		guess := ""
		if reason != "" {
			guess = fmt.Sprintf(" (did you mean %q?)", reason)
		}
		pass.Reportf(plan.Doc, at,
			"the plan ended for the reason %q, which is not one the procedure allows%s: a plan ends only for one of %s (%s)",
			cess.Reason, guess, strings.Join(allowed, ", "), cite(pass))
		return nil
	}
	if cess.Date.IsZero() {
		return nil
	}
	switch reason {
	case lint.ReasonReached18, lint.ReasonLookedAfter:
		why := pass.Case.CessationContradiction()
		if why == "" {
			return nil
		}
		// The same finding for both reasons, but what makes each true and
		// how to put the record right differ.
		format := "the plan ended on %s for the reason %q, but %s: a plan ends because the child reached 18 only on or after their 18th birthday; give the reason it really ended for (a review conference's decision is \"no longer at risk\") (%s)"
		if reason == lint.ReasonLookedAfter {
			format = "the plan ended on %s for the reason %q, but %s: a plan ends because the child became looked after only when an interim care order, a care order, a placement order or section 20 accommodation is in force that day; record it in case.md's [[legal_status]] (status and from), or give the reason the plan really ended for (%s)"
		}
		pass.Reportf(plan.Doc, at, format, cess.Date.Long(), cess.Reason, why, cite(pass))
		return nil
	case lint.ReasonMoved:
	default:
		return nil
	}

	held, later := pass.Case.TransferOutConferences(cess.Date)
	switch {
	case held == nil && later != nil:
		pass.Reportf(plan.Doc, at,
			"the plan ceased on %s because the child moved to another authority, before the transfer conference on %s: only after the transfer conference has taken place may the plan cease (%s)",
			cess.Date.Long(), later.Date.Long(), cite(pass))
	case held == nil:
		pass.Reportf(plan.Doc, at,
			"the plan ceased on %s because the child moved to another authority, but no transfer conference of the receiving authority is recorded after the plan started: the receiving authority convenes a transfer child protection conference, and only after it has taken place may the plan cease; add its record to conferences/ (kind = \"transfer\", with notified, the date the receiving authority was notified of the move) (%s)",
			cess.Date.Long(), cite(pass))
	default:
		within := pass.Profile.TransferConferenceWithin
		if within.IsZero() {
			return nil
		}
		if held.Notified.IsZero() {
			pass.Reportf(plan.Doc, at,
				"the plan ceased on %s after the transfer conference of %s (%s), which records no date of notice: the receiving authority must convene it within %s of being notified of the move, and without notified = the date it was notified the conference cannot be timed; add notified to the conference record (%s)",
				cess.Date.Long(), held.Date.Long(), pathInCase(pass, held.Doc), cgIntervalWords(within), cite(pass))
			return nil
		}
		if due := pass.Calendar.Add(held.Notified, within); held.Date.After(due) {
			pass.Reportf(plan.Doc, at,
				"the transfer conference was held on %s, %d working days after the receiving authority was notified of the move on %s: it must be convened within %s of the notice, by %s (%s)",
				held.Date.Long(), pass.Calendar.WorkingDaysAfter(held.Notified, held.Date), held.Notified.Long(), cgIntervalWords(within), due.Long(), cite(pass))
		}
	}
	return nil
}
