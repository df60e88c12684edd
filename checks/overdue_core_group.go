package checks

import (
	"strconv"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// OverdueCoreGroup: the core group did not meet as often as the procedure
// requires.
var OverdueCoreGroup = &lint.Rule{
	ID:       "overdue-core-group",
	Title:    "The core group did not meet as often as the procedure requires",
	Severity: lint.Error,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "The core group should meet on a monthly basis or more often if necessary"},
		{Source: Oxon, Paragraph: "§5.4", Quote: "The second Core Group meeting will usually be held within 6 weeks of the first meeting ... Meetings will usually be held every 2 months after the first Child Protection Review Conference"},
	},
	Text: `The core group meets regularly to monitor the plan: in Stoke-on-Trent
monthly; in Oxfordshire usually within 6 weeks of the previous meeting
until the first review conference, then usually every 2 months (the
profile's core_group_every and core_group_every_after_review). 1.8 §5.4
says the second meeting will usually be held within 6 weeks of the first:
applying the 6 weeks to every meeting until the first review conference is
caselint's default, not the procedure. A month is the same day of the next
month (31 January + 1 month = 28 February), so a meeting on that day is on
time and one the day after is late. The interval after the first review
conference applies to gaps that start on or after that conference.

The rule fires for each gap between consecutive core group meetings longer
than the interval (reported on the date line of the meeting that ended it),
and when the last meeting is more than the interval before the as-of date,
or before the cessation date of a plan that ended (reported on plan.md's
started line). The wait for the first meeting is late-first-core-group's
concern.

Only this authority's plan is read: for a child who moved in, the core
groups and review conferences of the previous authority kept in the case
(dated before this authority's transfer conference), or of an earlier plan
that ended, are history. The first review conference is this plan's. A
record with nobody in attended (a meeting cancelled, written up to say
so), or whose every name is marked as not there ("Dana Price (DNA)",
"(apologies)") or a placeholder ("TBC"), or one whose minutes say this
meeting was cancelled or did not go ahead ("Meeting cancelled: only the
social worker came"), whoever it lists, is not a meeting and keeps no
interval.

A plan is made and ended by a conference, not by plan.md. With plan.md
missing or unreadable (between the initial conference and the first core
group there is often only an outline plan: Oxfordshire 1.8 §1) the interval
counts from the conference that started the plan, and a meeting still not held is reported on
that conference's date line; invalid-record says the plan is missing. A
[cessation] no conference decided, where one had to
(cessation-without-conference), has not ended the plan: the interval
runs on to the as-of date.`,
	Bad: `# core-groups/2026-01-31.md
date = 2026-01-31
# core-groups/2026-03-01.md
date = 2026-03-01       # a month after 31 January is 28 February`,
	Good: `# core-groups/2026-01-31.md
date = 2026-01-31
# core-groups/2026-02-27.md
date = 2026-02-27`,
	Since:    "0.1.0",
	Synonyms: []string{"core group overdue", "core group not held monthly", "gap between core groups too long", "core groups not often enough"},
	Related:  []string{"first-core-group-not-as-set", "late-first-core-group", "missed-core-groups"},
	Run:      runOverdueCoreGroup,
	Due:      dueOverdueCoreGroup,
}

