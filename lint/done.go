package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// A reference to a person in a field that records an act (who attended,
// who agreed a delegation, who approved, to whom a refusal was escalated,
// who was told) may carry a note in brackets after the name. The note may
// be a role ("Paul Rigby (team manager)", "Gemma (mum)"), which leaves the
// reference the person's, or a status saying the act was not done
// ("Alison Ward (DNA)", "Paul Rigby (requested, not yet agreed)", "Helen
// Marsh (sent for approval, awaiting reply)"), which leaves it no one's:
// the field records that nobody did it. Done is the one test.

// Done returns ref when it names someone who did what the field records,
// and "" when it is a placeholder ("N/A", "None", "TBC": an optional field
// so written is empty) or its note in brackets says the act was not done
// (NoteSaysNotDone).
func (p *Profile) Done(ref string) string {
	if p.IsPlaceholder(ref) || p.NoteSaysNotDone(schema.PersonNote(ref)) {
		return ""
	}
	return ref
}

// DoneAll returns the references of refs that are Done, in their order:
// refs itself when all are.
func (p *Profile) DoneAll(refs []string) []string {
	for i, r := range refs {
		if p.Done(r) == "" {
			out := append([]string(nil), refs[:i]...)
			for _, r := range refs[i+1:] {
				if p.Done(r) != "" {
					out = append(out, r)
				}
			}
			return out
		}
	}
	return refs
}

// NoteSaysNotDone reports whether note, the words in brackets after a
// person's name, says the person did not do what the field records: a
// placeholder ("TBC"), a not_done answer ("not done"), or words holding one
// of the profile's status words (Words.StatusNotes: "DNA", "apologies",
// "awaiting", "requested", "voicemail", "on leave", "not"), outside the
// profile's present_notes ("not the chair", "not well", "unable to stay
// for all of it": words holding a status word that say the person was
// there). A role ("team manager", "mum") says nothing of the kind. An
// empty note says nothing.
func (p *Profile) NoteSaysNotDone(note string) bool {
	if strings.TrimSpace(note) == "" {
		return false
	}
	if p.IsPlaceholder(note) || p.NotDone(note) {
		return true
	}
	w := p.readyWords()
	ph := phrase(note)
	for _, x := range w.presentNotes {
		// "not the chair", "not well", "unable to stay for all of it":
		// a status word that does not say the person was not there.
		ph = strings.ReplaceAll(ph, " "+x+" ", "  ")
	}
	return hasPhrase(ph, w.statusNotes...)
}

// done is Profile.Done with the profile the case is read with (ReadWith),
// or ref unchanged, placeholders aside, when it is read with none.
func (c *Case) done(ref string) string {
	if c.profile == nil {
		if strings.TrimSpace(ref) == "" {
			return ""
		}
		return ref
	}
	return c.profile.Done(ref)
}

// ReadWith sets the profile the case is read with: its placeholders and
// status words say which references to people record an act not done
// (Profile.Done); and under one authority's procedure (Stoke-on-Trent's,
// Oxfordshire's), that authority holds the plan when the lead worker's
// record names none (PlanAuthority). The engine sets it before the rules
// run.
func (c *Case) ReadWith(p *Profile) {
	c.profile, c.profileAuthority, c.coreGroupsDone = p, p.Authority(), nil
}

// doneAll is Profile.DoneAll with the profile the case is read with, or
// refs without its empty references when it is read with none.
func (c *Case) doneAll(refs []string) []string {
	if c.profile != nil {
		return c.profile.DoneAll(refs)
	}
	return refs
}

// blank reports whether ref names no one at all: empty, or a placeholder
// of the profile the case is read with ("N/A", "None").
func (c *Case) blank(ref string) bool {
	if c.profile == nil {
		return strings.TrimSpace(ref) == ""
	}
	return c.profile.IsPlaceholder(ref)
}

// NoteSaysReportSent reports whether note, the words in brackets after a
// name in a core group's apologies, says the member sent a written report
// ("Claire Dunn (report sent)", "(sent apologies and a report)", "(written
// report received)"): it names a report (or written views, an update) and
// none of the profile's deferrals ("report to follow", "report
// requested", "no report"). C06 §05 asks an absent professional for "a
// written report to the meeting": minute-takers often note it with the
// apology rather than in written_reports.
func (p *Profile) NoteSaysReportSent(note string) bool {
	ph := phrase(note)
	if strings.TrimSpace(note) == "" || !hasPhrase(ph, "report", "reports", "written views", "written update", "update sent", "update provided", "views sent") {
		return false
	}
	return !hasPhrase(ph, p.readyWords().deferrals...) && !hasPhrase(ph, reportFuture...) && !p.IsPlaceholder(note)
}

// reportFuture say a report is still to come ("will send a report").
var reportFuture = []string{"will", "to be", "to send", "going to", "later", "asked for", "chased"}
