package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// PlanPastEighteen: the plan is still active on or after the child's 18th
// birthday.
var PlanPastEighteen = &lint.Rule{
	ID:       "plan-past-eighteen",
	Title:    "The plan is still active on or after the child's 18th birthday",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "A child should no longer be the subject of a Child Protection Plan if ... The child reaches the age of 18 years"},
		{Source: ChildrenAct, Paragraph: "s.105(1)", Quote: "\"child\" means, subject to paragraph 16 of Schedule 1, a person under the age of eighteen"},
	},
	Text: `A child should no longer be the subject of a Child Protection Plan once
they reach the age of 18. The rule fires when the child's 18th birthday
(from case.md's [child] born) is on or before the as-of date and the plan
has not ended before it: there is no [cessation], or its date is after the
birthday. A plan that ends on the birthday, with reason "reached 18", is
right. A child born on 29 February reaches 18 on 1 March in a year without
a 29 February (English law: an age is attained at the start of the
anniversary of the birth, and the full years must have run). It is
reported on plan.md's type line.`,
	Bad: `# case.md: born = 2008-11-20
# plan.md, as of 2026-11-20: no [cessation]`,
	Good: `# plan.md
[cessation]
date = 2026-11-20
reason = "reached 18"`,
	Since:    "0.1.0",
	Synonyms: []string{"plan past 18", "child turned 18 still on plan", "plan continues after eighteenth birthday"},
	Related:  []string{"care-order-with-plan", "invalid-cessation-reason", "looked-after-with-plan", "plan-not-ended"},
	Run:      runPlanPastEighteen,
	Due:      duePlanPastEighteen,
}

// eighteenthBirthday is the child's 18th birthday when the plan has not
// ended before it (no [cessation], or one dated after it): the day the
// plan must end by, whatever the day linted. runPlanPastEighteen and
// duePlanPastEighteen share it.
func eighteenthBirthday(pass *lint.Pass) (schema.Date, bool) {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return schema.Date{}, false
	}
	eighteen, ok := pass.Case.BirthdayOf(lint.AdultAge)
	if !ok || !pass.Case.PlanActiveAfter(pass.Profile, eighteen) {
		return schema.Date{}, false
	}
	return eighteen, true
}

func runPlanPastEighteen(pass *lint.Pass) error {
	eighteen, ok := eighteenthBirthday(pass)
	if !ok || eighteen.After(pass.AsOf) {
		return nil
	}
	plan := pass.Case.Plan
	pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
		"%s reached the age of 18 on %s but the plan %s: a child should no longer be the subject of a Child Protection Plan once they reach 18; end the plan with [cessation] reason = \"reached 18\" dated %s (%s)",
		pass.Case.ChildName(), eighteen.Long(), endState(pass), eighteen.Long(), cite(pass))
	return nil
}

// duePlanPastEighteen is the plan's ending at the child's 18th birthday,
// while plan.md records none on or before it. The rule reports it from the
// birthday itself (the plan ends that day, and plan.md says so), so the
// last day it is in time is the day before, reported on plan.md's type
// line.
func duePlanPastEighteen(pass *lint.Pass) []lint.Obligation {
	eighteen, ok := eighteenthBirthday(pass)
	if !ok {
		return nil
	}
	var born *schema.Document
	if r := pass.Case.Record; r != nil {
		born = r.Doc
	}
	plan := pass.Case.Plan
	return []lint.Obligation{{Key: "end-at-eighteen",
		What: `the plan ended on the child's 18th birthday (the day after this date): [cessation] dated the birthday, reason "reached 18"`,
		Due:  eighteen.AddDays(-1), From: lint.SourceOf(born, "born"), Doc: plan.Doc, Offset: plan.Doc.TypeLine()}}
}
