package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnaddressedNeed: a need of the child recorded in case.md is not addressed
// by the plan.
var UnaddressedNeed = &lint.Rule{
	ID:       "unaddressed-need",
	Title:    "A need of the child recorded in case.md is not addressed by the plan",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Describe the identified developmental needs of the child/young person, and what services are required"},
		{Source: Oxon, Paragraph: "§1", Quote: "Describe the identified developmental needs of the child, and what therapeutic services are required; ... Be culturally sensitive and appropriate for those with disabilities"},
	},
	Text: `The plan describes the child's identified developmental needs and the
services they require, and must be appropriate for a child with a
disability. case.md lists the child's disabilities and needs in
[child].needs.

The rule fires once for each need that the plan does not mention in its
Developmental needs section (or "Needs and services"), in an outcome or in
an action. A need is mentioned when every word of it that carries meaning
appears there, case, punctuation, a plural "s" and an "-ed" ignored, and a
part in brackets ("autism (diagnosed 2024)") and the words that only say
what kind of need it is (delay, disorder, condition) left out; a few abbreviations
read as the words they stand for (ASD, ASC and autistic are autism; ADHD;
SEN and SEND; FASD; GDD; SLCN). No other synonym is guessed: write the need
in the plan in the words case.md uses. It is reported on the Developmental
needs heading, or on the plan's type line when the plan has no such
section.`,
	Bad: `# case.md
needs = ["autism", "asthma"]

# plan.md
## Developmental needs
Jamie is behind with reading; the school will provide a reading mentor.`,
	Good: `# case.md
needs = ["autism", "asthma"]

# plan.md
## Developmental needs
Jamie's autism (ASD) means changes to routine are explained in advance; the
school's SENCo and CAMHS support this. Jamie's asthma is managed by the GP,
with an inhaler kept at school.`,
	Since:    "0.1.0",
	Synonyms: []string{"need not addressed in plan", "need in case not in plan", "plan ignores child's need"},
	Related:  []string{"conference-without-outcomes", "dropped-conference-outcome", "missing-contingency-plan", "missing-plan-section", "outcome-without-action", "unlinked-action"},
	Run:      runUnaddressedNeed,
}

func runUnaddressedNeed(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	if doc == nil || pass.Case.Record == nil {
		return nil
	}
	at := doc.TypeLine()
	if s := doc.Body.Section("needs"); s != nil {
		at = s.HeadingOffset
	}
	for _, need := range pass.Case.Needs(pass.Profile) {
		if pass.Case.NeedAddressed(need) {
			continue
		}
		pass.ReportOccurrencef("need "+need, doc, at,
			"case.md records that %s has %q, but the plan does not address it: describe in the Developmental needs section the need and the services %s requires for it, or ascribe an action to it, in the words case.md uses (%s)",
			pass.Case.ChildName(), need, pass.Case.ChildName(), cite(pass))
	}
	return nil
}
