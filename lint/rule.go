// Package lint is caselint's engine: it finds records, builds one Case per
// case folder, runs the rules on each with a Pass, and passes the findings
// through the processors (suppress, severity, sort) to a report.
package lint

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Severity is how serious a finding is.
type Severity int

// The severities, least serious first.
const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "error", "warning" or "note".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "note":
		return Note, nil
	}
	return 0, fmt.Errorf("%q is not a severity: use error, warning or note", s)
}

// Citation is a paragraph of a procedure (or other source) a rule enforces.
type Citation struct {
	Source    string // "Stoke-on-Trent C06", "Oxfordshire 1.8", "Working Together 2023"
	Paragraph string // "§03", "§5.4"; may be empty
	Quote     string // the words enforced, short; may be empty
}

func (c Citation) String() string {
	if c.Paragraph == "" {
		return c.Source
	}
	return c.Source + " " + c.Paragraph
}

// Rule is one check: its documentation, which is the single source for
// `caselint rules`, `caselint explain`, docs/rules/ and SARIF, and its Run
// function. Run reports findings through the Pass; it returns an error only
// when the rule itself breaks, never for a problem in the records.
type Rule struct {
	ID       string        // kebab-case, stable forever: the SARIF ruleId and the suppression key
	Title    string        // one line, no full stop
	Severity Severity      // default severity
	Family   Family        // the group docs list it in: a label, never an engine switch (Needs is)
	Needs    []Need        // what the rule needs beyond the case; the engine skips it without
	Reads    []schema.Kind // the kinds of record it reads (case.md aside, which every rule reads); linttest.CheckReads holds it to the fixtures
	Cites    []Citation
	Text     string   // what the rule checks and why, in the procedures' language (Markdown)
	Bad      string   // an example that fires
	Good     string   // the same example put right
	Profiles []string // the shipped profiles it is on in; nil means every profile
	Since    string   // the caselint version that added it

	// Synonyms are phrases a trainee would write for the problem, in plain
	// British English ("child not seen alone", "no contingency plan"): an
	// exercise's spot answers may name the problem in words instead of the
	// rule id, and these map them to the rule.
	Synonyms []string
	// Related are the ids of rules about the same thing (the same record,
	// the same duty), for spot marking: an answer naming a related rule in
	// the right record is close. The relation is symmetric: each rule lists
	// the other (TestRelated holds them to it).
	Related []string

	// Run checks one case. It is nil for rules the engine itself reports
	// (unused-suppression, unexplained-suppression).
	Run func(*Pass) error

	// Due, for a rule with a deadline, returns the obligations its
	// deadlines set that are still open as of pass.AsOf, overdue or not
	// (Obligation). Run reports each overdue one at its place from the
	// same computation, so that `caselint due` and lint agree. nil for a
	// rule with no deadline.
	Due func(*Pass) []Obligation
}

// Family is the group of rules a rule is listed with in docs and reports
// ("plan content", "seeing the child", ...): a label only. The package
// checks declares the families and TestRegistry holds every rule to one.
type Family string

// Need is something a rule needs beyond the case itself, in the spirit of
// analysis.Analyzer.Requires: the engine does not run a rule whose needs it
// cannot meet, and says so. TestRegistry holds each rule's Needs to what its
// Run reads.
type Need string

// NeedsHistory: the rule reads the records' git history (Pass.History).
// Without it (not a repository, a shallow clone) the engine skips the rule
// with a notice.
const NeedsHistory Need = "history"

// Has reports whether the rule declares the need n.
func (r *Rule) Has(n Need) bool {
	for _, x := range r.Needs {
		if x == n {
			return true
		}
	}
	return false
}

// InProfile reports whether the rule is on in the shipped profile name.
func (r *Rule) InProfile(name string) bool {
	if r.Profiles == nil {
		return true
	}
	for _, p := range r.Profiles {
		if p == name {
			return true
		}
	}
	return false
}

// The rules the engine reports itself.
const (
	InvalidRecordID          = "invalid-record"
	UnusedSuppressionID      = "unused-suppression"
	UnexplainedSuppressionID = "unexplained-suppression"
)

// JoinCitations formats citations for a line of text, one source once:
// "Stoke-on-Trent C06 §03, §08; Oxfordshire 1.8 §3".
func JoinCitations(cites []Citation) string {
	var parts []string
	last := ""
	for _, c := range cites {
		if c.Source == last && c.Paragraph != "" && len(parts) > 0 {
			parts[len(parts)-1] += ", " + c.Paragraph
			continue
		}
		parts = append(parts, c.String())
		last = c.Source
	}
	return strings.Join(parts, "; ")
}
