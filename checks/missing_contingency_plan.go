package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingContingencyPlan: the plan has no contingency plan.
var MissingContingencyPlan = &lint.Rule{
	ID:       "missing-contingency-plan",
	Title:    "The plan has no contingency plan",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Outline a Contingency Plan should the plan not be adequate in safeguarding the child/young person"},
		{Source: Oxon, Paragraph: "§1", Quote: "Include a Contingency Plan to be followed if circumstances change significantly and require prompt action"},
	},
	Text: `Every Child Protection Plan must say what will happen if the plan is not
keeping the child safe: who will do what, and when, if things get worse. The
rule fires when plan.md has no "## Contingency plan" (or "## Contingency")
section, or when that section is empty or only a placeholder such as TBC,
N/A or "to follow", or says only that there is none ("No contingency
plan", "None agreed") or that it is written elsewhere ("Not discussed",
"See above", "As per conference minutes"), or only that it is still to be
made ("The core group will agree a contingency plan at its first meeting",
"Contingency to be confirmed", "SW to write contingency plan by next core
group") with no sentence saying what will happen if things go wrong: the
plan itself must outline it.

A missing section is reported on the plan's type line; an empty one on its
heading.`,
	Bad: `## Contingency plan
TBC`,
	Good: `## Contingency plan
If Sam misses two core group meetings in a row, or Jamie is seen with an
unexplained injury, Aisha Patel will convene a strategy discussion within
one working day and the conference chair will be asked to reconvene the
conference.`,
	Since:    "0.1.0",
	Synonyms: []string{"no contingency plan", "contingency plan missing", "no plan b", "nothing said about what happens if plan fails"},
	Related:  []string{"missing-plan-section", "unaddressed-need"},
	Run:      runMissingContingencyPlan,
}

func runMissingContingencyPlan(pass *lint.Pass) error {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc.Body == nil {
		return nil
	}
	sec := plan.Doc.Body.Section("contingency")
	switch {
	case sec == nil:
		pass.Reportf(plan.Doc, plan.Doc.TypeLine(),
			"the plan has no contingency plan: add a \"## Contingency plan\" section saying what will happen if the plan is not keeping the child safe (%s)",
			cite(pass))
	case sectionPlaceholder(pass, sec):
		pass.Reportf(plan.Doc, sec.HeadingOffset,
			"the contingency plan is empty or a placeholder: say what will happen, and who will act, if the plan is not keeping the child safe (%s)",
			cite(pass))
	case pass.Profile.SectionNoAnswer(sec):
		pass.Reportf(plan.Doc, sec.HeadingOffset,
			"the contingency plan says only that there is none, or that it is written elsewhere: outline in the plan itself what will happen, and who will act, if the plan is not keeping the child safe (%s)",
			cite(pass))
	case pass.Profile.SectionDeferred(sec, "contingency"):
		pass.Reportf(plan.Doc, sec.HeadingOffset,
			"the contingency plan says only that it is still to be agreed or written: outline in the plan now what will happen, and who will act, if the plan is not keeping the child safe, and refine it at the core group (%s)",
			cite(pass))
	}
	return nil
}
