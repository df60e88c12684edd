package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// OutcomeWithoutAction: an outcome of the plan that no action serves.
var OutcomeWithoutAction = &lint.Rule{
	ID:       "outcome-without-action",
	Title:    "An outcome of the plan has no action to achieve it",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Set out realistic strategies and specific actions to achieve the planned outcomes"},
		{Source: Oxon, Paragraph: "§1", Quote: "Include realistic strategies and specific actions to achieve the planned outcomes"},
	},
	Text: `An outcome is only a hope unless the plan says what will be done to
achieve it. Every outcome in the Outcomes list must be named, by its id, in
the Outcome column of at least one action.

The rule fires for an outcome whose id no action names, and for an outcome
item that opens with no id ("O1:" or "**O1**"), since no action can be
linked to it, and for one served only by actions naming every outcome
("All": "Review progress at each core group"), which are no specific
action to achieve it when the plan has more than one. Outcomes lettered or numbered in roman ("a.", "(ii)") are
named by their letter or numeral ("(a)", "b"). It is reported on the
outcome's list item. Actions written under a sub-heading that opens with an
outcome ("### O1: Mia is supervised at home", "**Outcome 2**") serve that
outcome when they name none. When the plan has
no actions section at all, or one written in prose rather than as a table
or a list of labelled actions, missing-plan-section reports that instead.
Actions written as a list link to outcomes with an Outcome: field or with
ids in brackets after the action's id ("A3 (O2): ...").`,
	Bad: `## Outcomes
1. O1: Jamie attends school every day.
2. O2: Sam keeps the home safe and warm.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Walk Jamie to school | Sam Doe | weekly | O1 |`,
	Good: `## Outcomes
1. O1: Jamie attends school every day.
2. O2: Sam keeps the home safe and warm.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Walk Jamie to school | Sam Doe | weekly | O1 |
| A2 | Refer to the housing repairs team | Aisha Patel | 2026-02-01 | O2 |`,
	Since:    "0.1.0",
	Synonyms: []string{"outcome has no action", "no action for outcome", "nothing in plan to achieve outcome"},
	Related:  []string{"conference-without-outcomes", "core-member-without-part", "dropped-conference-outcome", "missing-action-timescale", "unaddressed-need", "unlinked-action", "unnamed-action-owner"},
	Run:      runOutcomeWithoutAction,
}

func runOutcomeWithoutAction(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	body := planBody(pass)
	// Without actions that can be read (no Actions section, or one in
	// prose) missing-plan-section reports the section instead.
	if body == nil || len(body.Outcomes) == 0 || !planSectionWritten(pass, body, "actions") || body.Actions == nil {
		return nil
	}
	served := map[string]bool{}
	// byAll are, for each outcome, the first action naming every outcome
	// ("All"): a review of the whole plan is no specific action to
	// achieve any one of them, when the plan has more than one.
	byAll := map[string]string{}
	all := planOutcomeOrder(body)
	for _, a := range body.Actions.Rows {
		every := len(all) > 1 && namesEveryOutcome(a.Outcome.Text)
		for _, r := range actionOutcomeRefs(a.Outcome.Text, all) {
			if !every {
				served[r] = true
			} else if byAll[r] == "" {
				byAll[r] = planActionLabel(a)
			}
		}
	}
	for _, o := range body.Outcomes {
		switch id := strings.ToUpper(o.ID); {
		case id == "":
			pass.Reportf(doc, o.Offset,
				"this outcome has no id, so no action can be linked to it: open the item with an id (O1: ...) and name it in the Outcome column of the actions that will achieve it (%s)",
				cite(pass))
		case !served[id] && byAll[id] != "":
			pass.Reportf(doc, o.Offset,
				"no specific action serves outcome %s, only %s for every outcome: add to the actions table the specific actions, with owner and timescale, that will achieve it, and name %s in their Outcome column (%s)",
				outcomeName(o.ID), byAll[id], outcomeName(o.ID), cite(pass))
		case !served[id]:
			pass.Reportf(doc, o.Offset,
				"no action serves outcome %s: add to the actions table the specific actions, with owner and timescale, that will achieve it, and name %s in their Outcome column (%s)",
				outcomeName(o.ID), outcomeName(o.ID), cite(pass))
		}
	}
	return nil
}
