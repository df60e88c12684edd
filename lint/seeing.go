package lint

import (
	"iter"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// Seeing the child, as the procedures define it (Stoke-on-Trent C06 §03,
// Oxfordshire 1.8 §3): when there is a child to see (birth), when a visit
// saw the child alone (a baby awake), when a visit counts as the lead
// worker seeing the child, when contact was refused, and when reduced
// visiting is in force. Every rule about seeing the child asks these.

// --- Birth ----------------------------------------------------------------

// IsUnborn reports whether the child is recorded as unborn with no date of
// birth. A child recorded both born and unborn is an invalid record
// (schema); the date of birth is the fact, so such a child is born.
func (c *Case) IsUnborn() bool {
	ch := c.Child()
	return ch.Unborn && ch.Born.IsZero()
}

// IsBornOn reports whether there is a child to see on d: the child was
// born on or before d. An unborn child is born on no day until the birth
// is recorded; a child with no date of birth who is not recorded unborn
// (an invalid record), or whose date of birth is still to come (Birth),
// counts as born, so that the rules about seeing the child are not
// silently switched off.
func (c *Case) IsBornOn(d schema.Date) bool {
	if c.IsUnborn() {
		return false
	}
	born := c.Birth()
	return born.IsZero() || !d.Before(born)
}

// Birth returns the child's date of birth as the rules may count from it:
// case.md's born, or the zero date when none is recorded or when it is
// after the day the case is read as of (ReadOn). A birth cannot be
// recorded before it happens: such a date is a mistake (2081 for 2018, or
// the expected date written in advance), which unrecorded-birth reports
// (BornInFuture); counting the visits from it would switch off every rule
// about seeing the child until that day.
func (c *Case) Birth() schema.Date {
	if c.BornInFuture() {
		return schema.Date{}
	}
	return c.Child().Born
}

// BornInFuture reports whether case.md's date of birth is after the day
// the case is read as of.
func (c *Case) BornInFuture() bool {
	born := c.Child().Born
	return !born.IsZero() && !c.asOf.IsZero() && born.After(c.asOf)
}

// BirthUnrecordedAfter is how long after the expected date of birth an
// unborn child with no birth recorded is reported (unrecorded-birth): two
// weeks, the usual spread of a due date.
const BirthUnrecordedAfter = 14 // days

// UnrecordedBirth reports whether the child is still recorded unborn more
// than two weeks after the expected date, as of p.Until(): the expected
// date + 14 days is still in time, + 15 days is not. It returns the expected date.
// An unborn child with no expected date is overdue once the plan has run
// 42 weeks (a pregnancy lasts at most that long) plus the two weeks; expected
// is then zero. So is one whose expected date is later than any pregnancy
// lasts (ExpectedTooLate), with the expected date returned.
func (p *Pass) UnrecordedBirth() (expected schema.Date, overdue bool) {
	expected, due, ok := p.Case.BirthRecordDue()
	return expected, ok && p.Until().After(due)
}

// BirthRecordDue returns, for an unborn child, the last day the birth may
// go unrecorded (UnrecordedBirth) and the expected date it is counted from
// (zero when none is recorded: the plan's start then); ok is false when
// the child is born, or there is nothing to count from.
func (c *Case) BirthRecordDue() (expected, due schema.Date, ok bool) {
	if !c.IsUnborn() {
		return schema.Date{}, schema.Date{}, false
	}
	start := c.PlanStart()
	if c.Plan == nil {
		start = schema.Date{}
	}
	if e := c.Child().Expected; !e.IsZero() {
		if c.ExpectedTooLate() {
			return e, start.AddDays(LongestPregnancy + BirthUnrecordedAfter), true
		}
		return e, e.AddDays(BirthUnrecordedAfter), true
	}
	if start.IsZero() {
		return schema.Date{}, schema.Date{}, false
	}
	return schema.Date{}, start.AddDays(LongestPregnancy + BirthUnrecordedAfter), true
}

// LongestPregnancy is the longest a pregnancy lasts, in days: 42 weeks.
const LongestPregnancy = 42 * 7

// ExpectedTooLate reports whether an unborn child's expected date of birth
// is more than 42 weeks after the plan's start, which no pregnancy lasts (a
// pre-birth plan is made during the pregnancy): the date is a mistake (2062
// for 2026), and the birth is due to be recorded as though none were given
// (BirthRecordDue), not years from now.
func (c *Case) ExpectedTooLate() bool {
	e, start := c.Child().Expected, c.PlanStart()
	return c.Plan != nil && !e.IsZero() && !start.IsZero() && e.After(start.AddDays(LongestPregnancy))
}

// SeeingFrom returns the day from which the child must be seen: the later
// of this authority's plan's start (PlanStart: for a child who moved in,
// the transfer conference) and the child's birth. ok is false when there is no
// plan (HasPlan: a conference that started one counts, plan.md missing or
// not) or no start, or the child is unborn: before the birth no rule about
// seeing the child or the child's bedroom applies.
func (c *Case) SeeingFrom() (from schema.Date, ok bool) {
	from = c.PlanStart()
	if !c.HasPlan() || from.IsZero() || c.IsUnborn() {
		return schema.Date{}, false
	}
	if born := c.Birth(); !born.IsZero() && born.After(from) {
		from = born
	}
	return from, true
}

// --- Visits ---------------------------------------------------------------

// Visits returns the case's visits that can be read and are dated on or
// before p.Until(), in date order. A visit whose frontmatter could not be
// decoded, or whose date is missing, is invalid-record's concern.
func (p *Pass) Visits() []*schema.Visit {
	until := p.Until()
	var out []*schema.Visit
	for _, v := range p.Case.Visits {
		if v == nil || v.Doc == nil || v.Date.IsZero() || v.Date.Date.After(until) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// PlanVisits returns the visits of this authority's plan: those of Visits
// dated on or after its start (Case.InPlan). Visits before it (a section
// 47 enquiry's, before the initial conference, or the previous
// authority's, kept in a transfer-in case) are history: no rule reports
// them. Rules about what a visit record holds ask this; the rules that
// count when the child was seen read Visits and their own start.
func (p *Pass) PlanVisits() []*schema.Visit {
	var out []*schema.Visit
	for _, v := range p.Visits() {
		if p.Case.InPlan(v.Date.Date) {
			out = append(out, v)
		}
	}
	return out
}

// SawChild reports whether visit v saw the child: child_seen, on a day the
// child had been born.
func (c *Case) SawChild(v *schema.Visit) bool {
	return v != nil && v.ChildSeen && c.IsBornOn(v.Date.Date)
}

// IsAsleep reports whether visit v records the child asleep: awake written
// and false. A visit that does not write awake says nothing either way.
func IsAsleep(v *schema.Visit) bool {
	return v != nil && !v.Awake && v.Doc != nil && v.Doc.Keys != nil && v.Doc.Keys.Has("awake")
}

// SeenAlone reports whether visit v saw the child alone as the procedures
// require: child_seen and seen_alone; for a baby under one on the day of
// the visit, seen while awake (Oxfordshire 1.8 §3 "seeing the child alone
// or a baby when awake"): child_seen and awake = true, alone or not. A baby
// recorded seen_alone but asleep (awake = false written) was not seen: being
// alone with a sleeping baby shows nothing of how the baby is. A baby
// recorded seen_alone with no awake key counts (the record does not say the
// baby was asleep). Who visited does not matter here (CountsAsLeadWorker).
//
// A visit whose present lists a brother or sister of the child and not the
// child (SiblingPresentInstead) did not see the child alone either, unless
// its words say, by the child's name, that the child was seen alone: it
// is the record of the sibling's visit, copied into this child's folder or
// written up for both children from one.
func (c *Case) SeenAlone(v *schema.Visit) bool {
	if !c.SawChild(v) {
		return false
	}
	if _, ok := c.SiblingPresentInstead(v); ok {
		return false
	}
	if c.IsBabyOn(v.Date.Date) {
		return v.Awake || (v.SeenAlone && !IsAsleep(v))
	}
	return v.SeenAlone
}

// SawBedroom reports whether visit v saw the child's bedroom as 1.8 §3
// asks: bedroom_seen, on a visit that counts as the lead worker seeing the
// child (CountsAsLeadWorker). The lead social worker's "face to face
// contact ... must include ... seeing the child's bedroom"; a health
// visitor's or family support worker's look at it is not that contact.
func (c *Case) SawBedroom(v *schema.Visit) bool {
	return v != nil && v.BedroomSeen && c.CountsAsLeadWorker(v)
}

// SawBedroom reports whether visit v saw the child's bedroom
// (Case.SawBedroom, from the record's facts), unless the record's own
// words say otherwise (BedroomNotSeenInWords): a visit recorded
// bedroom_seen = true whose notes say "Mum would not let me go upstairs,
// so I did not see her bedroom today" did not see it.
//
// Nor did a visit that saw the child only by video or telephone
// (NotFaceToFaceInWords): 1.8 §3 makes the bedroom part of the lead
// worker's "face to face contact".
func (p *Pass) SawBedroom(v *schema.Visit) bool {
	if !p.Case.SawBedroom(v) {
		return false
	}
	if _, remote := p.NotFaceToFaceInWords(v); remote {
		return false
	}
	_, contradicted := p.BedroomNotSeenInWords(v)
	return !contradicted
}

// bedroomSeenWords say, in a visit record, that a bedroom was seen ("Leo
// showed me his bedroom", "looked round her room"). A record that says so
// of the child is not read as contradicting bedroom_seen, whatever else
// it says ("Mum would not let me go upstairs at first; later she showed
// me Leo's bedroom").
var bedroomSeenTokens = newPhraseList([]string{
	"saw * bedroom", "saw bedroom", "seen * bedroom", "looked at * bedroom", "looked round * bedroom",
	"looked around * bedroom", "looked in * bedroom", "shown * bedroom", "showed me * bedroom",
	"checked * bedroom", "bedroom seen", "bedroom was seen", "bedroom checked", "bedroom was checked",
	"saw her room", "saw his room", "saw their room", "shown her room", "shown his room",
	"showed me her room", "showed me his room", "went up to * bedroom", "went into * bedroom",
})

// BedroomNotSeenInWords returns the sentence of visit v's record (its
// not_seen_reason or notes) that says, against bedroom_seen = true, that
// the child's bedroom was not seen: one of the profile's bedroom-not-seen
// words (Words.BedroomNotSeen: "did not see * bedroom", "would not let me
// go upstairs"), not negated, about the child's bedroom, when no sentence
// says the child's bedroom was seen after all (bedroomSeenWords). Whose
// bedroom is the word just before "bedroom" or "room": a bedroom said to
// be someone else's of the family ("did not see Ruby's bedroom", "his
// sister's room", "the parents' bedroom") is not the child's, and such a
// sentence neither contradicts the record nor answers another; a bedroom
// of no one named ("the bedroom", "her room"), or a worker kept from
// going upstairs, is the child's. ok is false when the record does not
// record bedroom_seen, or does not contradict it. Only the texts that
// may hold all the words of a phrase (phraseList.mayBeIn) are split into
// words, and what a visit's words say is kept for the case.
func (p *Pass) BedroomNotSeenInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.BedroomSeen || v.Doc == nil {
		return "", false
	}
	return p.keptVisitWords(&p.Case.bedroomNot, v, p.bedroomNotSeenInWords)
}

// bedroomNotSeenInWords is BedroomNotSeenInWords, not kept.
func (p *Pass) bedroomNotSeenInWords(v *schema.Visit) (string, bool) {
	not := p.profileWordsOf().bedroomNot
	var textsBuf [16]string
	texts := appendVisitTexts(textsBuf[:0], v)
	said := ""
	var r *nameRefs
	for _, t := range texts {
		if !not.mayBeIn(t) {
			continue
		}
		if r == nil {
			r = p.Case.nameRefs()
		}
		for _, sen := range sentences(t) {
			if childsBedroomSaid(not, sen, r) {
				said = sen
				break
			}
		}
		if said != "" {
			break
		}
	}
	if said == "" {
		return "", false
	}
	for _, t := range texts {
		if !bedroomSeenTokens.mayBeIn(t) {
			continue
		}
		for _, sen := range sentences(t) {
			if childsBedroomSaid(bedroomSeenTokens, sen, r) {
				return "", false
			}
		}
	}
	return said, true
}

// childsBedroomSaid reports whether sentence sen says one of the phrases
// of l (tokensSayAt) of the child's bedroom: not of a bedroom the word
// before it says is someone else's of the family (bedroomWhose).
func childsBedroomSaid(l *phraseList, sen string, r *nameRefs) bool {
	if !l.mayBeIn(sen) {
		return false
	}
	toks := refusalTokens(sen)
	if !l.saidBy(toks) {
		return false
	}
	for i := range toks {
		for _, phrase := range l.phrases {
			if len(phrase) > 0 && tokensSayAt(toks, i, phrase, nil) && bedroomWhose(toks, i, len(phrase), r) != refOther {
				return true
			}
		}
	}
	return false
}

// bedroomWhose returns whom the bedroom of a phrase of n words said from
// toks[i] is said to be: the kind (nameRefs.kind) of the word before the
// first "bedroom", "bedrooms" or "room" of the words said (a "*" is at
// most two words), or the child when the child is listed with them
// ("Jamie or Ruby's bedroom"); refNone when the phrase names no room
// ("would not let me go upstairs") or the word before it names no one
// ("the bedroom").
func bedroomWhose(toks []string, i, n int, r *nameRefs) refKind {
	for k := i; k < len(toks) && k < i+2*n && toks[k] != clauseBreak; k++ {
		switch toks[k] {
		case "bedroom", "bedrooms", "room":
			if k == 0 {
				return refNone
			}
			kind := r.kind(toks[k-1])
			if kind != refOther {
				return kind
			}
			for m := k - 2; m >= 0; m-- {
				w := toks[m]
				switch other := r.kind(w); {
				case other == refChild:
					return refChild
				case other == refOther || w == "and" || w == "or" || w == "&":
					continue
				}
				break
			}
			return refOther
		}
	}
	return refNone
}

// --- Who sees the child -----------------------------------------------------

// VisitStanding is whose contact a visit is, for the procedures: the lead
// worker's own, cover by another social worker of the authority,
// delegated in writing, or none of these (a teacher, health visitor, family
// member, or a delegation not properly recorded).
type VisitStanding int

// The standings of a visit.
const (
	NotLeadWorkersVisit VisitStanding = iota
	ByLeadWorker
	ByCoveringSocialWorker
	ByDelegation
)

// Standing returns the standing of visit v (VisitStanding). A joint visit
// counts as the lead worker's (or the covering social worker's) when they
// are by or among those present.
func (c *Case) Standing(v *schema.Visit) VisitStanding {
	if v == nil {
		return NotLeadWorkersVisit
	}
	switch {
	case c.IsLeadWorker(v.By) || c.isJointWith(v, c.IsLeadWorker):
		return ByLeadWorker
	case c.IsCoveringSocialWorker(v.By) || c.isJointWith(v, c.IsCoveringSocialWorker):
		return ByCoveringSocialWorker
	case c.IsDelegated(v):
		return ByDelegation
	}
	return NotLeadWorkersVisit
}

// isJointWith reports whether visit v, written by someone else (a health
// visitor's record of a joint visit), lists among those present someone
// for whom is true: the lead worker, or a social worker covering for them,
// was there and saw the child face to face (Oxfordshire 1.8 §3 "face to
// face contact with the child"; Stoke-on-Trent C06 §03 "to see the
// child"). Present lists the people there besides the visitor.
func (c *Case) isJointWith(v *schema.Visit, is func(string) bool) bool {
	for _, p := range v.Present {
		if is(p) {
			return true
		}
	}
	return false
}

// CountsAsLeadWorker reports whether visit v counts as the lead worker
// seeing the child: by the lead worker, by another social worker of the
// authority covering for them, or by someone to whom contact was delegated
// under a recorded written agreement. A teacher, health visitor, GP or
// family member seeing the child does not count.
func (c *Case) CountsAsLeadWorker(v *schema.Visit) bool {
	return c.Standing(v) != NotLeadWorkersVisit
}

// IsCoveringSocialWorker reports whether ref names someone who may cover
// for the lead worker (Stoke-on-Trent C06 §04, Oxfordshire 1.8 §4: the
// manager arranges cover): not the lead worker, a social worker of the
// authority (IsSocialWorker: not of another service by agency or role, nor
// of another authority, and not a health visitor or teacher however
// qualified) whose role does not say they are not (yet) qualified (a
// student or trainee social worker, a social work assistant; nor whose
// entry writes qualified = false: their visits
// need a written delegation like anyone else's), or the lead worker's line
// manager as the plan names them, who is of the authority's children's
// services (IsAuthorityAgency) where the agency is written.
func (c *Case) IsCoveringSocialWorker(ref string) bool {
	if c.IsLeadWorker(ref) {
		return false
	}
	child, p := c.refer(ref)
	if p == nil || p.Family || child {
		return false
	}
	if c.isNamedManager(ref) {
		return c.IsAuthorityAgency(p.Agency)
	}
	if !c.IsSocialWorker(ref) || p.notQualified() {
		return false
	}
	return c.IsAuthorityAgency(p.Agency)
}

// isNamedManager reports whether ref is the lead worker's manager as the
// plan names them: a role guessed from case.md ("practice manager") is not
// enough to make someone cover for a social worker.
func (c *Case) isNamedManager(ref string) bool {
	m := c.LeadWorkersManager()
	return m != "" && SamePerson(ref, m)
}

// IsAuthorityAgency reports whether an agency, as case.md writes it, may be
// the local authority's children's services (the lead worker's employer):
// anything AgencyService does not plainly place in another service (adult
// social care, health, a school, the police, a charity). An agency not
// written, or not plain ("Locality Team 3"), is given the benefit of the
// doubt: the role decides.
func (c *Case) IsAuthorityAgency(agency string) bool {
	return AgencyService(agency) != ServiceOther
}

// IsDelegated reports whether visit v was made under a recorded written
// delegation (Oxfordshire 1.8 §3): by a professional other than the lead
// worker, delegated_by the lead worker on the day of the visit and
// delegation_agreed by their line manager then (IsLeadWorkerOn,
// IsLeadWorkersManagerOn: the lead worker before the case changed hands,
// for a visit before it), neither of them with a note saying it was not
// done ("Paul Rigby (requested, not yet agreed)": Done). Contact is never
// delegated to a family member.
func (c *Case) IsDelegated(v *schema.Visit) bool {
	if v == nil || c.IsLeadWorker(v.By) || !c.IsProfessional(v.By) {
		return false
	}
	day := v.Date.Date
	by, agreed := c.done(v.DelegatedBy), c.done(v.DelegationAgreed)
	return c.IsLeadWorkerOn(by, day) && !SamePerson(v.By, by) && c.IsLeadWorkersManagerOn(agreed, day)
}

// NotCountedReason is WhyNotLeadWorkers' answer for a visitor who is
// simply not one of those whose visit counts.
const NotCountedReason = "a visit counts only when made by the lead worker, by a social worker of the authority covering for them, or under a written delegation agreed by the lead worker's manager"

// WhyNotLeadWorkers says, for a message, why visit v does not count as the
// lead worker seeing the child: "Meg Lane is a social worker of City
// Hospital, not of the authority's children's services", or, for a teacher,
// a health visitor and anyone else not of those who may see the child for
// the lead worker, NotCountedReason. It returns "" when the visit counts.
func (c *Case) WhyNotLeadWorkers(v *schema.Visit) string {
	if v == nil || c.CountsAsLeadWorker(v) {
		return ""
	}
	by := strings.TrimSpace(v.By)
	p := c.person(by)
	switch {
	case by == "":
		return "the record does not say who visited"
	case p == nil:
		return by + " is not among the people in case.md"
	case p.Family:
		return "a family member seeing the child is not the lead worker seeing them"
	case (p.isSocialWorker() || c.isNamedManager(by)) && !c.IsAuthorityAgency(p.Agency):
		return by + " is a social worker of " + strings.TrimSpace(p.Agency) + ", not of the authority's children's services"
	case p.isSocialWorker() && p.role().otherService:
		return by + ", a " + strings.TrimSpace(p.Role) + ", is a social worker of another service, not of the authority's children's services, so not cover for the lead worker, and no written delegation agreed by the lead worker's manager is recorded"
	case p.isSocialWorker() && c.OfAnotherAuthority(by):
		of := strings.TrimSpace(p.Agency)
		if AgencyAuthority(of) == "" { // named in the role: "social worker (Cheshire East)"
			of = strings.TrimSpace(p.Role)
			return by + ", a " + of + ", is a social worker of another authority than the one holding the plan, so not cover for the lead worker, and no written delegation agreed by the lead worker's manager is recorded"
		}
		return by + " is a social worker of " + of + ", another authority than the one holding the plan, so not cover for the lead worker, and no written delegation agreed by the lead worker's manager is recorded"
	case c.IsSocialWorker(by) && p.role().unqualified:
		return "a " + strings.ToLower(strings.TrimSpace(p.Role)) + " is not a qualified social worker covering for the lead worker, and no written delegation agreed by the lead worker's manager is recorded"
	case c.IsSocialWorker(by) && p.QualifiedFalse:
		return by + " is recorded as not qualified (qualified = false in case.md), so not a qualified social worker covering for the lead worker, and no written delegation agreed by the lead worker's manager is recorded"
	case !c.blank(v.DelegatedBy) || !c.blank(v.DelegationAgreed):
		return "the delegation to " + by + " is not recorded as made by the lead worker (delegated_by) and agreed by the lead worker's manager (delegation_agreed)"
	}
	return NotCountedReason
}

// --- Refusal ----------------------------------------------------------------

// IsRefusal reports whether visit v records contact with the child refused
// or avoided: access_refused = true, or the child was not seen and the
// record says in words that contact was refused or avoided
// (RefusalInWords).
func (p *Profile) IsRefusal(v *schema.Visit) bool {
	return p.isRefusal(v, nil)
}

// IsRefusal is Profile.IsRefusal knowing the case's people: the child's
// name, as case.md gives it, is read as "the child" or "him" in the
// profile's refusal words ("said I could not see Jamie"; slotPeople).
func (p *Pass) IsRefusal(v *schema.Visit) bool {
	return p.Profile.isRefusal(v, p.Case.slotPeople())
}

func (p *Profile) isRefusal(v *schema.Visit, people *slotPeople) bool {
	if v == nil {
		return false
	}
	if v.AccessRefused {
		return true
	}
	_, _, ok := p.refusalInWords(v, people)
	return ok
}

// IsRefusalInWordsOnly reports whether visit v is a refusal written only in
// words: access_refused not ticked, the child not seen, and the record
// saying contact was refused or avoided (RefusalInWords).
func (p *Profile) IsRefusalInWordsOnly(v *schema.Visit) bool {
	_, _, ok := p.RefusalInWords(v)
	return ok && !v.AccessRefused
}

// IsRefusalInWordsOnly is Profile.IsRefusalInWordsOnly knowing the case's
// people (Pass.IsRefusal).
func (p *Pass) IsRefusalInWordsOnly(v *schema.Visit) bool {
	_, _, ok := p.RefusalInWords(v)
	return ok && !v.AccessRefused
}

// RefusalInWords returns the words of visit v that say contact with the
// child was refused or avoided (RefusedInWords), when the child was not
// seen: not_seen_reason (off is -1), or, when the record gives no reason
// there (NoAnswer: empty, a placeholder, "Not seen"), the first sentence
// of its notes that
// says so, and where that sentence starts in the file (off). Stoke-on-Trent
// C06 asks for no not_seen_reason, and "Mum would not let me in" written in
// the notes is the same refusal.
func (p *Profile) RefusalInWords(v *schema.Visit) (said string, off int, ok bool) {
	return p.refusalInWords(v, nil)
}

// RefusalInWords is Profile.RefusalInWords knowing the case's people
// (Pass.IsRefusal).
func (p *Pass) RefusalInWords(v *schema.Visit) (said string, off int, ok bool) {
	return p.Profile.refusalInWords(v, p.Case.slotPeople())
}

func (p *Profile) refusalInWords(v *schema.Visit, people *slotPeople) (said string, off int, ok bool) {
	if v == nil || v.ChildSeen {
		return "", 0, false
	}
	w := p.readyWords()
	refusals := w.refusals.withPeople(people)
	goneAway := w.goneAway.withPeople(people)
	says := func(text string) bool {
		return refusals.says(text) || refusedByGoingAway(goneAway, w.notTold, text)
	}
	if says(v.NotSeenReason) {
		return strings.TrimSpace(v.NotSeenReason), -1, true
	}
	if !p.NoAnswer(v.NotSeenReason) || v.Doc == nil || v.Doc.Body == nil {
		return "", 0, false
	}
	for _, r := range v.Doc.Body.Text() {
		at := 0
		// away: the sentence before said the family went away, for one
		// saying the worker was not told ("Neighbour said they have gone
		// to Spain. Mum had not told us.").
		away := false
		for _, sen := range sentences(r.Text) {
			i := strings.Index(r.Text[at:], sen)
			if i >= 0 {
				at += i
			}
			if says(sen) || away && w.notTold.says(sen) {
				return sen, r.Offset + at, true
			}
			away = goneAway.says(sen)
		}
	}
	return "", 0, false
}

// RefusedInWords reports whether text says contact was refused or avoided:
// it holds one of the profile's refusal words (Words.Refusals) as whole
// words, any case, curly apostrophes read as straight ones, that is not
// negated in its clause ("not refused", "never avoided", "no one refused",
// "didn't refuse"); or it says the family went away (Words.GoneAway) and
// the worker was not told (Words.NotTold), neither negated
// (refusedByGoingAway).
func (p *Profile) RefusedInWords(text string) bool {
	w := p.readyWords()
	return w.refusals.says(text) || refusedByGoingAway(w.goneAway, w.notTold, text)
}

// refusedByGoingAway reports whether text says both that the family went
// away (goneAway: "Family on holiday", "moved out") and that the worker
// was not told (notTold: "not told to us", "without letting us know"),
// each not negated in its clause: contact avoided (C06 §03, 1.8 §3
// "refused or avoided"). Going away alone ("They told us they would be on
// holiday") is a reason, not avoidance; so is a worker not told something
// else ("Mum had not told us about the appointment"), with no going away.
func refusedByGoingAway(goneAway, notTold *phraseList, text string) bool {
	return goneAway.says(text) && notTold.says(text)
}

// says reports whether text holds one of the list's phrases as whole
// words (any case, curly apostrophes read as straight; "*" in a phrase
// stands for one or two words, {child}, {adult} and {alone} for what
// slotEnds says), not negated in its clause (negatedBefore): tokensSayAny,
// splitting text into words only when it may (mayBeIn).
func (l *phraseList) says(text string) bool {
	return l.mayBeIn(text) && l.saidBy(refusalTokens(text))
}

// phraseTokens splits each phrase of list by refusalTokens; a slot
// written in braces ({child}, {adult}, {alone}) is one word of its own.
func phraseTokens(list []string) [][]string {
	out := make([][]string, len(list))
	for i, w := range list {
		out[i] = phraseWords(w)
	}
	return out
}

// tokensSayAny is phraseList.says on text already split by refusalTokens, of the
// phrases of a list split by phraseTokens, with the case's people (nil:
// none known).
func tokensSayAny(toks []string, phrases [][]string, people *slotPeople) bool {
	// The first bytes of the phrases' first words: a word that opens with
	// none of them starts no phrase, and most words are passed over with
	// one look. A phrase that opens with "*", "" or a slot can start
	// anywhere.
	var opens [256]bool
	for _, phrase := range phrases {
		if len(phrase) == 0 {
			continue
		}
		if opensAnywhere(phrase[0]) {
			return tokensSayAnyAt(toks, phrases, people)
		}
		opens[phrase[0][0]] = true
	}
	for i, t := range toks {
		if t == "" || !opens[t[0]] {
			continue
		}
		for _, phrase := range phrases {
			if len(phrase) > 0 && tokensSayAt(toks, i, phrase, people) {
				return true
			}
		}
	}
	return false
}

// opensAnywhere reports whether a phrase opening with word w may start at
// any word of a text: w is "*", "" or a slot.
func opensAnywhere(w string) bool {
	return w == "*" || w == "" || isSlot(w)
}

// tokensSayAnyAt is tokensSayAny looking at every word.
func tokensSayAnyAt(toks []string, phrases [][]string, people *slotPeople) bool {
	for _, phrase := range phrases {
		if len(phrase) == 0 {
			continue
		}
		for i := range toks {
			if tokensSayAt(toks, i, phrase, people) {
				return true
			}
		}
	}
	return false
}

// tokensSayAt reports whether the words of toks from i say phrase (split by
// phraseTokens, not empty), within one clause and not negated. A "*" is
// one or two words; a slot is what slotEnds says. A phrase
// written with a full stop at its end ("no answer.") must close its clause:
// "Knocked twice, no answer" and "No answer; curtains drawn" say it, "no
// answer on her phone" does not.
func tokensSayAt(toks []string, i int, phrase []string, people *slotPeople) bool {
	n := len(phrase)
	closes := n > 1 && phrase[n-1] == clauseBreak
	if closes {
		n--
	}
	return phraseFrom(toks, i, phrase[:n], closes, people) && !negatedBefore(toks, i)
}

// phraseFrom reports whether the words of toks from i say phrase (without
// its closing clause break), in one clause; closes, that they then close
// it.
func phraseFrom(toks []string, i int, phrase []string, closes bool, people *slotPeople) bool {
	if len(phrase) == 0 {
		return !closes || i == len(toks) || toks[i] == clauseBreak
	}
	if i >= len(toks) || toks[i] == clauseBreak {
		return false
	}
	switch pw := phrase[0]; {
	case pw == "*":
		if phraseFrom(toks, i+1, phrase[1:], closes, people) {
			return true
		}
		return i+1 < len(toks) && toks[i+1] != clauseBreak && phraseFrom(toks, i+2, phrase[1:], closes, people)
	case isSlot(pw):
		var buf [8]int
		for _, end := range slotEnds(buf[:0], toks, i, pw, people) {
			if phraseFrom(toks, end, phrase[1:], closes, people) {
				return true
			}
		}
		return false
	default:
		return toks[i] == pw && phraseFrom(toks, i+1, phrase[1:], closes, people)
	}
}

// sentenceSaying returns the first sentence of the visit's reason and
// notes that says one of says (saysAny), unless some text of them says one
// of unless. A text is split into words only when it may hold one of a
// list's phrases (phraseList.mayBeIn, on its bytes), and unless is looked
// for only once some text says one of says: most visits say none, and are
// answered after splitting a text or two, or none. A sentence is looked
// for only in a text that says one of says as a whole (a phrase never
// spans a sentence, whose ends are clause breaks).
//
// about, when not nil, says whether a text saying one of unless says it of
// the child (Case.saysChildSeenAlone): a text that says it only of someone
// else ("Ruby was seen alone in her bedroom") does not count.
func sentenceSaying(v *schema.Visit, unless, says *phraseList, about func(text string) bool) (string, bool) {
	var textsBuf [16]string
	return sentenceSayingIn(appendVisitTexts(textsBuf[:0], v), unless, nil, says, nil, about)
}

// sentenceSayingIn is sentenceSaying of a visit's texts, where
// unlessMay and saysMay, when not nil, hold for each text whether it may
// say one of unless or of says (phraseList.mayBeIn), as a lexicon read
// them.
func sentenceSayingIn(texts []string, unless *phraseList, unlessMay []bool, says *phraseList, saysMay []bool, about func(text string) bool) (string, bool) {
	var toks []string
	saying := func(i int, l *phraseList, may []bool) bool {
		if may != nil && !may[i] || may == nil && !l.mayBeIn(texts[i]) {
			return false
		}
		toks = appendRefusalTokens(toks[:0], texts[i])
		return l.saidBy(toks)
	}
	first := -1
	for i := range texts {
		if saying(i, says, saysMay) {
			first = i
			break
		}
	}
	if first < 0 {
		return "", false
	}
	for i, t := range texts {
		if saying(i, unless, unlessMay) && (about == nil || about(t)) {
			return "", false
		}
	}
	for i := first; i < len(texts); i++ {
		if i > first && !saying(i, says, saysMay) {
			continue
		}
		for _, sen := range sentences(texts[i]) {
			if toks = appendRefusalTokens(toks[:0], sen); says.saidBy(toks) {
				return sen, true
			}
		}
	}
	return "", false
}

// appendVisitTexts appends to texts visit v's not_seen_reason and the texts
// of its notes, in order.
func appendVisitTexts(texts []string, v *schema.Visit) []string {
	texts = append(texts, v.NotSeenReason)
	if v.Doc != nil && v.Doc.Body != nil {
		for _, r := range v.Doc.Body.Text() {
			texts = append(texts, r.Text)
		}
	}
	return texts
}

// A phraseList is a list of phrases split by phraseTokens, with what a
// text must hold, on its bytes, to say any of them (mayBeIn), and the
// case's people its slots stand for (withPeople; nil: none known).
type phraseList struct {
	*phraseIndex
	people *slotPeople
}

// withPeople returns the list reading its slots with people (a case's
// slotPeople), sharing its phrases.
func (l *phraseList) withPeople(people *slotPeople) *phraseList {
	if people == l.people {
		return l
	}
	return &phraseList{l.phraseIndex, people}
}

// A phraseIndex is a phraseList's phrases and what is known of them.
type phraseIndex struct {
	phrases [][]string
	// slotFirst are the phrases that open with a slot, by the slot
	// (saidBy): each slot is read once at a word, for all of them.
	slotFirst []slotPhrases
	// vocab numbers the words the phrases need (isKeyWord), and the
	// words an {alone} is said with (aloneKeys): what mayBeIn looks for.
	// vocabShapes has, for each byte a vocab word opens with, bit
	// min(n, 63) set for each length n of such a word.
	vocab       map[string]int
	vocabShapes [256]uint64
	// needs holds, for each phrase, the vocab words it needs, all of
	// them, and those of which it needs one (a phrase with {alone} needs
	// one of aloneKeys); nil with anyText.
	needs []phraseNeeds
	// byKey holds, for each vocab word, the phrases that need it and
	// have it as their key: of the words a phrase needs all of, the one
	// fewest phrases need. keyless are the phrases that need all of no
	// word (only one of some). So a text holding has may say only the
	// phrases keyed by a word of has, or keyless (maySay).
	byKey   [][]int32
	keyless []int32
	// opens has, for each byte a phrase's first word opens with, bit
	// min(n, 63) set for each length n of such a word (saidBy).
	opens [256]uint64
	// byFirst are the phrases (their index in phrases) that open with
	// each word (saidBy); unindexed, those that open with "*", "" or a
	// slot (startingAt).
	byFirst   map[string][]int
	unindexed []int
	// anyStart is set when a phrase opens with "*" or "": any word may
	// start one. (One that opens with a slot is in slotFirst.)
	anyStart bool
	// anyText is set when some phrase that can be said needs no word of
	// vocab, or vocab holds more words than a wordSet does: then any text
	// may say one.
	anyText bool
}

// A wordSet is a set of a phraseIndex's vocab words, by number.
type wordSet [4]uint64

func (w *wordSet) add(i int) { w[i>>6] |= 1 << (i & 63) }

// holds reports whether w holds every word of o.
func (w *wordSet) holds(o *wordSet) bool {
	return w[0]&o[0] == o[0] && w[1]&o[1] == o[1] && w[2]&o[2] == o[2] && w[3]&o[3] == o[3]
}

// words yields the words of w, in increasing order.
func (w *wordSet) words() iter.Seq[int] {
	return func(yield func(int) bool) {
		for k, b := range w {
			for b != 0 {
				if !yield(k<<6 | bits.TrailingZeros64(b)) {
					return
				}
				b &= b - 1
			}
		}
	}
}

// meets reports whether w and o have a word in common.
func (w *wordSet) meets(o *wordSet) bool {
	return w[0]&o[0]|w[1]&o[1]|w[2]&o[2]|w[3]&o[3] != 0
}

// phraseNeeds are the words a text must hold for a phrase to be said in
// it: all of all, and one of oneOf unless it is empty.
type phraseNeeds struct {
	all, oneOf wordSet
	hasOneOf   bool
	never      bool // an empty phrase, which says nothing
}

// aloneKeys are words one of which every way of saying {alone} holds
// (aloneEnds): "alone", "privately", "on his own", "by herself", "in
// private", "one to one".
var aloneKeys = []string{"alone", "privately", "own", "herself", "himself", "themselves", "themself", "private", "one"}

// newPhraseList splits the phrases of list by phraseTokens, notes the
// words each one needs (its words that may be keys, isKeyWord, and one of
// aloneKeys for {alone}: mayBeIn) and what the phrases' first words open
// with. A case makes its profile's list
// once, so this is kept cheap.
func newPhraseList(list []string) *phraseList {
	l := &phraseIndex{phrases: phraseTokens(list), vocab: map[string]int{}, byFirst: map[string][]int{}}
	word := func(w string) (int, bool) {
		i, ok := l.vocab[w]
		if !ok {
			i = len(l.vocab)
			if i >= len(wordSet{})*64 {
				return 0, false
			}
			l.vocab[w] = i
		}
		return i, true
	}
	l.needs = make([]phraseNeeds, len(l.phrases))
	for p, phrase := range l.phrases {
		if len(phrase) == 0 {
			l.needs[p].never = true
			continue // says nothing
		}
		if first := phrase[0]; first == "*" || first == "" || isSlot(first) {
			l.unindexed = append(l.unindexed, p)
		}
		if first := phrase[0]; first == "*" || first == "" {
			l.anyStart = true
		} else if isSlot(first) {
			k := slices.IndexFunc(l.slotFirst, func(sp slotPhrases) bool { return sp.slot == first })
			if k < 0 {
				k = len(l.slotFirst)
				l.slotFirst = append(l.slotFirst, slotPhrases{slot: first})
			}
			l.slotFirst[k].phrases = append(l.slotFirst[k].phrases, phrase)
			l.slotFirst[k].index = append(l.slotFirst[k].index, p)
		} else {
			l.opens[first[0]] |= 1 << min(len(first), 63)
			l.byFirst[first] = append(l.byFirst[first], p)
		}
		var need phraseNeeds
		any := false
		for _, w := range phrase {
			switch {
			case w == slotAlone:
				for _, k := range aloneKeys {
					i, ok := word(k)
					if !ok {
						l.anyText = true
					}
					need.oneOf.add(i)
				}
				need.hasOneOf, any = true, true
			case isKeyWord(w):
				i, ok := word(w)
				if !ok {
					l.anyText = true
				}
				need.all.add(i)
				any = true
			case strings.Contains(w, "'"):
				// "wasn't" is said by "wasn't" or "wasn’t" (the run
				// "wasn") and by "wasnt" (withApostrophe): either run
				// is the word.
				joined, prefix := strings.ReplaceAll(w, "'", ""), w[:strings.IndexByte(w, '\'')]
				if !isKeyWord(joined) || !isKeyWord(prefix) {
					continue
				}
				i, ok := word(joined)
				if j, seen := l.vocab[prefix]; !ok || seen && j != i {
					continue // the run is another word's too: not needed
				}
				l.vocab[prefix] = i
				need.all.add(i)
				any = true
			}
		}
		if !any {
			l.anyText = true
		}
		l.needs[p] = need
	}
	if l.anyText {
		l.vocab, l.needs = nil, nil
	}
	for w := range l.vocab {
		l.vocabShapes[w[0]] |= 1 << min(len(w), 63)
	}
	l.keyPhrases()
	return &phraseList{phraseIndex: l}
}

// keyPhrases fills byKey and keyless from needs.
func (l *phraseIndex) keyPhrases() {
	if l.anyText {
		return
	}
	var shared [len(wordSet{}) * 64]int
	for p := range l.needs {
		for i := range l.needs[p].all.words() {
			shared[i]++
		}
	}
	l.byKey = make([][]int32, len(l.vocab))
	for p := range l.needs {
		n := &l.needs[p]
		if n.never {
			continue
		}
		key := -1
		for i := range n.all.words() {
			if key < 0 || shared[i] < shared[key] {
				key = i
			}
		}
		if key < 0 {
			l.keyless = append(l.keyless, int32(p))
			continue
		}
		l.byKey[key] = append(l.byKey[key], int32(p))
	}
}

// saidBy reports whether toks (split by refusalTokens) say one of the
// phrases: tokensSayAny(toks, l.phrases, l.people), looking only at the
// words whose first byte and length a phrase's first word has (and, for a
// phrase opening with a slot, at every word).
func (l *phraseList) saidBy(toks []string) bool {
	if l.anyStart {
		return tokensSayAnyAt(toks, l.phrases, l.people)
	}
	// Only the phrases all of whose words toks hold are looked for; a slot
	// is read only for the phrases opening with it that are.
	has, all := l.tokenWords(toks)
	can := func(p int) bool { return all || l.canSay(p, &has) }
	var slotsBuf [4]slotPhrases
	slots := slotsBuf[:0]
	for _, sp := range l.slotFirst {
		if slices.ContainsFunc(sp.index, can) {
			slots = append(slots, sp)
		}
	}
	for i, t := range toks {
		if l.slotFirstSaidAt(slots, toks, i) {
			return true
		}
		if t == "" || l.opens[t[0]]&(1<<min(len(t), 63)) == 0 {
			continue
		}
		for _, p := range l.byFirst[t] {
			if can(p) && tokensSayAt(toks, i, l.phrases[p], l.people) {
				return true
			}
		}
	}
	return false
}

// canSay reports whether a text holding the vocab words has may say
// phrase p: it holds every word p needs, and one of those it needs one of.
func (l *phraseIndex) canSay(p int, has *wordSet) bool {
	n := &l.needs[p]
	return !n.never && has.holds(&n.all) && (!n.hasOneOf || has.meets(&n.oneOf))
}

// vocabWord returns the number of vocab word w (lower case), if it is one.
func (l *phraseIndex) vocabWord(w []byte) (int, bool) {
	if len(w) == 0 || l.vocabShapes[w[0]]&(1<<min(len(w), 63)) == 0 {
		return 0, false
	}
	k, ok := l.vocab[string(w)]
	return k, ok
}

// tokenWords returns the vocab words among toks (split by
// refusalTokens: a word with an apostrophe is looked for without it, as
// vocab holds it); all is set when every phrase is to be looked for
// (anyText).
func (l *phraseIndex) tokenWords(toks []string) (has wordSet, all bool) {
	if l.anyText {
		return has, true
	}
	var buf [64]byte
	for _, t := range toks {
		if len(t) >= len(buf) {
			continue
		}
		w := buf[:0]
		for k := 0; k < len(t); k++ {
			if t[k] != '\'' {
				w = append(w, t[k])
			}
		}
		if k, ok := l.vocabWord(w); ok {
			has.add(k)
		}
	}
	return has, false
}

// startingAt returns, in two parts, the phrases (their index in
// phrases) that may be said from word w: those that open with w, and
// those that open with "*", "" or a slot.
func (l *phraseIndex) startingAt(w string) (opening, others []int) {
	return l.byFirst[w], l.unindexed
}

// slotPhrases are the phrases of a list that open with one slot, and
// their index in the list's phrases.
type slotPhrases struct {
	slot    string
	phrases [][]string
	index   []int
}

// slotFirstSaidAt reports whether toks from i say one of the phrases of
// slots, phrases of the list that open with a slot (tokensSayAt), reading
// each slot once.
func (l *phraseList) slotFirstSaidAt(slots []slotPhrases, toks []string, i int) bool {
	for _, sp := range slots {
		var buf [8]int
		ends := slotEnds(buf[:0], toks, i, sp.slot, l.people)
		if len(ends) == 0 {
			continue
		}
		for _, phrase := range sp.phrases {
			n := len(phrase)
			closes := n > 1 && phrase[n-1] == clauseBreak
			if closes {
				n--
			}
			for _, end := range ends {
				if phraseFrom(toks, end, phrase[1:n], closes, l.people) && !negatedBefore(toks, i) {
					return true
				}
			}
		}
	}
	return false
}

// isKeyWord reports whether w may be a phraseList's key: made only of
// ASCII lower-case letters and digits, and under 64 bytes.
func isKeyWord(w string) bool {
	return len(w) < 64 && isASCIIWord(w)
}

// isASCIIWord reports whether w is made only of ASCII lower-case letters
// and digits, and is not empty.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return w != ""
}

// mayBeIn reports whether text may say one of the phrases
// (tokensSayAny(refusalTokens(text), l.phrases)); when it is false, text
// says none. A phrase is said only where every one of its ASCII words
// (isKeyWord) is a word of refusalTokens, and, with {alone}, one of
// aloneKeys is; and a word of refusalTokens is such a word only when text
// holds its letters, in any ASCII case, as a whole run of ASCII letters
// and digits (what is around the word is neither), or holds a rune that
// lower-cases to an ASCII letter (the Kelvin sign, the dotted capital I).
// So a text that holds, as such runs, not all the words of any phrase,
// and no such rune, says no phrase: "Seen alone in his room" holds "seen"
// and "alone" but not the "not" of "not seen {alone}".
func (l *phraseList) mayBeIn(text string) bool {
	if l.anyText {
		return true
	}
	var has wordSet
	found := false
	var buf [64]byte
	for w, next, ok := nextKeyRun(text, 0, &buf); w != nil || !ok; w, next, ok = nextKeyRun(text, next, &buf) {
		if !ok {
			return true // a rune that lower-cases to ASCII: read the words
		}
		if k, in := l.vocabWord(w); in {
			has.add(k)
			found = true
		}
	}
	return found && l.maySay(&has)
}

// maySay reports whether a text holding the vocab words has may say one
// of the phrases (canSay).
func (l *phraseIndex) maySay(has *wordSet) bool {
	for k, b := range has {
		for ; b != 0; b &= b - 1 {
			i := k<<6 | bits.TrailingZeros64(b)
			if i >= len(l.byKey) {
				break
			}
			for _, p := range l.byKey[i] {
				if l.canSay(int(p), has) {
					return true
				}
			}
		}
	}
	for _, p := range l.keyless {
		if l.canSay(int(p), has) {
			return true
		}
	}
	return false
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// clauseBreak stands between clauses in refusalTokens' output.
const clauseBreak = "|"

// refusalTokens splits text into lower-case words (letters, digits and
// apostrophes), with clauseBreak where punctuation ends a clause: a full
// stop, comma, semicolon, colon, bracket, quote, en or em dash, or a
// hyphen written as a dash (isDashHyphen: "No answer - card left"). A
// word's apostrophes at either end are dropped (a word of apostrophes only
// is the empty word), and a contraction written without its apostrophe
// ("wouldnt", "didnt") is read with it (withApostrophe). A word written as it is read (lower case ASCII, straight
// apostrophes), as most are, is a slice of text; the others are written
// into one buffer, made one string at the end: a text costs a few
// allocations, not a few a word.
func refusalTokens(text string) []string {
	return appendRefusalTokens(make([]string, 0, len(text)/4+1), text) // a word is five or six bytes, with its space
}

// appendRefusalTokens appends refusalTokens(text) to toks.
func appendRefusalTokens(toks []string, text string) []string {
	first := len(toks) // text's first word, in toks
	// The words not written as read: toks[at] is buf[start:end].
	type rewritten struct{ at, start, end int }
	var (
		buf      []byte
		rewrites []rewritten
	)
	wordStart := -1 // where the word being read starts in text (-1: none)
	bufStart := -1  // where it starts in buf, once it is rewritten (-1: not)
	flush := func(i int) {
		if wordStart < 0 {
			return
		}
		if bufStart < 0 {
			toks = append(toks, strings.Trim(text[wordStart:i], "'"))
		} else {
			a, b := bufStart, len(buf)
			for a < b && buf[a] == '\'' {
				a++
			}
			for b > a && buf[b-1] == '\'' {
				b--
			}
			rewrites = append(rewrites, rewritten{len(toks), a, b})
			toks = append(toks, "")
		}
		wordStart, bufStart = -1, -1
	}
	// rewrite moves the word being read into buf, from where it is read
	// differently.
	rewrite := func(i int) {
		if bufStart < 0 {
			bufStart = len(buf)
			buf = append(buf, text[wordStart:i]...)
		}
	}
	for i, r := range text {
		switch {
		case r == ' ' || r == '\n':
			flush(i)
		case r == '\'' || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if wordStart < 0 {
				wordStart = i
			}
			if bufStart >= 0 {
				buf = append(buf, byte(r))
			}
		case r == '\u2019' || r == '\u2018':
			if wordStart < 0 {
				wordStart = i
			}
			rewrite(i)
			buf = append(buf, '\'')
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			if wordStart < 0 {
				wordStart = i
			}
			rewrite(i)
			buf = append(buf, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if wordStart < 0 {
				wordStart = i
			}
			rewrite(i)
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case r == '*':
			flush(i)
			toks = append(toks, "*")
		case strings.ContainsRune(".,;:!?()[]\"", r) || r == '\u2013' || r == '\u2014' || (r == '-' && isDashHyphen(text, i)):
			flush(i)
			// (A word still to be filled in is "", not clauseBreak.)
			if n := len(toks); n > first && toks[n-1] != clauseBreak {
				toks = append(toks, clauseBreak)
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	if len(rewrites) > 0 {
		s := string(buf)
		for _, w := range rewrites {
			toks[w.at] = s[w.start:w.end]
		}
	}
	for k := first; k < len(toks); k++ {
		if t := toks[k]; len(t) >= 4 && t[len(t)-1] == 't' && t[len(t)-2] == 'n' {
			if c, ok := apostropheFree[t]; ok {
				toks[k] = c
			}
		}
	}
	return toks
}

// isDashHyphen reports whether the hyphen at text[i] is written as a dash,
// between clauses ("No answer - card left", "no answer -- left a card"),
// not joining two words ("multi-agency", "2026-03-01"): it has a space,
// a line break or the text's end on at least one side.
func isDashHyphen(text string, i int) bool {
	spaceAt := func(j int) bool {
		return j < 0 || j >= len(text) || text[j] == ' ' || text[j] == '\n' || text[j] == '\t'
	}
	before, after := i-1, i+1
	for before >= 0 && text[before] == '-' {
		before--
	}
	for after < len(text) && text[after] == '-' {
		after++
	}
	return spaceAt(before) || spaceAt(after)
}

// apostropheFree are contractions written without their apostrophe, as
// notes typed in a hurry write them ("Gina wouldnt let me in"), and the
// word as the word lists write it.
var apostropheFree = map[string]string{
	"wouldnt": "wouldn't", "didnt": "didn't", "couldnt": "couldn't", "wasnt": "wasn't",
	"wont": "won't", "cant": "can't", "isnt": "isn't", "werent": "weren't", "hasnt": "hasn't",
	"havent": "haven't", "hadnt": "hadn't", "dont": "don't", "doesnt": "doesn't",
	"shouldnt": "shouldn't", "arent": "aren't", "mustnt": "mustn't",
}

// negatedBefore reports whether one of the two words before toks[i], in the
// same clause, negates it: not, never, no, nobody, without, or a word ending
// in n't; or whether it follows a refusal or a wish "to be" ("refused to be
// seen alone", "did not want to be seen alone", "asked to be seen alone"),
// or a "too" ("too shy to be seen alone"), which says it was not, or not
// yet, done.
func negatedBefore(toks []string, i int) bool {
	if i >= 4 && toks[i-1] == "be" && toks[i-2] == "to" && toks[i-4] == "too" {
		return true // "too shy to be seen alone"
	}
	if i >= 3 && toks[i-1] == "be" && toks[i-2] == "to" {
		switch toks[i-3] {
		case "refused", "refuses", "refusing", "declined", "declines", "unwilling", "reluctant",
			"want", "wanted", "wants", "wish", "wished", "asked", "asking":
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		t := toks[k]
		switch {
		case t == clauseBreak:
			return false
		case t == "not" || t == "never" || t == "no" || t == "nobody" || t == "without" || strings.HasSuffix(t, "n't"):
			return true
		}
	}
	return false
}

// --- Seen alone, in the record's own words ------------------------------------

// seenAloneWords say, in a visit record, that the child was seen or spoken
// to alone. A record that says so anywhere is not read as contradicting
// seen_alone, whatever else it says ("Mum stayed in the room throughout
// the assessment; I then saw Leah alone in her bedroom").
var seenAloneWords = []string{
	"seen {alone}", "saw * {alone}", "spoke to * {alone}", "spoke with * {alone}", "talked to * {alone}",
	"talked with * {alone}", "time alone with", "alone with me",
	"talked alone", "spoke alone", "chatted alone", "alone in the", "alone in her", "alone in his",
	"alone in their", "alone at school", "spent time alone", "one to one", "privately",
}

// NotAloneInWords returns the sentence of visit v's record that says the
// child was not seen alone though seen_alone = true is recorded: one of
// the profile's not-alone words (Words.NotAlone: "not seen alone", "Mum
// stayed in the room throughout"), not negated, in not_seen_reason or the
// body, when nothing in the record says the child was seen alone after all
// (seenAloneWords), of whomever. ok is false when the record does not
// contradict itself, or does not record seen_alone. The rules ask
// Pass.NotSeenAloneInWords, which knows the case: whom a sentence saying
// someone was seen alone is about, and what not_seen_reason says.
func (p *Profile) NotAloneInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.SeenAlone || v.Doc == nil {
		return "", false
	}
	return sentenceSaying(v, seenAloneTokens, newPhraseList(p.Words.NotAlone), nil)
}

// NotesMentioning returns the first sentence of visit v's notes that
// mentions ref (MentionsPerson: by name, first name, surname or role),
// and whether there is one: "Discussed with my team manager Rob Jones on
// return to the office" mentions the manager a refusal is escalated to.
func (c *Case) NotesMentioning(v *schema.Visit, ref string) (string, bool) {
	if v == nil || v.Doc == nil || v.Doc.Body == nil || strings.TrimSpace(ref) == "" {
		return "", false
	}
	for _, r := range v.Doc.Body.Text() {
		for _, sen := range sentences(r.Text) {
			if c.MentionsPerson(sen, ref) {
				return sen, true
			}
		}
	}
	return "", false
}

// sentences splits text at full stops, question and exclamation marks
// followed by a space, each sentence trimmed. The full stop of a title
// ("Mr. Grant", "Dr. Idris") ends no sentence.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r == '.' && isTitleBefore(text[start:i]) {
			continue
		}
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// asleepWords say, in a visit record, that a baby was asleep; awakeWords
// that the baby was awake at some point of the visit.
// The word lists above and below, made phraseLists once.
var (
	seenAloneTokens = newPhraseList(seenAloneWords)
	asleepTokens    = newPhraseList(asleepWords)
	awakeTokens     = newPhraseList(awakeWords)
)

var (
	asleepWords = []string{"asleep", "was sleeping", "were sleeping", "slept through",
		"slept throughout", "napping", "having a nap", "in a deep sleep", "sleeping throughout",
		"did not wake", "didn't wake", "never woke", "not awake", "wasn't awake", "stayed sleeping",
		"sleeping the whole", "sleeping for the whole", "sleeping during the visit", "sleeping when i"}
	awakeWords = []string{"awake", "woke", "woken", "waking", "wakes", "alert", "eyes open",
		"eye contact", "smiled", "smiling", "cooing", "cooed", "babbling", "babbled", "gurgling",
		"crying", "cried", "feeding", "fed", "giggled", "laughing", "laughed"}
)

// AsleepInWords returns the sentence of visit v's record that says the baby
// was asleep, when seen_alone = true is recorded, awake is not written
// (Case.SeenAlone then counts the visit) and nothing in the record says the
// baby was awake at some point (awakeWords: woke, alert, feeding, smiled).
func AsleepInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.SeenAlone || v.Awake || v.Doc == nil || v.Doc.Keys.Has("awake") {
		return "", false
	}
	return sentenceSaying(v, awakeTokens, asleepTokens, nil)
}

// NotSeenAloneInWords returns the sentence of visit v's record that says,
// against its facts, that the child was not seen alone: for a baby under
// one recorded seen_alone with no awake written, that the baby was asleep
// (AsleepInWords); for an older child, that they were not alone (the
// not-alone words of Profile.NotAloneInWords, unless a sentence says the
// child, not only someone else, was seen alone), or, after another was
// seen alone, that the child was not ("Ruby was seen alone; Leo was
// not."); for either, its not_seen_reason, when it gives a reason why not
// (GivesNotSeenReason) and nothing says the child was seen alone. ok is
// false when the record does not contradict itself so.
func (p *Pass) NotSeenAloneInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil {
		return "", false
	}
	// Several rules ask of every visit: its words are read once a case and
	// profile.
	return p.keptVisitWords(&p.Case.notAlone, v, p.notSeenAloneInWords)
}

// keptVisitWords returns read(v), read once a case and profile: kept in
// *memo, which it makes when nil.
func (p *Pass) keptVisitWords(memo *map[visitWordsKey]saidInWords, v *schema.Visit, read func(*schema.Visit) (string, bool)) (string, bool) {
	key := visitWordsKey{v, p.Profile}
	if said, done := (*memo)[key]; done {
		return said.sentence, said.ok
	}
	sentence, ok := read(v)
	if *memo == nil {
		*memo = map[visitWordsKey]saidInWords{}
	}
	(*memo)[key] = saidInWords{sentence, ok}
	return sentence, ok
}

// visitWordsKey and saidInWords are a visit's entry in
// Case.notAlone: what NotSeenAloneInWords found in its words under a
// profile.
type (
	visitWordsKey struct {
		visit   *schema.Visit
		profile *Profile
	}
	saidInWords struct {
		sentence string
		ok       bool
	}
)

// notSeenAloneInWords is NotSeenAloneInWords, not kept. A sentence saying
// someone was seen alone answers the record's not-alone words only when it
// is about the child (Case.saysChildSeenAlone): "Ruby was seen alone in her
// bedroom" does not answer "Could not see Leo alone as Kerry would not
// leave the room". When no words say the child was not alone, the record
// still contradicts itself when, after saying another was seen alone, it
// says the child was not ("Ruby was seen alone; Leo was not."), or when
// its not_seen_reason gives a reason the child was not seen, or not seen
// alone (Profile.GivesNotSeenReason: "Not seen - at his dad's"), with
// nothing in it saying the child was seen alone after all: seen_alone =
// true and a reason why not cannot both be so, and the child is taken as
// not seen alone (the graver mistake would be to count a visit that did
// not happen).
func (p *Pass) notSeenAloneInWords(v *schema.Visit) (sentence string, ok bool) {
	baby := p.Case.IsBabyOn(v.Date.Date)
	if !v.SeenAlone || v.Doc == nil || (baby && v.Awake) {
		return "", false // a baby seen awake needs no one to leave the room
	}
	c := p.Case
	if baby {
		if sentence, ok := AsleepInWords(v); ok {
			return sentence, true
		}
	}
	// seenMay holds, for each text, whether it may say someone was seen
	// alone (seenAloneTokens.mayBeIn), as the visit's reading has it.
	r := p.readVisit(v)
	texts := r.texts
	var seenBuf [16]bool
	seenMay := r.column(lexSeenAlone, seenBuf[:0])
	if !baby {
		words := p.profileWordsOf()
		var notBuf [16]bool
		notAloneMay := r.column(lexNotAlone, notBuf[:0])
		// The case's people are read for the slots only when some text
		// may say a not-alone phrase: most say none.
		if slices.Contains(notAloneMay, true) {
			if sentence, ok := sentenceSayingIn(texts, seenAloneTokens, seenMay, words.notAlone.withPeople(c.slotPeople()), notAloneMay, c.saysChildSeenAlone(v.By)); ok {
				return sentence, true
			}
		}
	}
	reason := strings.TrimSpace(v.NotSeenReason)
	givesReason := p.Profile.GivesNotSeenReason(reason)
	if !givesReason && !slices.Contains(seenMay, true) {
		return "", false // no words of anyone seen alone: nothing to read
	}
	said := c.seenAloneSaidIn(texts, seenMay, v.By)
	switch {
	case said.child:
		return "", false
	case said.notChild != "":
		return said.notChild, true
	case said.sibling != "":
		// Only a brother or sister is said to have been seen alone: the
		// record is the sibling's visit (C06 §03, 1.8 §3: each child is
		// to be seen alone).
		return said.sibling, true
	case said.byOther != "":
		// Only someone other than the visiting worker is said to have
		// seen the child alone (seeing_seer.go).
		return said.byOther, true
	case givesReason:
		return reason, true
	}
	return "", false
}

// isTitleBefore reports whether text ends with a title written with a full
// stop: Mr, Mrs, Ms, Miss, Mx, Dr, Prof, St. Only its last few bytes are
// read.
func isTitleBefore(text string) bool {
	f := strings.Fields(text[max(0, len(text)-6):])
	if len(f) == 0 || (len(text) > 6 && len(f) == 1 && text[len(text)-7] != ' ' && text[len(text)-7] != '\n') {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "st":
		return true
	}
	return false
}

// SeenAlone reports whether visit v saw the child alone as the procedures
// require (Case.SeenAlone, from the record's facts), unless the record's own
// words say otherwise (NotSeenAloneInWords): a visit recorded seen_alone =
// true whose notes say "Mum stayed in the room throughout" did not see the
// child alone, nor one whose notes say the baby "was asleep upstairs
// throughout" see the baby awake.
//
// A visit whose record says the child was seen only by video or telephone
// (NotFaceToFaceInWords) did not see the child alone either, a baby awake
// or not.
func (p *Pass) SeenAlone(v *schema.Visit) bool {
	if !p.Case.SeenAlone(v) {
		return false
	}
	if _, remote := p.NotFaceToFaceInWords(v); remote {
		return false
	}
	if _, unseen := p.NotSeenInWords(v); unseen {
		return false
	}
	if _, asleep := p.ChildAsleepInWords(v); asleep {
		return false
	}
	_, contradicted := p.NotSeenAloneInWords(v)
	return !contradicted
}

// NotSeenInWords returns the sentence of visit v's record (its
// not_seen_reason or notes) that says, against child_seen = true, that the
// child was not seen at all: one of the profile's child_not_seen words
// ("Ellie not seen as at nursery", "Did not see Ellie today", "Ellie was
// not at home"), not negated, in a clause that is about the child (it
// names the child, or no one else of the family: "Ruby was at school so I
// did not see her" is about Ruby) and not about the bedroom, being alone,
// someone else seeing the child ("not seen by the GP") or a time ("not
// seen at first", "until"). A record that also says the child was seen
// alone (seenAloneSaid) does not contradict itself. The graver mistake is
// to count a visit that did not see the child (C06 §03, 1.8 §3). What a
// visit's words say is kept for the case.
func (p *Pass) NotSeenInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.ChildSeen || v.Doc == nil {
		return "", false
	}
	return p.keptVisitWords(&p.Case.notSeen, v, p.notSeenInWords)
}

// notSeenInWords is NotSeenInWords, not kept.
func (p *Pass) notSeenInWords(v *schema.Visit) (string, bool) {
	reading := p.readVisit(v)
	said, ok := p.clauseSaying(reading, lexChildNotSeen, p.profileWordsOf().childNotSeen, func(clause []string) bool {
		return p.Case.nameRefs().aboutChildOnly(clause) && !slices.ContainsFunc(clause, notSeenAsideWords.has)
	})
	var seenBuf [16]bool
	if !ok || p.Case.seenAloneSaidIn(reading.texts, reading.column(lexSeenAlone, seenBuf[:0]), v.By).child {
		return "", false
	}
	return said, true
}

// ChildAsleepInWords returns the sentence of visit v's record (its
// not_seen_reason or notes) that says, against seen_alone = true, that the
// child, one year old or more, was asleep through the visit: one of the
// profile's child_asleep words ("Mum said Ellie was asleep", "Ellie was
// napping upstairs so I didn't disturb her", "I did not wake her"), not
// negated, in a clause about the child (childAsleepClause) and not about
// another time (asleepAsideWords: "asleep by 8pm", "usually", "last
// night", "at first"). A record that also says the child woke or talked
// (childAwakeWords: "Ellie woke", "she came down", "Ellie said") or was
// seen alone (seenAloneSaid) does not contradict itself.
//
// Oxfordshire 1.8 §3 has the lead social worker see the child "in order
// to monitor his/her well-being and be aware of his/her wishes and
// feelings", alone, "or a baby when awake", and record "confirmation that
// the Lead Social Worker spoke with the child (including if alone), or
// providing a clear reason why not"; C06 §03 "To see the child/young
// person alone" and ascertain their wishes and feelings. If a baby must
// be awake to be seen, a child asleep, or said by a parent to be asleep,
// was not seen and spoken with alone: the graver mistake is to count the
// visit. A baby under one is read by awake and AsleepInWords instead. ok
// is false when the record does not record seen_alone, or says no such
// thing. What a visit's words say is kept for the case.
func (p *Pass) ChildAsleepInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.ChildSeen || !v.SeenAlone || v.Doc == nil || p.Case.IsBabyOn(v.Date.Date) {
		return "", false
	}
	return p.keptVisitWords(&p.Case.asleep, v, p.childAsleepInWords)
}

// childAsleepInWords is ChildAsleepInWords, not kept.
func (p *Pass) childAsleepInWords(v *schema.Visit) (string, bool) {
	reading := p.readVisit(v)
	r := p.Case.nameRefs()
	said, ok := p.clauseSaying(reading, lexChildAsleep, p.profileWordsOf().childAsleep, func(clause []string) bool {
		return r.childAsleepClause(clause) && !slices.ContainsFunc(clause, asleepAsideWords.has)
	})
	if !ok {
		return "", false
	}
	awake := childAwakeTokens.withPeople(p.Case.slotPeople())
	for _, t := range reading.texts {
		if awake.says(t) {
			return "", false
		}
	}
	var seenBuf [16]bool
	if p.Case.seenAloneSaidIn(reading.texts, reading.column(lexSeenAlone, seenBuf[:0]), v.By).child {
		return "", false
	}
	return said, true
}

// childAsleepClause reports whether a clause saying someone was asleep
// is about the child: it names no brother or sister without the child
// ("Ruby was asleep"), and names the child, or no one else of the family,
// or reports what someone said or told ("Mum said she was asleep"); "Mum
// was on the phone so I did not disturb her" is about Mum.
func (r *nameRefs) childAsleepClause(clause []string) bool {
	sibling := false
	for _, w := range clause {
		switch {
		case r.kind(w) == refChild:
			return true
		case r.sibling[strings.TrimSuffix(w, "'s")]:
			sibling = true
		}
	}
	if sibling {
		return false
	}
	return r.aboutChildOnly(clause) || slices.ContainsFunc(clause, reportWords.has)
}

// reportWords say what someone said: "Mum said she was asleep".
var reportWords = wordsSet{"said": true, "says": true, "told": true, "tells": true, "reported": true,
	"reports": true, "explained": true, "informed": true, "stated": true, "mentioned": true}

// asleepAsideWords, in a clause saying the child was asleep, say it is
// about another time than the visit ("asleep by 8pm", "usually asleep",
// "asleep last night", "asleep at first", "until", "most nights"), or
// about how the child sleeps ("Mum said she was sleeping well").
var asleepAsideWords = wordsSet{"by": true, "first": true, "initially": true, "until": true, "till": true,
	"later": true, "then": true, "last": true, "previous": true, "since": true, "before": true, "day": true,
	"days": true, "yesterday": true, "week": true, "weeks": true, "weekend": true, "month": true, "ago": true,
	"usually": true, "normally": true, "often": true, "always": true, "sometimes": true, "night": true,
	"nights": true, "bedtime": true, "most": true, "every": true, "if": true, "well": true, "better": true,
	"badly": true, "poorly": true, "lately": true, "recently": true}

// childAwakeTokens say, in a visit record, that the child, asleep at some
// point, woke or talked (ChildAsleepInWords).
var childAwakeTokens = newPhraseList([]string{
	"{child} woke", "{child} was awake", "{child} awake", "{child} was woken", "{child} came down",
	"{child} got up", "{child} said", "{child} told me", "{child} talked", "{child} chatted",
	"{child} showed me", "{child} played", "{child} spoke", "she woke", "he woke", "they woke",
	"she was awake", "he was awake", "they were awake", "she came down", "he came down",
	"she got up", "he got up", "she said", "he said", "she told me", "he told me", "she talked",
	"he talked", "she chatted", "he chatted", "she showed me", "he showed me", "woke {child}",
	"woke up", "awake", "woke", "alert", "eye contact", "smiled", "smiling",
	"laughed", "laughing", "giggled", "drew", "drawing",
})

// clauseSaying returns the first sentence of a visit's texts (those its
// reading says may hold list k, which l is) with a clause, parted at
// clause and hard breaks, that says one of l's phrases and that keep
// accepts: a clause about the child, not another visit.
func (p *Pass) clauseSaying(r *visitReading, k int, l *phraseList, keep func(clause []string) bool) (string, bool) {
	var toks []string
	withPeople := false
	for i, t := range r.texts {
		if !r.may[i][k] {
			continue
		}
		if !withPeople {
			l, withPeople = l.withPeople(p.Case.slotPeople()), true
		}
		for _, sen := range sentences(t) {
			if toks = appendRefusalTokens(toks[:0], sen); !l.saidBy(toks) {
				continue
			}
			cl := clauseTokens(sen)
			start := 0
			for end := 0; end <= len(cl); end++ {
				if end < len(cl) && cl[end] != hardBreak && cl[end] != clauseBreak {
					continue
				}
				if part := cl[start:end]; keep(part) && l.saidBy(part) {
					return sen, true
				}
				start = end + 1
			}
		}
	}
	return "", false
}

// notSeenAsideWords, in a clause saying the child was not seen, say it is
// about something else: the bedroom, being alone, another who did not see
// the child ("not seen by the GP"), a part of the visit ("not seen at
// first", "until she came down") or another day ("Visit the day after
// Archie was not at home").
var notSeenAsideWords = wordsSet{"bedroom": true, "bedrooms": true, "room": true, "alone": true, "own": true,
	"privately": true, "herself": true, "himself": true, "by": true, "first": true, "initially": true,
	"until": true, "till": true, "later": true, "then": true, "last": true, "previous": true, "since": true,
	"before": true, "day": true, "days": true, "yesterday": true, "week": true, "weeks": true,
	"weekend": true, "month": true, "ago": true, "injury": true, "injuries": true, "bruise": true, "bruising": true, "mark": true, "marks": true}

// aboutChildOnly reports whether clause is about the child and no one else
// of the family: it names the child, or names no one else (a name of
// case.md's family or a family word) at all.
func (r *nameRefs) aboutChildOnly(clause []string) bool {
	other := false
	for _, w := range clause {
		switch r.kind(w) {
		case refChild:
			return true
		case refOther:
			other = true
		}
	}
	return !other
}

// NotFaceToFaceInWords returns the sentence of visit v's record (its
// not_seen_reason or notes) that says the child, recorded seen, was seen
// only by video or telephone: one of the profile's not_face_to_face words
// ("virtual visit", "seen on a video call", "spoke to Ellie on FaceTime",
// "video call on Teams"), not negated. Oxfordshire 1.8 §3 asks the lead
// social worker "To have face to face contact with the child ... This must
// include seeing the child alone or a baby when awake", and C06 §03 "To see
// the child/young person alone": a call is not face to face, and shows
// nobody who else is in the room. ok is false when the record does not
// record the child seen, or says no such thing. What a visit's words say
// is kept for the case.
func (p *Pass) NotFaceToFaceInWords(v *schema.Visit) (sentence string, ok bool) {
	if v == nil || !v.ChildSeen || v.Doc == nil {
		return "", false
	}
	return p.keptVisitWords(&p.Case.notFaceToFace, v, p.notFaceToFaceInWords)
}

// notFaceToFaceInWords is NotFaceToFaceInWords, not kept.
func (p *Pass) notFaceToFaceInWords(v *schema.Visit) (string, bool) {
	// Said, perhaps, of another visit: each clause is read.
	return p.clauseSaying(p.readVisit(v), lexNotFaceToFace, p.profileWordsOf().notFaceToFace, func(clause []string) bool {
		return !slices.ContainsFunc(clause, otherVisitWords.has)
	})
}

// otherVisitWords, in a clause, say it is about another visit or contact
// than the one recorded ("the last visit was by video", "the next visit
// will be virtual", "video calls are planned").
var otherVisitWords = wordsSet{"last": true, "previous": true, "next": true, "future": true,
	"following": true, "will": true, "planned": true, "earlier": true, "usually": true, "sometimes": true}

// wordsSet is a set of words, lower case.
type wordsSet map[string]bool

func (w wordsSet) has(s string) bool { return w[s] }

// --- Whose visit: the child or a brother or sister ---------------------------

// siblingWords are the words of a family member's role that make them a
// brother or sister of the child ("sister", "half-brother", "step-sister",
// "twin", "older sibling"); notSiblingRoles are roles holding one that are
// a professional's.
var (
	siblingWords    = []string{"sister", "brother", "sibling", "stepsister", "stepbrother", "twin", "half sibling"}
	notSiblingRoles = []string{"ward sister", "nursing sister", "sister in charge", "night sister", "theatre sister"}
)

// IsSibling reports whether ref names one of case.md's people who is a
// brother or sister of the child: family (IsFamily) by a role saying so
// (siblingWords: "sister", "half-brother", "step-sister", "twin").
func (c *Case) IsSibling(ref string) bool {
	child, p := c.refer(ref)
	return !child && p != nil && p.isSibling()
}

// isSibling is IsSibling of a person.
func (p *casePerson) isSibling() bool {
	ph := phrase(p.Role)
	return p.isFamily() && hasPhrase(ph, siblingWords...) && !hasPhrase(ph, notSiblingRoles...)
}

// SiblingPresentInstead returns the brother or sister of the child that
// visit v's present lists in the child's place: present names a sibling
// (IsSibling) and not the child, and every name in it is the child or one
// of case.md's people. Present lists who was there with the visitor, the
// child among them (present = ["Jamie", "Sam Doe"]); a record that lists
// the child's sister and not the child is the sister's record (copied from
// her folder, or written up for both children from one visit), and does
// not show that this child was seen alone. A present that leaves the child
// out with no sibling listed is not read so (many records list only the
// adults there), nor one holding a name that is not among the people ("Leo
// and Ruby", "the children", a name the child goes by), which may be the
// child. ok is false too when the record's words say, by the child's name,
// that the child was seen alone ("Leo was seen alone in his bedroom";
// seenAloneSaid): the child was there and the list is short.
func (c *Case) SiblingPresentInstead(v *schema.Visit) (sibling string, ok bool) {
	if v == nil || len(v.Present) == 0 {
		return "", false
	}
	for _, ref := range v.Present {
		child, p := c.refer(ref)
		switch {
		case child || p == nil:
			return "", false
		case sibling == "" && p.isSibling():
			sibling = strings.TrimSpace(ref)
		}
	}
	if sibling == "" || v.Doc == nil {
		return "", false
	}
	var textsBuf [16]string
	if c.seenAloneSaid(appendVisitTexts(textsBuf[:0], v), v.By).byName {
		return "", false
	}
	return sibling, true
}

// --- Whom the words are about -------------------------------------------------

// refKind is whom a word of a visit's notes refers to (nameRefs.kind).
type refKind uint8

const (
	refNone      refKind = iota
	refChild             // the child's first name
	refChildLike         // a pronoun, "the child", "both", "the children": the child, or the child among others
	refOther             // someone else of the family: a name of one of case.md's family, or a family word ("Mum", "his sister")
)

// childLikeWords refer to the child, or to the children with the child
// among them; pronounWords are those of them that are pronouns (which do
// not join a list of names: "Ruby and her brother").
var (
	childLikeWords = map[string]bool{
		"he": true, "him": true, "himself": true, "she": true, "her": true, "herself": true,
		"they": true, "them": true, "themselves": true, "child": true, "children": true, "kids": true,
		"both": true, "siblings": true, "boy": true, "girl": true, "boys": true, "girls": true, "yp": true,
	}
	pronounWords = map[string]bool{
		"he": true, "him": true, "himself": true, "she": true, "her": true, "herself": true,
		"they": true, "them": true, "themselves": true,
	}
	// listWords join names in a list: "Leo and Ruby", "both Leo and Ruby".
	listWords = map[string]bool{"and": true, "&": true, "or": true, "both": true, "each": true, clauseBreak: true}
	// turnWords open a clause that turns from the one before ("Ruby was
	// seen alone but Leo was not"): whom one is about says nothing of the
	// other.
	turnWords = map[string]bool{"but": true, "whereas": true, "while": true, "whilst": true, "although": true,
		"though": true, "however": true, "yet": true}
	// elidedWords are the words of a clause that says, after another was
	// seen alone, that the child was not ("Leo was not", "but not Leo",
	// "Leo wasn't"), besides the child's name.
	elidedWords = map[string]bool{"was": true, "were": true, "is": true, "has": true, "had": true, "been": true,
		"could": true, "did": true, "not": true, "never": true, "alone": true, "seen": true, "spoken": true,
		"to": true, "then": true, "so": true, "and": true, "too": true, "also": true, "either": true, "on": true,
		"own": true, "his": true, "her": true, "their": true}
)

// nameRefs are the words that name the child, and those that name someone
// else of the family, in a visit's notes (Case.nameRefs).
type nameRefs struct {
	child string          // the child's first name, lower case ("" when none)
	other map[string]bool // first names and surnames of case.md's family, and family words
	// sibling holds the words of other that name a brother or sister of
	// the child: the first names of case.md's brothers and sisters
	// (IsSibling), and siblingRefWords.
	sibling map[string]bool
}

// siblingRefWords name a brother or sister in a visit's notes ("his
// sister", "Leo's brother").
var siblingRefWords = []string{"sister", "brother", "sibling", "stepsister", "stepbrother", "twin",
	"half-sister", "half-brother", "step-sister", "step-brother"}

// nameRefs returns the case's nameRefs, made once: the child's first
// name; the first names and surnames of case.md's people who are family
// (IsFamily: a professional is the one who sees, not the one seen), less
// the words of the child's name (a shared surname names nobody in
// particular); and the family words of relationWords ("mum", "sister").
func (c *Case) nameRefs() *nameRefs {
	if c.refs != nil {
		return c.refs
	}
	r := &nameRefs{other: map[string]bool{}, sibling: map[string]bool{}}
	for _, w := range siblingRefWords {
		r.other[w], r.sibling[w] = true, true
	}
	childName := refusalTokens(c.Child().Name)
	if len(childName) > 0 {
		r.child = childName[0]
	}
	for _, w := range relationWords {
		if !strings.Contains(w, " ") {
			r.other[w] = true
		}
	}
	for i := range c.persons {
		p := &c.persons[i]
		if !p.isFamily() {
			continue
		}
		name, _ := splitBrackets(p.Name)
		for k, w := range refusalTokens(name) {
			if w != clauseBreak && len(w) > 1 && !personTitles[w] && !slices.Contains(childName, w) {
				r.other[w] = true
				if k == 0 && p.isSibling() {
					r.sibling[w] = true
				}
			}
		}
	}
	c.refs = r
	return r
}

// kind returns whom word w (of refusalTokens) refers to; a possessive
// ("Leo's") is its name.
func (r *nameRefs) kind(w string) refKind {
	w = strings.TrimSuffix(w, "'s")
	switch {
	case w == "":
		return refNone
	case w == r.child:
		return refChild
	case childLikeWords[w]:
		return refChildLike
	case r.other[w]:
		return refOther
	}
	return refNone
}

// seenAloneWho returns whom the words of seg from i, which say phrase
// (one of seenAloneWords), say was seen alone: the word in the phrase's
// "*" ("saw Ruby alone", not "on her own"); else the nearest named before it in the clause,
// with the names listed with them ("Leo and Ruby were each seen alone":
// the child); else, for a phrase followed by "with" ("time alone with
// Ruby", "spoke privately with Leo"), the first named after it; else
// refNone (nobody named: the child, of whom the record is).
//
// who is the word that names whom (without a possessive "'s"; "" for
// refNone).
func (r *nameRefs) seenAloneWho(seg []string, i int, phrase []string) (refKind, string) {
	for j, pw := range phrase {
		// (The "*" of "on * own" is whose: "seen on her own".)
		if pw == "*" && i+j < len(seg) && (j+1 == len(phrase) || phrase[j+1] != "own") {
			if k := r.kind(seg[i+j]); k != refNone {
				return k, strings.TrimSuffix(seg[i+j], "'s")
			}
		}
	}
	for k := i - 1; k >= 0; k-- {
		first := r.kind(seg[k])
		if first != refOther {
			if first != refNone {
				return first, strings.TrimSuffix(seg[k], "'s")
			}
			continue
		}
		// Someone else: the child may be listed with them ("Leo and
		// Ruby"), but not as whose they are ("Leo's sister").
		for m := k - 1; m >= 0; m-- {
			w := seg[m]
			switch kind := r.kind(w); {
			case strings.HasSuffix(w, "'s"):
			case kind == refChild || (kind == refChildLike && !pronounWords[w]):
				return kind, w
			case kind == refOther || listWords[w]:
				continue
			}
			break
		}
		return refOther, strings.TrimSuffix(seg[k], "'s")
	}
	n := len(phrase)
	if phrase[n-1] == "with" || (i+n < len(seg) && seg[i+n] == "with") {
		for k := i + n; k < len(seg); k++ {
			if kind := r.kind(seg[k]); kind != refNone {
				return kind, strings.TrimSuffix(seg[k], "'s")
			}
		}
	}
	return refNone, ""
}

// seenAloneSaid is what a visit's words say of whom was seen alone
// (Case.seenAloneSaid).
type seenAloneSaid struct {
	// child: a sentence says the child was seen alone (by the child's name,
	// a pronoun, "the children", or naming nobody); byName: by the
	// child's name.
	child, byName bool
	// notChild is a sentence saying, after another was seen alone, that
	// the child was not ("Ruby was seen alone; Leo was not.").
	notChild string
	// sibling is the first sentence saying a brother or sister of the
	// child was seen alone ("Saw Ruby alone in her room.").
	sibling string
	// byOther is the first sentence saying someone other than the
	// visiting worker saw the child alone ("PC Lowe spoke to Ellie alone";
	// seers.seenBy): the child was not seen alone by the worker.
	byOther string
}

// seenAloneSaid reads whom texts (a visit's reason and notes) say was seen
// alone, by the seen-alone words (seenAloneWords): a sentence says the
// child was when, in one of its clauses, the one seen alone is the child
// (seenAloneWho: by name, "he", "the children", "Leo and Ruby were each
// seen alone", or nobody named: "Seen alone in his bedroom"), and not when
// it is someone else of the family ("Ruby was seen alone in her bedroom",
// "Mum was seen alone to talk about the rent"). Clauses are parted at ";",
// ":", a dash, and words that turn ("but", "while", "whereas"), so "Ruby
// was seen alone but Leo was not" says nothing of Leo being seen alone,
// and its last clause (a clause of the child's name, a negation and
// elidedWords, after another was seen alone in the same text) says the
// child was not (notChild).
func (c *Case) seenAloneSaid(texts []string, by string) seenAloneSaid {
	return c.seenAloneSaidIn(texts, nil, by)
}

// seenAloneSaidIn is seenAloneSaid, where may, when not nil, holds for
// each text whether it may say someone was seen alone
// (seenAloneTokens.mayBeIn), as a lexicon read it.
//
// by is the visit's by: the child seen alone by someone else
// (seers.seenBy) is not the child seen alone, and the sentence is
// byOther.
func (c *Case) seenAloneSaidIn(texts []string, may []bool, by string) seenAloneSaid {
	var said seenAloneSaid
	var r *nameRefs
	var who *seers
	for i, t := range texts {
		if may != nil && !may[i] || may == nil && !seenAloneTokens.mayBeIn(t) {
			continue
		}
		if r == nil {
			r = c.nameRefs()
		}
		otherSeen := false
		for _, sen := range sentences(t) {
			if !otherSeen && !seenAloneTokens.mayBeIn(sen) {
				continue // says no one was seen alone, and follows no one who was
			}
			toks := clauseTokens(sen)
			// Each clause in turn (parted at hardBreak and clauseBreak).
			start := 0
			for end := 0; end <= len(toks); end++ {
				if end < len(toks) && toks[end] != hardBreak && toks[end] != clauseBreak {
					continue
				}
				if otherSeen && said.notChild == "" && elided(toks[start:end], r) {
					said.notChild = sen
				}
				// The phrases said from this clause, read in the
				// hardBreak-parted clause holding it.
				from := clauseStart(toks, start)
				cl := clauseOf(toks, start)
				// Whom this clause's phrases say was seen alone, applied
				// once the clause is read: a clause saying someone other
				// than the visiting worker saw the child alone
				// (seers.seenBy) says nothing of the child seen alone
				// by the worker, in any of its phrases ("PC Lowe spoke to
				// Ellie alone in her room").
				var hits [4]seenAloneHit
				n, byOther, aside := 0, false, false
				for i := start - from; i < end-from; i++ {
					opening, others := seenAloneTokens.startingAt(cl[i])
					for _, ps := range [2][]int{opening, others} {
						for _, p := range ps {
							phrase := seenAloneTokens.phrases[p]
							if len(phrase) == 0 || !tokensSayAt(cl, i, phrase, nil) {
								continue
							}
							kind, whom := r.seenAloneWho(cl, i, phrase)
							if kind != refOther {
								if who == nil {
									s := c.seersOf(by)
									who = &s
								}
								switch who.seenBy(cl, i, phrase) {
								case seerOther:
									byOther = true
								case seerAside:
									aside = true
								}
							}
							if n < len(hits) {
								hits[n] = seenAloneHit{kind, whom}
								n++
							}
						}
					}
				}
				for _, h := range hits[:n] {
					switch {
					case h.kind == refOther:
						otherSeen = true
						if said.sibling == "" && r.sibling[h.whom] {
							said.sibling = sen
						}
					case byOther:
						if said.byOther == "" {
							said.byOther = sen
						}
					case aside:
						// Someone else's time alone with the child, told at
						// second hand or of another day: nothing of this
						// visit.
					case h.kind == refChild:
						said.child, said.byName = true, true
					default:
						said.child = true
					}
				}
				start = end + 1
			}
		}
	}
	return said
}

// seenAloneHit is a seen-alone phrase of a clause, and whom it says was
// seen alone (nameRefs.seenAloneWho).
type seenAloneHit struct {
	kind refKind
	whom string
}

// hardBreak stands, in clauseTokens' output, for the end of a clause that
// a list of names does not cross: ";", ":", a dash, a word that turns.
const hardBreak = "||"

// clauseTokens splits a sentence into words as refusalTokens does, with
// hardBreak between its parts (at ";", ":", a dash standing alone, and
// turnWords, which it replaces).
func clauseTokens(sen string) []string {
	var toks []string
	parts := strings.FieldsFunc(strings.ReplaceAll(sen, " - ", " ; "), func(r rune) bool {
		return r == ';' || r == ':' || r == '\u2013' || r == '\u2014'
	})
	for n, part := range parts {
		if n > 0 {
			toks = append(toks, hardBreak)
		}
		for _, w := range refusalTokens(part) {
			if turnWords[w] {
				w = hardBreak
			}
			toks = append(toks, w)
		}
	}
	return toks
}

// clauseStart returns where the hardBreak-parted clause holding toks[i]
// starts; clauseOf returns that clause.
func clauseStart(toks []string, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k] == hardBreak {
			return k + 1
		}
	}
	return 0
}

