package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers shared by the core group and ending-the-plan rules.

// cgStartedLine is where a gap still open at the as-of date is reported:
// plan.md's started line.
func cgStartedLine(plan *schema.Plan) int { return plan.Doc.At("started") }

// cgNamesList joins names as a sentence does: "A", "A and B", "A, B and C".
func cgNamesList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// cgIntervalWords says an interval as the procedures do: "10 working days",
// "1 month" as "a month".
func cgIntervalWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "a " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return iv.String()
}

// cgRelPath returns the path of doc relative to the case folder, as
// [cessation] conference names it.
func cgRelPath(c *lint.Case, doc *schema.Document) string {
	p := doc.Source.Path
	if c.Dir != "" && c.Dir != "." {
		p = strings.TrimPrefix(p, c.Dir+"/")
	}
	return p
}

// cgEveryWords says how often an interval recurs: "every month", "every
// 6 weeks".
func cgEveryWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "every " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return "every " + iv.String()
}

// cgCiteOnly cites the rule's paragraphs of one source, for a finding that
// only that procedure asks for (cite(pass) cites every procedure the
// profile follows).
func cgCiteOnly(pass *lint.Pass, source string, paragraphs ...string) string {
	if !pass.Profile.Follows(source) {
		return cite(pass) // a local profile's number: cite its own procedure
	}
	var cs []lint.Citation
	for _, p := range paragraphs {
		for _, c := range pass.Rule.Cites {
			if c.Source == source && c.Paragraph == p {
				cs = append(cs, c)
			}
		}
	}
	if len(cs) == 0 {
		return cite(pass)
	}
	return lint.JoinCitations(cs)
}
