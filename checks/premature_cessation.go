package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// PrematureCessation: the plan ended before the minimum length without
// exceptional circumstances.
var PrematureCessation = &lint.Rule{
	ID:       "premature-cessation",
	Title:    "The plan ended before the minimum length without exceptional circumstances",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "The decision to cease a Child Protection Plan should not be considered for at least six months after the decision to create a Child Protection Plan, unless there are exceptional circumstances for doing so"},
	},
	Text: `A Child Protection Plan should not be ceased until at least six months after
the decision that made it (Stoke-on-Trent C06 §07), unless there are
exceptional circumstances. The rule fires when plan.md's [cessation] date is
before the same day six months after the plan started (the profile's
minimum_plan_length; the start is the conference that made this
authority's plan, the transfer conference for a child who moved in, as for
every timescale) and exceptional_circumstances is empty, a placeholder, says there were none
("None identified", "No exceptional circumstances", "Not applicable",
"nil"), or does not say what they were: a single word ("Yes", "x"),
only a pointer to elsewhere ("See minutes", "Yes - see minutes"), or only
who agreed or where ("Agreed by chair", "Approved by TM Jo Price at review
conference"): a decision is not the circumstances that justified it.

Some endings are not decisions to cease and are exempt: the child reached 18,
died, left the UK, moved to another authority, or became looked after
(written as people write them: "turned 18", "moved area", "now looked
after"). It must be the child who died or left the UK: a reason naming
someone else as the one who died or left ("No longer at risk - alleged
abuser deceased", "Risk removed - father has left the UK") is a judgement
that the child is no longer at risk, and not exempt. The exemption holds only when the record bears the reason out: a
plan closed as "reached 18" for a child who was 17 that day, as "looked
after" with no legal status in force, or as "moved to another authority"
with no transfer conference, is not exempt (and invalid-cessation-reason
reports the reason).

The finding points at plan.md's [cessation] header.`,
	Bad: `started = 2026-01-12

[cessation]
date = 2026-05-01
reason = "no longer at risk"`,
	Good: `started = 2026-01-12

[cessation]
date = 2026-05-01
reason = "no longer at risk"
exceptional_circumstances = "Jamie moved to live with his father in Scotland under a residence order; no contact with the alleged abuser"`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Synonyms: []string{"plan ended too soon", "plan ended too early", "plan ended before minimum length", "ended before three months"},
	Related:  []string{"cessation-without-conference", "invalid-cessation-reason", "plan-not-ended", "unsupported-cessation"},
	Run:      runPrematureCessation,
}

func runPrematureCessation(pass *lint.Pass) error {
	plan := pass.Case.Plan
	minimum := pass.Profile.MinimumPlanLength
	if plan == nil || plan.Doc == nil || pass.Case.CessationOfThisPlan() == nil || minimum.IsZero() {
		return nil
	}
	// An earlier plan's [cessation] left in plan.md is not this plan's
	// ending (plan-start-mismatch asks for it to be taken out).
	c := pass.Case.CessationOfThisPlan()
	// The start of this authority's plan: its initial or transfer
	// conference (lint/start.go), not a started date mistyped.
	started := pass.Case.PlanStart()
	if started.IsZero() || c.Date.IsZero() {
		return nil
	}
	// A reason that ends the plan by itself is exempt, unless the record
	// contradicts it (invalid-cessation-reason says how): a plan closed as
	// "reached 18" for a 17-year-old is a decision to cease like any other.
	reason, ok := pass.Case.CessationReason()
	if ok && lint.SelfEnding(reason) && pass.Case.CessationContradiction() == "" {
		return nil
	}
	// A written "no" ("None identified", "Not applicable") records no
	// circumstances.
	if lint.ExceptionalCircumstancesRecorded(pass.Profile, c.ExceptionalCircumstances) {
		return nil
	}
	earliest := pass.Calendar.Add(started, minimum)
	if !c.Date.Before(earliest) {
		return nil
	}
	said := ""
	switch ec := strings.TrimSpace(c.ExceptionalCircumstances); {
	case lint.SaysNone(ec):
		said = fmt.Sprintf(", and exceptional_circumstances %q says there were none", lint.Brief(ec))
	case ec != "" && !pass.Profile.IsPlaceholder(ec):
		said = fmt.Sprintf(", and exceptional_circumstances %q does not say what they were", lint.Brief(ec))
	}
	pass.Reportf(plan.Doc, endCessationLine(pass),
		"the plan ended on %s, less than %s after it started on %s (cessation should not be considered before %s)%s: record the exceptional circumstances that justified ending it early in exceptional_circumstances (%s)",
		c.Date.Long(), minimum, started.Long(), earliest.Long(), said, cite(pass))
	return nil
}
