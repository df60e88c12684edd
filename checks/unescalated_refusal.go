package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnescalatedRefusal: contact with the child was refused or avoided and the
// lead worker's line manager was not told on the same or next working day.
var UnescalatedRefusal = &lint.Rule{
	ID:       "unescalated-refusal",
	Title:    "Refused or avoided contact was not escalated to the line manager by the next working day",
	Severity: lint.Error,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "If contact with the child/young person is refused or avoided and the child/young person remains unseen, this must be viewed as a failure to comply with the Child Protection Plan and would warrant immediate discussion with the lead worker's line manager"},
		{Source: Oxon, Paragraph: "§3", Quote: "If contact with the child is refused or avoided and the child remains unseen, this must be viewed as a serious breach of the Child Protection Plan. Immediate discussion with the Lead Social Worker's line manager"},
	},
	Text: `When contact with the child is refused or avoided, it is a serious breach of
(a failure to comply with) the Child Protection Plan, and it calls for
immediate discussion with the lead worker's line manager.

A visit is a refusal when access_refused = true, or when the child was not
seen and not_seen_reason says contact was refused or avoided ("mother would
not let me in", "denied entry", "did not answer the door", "avoided the
visit": the profile's refusals word list, which a config extends; a negated
word such as "not refused" does not count). The words are read as
practitioners write them: "wouldnt" is "wouldn't", a spaced hyphen ends a
clause as a comma does ("No answer - card left"), and the child's name, or a
brother's or sister's as case.md gives it, is "the child" ("Mum said I
couldn't see Jamie"). A no-access visit is contact
avoided: "No access", "Knocked several times, no answer", "door not
answered", "Mum declined the visit", "not permitted to see" are refusals;
"no answer on her phone" is not. So are a visit declined or put off ("Visit
declined by mum", "Mum did not want a visit today", "Mum said now was not a
good time", "told to come back another day"), words through a closed door
("shouted through the letterbox to go away"), a worker kept from the child
("said Ellie was asleep and I could not go up"), the child hiding ("Ellie
hid upstairs and would not come down") and nobody at home ("Nobody home",
"No one in - card left", "Not in", "out when I called"), and a family gone
away without telling the worker ("Family on holiday, not told to us",
"moved out without letting us know": the profile's gone_away and not_told
words, together); a reason naming a
cause that is not avoidance ("Ellie in hospital", "at school - agreed",
"visit rearranged at worker's request", "They told us they would be on
holiday") is not. When the record gives no
not_seen_reason (Stoke-on-Trent asks for none), or one that is no
answer ("Not seen": missing-not-seen-reason), the same words in its notes
("Mum would not let me in" under Observations) make it a refusal. A refusal
written only in words is reported at not_seen_reason, or at the sentence of
the notes, and the message asks for access_refused to be ticked. Visits before the child is born are not checked.

The rule fires on a refusal unless the record names
in escalated_to the lead worker's line manager (the plan's manager; when the
plan names none, someone whose role is a manager other than a conference
chair) of the day of the refusal, and gives in escalated a date on the day
of the visit or the next working day (weekends and bank holidays of England and Wales do not count).
The next working day is caselint's default, not the procedure: both ask for
immediate discussion and set no number, so a refusal late on the Thursday
before Easter discussed on the Tuesday after passes the rule, and is still
not immediate. An escalation dated before the visit is mistyped or about something else,
and is reported. A refusal before the case changed hands is escalated to
the manager of the lead worker then: as plan.md's [[previous_lead]]
records them, or, when it records none, as the records show them (a line
manager of the former lead worker's service; docs/format.md). A team
manager of another service or authority, or someone who is nobody's
manager, is not the manager then. A refusal made while the plan was in
force is escalated even when the plan ends before the next working day
(the family left the UK the day after, the 18th birthday fell on the
Sunday): the rule reports it as of the day linted, not only to the
plan's end.

An escalation written only in the notes ("Discussed with my team manager
Rob Jones on return to the office") is not read as one: who and when,
read from prose, could as well be a discussion still to come. The message
quotes the sentence of the notes that mentions the manager, and asks for
escalated_to and escalated to be recorded if that was the discussion.

The finding points at the visit's access_refused line (not_seen_reason, or
the sentence of the notes, for a refusal written only in words).

Visits dated before this authority's plan started (a section 47 enquiry's
visits before the initial conference, or the previous authority's kept in
a transfer-in case) are history, not visits of the plan, and are not read.`,
	Bad: `date = 2026-03-06T16:00:00
child_seen = false
not_seen_reason = "Mother would not open the door"
access_refused = true`,
	Good: `date = 2026-03-06T16:00:00
child_seen = false
not_seen_reason = "Mother would not open the door"
access_refused = true
escalated_to = "Owen Clarke"   # the plan's manager
escalated = 2026-03-09         # Monday: the next working day`,
	Profiles: allProfiles,
	Since:    "0.1.0",
	Synonyms: []string{"refusal not escalated", "no access not escalated to manager", "manager not told next working day", "refused entry and nobody escalated"},
	Related:  []string{"missing-not-seen-reason", "stale-reduced-visiting", "unapproved-reduced-visiting", "undelegated-visit", "unrecorded-birth", "unseen-bedroom", "unseen-child"},
	Run:      runUnescalatedRefusal,
	Due:      dueUnescalatedRefusal,
}

