package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UncountersignedPlan: the plan is not countersigned by the lead worker's
// manager.
var UncountersignedPlan = &lint.Rule{
	ID:       "uncountersigned-plan",
	Title:    "The plan is not countersigned by the lead worker's manager",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§04", Quote: "Read and countersign conference reports and the Child Protection Plan"},
		{Source: Oxon, Paragraph: "§4", Quote: "Read and countersign Conferences Reports and the Child Protection Plan"},
	},
	Text: `The lead worker's manager must read and countersign the Child Protection
Plan. plan.md records who countersigned it (countersigned_by) and when
(countersigned).

The rule fires when there is no countersignature, when it is not dated, or
when it is not the lead worker's manager's: not the plan's manager when
the plan names one, otherwise not someone whose role in case.md is a
manager's ("team manager"; the conference and review manager chairs
conferences and does not count). It is reported on the countersigned_by
line, or the plan's type line when there is none.`,
	Bad: `lead_worker = "Aisha Patel"
manager = "Rob Jones"
countersigned_by = "Aisha Patel"`,
	Good: `lead_worker = "Aisha Patel"
manager = "Rob Jones"
countersigned_by = "Rob Jones"
countersigned = 2026-01-20`,
	Since: "0.1.0",
	Run:   runUncountersignedPlan,
}

func runUncountersignedPlan(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	by := strings.TrimSpace(plan.CountersignedBy)
	manager := strings.TrimSpace(plan.Manager)
	at := doc.At("countersigned_by")
	who := "the lead worker's manager"
	if manager != "" {
		who += " " + manager
	}
	switch {
	case by == "":
		pass.Reportf(doc, at,
			"the plan has not been countersigned: %s must read and countersign it; record who did in countersigned_by and when in countersigned (%s)",
			who, cite(pass))
		return nil
	case manager != "":
		if schema.PersonKey(by) != schema.PersonKey(manager) {
			pass.Reportf(doc, at,
				"the plan is countersigned by %s, not by %s: the lead worker's manager must read and countersign the plan (%s)",
				by, who, cite(pass))
			return nil
		}
	default:
		p := pass.Case.Person(by)
		if p == nil {
			// Not among the case's people: invalid-record reports it.
			return nil
		}
		if !lint.IsLineManagerRole(p.Role) {
			pass.Reportf(doc, at,
				"the plan is countersigned by %s, who is not the lead worker's line manager: the lead worker's manager must read and countersign the plan; name them in manager and countersigned_by (%s)",
				nameWithRole(pass, by), cite(pass))
			return nil
		}
	}
	if plan.Countersigned.IsZero() {
		pass.Reportf(doc, at,
			"the countersignature is not dated: record in countersigned the date %s countersigned the plan (%s)",
			by, cite(pass))
	}
	return nil
}
