package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// PlanStartMismatch: the plan's start is not the date of the conference that
// decided on it.
var PlanStartMismatch = &lint.Rule{
	ID:       "plan-start-mismatch",
	Title:    "The plan's start date is not the date of the conference that decided on it",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: CINCensus, Paragraph: "validation rule 2885"},
	},
	Text: `A Child Protection Plan starts on the day a conference decides the child
should be the subject of one: an initial conference, or a transfer
conference when the child has moved from another authority. The Children in
Need census rejects a plan whose start date is not the date of such a
conference, and every timescale the linter checks (the first core group,
the first review, seeing the child) counts from that day.

The rule fires when plan.md's started is not the date of an initial or
transfer conference in the case that decided "plan". It is reported on the
started line.`,
	Bad: `# conferences/2026-01-12-initial.md: kind = "initial", decision = "plan"

# plan.md
started = 2026-01-22   # the first core group, not the conference`,
	Good:  `started = 2026-01-12`,
	Since: "0.1.0",
	Run:   runPlanStartMismatch,
}

func runPlanStartMismatch(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil || plan.Started.IsZero() {
		return nil
	}
	var deciding []*schema.Conference
	for _, cf := range pass.Case.Conferences {
		if (cf.Kind == schema.ConferenceInitial || cf.Kind == schema.ConferenceTransfer) && cf.Decision == schema.DecisionPlan && !cf.Date.IsZero() {
			if cf.Date == plan.Started {
				return nil
			}
			deciding = append(deciding, cf)
		}
	}
	if len(deciding) == 0 {
		pass.Reportf(doc, doc.At("started"),
			"the plan started on %s, but no initial or transfer conference in the case decided on a plan that day: add the record of the conference that made the plan, or correct started (%s)",
			plan.Started.Long(), cite(pass))
		return nil
	}
	// The conference nearest the start is the likeliest one meant.
	best := deciding[0]
	for _, cf := range deciding[1:] {
		if absDays(cf.Date.DaysUntil(plan.Started)) < absDays(best.Date.DaysUntil(plan.Started)) {
			best = cf
		}
	}
	pass.Reportf(doc, doc.At("started"),
		"the plan started on %s, but %s decided on the plan on %s (%s): a plan starts on the day of the conference decision; set started = %s (%s)",
		plan.Started.Long(), conferenceKindName(best.Kind), best.Date.Long(), pathInCase(pass, best.Doc), best.Date, cite(pass))
	return nil
}

func absDays(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
