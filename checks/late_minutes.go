package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateMinutes: core group minutes not circulated within 3 working days.
var LateMinutes = &lint.Rule{
	ID:       "late-minutes",
	Title:    "Core group minutes were not circulated within 3 working days",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "Copies of the core group minutes and any written agreement must be circulated to core group members within 3 working days of the core group meeting"},
		{Source: Oxon, Paragraph: "§3 ¶9", Quote: "To circulate the record of Core Group meetings and the Child Protection Plan to members of the Core Group"},
		{Source: Oxon, Paragraph: "§5.5", Quote: "Core Group Meetings, including the Child Protection Plan must be recorded and circulated promptly to Core Group members and the Independent Conference Chair"},
	},
	Text: `Copies of the core group minutes must be circulated to core group members
within 3 working days of the meeting (the profile's minutes_within; off in
the oxfordshire profile, whose procedure says only "promptly"). The day of
the meeting is day 0: minutes of a Friday meeting circulated on the
following Wednesday are on time, and bank holidays do not count.

The rule fires when a core group record has no minutes_circulated date once
the 3 working days have passed by the as-of date (reported on the meeting's
date line, since there is no minutes_circulated line to point at), and when
minutes_circulated is later than the 3rd working day (reported on that
line).`,
	Bad: `date = 2026-03-06                 # a Friday
minutes_circulated = 2026-03-12   # Thursday: the 4th working day`,
	Good: `date = 2026-03-06                 # a Friday
minutes_circulated = 2026-03-11   # Wednesday: the 3rd working day`,
	Profiles: allProfiles,
	Since:    "0.1.0",
	Run:      runLateMinutes,
}

func runLateMinutes(pass *lint.Pass) error {
	within := pass.Profile.MinutesWithin
	if pass.Case.Plan == nil || within.IsZero() {
		return nil
	}
	for _, cg := range cgDatedCoreGroups(pass.Case) {
		if cg.Date.After(pass.AsOf) {
			continue
		}
		due := pass.Calendar.Add(cg.Date, within)
		switch sent := cg.MinutesCirculated; {
		case sent.IsZero():
			if pass.AsOf.After(due) {
				pass.Reportf(cg.Doc, cg.Doc.At("date"),
					"no minutes_circulated date is recorded for the core group of %s: the minutes must be circulated to core group members within %s of the meeting, by %s; circulate them and record the date (%s)",
					cg.Date.Long(), cgIntervalWords(within), due.Long(), cite(pass))
			}
		case sent.After(due):
			pass.Reportf(cg.Doc, cg.Doc.At("minutes_circulated"),
				"the minutes of the core group of %s were circulated on %s, %d working days after the meeting: they must be circulated to core group members within %s, by %s (%s)",
				cg.Date.Long(), sent.Long(), pass.Calendar.WorkingDaysAfter(cg.Date, sent), cgIntervalWords(within), due.Long(), cite(pass))
		}
	}
	return nil
}