// refusalEscalationDue returns the day a refusal on visit v must be
// escalated by (the next working day), and whether v is a refusal of a
// child born that day at all.
func refusalEscalationDue(pass *lint.Pass, v *schema.Visit) (schema.Date, bool) {
	day := v.Date.Date
	if !pass.IsRefusal(v) || !pass.Case.IsBornOn(day) {
		return schema.Date{}, false
	}
	return pass.Calendar.AddWorkingDays(day, 1), true
}

// escalationPending reports whether refusal v records no escalation at all
// (nobody in escalated_to, no escalated date), or only an attempt
// ("Paul Rigby (voicemail left)": lint.Profile.Done): until its due day is
// past this is an obligation, not a finding.
func escalationPending(pass *lint.Pass, v *schema.Visit) bool {
	to := strings.TrimSpace(v.EscalatedTo)
	if pass.Profile.IsPlaceholder(to) {
		return v.Escalated.IsZero()
	}
	return pass.Profile.Done(to) == ""
}

// refusalReportAt is where a finding about refusal v points: the words
// that say contact was refused when access_refused is not ticked, else
// its access_refused key.
func refusalReportAt(pass *lint.Pass, v *schema.Visit) int {
	if _, off, ok := pass.RefusalInWords(v); ok && !v.AccessRefused {
		if off < 0 {
			return visitKeyAt(v.Doc, "not_seen_reason", "access_refused")
		}
		return off
	}
	return visitKeyAt(v.Doc, "access_refused")
}

// dueUnescalatedRefusal is the escalation of each refusal that records
// none, due the next working day after the visit.
func dueUnescalatedRefusal(pass *lint.Pass) []lint.Obligation {
	if pass.Case.Plan == nil {
		return nil
	}
	var out []lint.Obligation
	for _, v := range pass.PlanVisits() {
		due, ok := refusalEscalationDue(pass, v)
		if !ok || !escalationPending(pass, v) {
			continue
		}
		out = append(out, lint.Obligation{Key: "escalation:" + pathInCase(pass, v.Doc), What: "the refusal of contact escalated to the lead worker's manager", Due: due,
			From: lint.SourceOf(v.Doc, "contact refused"), Doc: v.Doc, Offset: refusalReportAt(pass, v), AfterEnd: true})
	}
	return out
}

