package lint

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/caselint/caselint/schema"
)

// The model of how a plan ends: the child's age on a date, the child's legal
// status on a date, and the reasons a plan may end for, checked against the
// record (Stoke-on-Trent C06 §03, §07, §08).

// ---------------------------------------------------------------- age

// AdultAge is the age at which a child is no longer the subject of a Child
// Protection Plan (Stoke-on-Trent C06 §07 "The child reaches the age of 18
// years").
const AdultAge = 18

// UnderstandingAge is the age from which the child is always among those
// given the plan and told it has ended: both procedures say "depending on
// age and understanding", and caselint reads it as 10 or over (the age of
// criminal responsibility in England and Wales). A younger child may be
// given a copy too; it is not required.
const UnderstandingAge = 10

// Anniversary returns the day a person born on born attains the age of
// years. In English law a person attains an age at the start of the
// anniversary of their birth (Family Law Reform Act 1969 s 9); a child born
// on 29 February has no anniversary in a common year, and attains the age
// on 1 March, the day after 28 February, never before the full years have
// run.
func Anniversary(born schema.Date, years int) schema.Date {
	if born.IsZero() {
		return schema.Date{}
	}
	d := born.AddYears(years)
	if born.Month == time.February && born.Day == 29 && d.Day != 29 {
		d = d.AddDays(1)
	}
	return d
}

// BirthdayOf returns the day the child attains the age of years, and false
// when the child is unborn or has no date of birth.
func (c *Case) BirthdayOf(years int) (schema.Date, bool) {
	ch := c.Child()
	if ch.Unborn || ch.Born.IsZero() {
		return schema.Date{}, false
	}
	return Anniversary(ch.Born, years), true
}

// AgeOn returns the child's age in whole years on d, and false when the
// child is unborn, has no date of birth, or was not yet born on d. A child
// born on 29 February is a year older on 1 March of a common year (see
// Anniversary).
func (c *Case) AgeOn(d schema.Date) (int, bool) {
	ch := c.Child()
	if ch.Born.IsZero() || d.IsZero() || d.Before(ch.Born) {
		return 0, false
	}
	age := d.Year - ch.Born.Year
	if d.Before(Anniversary(ch.Born, age)) {
		age--
	}
	return age, true
}

// OfAgeAndUnderstandingOn reports whether the child is UnderstandingAge or
// over on d: old enough to be given the plan and told it has ended in their
// own right.
func (c *Case) OfAgeAndUnderstandingOn(d schema.Date) bool {
	age, ok := c.AgeOn(d)
	return ok && age >= UnderstandingAge
}

// ---------------------------------------------------------------- legal status

// LegalStatus is one entry of case.md's [[legal_status]]: the child's legal
// status from a date until the next entry.
type LegalStatus struct {
	// Status is the canonical status (schema.StatusInterimCareOrder, ...,
	// schema.StatusNone), or the words as written when they are not a
	// legal status (the record is then invalid, and invalid-record says so).
	Status string
	From   schema.Date
	// Entry is the entry's index in case.md's [[legal_status]].
	Entry int
}

// Known reports whether Status is a legal status caselint can read.
func (s LegalStatus) Known() bool {
	c, ok := schema.CanonicalLegalStatus(s.Status)
	return ok && c == s.Status
}

// LookedAfter reports whether the status makes the child looked after by
// the local authority for the ending of the plan (Stoke-on-Trent C06 §03,
// §07, §08): an interim care order, a care order, a placement order or
// accommodation under section 20. Police protection and an emergency
// protection order are emergency powers of days, after which the child
// returns home or an interim care order is made: they do not end the plan
// and do not support ending it as "looked after". A supervision order, a
// special guardianship or child arrangements order, "none", or words
// caselint cannot read do not make the child looked after.
func (s LegalStatus) LookedAfter() bool {
	switch s.Status {
	case schema.StatusInterimCareOrder, schema.StatusCareOrder, schema.StatusPlacementOrder, schema.StatusSection20:
		return true
	}
	return false
}

// DischargedAtReview reports whether a plan of a child with this status
// stays in place until the next review conference, where it is discharged
// (section 20: Stoke-on-Trent C06 §03), rather than being discharged by
// letter as soon as the order is made (an interim care order).
func (s LegalStatus) DischargedAtReview() bool { return s.Status == schema.StatusSection20 }

// Words says the status as a message does: "section 20", "an interim care
// order", "no legal status".
func (s LegalStatus) Words() string {
	switch s.Status {
	case schema.StatusSection20:
		return "section 20"
	case schema.StatusPoliceProtection:
		return "police protection"
	case schema.StatusNone:
		return "no legal status"
	case schema.StatusInterimCareOrder, schema.StatusEmergencyProtection:
		return "an " + s.Status
	}
	if s.Known() {
		return "a " + s.Status
	}
	return fmt.Sprintf("%q", s.Status)
}

