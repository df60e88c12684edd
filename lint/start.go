package lint

import (
	"github.com/caselint/caselint/schema"
)

// The start of this authority's plan (rules.md v1.1 "Transfer in"). Every
// timescale (the first core group, the first review, the core group
// interval, seeing the child) counts from the conference that started the
// plan this authority holds: the initial conference that decided "plan" or,
// for a child who moved in, this authority's transfer conference that did.
// Conferences, core groups and visits dated before it (the previous
// authority's, or an earlier plan's, kept in the case) are history, not this
// plan's deadlines.

// PlanStartConference returns the conference that started this authority's
// plan, or nil when the case records none. It is the latest initial or
// transfer conference that decided "plan", leaving out:
//
//   - the receiving authority's transfer conference at the end of a plan
//     that ceased "moved to another authority" (the one [cessation]
//     conference names or, when it names none, the latest transfer
//     conference after an earlier start and after plan.md's started);
//   - a transfer conference after the one plan.md's started names when
//     nothing of this plan (core group, visit, review conference,
//     countersignature, copy) is dated after it: that is the end of the
//     plan, its cessation not yet recorded, not a move in;
//   - an initial conference while the plan before it was still in force
//     (StrayInitialConferences).
//
// So a re-plan (an earlier plan ended at a conference that decided
// "cease", or plan.md's [cessation], then a new initial conference) starts
// at the new conference, even when plan.md still holds the earlier plan
// and its [cessation] (CessationNotTheEnd),
// and a transfer-in case at the transfer conference, whatever plan.md's
// started says (plan-start-mismatch reports a started
// that is not this conference's date).
func (c *Case) PlanStartConference() *schema.Conference {
	c.readStart()
	return c.startConference
}

// StrayInitialConferences returns the initial conferences that decided
// "plan" while an earlier plan of the case was still in force: no
// conference between that plan's start and them decided "cease", and
// plan.md records no cessation between them (ceasedBetween). They start
// nothing (a review written on the initial conference's template, or a
// sibling's conference filed in this child's folder, must not restart
// every timescale); plan-start-mismatch reports them.
func (c *Case) StrayInitialConferences() []*schema.Conference {
	c.readStart()
	return c.strayInitials
}

// readStart finds the start conference and the stray initial conferences,
// once.
func (c *Case) readStart() {
	if c.startConferenceRead {
		return
	}
	c.startConferenceRead = true
	var cands []*schema.Conference
	for _, cf := range c.startCandidates() {
		if len(cands) > 0 && cf.Kind == schema.ConferenceInitial && !c.ceasedBetween(cands[len(cands)-1].Date, cf.Date) {
			c.strayInitials = append(c.strayInitials, cf)
			continue
		}
		cands = append(cands, cf)
	}
	if len(cands) > 0 {
		c.startConference = cands[len(cands)-1]
	}
}

// ceasedBetween reports whether the plan that started on from had ended by
// to: a conference dated after from and on or before to decided that the
// plan cease, or plan.md's [cessation] is dated after from and before to
// (a plan ended without a conference: an interim care order, a move) and
// no conference decided that it continue (cessationContinued).
func (c *Case) ceasedBetween(from, to schema.Date) bool {
	for _, cf := range c.Conferences {
		if cf != nil && cf.Decision == schema.DecisionCease && cf.Date.After(from) && !cf.Date.After(to) {
			return true
		}
	}
	cs := c.Cessation()
	return cs != nil && cs.Date.After(from) && cs.Date.Before(to) && c.cessationContinued() == nil
}

// PlanStart returns the day this authority's plan started: the date of
// PlanStartConference, else plan.md's started, else the zero date.
func (c *Case) PlanStart() schema.Date {
	if cf := c.PlanStartConference(); cf != nil {
		return cf.Date
	}
	if c.Plan != nil {
		return c.Plan.Started
	}
	return schema.Date{}
}

// IsTransferIn reports whether this authority's plan started at a transfer
// conference: the child moved in with a plan.
func (c *Case) IsTransferIn() bool {
	return c.TransferInConference() != nil
}

// TransferInConference returns this authority's transfer conference when
// its plan started at one (the child moved in with a plan), else nil. Its
// notified date is when this authority, the receiving one, was told of the
// move (C06 §07: it convenes the conference within 15 working days).
func (c *Case) TransferInConference() *schema.Conference {
	if cf := c.PlanStartConference(); cf != nil && cf.Kind == schema.ConferenceTransfer {
		return cf
	}
	return nil
}

// InPlan reports whether day d falls within this authority's plan as far as
// its start goes: on or after PlanStart. With no start known every day is.
func (c *Case) InPlan(d schema.Date) bool {
	start := c.PlanStart()
	return start.IsZero() || !d.Before(start)
}

