package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// IncompleteCoreGroup: the core group leaves out the lead worker, or has no
// family member; or (Oxfordshire) a meeting's minutes record no decisions.
var IncompleteCoreGroup = &lint.Rule{
	ID:       "incomplete-core-group",
	Title:    "The core group leaves out the lead worker or the family, or its minutes record no decisions",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "membership should include the lead social worker, the child/young person if appropriate, family members and professionals or foster carers who will have direct contact with the family"},
		{Source: Oxon, Paragraph: "§5.2", Quote: "should include the Lead Social Worker, who leads the Core Group, the child if appropriate, family members, carers and professionals who have direct contact with the family"},
		{Source: Oxon, Paragraph: "§5.3", Quote: "The detailed Child Protection Plan, together with any other decisions made and actions agreed at the Core Group should be recorded and circulated by the Lead Social Worker"},
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
is a reviewed exception: suppress the finding with the reason.

Under the oxfordshire and combined profiles the rule also reads the minutes
of this authority's core group meetings up to the as-of date, or the end of
the plan (for a child who moved in, the previous authority's meetings kept
in the case are history): the decisions made and actions agreed at each
meeting must be recorded (1.8 §5.3), under a "## Decisions" heading or one
of its variants ("Decisions and actions", "Actions agreed", "Agreed
actions", "Decisions made", "Actions", or other words about decisions or
actions: "Key decisions", "Actions arising"). It fires when a meeting's record
has no such section (reported on its type line), or one that is empty or
only a placeholder such as TBC or "to follow" (reported on its heading). A
meeting that decided nothing new says so ("No change to the plan; next
meeting 2 October"), which is an answer. Stoke-on-Trent C06 asks the
minutes to include the absent members' views (missing-absent-views), not a
decisions section.`,
	Bad: `lead_worker = "Aisha Patel"
core_group = ["Dr Kim Green", "Lee Morgan"]`,
	Good: `lead_worker = "Aisha Patel"
core_group = ["Aisha Patel", "Sam Doe", "Dr Kim Green", "Lee Morgan"]

# core-groups/2026-02-05.md (oxfordshire)
## Decisions and actions
Sam Doe to take Jamie to the dentist by 20 February; next meeting 5 March.`,
	Since:    "0.1.0",
	Synonyms: []string{"core group missing lead worker", "family not in core group", "core group minutes record no decisions", "no decisions recorded at core group"},
	Related:  []string{"absent-member-without-report", "core-member-without-part", "missed-core-groups", "missing-absent-views", "missing-core-group", "missing-lead-worker", "unchaired-core-group", "uncountersigned-plan", "unqualified-lead-worker"},
	Run:      runIncompleteCoreGroup,
}

func runIncompleteCoreGroup(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	if pass.Profile.Base != lint.ProfileStoke {
		coreGroupDecisions(pass)
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
		pass.ReportOccurrencef("lead worker "+lw, doc, doc.At("core_group"),
			"the core group does not include the lead worker, %s: the lead social worker leads the core group; add %s to core_group (%s)",
			pass.Case.NameWithRole(lw), lw, cite(pass))
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
			family = append(family, pass.Case.NameWithRole(p.Name))
		}
	}
	who := "case.md marks no one family = true: add the child's parents or carers to [[people]] there, and to core_group"
	if len(family) > 0 {
		who = "case.md lists " + joinWithAnd(family) + ": add them to core_group"
	}
	pass.ReportOccurrencef("no family member", doc, doc.At("core_group"),
		"the core group includes no family member: membership should include family members, so that they are involved in the plan; %s, or, where a parent has been excluded, suppress this finding with the reason (%s)",
		who, cite(pass))
	return nil
}

// coreGroupDecisions reports this plan's core group meetings whose minutes
// record no decisions and actions (Oxfordshire 1.8 §5.3).
func coreGroupDecisions(pass *lint.Pass) {
	until := pass.Until()
	why := citeOnly(pass, Oxon, "§5.3")
	for _, cg := range pass.Case.PlanCoreGroups() {
		if cg.Date.After(until) || cg.Doc.Body == nil {
			continue
		}
		sec := cg.Doc.Body.Section("decisions")
		switch {
		case sec == nil:
			pass.Reportf(cg.Doc, cg.Doc.TypeLine(),
				"the minutes of the core group of %s record no decisions: the decisions made and actions agreed at the meeting are recorded; add a \"## Decisions\" section (or \"Decisions and actions\") saying what was decided, by whom and by when (%s)",
				cg.Date.Long(), why)
		case planSectionEmpty(pass, sec):
			pass.Reportf(cg.Doc, sec.HeadingOffset,
				"the decisions in the minutes of the core group of %s are empty or a placeholder: record the decisions made and actions agreed at the meeting, or that it decided nothing new (%s)",
				cg.Date.Long(), why)
		}
	}
}