func clauseOf(toks []string, i int) []string {
	start, end := clauseStart(toks, i), i
	for end < len(toks) && toks[end] != hardBreak {
		end++
	}
	return toks[start:end]
}

// elided reports whether clause says only that the child was not (seen
// alone): the child's name, a negation, and elidedWords ("Leo was not",
// "but not Leo", "Leo wasn't").
func elided(clause []string, r *nameRefs) bool {
	named, negated := false, false
	for _, w := range clause {
		switch {
		case r.kind(w) == refChild:
			named = true
		case w == "not" || w == "never" || strings.HasSuffix(w, "n't"):
			negated = true
		case !elidedWords[w]:
			return false
		}
	}
	return named && negated
}

// SaysSeenAlone reports whether visit v's reason or notes say the child
// was seen alone (seenAloneSaid: "Spoke with Ellie privately in her
// bedroom", "Ellie was seen on her own"; not "Ruby was seen alone"). For
// a message: a visit recording seen_alone = false, or none, whose words
// say so has its facts or its words wrong, and the key is the fact.
func (c *Case) SaysSeenAlone(v *schema.Visit) bool {
	if v == nil || v.Doc == nil {
		return false
	}
	var textsBuf [16]string
	return c.seenAloneSaid(appendVisitTexts(textsBuf[:0], v), v.By).child
}

