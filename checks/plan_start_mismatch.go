package checks

import (
	"fmt"

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
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: CINCensus, Paragraph: "validation rule 2885"},
	},
	Text: `A Child Protection Plan starts on the day a conference decides the child
should be the subject of one: an initial conference, or a transfer
conference when the child has moved from another authority. The Children in
Need census rejects a plan whose start date is not the date of such a
conference, and every timescale the linter checks (the first core group,
the first review, seeing the child) counts from that day.

The rule fires when plan.md's started is not the date of the conference
that started this authority's plan: the latest initial or transfer
conference that decided "plan" (a re-plan starts at its new initial
conference; a child who moved in at this authority's transfer conference,
not at the previous authority's initial conference kept in the case; the
receiving authority's transfer conference at the end of a plan that ceased
"moved to another authority" starts nothing). It also fires when no such
conference is recorded. It is reported on the started line.

A new initial conference starts a new plan only when the plan before it
ended: a review conference between them decided "cease". An initial
conference that decided "plan" while the earlier plan was still in force
starts nothing (a review written on the initial conference's template, or
a brother's or sister's conference filed in this child's folder, would
otherwise restart every timescale and hide what is overdue): the rule
reports it on its kind line, and says how to put it right.

A [cessation] in plan.md dated before the plan's start is no end of this
plan: when a conference after it made a new plan (a re-plan written into
the old plan.md, its [cessation] left in), or when it is dated before
started, the plan is read as in force, every timescale runs to the day
linted to, and the rule reports the [cessation] header, asking for plan.md
to be brought up to date. The rules about how the plan ended do not judge
that [cessation]: it is an earlier plan's.`,
	Bad: `# conferences/2026-01-12-initial.md: kind = "initial", decision = "plan"

# plan.md
started = 2026-01-22   # the first core group, not the conference`,
	Good:     `started = 2026-01-12`,
	Since:    "0.1.0",
	Synonyms: []string{"plan start date wrong", "plan start not conference date", "start date does not match conference"},
	Related:  []string{"late-review-conference", "late-transfer-conference", "missing-review-date", "review-date-mismatch"},
	Run:      runPlanStartMismatch,
}

func runPlanStartMismatch(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	reportEarlierCessation(pass)
	start := pass.Case.PlanStartConference()
	strayStarted := false
	for _, cf := range pass.Case.StrayInitialConferences() {
		if cf.Doc == nil || start == nil {
			continue
		}
		strayStarted = strayStarted || cf.Date == plan.Started
		pass.Reportf(cf.Doc, cf.Doc.At("kind"),
			"this initial conference of %s decided on a plan while the plan that started at %s on %s (%s) was still in force: no conference between them decided \"cease\", so it starts nothing and every timescale still counts from %s; if it was a review conference, write kind = \"review\"; if the earlier plan had ended, add the record of the review conference that ceased it (%s)",
			cf.Date.Long(), conferenceKindName(start.Kind), start.Date.Long(), pathInCase(pass, start.Doc), start.Date.Long(), cite(pass))
	}
	if plan.Started.IsZero() || strayStarted {
		return nil // a started at a stray conference: its finding says what to do
	}
	if start == nil && pass.Case.UnreadConferenceOn(plan.Started) != nil {
		return nil // the conference of that day is there, unread: invalid-record's
	}
	if start == nil {
		pass.ReportOccurrencef("no conference", doc, doc.At("started"),
			"the plan started on %s, but no initial or transfer conference in the case decided on a plan: add the record of the conference that made the plan, or correct started (%s)",
			plan.Started.Long(), cite(pass))
		return nil
	}
	if start.Date == plan.Started {
		return nil
	}
	// Say what the date given is, when it is another conference's.
	why := ""
	for _, cf := range pass.Case.Conferences {
		if cf == nil || cf == start || cf.Date != plan.Started || !lint.StartsPlan(cf) {
			continue
		}
		switch {
		case cf.Date.Before(start.Date) && start.Kind == schema.ConferenceTransfer:
			why = fmt.Sprintf(" %s is the date of %s of the previous authority (%s), which is history: this authority's plan started at its transfer conference;", plan.Started.Long(), conferenceKindName(cf.Kind), pathInCase(pass, cf.Doc))
		case cf.Date.Before(start.Date):
			why = fmt.Sprintf(" %s is the date of %s of an earlier plan (%s);", plan.Started.Long(), conferenceKindName(cf.Kind), pathInCase(pass, cf.Doc))
		default:
			why = fmt.Sprintf(" %s (%s) ended the plan rather than started it;", conferenceKindName(cf.Kind), pathInCase(pass, cf.Doc))
		}
		break
	}
	pass.ReportOccurrencef("conference "+start.Date.String(), doc, doc.At("started"),
		"the plan started on %s, but this authority's plan started at %s on %s (%s):%s a plan starts on the day of the conference decision, and every timescale counts from it; set started = %s (%s)",
		plan.Started.Long(), conferenceKindName(start.Kind), start.Date.Long(), pathInCase(pass, start.Doc), why, start.Date, cite(pass))
	return nil
}

// reportEarlierCessation reports a [cessation] that is not this plan's end
// because it comes before the plan's start (lint.Case.CessationNotTheEnd):
// plan.md still holds an earlier plan's ending.
func reportEarlierCessation(pass *lint.Pass) {
	plan := pass.Case.Plan
	cs := plan.Cessation
	switch n := pass.Case.CessationNotTheEnd(); n.Why {
	case lint.CessationReplanned:
		pass.Reportf(plan.Doc, endCessationLine(pass),
			"plan.md's [cessation] ends the plan on %s, but %s on %s (%s) made a new plan after it: the plan is in force again, and every timescale counts from %s; update plan.md for the plan that conference made, and take out the earlier plan's [cessation] (%s)",
			cs.Date.Long(), conferenceKindName(n.Conference.Kind), n.Conference.Date.Long(), pathInCase(pass, n.Conference.Doc), n.Conference.Date.Long(), cite(pass))
	case lint.CessationBeforeStart:
		pass.Reportf(plan.Doc, endCessationLine(pass),
			"plan.md's [cessation] ends the plan on %s, before it started on %s: a plan cannot end before it starts, so it is read as still in force; correct the cessation date, or started (%s)",
			cs.Date.Long(), plan.Started.Long(), cite(pass))
	}
}
