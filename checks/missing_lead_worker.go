package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingLeadWorker: the plan names no lead worker, or one the case does not
// know.
var MissingLeadWorker = &lint.Rule{
	ID:       "missing-lead-worker",
	Title:    "The plan has no lead worker among the case's people",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Identify the lead worker and who will be members of the core group"},
		{Source: Stoke, Paragraph: "§03", Quote: "The lead worker is the lead professional who must take responsibility for ..."},
		{Source: Oxon, Paragraph: "§3", Quote: "Each child with a Child Protection Plan must have a Lead Social Worker"},
	},
	Text: `Each child with a Child Protection Plan must have a lead social worker,
who coordinates the multi-agency work under the plan. plan.md names them in
lead_worker, by the name they have in case.md's [[people]].

The rule fires when lead_worker is missing, empty or a placeholder (TBC,
Unknown, to follow), or names someone who
is not among the case's people (a misspelt name, someone never added to
case.md, or the child), or names them with a note in brackets saying they
are no longer the child's lead worker ("Sarah Bennett (left 30/10)", "(to
be reallocated)": the profile's lead_worker_gone; a lead worker on leave
is covered, not gone). It is reported on the lead_worker line, or on the
plan's type line when there is none.`,
	Bad:      `lead_worker = "TBC"`,
	Good:     `lead_worker = "Aisha Patel"   # in case.md: [[people]] name = "Aisha Patel", qualified = true`,
	Since:    "0.1.0",
	Synonyms: []string{"no lead worker", "lead social worker not named", "plan has no lead worker", "no allocated social worker"},
	Related:  []string{"core-member-without-part", "incomplete-core-group", "missing-core-group", "uncountersigned-plan", "unqualified-lead-worker"},
	Run:      runMissingLeadWorker,
}

func runMissingLeadWorker(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	lead := pass.Case.LeadWorker()
	switch {
	case pass.Profile.IsPlaceholder(lead):
		pass.Reportf(doc, doc.At("lead_worker"),
			"the plan names no lead worker: every child with a Child Protection Plan must have a lead social worker; name them in lead_worker as they are named in case.md (%s)",
			cite(pass))
	case pass.Case.Record == nil:
		// case.md could not be read: who the people are is unknown.
	case pass.Case.IsChild(lead):
		pass.Reportf(doc, doc.At("lead_worker"),
			"the lead worker cannot be the child: name the qualified social worker who leads the plan (%s)",
			cite(pass))
	case pass.Case.Person(lead) == nil:
		pass.Reportf(doc, doc.At("lead_worker"),
			"the lead worker %q is not among the people in case.md%s: add them to [[people]] there (with qualified = true), or correct the name (%s)",
			lead, pass.Case.SuggestPerson(lead), cite(pass))
	case pass.Case.LeadWorkerGone():
		pass.Reportf(doc, doc.At("lead_worker"),
			"the plan names %q as lead worker, but the note says they are no longer the child's lead worker: every child with a Child Protection Plan must have a lead social worker; allocate one and name them in lead_worker (%s)",
			strings.TrimSpace(lead), cite(pass))
	}
	return nil
}
