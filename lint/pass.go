package lint

import (
	"fmt"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// Pass is what a rule gets to check one case: the case, the profile's
// numbers, the as-of date, the working-day calendar and a way to report.
type Pass struct {
	Rule     *Rule
	Case     *Case
	Profile  *Profile
	AsOf     schema.Date
	Calendar *calendar.Calendar
	// History is the git history of the records, or nil outside a
	// repository or in a shallow clone.
	History History

	report func(Diagnostic)
}

// profileWordsOf returns the pass's profile's word lists made ready to
// search (Profile.readyWords).
func (p *Pass) profileWordsOf() *profileWords { return p.Profile.readyWords() }

// Diagnostic is a finding as a rule reports it: a document, a byte offset in
// it and a message. The engine turns it into a Finding with line and column.
type Diagnostic struct {
	Doc    *schema.Document
	Offset int
	// End, when after Offset, is where what the diagnostic points at ends
	// (the words, the cell); else the engine finds the extent of the key,
	// value or row at Offset itself (extents, place.go).
	End     int
	Message string
	// Msg, when its Format is set, is the message with what it quotes
	// from the records apart (schema.Msg), so that --redact can keep
	// caselint's words and redact the rest; Message is then its text
	// when empty. Reportf sets both.
	Msg schema.Msg
	// Attributed names the commit a history rule blames, or nil.
	Attributed *Version
	// Span is the gap the finding is about, or nil (Finding.Span).
	Span *Span
	// Occurrence, when set, says which instance of a problem the finding
	// is about, for a rule that reports every instance on the same line:
	// a gap still open, reported on plan.md's started line, is the one
	// that opened on its day ("since 2026-04-21"); a decision to end the
	// plan, the conference that made it. It is part of the finding's
	// fingerprint, so that a baseline entry (or --new-from-rev) matches
	// only the same instance, never a new one on that line. "" for a
	// finding its line identifies (the line's own record or value).
	Occurrence string
	// Opened, when set, is the day the instance the finding is about
	// opened (a gap's first day, the conference that decided), for a rule
	// whose instances on one line follow one another in time: a
	// caselint:ignore on that line covers only the earliest of them
	// (suppress.go).
	Opened schema.Date
	// Open says the finding is about an obligation still open on the day
	// linted to (a child unseen now, a meeting overdue now): a baseline
	// never hides it, and caselint baseline does not write it (baseline.go).
	Open bool
}

// Reportf reports a finding at byte offset off of doc. format is
// caselint's own text; args are what it quotes from the records.
func (p *Pass) Reportf(doc *schema.Document, off int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...)})
}

// ReportGapf is Reportf for a finding about a gap that has closed,
// reported on the record that ended it: span is drawn on the case's
// timeline, and its occurrence is the day the gap opened, span.From
// (Diagnostic.Occurrence). The line of the record that closed the gap
// does not say where it began: a change that makes the gap start earlier
// (a visit deleted, seen_alone corrected on an earlier one) leaves that
// line as it was, and without the occurrence a baseline entry, or
// --new-from-rev, would take the longer gap for the one already known.
func (p *Pass) ReportGapf(span Span, doc *schema.Document, off int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...), Span: &span,
		Occurrence: GapOccurrence(span.From)})
}

// ReportOpenGapf is ReportGapf for a gap still open at the day linted to
// (or at the plan's end), reported on a line every such gap of the case
// shares (plan.md's started line): its occurrence is the day it opened,
// span.From, so that a baseline entry of an earlier gap, since closed,
// does not hide it (Diagnostic.Occurrence).
//
// The gap is open (Diagnostic.Open) when it runs to the day linted to,
// not to a cessation before it.
func (p *Pass) ReportOpenGapf(span Span, doc *schema.Document, off int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...), Span: &span,
		Occurrence: GapOccurrence(span.From), Opened: span.From, Open: !span.To.Before(p.AsOf)})
}

// ReportOpenf is Reportf for an obligation that opened on opened (the
// conference it counts from, the one that decided) and has not been met,
// reported on a line every instance of it shares: occurrence says which
// (Diagnostic.Occurrence). It is open (Diagnostic.Open) unless the plan
// ended before the day linted to, when it is a thing of the past.
func (p *Pass) ReportOpenf(opened schema.Date, occurrence string, doc *schema.Document, off int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...),
		Occurrence: occurrence, Opened: opened, Open: !p.Until().Before(p.AsOf)})
}

// GapOccurrence is the occurrence of a gap that opened on from
// (Diagnostic.Occurrence).
func GapOccurrence(from schema.Date) string { return "since " + from.String() }

// ReportOccurrencef is Reportf for a finding about one instance of a
// problem its rule reports on a line every instance shares: occurrence
// says which (Diagnostic.Occurrence).
func (p *Pass) ReportOccurrencef(occurrence string, doc *schema.Document, off int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...), Occurrence: occurrence})
}

// ReportExtentf is Reportf for what stands from byte offset off to end of
// doc (words of the text, a cell): reports mark that extent.
func (p *Pass) ReportExtentf(doc *schema.Document, off, end int, format string, args ...any) {
	p.report(Diagnostic{Doc: doc, Offset: off, End: end, Message: fmt.Sprintf(format, args...), Msg: schema.Msgf(format, args...)})
}

// Report reports a prepared diagnostic.
func (p *Pass) Report(d Diagnostic) { p.report(d) }

// Until is the last day the case is evaluated to: the as-of date, or the
// day the plan ended (Case.PlanEnd) when that was before it. A [cessation]
// no conference decided, where one had to (Case.CessationUndecided), has
// not ended the plan: the case is evaluated to the as-of date.
func (p *Pass) Until() schema.Date { return p.Case.EvaluatedUntil(p.Profile, p.AsOf) }

// PlanEnd is Case.PlanEnd under the pass's profile: the day the plan
// ended, and false while it is in force.
func (p *Pass) PlanEnd() (schema.Date, bool) { return p.Case.PlanEnd(p.Profile) }
