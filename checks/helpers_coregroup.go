package checks

import (
	"path"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers shared by the core group and ending-the-plan rules.

// cgStartedLine is where a gap still open at the as-of date is reported:
// plan.md's started line.
func cgStartedLine(plan *schema.Plan) int { return plan.Doc.At("started") }

// cgCessationLine is where anything about how the plan ended is reported:
// plan.md's [cessation] header.
func cgCessationLine(plan *schema.Plan) int { return plan.Doc.At("cessation") }

// cgActiveAfter reports whether the plan was still in place after day d: it
// has not ended, or it ended after d.
func cgActiveAfter(plan *schema.Plan, d schema.Date) bool {
	c := plan.Cessation
	return c == nil || c.Date.IsZero() || c.Date.After(d)
}

// cgConferenceAt finds the document rel names, relative to the case folder.
// It returns the conference when the file is a conference record that could
// be read, and the document itself (nil when there is no such file in the
// case).
func cgConferenceAt(c *lint.Case, rel string) (*schema.Conference, *schema.Document) {
	rel = strings.TrimSpace(strings.ReplaceAll(rel, "\\", "/"))
	if rel == "" {
		return nil, nil
	}
	want := path.Clean(path.Join(c.Dir, rel))
	for _, d := range c.Documents {
		if d == nil || d.Source == nil || path.Clean(d.Source.Path) != want {
			continue
		}
		cf, _ := d.Record.(*schema.Conference)
		return cf, d
	}
	return nil, nil
}

// cgCessationReasons are the reasons Stoke-on-Trent C06 §07 allows a plan to
// end for, in its order.
var cgCessationReasons = []string{
	"no longer at risk",
	"reached 18",
	"moved to another authority",
	"left the UK",
	"died",
	"looked after",
}

// The reasons rules look for.
const (
	cgReasonNoLongerAtRisk = "no longer at risk"
	cgReasonMoved          = "moved to another authority"
)

// cgCessationReason returns the allowed reason text spells (case and spaces
// forgiven) and true, or the closest allowed reason and false.
func cgCessationReason(text string) (string, bool) {
	t := normWord(text)
	best, bestD := "", -1
	for _, r := range cgCessationReasons {
		if t == strings.ToLower(r) {
			return r, true
		}
		if d := schema.Levenshtein(t, strings.ToLower(r)); bestD < 0 || d < bestD {
			best, bestD = r, d
		}
	}
	if bestD > max(2, len([]rune(t))/3) {
		best = ""
	}
	return best, false
}

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
	if (source == Stoke && pass.Profile.Base == lint.ProfileOxfordshire) || (source == Oxon && pass.Profile.Base == lint.ProfileStoke) {
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