// saysChildSeenAlone returns whether a text of a visit whose by is by
// says the child was seen alone (seenAloneSaid).
func (c *Case) saysChildSeenAlone(by string) func(text string) bool {
	return func(text string) bool { return c.seenAloneSaid([]string{text}, by).child }
}

// notSeenTokens say, in a not_seen_reason that is otherwise no answer
// (Profile.NotDone), that the child was not seen or not seen alone.
var notSeenTokens = newPhraseList([]string{"not seen", "wasn't seen", "not been seen", "not spoken to",
	"not spoken with", "unseen", "not seen alone", "not seen on own"})

// GivesNotSeenReason reports whether a visit's not_seen_reason says why
// the child was not seen, or not seen alone: it is not empty, not a
// placeholder ("N/A", "TBC", "none"), and not a not_done answer that only
// points elsewhere ("See notes", "As before", "No change"); one saying
// the child was not seen ("Not seen", "Leo not seen") does say so. On a
// visit recorded seen_alone = true such a reason contradicts the record
// (Pass.NotSeenAloneInWords).
func (p *Profile) GivesNotSeenReason(reason string) bool {
	if p.IsPlaceholder(reason) {
		return false
	}
	return !p.NotDone(reason) || notSeenTokens.saidBy(refusalTokens(reason))
}