// LegalStatuses returns case.md's [[legal_status]] entries that have a
// date and record a status, not an order asked for or awaited
// (schema.LegalStatusPending: "ICO applied for"), oldest first (entries with the same date keep case.md's order, so
// the later one is in force).
func (c *Case) LegalStatuses() []LegalStatus {
	if c.Record == nil {
		return nil
	}
	var out []LegalStatus
	for i, ls := range c.Record.LegalStatus {
		if ls.From.IsZero() {
			continue
		}
		st := strings.TrimSpace(ls.Status)
		if schema.LegalStatusPending(st) {
			continue // an order asked for or awaited: the status before it stays in force
		}
		if canon, ok := schema.CanonicalLegalStatus(st); ok {
			st = canon
		}
		out = append(out, LegalStatus{Status: st, From: ls.From, Entry: i})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out
}

// LegalStatusOn returns the child's legal status in force on d: the latest
// entry from on or before d. It returns false when none had begun by d. An
// entry of "none" (returned home, section 20 ended, discharged) is in force
// like any other: its LookedAfter is false.
func (c *Case) LegalStatusOn(d schema.Date) (LegalStatus, bool) {
	var in LegalStatus
	found := false
	for _, s := range c.LegalStatuses() {
		if s.From.After(d) {
			break
		}
		in, found = s, true
	}
	return in, found
}

// LookedAfterOn reports whether the child is looked after on d (see
// LegalStatus.LookedAfter).
func (c *Case) LookedAfterOn(d schema.Date) bool {
	s, ok := c.LegalStatusOn(d)
	return ok && s.LookedAfter()
}

// NextLegalStatusAfter returns the first entry from after d, and false when
// there is none.
func (c *Case) NextLegalStatusAfter(d schema.Date) (LegalStatus, bool) {
	for _, s := range c.LegalStatuses() {
		if s.From.After(d) {
			return s, true
		}
	}
	return LegalStatus{}, false
}

// StatusBegunBetween reports whether an entry of status (canonical) begins
// after day after and on or before day through: an interim care order made
// while the child was accommodated under section 20, say.
func (c *Case) StatusBegunBetween(status string, after, through schema.Date) bool {
	for _, s := range c.LegalStatuses() {
		if s.Status == status && s.From.After(after) && !s.From.After(through) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- the plan's life

// PlanActiveAfter reports whether the plan was still in place after day d
// under profile p: it has not ended (PlanEnd), or it ended after d. It is
// false when the case has no plan.
func (c *Case) PlanActiveAfter(p *Profile, d schema.Date) bool {
	if c.Plan == nil {
		return false
	}
	end, ended := c.PlanEnd(p)
	return !ended || end.After(d)
}

// EvaluatedUntil is the last day the case is evaluated to as of asOf under
// profile p: asOf, or the day the plan ended (PlanEnd) when that is before
// it.
func (c *Case) EvaluatedUntil(p *Profile, asOf schema.Date) schema.Date {
	if end, ok := c.PlanEnd(p); ok && end.Before(asOf) {
		return end
	}
	return asOf
}

// Why plan.md's [cessation] is not the end of this authority's plan
// (NotTheEnd.Why).
const (
	// CessationReplanned: a conference after the cessation (an initial
	// conference, or this authority's transfer conference, that decided
	// "plan") started this authority's plan: the cessation is an earlier
	// plan's, and plan.md was not rewritten for the new one.
	CessationReplanned = "re-planned"
	// CessationBeforeStart: the cessation is dated before the plan
	// started (plan.md's started, no conference that started a plan being
	// recorded): no plan ends before it starts.
	CessationBeforeStart = "before the start"
	// CessationContinued: the conference [cessation] names, or, when it
	// names none, the one held on the cessation date, decided "continue".
	CessationContinued = "continued"
)

// NotTheEnd says why plan.md's [cessation] is not the end of this plan
// (Why, empty when it is, or when there is none) and the conference that
// shows it: the one that started the new plan (CessationReplanned), or
// the one that decided "continue" (CessationContinued).
type NotTheEnd struct {
	Why        string
	Conference *schema.Conference
}

// EarlierPlan reports whether the cessation is an earlier plan's (or
// dated before this plan started): not this plan's ending at all, so the
// rules that judge how this plan ended do not judge it, and
// plan-start-mismatch asks for plan.md to be brought up to date.
func (n NotTheEnd) EarlierPlan() bool {
	return n.Why == CessationReplanned || n.Why == CessationBeforeStart
}

// CessationNotTheEnd returns why plan.md's [cessation] cannot be read as
// the end of this authority's plan, or a zero NotTheEnd when it can (or
// there is none, or its date cannot be read). A plan is ended only by what
// ends it (Stoke-on-Trent C06 §07: "only a Child Protection Review
// Conference can decide that a Child Protection Plan is no longer
// necessary"), and a plan started after a cessation is not ended by it: a
// cessation is this plan's end only when it is dated on or after this
// plan's start (PlanStart), no initial or transfer-in conference deciding
// "plan" comes after it (PlanStartConference: a re-plan starts at its new
// initial conference), and the conference that it names, or with none
// named the one held that day, did not decide "continue". Otherwise the
// plan is in force, and every timescale runs to the day linted to.
func (c *Case) CessationNotTheEnd() NotTheEnd {
	if c.notTheEndRead {
		return c.notTheEnd
	}
	c.notTheEndRead = true
	cs := c.Cessation()
	if cs == nil || cs.Date.IsZero() {
		return c.notTheEnd
	}
	switch start := c.PlanStartConference(); {
	case start != nil && start.Date.After(cs.Date):
		c.notTheEnd = NotTheEnd{Why: CessationReplanned, Conference: start}
	case start == nil && c.Plan.Started.After(cs.Date):
		c.notTheEnd = NotTheEnd{Why: CessationBeforeStart}
	default:
		if cf := c.cessationContinued(); cf != nil {
			c.notTheEnd = NotTheEnd{Why: CessationContinued, Conference: cf}
		}
	}
	return c.notTheEnd
}

// cessationContinued returns the conference that decided "continue" on
// the plan plan.md's [cessation] ends: the conference it names, or, when
// it names none (or names no record of the case), the one held on the
// cessation date, unless another held that day decided "cease". Else nil.
// It does not ask the plan's start (PlanStartConference asks it).
func (c *Case) cessationContinued() *schema.Conference {
	cs := c.Cessation()
	if cs == nil || cs.Date.IsZero() {
		return nil
	}
	if cf, doc := c.ConferenceAt(cs.Conference); doc != nil {
		if cf != nil && cf.Decision == schema.DecisionContinue {
			return cf
		}
		return nil
	}
	var continued *schema.Conference
	for _, cf := range c.Conferences {
		if cf == nil || cf.Date != cs.Date {
			continue
		}
		switch cf.Decision {
		case schema.DecisionCease:
			return nil
		case schema.DecisionContinue:
			if continued == nil {
				continued = cf
			}
		}
	}
	return continued
}

// CessationOfThisPlan returns plan.md's [cessation] when it is about this
// authority's plan, else nil: none is recorded, or it is an earlier plan's
// (NotTheEnd.EarlierPlan). The rules that judge how the plan ended (its
// reason, the conference that decided, its length, who was told, the help
// that follows) judge this one. A cessation of this plan that a conference
// contradicts (CessationContinued) is still judged: it is this plan's, and
// wrong.
func (c *Case) CessationOfThisPlan() *schema.Cessation {
	if c.CessationNotTheEnd().EarlierPlan() {
		return nil
	}
	return c.Cessation()
}

// InForceInPlan returns the first day of this authority's plan on which the
// legal status s is in force: its from date, or the plan's start when it
// began before (Case.PlanStart). It returns false when s had ended (a later
// entry had begun) by then: an interim care order discharged, or section
// 20 ended, before this plan started is history (an earlier plan, the
// previous authority's), not this plan's concern.
func (c *Case) InForceInPlan(s LegalStatus) (schema.Date, bool) {
	day := s.From
	if start := c.PlanStart(); !start.IsZero() && day.Before(start) {
		day = start
	}
	in, ok := c.LegalStatusOn(day)
	if !ok || in.Entry != s.Entry {
		return schema.Date{}, false
	}
	return day, true
}

// FirstReviewAfter returns the first review conference of this
// authority's plan (Case.PlanReviews) held after d, or nil.
func (c *Case) FirstReviewAfter(d schema.Date) *schema.Conference {
	for _, cf := range c.PlanReviews() {
		if !cf.Date.IsZero() && cf.Date.After(d) {
			return cf
		}
	}
	return nil
}

// TransferOutConferences returns the transfer conference that allowed the
// plan to end on d because the child moved to another authority, and the
// first one held after d. The one that allowed it is the latest held after
// the plan started (PlanStart) and on or before d: a transfer conference on
// or before the plan's start is the one that brought the child in (this
// authority's plan started there), not the receiving authority's after the
// child moved on.
func (c *Case) TransferOutConferences(d schema.Date) (held, later *schema.Conference) {
	started := c.PlanStart()
	for _, cf := range c.ConferencesOfKind(schema.ConferenceTransfer) {
		switch {
		case cf.Date.IsZero(), Adjourned(cf), !started.IsZero() && !cf.Date.After(started):
		case !cf.Date.After(d):
			held = cf
		case later == nil:
			later = cf
		}
	}
	return held, later
}

// ---------------------------------------------------------------- cessation reasons

// The reasons a plan may end for (Stoke-on-Trent C06 §07), in its order.
const (
	ReasonNoLongerAtRisk = "no longer at risk"
	ReasonReached18      = "reached 18"
	ReasonMoved          = "moved to another authority"
	ReasonLeftUK         = "left the UK"
	ReasonDied           = "died"
	ReasonLookedAfter    = "looked after"
)

// CessationReasons are the reasons a plan may end for, in C06 §07's order.
var CessationReasons = []string{ReasonNoLongerAtRisk, ReasonReached18, ReasonMoved, ReasonLeftUK, ReasonDied, ReasonLookedAfter}

// SelfEnding reports whether reason ends the plan by itself (the child
// reached 18, died, left the UK, moved to another authority or became
// looked after) rather than by a conference judging the child no longer at
// risk: the minimum plan length does not apply to it.
func SelfEnding(reason string) bool {
	switch reason {
	case ReasonReached18, ReasonDied, ReasonLeftUK, ReasonMoved, ReasonLookedAfter:
		return true
	}
	return false
}

// CessationReason reads a cessation reason as people write it and returns
// the allowed reason it is and true. childName is case.md's [child] name
// (optional): its first name, in the reason, names the child. Besides the
// six reasons themselves (any case), it accepts:
//
//   - reached 18: any reason naming the age of 18 or eighteen ("18",
//     "turned 18", "child reached 18", "18th birthday"), or adulthood
//     ("transfer to adult services", "now an adult"); not 18 as a date
//     ("18 May") or a length of time ("after 18 months"), nor an adult
//     who is someone else ("risk from adult male removed");
//   - died: died, death, deceased, dead, passed away;
//   - left the UK: left the UK / the United Kingdom / the country, moved
//     abroad or overseas, emigrated;
//   - looked after: looked after (not "no longer looked after"), in care,
//     LAC, CLA, or a legal status that makes the child looked after ("ICO",
//     "care order", "section 20", "accommodated");
//   - moved to another authority: another (local) authority or area, moved
//     area, out of area, moved authority, any transfer ("transferred to
//     Cheshire", "transfer out") that is not a step down;
//   - no longer at risk: "no longer" with risk or need of a plan ("no longer
//     at risk of significant harm", "no longer requires a plan"), the risk
//     removed or none left ("risk removed", "no ongoing risk"), a step
//     down to child in need or early help ("step down to CIN", "stepped
//     down and transferred to the CIN team"): every such ending still
//     needs the review conference.
//
// Died and left the UK end the plan by themselves only when it is the
// child who died or left (Stoke-on-Trent C06 §07: "The child dies", "The
// child has permanently left the UK"). A reason that names someone else
// (a parent, a partner, another adult, the abuser or perpetrator, or the
// risk) and not the child ("the child", the child's first name, "the
// family", "the children") is about that person: "No longer at risk -
// alleged abuser deceased" and "Risk removed: Dad emigrated" are no longer
// at risk, and "Perpetrator left the country" is not accepted ("did you
// mean \"no longer at risk\""): the risk gone from a child's life is a
// review conference's judgement. "Mia died", "the family emigrated to
// Canada with Mia" and "Mother and child moved abroad" are the child's.
//
// Anything else is not accepted: CessationReason returns the allowed reason
// it most likely meant ("did you mean"), or "", and false. A move alone
// ("moved", "moved house", "moved to grandmother's") suggests "moved to
// another authority", because a move within the authority does not end a
// plan; anything about risk or a review conference ("ceased at review")
// suggests "no longer at risk".
func CessationReason(text string, childName ...string) (string, bool) {
	n := strings.ToLower(strings.Join(strings.Fields(text), " "))
	n = strings.TrimRight(n, ".!;: ")
	for _, r := range CessationReasons {
		if n == strings.ToLower(r) {
			return r, true
		}
	}
	t := strings.FieldsFunc(n, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if len(t) == 0 {
		return "", false
	}
	has := func(seq ...string) bool { return schema.ContainsWords(t, seq...) }
	hasAny := func(words ...string) bool {
		for _, w := range words {
			if has(w) {
				return true
			}
		}
		return false
	}
	noLonger := has("no", "longer") || has("not", "longer")
	// Whose death or departure, clause by clause: the child's when the
	// clause names the child, or names no one else.
	var died, left, otherGone bool
	for _, cl := range reasonClauses(n, childName) {
		d, l := saysDied(cl), saysLeftUK(cl)
		if !d && !l {
			continue
		}
		if namesChild(cl, childName) || !namesOther(beforeWith(cl)) {
			died, left = died || d, left || l
		} else {
			otherGone = true
		}
	}
	noLongerAtRisk := noLonger && (has("risk") || has("requires") || has("require") || has("required") || has("needs") ||
		has("need") || has("needed") || has("necessary") || has("threshold") || has("significant", "harm")) ||
		has("step", "down") || has("stepped", "down") || has("stepping", "down") || has("stepdown") ||
		has("child", "in", "need") || has("cin") || has("early", "help") ||
		has("risk") && hasAny("removed", "eliminated") ||
		has("no", "risk") || has("no", "ongoing", "risk") || has("no", "continuing", "risk") || has("no", "further", "risk")
	switch {
	case namesEighteen(t) || namesAdulthood(t):
		return ReasonReached18, true
	case died:
		return ReasonDied, true
	case left:
		return ReasonLeftUK, true
	case !noLonger && !has("not", "looked") && (has("looked", "after") || has("in", "care") || hasAny("lac", "cla")):
		return ReasonLookedAfter, true
	case !noLonger && lookedAfterStatus(n):
		return ReasonLookedAfter, true
	case has("another", "authority") || has("another", "local", "authority") || has("another", "la") ||
		has("another", "area") || has("moved", "area") || has("out", "of", "area") || has("out", "of", "the", "area") ||
		has("moved", "authority") || has("moved", "la") || has("moved", "local", "authority") || has("new", "authority") ||
		has("new", "local", "authority"):
		return ReasonMoved, true
	case noLongerAtRisk:
		// Before "transfer": a step down "transferred to the CIN team"
		// stays with this authority.
		return ReasonNoLongerAtRisk, true
	case hasPrefixWord(t, "transfer"):
		return ReasonMoved, true
	}
	switch {
	case otherGone:
		// Someone else died or left: what that means for the child is
		// the review conference's judgement.
		return ReasonNoLongerAtRisk, false
	case hasPrefixWord(t, "mov") || hasPrefixWord(t, "relocat"):
		return ReasonMoved, false
	case has("risk") || has("harm") || has("review") || has("conference") || namesAbuser(t):
		return ReasonNoLongerAtRisk, false
	}
	best, bestD := "", -1
	for _, r := range CessationReasons {
		if d := schema.Levenshtein(n, strings.ToLower(r)); bestD < 0 || d < bestD {
			best, bestD = r, d
		}
	}
	if bestD > max(2, len([]rune(n))/3) {
		best = ""
	}
	return best, false
}

// saysDied reports whether the words say someone died.
func saysDied(t []string) bool {
	for i, w := range t {
		switch w {
		case "died", "dies", "death", "deceased", "dead":
			return true
		case "passed":
			if i+1 < len(t) && t[i+1] == "away" {
				return true
			}
		}
	}
	return false
}

// saysLeftUK reports whether the words of a clause say someone has left the
// UK (Stoke-on-Trent C06 §07: "The child has permanently left the UK"):
// left the UK, the United Kingdom or the country, moved abroad or overseas,
// emigrated, or moved, relocated or emigrated (permanently) to a country
// outside the UK (leftUKCountries). A clause that says it is only intended
// ("plans to move abroad", "will emigrate", "may relocate overseas") or
// is for a while ("left the UK on holiday", "visiting family abroad", "a
// trip to Poland", "temporarily") says no one has left: the plan continues,
// and ends only by a review conference.
func saysLeftUK(t []string) bool {
	for _, w := range t {
		if leftUKNot[w] {
			return false
		}
	}
	has := func(seq ...string) bool { return schema.ContainsWords(t, seq...) }
	if has("going", "to") || has("about", "to") || has("due", "to") {
		return false
	}
	if has("left", "the", "uk") || has("left", "uk") || has("left", "the", "united", "kingdom") ||
		has("left", "the", "country") || has("abroad") || has("overseas") || has("emigrated") {
		return true
	}
	// "moved permanently to Poland", "relocated to Romania".
	for i, w := range t {
		switch w {
		case "moved", "relocated", "emigrated", "returned", "gone":
		default:
			continue
		}
		for j := i + 1; j < len(t) && j <= i+3; j++ {
			if t[j] == "to" && j+1 < len(t) && leftUKCountries[t[j+1]] {
				return true
			}
		}
	}
	return false
}

// leftUKNot are words that make a clause about leaving the UK an intention
// or a stay away for a while, not a permanent departure.
var leftUKNot = map[string]bool{
	"plan": true, "plans": true, "planning": true, "planned": true, "intend": true, "intends": true,
	"intending": true, "intention": true, "intended": true, "will": true, "may": true, "might": true,
	"hope": true, "hopes": true, "hoping": true, "considering": true, "thinking": true, "wish": true,
	"wishes": true, "want": true, "wants": true, "expected": true, "expects": true, "likely": true,
	"holiday": true, "holidays": true, "visit": true, "visiting": true, "visited": true, "trip": true,
	"temporarily": true, "temporary": true, "briefly": true, "summer": true, "christmas": true, "easter": true,
}

// leftUKCountries are countries outside the UK that a family may move to,
// one word each (lower case), for "moved to Poland": the families of the
// two cities' largest communities from abroad and their neighbours. A
// country not here is read as a move ("did you mean \"moved to another
// authority\""): the reason is then questioned, never taken as the child
// gone.
var leftUKCountries = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`poland romania lithuania latvia estonia slovakia czechia hungary bulgaria
		ukraine russia portugal spain france germany italy ireland netherlands belgium greece cyprus malta
		turkey albania kosovo serbia croatia bosnia pakistan india bangladesh nigeria ghana kenya somalia
		zimbabwe sudan eritrea ethiopia jamaica iran iraq syria afghanistan china philippines australia
		canada america usa nz sweden norway denmark finland austria switzerland moldova slovenia`) {
		m[c] = true
	}
	return m
}()

// beforeWith is a clause's words before "with": "moved to Poland with
// her mother" says who moved before it, and whom with after it.
func beforeWith(cl []string) []string {
	if i := slices.Index(cl, "with"); i >= 0 {
		return cl[:i]
	}
	return cl
}

// clauseBreaks end a clause of a cessation reason: "Dad emigrated but Mia
// stays with her mother", "Mia left the UK after her father died".
var clauseBreaks = map[string]bool{
	"and": true, "but": true, "so": true, "as": true, "because": true, "after": true, "following": true,
	"since": true, "while": true, "whilst": true, "therefore": true, "then": true, "when": true,
}

// reasonClauses splits a cessation reason (lower case) into its clauses'
// words: at punctuation (not an apostrophe or a bracket) and at
// clauseBreaks. A clause that only names people ("Mia, her mother and
// brother emigrated"; "Mia and mum moved abroad") is joined to the next.
func reasonClauses(n string, childName []string) [][]string {
	n = strings.ReplaceAll(n, "u.k.", "uk")
	var out [][]string
	var cur []string
	carry := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if carry && len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], cur...)
		} else {
			out = append(out, cur)
		}
		carry = onlyNamesPeople(cur, childName)
		cur = nil
	}
	for _, piece := range strings.FieldsFunc(n, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ' ' || r == '(' || r == ')' || r == '\'' || r == '\u2019')
	}) {
		for _, w := range strings.FieldsFunc(piece, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if clauseBreaks[w] {
				flush()
				continue
			}
			cur = append(cur, w)
		}
		flush()
	}
	return out
}

