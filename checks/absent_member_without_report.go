package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// AbsentMemberWithoutReport: a professional of the core group missed a
// meeting and sent no written report.
var AbsentMemberWithoutReport = &lint.Rule{
	ID:       "absent-member-without-report",
	Title:    "A professional in the core group missed a meeting without sending a written report",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindCoreGroup, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "Professionals who are members of the core group ... are expected to attend all core group meetings and provide written information in the event that they cannot attend ... Any professional unable to attend a core group meeting must provide a written report to the meeting of their view and progress against planned outcomes"},
	},
	Text: `Professionals who are members of the core group are expected to attend
every core group meeting, and any professional unable to attend must provide
a written report to the meeting of their view and progress against the
planned outcomes; the minutes must include those written views.

For each core group meeting, the rule fires once for every professional
named in plan.md's core_group (anyone among the case's people who is not
family, by family = true or a plainly family role such as "mother" or
"foster carer"; the child is not a professional) who is neither in the
meeting's attended list nor in its written_reports. The meeting's chair was
there, unless they sent apologies. Sending apologies is not enough; an
apology noting that a report came ("Dr Alan Webb (report sent)") is a
written report, as written_reports is. The lead worker's manager and a
conference chair named in core_group are counted only when an action of
the plan is theirs: they are not expected at every meeting otherwise. It
is reported on
the meeting's attended line. A record with nobody in attended is a
meeting that was cancelled: nobody was absent from it.

A member who joined the core group at a conference after the first
meetings (first named in the minutes of the meeting after it, such as a
CAMHS worker added at the review conference) is not counted absent from
the meetings before. The lead worker is not counted absent from a meeting
another social worker of the authority attended: a colleague covering, or
the lead worker before them when the case changed hands.`,
	Bad: `attended = ["Priya Shah", "Dana Price"]
apologies = ["Dr Alan Webb"]`,
	Good: `attended = ["Priya Shah", "Dana Price"]
apologies = ["Dr Alan Webb"]
written_reports = ["Dr Alan Webb"]`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Synonyms: []string{"absent professional sent no report", "no written report from absent member", "missed core group without sending report", "report not sent to core group"},
	Related:  []string{"incomplete-core-group", "missed-core-groups", "missing-absent-views", "unchaired-core-group"},
	Run:      runAbsentMemberWithoutReport,
}

func runAbsentMemberWithoutReport(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil {
		return nil
	}
	var pros []string
	for _, m := range plan.CoreGroup {
		// The lead worker's manager and a conference chair named in
		// core_group are not expected at every meeting (C06 §04: the
		// manager monitors the plan and covers for the lead worker), as
		// missed-core-groups reads them, unless the plan gives them an
		// action of their own: C06 §05 expects "Professionals who are
		// members of the core group and have responsibilities within the
		// Child Protection Plan" at every meeting.
		if (pass.Case.IsLeadWorkersManager(m) || pass.Case.IsConferenceChair(m)) && !pass.Case.OwnsAction(m, pass.Profile) {
			continue
		}
		if pass.Case.IsProfessional(m) && !lint.AmongPeople(m, pros) {
			pros = append(pros, m)
		}
	}
	if len(pros) == 0 {
		return nil
	}
	// This plan's meetings up to the as-of date (or the end of the plan):
	// the previous authority's, or an earlier plan's, kept in the case are
	// history. An undated record is still read.
	until := pass.Until()
	var meetings []*schema.CoreGroup
	for _, cg := range pass.Case.CoreGroups {
		if cg == nil || cg.Doc == nil || !cg.Doc.Keys.Has("attended") || !pass.Case.Met(cg) {
			continue
		}
		if !cg.Date.IsZero() && (cg.Date.After(until) || !pass.Case.InPlan(cg.Date)) {
			continue
		}
		meetings = append(meetings, cg)
	}
	for _, m := range pros {
		for _, cg := range pass.Case.MemberMeetings(meetings, m, false) {
			if pass.Case.TookPart(cg, m) ||
				(lint.SamePerson(m, cg.Chair) && !lint.AmongPeople(m, cg.Apologies)) ||
				pass.Case.CoveredFor(cg, m) {
				continue
			}
			what := "did not attend"
			switch {
			case lint.AmongPeople(m, cg.Apologies):
				what = "sent apologies to"
			case lint.AmongPeople(m, cg.Attended):
				what = "is recorded in attended with a note saying they did not attend"
			}
			pass.ReportOccurrencef("member "+m, cg.Doc, cg.Doc.At("attended"),
				"%s %s the core group of %s and sent no written report: a professional in the core group who cannot attend must provide a written report to the meeting of their view and progress against the planned outcomes; record it in written_reports and in the minutes (%s)",
				m, what, cgDateWords(cg.Date), cite(pass))
		}
	}
	return nil
}

// cgDateWords is d.Long(), or "an undated meeting".
func cgDateWords(d schema.Date) string {
	if d.IsZero() {
		return "an undated meeting"
	}
	return d.Long()
}
