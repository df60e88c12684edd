package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnqualifiedLeadWorker: the lead worker is not a qualified social worker.
var UnqualifiedLeadWorker = &lint.Rule{
	ID:       "unqualified-lead-worker",
	Title:    "The lead worker is not a qualified social worker",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "The lead worker will always be a qualified social worker"},
		{Source: Oxon, Paragraph: "§3", Quote: "The Lead Social Worker will always be a suitably qualified and experienced social worker"},
	},
	Text: `The lead worker will always be a qualified social worker. case.md records
this with qualified = true on the lead worker's [[people]] entry.

The rule fires when the plan's lead_worker is among the case's people but
is not marked qualified = true (a student social worker, a family support
worker). It is reported on the lead_worker line. A lead worker who is not
among the case's people at all is missing-lead-worker's concern.`,
	Bad: `# case.md
[[people]]
name = "Lee Brown"
role = "family support worker"

# plan.md
lead_worker = "Lee Brown"`,
	Good: `# case.md
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true

# plan.md
lead_worker = "Aisha Patel"`,
	Since: "0.1.0",
	Run:   runUnqualifiedLeadWorker,
}

func runUnqualifiedLeadWorker(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	p := pass.Case.Person(plan.LeadWorker)
	if p == nil || p.Qualified {
		return nil
	}
	pass.Reportf(doc, doc.At("lead_worker"),
		"the lead worker %s is not recorded as a qualified social worker, and the lead worker must always be one: name a qualified social worker as lead worker, or, if %s is qualified, set qualified = true on their entry in case.md (%s)",
		nameWithRole(pass, plan.LeadWorker), p.Name, cite(pass))
	return nil
}
