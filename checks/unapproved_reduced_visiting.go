package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnapprovedReducedVisiting: reduced visiting without the agreement and the
// chair's approval the procedure requires.
var UnapprovedReducedVisiting = &lint.Rule{
	ID:       "unapproved-reduced-visiting",
	Title:    "Reduced visiting is not agreed or not approved by the independent chair",
	Severity: lint.Error,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "a reduced level of visiting to at least every 4 weeks by the lead social worker can be agreed in supervision with the Team Manager and approved by the Independent Chair"},
	},
	Text: `The lead social worker must see the child alone, or a baby awake, at least
every 2 weeks. Only when the core group agrees that the main risk factors have
been addressed and recommends that the plan end at the next conference may
visiting be reduced to at least every 4 weeks; the reduction must be agreed in
supervision with the Team Manager and approved by the Independent Chair.

The reduction is agreed by this plan's core group "in the review period"
and applies to the visits still to come: an agreement dated before this
authority's plan started (the initial conference, or the transfer conference
for a child who moved in), copied from an earlier plan or made under the
previous authority's plan, is not in force.

The rule fires when plan.md has a [reduced_visiting] table with no "agreed"
date, or one dated before the plan started, or whose "approved_by" is empty,
is not among the case's people, or is not an independent conference chair (a
person whose role is "independent conference chair" or "conference and
review manager"). approved_by may name the Team Manager who agreed it in
supervision beside the chair who approved it ("Owen Clarke (TM) and Priya
Shah (IRO)", "Priya Shah, Independent Chair"): the chair named approves it;
words that are neither one of the case's people nor the chair's role
("Priya Shah - to confirm") are no approval. Until it is put right, unseen-child holds the child to the
usual interval.

The finding points at the [reduced_visiting] header.`,
	Bad: `[reduced_visiting]
agreed = 2026-06-01
approved_by = "Owen Clarke"     # the team manager, not the chair`,
	Good: `[reduced_visiting]
agreed = 2026-06-01             # agreed in supervision with Owen Clarke
approved_by = "Priya Shah"      # role = "independent conference chair"`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"reduced visiting not approved", "chair did not approve reduced visits", "reduced visits not agreed"},
	Related:  []string{"missing-not-seen-reason", "stale-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unrecorded-birth", "unseen-bedroom", "unseen-child"},
	Run:      runUnapprovedReducedVisiting,
}

func runUnapprovedReducedVisiting(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || plan.ReducedVisiting == nil {
		return nil
	}
	rv := plan.ReducedVisiting
	var problems []string
	if rv.Agreed.IsZero() {
		problems = append(problems, "has no \"agreed\" date: record when it was agreed in supervision with the Team Manager")
	}
	if pass.Case.ReducedVisitingBeforePlan() {
		problems = append(problems, fmt.Sprintf("is dated before this plan started on %s, so it is not this plan's core group's agreement and is not in force (one carried over from an earlier plan, or from the previous authority's, lapses with it): if this plan's core group has agreed a reduction, record the date it was agreed in supervision with the Team Manager; otherwise remove [reduced_visiting]",
			pass.Case.PlanStart().Long()))
	}
	approver := strings.TrimSpace(rv.ApprovedBy)
	switch {
	case pass.Profile.IsPlaceholder(approver):
		problems = append(problems, "names no approver: it must be approved by the Independent Chair (\"approved_by\")")
	case pass.Profile.Done(approver) == "":
		problems = append(problems, fmt.Sprintf("has approved_by %q, which says it is not yet approved: it must be approved by the Independent Chair; record them in approved_by once they have approved it", approver))
	case pass.Case.ApprovedByChair(approver, pass.Profile):
		// The chair approved it, named alone or beside the Team Manager.
	case pass.Case.Person(approver) == nil:
		problems = append(problems, fmt.Sprintf("is approved by %s, who is not among the people in case.md: name the Independent Chair who approved it, and add them to [[people]]", approver))
	case !pass.Case.IsConferenceChair(approver):
		p := pass.Case.Person(approver) // its case.md name: approved_by may carry a role in brackets
		role := strings.TrimSpace(p.Role)
		if role == "" {
			role = "no recorded role"
		}
		problems = append(problems, fmt.Sprintf("is approved by %s (%s), who is not an independent conference chair: it must be approved by the Independent Chair", p.Name, role))
	}
	if len(problems) == 0 {
		return nil
	}
	what := "reduced visiting"
	if !rv.Agreed.IsZero() {
		what = "reduced visiting agreed on " + rv.Agreed.Long()
	}
	pass.Reportf(plan.Doc, plan.Doc.At("reduced_visiting"),
		"%s %s; until then %s must be seen alone at least as often as without it (%s)",
		what, strings.Join(problems, ", and "), pass.Case.ChildName(), cite(pass))
	return nil
}