// PlanCoreGroups returns the core group meetings of this authority's plan
// whose date could be read, by date: those dated on or after the plan's
// start that met (Met). A record of a meeting that was cancelled, with
// nobody attending or saying so in words, is not a meeting: it neither starts the core
// group nor keeps it meeting at the required frequency.
func (c *Case) PlanCoreGroups() []*schema.CoreGroup {
	start := c.PlanStart()
	var out []*schema.CoreGroup
	for _, cg := range c.CoreGroups {
		if cg != nil && cg.Doc != nil && !cg.Date.IsZero() && (start.IsZero() || !cg.Date.Before(start)) && c.Met(cg) {
			out = append(out, cg)
		}
	}
	return out
}

// Held reports whether the core group meeting cg took place: its record
// names at least one person who attended (Attended). A record with
// attended empty (a meeting cancelled, written up to say so) records no
// meeting, nor one whose every name is marked as not there ("Alison Ward
// (DNA)", "Dr Kim Green (apologies)") or is a placeholder ("TBC"): nobody
// met.
func (c *Case) Held(cg *schema.CoreGroup) bool {
	if cg == nil {
		return false
	}
	for _, a := range c.Attended(cg) {
		if !c.blank(a) {
			return true
		}
	}
	return false
}

// PlanConferences returns the dated conferences of this authority's plan, by
// date: the start conference and those after it, without the receiving
// authority's transfer conference that ended a plan (see
// PlanStartConference). With no start conference, every dated conference
// on or after plan.md's started. A sitting that was adjourned before it
// decided (Adjourned) is left out: the conference is the sitting that
// reconvened it and decided, and every timescale, and "between each
// conference", reads that one.
func (c *Case) PlanConferences() []*schema.Conference {
	var out []*schema.Conference
	for _, cf := range c.PlanSittings() {
		if !Adjourned(cf) {
			out = append(out, cf)
		}
	}
	return out
}

// Adjourned reports whether conference cf sat but was adjourned before it
// reached a decision (decision = "adjourned"); the sitting that reconvenes
// it is the conference.
func Adjourned(cf *schema.Conference) bool {
	return cf != nil && cf.Decision == schema.DecisionAdjourned
}

// PlanSittings returns PlanConferences with the adjourned sittings among
// them, by date: an adjourned sitting sets the date the conference
// reconvenes (its next_review), which the plan then gives.
func (c *Case) PlanSittings() []*schema.Conference {
	start := c.PlanStartConference()
	end := c.transferOut(start)
	var out []*schema.Conference
	for _, cf := range c.Conferences {
		if cf == nil || cf.Date.IsZero() || cf == end {
			continue
		}
		if start != nil {
			if cf.Date.Before(start.Date) {
				continue
			}
		} else if c.Plan != nil && !c.Plan.Started.IsZero() && cf.Date.Before(c.Plan.Started) {
			continue
		}
		out = append(out, cf)
	}
	return out
}

// PlanReviews returns the review conferences of this authority's plan, by
// date: those dated after its start.
func (c *Case) PlanReviews() []*schema.Conference {
	start := c.PlanStart()
	var out []*schema.Conference
	for _, cf := range c.PlanConferences() {
		if cf.Kind == schema.ConferenceReview && (start.IsZero() || cf.Date.After(start)) {
			out = append(out, cf)
		}
	}
	return out
}

// FirstPlanReview returns the first review conference of this authority's
// plan, or nil.
func (c *Case) FirstPlanReview() *schema.Conference {
	if rs := c.PlanReviews(); len(rs) > 0 {
		return rs[0]
	}
	return nil
}

// startCandidates returns the conferences that may have started the plan,
// by date, the plan-ending transfer conference left out.
func (c *Case) startCandidates() []*schema.Conference {
	// A conference after plan.md's [cessation] is a candidate like any
	// other: a new initial conference after a plan ended starts the plan
	// (a re-plan), whether or not plan.md was rewritten for it
	// (CessationNotTheEnd).
	var cands []*schema.Conference
	for _, cf := range c.Conferences {
		if cf == nil || cf.Date.IsZero() || !StartsPlan(cf) {
			continue
		}
		cands = append(cands, cf)
	}
	if out := c.transferOutAmong(cands); out != nil {
		kept := cands[:0:0]
		for _, cf := range cands {
			if cf != out {
				kept = append(kept, cf)
			}
		}
		cands = kept
	}
	return cands
}

// UnreadConferenceOn returns a conference record dated d whose kind or
// decision caselint could not read (kind = "ICPC", decision = "continue
// plan"), else nil. invalid-record reports it; rules that look for the
// conference of that day stay quiet rather than report the same mistake
// again as a missing conference.
func (c *Case) UnreadConferenceOn(d schema.Date) *schema.Conference {
	for _, cf := range c.Conferences {
		if cf == nil || cf.Date != d {
			continue
		}
		switch cf.Kind {
		case schema.ConferenceInitial, schema.ConferenceReview, schema.ConferenceTransfer:
		default:
			return cf
		}
		switch cf.Decision {
		case "", schema.DecisionPlan, schema.DecisionNoPlan, schema.DecisionContinue, schema.DecisionCease, schema.DecisionAdjourned:
		default:
			return cf
		}
	}
	return nil
}

