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
// alone are not taking part.
func TookPart(cg *schema.CoreGroup, ref string) bool {
	return AmongPeople(ref, cg.Attended) || AmongPeople(ref, cg.WrittenReports)
}

// MentionedAt reports whether the record of meeting cg names ref at all: in
// attended, apologies or written_reports. A member first mentioned at a
// later meeting is taken to have joined the core group there.
func MentionedAt(cg *schema.CoreGroup, ref string) bool {
	return TookPart(cg, ref) || AmongPeople(ref, cg.Apologies)
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
	for _, a := range cg.Attended {
		if !SamePerson(a, m) && c.IsSocialWorker(a) && !c.IsLeadWorkersManager(a) {
			return true
		}
	}
	return false
}
