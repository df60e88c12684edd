package lint

import (
	"slices"
	"strings"

	"github.com/caselint/caselint/schema"
)

// The core group's meetings, as the procedures describe them: who is a
// member, who took part in a meeting, who chaired and recorded it. Rules ask
// these; they do not read attended, apologies or written_reports themselves.

// CoreGroupMembers returns the members plan.md lists in core_group, blanks
// and repeats (SamePerson) left out, in the plan's order. They are read
// once a case (IsCoreGroupMember asks for them for every name): the slice
// is the case's, not to be changed.
func (c *Case) CoreGroupMembers() []string {
	if c.Plan == nil {
		return nil
	}
	if !c.coreGroupRead {
		// Clipped: a caller that appends gets a copy, never the case's.
		c.coreGroup, c.coreGroupRead = slices.Clip(c.readCoreGroupMembers()), true
	}
	return c.coreGroup
}

func (c *Case) readCoreGroupMembers() []string {
	var out []string
	for _, m := range c.Plan.CoreGroup {
		if m = strings.TrimSpace(m); m != "" && !AmongPeople(m, out) {
			out = append(out, m)
		}
	}
	return out
}

// IsCoreGroupMember reports whether ref names a member of the core group
// plan.md lists: by name, or as the representative of an agency the core
// group lists by its name ("Little Acorns Nursery", whose nursery manager
// attends).
func (c *Case) IsCoreGroupMember(ref string) bool {
	members := c.CoreGroupMembers()
	if AmongPeople(ref, members) {
		return true
	}
	if p := c.Person(ref); p != nil && strings.TrimSpace(p.Agency) != "" {
		return AmongPeople(p.Agency, members)
	}
	return false
}

// TookPart reports whether ref took part in the core group meeting cg: they
// attended it, or, absent, sent it a written report of their view and
// progress (Stoke-on-Trent C06 §05; Oxfordshire 1.8 §5.7 (7)). Apologies
// alone are not taking part, nor is a name in attended or written_reports
// whose note says otherwise ("Alison Ward (DNA)", "Dr Kim Green (report
// to follow)": Attended, WrittenReports).
func (c *Case) TookPart(cg *schema.CoreGroup, ref string) bool {
	return AmongPeople(ref, c.Attended(cg)) || AmongPeople(ref, c.WrittenReports(cg))
}

// Attended returns who attended meeting cg: its attended list without the
// names whose note says they did not ("Alison Ward (DNA)", "(apologies)",
// "(absent)") and without placeholders (Done).
func (c *Case) Attended(cg *schema.CoreGroup) []string { return c.coreGroupDone(cg).attended }

// WrittenReports returns who sent meeting cg a written report: its
// written_reports list without the names whose note says it did not come
// ("Dr Kim Green (to follow)", "(requested)") and without placeholders
// ("N/A", "None").
func (c *Case) WrittenReports(cg *schema.CoreGroup) []string { return c.coreGroupDone(cg).reports }

// doneRefs are a core group's Attended and WrittenReports.
type doneRefs struct{ attended, reports []string }

// coreGroupDone returns meeting cg's Attended and WrittenReports, read
// once a case: several rules ask them of every meeting, and each reference
// is read for a placeholder and a note (Profile.Done).
func (c *Case) coreGroupDone(cg *schema.CoreGroup) doneRefs {
	if d, ok := c.coreGroupsDone[cg]; ok {
		return d
	}
	d := doneRefs{c.doneAll(cg.Attended), c.doneAll(cg.WrittenReports)}
	// An apology noting that a report came ("Claire Dunn (report sent)")
	// is a written report too.
	if c.profile != nil {
		for _, a := range cg.Apologies {
			if c.profile.NoteSaysReportSent(schema.PersonNote(a)) && !AmongPeople(a, d.reports) {
				d.reports = append(d.reports[:len(d.reports):len(d.reports)], a)
			}
		}
	}
	if c.coreGroupsDone == nil {
		c.coreGroupsDone = map[*schema.CoreGroup]doneRefs{}
	}
	c.coreGroupsDone[cg] = d
	return d
}

// MentionedAt reports whether the record of meeting cg names ref at all: in
// attended, apologies or written_reports. A member first mentioned at a
// later meeting is taken to have joined the core group there.
func MentionedAt(cg *schema.CoreGroup, ref string) bool {
	return AmongPeople(ref, cg.Attended) || AmongPeople(ref, cg.WrittenReports) || AmongPeople(ref, cg.Apologies)
}

