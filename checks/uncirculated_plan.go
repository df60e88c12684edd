package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UncirculatedPlan: the plan was not copied to a professional of the core
// group, or to the conference chair.
var UncirculatedPlan = &lint.Rule{
	ID:       "uncirculated-plan",
	Title:    "No copy of the plan to a professional of the core group or to the conference chair is recorded",
	Severity: lint.Note,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "Circulate the core group minutes and the Child Protection Plan to members of the core group, including parents/carers and the child/young person (depending on age and understanding) and the Conference and Review Manager"},
		{Source: Oxon, Paragraph: "§3 ¶9", Quote: "To circulate the record of Core Group meetings and the Child Protection Plan to members of the Core Group, including parents and the child (depending on his or her age and understanding), and the Independent Conference Chair"},
		{Source: Oxon, Paragraph: "§5.5", Quote: "Core Group Meetings, including the Child Protection Plan must be recorded and circulated promptly to Core Group members and the Independent Conference Chair"},
	},
	Text: `The lead worker circulates the Child Protection Plan to the members of the
core group and to the conference chair (the Conference and Review Manager in
Stoke-on-Trent, the Independent Conference Chair in Oxfordshire). plan.md
records each copy given in a [[copies]] table.

The rule fires once for each professional of the core group (anyone in
core_group who is among the case's people and is neither family nor the
child) with no recorded copy, reported on that member in core_group; and once when
no copy to a conference chair is recorded (someone whose role in case.md is
a chair's, or who chaired one of the case's conferences), reported on the
plan's type line. The
lead worker, who circulates the plan, and the manager who countersigned it
need no copy. A copy dated after the day linted has not been given yet.
The copies of the family and the child, in their language, are
missing-plan-copy's concern.

It is a note, not a warning: many authorities record in [[copies]] only the
family's copies, in their language, and send the professionals theirs with
the core group minutes, so a copy not recorded is not proof that none was
sent. Raise it to a warning in the config where [[copies]] records every
copy.`,
	Bad: `lead_worker = "Aisha Patel"
core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green"]

[[copies]]
to = "Sam Doe"
given = 2026-01-15`,
	Good: `lead_worker = "Aisha Patel"
core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green"]

[[copies]]
to = "Sam Doe"
given = 2026-01-15

[[copies]]
to = "Dr Kim Green"
given = 2026-01-15

[[copies]]
to = "Chris Hall"   # the independent conference chair
given = 2026-01-15`,
	Since:    "0.1.0",
	Synonyms: []string{"plan not circulated", "plan not sent to core group", "chair not sent plan", "no record of plan being shared"},
	Related:  []string{"missing-plan-copy", "uncountersigned-plan"},
	Run:      runUncirculatedPlan,
}

func runUncirculatedPlan(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil || pass.Case.Record == nil {
		return nil
	}
	c := pass.Case
	until := pass.Until()
	hasCopy := func(who func(string) bool) bool {
		for _, cp := range plan.Copies {
			if (cp.Given.IsZero() || !cp.Given.After(until)) && who(cp.To) {
				return true
			}
		}
		return false
	}
	signed := ""
	if !pass.Profile.IsPlaceholder(plan.CountersignedBy) && !plan.Countersigned.IsZero() && !plan.Countersigned.After(until) {
		signed = plan.CountersignedBy
	}
	var done []string
	for i, m := range plan.CoreGroup {
		if !c.IsProfessional(m) || c.IsLeadWorker(m) || (signed != "" && lint.SamePerson(m, signed)) || lint.AmongPeople(m, done) {
			continue
		}
		done = append(done, m)
		if hasCopy(func(to string) bool { return lint.SamePerson(to, m) }) {
			continue
		}
		pass.ReportOccurrencef("member "+m, doc, doc.AtElem(i, "core_group"),
			"%s is a professional of the core group but has no recorded copy of the plan: the lead worker circulates the plan to every member of the core group; send them a copy and record it in a [[copies]] table (%s)",
			pass.Case.NameWithRole(m), cite(pass))
	}
	if !hasCopy(c.IsConferenceChair) {
		who, add := chairTitle(pass), ", and add the chair to [[people]] in case.md"
		if chairs := c.ConferenceChairs(); len(chairs) > 0 {
			who, add = who+", "+strings.Join(chairs, " or ")+",", ""
		}
		pass.Reportf(doc, doc.TypeLine(),
			"no copy of the plan to %s is recorded: the lead worker circulates the plan to the core group and to %s; send one and record it in a [[copies]] table%s (%s)",
			who, chairTitle(pass), add, cite(pass))
	}
	return nil
}

// chairTitle is the conference chair's title in the profile's procedure.
func chairTitle(pass *lint.Pass) string {
	switch pass.Profile.Base {
	case lint.ProfileStoke:
		return "the Conference and Review Manager"
	case lint.ProfileOxfordshire:
		return "the Independent Conference Chair"
	}
	return "the conference chair"
}