// StartsPlan reports whether conference cf decided that the child be the
// subject of a plan here: an initial or transfer conference that decided
// "plan". A transfer conference that wrote "continue" (the plan continues
// in this authority) is read the same: invalid-record reports the word, and
// the plan's timescales must not fall back to the previous authority's
// conference because of it.
func StartsPlan(cf *schema.Conference) bool {
	switch cf.Kind {
	case schema.ConferenceInitial:
		return cf.Decision == schema.DecisionPlan
	case schema.ConferenceTransfer:
		return cf.Decision == schema.DecisionPlan || cf.Decision == schema.DecisionContinue
	}
	return false
}

// transferOut returns the transfer conference that ended the plan whose
// start is start, or nil.
func (c *Case) transferOut(start *schema.Conference) *schema.Conference {
	var cands []*schema.Conference
	for _, cf := range c.Conferences {
		if cf != nil && !cf.Date.IsZero() && StartsPlan(cf) {
			cands = append(cands, cf)
		}
	}
	out := c.transferOutAmong(cands)
	if out == start {
		return nil
	}
	return out
}

// transferOutAmong returns, of the candidate start conferences cands (by
// date), the receiving authority's transfer conference that ended the plan,
// or nil.
func (c *Case) transferOutAmong(cands []*schema.Conference) *schema.Conference {
	if c.Plan == nil || len(cands) == 0 {
		return nil
	}
	first := cands[0]
	if r, _ := c.CessationReason(); r == ReasonMoved {
		if cf, _ := c.ConferenceAt(c.Plan.Cessation.Conference); cf != nil {
			// The deciding conference of a plan that ended because the
			// child moved away is the receiving authority's, even when it
			// is the only conference the case records: unless plan.md
			// says this plan started there (a move in), or it is the first
			// of several and nothing says when the plan started.
			switch {
			case cf.Kind != schema.ConferenceTransfer:
				return nil
			case !c.Plan.Started.IsZero():
				if cf.Date.After(c.Plan.Started) {
					return cf
				}
				return nil
			case cf != first:
				return cf
			}
			return nil
		}
		for i := len(cands) - 1; i >= 0; i-- {
			if cands[i].Kind != schema.ConferenceTransfer {
				continue
			}
			// With nothing to say when the plan started, the first
			// conference is its start.
			if i == 0 && c.Plan.Started.IsZero() {
				return nil
			}
			// The transfer conference plan.md's started names is this
			// plan's start (a move in), whatever ended the plan later.
			if !c.Plan.Started.IsZero() && !cands[i].Date.After(c.Plan.Started) {
				return nil
			}
			// So is one this plan's core group or review conference met
			// after (started then gives the previous authority's
			// conference, a common mistake): the receiving authority's
			// conference ends the plan, and nothing of it meets after.
			if c.planMetAfter(cands[i].Date) {
				return nil
			}
			return cands[i]
		}
		return nil
	}
	// No recorded move away: a transfer conference later than the one
	// started names, with nothing of this plan after it, ended the plan.
	if len(cands) < 2 {
		return nil
	}
	last := cands[len(cands)-1]
	if last.Kind != schema.ConferenceTransfer || c.Plan.Started.IsZero() || !c.Plan.Started.Before(last.Date) {
		return nil
	}
	named := false
	for _, cf := range cands[:len(cands)-1] {
		if cf.Date == c.Plan.Started {
			named = true
		}
	}
	if !named || c.planContinuedAfter(last.Date) {
		return nil
	}
	return last
}

// planMetAfter reports whether a core group meeting was held, or a review
// conference sat, after day d.
func (c *Case) planMetAfter(d schema.Date) bool {
	for _, cg := range c.CoreGroups {
		if cg != nil && cg.Date.After(d) && c.Met(cg) {
			return true
		}
	}
	for _, cf := range c.Conferences {
		if cf != nil && cf.Kind == schema.ConferenceReview && cf.Date.After(d) {
			return true
		}
	}
	return false
}

// planContinuedAfter reports whether anything of this plan is recorded
// after day d: a core group, visit or review conference dated after it, or
// the plan countersigned or copied on or after it.
func (c *Case) planContinuedAfter(d schema.Date) bool {
	for _, cg := range c.CoreGroups {
		if cg != nil && cg.Date.After(d) {
			return true
		}
	}
	for _, v := range c.Visits {
		if v != nil && v.Date.Date.After(d) {
			return true
		}
	}
	for _, cf := range c.Conferences {
		if cf != nil && cf.Kind == schema.ConferenceReview && cf.Date.After(d) {
			return true
		}
	}
	if c.Plan != nil {
		if !c.Plan.Countersigned.IsZero() && !c.Plan.Countersigned.Before(d) {
			return true
		}
		for _, cp := range c.Plan.Copies {
			if !cp.Given.IsZero() && !cp.Given.Before(d) {
				return true
			}
		}
	}
	return false
}
