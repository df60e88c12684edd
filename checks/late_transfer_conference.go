package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateTransferConference: this authority, receiving a child who moved in
// with a plan, held its transfer conference later than the procedure
// allows after it was notified of the move.
var LateTransferConference = &lint.Rule{
	ID:       "late-transfer-conference",
	Title:    "The transfer-in conference was not held within 15 working days of notice of the move",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "The child has moved permanently to another local authority area. In such cases, the receiving local authority should convene a Transfer Child Protection Conference within 15 working days of being notified of the move"},
	},
	Text: `When a child subject to a plan moves permanently into the authority's
area, the receiving authority convenes a Transfer Child Protection
Conference within 15 working days of being notified of the move (the
profile's transfer_conference_within). Until it does, the child's plan
rests with an authority that no longer works with the family.

The rule reads the conference that started this authority's plan. When it
is a transfer conference (kind = "transfer", decision "plan") with a
notified date, the date the authority was notified of the move, it fires
when the conference was held after the 15th working day from that date
(the day of notice is day 0; weekends and bank holidays of England and
Wales do not count), reported on the conference's date line. A transfer
conference with no notified date cannot be timed and is left alone here:
record it. The receiving authority's transfer conference at the end of a
plan that moved away is the sending authority's concern, and
invalid-cessation-reason's.

It is on under the Stoke-on-Trent and combined profiles: Oxfordshire 1.8
sets no time for a transfer conference.`,
	Bad: `# conferences/2026-05-27-transfer.md
kind = "transfer"
date = 2026-05-27
notified = 2026-04-20   # 25 working days before`,
	Good: `# conferences/2026-05-27-transfer.md
kind = "transfer"
date = 2026-05-27
notified = 2026-05-11   # 11 working days before (the Spring bank holiday not counted)`,
	Profiles: stokeOnly,
	Since:    "0.2.0",
	Run:      runLateTransferConference,
}

func runLateTransferConference(pass *lint.Pass) error {
	within := pass.Profile.TransferConferenceWithin
	if pass.Case.Plan == nil || within.IsZero() {
		return nil
	}
	cf := pass.Case.PlanStartConference()
	if cf == nil || cf.Kind != schema.ConferenceTransfer || cf.Notified.IsZero() || cf.Doc == nil {
		return nil
	}
	due := pass.Calendar.Add(cf.Notified, within)
	if !cf.Date.After(due) {
		return nil
	}
	pass.Reportf(cf.Doc, cf.Doc.At("date"),
		"this authority's transfer conference was held on %s, %d working days after it was notified of the move on %s: the receiving authority convenes it within %s of the notice, by %s (%s)",
		cf.Date.Long(), pass.Calendar.WorkingDaysAfter(cf.Notified, cf.Date), cf.Notified.Long(), cgIntervalWords(within), due.Long(), cite(pass))
	return nil
}
