package checks

import (
	"fmt"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers for the visit gap logic: when the child counts as seen alone, which
// interval applies to a gap, and the gaps themselves. unseen-child reports
// the late gaps; other rules may reuse them.

// countsAsSeenAlone reports whether visit v saw the child alone as the
// procedures require: child_seen and seen_alone, or, for a baby under one on
// the day of the visit, child_seen and awake (Oxfordshire 1.8 §3 "seeing the
// child alone or a baby when awake"). Who visited does not matter here
// (delegation is undelegated-visit's concern).
func countsAsSeenAlone(pass *lint.Pass, v *schema.Visit) bool {
	if v == nil || !v.ChildSeen {
		return false
	}
	if v.SeenAlone {
		return true
	}
	return v.Awake && pass.Case.IsBabyOn(v.Date.Date)
}

// seenAloneVisits returns the visits, by date, that saw the child alone
// (countsAsSeenAlone) from the day the plan started to pass.Until(). Visits
// before the plan or after the day the case is evaluated to are left out.
func seenAloneVisits(pass *lint.Pass) []*schema.Visit {
	plan := pass.Case.Plan
	if plan == nil || plan.Started.IsZero() {
		return nil
	}
	var out []*schema.Visit
	for _, v := range visitsUntil(pass) {
		if v.Date.Date.Before(plan.Started) || !countsAsSeenAlone(pass, v) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// visitingInterval is an interval the child must be seen alone within, and
// whose it is, for messages.
type visitingInterval struct {
	Interval schema.Interval
	// Whose names who requires it: "the Stoke-on-Trent procedure", "the
	// plan", "the reduced visiting approved on 1 June 2026".
	Whose string
}

// String reads "the Stoke-on-Trent procedure requires every 28 working days".
func (vi visitingInterval) String() string {
	return fmt.Sprintf("%s requires every %s", vi.Whose, vi.Interval)
}

// procedureName names the profile's procedure for a message: "the
// Stoke-on-Trent procedure", "the Oxfordshire procedure", "the combined
// profile" (both procedures, the stricter number), or "the NAME profile" for
// an authority's own.
func procedureName(pass *lint.Pass) string {
	p := pass.Profile
	if p.Name != p.Base {
		return fmt.Sprintf("the %s profile", p.Name)
	}
	switch p.Name {
	case lint.ProfileStoke:
		return "the Stoke-on-Trent procedure"
	case lint.ProfileOxfordshire:
		return "the Oxfordshire procedure"
	case lint.ProfileCombined:
		return "the combined profile (both procedures, the stricter number)"
	}
	return fmt.Sprintf("the %s profile", p.Name)
}

// approvedReducedVisiting returns the date from which reduced visiting
// applies: the plan has a [reduced_visiting] agreement with an agreed date,
// approved by one of the case's people who is an independent conference
// chair, and the profile allows a reduced interval. ok is false otherwise
// (unapproved-reduced-visiting says what is missing).
func approvedReducedVisiting(pass *lint.Pass) (agreed schema.Date, ok bool) {
	plan := pass.Case.Plan
	if plan == nil || plan.ReducedVisiting == nil || pass.Profile.ReducedSeenAloneEvery.IsZero() {
		return schema.Date{}, false
	}
	rv := plan.ReducedVisiting
	if rv.Agreed.IsZero() || !pass.Case.IsConferenceChair(rv.ApprovedBy) {
		return schema.Date{}, false
	}
	return rv.Agreed, true
}

// seenAloneDue returns the day by which the child must next be seen alone
// after being seen alone (or the plan starting) on from, for a gap that ends
// on end, and the interval that set it. The profile's interval applies, or
// the plan's seen_alone_every when that gives an earlier day.
//
// Approved reduced visiting (Oxfordshire 1.8 §3) replaces it for gaps ending
// on or after the agreement, until a review conference continues the plan:
// the reduction is agreed on the recommendation that planning end there, so
// when it does not, the usual frequency returns from that conference. A gap
// that spans the conference is due by the earlier of the reduced due day
// and the usual interval counted from the conference. ok is false when no
// interval applies (the profile turns the requirement off and the plan sets
// none).
func seenAloneDue(pass *lint.Pass, from, end schema.Date) (due schema.Date, by visitingInterval, ok bool) {
	agreed, reduced := approvedReducedVisiting(pass)
	if !reduced || end.Before(agreed) {
		return usualSeenAloneDue(pass, from)
	}
	rby := visitingInterval{pass.Profile.ReducedSeenAloneEvery, "the reduced visiting approved from " + agreed.Long()}
	rdue := pass.Calendar.Add(from, rby.Interval)
	lapsed := reducedVisitingLapsedAt(pass)
	if lapsed == nil || !end.After(lapsed.Date) {
		return rdue, rby, true
	}
	if !from.Before(lapsed.Date) {
		return usualSeenAloneDue(pass, from)
	}
	udue, uby, uok := usualSeenAloneDue(pass, lapsed.Date)
	if uok && udue.Before(rdue) {
		uby.Whose = fmt.Sprintf("%s, from the review conference of %s that continued the plan and so ended the reduced visiting,", uby.Whose, lapsed.Date.Long())
		return udue, uby, true
	}
	return rdue, rby, true
}

// usualSeenAloneDue is seenAloneDue without reduced visiting: the profile's
// interval, or the plan's when it gives an earlier day.
func usualSeenAloneDue(pass *lint.Pass, from schema.Date) (due schema.Date, by visitingInterval, ok bool) {
	if iv := pass.Profile.SeenAloneEvery; !iv.IsZero() {
		by = visitingInterval{iv, procedureName(pass)}
		due, ok = pass.Calendar.Add(from, iv), true
	}
	if plan := pass.Case.Plan; plan != nil && !plan.SeenAloneEvery.IsZero() {
		if d := pass.Calendar.Add(from, plan.SeenAloneEvery); !ok || d.Before(due) {
			by = visitingInterval{plan.SeenAloneEvery, "the plan"}
			due, ok = d, true
		}
	}
	return due, by, ok
}

// reducedVisitingLapsedAt returns the review conference at which the plan's
// reduced visiting lapsed: the first one held after the agreed date, up to
// pass.Until(), that decided to continue the plan. It returns nil when there
// is none, or when there is no reduced visiting in force to lapse (none
// agreed and approved, or the profile allows no reduced interval: see
// approvedReducedVisiting).
func reducedVisitingLapsedAt(pass *lint.Pass) *schema.Conference {
	agreed, ok := approvedReducedVisiting(pass)
	if !ok {
		return nil
	}
	until := pass.Until()
	for _, cf := range pass.Case.ConferencesOfKind(schema.ConferenceReview) {
		if cf.Date.IsZero() || !cf.Date.After(agreed) || cf.Date.After(until) {
			continue
		}
		if cf.Decision == schema.DecisionContinue {
			return cf
		}
	}
	return nil
}

// seenAloneGap is a stretch of time in which the child was not seen alone:
// from the plan's start or a visit that saw the child alone, to the next such
// visit or, while still open, to pass.Until().
type seenAloneGap struct {
	From     schema.Date
	FromSeen *schema.Visit // the visit that opened the gap; nil: the plan's start
	To       schema.Date
	ToSeen   *schema.Visit // the visit that ended the gap; nil: still open at To = pass.Until()
	Due      schema.Date   // the child had to be seen alone by this day
	By       visitingInterval
}

// Late reports whether the gap outlasted its due day.
func (g seenAloneGap) Late() bool { return g.To.After(g.Due) }

// seenAloneGaps returns every gap between seeing the child alone, from the
// plan's start to pass.Until(), in order; nil when there is no plan or it
// has no start date. A gap to which no interval applies (the profile turns
// the requirement off and the plan sets none) is left out. Several visits on
// one day make one gap end there.
func seenAloneGaps(pass *lint.Pass) []seenAloneGap {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil || plan.Started.IsZero() {
		return nil
	}
	until := pass.Until()
	if until.Before(plan.Started) {
		return nil
	}
	var gaps []seenAloneGap
	from, fromSeen := plan.Started, (*schema.Visit)(nil)
	add := func(to schema.Date, toSeen *schema.Visit) {
		if due, by, ok := seenAloneDue(pass, from, to); ok {
			gaps = append(gaps, seenAloneGap{From: from, FromSeen: fromSeen, To: to, ToSeen: toSeen, Due: due, By: by})
		}
	}
	for _, v := range seenAloneVisits(pass) {
		d := v.Date.Date
		if d == from && fromSeen != nil {
			continue // a second visit the same day
		}
		if d != from {
			add(d, v)
		}
		from, fromSeen = d, v
	}
	add(until, nil)
	return gaps
}
