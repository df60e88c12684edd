package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// IncompleteVisitRecord: a visit record lacks what the procedure says the
// record of a contact must include.
var IncompleteVisitRecord = &lint.Rule{
	ID:       "incomplete-visit-record",
	Title:    "A visit record lacks the time, who was present or one of its four sections",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindVisit, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "The time and date of every home visit, stating who was present ... observations ... meals and sleeping arrangements ... the child's presentation and behaviour ... Any new incidents or injuries"},
	},
	Text: `The record of contact with the child must include the time and date of
every home visit, who was present, the information gained and observations
made, specific information about meals and sleeping arrangements, factual
reports of the child's presentation and behaviour, and any new incidents or
injuries.

The rule fires, once for each thing missing, when a visit record:

- has a date with no time of day (date = 2026-03-02 rather than
  2026-03-02T15:45:00): at the date line;
- does not say who was present (no present list, or an empty one when the
  child was seen): at the present line, or the type line when there is
  none;
- has no "## Observations", "## Meals and sleeping", "## Presentation and
  behaviour" or "## Incidents and injuries" section: at the type line, one
  finding per section;
- has one of those sections empty, or holding only a placeholder such as
  TBC or "to follow": at its heading. "None" and "N/A" are answers here
  ("Incidents and injuries: None"), not placeholders; a section holding only
  a comment is empty.

The child's wishes and feelings are not in this list: 1.8 §3 asks the lead
worker to make sure they are ascertained, and missing-wishes-and-feelings
reports a visit that records none, under every profile, once.

A visit that did not see the child (a refusal at the door, no answer) has
nothing to record of the child's meals, presentation or injuries:
only its time, who was present (present = [] when no one was) and its
Observations (what happened) are asked for; the reason the child was not
seen is missing-not-seen-reason's concern. The headings are read as
workers write them ("Home conditions", "Meals and sleeping arrangements",
"Any new incidents or injuries").

Visits before the child was born (or while the child is recorded unborn)
are not checked: there was no contact with the child to record. The rule is
on when the profile's visit_record_contents is.

Visits dated before this authority's plan started (a section 47 enquiry's
visits before the initial conference, or the previous authority's kept in
a transfer-in case) are history, not visits of the plan, and are not read.`,
	Bad: `+++
type = "visit"
date = 2026-03-02
by = "Hannah Price"
child_seen = true
seen_alone = true
+++

## Observations
Mia showed me her room.`,
	Good: `+++
type = "visit"
date = 2026-03-02T15:45:00
by = "Hannah Price"
present = ["Mia", "Lucy Brown"]
child_seen = true
seen_alone = true
+++

## Observations
Mia showed me her room; there was a clean duvet on the bed.
## Wishes and feelings
Mia said she wants to stay at Oak Primary.
## Meals and sleeping
Pasta bake was cooking; Mia sleeps in her own room.
## Presentation and behaviour
Mia was clean and chatty and drew me a picture of her cat.
## Incidents and injuries
None.`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"visit record incomplete", "visit record missing section", "no time of visit recorded", "who was present not recorded"},
	Related:  []string{"missing-not-seen-reason", "missing-wishes-and-feelings", "non-specific-label", "unseen-bedroom"},
	Run:      runIncompleteVisitRecord,
}

func runIncompleteVisitRecord(pass *lint.Pass) error {
	if pass.Case.Plan == nil || !pass.Profile.VisitRecordContents {
		return nil
	}
	defs := schema.SectionNames(schema.KindVisit)
	for _, v := range pass.PlanVisits() {
		if !pass.Case.IsBornOn(v.Date.Date) {
			continue // no contact with the child before the birth
		}
		doc := v.Doc
		day := v.Date.Date.Long()
		if !v.Date.HasTime {
			pass.Reportf(doc, doc.At("date"),
				"the record of the visit of %s has no time of day: record the time and date of every visit, such as %sT16:30:00 (%s)",
				day, v.Date.Date, cite(pass))
		}
		seen := pass.Case.SawChild(v)
		if len(v.Present) == 0 && (seen || !doc.Keys.Has("present")) {
			pass.Reportf(doc, visitKeyAt(doc, "present"),
				"the record of the visit of %s does not say who was present: list everyone there in present, %s included if seen (%s)",
				day, pass.Case.ChildName(), cite(pass))
		}
		if doc.Body == nil {
			continue
		}
		for _, def := range defs {
			if def.Name == "wishes" {
				continue // missing-wishes-and-feelings' concern
			}
			if !seen && def.Name != "observations" {
				continue // nothing of the child to record
			}
			sec := pass.Case.VisitSection(doc.Body, def.Name)
			switch {
			case sec == nil:
				pass.ReportOccurrencef("section "+def.Name, doc, doc.TypeLine(),
					"the record of the visit of %s has no \"## %s\" section: add it, with %s (write \"None\" if there is nothing to record) (%s)",
					day, def.Title, def.Hint, cite(pass))
			case unanswered(pass, sec):
				pass.Reportf(doc, sec.HeadingOffset,
					"the \"%s\" section of the record of the visit of %s is empty: record %s (write \"None\" if there is nothing to record) (%s)",
					sec.Heading, day, def.Hint, cite(pass))
			}
		}
	}
	return nil
}

// visitAnswers are what a visit record may say when there is nothing to
// record: answers, not placeholders ("Incidents and injuries: None").
var visitAnswers = []string{"none", "nil", "nothing", "no", "n/a", "na", "not applicable", "none seen", "none reported"}

// unanswered reports whether a visit section is empty or holds only a
// placeholder such as TBC or "to follow", which says the visit was not
// recorded; "None" and "N/A" are answers, and so is "None at present".
// (Empty text is a placeholder and is none of visitAnswers.) Long sections
// are not read to their end. A section written as a table, or under
// sub-headings, is answered when its text or one of its cells is an
// answer ("| Incidents | Injuries |" with "| None | None |").
func unanswered(pass *lint.Pass, sec *schema.Section) bool {
	return sectionPlaceholder(pass, sec) && !writtenAnswer(sec)
}

// writtenAnswer reports whether what a visit section has written
// (Section.Written), its text or one of its tables' cells, is one of
// visitAnswers.
func writtenAnswer(sec *schema.Section) bool {
	prose, cells := sec.Written()
	if isVisitAnswer(prose) {
		return true
	}
	for _, c := range cells {
		if isVisitAnswer(c) {
			return true
		}
	}
	return false
}

// isVisitAnswer reports whether a visit section's content is one of
// visitAnswers, perhaps followed by words that say for now ("None at
// present", "Nil currently": schema.WithoutForNow).
func isVisitAnswer(content string) bool {
	return inList(content, visitAnswers) || inList(schema.WithoutForNow(content), visitAnswers)
}
