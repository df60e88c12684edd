package checks

import (
	"fmt"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateMinutes: core group minutes not circulated in time: within 3 working
// days (Stoke-on-Trent), or by the next meeting (Oxfordshire's "promptly").
var LateMinutes = &lint.Rule{
	ID:       "late-minutes",
	Title:    "Core group minutes were not circulated in time",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "Copies of the core group minutes and any written agreement must be circulated to core group members within 3 working days of the core group meeting"},
		{Source: Oxon, Paragraph: "§3 ¶9", Quote: "To circulate the record of Core Group meetings and the Child Protection Plan to members of the Core Group"},
		{Source: Oxon, Paragraph: "§5.5", Quote: "Core Group Meetings, including the Child Protection Plan must be recorded and circulated promptly to Core Group members and the Independent Conference Chair"},
	},
	Text: `Copies of the core group minutes must be circulated to the members in
time. Stoke-on-Trent C06 §05 sets 3 working days after the meeting (the
profile's minutes_within): the day of the meeting is day 0, so minutes of a
Friday meeting circulated on the following Wednesday are on time, and bank
holidays do not count. Oxfordshire 1.8 §5.5 says "promptly" and sets no
number; however promptly is read, minutes not circulated by the next core
group meeting were not prompt: the members cannot check the record of one
meeting before they hold the next (the profile's minutes_by_next_meeting,
on under oxfordshire and combined). Minutes circulated on the day of the
next meeting are in time. For the latest meeting, with no next one held
yet, the minutes are due by the day the next meeting was due (the core
group interval after it: 6 weeks, or 2 months after the first review
conference, under oxfordshire). Where both apply (combined), the earlier
deadline wins.

The rule reads this authority's core group records up to the as-of date
(for a child who moved in, the previous authority's records kept in the
case are history) and fires when a record has no minutes_circulated date
once its deadline has passed by the as-of date (reported on the meeting's
date line, since there is no minutes_circulated line to point at), and
when minutes_circulated is later than the deadline, or earlier than the
meeting, which cannot be right (reported on that line).`,
	Bad: `date = 2026-03-06                 # a Friday
minutes_circulated = 2026-03-12   # Thursday: the 4th working day (Stoke-on-Trent)`,
	Good: `date = 2026-03-06                 # a Friday
minutes_circulated = 2026-03-11   # Wednesday: the 3rd working day`,
	Profiles: allProfiles,
	Since:    "0.1.0",
	Synonyms: []string{"minutes late", "minutes circulated late", "core group minutes sent out late", "minutes not circulated in time"},
	Related:  []string{"late-recording", "missing-absent-views", "unchaired-core-group"},
	Run:      runLateMinutes,
	Due:      dueLateMinutes,
}

// minutesDeadline is when the minutes of a core group were due, and why.
type minutesDeadline struct {
	due  schema.Date
	why  string // "within 3 working days of the meeting, by 11 March 2026"
	late string // how late minutes after it were, when it is the next meeting's (Oxfordshire)
	cite string // the paragraph that sets it
}

// heldCoreGroups returns the plan's core groups held by the as-of date, in
// order; nil when the profile sets no deadline for minutes.
func heldCoreGroups(pass *lint.Pass) []*schema.CoreGroup {
	if pass.Case.Plan == nil || (pass.Profile.MinutesWithin.IsZero() && !pass.Profile.MinutesByNextMeeting) {
		return nil
	}
	var held []*schema.CoreGroup
	for _, cg := range pass.Case.PlanCoreGroups() {
		if !cg.Date.After(pass.AsOf) {
			held = append(held, cg)
		}
	}
	return held
}

// dueLateMinutes is the minutes of each meeting held with no
// minutes_circulated date, reported on its date line once overdue.
func dueLateMinutes(pass *lint.Pass) []lint.Obligation {
	held := heldCoreGroups(pass)
	var out []lint.Obligation
	for i, cg := range held {
		if !cg.MinutesCirculated.IsZero() {
			continue
		}
		if dl := minutesDeadlineOf(pass, held, i); dl != nil {
			out = append(out, lint.Obligation{Key: "minutes:" + pathInCase(pass, cg.Doc), What: "the minutes of the core group circulated to its members", Due: dl.due,
				From: lint.SourceOf(cg.Doc, "core group met"), Doc: cg.Doc, Offset: cg.Doc.At("date"),
				// lint reports the minutes as of the day linted, the plan
				// ended or not: they are owed for a meeting it held.
				AfterEnd: true})
		}
	}
	return out
}

