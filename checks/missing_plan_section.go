package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingPlanSection: a section the plan must have is missing or a
// placeholder.
var MissingPlanSection = &lint.Rule{
	ID:       "missing-plan-section",
	Title:    "A section the plan must have is missing or a placeholder",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "The Child Protection Plan should set out what work needs to be done, why, when and by whom"},
		{Source: Oxon, Paragraph: "§1", Quote: "The detailed Child Protection Plan should set out what work needs to be done, why, when and by whom"},
	},
	Text: `The plan must make clear the exact nature of the concerns, the outcomes
intended, the actions, the child's developmental needs and the services
required, the arrangements for contact and monitoring, and when progress
will be reviewed. plan.md holds each in its own "##" section:

- Concerns (or Risks, Concerns and risks)
- Outcomes
- Actions
- Developmental needs (or Needs and services)
- Contact arrangements (or Monitoring)
- Review

The rule fires once for each of these sections that is missing, empty, or
only a placeholder (TBC, TBA, N/A, none, -, to follow). A missing section
is reported on the plan's type line; an empty one on its heading. The
contingency plan is missing-contingency-plan's concern.`,
	Bad: `## Developmental needs
TBC`,
	Good: `## Developmental needs
Jamie has autism and a speech and language delay: he needs a speech and
language therapy assessment (referral by Dr Kim Green) and support from the
school's SENCo for his education, health and care plan.`,
	Since: "0.1.0",
	Run:   runMissingPlanSection,
}

// planSectionsRequired are the sections missing-plan-section requires, in
// the order of SectionNames (contingency is missing-contingency-plan's).
// Each maps to what the section must say, in the procedures' words.
var planSectionsRequired = map[string]string{
	"concerns": "the exact nature of the concerns and the risks of significant harm",
	"outcomes": "specific, achievable, child-focused outcomes, as a list whose items open with their id (O1: ...)",
	"actions":  "the actions, as a table with columns Action, Owner, Due and Outcome: who will do what, and by when",
	"needs":    "the child's developmental needs and the services required",
	"contact":  "the arrangements for monitoring: who will see the child, how often, alone and where",
	"review":   "when and how progress will be reviewed",
}

func runMissingPlanSection(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	body := planBody(pass)
	if body == nil {
		return nil
	}
	for _, def := range schema.SectionNames(schema.KindPlan) {
		what, required := planSectionsRequired[def.Name]
		if !required || planSectionWritten(pass, body, def.Name) {
			continue
		}
		if s := body.Section(def.Name); s != nil {
			pass.Reportf(doc, s.HeadingOffset,
				"the %q section is empty or a placeholder: write in it %s (%s)",
				s.Heading, what, cite(pass))
			continue
		}
		pass.Reportf(doc, doc.TypeLine(),
			"the plan has no %s section: add one setting out %s (%s)",
			planHeadingList(def), what, cite(pass))
	}
	return nil
}