// CoreGroupChair returns who chaired meeting cg as the record gives it,
// spaces trimmed; "" when the record names no one or only a placeholder.
func (p *Profile) CoreGroupChair(cg *schema.CoreGroup) string {
	return p.named(cg.Chair)
}

// CoreGroupMinuteTaker returns who recorded the minutes of meeting cg,
// spaces trimmed; "" when the record names no one or only a placeholder.
func (p *Profile) CoreGroupMinuteTaker(cg *schema.CoreGroup) string {
	return p.named(cg.MinutesBy)
}

func (p *Profile) named(ref string) string {
	ref = strings.TrimSpace(ref)
	if p.IsPlaceholder(ref) {
		return ""
	}
	return ref
}

// IsMinuteTaker reports whether ref names one of the case's people whose
// role is to take minutes for the authority ("minute taker", "business
// support officer", "administrator"): someone the core group may ask to
// record a meeting without being a member.
func (c *Case) IsMinuteTaker(ref string) bool {
	p := c.person(ref)
	if p == nil || p.isFamily() {
		return false
	}
	return IsMinuteTakerRole(p.Role)
}

// MemberMeetings returns, of meetings (this plan's core group meetings, by
// date), those member m was expected at. A member is expected from the
// first meeting, unless the records show them joining later: the first
// meeting whose record names them (in attended, apologies or
// written_reports) is where they joined when
//
//   - joinAtAnyMeeting (Oxfordshire 1.8 §3 ¶7: the lead social worker
//     invites additional members to the core group as needed), or
//   - a conference of this plan was held after the meeting before it and
//     on or before it (the conference agrees the membership: C06 §01, 1.8
//     §5.2), as when a CAMHS worker joins at the review conference.
//
// A member no record names is expected from the first meeting: that is the
// member who never came. Under Stoke-on-Trent a member left out of the
// first minutes and present later, with no conference between, is still
// counted from the first meeting: the minutes should have said they were
// absent.
func (c *Case) MemberMeetings(meetings []*schema.CoreGroup, m string, joinAtAnyMeeting bool) []*schema.CoreGroup {
	k := -1
	for i, cg := range meetings {
		if MentionedAt(cg, m) {
			k = i
			break
		}
	}
	if k <= 0 {
		return meetings
	}
	if joinAtAnyMeeting {
		return meetings[k:]
	}
	prev, at := meetings[k-1].Date, meetings[k].Date
	for _, cf := range c.PlanConferences() {
		if cf.Date.After(prev) && !cf.Date.After(at) {
			return meetings[k:]
		}
	}
	return meetings
}

// CoveredFor reports whether, at meeting cg, the lead worker m was stood in
// for: m is the lead worker and another social worker of the authority
// (IsSocialWorker) attended: a colleague covering their absence, or the
// lead worker before them, the case changing hands. The core group goes
// ahead when the social worker cannot attend (C06 §05), and the
// authority's social work was there. The lead worker's manager, who
// chairs core groups as a matter of course (1.8 §4), is not cover, even
// when recorded as a qualified social worker.
func (c *Case) CoveredFor(cg *schema.CoreGroup, m string) bool {
	if !c.IsLeadWorker(m) {
		return false
	}
	for _, a := range c.Attended(cg) {
		if !SamePerson(a, m) && c.IsSocialWorker(a) && !c.IsLeadWorkersManager(a) {
			return true
		}
	}
	return false
}

// The written views of absent members (Stoke-on-Trent C06 §05 "The core
// group minutes must include the written views provided by professionals
// who were unable to attend the meeting"). The minutes include a member's
// view when a sentence of the section mentions them (MentionsPerson) and
// does not say that nothing came from them ("No report received from Dr
// Kim Green"). A section that only says none came ("None: everyone
// attended.", "No written reports received.", "Nil") includes no one's.

