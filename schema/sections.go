package schema

import (
	"strings"
	"sync"
	"unicode"
)

// SectionDef describes one "## Heading" section that a kind of record
// defines: its canonical name (what rules and Body.Section use), the headings
// accepted for it and the title that templates write.
type SectionDef struct {
	Name     string   // canonical name: "contingency"
	Title    string   // the heading written by `caselint new`: "Contingency plan"
	Headings []string // every accepted heading, Title first; matched case-insensitively
	Hint     string   // what the section holds, for templates and messages
}

// sectionDefs is the table of sections by kind (case-format.md).
var sectionDefs = map[Kind][]SectionDef{
	KindPlan: {
		{Name: "concerns", Title: "Concerns", Headings: []string{"Concerns", "Risks", "Concerns and risks"},
			Hint: "the exact nature of the concerns and risks of significant harm"},
		{Name: "outcomes", Title: "Outcomes", Headings: []string{"Outcomes"},
			Hint: "a list; each item opens with its id: O1: ..."},
		{Name: "actions", Title: "Actions", Headings: []string{"Actions"},
			Hint: "a table with columns Action, Owner, Due, Outcome (optional ID)"},
		{Name: "needs", Title: "Developmental needs", Headings: []string{"Developmental needs", "Needs and services"},
			Hint: "the child's developmental needs and the services required"},
		{Name: "contact", Title: "Contact arrangements", Headings: []string{"Contact arrangements", "Monitoring"},
			Hint: "who sees the child, how often, alone, and where"},
		{Name: "review", Title: "Review", Headings: []string{"Review"},
			Hint: "when and how progress will be reviewed"},
		{Name: "contingency", Title: "Contingency plan", Headings: []string{"Contingency plan", "Contingency"},
			Hint: "what happens if the plan is not keeping the child safe"},
	},
	KindVisit: {
		{Name: "observations", Title: "Observations", Headings: []string{"Observations"},
			Hint: "what was seen of the child, the home and the people in it"},
		{Name: "wishes", Title: "Wishes and feelings", Headings: []string{"Wishes and feelings"},
			Hint: "the child's wishes and feelings, in their words where possible"},
		{Name: "meals", Title: "Meals and sleeping", Headings: []string{"Meals and sleeping"},
			Hint: "food in the home, meals, where and how the child sleeps"},
		{Name: "presentation", Title: "Presentation and behaviour", Headings: []string{"Presentation and behaviour", "Presentation and behavior"},
			Hint: "how the child presented and behaved"},
		{Name: "incidents", Title: "Incidents and injuries", Headings: []string{"Incidents and injuries"},
			Hint: "any incident or injury seen or reported"},
	},
	KindCoreGroup: {
		{Name: "progress", Title: "Progress against outcomes", Headings: []string{"Progress against outcomes"},
			Hint: "progress against each outcome of the plan"},
		{Name: "absent-views", Title: "Written views of absent members", Headings: []string{"Written views of absent members", "Views of absent members", "Absent members' views", "Written views", "Written reports", "Written reports received", "Apologies and written reports"},
			Hint: "the written views of members who could not attend"},
		{Name: "decisions", Title: "Decisions", Headings: []string{"Decisions", "Decisions and actions", "Decisions and actions agreed", "Actions and decisions", "Actions agreed", "Agreed actions", "Decisions made", "Actions", "Next steps", "Actions and next steps"},
			Hint: "what the core group decided"},
	},
}

// SectionNames returns the sections that records of kind k define, in the
// order a template writes them; nil for kinds without named sections. The
// slice is a fresh copy.
func SectionNames(k Kind) []SectionDef {
	defs := sectionDefs[k]
	if defs == nil {
		return nil
	}
	out := make([]SectionDef, len(defs))
	for i, d := range defs {
		d.Headings = append([]string(nil), d.Headings...)
		out[i] = d
	}
	return out
}

// CanonicalSection returns the canonical name of the section of a record of
// kind k that heading opens, or "" when the kind defines no such section.
// Case, surrounding and repeated spaces and a trailing colon are ignored.
func CanonicalSection(k Kind, heading string) string {
	return sectionIndex()[k][normHeading(heading)]
}

// sectionIndex maps each kind's accepted headings, normalised, to the
// canonical section names.
var sectionIndex = sync.OnceValue(func() map[Kind]map[string]string {
	idx := map[Kind]map[string]string{}
	for k, defs := range sectionDefs {
		idx[k] = map[string]string{}
		for _, d := range defs {
			for _, h := range d.Headings {
				idx[k][normHeading(h)] = d.Name
			}
		}
	}
	return idx
})

// normHeading lower-cases a heading or column label, collapses its spaces
// and drops a trailing colon.
func normHeading(s string) string {
	s = collapse(s)
	s = strings.TrimSpace(strings.TrimRight(s, ":"))
	return strings.ToLower(s)
}

// actionColumns maps the accepted headers of the plan's action table to
// their canonical column names (compared after normHeading).
var actionColumns = map[string]string{
	"action": "action", "actions": "action", "task": "action", "tasks": "action",
	"owner": "owner", "owners": "owner", "owner(s)": "owner", "who": "owner", "responsible": "owner",
	"due": "due", "due date": "due", "when": "due", "timescale": "due", "timescales": "due", "by when": "due",
	"outcome": "outcome", "outcomes": "outcome", "outcome(s)": "outcome",
	"id": "id", "#": "id",
}

// ActionColumn returns the canonical name ("action", "owner", "due",
// "outcome", "id") of an action table header, or "" for any other header.
func ActionColumn(header string) string {
	return actionColumns[normHeading(header)]
}

var defaultPlaceholders = []string{
	"TBC", "TBA", "TBD", "N/A", "NA", "none", "-", "—", "–", "?",
	"to follow", "to be confirmed",
}

// DefaultPlaceholders returns the words that, alone, make a section count as
// missing (a fresh slice, so that a profile can append its own).
//
// "none" is among them, which is right for a plan ("Contingency plan: none"
// is a missing contingency plan) but wrong for a visit, where "None" is an
// answer ("Incidents and injuries: none"). Section.Placeholder always uses
// this default list; visit rules must test strings.TrimSpace(Content) == ""
// instead of Placeholder.
func DefaultPlaceholders() []string {
	return append([]string(nil), defaultPlaceholders...)
}

// IsPlaceholder reports whether text is empty or only one of words: case is
// ignored, spaces are collapsed, and punctuation and symbols around the text
// (a trailing ".", brackets, emphasis marks) are not significant. Text with
// no letter or digit at all ("-", "—", "?", "...") counts as a placeholder
// whatever words holds.
func IsPlaceholder(text string, words []string) bool {
	t := strings.TrimFunc(text, notAlnum)
	if t == "" {
		return true
	}
	longest := 0
	for _, w := range words {
		longest = max(longest, len(w))
	}
	if nonSpaceOver(t, 2*longest+8) { // too long to be any of words: don't normalise it
		return false
	}
	t = normPlaceholder(t)
	for _, w := range words {
		if normPlaceholder(w) == t {
			return true
		}
	}
	return false
}

func normPlaceholder(s string) string {
	s = strings.TrimFunc(s, notAlnum)
	return strings.ToLower(collapse(s))
}

func notAlnum(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// nonSpaceOver reports whether s has more than limit bytes that are not
// ASCII white space, reading no further than it must.
func nonSpaceOver(s string, limit int) bool {
	if len(s) <= limit {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if n++; n > limit {
				return true
			}
		}
	}
	return false
}
