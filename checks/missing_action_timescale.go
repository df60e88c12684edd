package checks

import (
	"strings"

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
actions table must hold a date (2026-03-01, or "by 2026-03-01") or a
recurring frequency (weekly, fortnightly, monthly, every 2 weeks, every 3
months).

The rule fires for an action whose Due is empty, vague (ongoing, asap, TBC,
as required, as needed, in due course: the profile's list of vague
timescales) or anything that is neither a date nor a frequency ("next
month", "after the assessment"). It is reported on the action's row.`,
	Bad: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A2 | Sam to attend a parenting course | Sam Doe | ongoing | O2 |`,
	Good: `| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A2 | Sam to attend a parenting course | Sam Doe | 2026-03-31 | O2 |`,
	Since: "0.1.0",
	Run:   runMissingActionTimescale,
}

func runMissingActionTimescale(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	body := planBody(pass)
	if body == nil || body.Actions == nil {
		return nil
	}
	for _, a := range body.Actions.Rows {
		due := strings.TrimSpace(a.Due.Text)
		switch {
		case pass.Profile.IsPlaceholder(due) && !inList(due, pass.Profile.Words.VagueTimescales):
			pass.Reportf(doc, a.Offset,
				"%s has no timescale: put in the Due column the date it will be done by (2026-03-01) or how often it recurs (weekly, every 2 weeks) (%s)",
				planActionLabel(a), cite(pass))
		case inList(due, pass.Profile.Words.VagueTimescales):
			pass.Reportf(doc, a.Offset,
				"%s is due %q, which is not a specified timescale: say the date it will be done by (2026-03-01) or how often it recurs (weekly, every 2 weeks) (%s)",
				planActionLabel(a), due, cite(pass))
		case !isDueTimescale(due):
			pass.Reportf(doc, a.Offset,
				"%s is due %q, which is neither a date nor a frequency: write a date such as 2026-03-01 or a frequency such as weekly or every 2 weeks (%s)",
				planActionLabel(a), due, cite(pass))
		}
	}
	return nil
}

// isDueTimescale reports whether an action's Due is a date ("2026-03-01",
// "by 2026-03-01") or a recurring frequency ("weekly", "every 2 weeks").
func isDueTimescale(due string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(due), "."))
	if len(t) > 3 && strings.EqualFold(t[:3], "by ") {
		t = strings.TrimSpace(t[3:])
	}
	if _, err := schema.ParseDate(t); err == nil {
		return true
	}
	iv, err := schema.ParseInterval(t)
	return err == nil && !iv.IsZero()
}
