package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingAbsentViews: the minutes of a core group that received written
// reports do not include the absent members' written views.
var MissingAbsentViews = &lint.Rule{
	ID:       "missing-absent-views",
	Title:    "Core group minutes leave out the written views of absent members",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "The core group minutes must include the written views provided by professionals who were unable to attend the meeting"},
	},
	Text: `A professional who cannot attend a core group meeting provides a written
report of their view and of progress against the planned outcomes, and the
minutes must include those written views. A core group record names who sent
one in written_reports, and gives their views under "## Written views of
absent members".

The rule fires for a core group record whose written_reports names anyone
when that section is missing (reported on the record's type line), empty,
only a placeholder such as TBC or "to follow", or only says that none was
received ("None: everyone attended.", "No written reports received.",
"Nil"), reported on its heading; and when it gives views but leaves out
someone written_reports names: each is mentioned, by name, surname or
role (in brackets after their name, or case.md's), in a sentence that does
not say their report did not come ("No report received from Dr Kim
Green"), reported on its heading and naming them.
Records dated after the as-of date (or after the plan ended) are not read,
nor, for a child who moved in, the previous authority's records kept in the
case (dated before this authority's transfer conference). The heading may be
written "Views of absent members", "Absent members' views", "Written
views", "Written reports" or "Apologies and written reports", or in other
words about those absent ("Written reports from absent members", "Views
of those unable to attend").
It is on under the Stoke-on-Trent and combined profiles: Oxfordshire 1.8
asks members to attend and does not provide for written reports.`,
	Bad: `written_reports = ["Dr Kim Green"]
+++
## Progress against outcomes
...
## Decisions
...`,
	Good: `written_reports = ["Dr Kim Green"]
+++
## Progress against outcomes
...
## Written views of absent members
Dr Kim Green (GP): Jamie's asthma review took place on 2 February; no new
concerns. She supports continuing the plan.
## Decisions
...`,
	Profiles: stokeOnly,
	Since:    "0.1.0",
	Synonyms: []string{"absent members views not in minutes", "minutes leave out views of absent members", "no written views from those absent"},
	Related:  []string{"absent-member-without-report", "incomplete-core-group", "late-minutes", "late-recording", "missed-core-groups", "unchaired-core-group"},
	Run:      runMissingAbsentViews,
}

func runMissingAbsentViews(pass *lint.Pass) error {
	until := pass.Until()
	for _, cg := range pass.Case.CoreGroups {
		if cg == nil || cg.Doc == nil || (!cg.Date.IsZero() && (cg.Date.After(until) || !pass.Case.InPlan(cg.Date))) {
			continue
		}
		var senders []string
		for _, r := range pass.Case.WrittenReports(cg) {
			if r = strings.TrimSpace(r); r != "" {
				senders = append(senders, r)
			}
		}
		if len(senders) == 0 {
			continue
		}
		who := joinWithAnd(senders)
		sec := cg.Doc.Body.Section("absent-views")
		switch {
		case sec == nil:
			pass.Reportf(cg.Doc, cg.Doc.TypeLine(),
				"the minutes of the core group of %s leave out the written views of absent members: written_reports names %s, but there is no \"## Written views of absent members\" section; add it, with the views they provided (%s)",
				cgDateWords(cg.Date), who, cite(pass))
		case planSectionEmpty(pass, sec) || lint.NoViewsReceived(sec.Content()):
			pass.Reportf(cg.Doc, sec.HeadingOffset,
				"the written views of absent members in the minutes of the core group of %s are empty, a placeholder or say none was received: written_reports names %s, and the minutes must include the views they provided; write them here, or correct written_reports (%s)",
				cgDateWords(cg.Date), who, cite(pass))
		default:
			var left []string
			for _, r := range senders {
				if !pass.Profile.IsPlaceholder(r) && !pass.Case.ViewIncluded(sec.Content(), r) {
					left = append(left, r)
				}
			}
			if len(left) == 0 {
				continue
			}
			pass.ReportOccurrencef("views of "+strings.Join(left, ", "), cg.Doc, sec.HeadingOffset,
				"the written views of absent members in the minutes of the core group of %s leave out %s: written_reports names them, but no sentence here gives their view; write the view they provided, naming them, or correct written_reports (%s)",
				cgDateWords(cg.Date), joinWithAnd(left), cite(pass))
		}
	}
	return nil
}
