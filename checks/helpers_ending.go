package checks

import (
	"github.com/caselint/caselint/lint"
)

// Rule-private helpers of the ending-the-plan rules. The concepts (age,
// legal status, cessation reasons) are the case model's: lint/ending.go.

// endCessationLine is where anything about how the plan ended is reported:
// plan.md's [cessation] header.
func endCessationLine(pass *lint.Pass) int { return pass.Case.Plan.Doc.At("cessation") }

// citeOnly formats those of the rule's citations that are of source and
// paragraph, when the profile follows source: a finding that enforces one
// paragraph cites that paragraph. It falls back to cite(pass).
func citeOnly(pass *lint.Pass, source, paragraph string) string {
	if (source == Stoke && pass.Profile.Base == lint.ProfileOxfordshire) ||
		(source == Oxon && pass.Profile.Base == lint.ProfileStoke) {
		return cite(pass)
	}
	for _, c := range pass.Rule.Cites {
		if c.Source == source && c.Paragraph == paragraph {
			return lint.JoinCitations([]lint.Citation{c})
		}
	}
	return cite(pass)
}

// endState says how long the plan ran: "is still active", or "ran until
// 2 May 2026".
func endState(pass *lint.Pass) string {
	if c := pass.Case.Cessation(); c != nil && !c.Date.IsZero() {
		return "ran until " + c.Date.Long()
	}
	return "is still active"
}

// citeExcept formats the citations cite(pass) gives, less the paragraph of
// source that a finding does not enforce.
func citeExcept(pass *lint.Pass, source, paragraph string) string {
	var cites []lint.Citation
	for _, c := range pass.Rule.Cites {
		switch {
		case c.Source == source && c.Paragraph == paragraph,
			c.Source == Stoke && pass.Profile.Base == lint.ProfileOxfordshire,
			c.Source == Oxon && pass.Profile.Base == lint.ProfileStoke:
			continue
		}
		cites = append(cites, c)
	}
	if len(cites) == 0 {
		return cite(pass)
	}
	return lint.JoinCitations(cites)
}
