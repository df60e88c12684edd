package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

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
Owner column of the table under "## Actions" and fires for a row whose owner
is empty, a placeholder (TBC, ?, N/A), a group rather than a person (all,
everyone, professionals, agencies, core group, family, parents), or a name
that is neither the child nor one of the people in case.md. A role in
brackets after the name is allowed: "Dr Kim Green (GP)". Several owners may
share an action ("Sam Doe and Aisha Patel"); each must be named.

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
	Since: "0.1.0",
	Run:   runUnnamedActionOwner,
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
	for _, a := range t.Rows {
		if problem := ownerProblem(pass, a.Owner.Text); problem != "" {
			pass.Reportf(plan.Doc, a.Owner.Line, "%s %s (%s)", actionName(a), problem, cite(pass))
		}
	}
	return nil
}

// ownerProblem says what is wrong with an action's owner, or "" when it
// names the child or people of the case.
func ownerProblem(pass *lint.Pass, owner string) string {
	const fix = "name the person responsible for it, a professional or a family member from case.md's [[people]]"
	owner = strings.TrimSpace(owner)
	if isOwnerPlaceholder(pass, owner) {
		if owner == "" {
			return "has no owner: " + fix
		}
		return fmt.Sprintf("has no owner yet (%q): %s", owner, fix)
	}
	if pass.Case.Known(owner) {
		return ""
	}
	for _, part := range splitOwners(owner) {
		switch {
		case isOwnerPlaceholder(pass, part):
			return fmt.Sprintf("has an owner that is not named (%q): %s", owner, fix)
		case inList(part, pass.Profile.Words.CollectiveOwners):
			return fmt.Sprintf("is ascribed to %q, a group rather than a person: name the one member responsible for it, so that everyone knows who will do it", part)
		}
	}
	if pass.Case.Record == nil {
		return "" // case.md could not be read: who is known cannot be told
	}
	for _, part := range splitOwners(owner) {
		if !pass.Case.Known(part) {
			return fmt.Sprintf("is ascribed to %s, who is not among the people in case.md: add them to [[people]] there, or correct the name%s", part, pass.Case.SuggestPerson(part))
		}
	}
	return ""
}

// isOwnerPlaceholder reports whether an owner is empty or only a placeholder
// (the profile's words, and "?").
func isOwnerPlaceholder(pass *lint.Pass, owner string) bool {
	words := append([]string{"?"}, pass.Profile.Words.Placeholders...)
	return schema.IsPlaceholder(owner, words)
}

// splitOwners splits an owner cell naming several people: "Sam Doe and
// Aisha Patel", "Sam Doe, Lee Morgan", "Sam Doe / Lee Morgan".
func splitOwners(owner string) []string {
	f := func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '&' || r == '+' }
	var out []string
	for _, p := range strings.FieldsFunc(owner, f) {
		for _, q := range splitWord(p, "and") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	if len(out) == 0 {
		return []string{owner}
	}
	return out
}

// splitWord splits s at each whole-word, case-insensitive occurrence of w.
func splitWord(s, w string) []string {
	fields := strings.Fields(s)
	var out []string
	var cur []string
	for _, f := range fields {
		if strings.EqualFold(f, w) {
			out = append(out, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, f)
	}
	return append(out, strings.Join(cur, " "))
}

// actionName names an action for a message: "action A3", or its text,
// shortened: `action "Find a tenancy worker for Sam…"`.
func actionName(a schema.Action) string {
	if id := strings.TrimSpace(a.ID); id != "" {
		return "action " + id
	}
	text := strings.Join(strings.Fields(a.Action.Text), " ")
	if text == "" {
		return "an action"
	}
	const maxLen = 40
	if utf8.RuneCountInString(text) > maxLen {
		r := []rune(text)
		text = strings.TrimSpace(string(r[:maxLen])) + "…"
	}
	return fmt.Sprintf("action %q", text)
}
