package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// CessationWithoutConference: a plan ended as "no longer at risk" without a
// quorate review conference deciding so.
var CessationWithoutConference = &lint.Rule{
	ID:       "cessation-without-conference",
	Title:    "The plan ended as no longer at risk without a quorate review conference deciding it",
	Severity: lint.Error,
	Family:   FamilyEndingPlan,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "If a child on a child protection plan becomes looked after under section 20 of the Children Act 1989 then the child protection plan will remain in place until the review conference, where it will be discharged"},
		{Source: Stoke, Paragraph: "§07", Quote: "The decision to cease a Child Protection Plan can only be made by a quorate Child Protection conference ... only a Child Protection Review Conference can decide that a Child Protection Plan is no longer necessary"},
		{Source: Oxon, Paragraph: "§3", Quote: "The Core Group recommendation is that Child Protection planning should end at the next Child Protection Conference ... If Child Protection Planning does not cease at the next CP Review"},
	},
	Text: `When a plan ends because the child is judged no longer at continuing risk
of significant harm, only a quorate Child Protection Review Conference can
decide it. The rule fires when plan.md's [cessation] gives the reason
"no longer at risk" (or says so as people do: "no longer at risk of
significant harm", "step down to CIN", or "No longer at risk - alleged
abuser deceased": another person's death or departure is not the child's)
and no conference record has
kind = "review", quorate = true and decision = "cease" on the cessation
date.

Under Stoke-on-Trent C06 §03 the plan of a child who becomes looked after
under section 20 of the Children Act 1989 remains in place until the review
conference, where it is discharged. So a plan ended as "looked after" while
case.md's [[legal_status]] in force on the cessation date is section 20
(written "s20", "S.20", "voluntary accommodation" and so on) needs that
review conference too: ending it earlier, for instance the day after the
child was accommodated, fires. An interim care order discharges the plan by
letter, with no conference. Oxfordshire 1.8 says nothing of this (§3 ¶10
lets a looked-after child keep the plan): under the oxfordshire profile the
section 20 case is not checked.

When [cessation] names the deciding conference (conference = "conferences/
2026-05-01-review.md", relative to the case folder), that conference is the
one checked, and the message says what is wrong with it: no such file, not
a review conference, not quorate, adjourned without a decision, a different
decision or a different date.
A kind, quorate or decision written in words caselint cannot read
(kind = "Review CP Conference", quorate = "yes", decision = "ceased") is
reported once, by invalid-record on the conference, and not again here.
It is reported on plan.md's [cessation] line.

Such an ending has not ended the plan ("can only be made by a quorate
Child Protection conference"): the deadline rules (unseen-child,
late-first-core-group, overdue-core-group, late-review-conference) and
caselint due count on to the as-of date, as if no [cessation] were
recorded.`,
	Bad: `[cessation]
date = 2026-11-02
reason = "no longer at risk"
conference = "conferences/2026-11-02-review.md"   # quorate = false in that record`,
	Good: `[cessation]
date = 2026-11-02
reason = "no longer at risk"
conference = "conferences/2026-11-02-review.md"   # kind = "review", quorate = true, decision = "cease"`,
	Since:    "0.1.0",
	Synonyms: []string{"plan ended without review conference", "plan ceased without conference", "no quorate conference to end plan", "plan ended outside conference"},
	Related:  []string{"invalid-cessation-reason", "plan-not-ended", "premature-cessation", "unsupported-cessation"},
	Run:      runCessationWithoutConference,
}

func runCessationWithoutConference(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || pass.Case.CessationOfThisPlan() == nil {
		return nil
	}
	// An earlier plan's [cessation] left in plan.md is not this plan's
	// ending (plan-start-mismatch asks for it to be taken out).
	cess := pass.Case.CessationOfThisPlan()
	// The test is the case model's (lint.Case.CessationUndecided), so that
	// the deadlines run on past an ending this rule reports.
	if !pass.Case.CessationUndecided(pass.Profile) {
		return nil
	}
	st, _ := pass.Case.CessationNeedsReview(pass.Profile)
	var as, need, cites string
	if st.Status == "" {
		as = "as no longer at risk"
		need = fmt.Sprintf("only a quorate review conference deciding \"cease\" on %s can end a plan because the child is no longer at risk", cess.Date.Long())
		cites = citeExcept(pass, Stoke, "§03")
	} else {
		// Stoke-on-Trent C06 §03: a child accommodated under section 20
		// stays on the plan until the review conference, which discharges
		// it. Oxfordshire 1.8 §3 ¶10 lets the plan go on alongside.
		as = "as looked after"
		need = fmt.Sprintf("%s has been accommodated under section 20 since %s, and such a plan remains in place until the next review conference, which discharges it; only a quorate review conference deciding \"cease\" on %s can end it", pass.Case.ChildName(), st.From.Long(), cess.Date.Long())
		cites = citeOnly(pass, Stoke, "§03")
	}
	at := endCessationLine(pass)

	if ref := strings.TrimSpace(cess.Conference); ref != "" {
		cf, doc := pass.Case.ConferenceAt(ref)
		switch {
		case doc == nil:
			pass.Reportf(plan.Doc, at,
				"the plan's cessation names the conference %q, which is not a record in this case: %s; correct [cessation] conference (a path relative to the case folder) or add the review conference's record (%s)",
				ref, need, cites)
			return nil
		case doc.Kind != "" && doc.Kind != schema.KindConference:
			pass.Reportf(plan.Doc, at,
				"the plan's cessation names %q, which is a %s record, not a conference: %s (%s)",
				ref, doc.Kind, need, cites)
			return nil
		case cf == nil:
			return nil // the record could not be read: invalid-record says why
		}
		pass.Reportf(plan.Doc, at,
			"the conference that ended the plan (%s) %s: %s (%s)",
			ref, strings.Join(lint.CeaseConferenceFaults(cf, cess.Date), "; "), need, cites)
		return nil
	}

	var onDay []*schema.Conference
	for _, cf := range pass.Case.Conferences {
		if cf.Doc == nil || cf.Date != cess.Date {
			continue
		}
		onDay = append(onDay, cf)
	}
	if len(onDay) == 1 {
		pass.Reportf(plan.Doc, at,
			"the plan ended on %s %s, but the conference that day (%s) %s: %s (%s)",
			cess.Date.Long(), as, pathInCase(pass, onDay[0].Doc), strings.Join(lint.CeaseConferenceFaults(onDay[0], cess.Date), "; "), need, cites)
		return nil
	}
	pass.Reportf(plan.Doc, at,
		"the plan ended on %s %s, but no review conference deciding \"cease\" is recorded that day: %s; add the conference's record and name it in [cessation] conference (%s)",
		cess.Date.Long(), as, need, cites)
	return nil
}
