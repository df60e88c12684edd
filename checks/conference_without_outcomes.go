package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// ConferenceWithoutOutcomes: a conference that made or continued the plan
// records no outcomes.
var ConferenceWithoutOutcomes = &lint.Rule{
	ID:       "conference-without-outcomes",
	Title:    "A conference that made or continued the plan records no outcomes",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindConference},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§1", Quote: "Outline the proposed plan, making sure it is detailed enough to protect the child until the first Core Group meeting ... Short term and longer term aims and objectives"},
		{Source: Oxon, Paragraph: "§5.6", Quote: "The Core Group should not alter any of the specified outcomes agreed at the conference"},
	},
	Text: `The conference that makes a child the subject of a Child Protection Plan
outlines the plan, and the core group adds the detail to it; the outcomes
the conference agreed are the ones the plan is held to, and the core group
should not alter them. A conference record lists the outcomes it agreed in
outcomes, by the ids the plan gives them (O1, O2, ...).

The rule fires when an initial or transfer conference that decided "plan",
or a review conference that decided "continue", lists no outcomes (the key
is missing, empty, or holds only empty strings or placeholders such as
"TBC" or "-"). Without them nothing shows
what the conference agreed, and dropped-conference-outcome, which compares
the plan with the latest such conference, has nothing to compare. It is
reported on the conference's decision line. Conferences dated after the
as-of date (or after the plan ended) are not read, nor those that are not
this authority's plan's: for a child who moved in, the previous authority's
conferences kept in the case (dated before this authority's transfer
conference), those of an earlier plan that ended, and the receiving
authority's transfer conference at the end of a plan that ceased "moved to
another authority" are history.`,
	Bad: `# conferences/2026-01-12-initial.md
kind = "initial"
decision = "plan"
next_review = 2026-04-10`,
	Good: `# conferences/2026-01-12-initial.md
kind = "initial"
decision = "plan"
outcomes = ["O1", "O2", "O3"]
next_review = 2026-04-10`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"conference recorded no outcomes", "no outcomes from conference", "conference minutes missing outcomes"},
	Related:  []string{"dropped-conference-outcome", "outcome-without-action", "unaddressed-need", "unlinked-action"},
	Run:      runConferenceWithoutOutcomes,
}

func runConferenceWithoutOutcomes(pass *lint.Pass) error {
	until := pass.Until()
	ours := map[*schema.Conference]bool{}
	for _, cf := range pass.Case.PlanConferences() {
		ours[cf] = true
	}
	for _, cf := range pass.Case.Conferences {
		if cf == nil || cf.Doc == nil || (!cf.Date.IsZero() && (cf.Date.After(until) || !ours[cf])) {
			continue
		}
		var what string
		switch {
		case lint.StartsPlan(cf):
			what = "decided on a plan"
		case cf.Kind == schema.ConferenceReview && cf.Decision == schema.DecisionContinue:
			what = "decided to continue the plan"
		default:
			continue
		}
		if conferenceOutcomesListed(pass, cf) {
			continue
		}
		when := ""
		if !cf.Date.IsZero() {
			when = " on " + cf.Date.Long()
		}
		pass.Reportf(cf.Doc, cf.Doc.At("decision"),
			"%s%s %s but records no outcomes: list in outcomes the ids of the outcomes it agreed (as the plan numbers them: O1, O2, ...), so that the plan can be held to them (%s)",
			conferenceKindName(cf.Kind), when, what, cite(pass))
	}
	return nil
}

// conferenceOutcomesListed reports whether the conference lists at least
// one outcome that is not blank or a placeholder ("TBC", "-", "to
// follow": the profile's placeholders), which agree no outcome.
func conferenceOutcomesListed(pass *lint.Pass, cf *schema.Conference) bool {
	for _, o := range cf.Outcomes {
		if !pass.Profile.IsPlaceholder(o) {
			return true
		}
	}
	return false
}
