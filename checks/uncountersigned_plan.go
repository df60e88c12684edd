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
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase, schema.KindVisit, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§04", Quote: "Read and countersign conference reports and the Child Protection Plan"},
		{Source: Oxon, Paragraph: "§4", Quote: "Read and countersign Conferences Reports and the Child Protection Plan"},
	},
	Text: `The lead worker's manager must read and countersign the Child Protection
Plan. plan.md records who countersigned it (countersigned_by) and when
(countersigned).

The rule fires when there is no countersignature (empty or a placeholder),
when it is not dated, dated after the day linted or before this plan
started (a draft's or an earlier plan's signature), or when it is not the
lead worker's manager's: not the plan's manager when the plan names one,
otherwise not someone whose role in case.md is a line manager's (a team,
deputy, assistant, practice or service manager, a team leader). A Review
Team Manager, a Conference and Review Manager or an Independent Reviewing
Officer chairs and reviews and manages no lead worker, nor does another
agency's manager; the lead worker cannot countersign as their own manager.
The manager is the one of the day the plan was countersigned: a plan
countersigned before the case changed hands was countersigned by the
manager then, as plan.md's [[previous_lead]] records them or, when it
records none, as the records show them (docs/format.md); it is not signed
again by the next manager.
A plan that names as manager the lead worker, or someone of the conference
and review service (a chair, a Review Team Manager), is reported on the
manager line. Otherwise the finding is on the
countersigned_by line, or the plan's type line when there is none.`,
	Bad: `lead_worker = "Aisha Patel"
manager = "Rob Jones"
countersigned_by = "Aisha Patel"`,
	Good: `lead_worker = "Aisha Patel"
manager = "Rob Jones"
countersigned_by = "Rob Jones"
countersigned = 2026-01-20`,
	Since:    "0.1.0",
	Synonyms: []string{"plan not countersigned", "manager did not sign plan", "no manager sign off", "plan not signed off"},
	Related:  []string{"core-member-without-part", "incomplete-core-group", "missing-core-group", "missing-lead-worker", "missing-plan-copy", "uncirculated-plan", "unqualified-lead-worker"},
	Run:      runUncountersignedPlan,
}

func runUncountersignedPlan(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	c := pass.Case
	by := strings.TrimSpace(plan.CountersignedBy)
	manager := c.LeadWorkersManager()
	at := doc.At("countersigned_by")
	who := "the lead worker's manager"
	if manager != "" && c.IsLeadWorkersManager(manager) {
		who += " " + manager
	}
	switch {
	case pass.Profile.IsPlaceholder(by):
		pass.Reportf(doc, at,
			"the plan has not been countersigned: %s must read and countersign it; record who did in countersigned_by and when in countersigned (%s)",
			who, cite(pass))
		return nil
	case manager != "" && !c.IsLeadWorkersManager(manager):
		// The plan names as manager someone who cannot be: the lead
		// worker, or an independent conference chair.
		why := "the lead worker"
		if !c.IsLeadWorker(manager) {
			why = "of the conference and review service, independent of the lead worker's line, and manage no lead worker"
		}
		pass.Reportf(doc, doc.At("manager"),
			"the plan names %s as the lead worker's manager, but they are %s: name the lead worker's line manager in manager, and have them countersign the plan (%s)",
			pass.Case.NameWithRole(manager), why, cite(pass))
		return nil
	case manager != "" && !c.IsLeadWorkersManagerOn(by, plan.Countersigned):
		// The manager on the day it was countersigned: before the case
		// changed hands, the manager then.
		if m := c.LeadWorkersManagerOn(plan.Countersigned); m != "" && !lint.SamePerson(m, manager) {
			who = "the lead worker's manager then, " + m
		}
		pass.Reportf(doc, at,
			"the plan is countersigned by %s, not by %s: the lead worker's manager must read and countersign the plan (%s)",
			by, who, cite(pass))
		return nil
	case manager == "" && c.Person(by) == nil:
		// Not among the case's people: invalid-record reports it.
		return nil
	case manager == "" && !c.IsLeadWorkersManagerOn(by, plan.Countersigned):
		pass.Reportf(doc, at,
			"the plan is countersigned by %s, who is not the lead worker's line manager: the lead worker's manager must read and countersign the plan; name them in manager and countersigned_by (%s)",
			pass.Case.NameWithRole(by), cite(pass))
		return nil
	}
	switch {
	case plan.Countersigned.IsZero():
		pass.Reportf(doc, at,
			"the countersignature is not dated: record in countersigned the date %s countersigned the plan (%s)",
			by, cite(pass))
	case plan.Countersigned.After(pass.Until()):
		pass.Reportf(doc, doc.At("countersigned"),
			"the plan was not yet countersigned on %s: the countersignature is dated %s; %s must read and countersign the plan (%s)",
			pass.Until().Long(), plan.Countersigned.Long(), who, cite(pass))
	case !c.PlanStart().IsZero() && plan.Countersigned.Before(c.PlanStart()):
		// Signed before the conference made this plan: a draft, or an
		// earlier plan's signature carried into this one.
		pass.Reportf(doc, doc.At("countersigned"),
			"the countersignature is dated %s, before this plan started on %s: it cannot be this plan's; %s must read and countersign the plan the conference made, and record the date (%s)",
			plan.Countersigned.Long(), c.PlanStart().Long(), who, cite(pass))
	}
	return nil
}
