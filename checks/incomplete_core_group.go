package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// IncompleteCoreGroup: the core group leaves out the lead worker, or has no
// family member.
var IncompleteCoreGroup = &lint.Rule{
	ID:       "incomplete-core-group",
	Title:    "The core group leaves out the lead worker or the family",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "membership should include the lead social worker, the child/young person if appropriate, family members and professionals or foster carers who will have direct contact with the family"},
		{Source: Oxon, Paragraph: "§5.2", Quote: "should include the Lead Social Worker, who leads the Core Group, the child if appropriate, family members, carers and professionals who have direct contact with the family"},
	},
	Text: `The core group is led by the lead social worker and includes family
members, and the professionals and carers in direct contact with the family
(and the child, if appropriate). plan.md lists the members in core_group.

The rule fires, on the core_group line:

- when core_group does not include the plan's lead_worker;
- when it includes no family member: nobody who is marked family = true
  among case.md's [[people]] (the child does not count as a family member
  here).

It stays quiet when core_group is empty (missing-core-group's concern), on
the lead worker when lead_worker is not among the case's people
(missing-lead-worker's), and on the family when a member is not among the
case's people, since it cannot tell whether they are family
(missing-core-group reports the name). A parent excluded from the core group
is a reviewed exception: suppress the finding with the reason.`,
	Bad: `lead_worker = "Aisha Patel"
core_group = ["Dr Kim Green", "Lee Morgan"]`,
	Good: `lead_worker = "Aisha Patel"
core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green", "Lee Morgan"]`,
	Since: "0.1.0",
	Run:   runIncompleteCoreGroup,
}

func runIncompleteCoreGroup(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	var members []string
	for _, m := range plan.CoreGroup {
		if strings.TrimSpace(m) != "" {
			members = append(members, m)
		}
	}
	if len(members) == 0 {
		return nil
	}
	known := pass.Case.Record != nil

	if lw := strings.TrimSpace(plan.LeadWorker); lw != "" && (!known || pass.Case.Person(lw) != nil) && !lint.AmongPeople(lw, members) {
		pass.Reportf(doc, doc.At("core_group"),
			"the core group does not include the lead worker, %s: the lead social worker leads the core group; add %s to core_group (%s)",
			nameWithRole(pass, lw), lw, cite(pass))
	}

	if !known {
		return nil
	}
	for _, m := range members {
		if pass.Case.IsChild(m) {
			continue
		}
		p := pass.Case.Person(m)
		if p == nil {
			return nil // cannot tell: missing-core-group reports the name
		}
		if pass.Case.IsFamily(m) {
			return nil
		}
	}
	var family []string
	for _, p := range pass.Case.Record.People {
		if pass.Case.IsFamily(p.Name) && strings.TrimSpace(p.Name) != "" {
			family = append(family, nameWithRole(pass, p.Name))
		}
	}
	who := "case.md marks no one family = true: add the child's parents or carers to [[people]] there, and to core_group"
	if len(family) > 0 {
		who = "case.md lists " + joinWithAnd(family) + ": add them to core_group"
	}
	pass.Reportf(doc, doc.At("core_group"),
		"the core group includes no family member: membership should include family members, so that they are involved in the plan; %s, or, where a parent has been excluded, suppress this finding with the reason (%s)",
		who, cite(pass))
	return nil
}