// --- Reduced visiting -------------------------------------------------------

// ReducedVisitingFrom returns the date from which reduced visiting
// (Oxfordshire 1.8 §3) applies: the plan has a [reduced_visiting] agreement
// with an agreed date, not before this authority's plan started
// (ReducedVisitingBeforePlan), approved by one of the case's people who is
// an independent conference chair (ApprovedByChair), and the profile allows a reduced
// interval. ok is false otherwise (unapproved-reduced-visiting says what is
// missing).
func (p *Pass) ReducedVisitingFrom() (agreed schema.Date, ok bool) {
	plan := p.Case.Plan
	if plan == nil || plan.ReducedVisiting == nil || p.Profile.ReducedSeenAloneEvery.IsZero() {
		return schema.Date{}, false
	}
	rv := plan.ReducedVisiting
	if rv.Agreed.IsZero() || p.Case.ReducedVisitingBeforePlan() || !p.Case.ApprovedByChair(p.Profile.Done(rv.ApprovedBy), p.Profile) {
		return schema.Date{}, false
	}
	return rv.Agreed, true
}

// ApprovedByChair reports whether ref, an approved_by as written, names an
// independent conference chair of the case (IsConferenceChair): the whole
// of it ("Chris Hall (IRO)"), or one of the people it names (Owners:
// "Rob Jones (TM) and Chris Hall (IRO)", "Chris Hall, Independent Chair").
// 1.8 §3 has reduced visiting "agreed in supervision with the Team Manager
// and approved by the Independent Chair": a record naming both names the
// chair who approved it. Call it with Profile.Done's answer: words saying
// the approval is still to come are no approval, and so is any part of
// ref that is neither one of the case's people nor the chair's role ("Chris
// Hall - to confirm").
func (c *Case) ApprovedByChair(ref string, prof *Profile) bool {
	if strings.TrimSpace(ref) == "" {
		return false
	}
	if c.IsConferenceChair(ref) {
		return true
	}
	chair := false
	for _, o := range c.Owners(ref, prof) {
		switch {
		case o.Kind == OwnerNamed && c.IsConferenceChair(o.Name):
			chair = true
		case o.Kind == OwnerNamed || o.Kind == OwnerByRole:
		case readRole(o.Text).chair:
			// "Chris Hall, Independent Chair": the chair's role.
		default:
			// "to confirm", "awaiting": words of something else than
			// the people who agreed and approved it.
			return false
		}
	}
	return chair
}