// onlyNamesPeople reports whether the words only name people, the child
// or others ("mia", "her mother", "mum's new partner"): a list of those
// who did what the next clause says.
func onlyNamesPeople(t []string, childName []string) bool {
	for _, w := range t {
		switch w {
		case "the", "her", "his", "their", "s", "young", "person", "new", "step", "half", "alleged":
			continue
		}
		if !namesChild([]string{w}, childName) && !reasonOtherWords[w] && !reasonAbuserWords[w] {
			return false
		}
	}
	return true
}

// reasonChildWords name the child in a cessation reason, or the family the child
// belongs to ("the family emigrated").
var reasonChildWords = map[string]bool{
	"child": true, "children": true, "yp": true, "cyp": true, "baby": true, "infant": true,
	"son": true, "daughter": true, "girl": true, "boy": true, "kids": true, "family": true,
}

// reasonOtherWords name someone other than the child as the one who died
// or left: "father has left the UK", "person posing a risk emigrated". They
// are the family relationships people's roles are read by (relationWords,
// one word each) and words for another adult.
var reasonOtherWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range relationWords {
		if !strings.Contains(w, " ") {
			m[w] = true
		}
	}
	for _, w := range []string{"mam", "granny", "spouse", "ex", "lodger", "relative",
		"man", "male", "woman", "female", "adult", "adults", "person", "people", "individual"} {
		m[w] = true
	}
	return m
}()

