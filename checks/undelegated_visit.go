package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UndelegatedVisit: someone other than the lead worker saw the child with
// no written delegation agreed by the lead worker's manager.
var UndelegatedVisit = &lint.Rule{
	ID:       "undelegated-visit",
	Title:    "A visit by someone other than the lead worker has no written delegation agreed by their manager",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "In exceptional circumstances, responsibility for personal contact with the child may have to be delegated. If so, this must be agreed and recorded under an explicit, written agreement, agreed by the manager of the Lead Social Worker and the worker to whom the contact is delegated"},
	},
	Text: `Personal contact with the child is the lead social worker's responsibility.
In exceptional circumstances it may be delegated, but only under an explicit,
written agreement, agreed by the lead social worker's manager and the worker
to whom contact is delegated, and monitored by the lead social worker.

The rule fires on a visit whose "by" is not the plan's lead worker unless the
record names the lead worker in delegated_by and, in delegation_agreed, the
lead worker's manager (the plan's manager; when the plan names none, someone
whose role is a manager other than a conference chair). Both are those of
the day of the visit: before the case changed hands, the lead worker and
manager then, as plan.md's [[previous_lead]] records them or, when it
records none, as the records show them (docs/format.md). Contact is
delegated only to a worker, never to a family member.

A visit by another social worker of the authority covering for the lead
worker (a person whose role is a social worker, or the lead worker's
manager, of the authority's children's services where the agency is
written; not a hospital, CAMHS, adult or YOT social worker, nor one of
another authority, nor a health visitor or teacher recorded qualified) is
not a delegation: cover for sickness, leave and training is
arranged by the manager (Oxfordshire 1.8 §3, §4) and the rule stays quiet.
Visits before the plan started, or before the child was born, are not
checked. A visit this rule reports does not count as the lead worker seeing
the child for unseen-child.

The finding points at the visit's by line.`,
	Bad: `date = 2026-05-11T10:00:00
by = "Ben Hughes"`,
	Good: `date = 2026-05-11T10:00:00
by = "Ben Hughes"
delegated_by = "Hannah Price"       # the lead worker
delegation_agreed = "Owen Clarke"   # her manager, in the written agreement`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"visit not delegated", "no delegation agreement", "someone else visited without written delegation", "visit by other professional not agreed by manager"},
	Related:  []string{"missing-not-seen-reason", "stale-reduced-visiting", "unapproved-reduced-visiting", "unescalated-refusal", "unrecorded-birth", "unseen-bedroom", "unseen-child"},
	Run:      runUndelegatedVisit,
}

func runUndelegatedVisit(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || strings.TrimSpace(plan.LeadWorker) == "" {
		return nil // missing-lead-worker's concern
	}
	for _, v := range pass.PlanVisits() {
		// The lead worker and their manager on the day of the visit: before
		// the case changed hands, those who held it then.
		day := v.Date.Date
		lead := pass.Case.LeadWorkerOn(day)
		if lead == "" {
			lead = leadWorkerName(pass)
		}
		manager := leadWorkersManagerPhraseOn(pass, day)
		by := strings.TrimSpace(v.By)
		if by == "" || pass.Case.Standing(v) != lint.NotLeadWorkersVisit {
			continue // the lead worker, cover by a social worker, or delegated
		}
		if !pass.Case.IsBornOn(v.Date.Date) {
			continue
		}
		del, agreed := strings.TrimSpace(v.DelegatedBy), strings.TrimSpace(v.DelegationAgreed)
		if pass.Profile.IsPlaceholder(del) {
			del = "" // "N/A": no delegation recorded
		}
		if pass.Profile.IsPlaceholder(agreed) {
			agreed = ""
		}
		var problems []string
		switch {
		case del == "" && agreed == "":
			problems = append(problems, "the record names no written delegation (delegated_by, delegation_agreed)")
		case del == "":
			problems = append(problems, "the record does not say the lead worker delegated it (delegated_by)")
		case pass.Profile.Done(del) == "":
			problems = append(problems, fmt.Sprintf("delegated_by says %q, not that the lead worker delegated it", del))
		case !pass.Case.IsLeadWorkerOn(del, day):
			problems = append(problems, fmt.Sprintf("it was delegated by %s, not by the lead worker", del))
		}
		switch {
		case agreed == "" && del != "":
			problems = append(problems, "the record does not say which manager agreed the written delegation (delegation_agreed)")
		case agreed != "" && pass.Profile.Done(agreed) == "":
			problems = append(problems, fmt.Sprintf("delegation_agreed says %q, not that the manager agreed it: record the manager in delegation_agreed once they have agreed in writing, and the request in the visit's notes", agreed))
		case agreed != "" && !pass.Case.IsLeadWorkersManagerOn(agreed, day):
			problems = append(problems, fmt.Sprintf("the delegation was agreed by %s, not by the lead worker's manager", agreed))
		}
		if len(problems) == 0 && pass.Case.IsFamily(by) {
			problems = append(problems, by+" is family, and contact with the child is delegated only to a worker")
		}
		if len(problems) == 0 {
			continue // not among the people: invalid-record's concern
		}
		pass.Reportf(v.Doc, visitKeyAt(v.Doc, "by"),
			"%s, not the lead worker %s, visited %s on %s, but %s: contact may be delegated only under an explicit, written agreement agreed by %s; record the lead worker in delegated_by and the manager in delegation_agreed (%s)",
			by, lead, pass.Case.ChildName(), v.Date.Date.Long(), joinWithAnd(problems), manager, cite(pass))
	}
	return nil
}