// ReducedSeenAloneEvery returns the interval within which the child must
// be seen alone, counted from from, while reduced visiting is in force
// (ReducedVisitingFrom): the profile's reduced_seen_alone_every (1.8 §3
// "a reduced level of visiting to at least every 4 weeks"), or the plan's
// own seen_alone_every where the plan agreed a reduction to less than that
// (every 3 weeks): the child is seen "as agreed in the Child Protection
// Plan", and the stricter of the plan's and the procedure's applies, as it
// does without a reduction. A plan frequency looser than the usual
// interval (the profile's seen_alone_every) can only be the reduced level
// the plan agreed; one no looser than the usual interval ("2 weeks", as
// the plan said before) is the frequency the reduction replaced, and is
// not read here. byPlan says the plan's applies. The zero Interval when
// the profile allows no reduction.
func (p *Pass) ReducedSeenAloneEvery(from schema.Date) (iv schema.Interval, byPlan bool) {
	reduced := p.Profile.ReducedSeenAloneEvery
	if reduced.IsZero() {
		return schema.Interval{}, false
	}
	plan := p.Case.Plan
	if plan == nil || plan.SeenAloneEvery.IsZero() {
		return reduced, false
	}
	cal := p.Calendar
	if cal == nil {
		cal = calendar.Default()
	}
	own := cal.Add(from, plan.SeenAloneEvery)
	if own.After(cal.Add(from, p.Profile.SeenAloneEvery)) && own.Before(cal.Add(from, reduced)) {
		return plan.SeenAloneEvery, true
	}
	return reduced, false
}

