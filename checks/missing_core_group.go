package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingCoreGroup: the plan names no core group, or a member the case does
// not know.
var MissingCoreGroup = &lint.Rule{
	ID:       "missing-core-group",
	Title:    "The plan names no core group, or a member not among the case's people",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Identify the lead worker and who will be members of the core group"},
		{Source: Stoke, Paragraph: "§05", Quote: "membership should include the lead social worker, the child/young person if appropriate, family members and professionals or foster carers who will have direct contact with the family"},
		{Source: Oxon, Paragraph: "§1", Quote: "Identify the Lead Social Worker and who will be members of the Core Group"},
		{Source: Oxon, Paragraph: "§5.2", Quote: "Membership will be agreed by the Child Protection Conference"},
	},
	Text: `The plan must identify who the members of the core group are: the lead
social worker, the child if appropriate, family members, carers and the
professionals who have direct contact with the family. plan.md lists them
in core_group, each by the name they have in case.md (the child by
[child].name).

The rule fires when core_group is missing, empty or holds only placeholders
such as TBC (reported on the core_group line, or the plan's type line when
there is none), and once for each member who is a placeholder, or neither
the child nor among the case's people (reported on that name).`,
	Bad:      `core_group = ["Aisha Patel", "Sam Doe", "the school"]`,
	Good:     `core_group = ["Aisha Patel", "Sam Doe", "Lee Morgan (class teacher)", "Dr Kim Green"]`,
	Since:    "0.1.0",
	Synonyms: []string{"no core group named", "core group not listed in plan", "core group member not in case", "plan names no core group"},
	Related:  []string{"core-member-without-part", "incomplete-core-group", "missing-lead-worker", "uncountersigned-plan", "unqualified-lead-worker"},
	Run:      runMissingCoreGroup,
}

func runMissingCoreGroup(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	named := 0
	for _, m := range plan.CoreGroup {
		if !pass.Profile.IsPlaceholder(m) {
			named++
		}
	}
	if named == 0 {
		pass.Reportf(doc, doc.At("core_group"),
			"the plan names no core group: list in core_group the lead social worker, family members and the professionals in direct contact with the family, as agreed by the conference (%s)",
			cite(pass))
		return nil
	}
	if pass.Case.Record == nil {
		return nil
	}
	for i, m := range plan.CoreGroup {
		m = strings.TrimSpace(m)
		switch {
		case pass.Profile.IsPlaceholder(m):
			pass.ReportOccurrencef("unnamed "+m, doc, doc.AtElem(i, "core_group"),
				"an unnamed member in the core group (%q): name the member, or remove the entry (%s)",
				m, cite(pass))
		case !pass.Case.Known(m):
			pass.ReportOccurrencef("unknown "+m, doc, doc.AtElem(i, "core_group"),
				"core group member %q is not among the people in case.md%s: add them to [[people]] there, or correct the name (%s)",
				m, pass.Case.SuggestPerson(m), cite(pass))
		}
	}
	return nil
}
