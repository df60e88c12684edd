package lint

import (
	"sort"

	"github.com/caselint/caselint/schema"
)

// Chronology is a case at a glance, for a report that draws its timeline
// (the HTML report): the plan's start and end, and what the records say
// happened when (conferences, core groups, visits and what they saw, legal
// status changes, reduced visiting), each with the record it comes from.
// It carries no word of record text: kinds, dates, places and, unless the
// run is redacted, the child's and the lead worker's names and the case id.
// Run fills Result.Chronologies with one per case when
// Options.Chronologies is set.
type Chronology struct {
	Dir        string // the case folder, as the findings' paths give it
	CaseID     string // case.md's id; "" under Options.Redact
	Child      string // the child's name; "[the child]" under Options.Redact
	LeadWorker string // the plan's lead worker; "[lead worker]" under Options.Redact; "" when none
	PlanStart  schema.Date
	PlanEnd    schema.Date // the cessation date; zero while the plan is active
	AsOf       schema.Date // the day the case was evaluated to (Pass.Until)
	Events     []Event     // by date
	Periods    []Period    // reduced visiting in force
}

// EventKind is what happened on a chronology's day.
type EventKind string

// The kinds of event a chronology holds.
const (
	EventConference  EventKind = "conference"
	EventCoreGroup   EventKind = "core-group"
	EventVisit       EventKind = "visit"
	EventLegalStatus EventKind = "legal-status"
)

// Seeing is what a visit saw of the child.
type Seeing string

// What a visit saw. SeeingAwake is a baby seen awake, which counts as
// seen alone (Case.SeenAlone).
const (
	SeeingAlone   Seeing = "seen-alone"
	SeeingAwake   Seeing = "baby-seen-awake"
	SeeingSeen    Seeing = "seen"
	SeeingNot     Seeing = "not-seen"
	SeeingRefused Seeing = "refused"
)

// Event is one dated thing a record says happened.
type Event struct {
	Kind EventKind
	Date schema.Date
	Path string // the record, as the findings' paths give it
	Line int    // the line of its date
	// Detail is caselint's word for it, never record text: a conference's
	// kind ("initial", "review", "transfer"), a legal status in its
	// canonical spelling ("care order"; "unrecognised" when it is not one).
	Detail string
	// Seeing and BedroomSeen are set for visits.
	Seeing      Seeing
	BedroomSeen bool
}

// Period is a stretch of time with a rule of its own: reduced visiting
// (Oxfordshire 1.8 §3), from the agreed date to the review conference that
// ended it, or to the end of the chronology.
type Period struct {
	Kind string // "reduced-visiting"
	From schema.Date
	To   schema.Date
	Path string
	Line int
}

// chronology builds the chronology of case c.
func (e *engine) chronology(c *Case) *Chronology {
	p := &Pass{Case: c, Profile: e.opts.Profile, AsOf: e.opts.AsOf, Calendar: e.opts.Calendar}
	ch := &Chronology{Dir: c.Dir, Child: c.Child().Name, LeadWorker: c.LeadWorker(), PlanStart: c.PlanStart(), AsOf: p.Until()}
	if c.Record != nil {
		ch.CaseID = c.Record.ID
	}
	if end, ok := c.PlanEnd(e.opts.Profile); ok {
		ch.PlanEnd = end
	}
	if e.opts.Redact {
		ch.CaseID, ch.Child = "", "[the child]"
		if ch.LeadWorker != "" {
			ch.LeadWorker = "[lead worker]"
		}
	}
	at := func(d *schema.Document, key string) (string, int) {
		if d == nil {
			return "", 0
		}
		return d.Source.Path, d.Source.Position(d.At(key)).Line
	}
	if c.Record != nil {
		for _, ls := range c.Record.LegalStatus {
			status, ok := schema.CanonicalLegalStatus(ls.Status)
			if !ok {
				status = "unrecognised"
			}
			path, line := at(c.Record.Doc, "legal_status")
			ch.Events = append(ch.Events, Event{Kind: EventLegalStatus, Date: ls.From, Path: path, Line: line, Detail: status})
		}
	}
	for _, cf := range c.Conferences {
		path, line := at(cf.Doc, "date")
		ch.Events = append(ch.Events, Event{Kind: EventConference, Date: cf.Date, Path: path, Line: line, Detail: conferenceKind(cf.Kind)})
	}
	for _, cg := range c.CoreGroups {
		path, line := at(cg.Doc, "date")
		ch.Events = append(ch.Events, Event{Kind: EventCoreGroup, Date: cg.Date, Path: path, Line: line})
	}
	for _, v := range c.Visits {
		path, line := at(v.Doc, "date")
		ch.Events = append(ch.Events, Event{Kind: EventVisit, Date: v.Date.Date, Path: path, Line: line,
			Seeing: visitSeeing(c, v), BedroomSeen: v.BedroomSeen})
	}
	sortEvents(ch.Events)
	if agreed, ok := p.ReducedVisitingFrom(); ok {
		to := ch.AsOf
		if cf := p.ReducedVisitingLapsedAt(); cf != nil {
			to = cf.Date
		}
		path, line := at(c.Plan.Doc, "reduced_visiting")
		ch.Periods = append(ch.Periods, Period{Kind: "reduced-visiting", From: agreed, To: to, Path: path, Line: line})
	}
	return ch
}

// conferenceKind is a conference's kind as caselint names it, never the
// record's own words.
func conferenceKind(k string) string {
	switch k {
	case schema.ConferenceInitial, schema.ConferenceReview, schema.ConferenceTransfer:
		return k
	}
	return "conference"
}

// visitSeeing is what visit v saw of the child, as Case.SeenAlone reads it.
func visitSeeing(c *Case, v *schema.Visit) Seeing {
	switch {
	case v.AccessRefused:
		return SeeingRefused
	case !c.SawChild(v):
		return SeeingNot
	case c.SeenAlone(v) && c.IsBabyOn(v.Date.Date):
		return SeeingAwake
	case c.SeenAlone(v):
		return SeeingAlone
	}
	return SeeingSeen
}

// sortEvents orders events by date, then by kind, then by path.
func sortEvents(es []Event) {
	rank := map[EventKind]int{EventLegalStatus: 0, EventConference: 1, EventCoreGroup: 2, EventVisit: 3}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Date != b.Date {
			return a.Date.Before(b.Date)
		}
		if a.Kind != b.Kind {
			return rank[a.Kind] < rank[b.Kind]
		}
		return a.Path < b.Path
	})
}
