package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnlinkedAction: an action is not linked to an outcome of the plan.
var UnlinkedAction = &lint.Rule{
	ID:       "unlinked-action",
	Title:    "An action is not linked to an outcome of the plan",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Set out realistic strategies and specific actions to achieve the planned outcomes"},
		{Source: Oxon, Paragraph: "§1", Quote: "Short term and longer term aims and objectives that are clearly linked to reducing the likelihood of harm to the child"},
	},
	Text: `Each action in the plan should serve one of the plan's outcomes, so that
everyone can see how it reduces the likelihood of harm to the child and the
core group can monitor progress against the planned outcomes. The Outcome
column of the actions table (or, in a list of actions, the Outcome:,
Outcomes: or Linked to: field, or the ids in brackets after the action's id:
"A3 (O2): ...") names the ids of the outcomes the action serves ("O1",
"O1, O3"; case does not matter).

The rule fires for an action whose Outcome column is empty or a
placeholder, or names an id that is not among the items of the plan's
Outcomes list. It is reported on the action's row, or on the line of the
Outcome: field of an action in a list. Outcomes lettered or numbered in
roman ("a.", "(ii)") are named by their letter or numeral ("(a)", "b",
"a to c"). When the plan's Outcomes section has outcomes but none with an
id (a bulleted list, prose), an action naming an id is reported all the
same: it names an outcome the plan does not have. When the plan has no
Outcomes section, or only a placeholder, only actions that name no outcome
are reported: missing-plan-section reports the missing outcomes.`,
	Bad: `## Outcomes
1. O1: Jamie attends school every day.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Walk Jamie to school | Sam Doe | weekly | O4 |`,
	Good: `## Outcomes
1. O1: Jamie attends school every day.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Walk Jamie to school | Sam Doe | weekly | O1 |`,
	Since:    "0.1.0",
	Synonyms: []string{"action not linked to outcome", "action with no outcome", "action does not say which outcome"},
	Related:  []string{"conference-without-outcomes", "core-member-without-part", "dropped-conference-outcome", "missing-action-timescale", "outcome-without-action", "unaddressed-need", "unnamed-action-owner"},
	Run:      runUnlinkedAction,
}

func runUnlinkedAction(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	body := planBody(pass)
	if body == nil || body.Actions == nil {
		return nil
	}
	ids := planOutcomeIDs(body)
	for _, a := range body.Actions.Rows {
		refs := actionOutcomeRefs(a.Outcome.Text, planOutcomeOrder(body))
		if pass.Profile.IsPlaceholder(a.Outcome.Text) || len(refs) == 0 {
			where := "in the Outcome column"
			if body.Actions.List {
				where = "in an Outcome: field (or in brackets after its id: A1 (O1): ...)"
			}
			pass.Reportf(doc, a.Outcome.Line,
				"%s is linked to no outcome: name %s the outcome it serves (such as O1), so that it is clearly linked to reducing the likelihood of harm to the child (%s)",
				planActionLabel(a), where, cite(pass))
			continue
		}
		var unknown []string
		for _, r := range refs {
			if !ids[r] {
				unknown = append(unknown, r)
			}
		}
		switch {
		case len(unknown) == 0:
		case len(ids) == 0 && !planSectionWritten(pass, body, "outcomes"):
			// No outcomes written: missing-plan-section reports the
			// section, once, rather than every action here.
		case len(ids) == 0:
			what := "none of them opens with an id"
			if len(body.Outcomes) == 0 {
				what = "none can be read as a list of outcomes"
			}
			word := "outcome"
			if len(unknown) > 1 {
				word = "outcomes"
			}
			pass.Reportf(doc, a.Outcome.Line,
				"%s names %s %s, which the plan does not have: its Outcomes section has outcomes, but %s; open each with its id (O1: ...) and link the action to the one it serves (%s)",
				planActionLabel(a), word, outcomeNames(unknown), what, cite(pass))
		case len(unknown) == 1:
			pass.Reportf(doc, a.Outcome.Line,
				"%s names outcome %s, which the plan does not have: link it to one of the plan's outcomes (%s), or add %s to the Outcomes list (%s)",
				planActionLabel(a), outcomeName(unknown[0]), planOutcomeList(body), outcomeName(unknown[0]), cite(pass))
		default:
			pass.Reportf(doc, a.Outcome.Line,
				"%s names outcomes %s, which the plan does not have: link it to the plan's outcomes (%s), or add them to the Outcomes list (%s)",
				planActionLabel(a), outcomeNames(unknown), planOutcomeList(body), cite(pass))
		}
	}
	return nil
}

// planOutcomeList lists the plan's outcome ids in order: "O1, O2, O3",
// or "(a), (b)".
func planOutcomeList(body *schema.Body) string {
	var ids []string
	for _, o := range body.Outcomes {
		if o.ID != "" {
			ids = append(ids, outcomeName(o.ID))
		}
	}
	return strings.Join(ids, ", ")
}