func runOverdueCoreGroup(pass *lint.Pass) error {
	every := pass.Profile.CoreGroupEvery
	if !pass.Case.HasPlan() || every.IsZero() {
		return nil
	}
	afterReview := pass.Profile.CoreGroupEveryAfterReview
	if afterReview.IsZero() {
		afterReview = every
	}
	var review schema.Date
	if cf := pass.Case.FirstPlanReview(); cf != nil {
		review = cf.Date
	}
	// interval returns the interval for a gap starting on d, and what to say
	// about it.
	interval := func(d schema.Date) (schema.Interval, string) {
		if review.IsZero() || d.Before(review) || afterReview == every {
			if afterReview != every {
				return every, "until the first review conference"
			}
			return every, ""
		}
		return afterReview, "after the first review conference on " + review.Long()
	}

	until := pass.Until()
	var prev *schema.CoreGroup
	for _, cg := range pass.Case.PlanCoreGroups() {
		if cg.Date.After(until) {
			break
		}
		if prev != nil {
			iv, when := interval(prev.Date)
			if due := pass.Calendar.Add(prev.Date, iv); cg.Date.After(due) {
				pass.ReportGapf(lint.Span{From: prev.Date, Due: due, To: cg.Date}, cg.Doc, cg.Doc.At("date"),
					"this core group met on %s, %s after the previous meeting on %s: the core group %s at least %s%s, so the next meeting was due by %s; hold meetings at the agreed frequency (%s)",
					cg.Date.Long(), cgGapWords(prev.Date, cg.Date), prev.Date.Long(), cgShouldMeet(pass), cgEveryWords(iv), cgPrefixSpace(when), due.Long(), cite(pass))
			}
		}
		prev = cg
	}
	if prev == nil {
		return nil
	}
	iv, when := interval(prev.Date)
	if due := nextCoreGroupDue(pass, prev, iv); until.After(due) {
		asOf, todo := "as of "+until.Long(), "convene the core group and record the meeting in core-groups/"
		if until != pass.AsOf {
			asOf, todo = "by the end of the plan on "+until.Long(), "record in core-groups/ any meeting held before the plan ended"
		}
		doc, at := openAt(pass, "")
		pass.ReportOpenGapf(lint.Span{From: prev.Date, Due: due, To: until}, doc, at,
			"the core group has not met since %s: it %s at least %s%s, so a meeting was due by %s and none is recorded %s; %s (%s)",
			prev.Date.Long(), cgShouldMeet(pass), cgEveryWords(iv), cgPrefixSpace(when), due.Long(), asOf, todo, cite(pass))
	}
	return nil
}

// nextCoreGroupDue is the day the meeting after the last one, held on
// prev's date, is due by, the interval iv after it: the one computation
// runOverdueCoreGroup and dueOverdueCoreGroup share.
func nextCoreGroupDue(pass *lint.Pass, prev *schema.CoreGroup, iv schema.Interval) schema.Date {
	return pass.Calendar.Add(prev.Date, iv)
}

// dueOverdueCoreGroup is the next core group meeting after the last one
// held, reported on plan.md's started line. Before the first meeting the
// wait is late-first-core-group's.
func dueOverdueCoreGroup(pass *lint.Pass) []lint.Obligation {
	if !pass.Case.HasPlan() || pass.Profile.CoreGroupEvery.IsZero() {
		return nil
	}
	var prev *schema.CoreGroup
	for _, cg := range pass.Case.PlanCoreGroups() {
		if cg.Date.After(pass.Until()) {
			break
		}
		prev = cg
	}
	if prev == nil {
		return nil
	}
	due := nextCoreGroupDue(pass, prev, coreGroupIntervalFrom(pass, prev.Date))
	doc, at := openAt(pass, "")
	return []lint.Obligation{{Key: "next-core-group", What: "the next core group meeting", Due: due,
		From: lint.SourceOf(prev.Doc, "last core group met"), Doc: doc, Offset: at}}
}

// cgShouldMeet words the requirement as the procedure does: C06 §05 says
// the core group "should meet on a monthly basis", 1.8 §5.4 that meetings
// will "usually" be held within 6 weeks, then every 2 months. Neither says
// "must".
func cgShouldMeet(pass *lint.Pass) string {
	if pass.Profile.Base == lint.ProfileOxfordshire {
		return "should usually meet"
	}
	return "should meet"
}

// cgGapWords says how long the gap from a to b was, in days.
func cgGapWords(a, b schema.Date) string {
	n := a.DaysUntil(b)
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

func cgPrefixSpace(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}