// ReducedVisitingBeforePlan reports whether the plan's [reduced_visiting]
// agreement is dated before this authority's plan started (PlanStart: the
// initial conference, or for a child who moved in, the transfer
// conference). Such an agreement is not this plan's: 1.8 §3 lets "the Core
// Group" agree a reduction "in the review period", on its own view that
// the main risk factors have been addressed, so an agreement copied from
// an earlier plan, or made under the previous authority's plan, is not in
// force. It is false when there is no agreement, no agreed date or no
// start to compare with.
func (c *Case) ReducedVisitingBeforePlan() bool {
	if c.Plan == nil || c.Plan.ReducedVisiting == nil || c.Plan.ReducedVisiting.Agreed.IsZero() {
		return false
	}
	start := c.PlanStart()
	return !start.IsZero() && c.Plan.ReducedVisiting.Agreed.Before(start)
}

// ReducedVisitingAppliesTo reports whether the reduced interval agreed on
// agreed may measure a gap in seeing the child whose usual due day (counted
// from the gap's start, without the reduction) is usualDue: only when that
// day is not before the agreement. A reduction is agreed for the visits
// still to come (1.8 §3 "a reduced level of visiting ... can be agreed");
// a visit already overdue on the day it was agreed stays due on its usual
// day, and the reduction cannot excuse it afterwards.
func ReducedVisitingAppliesTo(agreed, usualDue schema.Date) bool {
	return !usualDue.Before(agreed)
}

// ReducedVisitingLapsedAt returns the review conference at which the plan's
// reduced visiting lapsed: the first one held after the agreed date, up to
// p.Until(), that decided to continue the plan (the reduction is agreed on
// the recommendation that planning end there). It returns nil when there
// is none, or no reduced visiting in force (ReducedVisitingFrom).
func (p *Pass) ReducedVisitingLapsedAt() *schema.Conference {
	agreed, ok := p.ReducedVisitingFrom()
	if !ok {
		return nil
	}
	until := p.Until()
	for _, cf := range p.Case.ConferencesOfKind(schema.ConferenceReview) {
		if cf.Date.IsZero() || !cf.Date.After(agreed) || cf.Date.After(until) {
			continue
		}
		if cf.Decision == schema.DecisionContinue {
			return cf
		}
	}
	return nil
}
