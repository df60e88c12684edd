package lint

import (
	"context"
	"sort"
	"strings"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// Obligation is something a case's records say is still to be done, and by
// when: the child seen alone by the lead worker, the next core group, a
// core group's minutes, the review conference, a refusal's escalation. A
// rule with a deadline states it once (Rule.Due) and reports it, when it is
// overdue, from the same computation: as of the due day it is quiet, as of
// the next day it fires, at the obligation's place. `caselint due` lists
// them (see docs/due.md).
type Obligation struct {
	// Rule is the id of the rule that reports the obligation once it is
	// overdue; Obligations sets it, with Cites.
	Rule string
	// Key names the obligation within its rule and case, and stays the
	// same while the obligation stands, whatever its due date:
	// "next-seen-alone", or for one per record "minutes:" and the record's
	// path in the case folder. Calendar UIDs are made from it.
	Key string
	// What is due, in caselint's words ("the child seen alone by the lead
	// worker"): never a name from the records.
	What string
	// Due is the last day it is in time: as of Due the rule is quiet, as
	// of the day after it fires.
	Due schema.Date
	// From is the record the due date is counted from, and what in it.
	From DateSource
	// Doc and Offset are where the rule reports the obligation overdue
	// (Doc nil: on a record not yet made, as the next conference's).
	// Obligations sets Path and Line from them and drops Doc, so that a
	// list of obligations does not keep the records.
	Doc    *schema.Document
	Offset int
	Path   string
	Line   int
	// Cites are the paragraphs the rule enforces, as the profile's reader
	// gets them (Profile.Citations); Obligations sets them.
	Cites []Citation
	// AfterEnd is set by a rule that reports the obligation even once
	// the plan has ended (the minutes of a meeting held while it was in
	// force). Any other obligation due on or after the day the plan is
	// recorded to end (Case.PlanEnd, a day still to come) is not listed:
	// the rule evaluates the case to that day, and never reports it.
	AfterEnd bool
}

// DateSource is the record a due date is counted from: its path in the
// case's tree, and the fact read there ("last seen alone", "core group
// met", "initial conference").
type DateSource struct {
	Path string
	What string
}

// String reads "visits/2026-11-05.md: last seen alone".
func (s DateSource) String() string {
	if s.Path == "" {
		return s.What
	}
	return s.Path + ": " + s.What
}

// SourceOf is the DateSource of doc (nil: no record, as for a plan's
// start with no conference record) with what.
func SourceOf(doc *schema.Document, what string) DateSource {
	if doc == nil {
		return DateSource{What: what}
	}
	return DateSource{Path: doc.Source.Path, What: what}
}

// OverdueOn reports whether the obligation is overdue on d: d is after its
// due day.
func (o Obligation) OverdueOn(d schema.Date) bool { return d.After(o.Due) }

// Obligations returns the obligations of case c still open as of asOf,
// under profile p, from the rules of all that p turns on and that have a
// deadline (Rule.Due): soonest first, overdue first of all (by due date,
// then rule and key). A plan that ended before asOf (Case.PlanEnd) has
// none that its end closed: only those its rules report whatever the end
// (Obligation.AfterEnd: the minutes of its last meeting, a refusal's
// escalation) are still to be done; one recorded to end on a day still
// to come has none due on or after that day but those. A plan whose plan.md is missing or
// unreadable has the obligations counted from the conference that started
// it (Case.PlanUnwritten); a case with neither has none, and
// CaseObligations says why (NoPlan). This is the one list `caselint due`, and any report
// that shows a case's next deadline or how many are overdue, reads.
func Obligations(c *Case, all []*Rule, p *Profile, cal *calendar.Calendar, asOf schema.Date) ([]Obligation, error) {
	enabled, _, err := p.Enabled(all)
	if err != nil {
		return nil, err
	}
	if cal == nil {
		cal = calendar.Default()
	}
	c.ReadOn(asOf)
	c.ReadWith(p)
	// The day the plan is recorded to end, when it is still to come: a
	// cessation written ahead, dated the 18th birthday, say. What falls
	// due on or after it is no longer this plan's to do.
	end, ends := c.PlanEnd(p)
	var out []Obligation
	for _, r := range enabled {
		if r.Due == nil || !c.HasPlan() {
			continue
		}
		pass := &Pass{Rule: r, Case: c, Profile: p, AsOf: asOf, Calendar: cal, report: func(Diagnostic) {}}
		ended := pass.Until() != asOf
		for _, o := range r.Due(pass) {
			if (ended || ends && !o.Due.Before(end)) && !o.AfterEnd {
				continue // closed by the plan's end
			}
			o.Rule = r.ID
			o.Cites = p.Citations(r.Cites)
			if o.Doc != nil {
				o.Path = o.Doc.Source.Path
				o.Line = o.Doc.Source.Position(o.Offset).Line
			}
			o.Doc, o.Offset = nil, 0
			out = append(out, o)
		}
	}
	SortObligations(out)
	return out, nil
}

// SortObligations sorts obs soonest first (the overdue, whose days are
// past, come first), then by rule and key.
func SortObligations(obs []Obligation) {
	sort.SliceStable(obs, func(i, j int) bool {
		a, b := obs[i], obs[j]
		if a.Due != b.Due {
			return a.Due.Before(b.Due)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Key < b.Key
	})
}

// CaseObligations are one case's open obligations, with what a worktray
// shows beside them.
type CaseObligations struct {
	Dir        string // the case folder, a slash path in Options.FS
	ID         string // case.md's id
	Child      string // the child's name
	LeadWorker string // the lead worker's name, "" when the plan names none
	// Ended is set when the plan ended before the as-of date (Case.PlanEnd):
	// nothing is due but what its rules report whatever the end
	// (Obligation.AfterEnd).
	Ended bool
	// NoPlan, when set, says why the case's obligations cannot be worked
	// out at all (Case.NoPlanReason: no readable plan.md and no conference
	// deciding a plan): a worktray lists the case with it rather than
	// leave it out as though nothing were due.
	NoPlan string
	// NotFullyRead are the slash paths (as Dir) of the case's records
	// whose frontmatter could not be wholly read (Case.NotFullyRead): what
	// they record may be missing from Obligations, and a worktray says so.
	NotFullyRead []string
	// Obligations are soonest first (Obligations).
	Obligations []Obligation

	identity string // ID, else Dir, as read: Redact keeps it
}

// Identity names the case for as long as it lasts, redacted or not: its
// id, else its folder as read. Calendar UIDs are made from it (hashed).
func (co CaseObligations) Identity() string {
	if co.identity != "" {
		return co.identity
	}
	if co.ID != "" {
		return co.ID
	}
	return co.Dir
}

// Redact replaces the child's and the lead worker's names with their roles
// and every path with paths (PathRedactor, shared by all the cases of a
// report, so that a folder keeps one name). What is due and what the date
// is counted from are caselint's words, and are kept; so is the case id.
func (co *CaseObligations) Redact(paths func(string) string) {
	co.Dir = paths(co.Dir)
	co.Child = "[the child]"
	if co.LeadWorker != "" {
		co.LeadWorker = "[lead worker]"
	}
	for i, p := range co.NotFullyRead {
		co.NotFullyRead[i] = paths(p)
	}
	for i := range co.Obligations {
		o := &co.Obligations[i]
		o.Path = paths(o.Path)
		o.From.Path = paths(o.From.Path)
		if kind, p, ok := strings.Cut(o.Key, ":"); ok {
			o.Key = kind + ":" + paths(p) // a record's path in the case
		}
	}
}

// NextDue returns the soonest obligation's due day, and false when there
// is none.
func (co CaseObligations) NextDue() (schema.Date, bool) {
	if len(co.Obligations) == 0 {
		return schema.Date{}, false
	}
	return co.Obligations[0].Due, true
}

// Overdue counts the obligations overdue on d.
func (co CaseObligations) Overdue(d schema.Date) int {
	n := 0
	for _, o := range co.Obligations {
		if o.OverdueOn(d) {
			n++
		}
	}
	return n
}

// Due runs the lint as opts say, with Options.Obligations, and returns
// each case's open obligations (Obligations), by case folder, and the
// run's notifications (files that could not be read, history skipped).
// The cases are read as Run reads them, each under its own settings
// (Options.SettingsFor), and only their obligations are kept.
// opts.Redact is not read: filter the cases first (by lead worker, say),
// then Redact them.
func Due(ctx context.Context, opts Options) ([]CaseObligations, []Notification, error) {
	opts.Obligations, opts.Redact = true, false
	res, err := Run(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	out := res.Obligations
	sort.SliceStable(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out, res.Notifications, nil
}

// caseObligations are the open obligations of the case c, in folder dir,
// under the engine's settings. Only the obligations are kept: nothing in
// them points into the records.
func (e *engine) caseObligations(dir string, c *Case) (CaseObligations, error) {
	opts := e.opts
	obs, err := Obligations(c, opts.Rules, opts.Profile, opts.Calendar, opts.AsOf)
	if err != nil {
		return CaseObligations{}, err
	}
	co := CaseObligations{Dir: dir, Child: strings.Clone(strings.TrimSpace(c.ChildName())), LeadWorker: strings.Clone(strings.TrimSpace(c.LeadWorker())), Obligations: obs}
	if c.Record != nil {
		co.ID = strings.Clone(strings.TrimSpace(c.Record.ID))
	}
	if end, ok := c.PlanEnd(opts.Profile); ok && end.Before(opts.AsOf) {
		co.Ended = true
	} else {
		co.NoPlan = c.NoPlanReason()
		for _, d := range c.NotFullyRead() {
			co.NotFullyRead = append(co.NotFullyRead, strings.Clone(d.Source.Path))
		}
	}
	co.identity = co.Identity()
	return co, nil
}

// NotFullyRead returns the case's records whose frontmatter caselint could
// not wholly read (schema.Document.Problems: frontmatter that does not
// parse, a date written as text, a value of the wrong type, a misspelt or
// missing key), leaving out those dated after the day the case is read on
// (ReadOn), which are not known then. invalid-record reports each; a rule
// sees the fact as not recorded. What such a record holds (a refusal of
// contact, the visit a gap counts from, a date of birth) may therefore be
// missing from the obligations, and a worktray that listed them as though
// complete would give a false "nothing due": `caselint due` names these
// records beside the case's obligations.
//
// Only what the parse found counts (assemble notes it): the problems of
// the case as a set of records (no plan, a second plan, a person no one
// introduced) leave each record's facts read, and say so themselves.
func (c *Case) NotFullyRead() []*schema.Document {
	var out []*schema.Document
	for _, d := range c.unread {
		if d == nil || d.Source == nil {
			continue
		}
		if day := recordDay(d.Record); !day.IsZero() && !c.asOf.IsZero() && day.After(c.asOf) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// recordDay is the day a record is dated, zero for none or one that could
// not be read.
func recordDay(r schema.Record) schema.Date {
	switch r := r.(type) {
	case *schema.Visit:
		return r.Date.Date
	case *schema.CoreGroup:
		return r.Date
	case *schema.Conference:
		return r.Date
	}
	return schema.Date{}
}