func runLateMinutes(pass *lint.Pass) error {
	held := heldCoreGroups(pass)
	for i, cg := range held {
		dl := minutesDeadlineOf(pass, held, i)
		if dl == nil {
			continue
		}
		switch sent := cg.MinutesCirculated; {
		case !sent.IsZero() && sent.Before(cg.Date):
			// A date before the meeting cannot be when its minutes went
			// out: when they did is unknown, so in time is unknown.
			pass.Reportf(cg.Doc, cg.Doc.At("minutes_circulated"),
				"the minutes of the core group of %s cannot have been circulated on %s, before the meeting: record the date they were circulated; they must be circulated to core group members %s (%s)",
				cg.Date.Long(), sent.Long(), dl.why, dl.cite)
		case sent.IsZero():
			if pass.AsOf.After(dl.due) {
				pass.Reportf(cg.Doc, cg.Doc.At("date"),
					"no minutes_circulated date is recorded for the core group of %s: the minutes must be circulated to core group members %s; circulate them and record the date (%s)",
					cg.Date.Long(), dl.why, dl.cite)
			}
		case sent.After(dl.due):
			late := fmt.Sprintf("%d working days after the meeting", pass.Calendar.WorkingDaysAfter(cg.Date, sent))
			if dl.late != "" {
				late = dl.late
			}
			pass.Reportf(cg.Doc, cg.Doc.At("minutes_circulated"),
				"the minutes of the core group of %s were circulated on %s, %s: they must be circulated to core group members %s (%s)",
				cg.Date.Long(), sent.Long(), late, dl.why, dl.cite)
		}
	}
	return nil
}

// minutesDeadlineOf is the deadline for the minutes of held[i]: the
// profile's minutes_within after the meeting, or (Oxfordshire) the next
// meeting, held or due, whichever is earlier; nil when none applies.
func minutesDeadlineOf(pass *lint.Pass, held []*schema.CoreGroup, i int) *minutesDeadline {
	within := pass.Profile.MinutesWithin
	byNext := pass.Profile.MinutesByNextMeeting
	cg := held[i]
	var dl *minutesDeadline
	if !within.IsZero() {
		due := pass.Calendar.Add(cg.Date, within)
		dl = &minutesDeadline{due: due, why: "within " + cgIntervalWords(within) + " of the meeting, by " + due.Long(), cite: citeOnly(pass, Stoke, "§05")}
	}
	if byNext {
		var nd *minutesDeadline
		if i+1 < len(held) {
			next := held[i+1].Date
			nd = &minutesDeadline{due: next, late: "after the next core group meeting", cite: citeOnly(pass, Oxon, "§3", "§5.5"), why: "promptly, and at the latest by the next core group meeting, on " + next.Long()}
		} else if iv := coreGroupIntervalFrom(pass, cg.Date); !iv.IsZero() {
			due := pass.Calendar.Add(cg.Date, iv)
			nd = &minutesDeadline{due: due, late: "after the next meeting was due", cite: citeOnly(pass, Oxon, "§3", "§5.5"), why: "promptly, and at the latest by the day the next core group meeting was due (" + cgEveryWords(iv) + "), " + due.Long()}
		}
		if nd != nil && (dl == nil || nd.due.Before(dl.due)) {
			dl = nd
		}
	}
	return dl
}

// coreGroupIntervalFrom returns the profile's core group interval for a gap
// starting on d: core_group_every until the first review conference of this
// plan, core_group_every_after_review on or after it.
func coreGroupIntervalFrom(pass *lint.Pass, d schema.Date) schema.Interval {
	every, after := pass.Profile.CoreGroupEvery, pass.Profile.CoreGroupEveryAfterReview
	if after.IsZero() {
		return every
	}
	if r := pass.Case.FirstPlanReview(); r != nil && !d.Before(r.Date) {
		return after
	}
	return every
}