// reasonAbuserWords name the person who harmed or threatened the child.
var reasonAbuserWords = map[string]bool{
	"abuser": true, "abuse": true, "perpetrator": true, "offender": true, "alleged": true,
	"accused": true, "suspect": true,
}

// namesChild reports whether the words name the child (the first name of
// childName, or one of reasonChildWords, "young person") other than as the owner of someone else
// ("Mia's father", "the child's abuser").
func namesChild(t []string, childName []string) bool {
	first := ""
	for _, name := range childName {
		if w := words(name); len(w) > 0 {
			first = w[0]
			break
		}
	}
	for i, w := range t {
		young := w == "person" && i > 0 && t[i-1] == "young"
		if !reasonChildWords[w] && !young && (first == "" || w != first) {
			continue
		}
		if i+1 < len(t) && t[i+1] == "s" {
			continue // possessive: "Mia's father"
		}
		return true
	}
	return false
}

// namesOther reports whether the words name someone other than the child
// (reasonOtherWords, reasonAbuserWords).
func namesOther(t []string) bool {
	for _, w := range t {
		if reasonOtherWords[w] || reasonAbuserWords[w] {
			return true
		}
	}
	return false
}

// namesAbuser reports whether the words name the abuser or the abuse
// (reasonAbuserWords): "perpetrator in prison" is about risk.
func namesAbuser(t []string) bool {
	for _, w := range t {
		if reasonAbuserWords[w] {
			return true
		}
	}
	return false
}

