package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingActionTimescale: an action of the plan has no specified timescale.
var MissingActionTimescale = &lint.Rule{
	ID:       "missing-action-timescale",
	Title:    "An action has no specified timescale",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§01", Quote: "Be clear about who will have responsibility for what actions - including actions by family members - and within what specified timescales"},
		{Source: Oxon, Paragraph: "§1", Quote: "Responsibility for tasks ascribed to specific members of the conference, including family members - and within what timescales"},
	},
	Text: `Every action in the plan must say when it will be done: the plan sets out
"what work needs to be done, why, when and by whom". The Due column of the
actions table (or the Due:, By:, When: or Timescale: field of an action in a
list) must hold a specified timescale, written the way people write them:

- a date: 2026-07-31, 31/07/2026 or 31/7/26 (day first), 31.07.2026,
  31 July 2026, 31st July 2026, July 31 2026, "by 31 July 2026", "end of
  July 2026", "w/c 3 August 2026";
- a frequency: daily, weekly, twice weekly, 3 times a week, fortnightly,
  every 3 weeks, monthly, termly, each school day, at each core group,
  every visit, on Mondays, and an event a word or two qualify after each
  or every ("at each antenatal appointment", "at every GP appointment",
  "each health visitor visit"; not "every few visits");
- "immediately", or a period: "within 2 weeks", "within 10 working days";
- a meeting the plan schedules: "by the next core group", "before the
  review conference".

An action written as a sentence in a list, with no Due field, has the
timescale its words give, read the same way: "Sam Doe will ... by 12 June
2026", "Complete a safety plan - Aisha Patel - 12/06/2026", "... weekly".
Words that only look like one ("attend all appointments", "the weekly
parenting group", "following the incident on 3 June") are none.

The rule fires for an action whose timescale is empty, vague (ongoing,
asap, TBC, as required, when possible: the profile's list of vague
timescales), a date that cannot exist (31/02/2026), or anything else
("next month", "after the assessment"). It is reported on the action's row,
or on the line of the action's Due: field in a list. A column whose header
is close to Due ("Target date", "Deadline") is read as the Due column and
reported once, at the header row, by missing-plan-section.`,
	Bad: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A2 | Sam to attend a parenting course | Sam Doe | ongoing | O2 |`,
	Good: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A2 | Sam to attend a parenting course | Sam Doe | 2026-03-31 | O2 |`,
	Since:    "0.1.0",
	Synonyms: []string{"no timescale", "action has no timescale", "no deadline for action", "no date by when action done", "timescale missing"},
	Related:  []string{"core-member-without-part", "outcome-without-action", "unlinked-action", "unnamed-action-owner"},
	Run:      runMissingActionTimescale,
}

func runMissingActionTimescale(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	body := planBody(pass)
	if body == nil || body.Actions == nil {
		return nil
	}
	const how = "a date (31/07/2026, 31 July 2026, by 2026-07-31), how often it recurs (weekly, twice weekly, every 3 weeks, at each core group), immediately, or within a period (within 10 working days)"
	for _, a := range body.Actions.Rows {
		at := a.Due.Line
		ts := pass.Timescale(a.Due.Text)
		switch ts.Kind {
		case schema.TimescaleEmpty:
			pass.Reportf(doc, at,
				"%s has no timescale: say by when it will be done or how often: %s (%s)",
				planActionLabel(a), how, cite(pass))
		case schema.TimescaleVague:
			pass.Reportf(doc, at,
				"%s is due %q, which is not a specified timescale: say by when it will be done or how often: %s (%s)",
				planActionLabel(a), ts.Text, how, cite(pass))
		case schema.TimescaleUnrecognised:
			if ts.Why != "" {
				pass.Reportf(doc, at,
					"%s is due %q, which is not a timescale: %s; write the date it will be done by (%s)",
					planActionLabel(a), ts.Text, ts.Why, cite(pass))
				continue
			}
			pass.Reportf(doc, at,
				"%s is due %q, which is neither a date nor a frequency: write %s (%s)",
				planActionLabel(a), ts.Text, how, cite(pass))
		}
	}
	return nil
}
