package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// CoreMemberWithoutPart: a member of the core group owns no action of the
// plan.
var CoreMemberWithoutPart = &lint.Rule{
	ID:       "core-member-without-part",
	Title:    "A member of the core group has no part in the plan's actions",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§1", Quote: "Responsibility for tasks ascribed to specific members of the conference, including family members"},
		{Source: Oxon, Paragraph: "§5.6", Quote: "The Plan will have active intervention by members of the Core Group"},
		{Source: Oxon, Paragraph: "§5.7", Quote: "Child Protection Plans should be formulated with the specific roles of the Core Group members in mind so that everyone is clear about the individual and shared responsibilities"},
	},
	Text: `The plan is formulated with the specific roles of the core group members in
mind: each member, family members included, has a part in it, so that
everyone is clear about their individual and shared responsibilities.

The rule fires once for each member of plan.md's core_group who owns no
action of the plan, alone or shared ("Sam Doe and Aisha Patel"), by name or
by a role that names only them ("Mum", "GP"). It is reported on that member
in core_group. The child, the lead worker (whose part the procedure sets:
coordinating the plan and seeing the child, in the Contact arrangements),
the lead worker's manager (supervising, chairing the first core groups)
and the conference chair are not asked for an action. Names not among the
case's people are missing-core-group's concern; a plan with no actions, or
no Owner column, is missing-plan-section's and unnamed-action-owner's.

It is on under Oxfordshire (and combined): Stoke-on-Trent C06 §05 speaks of
"professionals who are members of the core group and have responsibilities
within the Child Protection Plan", so a member without an action is not a
breach there.`,
	Bad: `core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green", "Lee Morgan"]

| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Take Jamie to school each morning | Sam Doe | weekly | O1 |
| A2 | Report attendance to the lead worker | Lee Morgan | fortnightly | O1 |`,
	Good: `core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green", "Lee Morgan"]

| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Take Jamie to school each morning | Sam Doe | weekly | O1 |
| A2 | Report attendance to the lead worker | Lee Morgan | fortnightly | O1 |
| A3 | Check Jamie's weight and health | Dr Kim Green (GP) | 2026-02-15 | O2 |`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"core group member has no action", "professional has no part in plan", "core group member with nothing to do"},
	Related:  []string{"incomplete-core-group", "missing-action-timescale", "missing-core-group", "missing-lead-worker", "outcome-without-action", "uncountersigned-plan", "unlinked-action", "unnamed-action-owner", "unqualified-lead-worker"},
	Run:      runCoreMemberWithoutPart,
}

func runCoreMemberWithoutPart(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil || pass.Case.Record == nil || doc.Body == nil || doc.Body.Actions == nil ||
		len(doc.Body.Actions.Rows) == 0 || !doc.Body.Actions.HasColumn("owner") {
		return nil
	}
	c := pass.Case
	var done []string
	for i, m := range plan.CoreGroup {
		m = strings.TrimSpace(m)
		switch {
		case c.Person(m) == nil, c.IsChild(m), c.IsLeadWorker(m), c.IsLeadWorkersManager(m),
			c.IsConferenceChair(m), lint.AmongPeople(m, done):
			continue
		}
		done = append(done, m)
		if c.OwnsAction(m, pass.Profile) {
			continue
		}
		who := "professional"
		if c.IsFamily(m) {
			who = "family member"
		}
		pass.ReportOccurrencef("member "+m, doc, doc.AtElem(i, "core_group"),
			"%s is a %s of the core group but owns no action of the plan: the plan should be formulated with the specific roles of the core group members in mind; ascribe to %s the tasks that are theirs (%s)",
			pass.Case.NameWithRole(m), who, strings.TrimSpace(c.Person(m).Name), cite(pass))
	}
	return nil
}