// namesAdulthood reports whether the words say the child became an adult:
// "adulthood", adult services or social care ("transfer to adult
// services"), "an adult" ("now an adult"); not an adult who is someone
// else ("adult male", "adults in the household").
func namesAdulthood(t []string) bool {
	for i, w := range t {
		switch w {
		case "adulthood":
			return true
		case "adult":
			if i > 0 && t[i-1] == "an" {
				return true
			}
			if i+1 < len(t) {
				switch t[i+1] {
				case "services", "service", "social", "team", "care":
					return true
				}
			}
		}
	}
	return false
}

// lookedAfterStatus reports whether text names a legal status that makes
// the child looked after ("ICO", "care order", "s20"). In a reason for
// ending the plan, "ended", "ceased", "discharged" and "closed" say what
// happened to the plan ("ICO granted - CP plan ended", "s20 - plan
// discharged at review"), not that the order ended, so they are left out
// before the status is read; a reason that in truth says the order ended
// ("s20 ended") is then held to case.md's [[legal_status]] on the day
// (CessationContradiction), which says it.
func lookedAfterStatus(text string) bool {
	var kept []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.')
	}) {
		switch w {
		case "ended", "ends", "ceased", "discharged", "closed":
			continue
		}
		kept = append(kept, w)
	}
	st, ok := schema.CanonicalLegalStatus(strings.Join(kept, " "))
	return ok && (LegalStatus{Status: st}).LookedAfter()
}

