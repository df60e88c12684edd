package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// The lead worker and their manager at the time. A case changes hands: the
// plan names today's lead worker and manager, but a refusal escalated, a
// contact delegated, a plan countersigned or a core group chaired months
// ago was done by those who held the case then (Oxfordshire 1.8 §3 "agreed
// by the manager of the Lead Social Worker"; "Immediate discussion with
// the Lead Social Worker's line manager"; Stoke-on-Trent C06 §04 "Read and
// countersign ... the Child Protection Plan"). An act is judged against
// the lead worker and manager of its day:
//
//   - as plan.md records them: each [[previous_lead]] (lead_worker,
//     manager, handed_over) held the case up to and including the day it
//     was handed over, from the day the one before was; the plan's
//     lead_worker and manager hold it from the last handover on. On a
//     handover day both are the lead worker and manager at the time.
//   - when plan.md records no [[previous_lead]], by the records: a former
//     lead worker (IsFormerLeadWorkerOn) and, as their manager, a line
//     manager by role of their service; today's lead worker and manager
//     are always accepted, as before.

// A tenure is a lead worker and their manager over days of the plan.
type tenure struct {
	leadWorker, manager string
	from, until         schema.Date // both days belong to it; zero: open
	current             bool        // the plan's own lead_worker and manager
}

// HasRecordedHandovers reports whether plan.md records an earlier lead
// worker ([[previous_lead]] with a lead_worker and a handed_over day).
func (c *Case) HasRecordedHandovers() bool {
	return len(c.recordedTenures()) > 1
}

// recordedTenures returns the tenures plan.md records, oldest first, the
// current last; nil when it records no [[previous_lead]] that can be read.
func (c *Case) recordedTenures() []tenure {
	if c.Plan == nil {
		return nil
	}
	var out []tenure
	for _, pl := range c.Plan.PreviousLead {
		lw := strings.TrimSpace(pl.LeadWorker)
		if lw == "" || pl.HandedOver.IsZero() {
			continue // invalid-record reports what is missing
		}
		t := tenure{leadWorker: lw, manager: strings.TrimSpace(pl.Manager), until: pl.HandedOver}
		i := len(out)
		for i > 0 && out[i-1].until.After(t.until) {
			i--
		}
		out = append(out, tenure{})
		copy(out[i+1:], out[i:])
		out[i] = t
	}
	if len(out) == 0 {
		return nil
	}
	for i := 1; i < len(out); i++ {
		out[i].from = out[i-1].until
	}
	return append(out, tenure{leadWorker: c.LeadWorker(), manager: c.LeadWorkersManager(), from: out[len(out)-1].until, current: true})
}

// covers reports whether day d is in t.
func (t tenure) covers(d schema.Date) bool {
	return (t.from.IsZero() || !d.Before(t.from)) && (t.until.IsZero() || !d.After(t.until))
}

// IsLeadWorkerOn reports whether ref names the lead worker on day d: the
// plan's lead worker, or, before the case changed hands, the lead worker
// then (as plan.md records them in [[previous_lead]], or, when it records
// none, a former lead worker the records show: IsFormerLeadWorkerOn). A
// zero d is today (IsLeadWorker).
func (c *Case) IsLeadWorkerOn(ref string, d schema.Date) bool {
	if strings.TrimSpace(ref) == "" {
		return false
	}
	if d.IsZero() {
		return c.IsLeadWorker(ref)
	}
	if ts := c.recordedTenures(); ts != nil {
		for _, t := range ts {
			if t.covers(d) && t.leadWorker != "" && SamePerson(ref, t.leadWorker) {
				return true
			}
		}
		return false
	}
	return c.IsLeadWorker(ref) || c.IsFormerLeadWorkerOn(ref, d)
}

// IsLeadWorkersManagerOn reports whether ref names the lead worker's line
// manager on day d. With [[previous_lead]] recorded: the manager of the
// tenure of day d (the plan's manager for today's, IsLeadWorkersManager),
// or, for an earlier lead worker recorded with no manager, a line manager
// of their service (managerFor). Without: today's manager
// (IsLeadWorkersManager), or a line manager of the service of a former
// lead worker on day d (IsFormerLeadWorkerOn). No one is their own
// manager, nor is anyone of the conference and review service. A zero d is
// today.
func (c *Case) IsLeadWorkersManagerOn(ref string, d schema.Date) bool {
	if strings.TrimSpace(ref) == "" || c.IsChild(ref) {
		return false
	}
	if d.IsZero() {
		return c.IsLeadWorkersManager(ref)
	}
	if ts := c.recordedTenures(); ts != nil {
		for _, t := range ts {
			if !t.covers(d) {
				continue
			}
			if t.current {
				if c.IsLeadWorkersManager(ref) {
					return true
				}
				continue
			}
			if t.manager != "" {
				if SamePerson(ref, t.manager) && !SamePerson(ref, t.leadWorker) {
					if p := c.person(ref); p == nil || !p.role().reviewService {
						return true
					}
				}
				continue
			}
			if c.managerFor(ref, t.leadWorker) {
				return true
			}
		}
		return false
	}
	if c.IsLeadWorkersManager(ref) {
		return true
	}
	for _, f := range c.formerLeadWorkersOn(d) {
		if c.managerFor(ref, f) {
			return true
		}
	}
	return false
}

