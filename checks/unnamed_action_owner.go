package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnnamedActionOwner: an action of the plan is not ascribed to a named
// person.
var UnnamedActionOwner = &lint.Rule{
	ID:       "unnamed-action-owner",
	Title:    "An action has no named owner",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Be clear about who will have responsibility for what actions - including actions by family members - and within what specified timescales"},
		{Source: Oxon, Paragraph: "§1", Quote: "Responsibility for tasks ascribed to specific members of the conference, including family members"},
	},
	Text: `Every action in the plan must be ascribed to a specific person, professional
or family member, so that everyone knows who will do it. The rule reads the
owner of each action under "## Actions" and fires for an action whose owner
is empty, a placeholder (TBC, ?, N/A, Unknown), a group rather than a person
(all, everyone, professionals, agencies, core group, family, parents), a
role that could be several people ("Health Visitor" when case.md has two),
or a name that is neither the child nor one of the people in case.md.

A role in brackets after the name is allowed ("Dr Kim Green (GP)"), and so is
a name in brackets after a role ("Mum (Sam Doe)"). Several owners may share
an action ("Sam Doe and Aisha Patel", "Sam Doe / Dr Kim Green", "Sam Doe
supported by Aisha Patel"); each must be named. A role that names exactly one
of the case's people is specific enough: "Mum" when case.md has one mother,
"GP", "lead worker" or "social worker" for the plan's lead worker, "team
manager" for its manager. The child may own an action of their own.

An action written as a sentence in a list, with no Owner field, is owned by
the person its words name as the one who will do it: "Sam Doe will ...",
"Mum to ...", "... to be completed by Aisha Patel", "Weekly visits by
Aisha Patel", "Complete a safety plan - Aisha Patel - 12/06/2026".
"School to ...", "Support Mum to ...", "Safety plan to be completed" or
"Follow the safety plan written by Aisha Patel" (she wrote it; who follows
it?) name no owner, and are reported as having none.

A finding points at the action's row; a table with no Owner column at all
gets one finding, at its header row.`,
	Bad: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Register Jamie with a dentist | TBC | 2026-02-01 | O2 |
| A2 | Attend parenting course | parents | weekly | O1 |`,
	Good: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Register Jamie with a dentist | Sam Doe | 2026-02-01 | O2 |
| A2 | Attend parenting course | Sam Doe | weekly | O1 |`,
	Since:    "0.1.0",
	Synonyms: []string{"no named owner", "action has no owner", "nobody responsible for action", "owner is tbc", "no named person for action"},
	Related:  []string{"core-member-without-part", "missing-action-timescale", "outcome-without-action", "unlinked-action"},
	Run:      runUnnamedActionOwner,
}

func runUnnamedActionOwner(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || plan.Doc.Body == nil || plan.Doc.Body.Actions == nil {
		return nil
	}
	t := plan.Doc.Body.Actions
	if !t.HasColumn("owner") {
		pass.Reportf(plan.Doc, t.Offset,
			"the actions table has no Owner column: add one and name the person responsible for each action, including actions by family members (%s)",
			cite(pass))
		return nil
	}
	for i, a := range t.Rows {
		owner := pass.Case.ActionOwner(&t.Rows[i], pass.Profile)
		if problem := ownerProblem(pass, owner.Text); problem != "" {
			pass.Reportf(plan.Doc, owner.Line, "%s %s (%s)", planActionLabel(a), problem, cite(pass))
		}
	}
	return nil
}

// ownerProblem says what is wrong with an action's owner, or "" when each
// owner it names is the child or one of the case's people, by name or by a
// role that names only them (lint.Case.Owners).
func ownerProblem(pass *lint.Pass, owner string) string {
	const fix = "name the person responsible for it, a professional or a family member from case.md's [[people]]"
	owner = strings.TrimSpace(owner)
	owners := pass.Case.Owners(owner, pass.Profile)
	if len(owners) == 1 && owners[0].Kind == lint.OwnerPlaceholder {
		if owner == "" {
			return "has no owner: " + fix
		}
		return fmt.Sprintf("has no owner yet (%q): %s", owner, fix)
	}
	for _, o := range owners {
		switch o.Kind {
		case lint.OwnerPlaceholder:
			return fmt.Sprintf("has an owner that is not named (%q): %s", owner, fix)
		case lint.OwnerCollective:
			return fmt.Sprintf("is ascribed to %q, a group rather than a person: name the one member responsible for it, so that everyone knows who will do it", o.Text)
		case lint.OwnerAmbiguous:
			return fmt.Sprintf("is ascribed to %q, which could be %s: name the one person responsible for it", o.Text, joinWords(o.Candidates, "or"))
		}
	}
	if pass.Case.Record == nil {
		return "" // case.md could not be read: who is known cannot be told
	}
	for _, o := range owners {
		if o.Kind == lint.OwnerUnknown {
			return fmt.Sprintf("is ascribed to %s, who is not among the people in case.md: add them to [[people]] there, or correct the name%s", o.Text, pass.Case.SuggestPerson(o.Text))
		}
	}
	return ""
}