// timeUnits follow a number that is a length of time or a count, not an
// age: "after 18 months of progress", "18 weeks".
var timeUnits = map[string]bool{
	"month": true, "months": true, "mth": true, "mths": true, "week": true, "weeks": true, "wk": true,
	"wks": true, "day": true, "days": true, "hour": true, "hours": true, "hrs": true, "working": true,
	"sessions": true, "visits": true, "times": true, "incidents": true,
}

// namesEighteen reports whether the words name the age of 18 ("18",
// "turned 18", "18th birthday", "eighteen"), not a date ("18 May",
// "18/05/2026", "18th of May") or a length of time ("18 months").
func namesEighteen(t []string) bool {
	isMonthOrNumber := func(w string) bool {
		if schema.IsMonthName(w) {
			return true
		}
		return w != "" && strings.Trim(w, "0123456789") == ""
	}
	for i, w := range t {
		switch w {
		case "eighteen", "eighteenth":
			return true
		case "18", "18th":
			if i+1 < len(t) && (isMonthOrNumber(t[i+1]) || t[i+1] == "of" || timeUnits[t[i+1]]) {
				continue
			}
			if i > 0 && isMonthOrNumber(t[i-1]) {
				continue
			}
			return true
		}
	}
	return false
}

func hasPrefixWord(t []string, prefix string) bool {
	for _, w := range t {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// CessationReason returns the allowed reason the plan's [cessation] gives
// (as CessationReason reads it) and true; "" and false when the plan has not
// ended or its reason is not one the procedure allows.
func (c *Case) CessationReason() (string, bool) {
	cs := c.Cessation()
	if cs == nil {
		return "", false
	}
	r, ok := CessationReason(cs.Reason, c.Child().Name)
	if !ok {
		return "", false
	}
	return r, true
}

// CessationContradiction says, as a clause for a message, what in the case
// contradicts the reason the plan ended for, or "" when nothing does (or
// the plan has not ended, its date or reason cannot be read, or the record
// cannot show it: died, left the UK, no longer at risk):
//
//   - reached 18: the child was not yet 18 on the cessation date (or is
//     unborn);
//   - looked after: no legal status in force on the cessation date, or one
//     that does not make the child looked after (a legal status caselint
//     cannot read is invalid-record's concern, and contradicts nothing);
//   - moved to another authority: no transfer conference held after the
//     plan started and on or before the cessation date.
func (c *Case) CessationContradiction() string {
	cs := c.Cessation()
	if cs == nil || cs.Date.IsZero() {
		return ""
	}
	reason, ok := c.CessationReason()
	if !ok {
		return ""
	}
	day := cs.Date
	switch reason {
	case ReasonReached18:
		ch := c.Child()
		if ch.Unborn {
			return fmt.Sprintf("%s is recorded as unborn (case.md [child] unborn = true)", c.ChildName())
		}
		age, ok := c.AgeOn(day)
		if !ok || age >= AdultAge {
			return ""
		}
		eighteen, _ := c.BirthdayOf(AdultAge)
		return fmt.Sprintf("%s (born %s) was %d on %s and reaches 18 on %s", c.ChildName(), ch.Born.Long(), age, day.Long(), eighteen.Long())
	case ReasonLookedAfter:
		st, ok := c.LegalStatusOn(day)
		switch {
		case ok && !st.Known():
			return ""
		case ok && st.LookedAfter():
			return ""
		case ok && st.Status == schema.StatusNone:
			return fmt.Sprintf("case.md's [[legal_status]] records no legal status in force on %s (\"none\" from %s)", day.Long(), st.From.Long())
		case ok:
			return fmt.Sprintf("on %s %s was under %s, which does not make a child looked after", day.Long(), c.ChildName(), st.Words())
		}
		if next, ok := c.NextLegalStatusAfter(day); ok {
			return fmt.Sprintf("case.md's [[legal_status]] records no legal status in force on %s (%s is recorded only from %s)", day.Long(), next.Words(), next.From.Long())
		}
		return fmt.Sprintf("case.md records no legal status for %s ([[legal_status]]) in force on %s", c.ChildName(), day.Long())
	case ReasonMoved:
		if held, _ := c.TransferOutConferences(day); held == nil {
			return fmt.Sprintf("no transfer conference of the receiving authority is recorded after the plan started and on or before %s", day.Long())
		}
	}
	return ""
}

// nothingFollows are the words of follow-ups that say only that no help
// follows, not what help or why none: "NFA", "No further action. Case
// closed.", "Closed to Children's Social Care".
var nothingFollows = []string{
	"nfa", "no further action", "no further involvement", "no further services", "no services", "no service",
	"no follow up", "no followup", "case closed", "closed", "closure", "close", "closing", "close case",
	"none required", "none needed", "not required", "not needed", "nothing", "no", "none", "nil",
	"childrens social care", "social care", "childrens services", "social services", "csc", "cs",
	"required", "needed", "further", "action", "involvement", "case", "file", "the", "to", "and", "now",
	"is", "be", "been", "has", "will", "by", "from", "on", "today", "with", "immediate", "effect",
	"effective", "immediately", "as", "of", "at", "this", "time", "point",
}

// FollowUpRecorded reports whether a cessation's follow_up records the help
// that follows the plan, or why none is needed (Stoke-on-Trent C06 §07:
// ending the plan "should never lead to the automatic withdrawal of
// help"). It is false for nothing, a placeholder ("TBC", "none"), or words
// that say only that nothing follows, alone or together ("NFA", "no
// further action", "NFA - case closed", "Closed to Children's Social
// Care", "none required"); "NFA: the family has left the UK" says why
// and is recorded.
func FollowUpRecorded(p *Profile, text string) bool {
	if p != nil && p.IsPlaceholder(text) || strings.TrimSpace(text) == "" {
		return false
	}
	return !onlyPhrases(words(text), nothingFollows)
}

// ExceptionalCircumstancesRecorded reports whether a cessation's
// exceptional_circumstances records circumstances (Stoke-on-Trent C06
// §07: cessation "should not be considered for at least six months ...
// unless there are exceptional circumstances"). It is false for nothing,
// a placeholder, words that say there were none (SaysNone: "None
// identified", "No exceptional circumstances", "Not applicable", "nil"),
// or words that do not say what they were (GivesNoWhy: "Yes", "See
// minutes", "x"; SaysOnlyWhoAgreed: "Agreed by chair", "Approved by TM
// Rob Jones").
func ExceptionalCircumstancesRecorded(p *Profile, text string) bool {
	if p != nil && (p.GivesNoWhy(text) || p.SaysOnlyWhoAgreed(text)) || strings.TrimSpace(text) == "" {
		return false
	}
	return !SaysNone(text)
}

// noneOpenings open an answer that says there was none: "None
// identified", "No exceptional circumstances", "Not applicable", "Nil".
var noneOpenings = []string{
	"no", "none", "nil", "nothing", "not applicable", "not known", "not recorded", "n a", "na", "unknown",
	"there were none", "there were no", "there was none", "there was no", "there are none", "there are no",
}

// noneRestatements are the words that may follow such an opening and add
// nothing to it: the question's own words ("exceptional circumstances"),
// "identified", "at this time", "see minutes".
var noneRestatements = []string{
	"exceptional", "circumstances", "circumstance", "identified", "recorded", "known", "noted", "found",
	"given", "stated", "applicable", "apply", "applies", "relevant", "present", "exist", "exists", "existed",
	"any", "at", "this", "that", "time", "the", "to", "of", "in", "case", "for", "there", "were", "was",
	"are", "is", "none", "no", "nil", "not", "n", "a", "na", "other", "specific", "particular", "special",
	"reason", "reasons", "see", "above", "below", "minutes", "notes", "record", "required", "needed",
	"so", "far", "yet", "currently", "as", "such", "and", "or", "by", "conference",
}

// SaysNone reports whether text, the answer to something a record asks
// for (exceptional circumstances for ending a plan early), says there was
// none: it opens with no, none, nil, nothing, not applicable or not known
// and says nothing more than that ("None identified", "No exceptional
// circumstances", "Not applicable at this time", "No", "nil"). "No contact
// with the alleged abuser since he was remanded" says something, and is
// not none.
func SaysNone(text string) bool {
	t := words(text)
	if len(t) == 0 {
		return false
	}
	opens := false
	for _, o := range noneOpenings {
		if w := strings.Fields(o); len(w) <= len(t) && strings.Join(t[:len(w)], " ") == o {
			opens = true
			break
		}
	}
	return opens && onlyPhrases(t, noneRestatements)
}

// onlyPhrases reports whether the words t are nothing but the phrases
// (each written as words joined by single spaces), numbers and month
// names ("Case closed 11 February 2026"), in any order and number.
func onlyPhrases(t []string, phrases []string) bool {
	split := make([][]string, len(phrases))
	for i, p := range phrases {
		split[i] = words(p)
	}
	sort.SliceStable(split, func(i, j int) bool { return len(split[i]) > len(split[j]) })
next:
	for i := 0; i < len(t); {
		if strings.Trim(t[i], "0123456789") == "" || strings.Trim(t[i], "0123456789") == "th" && t[i] != "th" ||
			schema.IsMonthName(t[i]) {
			i++
			continue
		}
		for _, p := range split {
			if len(p) > 0 && len(p) <= len(t)-i && slices.Equal(t[i:i+len(p)], p) {
				i += len(p)
				continue next
			}
		}
		return false
	}
	return true
}

// CessationNeedsReview reports whether the plan's ending needs a quorate
// review conference deciding "cease" on its day: it ended as no longer at
// risk (Stoke-on-Trent C06 §07, Oxfordshire 1.8 §3), or, where the
// profile's procedure keeps a section 20 plan until the review conference
// (C06 §03: not the oxfordshire profile), it ended as looked after while
// section 20 was the status in force. It returns that section 20 status
// (zero for no longer at risk), and false when the plan has not ended,
// its date or reason cannot be read, or neither applies.
func (c *Case) CessationNeedsReview(p *Profile) (LegalStatus, bool) {
	cs := c.Cessation()
	if cs == nil || cs.Date.IsZero() {
		return LegalStatus{}, false
	}
	switch reason, _ := c.CessationReason(); {
	case reason == ReasonNoLongerAtRisk:
		return LegalStatus{}, true
	case reason == ReasonLookedAfter && p != nil && p.Base != ProfileOxfordshire:
		if st, ok := c.LegalStatusOn(cs.Date); ok && st.DischargedAtReview() {
			return st, true
		}
	}
	return LegalStatus{}, false
}

// ConferenceAt finds the record rel names, relative to the case folder (as
// [cessation] conference names the deciding conference). It reads the path
// as people write it: "\\" as "/", "./" and surrounding spaces ignored; and
// when no record has exactly that path, the one record of the case whose
// path ends with it ("2026-07-14-review.md" for conferences/2026-07-14-
// review.md), or that it ends with ("SOT-0042/conferences/..."), letters in
// any case and ".md" optional. Two such records are no answer: the path
// does not say which. It returns the conference when the file is a
// conference record that could be read, and the document itself (nil when
// no record of the case is named).
func (c *Case) ConferenceAt(rel string) (*schema.Conference, *schema.Document) {
	rel = strings.TrimSpace(strings.ReplaceAll(rel, "\\", "/"))
	if rel == "" {
		return nil, nil
	}
	found := func(d *schema.Document) (*schema.Conference, *schema.Document) {
		cf, _ := d.Record.(*schema.Conference)
		return cf, d
	}
	want := path.Clean(path.Join(c.Dir, rel))
	for _, d := range c.Documents {
		if d != nil && d.Source != nil && path.Clean(d.Source.Path) == want {
			return found(d)
		}
	}
	name := strings.ToLower(strings.TrimPrefix(path.Clean("/"+rel), "/"))
	var match *schema.Document
	for _, d := range c.Documents {
		if d == nil || d.Source == nil {
			continue
		}
		p := path.Clean(d.Source.Path)
		if c.Dir != "" && c.Dir != "." {
			p = strings.TrimPrefix(p, path.Clean(c.Dir)+"/")
		}
		p = strings.ToLower(p)
		same := func(n string) bool {
			return n != "" && (p == n || strings.HasSuffix(p, "/"+n) || strings.HasSuffix(n, "/"+p))
		}
		if !same(name) && (path.Ext(name) != "" || !same(name+".md")) {
			continue
		}
		if match != nil && match != d {
			return nil, nil
		}
		match = d
	}
	if match == nil {
		return nil, nil
	}
	return found(match)
}
