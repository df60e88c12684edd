package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateTransferConference: this authority, receiving a child who moved in
// with a plan, held its transfer conference later than the profile allows
// after it was notified of the move.
var LateTransferConference = &lint.Rule{
	ID:       "late-transfer-conference",
	Title:    "The transfer conference for a child who moved in was held late",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindConference, schema.KindPlan},
	Profiles: stokeOnly,
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "the receiving local authority should convene a Transfer Child Protection Conference within 15 working days of being notified of the move"},
	},
	Text: `When a child on a plan moves permanently into the area, the receiving
authority convenes a Transfer Child Protection Conference within 15 working
days of being notified of the move (the profile's
transfer_conference_within). In a case whose plan started at this
authority's transfer conference, the conference record's notified date is
the notice; the rule fires when the conference was held after the 15th
working day after it (the day of notice is day 0), reported on the
conference's date line. The previous authority's conferences kept in the
case are history. A transfer conference that records no date of notice
cannot be timed and is not reported here (invalid-cessation-reason asks
for it when it ends a plan). The transfer conference at the end of a plan,
held by the authority the child moved to, is invalid-cessation-reason's
concern. Oxfordshire 1.8 sets no time, so the rule is off there.`,
	Bad: `# conferences/2026-05-13-transfer.md
kind = "transfer"
date = 2026-05-13     # 16 working days after notice
notified = 2026-04-20`,
	Good: `# conferences/2026-05-12-transfer.md
kind = "transfer"
date = 2026-05-12     # the 15th working day
notified = 2026-04-20`,
	Since:    "0.1.0",
	Synonyms: []string{"transfer conference late", "transfer in conference held late", "no timely conference after child moved in"},
	Related:  []string{"late-review-conference", "missing-review-date", "plan-start-mismatch", "review-date-mismatch"},
	Run:      runLateTransferConference,
}

func runLateTransferConference(pass *lint.Pass) error {
	within := pass.Profile.TransferConferenceWithin
	cf := pass.Case.TransferInConference()
	if within.IsZero() || cf == nil || cf.Notified.IsZero() || cf.Date.After(pass.Until()) {
		return nil
	}
	if due := pass.Calendar.Add(cf.Notified, within); cf.Date.After(due) {
		pass.Reportf(cf.Doc, cf.Doc.At("date"),
			"the transfer conference was held on %s, %d working days after this authority was notified of the move on %s: the receiving authority convenes it within %s of the notice, by %s (%s)",
			cf.Date.Long(), pass.Calendar.WorkingDaysAfter(cf.Notified, cf.Date), cf.Notified.Long(), cgIntervalWords(within), due.Long(), cite(pass))
	}
	return nil
}