// managerFor reports whether ref could be lead's line manager by what
// case.md says of them: a line manager's role in lead's service
// (IsLineManagerFor: never a GP surgery's practice manager, a chair or a
// Review Team Manager), and not of another authority than lead's when
// both agencies name one.
func (c *Case) managerFor(ref, lead string) bool {
	if SamePerson(ref, lead) || !c.IsLineManagerFor(ref, lead) {
		return false
	}
	rp, lp := c.person(ref), c.person(lead)
	if rp == nil || lp == nil {
		return rp != nil
	}
	ra, la := AgencyAuthority(rp.Agency), AgencyAuthority(lp.Agency)
	return ra == "" || la == "" || sameAuthority(ra, la)
}

// LeadWorkerOn returns, for a message, the lead worker on day d as plan.md
// records them: the earlier lead worker of [[previous_lead]] whose tenure
// holds d, or the plan's lead worker.
func (c *Case) LeadWorkerOn(d schema.Date) string {
	for _, t := range c.recordedTenures() {
		if !d.IsZero() && t.covers(d) {
			return t.leadWorker
		}
	}
	return c.LeadWorker()
}

// LeadWorkersManagerOn returns, for a message, the lead worker's manager
// on day d as plan.md records them (LeadWorkerOn's tenure), or the plan's
// manager; "" when the tenure names none.
func (c *Case) LeadWorkersManagerOn(d schema.Date) string {
	for _, t := range c.recordedTenures() {
		if !d.IsZero() && t.covers(d) {
			return t.manager
		}
	}
	return c.LeadWorkersManager()
}

// LeadWorkerFirstNamed returns the first day of the plan on which a
// record names today's lead worker acting in it: a visit they made or
// were present at, a core group meeting they attended, chaired or
// minuted; zero when none does.
func (c *Case) LeadWorkerFirstNamed() schema.Date {
	lw := c.LeadWorker()
	if lw == "" {
		return schema.Date{}
	}
	var first schema.Date
	earlier := func(d schema.Date) {
		if !d.IsZero() && c.InPlan(d) && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	for _, v := range c.Visits {
		if v != nil && (SamePerson(v.By, lw) || AmongPeople(lw, v.Present)) {
			earlier(v.Date.Date)
		}
	}
	for _, cg := range c.PlanCoreGroups() {
		if AmongPeople(lw, cg.Attended) || SamePerson(cg.Chair, lw) || SamePerson(cg.MinutesBy, lw) {
			earlier(cg.Date)
		}
	}
	return first
}

// IsFormerLeadWorkerOn reports whether the records show ref as the lead
// worker of the plan on day d, before it changed hands, when plan.md
// records no [[previous_lead]]: today's lead worker is first named in the
// plan's records after d (LeadWorkerFirstNamed), and ref is a social
// worker of the authority who may cover for a lead worker
// (IsCoveringSocialWorker: qualified, of the authority's children's
// services) and not today's manager, who, before that day, made a visit of
// the plan and, where the plan held core group meetings before it, took
// part in one (the social worker CoveredFor counts in the lead worker's
// place at a meeting they did not attend). A case whose lead worker no record names yet shows no
// handover: nobody is a former lead worker then.
func (c *Case) IsFormerLeadWorkerOn(ref string, d schema.Date) bool {
	if d.IsZero() || c.HasRecordedHandovers() || c.IsLeadWorker(ref) || c.isNamedManager(ref) || !c.IsCoveringSocialWorker(ref) {
		return false
	}
	h := c.LeadWorkerFirstNamed()
	if h.IsZero() || !d.Before(h) {
		return false
	}
	visited := false
	for _, v := range c.Visits {
		if v != nil && !v.Date.IsZero() && v.Date.Date.Before(h) && c.InPlan(v.Date.Date) && SamePerson(v.By, ref) {
			visited = true
			break
		}
	}
	if !visited {
		return false
	}
	held, tookPart := false, false
	for _, cg := range c.PlanCoreGroups() {
		if !cg.Date.Before(h) {
			break
		}
		held = true
		// Today's lead worker was not there (h is after it): ref, a social
		// worker of the authority there, stood in for the lead worker
		// (CoveredFor), or chaired or minuted it.
		if c.TookPart(cg, ref) || SamePerson(cg.Chair, ref) || SamePerson(cg.MinutesBy, ref) {
			tookPart = true
			break
		}
	}
	return !held || tookPart
}

// formerLeadWorkersOn returns the case's people who were, by the records,
// the lead worker on day d (IsFormerLeadWorkerOn).
func (c *Case) formerLeadWorkersOn(d schema.Date) []string {
	if c.Record == nil || d.IsZero() || c.HasRecordedHandovers() {
		return nil
	}
	var out []string
	for _, p := range c.Record.People {
		if c.IsFormerLeadWorkerOn(p.Name, d) {
			out = append(out, strings.TrimSpace(p.Name))
		}
	}
	return out
}
