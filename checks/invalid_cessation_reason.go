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
reason, fires, with the closest allowed reason suggested.

When the child moved to another authority, the receiving authority convenes
a Transfer Child Protection Conference within 15 working days of being
notified of the move (the profile's transfer_conference_within; the
conference record's notified date is the notice), and only after it may the
plan cease. The rule fires when no transfer conference is recorded on or
before the cessation date, or when it was held later than the 15th working
day after the notice. Every finding is reported on plan.md's [cessation]
line.`,
	Bad: `[cessation]
date = 2026-09-30
reason = "case closed"`,
	Good: `[cessation]
date = 2026-09-30
reason = "moved to another authority"
# conferences/2026-09-30-transfer.md: kind = "transfer", notified = 2026-09-14`,
	Since: "0.1.0",
	Run:   runInvalidCessationReason,
}

func runInvalidCessationReason(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || plan.Cessation == nil {
		return nil
	}
	cess := plan.Cessation
	at := cgCessationLine(plan)
	reason, ok := cgCessationReason(cess.Reason)
	if !ok {
		allowed := make([]string, len(cgCessationReasons))
		for i, r := range cgCessationReasons {
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
	if reason != cgReasonMoved || cess.Date.IsZero() {
		return nil
	}

	var before, after *schema.Conference
	for _, cf := range pass.Case.ConferencesOfKind(schema.ConferenceTransfer) {
		switch {
		case cf.Date.IsZero():
		case !cf.Date.After(cess.Date):
			before = cf // the latest on or before the cessation
		case after == nil:
			after = cf
		}
	}
	switch {
	case before == nil && after != nil:
		pass.Reportf(plan.Doc, at,
			"the plan ceased on %s because the child moved to another authority, before the transfer conference on %s: only after the transfer conference has taken place may the plan cease (%s)",
			cess.Date.Long(), after.Date.Long(), cite(pass))
	case before == nil:
		pass.Reportf(plan.Doc, at,
			"the plan ceased on %s because the child moved to another authority, but no transfer conference is recorded: the receiving authority convenes a transfer child protection conference, and only after it has taken place may the plan cease; add its record to conferences/ (kind = \"transfer\") (%s)",
			cess.Date.Long(), cite(pass))
	default:
		within := pass.Profile.TransferConferenceWithin
		if within.IsZero() || before.Notified.IsZero() {
			return nil
		}
		if due := pass.Calendar.Add(before.Notified, within); before.Date.After(due) {
			pass.Reportf(plan.Doc, at,
				"the transfer conference was held on %s, %d working days after the receiving authority was notified of the move on %s: it must be convened within %s of the notice, by %s (%s)",
				before.Date.Long(), pass.Calendar.WorkingDaysAfter(before.Notified, before.Date), before.Notified.Long(), cgIntervalWords(within), due.Long(), cite(pass))
		}
	}
	return nil
}