// MentionsPerson reports whether text mentions ref, by the words of
// their name (a title and a role in brackets left out), their first name
// or surname ("Grace sent a report"), or their role: the role in brackets
// after the name ("Dr Kim Green (GP)") or case.md's, or its initials ("HV"
// for a health visitor). Words are read as MentionsNeed reads a need's: case and
// punctuation ignored, whole words.
func (c *Case) MentionsPerson(text, ref string) bool {
	name, inner := splitBrackets(ref)
	var cands []string
	var ws []string
	for _, w := range strings.Fields(name) {
		if !personTitles[strings.ToLower(strings.Trim(w, "."))] {
			ws = append(ws, w)
		}
	}
	if len(ws) > 0 {
		cands = append(cands, strings.Join(ws, " "))
		if len(ws) > 1 {
			cands = append(cands, ws[0], ws[len(ws)-1]) // the first name, the surname
		}
	}
	roles := inner
	if p := c.person(ref); p != nil && p.Role != "" {
		roles = append(roles[:len(roles):len(roles)], p.Role)
	}
	for _, r := range roles {
		cands = append(cands, r)
		// "HV" for a health visitor, "SW" for a social worker.
		if rw := needWords(r); len(rw) > 1 && len(rw) <= 3 {
			var initials []byte
			for _, w := range rw {
				initials = append(initials, w[0])
			}
			cands = append(cands, string(initials))
		}
	}
	for _, cand := range cands {
		if len(needWords(cand)) > 0 && MentionsNeed(text, cand) {
			return true
		}
	}
	return false
}

// personTitles are the titles written before a name.
var personTitles = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "prof": true, "professor": true}

// NoViewsReceived reports whether text, the minutes' section for the
// written views of absent members, only says that none was received: it
// is empty, or each of its sentences says so ("None: everyone attended.",
// "No written reports received.", "None received", "Nil", "N/A - all
// present").
func NoViewsReceived(text string) bool {
	for _, s := range viewSentences(text) {
		if !saysNoneReceived(s) {
			return false
		}
	}
	return true
}

// ViewIncluded reports whether text, the minutes' section for the written
// views of absent members, includes ref's view: one of its sentences
// mentions them and does not say that nothing came from them.
func (c *Case) ViewIncluded(text, ref string) bool {
	for _, s := range viewSentences(text) {
		if c.MentionsPerson(s, ref) && !saysNoneReceived(s) {
			return true
		}
	}
	return false
}

// viewSentences splits text into its lines and the clauses between ";",
// and those into sentences (sentences: at a full stop, "!" or "?" followed
// by a space, not after a title such as "Dr."), keeping those with a
// letter or digit.
func viewSentences(text string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		for _, s := range sentences(part) {
			if strings.IndexFunc(s, isLetterOrDigit) >= 0 {
				out = append(out, s)
			}
		}
	}
	return out
}

// noneOpeners open a sentence that says nothing was received: "None",
// "Nil", "N/A".
var noneOpeners = map[string]bool{"none": true, "nil": true, "na": true, "nr": true}

// nothingReceived follow "nothing" in a sentence that says nothing was
// received ("Nothing received"); "Nothing of concern" is a view.
var nothingReceived = map[string]bool{"received": true, "submitted": true, "sent": true, "provided": true, "to": true, "from": true}

// noneAfterNo follow "no" in a sentence that says nothing was received:
// "No written reports", "No views received", "No apologies", "No one was
// absent". "No concerns" is a view.
var noneAfterNo = map[string]bool{
	"written": true, "report": true, "reports": true, "view": true, "views": true,
	"contribution": true, "contributions": true, "submission": true, "submissions": true,
	"apologies": true, "absent": true, "absence": true, "absences": true, "one": true,
	"member": true, "members": true, "professional": true, "professionals": true,
}

// noneNotes are words that, anywhere in a sentence, say the report did
// not come: "report not received from Dr Kim Green", "to follow".
var noneNotes = []string{
	"not received", "not been received", "no report", "no written report", "not sent",
	"did not send", "has not sent", "not provided", "not submitted", "to follow", "awaited",
	"everyone attended", "all attended", "all members attended", "all present", "everyone present",
	"full attendance", "all members present",
}

// saysNoneReceived reports whether sentence s says that no written view
// was received (from anyone, or from the member it names).
func saysNoneReceived(s string) bool {
	ws := words(strings.ReplaceAll(strings.ReplaceAll(s, "n/a", "na"), "N/A", "na"))
	if len(ws) == 0 {
		return true
	}
	if noneOpeners[ws[0]] || ws[0] == "no" && len(ws) > 1 && noneAfterNo[ws[1]] ||
		ws[0] == "nothing" && (len(ws) == 1 || nothingReceived[ws[1]]) {
		return true
	}
	return hasPhrase(phrase(s), noneNotes...)
}
