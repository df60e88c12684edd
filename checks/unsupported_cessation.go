package checks

import (
	"fmt"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnsupportedCessation: the plan ended without telling the core group, or
// without saying what help follows.
var UnsupportedCessation = &lint.Rule{
	ID:       "unsupported-cessation",
	Title:    "The plan ended without notifying the core group or recording the help that follows",
	Severity: lint.Warning,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§07", Quote: "notification must be sent, as a minimum, to all those agencies' representatives involved with the child ... The Conference and Review Manager should also write to the parents/carers and the child (depending on his/her age and understanding) advising them of the decision ... discontinuing the Child Protection Plan should never lead to the automatic withdrawal of help"},
	},
	Text: `When a plan ends, notification must be sent, as a minimum, to everyone
involved with the child, and the parents and carers told of the decision;
and ending the plan should never lead to the automatic withdrawal of help:
the lead worker discusses what services are still needed, such as a Child
in Need Plan.

The rule fires, on plan.md's [cessation] line, when:

- a member of the plan's core_group other than the lead worker, or the
  child aged 10 or over on the cessation date (named by case.md's
  [child] name, whether or not in the core group), is not in [cessation]
  notified (one finding naming everyone missing). C06 §07 has the child
  written to "depending on his/her age and understanding"; caselint reads
  it as 10 or over, as for the child's own copy of the plan. A younger
  child may be listed; it is not required, nor when the child died.
- [cessation] follow_up is missing, empty or a placeholder, or says only
  that nothing follows ("NFA", "no further action", "case closed", "none
  required"): record the help that follows (a child in need plan) or why
  none is needed ("NFA: the family has left the UK").`,
	Bad: `[cessation]
date = 2026-11-02
reason = "no longer at risk"
notified = ["Dana Price"]
follow_up = "TBC"`,
	Good: `[cessation]
date = 2026-11-02
reason = "no longer at risk"
notified = ["Dana Price", "Dr Alan Webb", "Megan Cole", "Ellie"]
follow_up = "Child in need plan; first CIN meeting 2026-11-16"`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Synonyms: []string{"core group not told plan ended", "no support after plan ended", "no child in need plan after ending", "family not told plan ended"},
	Related:  []string{"cessation-without-conference", "invalid-cessation-reason", "plan-not-ended", "premature-cessation"},
	Run:      runUnsupportedCessation,
}

func runUnsupportedCessation(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || pass.Case.CessationOfThisPlan() == nil {
		return nil
	}
	// An earlier plan's [cessation] left in plan.md is not this plan's
	// ending (plan-start-mismatch asks for it to be taken out).
	cess := pass.Case.CessationOfThisPlan()
	at := endCessationLine(pass)
	// Those told: "Ellie (not told)" or "Dr Kim Green (letter to follow)"
	// records that they were not (lint.Profile.DoneAll).
	notified := pass.Profile.DoneAll(cess.Notified)
	var missing []string
	for _, m := range plan.CoreGroup {
		if schema.PersonKey(m) == "" || pass.Case.IsChild(m) || lint.AmongPeople(m, []string{plan.LeadWorker}) {
			continue
		}
		if !lint.AmongPeople(m, notified) && !lint.AmongPeople(m, missing) {
			missing = append(missing, m)
		}
	}
	// The child of age and understanding is told in their own right,
	// whether or not a member of the core group.
	reason, _ := pass.Case.CessationReason()
	if child := pass.Case.ChildName(); reason != lint.ReasonDied && pass.Case.OfAgeAndUnderstandingOn(cess.Date) && !childAmong(pass, notified) {
		age, _ := pass.Case.AgeOn(cess.Date)
		missing = append(missing, fmt.Sprintf("%s (the child, aged %d)", child, age))
	}
	if len(missing) > 0 {
		who := "is"
		if len(missing) > 1 {
			who = "are"
		}
		pass.Reportf(plan.Doc, at,
			"the plan ended on %s but %s %s not recorded as notified: tell every member of the core group, and the child aged %d or over, that the plan has ended, and add them to [cessation] notified (%s)",
			cgDateWords(cess.Date), joinWithAnd(missing), who, lint.UnderstandingAge, cite(pass))
	}
	if !lint.FollowUpRecorded(pass.Profile, cess.FollowUp) {
		what := "records no follow-up"
		if !pass.Profile.IsPlaceholder(cess.FollowUp) {
			what = fmt.Sprintf("follow_up %q says neither what help follows nor why none is needed", lint.Brief(cess.FollowUp))
		}
		pass.Reportf(plan.Doc, at,
			"the plan's cessation %s: ending the plan should never lead to the automatic withdrawal of help; record in follow_up the services that follow (a child in need plan), or why none are needed (%s)",
			what, cite(pass))
	}
	return nil
}

// childAmong reports whether names include the child, by [child] name (a
// role in brackets ignored, as for people).
func childAmong(pass *lint.Pass, names []string) bool {
	for _, n := range names {
		if pass.Case.IsChild(n) {
			return true
		}
	}
	return false
}
