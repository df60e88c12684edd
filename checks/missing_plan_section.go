package checks

import (
	"fmt"
	"strings"

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
only a placeholder (TBC, TBA, N/A, none, -, to follow), or that says only
that it was not done or is written elsewhere ("Not discussed", "See
above", "As per conference minutes"): the plan itself sets these out. A
missing section is reported on the plan's type line; an empty one on its
heading. The
contingency plan is missing-contingency-plan's concern.

It also reports, once each, where the plan's structure is close to what is
expected but not it:

- a heading close to an accepted one ("## 1. Concerns", "## Risk",
  "## Contingency Plans", "## Agreed actions"), at the heading: the section
  is read as the one it is close to, so its content is still checked, and
  the message says which heading to write;
- an accepted heading written with another mark ("# Concerns",
  "### Review", a bold line "**Outcomes:**", a bold label opening its
  paragraph "**Contingency plan:** If ...") where no "##" heading is that
  section: it is read as the section and reported once, at that line;
- an actions table column close to an accepted one ("Target date",
  "Linked outcome", "Deadline"), or such a label in a list of actions
  ("Target date:"), at the header row (or the label): it is read as that
  column (Due, Outcome), and the message says which header to write;
- an Actions section written in prose, neither a table nor a list of
  actions with labelled fields (Owner:, Due:, Outcome:), at its heading:
  its actions cannot be checked for owner, timescale or outcome;
- an Outcomes section with text in which no outcome can be read (prose,
  or a table without ids), at its heading: no action can be checked
  against the planned outcomes. Outcomes are read as the items of a list
  (with or without ids), and as lines or table rows that open with an id
  ("O1:", "Outcome 1", "1.", "a.", "(a)", "(ii)").`,
	Bad: `## Developmental needs
TBC`,
	Good: `## Developmental needs
Jamie has autism and a speech and language delay: he needs a speech and
language therapy assessment (referral by Dr Kim Green) and support from the
school's SENCo for his education, health and care plan.`,
	Since:    "0.1.0",
	Synonyms: []string{"plan section missing", "section of plan left blank", "placeholder in plan", "plan section just says tbc"},
	Related:  []string{"missing-contingency-plan", "unaddressed-need"},
	Run:      runMissingPlanSection,
}

// planSectionsRequired are the sections missing-plan-section requires, in
// the order of SectionNames (contingency is missing-contingency-plan's).
// Each maps to what the section must say, in the procedures' words.
var planSectionsRequired = map[string]string{
	"concerns": "the exact nature of the concerns and the risks of significant harm",
	"outcomes": "specific, achievable, child-focused outcomes, as a list whose items open with their id (O1: ...)",
	"actions":  "the actions, as a table with columns Action, Owner, Due and Outcome, or a list of actions with labelled fields (- A1 (O1): what. Owner: who. Due: when.): who will do what, and by when",
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
	for _, s := range body.Sections {
		if s.Suggest != "" && s.Level != 2 {
			pass.Reportf(doc, s.HeadingOffset,
				"%q is read as the %s section, but the plan's sections are \"##\" headings: did you mean \"## %s\"? (%s)",
				s.Heading, s.Suggest, s.Suggest, cite(pass))
			continue
		}
		if s.Suggest != "" {
			pass.Reportf(doc, s.HeadingOffset,
				"the heading %q is not one the plan format knows: it is read as the %s section; did you mean \"## %s\"? (%s)",
				s.Heading, s.Suggest, s.Suggest, cite(pass))
		}
	}
	if t := body.Actions; t != nil {
		reportNearColumns(pass, doc, t)
	}
	if s := body.Section("actions"); s != nil && body.Actions == nil && !planSectionNoAnswer(pass, s) {
		pass.Reportf(doc, s.HeadingOffset,
			"the %q section is neither a table of actions nor a list of actions with labelled fields, so no action's owner, timescale or outcome can be checked: write it as a table with columns Action, Owner, Due and Outcome, or as a list (- A1 (O1): what. Owner: who. Due: when.) (%s)",
			s.Heading, cite(pass))
	}
	// An Outcomes section with text in which no outcome can be read
	// (prose, a table without ids) leaves every action's link to an
	// outcome unchecked: reported as the Actions section in prose is.
	if len(body.Outcomes) == 0 {
		for _, s := range body.Sections {
			if s.Name == "outcomes" && !planSectionNoAnswer(pass, s) {
				pass.Reportf(doc, s.HeadingOffset,
					"no outcome can be read in the %q section, so no action can be checked against the planned outcomes: write the outcomes as a list whose items open with their id (1. O1: Mia goes to school every day.) and name those ids in the actions' Outcome column (%s)",
					s.Heading, cite(pass))
				break
			}
		}
	}
	for _, def := range schema.SectionNames(schema.KindPlan) {
		what, required := planSectionsRequired[def.Name]
		if !required || planSectionWritten(pass, body, def.Name) {
			continue
		}
		if s := body.Section(def.Name); s != nil && !planSectionEmpty(pass, s) {
			pass.Reportf(doc, s.HeadingOffset,
				"the %q section says only that it was not done or is written elsewhere: the plan itself must set out %s; write it here (%s)",
				s.Heading, what, cite(pass))
			continue
		}
		if s := body.Section(def.Name); s != nil {
			pass.Reportf(doc, s.HeadingOffset,
				"the %q section is empty or a placeholder: write in it %s (%s)",
				s.Heading, what, cite(pass))
			continue
		}
		// Every missing section is reported on the type line: which
		// section is the occurrence, so that a baseline entry (or an
		// ignore) for one does not hide another.
		pass.ReportOccurrencef("section "+def.Name, doc, doc.TypeLine(),
			"the plan has no %s section: add one setting out %s (%s)",
			planHeadingList(def), what, cite(pass))
	}
	return nil
}

// reportNearColumns reports the actions' near-miss columns (or labels),
// one finding for each header row (or label's line) naming them all.
func reportNearColumns(pass *lint.Pass, doc *schema.Document, t *schema.ActionTable) {
	what := "column"
	if t.List {
		what = "label"
	}
	for i := 0; i < len(t.NearMisses); {
		j := i
		var written, read, want []string
		line := doc.Source.LineOf(t.NearMisses[i].Offset)
		for ; j < len(t.NearMisses) && doc.Source.LineOf(t.NearMisses[j].Offset) == line; j++ {
			nm := t.NearMisses[j]
			written = append(written, fmt.Sprintf("%q", nm.Written))
			read = append(read, nm.Suggest)
			want = append(want, fmt.Sprintf("%q", nm.Suggest))
		}
		if len(written) == 1 {
			pass.Reportf(doc, t.NearMisses[i].Offset,
				"the actions %s %s is not one the plan format knows: it is read as %s; did you mean %s? (%s)",
				what, written[0], read[0], want[0], cite(pass))
		} else {
			pass.Reportf(doc, t.NearMisses[i].Offset,
				"the actions %ss %s are not ones the plan format knows: they are read as %s; did you mean %s? (%s)",
				what, joinAnd(written), joinAnd(read), joinAnd(want), cite(pass))
		}
		i = j
	}
}

// joinAnd joins words as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
