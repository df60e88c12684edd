package lint

import "github.com/caselint/caselint/schema"

// Finding is one problem, ready for a report: where it is (path relative to
// the root, with forward slashes, and line and columns), which rule found
// it, how serious it is and what to do.
type Finding struct {
	RuleID   string
	Severity Severity
	Path     string
	Pos      schema.Position
	// End is where what the finding points at ends (the key, the table
	// row, the words), the position just after its last character; not
	// valid (Line 0) when the engine knows only where it starts.
	End     schema.Position
	Message string
	// Fingerprint identifies the finding across edits that move lines: a
	// hash of the rule, the path and the text of the line it points at,
	// and of its occurrence when the rule names one (Diagnostic.Occurrence).
	Fingerprint string
	// Suppression is set when a caselint:ignore comment covers the finding.
	Suppression *Suppression
	// Origin is the commit that last changed the line the finding points
	// at, when linting inside a repository and the line is committed.
	Origin *Version
	// Attributed is the commit a history rule attributes the finding to
	// (late-recording, recorded-before-event: the commit that added the
	// record; rewritten-record: the commit that changed its facts).
	Attributed *Version
	// Span is the stretch of time the finding is about, when it is one (a
	// gap between visits that saw the child alone, or between core
	// groups), so that a timeline can draw it; nil otherwise.
	Span *Span

	// msg is Message with what it quotes apart (schema.Msg), for
	// redaction; redacted is set once it is redacted.
	msg      schema.Msg
	redacted bool
	// opened and open are the diagnostic's Opened and Open: when the
	// instance of a problem the finding is about opened, for instances
	// that follow one another on one line (suppress.go), and whether it is
	// still open on the day linted to (baseline.go).
	opened schema.Date
	open   bool
}

// IsOpen reports whether the finding is about an obligation still open on
// the day linted to (Diagnostic.Open): a child unseen now, a meeting or
// conference overdue now. A baseline never hides it.
func (f Finding) IsOpen() bool { return f.open }

// withMsg is f with the message m.
func (f Finding) withMsg(m schema.Msg) Finding {
	f.Message, f.msg = m.String(), m
	return f
}

// Span is a gap a finding reports: from the day it opened (the last
// meeting or visit, the plan's start) to the day it closed or the case was
// evaluated to, and the day by which it should have closed.
type Span struct {
	From schema.Date
	Due  schema.Date
	To   schema.Date
}

// Suppression is the reviewed exception that covers a finding.
type Suppression struct {
	Reason string
	Pos    schema.Position // where the caselint:ignore comment stands
}

// Notification is something that kept caselint from reading part of the
// tree (an unreadable file, a skipped check). It goes to stderr and to
// SARIF's toolExecutionNotifications; it is not a finding.
type Notification struct {
	Kind    NoticeKind // what it is about; code asks this, never the text
	Level   Severity
	Path    string // "" when it concerns no one file
	Message string

	msg      schema.Msg // as Finding.msg
	redacted bool
}

// Result is what a run produced.
type Result struct {
	Findings      []Finding // sorted by path, line, column, rule
	Notifications []Notification
	Files         int // records read
	Cases         int
	Untouched     int    // cases and files of no case not linted (Options.Touched)
	Baselined     int    // findings the baseline hid (BaselineStage)
	Root          string // absolute root the paths are relative to
	// Chronologies are the cases' events, in the order of the cases, when
	// Options.Chronologies asks for them.
	Chronologies []Chronology
	// Obligations are the cases' open obligations, in the order of the
	// cases, when Options.Obligations asks for them.
	Obligations []CaseObligations
}
