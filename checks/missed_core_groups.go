package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissedCoreGroups: a professional member of the core group missed two
// meetings in a row.
var MissedCoreGroups = &lint.Rule{
	ID:       "missed-core-groups",
	Title:    "A professional in the core group missed two meetings in a row",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§5.7", Quote: "The specific responsibilities of individual Core Group members are to: ... Attend and participate in Core Group meetings or other relevant meetings"},
		{Source: Oxon, Paragraph: "§5.9", Quote: "If there are concerns that there are difficulties implementing the Plan as a result of ... a Core Group member not carrying out his or her responsibilities, this must be addressed by discussion between Core Group members"},
	},
	Text: `Every member of the core group is responsible for attending and taking
part in its meetings, and a member who does not carry out their
responsibilities is a difficulty the core group must address. One missed
meeting happens (leave, illness, a clash); two in a row leave the plan
without that agency's part for two or three months, and a conference chair
would expect the lead worker to have taken it up.

For each professional named in plan.md's core_group (anyone among the
case's people not marked family = true: the lead worker and the agencies),
the rule reads this authority's core group meetings up to the as-of date,
or the end of the plan, and counts a meeting as missed when the member
neither attended nor sent a written report to it (apologies alone are not
taking part). It fires at the second of two consecutive missed meetings
(the profile's missed_core_groups_in_a_row),
reported on that meeting's attended line, and again only after the member
has taken part once more. A member the minutes first name at a later
meeting (in attended, apologies or written_reports) is taken to have
joined there (1.8 §3 ¶7: the lead social worker invites members as
needed), and earlier meetings are not counted against them; under
combined only when a conference came between (Stoke-on-Trent: the
conference agrees the membership), the stricter reading. The lead
worker has not missed a meeting another social worker of the authority
attended for them (covering leave or sickness: 1.8 §3, "becomes
unavailable").

The lead worker's manager and a conference chair named in core_group are
not counted either: the manager chairs the first meetings and later ones
"as necessary" (1.8 §4), and the chair advises the group (§5.7); neither
is a member with direct contact who is expected at every meeting. The child
and the family are not counted: the procedure's responsibilities
of members ("in accordance with their own agency functions", "specialist
advice", agency reports) are an agency's, and a parent who stops coming is
a failure of cooperation for the lead worker to act on (1.8 §5.9), not a
member neglecting a duty. It is on under the oxfordshire and combined
profiles; under stoke-on-trent, absent-member-without-report asks for a
written report from every absent professional at every meeting.`,
	Bad: `# core-groups/2026-09-04.md
attended = ["Nadia Okafor", "Rhiannon Bevan", "Owen Pritchard"]
apologies = ["Dr Fiona Marsh"]
# core-groups/2026-10-02.md
attended = ["Nadia Okafor", "Rhiannon Bevan", "Owen Pritchard"]`,
	Good: `# core-groups/2026-09-04.md
attended = ["Nadia Okafor", "Rhiannon Bevan", "Owen Pritchard"]
apologies = ["Dr Fiona Marsh"]
written_reports = ["Dr Fiona Marsh"]
# core-groups/2026-10-02.md
attended = ["Nadia Okafor", "Rhiannon Bevan", "Owen Pritchard", "Dr Fiona Marsh"]`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"missed two core groups", "professional missed core groups in a row", "repeated non attendance at core group"},
	Related:  []string{"absent-member-without-report", "first-core-group-not-as-set", "incomplete-core-group", "late-first-core-group", "missing-absent-views", "overdue-core-group", "unchaired-core-group"},
	Run:      runMissedCoreGroups,
}

func runMissedCoreGroups(pass *lint.Pass) error {
	until := pass.Until()
	var meetings []*schema.CoreGroup
	for _, cg := range pass.Case.PlanCoreGroups() {
		if !cg.Date.After(until) && cg.Doc.Keys.Has("attended") {
			meetings = append(meetings, cg)
		}
	}
	limit := pass.Profile.MissedCoreGroupsInARow
	if limit <= 0 || len(meetings) < limit {
		return nil
	}
	for _, m := range pass.Case.CoreGroupMembers() {
		if !pass.Case.IsProfessional(m) || pass.Case.IsLeadWorkersManager(m) || pass.Case.IsConferenceChair(m) {
			continue
		}
		var missed []*schema.CoreGroup
		for _, cg := range pass.Case.MemberMeetings(meetings, m, pass.Profile.Base == lint.ProfileOxfordshire) {
			if pass.Case.TookPart(cg, m) || pass.Case.CoveredFor(cg, m) {
				missed = missed[:0]
				continue
			}
			missed = append(missed, cg)
			if len(missed) != limit {
				continue
			}
			var dates []string
			for _, x := range missed {
				dates = append(dates, x.Date.Long())
			}
			pass.ReportOccurrencef("member "+m, cg.Doc, cg.Doc.At("attended"),
				"%s, a member of the core group, has missed %d meetings in a row (%s), neither attending nor sending a written report: every member attends and takes part in core group meetings; the lead worker should discuss it with them and, if it continues, with their manager, and record why they could not attend (%s)",
				pass.Case.NameWithRole(m), limit, joinWithAnd(dates), cite(pass))
		}
	}
	return nil
}