func runUnescalatedRefusal(pass *lint.Pass) error {
	if pass.Case.Plan == nil {
		return nil
	}
	for _, v := range pass.PlanVisits() {
		day := v.Date.Date
		// The lead worker's line manager on the day of the refusal: before
		// the case changed hands, the manager then.
		manager := leadWorkersManagerPhraseOn(pass, day)
		due, ok := refusalEscalationDue(pass, v)
		// A refusal is escalated by the next working day, even when the
		// plan ends before it: the refusal was made while it was in force.
		if !ok || (escalationPending(pass, v) && !pass.AsOf.After(due)) {
			continue
		}
		to := strings.TrimSpace(v.EscalatedTo)
		noOne := pass.Profile.IsPlaceholder(to)
		var problems []string
		switch {
		case noOne && v.Escalated.IsZero():
			problems = append(problems, "no escalation is recorded")
		case noOne:
			problems = append(problems, "the record does not say who it was escalated to (escalated_to)")
		case pass.Profile.Done(to) == "":
			problems = append(problems, fmt.Sprintf("escalated_to says %q, which is no discussion with %s: a voicemail, a message or a request is not the discussion; record the manager in escalated_to once you have discussed it, and the attempts in the visit's notes", to, manager))
		case !pass.Case.IsLeadWorkersManagerOn(to, day):
			problems = append(problems, fmt.Sprintf("it was escalated to %s, who is not %s", to, manager))
		}
		switch {
		case v.Escalated.IsZero() && !noOne:
			problems = append(problems, "the record does not say when it was escalated (escalated)")
		case !v.Escalated.IsZero() && v.Escalated.After(due):
			problems = append(problems, fmt.Sprintf("it was escalated on %s, after the next working day", v.Escalated.Long()))
		case !v.Escalated.IsZero() && v.Escalated.Before(day):
			// A date before the refusal escalated something else, or is
			// mistyped: either way this refusal's escalation is not recorded.
			problems = append(problems, fmt.Sprintf("the escalation is dated %s, before the visit, which cannot be right", v.Escalated.Long()))
		}
		if len(problems) == 0 {
			continue
		}
		hint := ""
		if noOne && v.Escalated.IsZero() {
			hint = escalationInNotes(pass, v, day)
		}
		if said, off, ok := pass.RefusalInWords(v); ok && !v.AccessRefused {
			where := "the reason " + pass.Case.ChildName() + " was not seen on " + day.Long()
			if off >= 0 {
				where = "the record of the visit of " + day.Long() + ", which did not see " + pass.Case.ChildName() + ","
			}
			pass.Reportf(v.Doc, refusalReportAt(pass, v),
				"%s (%q) says contact was refused or avoided, but %s: tick access_refused = true, and, as a refusal is a serious breach of the plan, discuss it immediately with %s, on the same day or by %s (the next working day, caselint's latest for \"immediate\": the procedure sets no number) at the latest, and record who and when in escalated_to and escalated%s (%s)",
				where, lint.Brief(said), joinWithAnd(problems), manager, due.Long(), hint, cite(pass))
			continue
		}
		pass.Reportf(v.Doc, refusalReportAt(pass, v),
			"contact with %s was refused or avoided on %s but %s: a refusal is a serious breach of the plan; discuss it immediately with %s, on the same day or by %s (the next working day, caselint's latest for \"immediate\": the procedure sets no number) at the latest, and record who and when in escalated_to and escalated%s (%s)",
			pass.Case.ChildName(), day.Long(), joinWithAnd(problems), manager, due.Long(), hint, cite(pass))
	}
	return nil
}

// escalationInNotes says, for the message about a refusal that records
// no escalation, where the visit's notes speak of the lead worker's line
// manager of the day: "; its notes mention Rob Jones (\"Discussed with my
// team manager…\"): if that was the discussion, record escalated_to =
// \"Rob Jones\" and its day in escalated". The notes are not read as the
// escalation (who and when, from prose, could be a plan to discuss it
// tomorrow); the worker is told what to record. "" when they do not.
func escalationInNotes(pass *lint.Pass, v *schema.Visit, day schema.Date) string {
	m := pass.Case.LeadWorkersManagerOn(day)
	if m == "" {
		return ""
	}
	sen, ok := pass.Case.NotesMentioning(v, m)
	if !ok {
		return ""
	}
	return fmt.Sprintf("; its notes mention %s (%q): if that was the discussion, record escalated_to = %q and its day in escalated", m, lint.Brief(sen), m)
}
