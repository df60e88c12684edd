package checks

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnseenChild: the child was not seen alone as often as the procedure
// requires.
var UnseenChild = &lint.Rule{
	ID:       "unseen-child",
	Title:    "The child was not seen alone as often as required",
	Severity: lint.Error,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "To see the child/young person alone within 28 working days as appropriate"},
		{Source: Oxon, Paragraph: "§3", Quote: "This must include seeing the child alone or a baby when awake at least every 2 weeks"},
	},
	Text: `The lead worker must see the child alone at least every 28 working days
(Stoke-on-Trent C06 §03) or every 2 weeks (Oxfordshire 1.8 §3; the combined
profile takes the stricter 2 weeks). For a baby under one on the day of the
visit, seeing the baby while awake counts as seeing the child alone.

The rule measures every gap between the plan's start and the first visit that
saw the child alone (child_seen and seen_alone, or a baby child_seen and
awake), between two such visits, and from the last one to the as-of date (or
the cessation date, when the plan has ended). The next visit is due on the
day the interval runs out after the last one: the 28th working day, bank
holidays not counted, or the same weekday 2 weeks later. A visit on that
day is in time; a later one is late. If the plan sets its own
seen_alone_every, the stricter of the plan's and the profile's applies.
Under reduced visiting (Oxfordshire 1.8 §3: every 4 weeks) agreed, on or
after the plan's start, and approved by the independent conference chair,
gaps that end on or after the agreed date are measured against the reduced
interval (or the plan's own seen_alone_every where it agreed a smaller
reduction, between the usual interval and the reduced one, such as every 3
weeks: the child is seen as agreed in the plan), until a review conference
continues the plan: the reduction is
agreed on the recommendation that planning end at that conference, so when
it does not, the usual frequency applies again from the conference. A
reduction is agreed for the visits still to come: a gap whose usual due day
fell before the day it was agreed was already overdue, and stays due on its
usual day. An agreement dated before the plan started is not in force
(unapproved-reduced-visiting).

A visit counts only when it is the lead worker seeing the child: made by the
lead worker; by another social worker of the authority covering for them
(a person whose role is a social worker, or the lead worker's manager, of
the authority's children's services where the agency is written: not a
social worker of another service by agency or by role, such as a hospital,
CAMHS, adult or YOT social worker, nor of another authority than the one
holding the plan, named by agency or in the role ("Cheshire East", "social
worker (Cheshire East)"): the authority the lead worker's record names, or,
when it names none, the one whose procedure the profile is; qualified =
true makes no health visitor or teacher a social worker); or by
someone to whom contact was delegated under a recorded written agreement
(delegated_by the lead worker, delegation_agreed by the lead worker's
manager). A teacher, health visitor, GP or family member seeing the child
does not count, and the message names any such visit in a late gap and why
it does not count. A baby recorded seen_alone but asleep (awake = false) was
not seen awake and does not count; nor does a visit recorded seen_alone =
true whose own words say the child was not alone ("Mum stayed in the room
throughout", "Kerry stayed in the room, so Leo said little", "with her nan
present", "Ella wasnt seen alone": the profile's not_alone words, in which
{adult} is a family word or one of case.md's people; "Ruby was seen alone;
Leo was not"), or whose not_seen_reason gives a reason the child was not
seen ("Not seen - at his dad's"), unless the record also says the child was
seen alone (a sentence saying only a brother or sister was seen alone does
not); nor a visit whose words say only that a brother or sister was seen
alone ("Saw Ruby alone in her room. Leo was at his dad's"), and nothing of
the child: it is the sibling's visit; nor a visit whose present lists the child's brother or sister and not
the child (every name in it one of case.md's people), unless its words say
by the child's name that the child was seen alone: it is the sibling's
record; nor a baby's visit recorded seen_alone with no awake written whose
notes say the baby was asleep ("asleep upstairs throughout"), unless they
also say the baby woke or was alert, feeding or smiling. Nor does a visit
whose record says the child was seen only by video or telephone ("virtual
visit", "seen on a video call", "spoke to Leo on FaceTime": the profile's
not_face_to_face words): 1.8 §3 asks for "face to face contact with the
child", and a call shows nobody who else is in the room. Nor does a visit
recorded child_seen = true whose words say the child was not seen at all
("Ellie at nursery so not seen", "Did not see Ellie today": the profile's
child_not_seen words, of the child and not of a brother, sister or
parent), unless they say the child was seen alone after all. Nor does a
visit recorded seen_alone = true whose words say the child, a year old or
more, was asleep through it ("Mum said Ellie was asleep", "Ellie was
napping upstairs so I didn't disturb her", "I did not wake her": the
profile's child_asleep words, of the child and not of a brother or
sister, nor of another time such as "asleep by 8pm"), unless they say the
child woke, talked or was seen alone: if a baby must be seen awake, a
child asleep was not seen and spoken with alone (1.8 §3 "be aware of
his/her wishes and feelings", "spoke with the child").

A visit that does not record seen_alone = true is never counted as seeing
the child alone, whatever its notes say ("Spoke with Ellie privately in her
bedroom"): the key is the record's confirmation, and words read by a phrase
list could count a visit that did not see the child alone, the graver
mistake. The message names such a visit in a late gap, and says to record
seen_alone = true if the notes are right.

Before the child is born nothing is checked: for a pre-birth plan the first
gap runs from the birth (or the plan's start, if later), and an unborn child
whose birth is not recorded is unrecorded-birth's concern. A late visit is
reported on its date line; a gap still open at the as-of date on plan.md's
started line.

A plan is made and ended by a conference, not by plan.md. With plan.md
missing or unreadable (between the initial conference and the first core
group there is often only an outline plan: Oxfordshire 1.8 §1) the seeing
counts from the conference that started the plan, and a gap still open is reported on
that conference's date line; invalid-record says the plan is missing. A
[cessation] no conference decided, where one had to
(cessation-without-conference), has not ended the plan: the gap
runs on to the as-of date.`,
	Bad: `# plan.md: started = 2026-01-12
# visits/2026-02-26.md (46 days later, Oxfordshire: every 2 weeks)
date = 2026-02-26T16:00:00
child_seen = true
seen_alone = true`,
	Good: `# visits/2026-01-23.md, 2026-02-06.md, 2026-02-20.md: every 2 weeks
date = 2026-01-23T16:00:00
child_seen = true
seen_alone = true`,
	Since:    "0.1.0",
	Synonyms: []string{"child not seen alone", "not seen alone often enough", "gap in seeing child alone", "visits not frequent enough", "baby not seen awake", "too long between visits"},
	Related:  []string{"missing-not-seen-reason", "stale-reduced-visiting", "unapproved-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unrecorded-birth", "unseen-bedroom"},
	Run:      runUnseenChild,
	Due:      dueUnseenChild,
}

func runUnseenChild(pass *lint.Pass) error {
	doc, at := openAt(pass, "")
	child := pass.Case.ChildName()
	for _, g := range seenAloneGaps(pass) {
		if !g.Late() {
			continue
		}
		uncounted := uncountedInGap(pass, g)
		gap := lint.Span{From: g.From, Due: g.Due, To: g.To}
		start := "the start of the plan on " + g.From.Long()
		if g.FromBirth {
			start = "the birth on " + g.From.Long()
		}
		if g.ToSeen != nil {
			what := child + " was last seen alone on " + g.From.Long() + ", then not until " + g.To.Long()
			if g.FromSeen == nil {
				what = child + " was not seen alone from " + start + " until " + g.To.Long()
			}
			pass.ReportGapf(gap, g.ToSeen.Doc, g.ToSeen.Doc.At("date"),
				"%s; %s, so a visit was due by %s%s: record any visit in between that saw %s alone (%s)",
				what, g.By, g.Due.Long(), uncounted, child, cite(pass))
			continue
		}
		what := child + " was last seen alone on " + g.From.Long()
		if g.FromSeen == nil {
			what = child + " has not been seen alone since " + start
		}
		if end, ended := pass.PlanEnd(); ended && end == g.To {
			pass.ReportOpenGapf(gap, doc, at,
				"%s; %s, so a visit was due by %s and none is recorded before the plan ended on %s%s: record the visit that saw %s alone, if there was one (%s)",
				what, g.By, g.Due.Long(), g.To.Long(), uncounted, child, cite(pass))
			continue
		}
		see := "see " + child + " alone now"
		if pass.Case.IsBabyOn(g.To) {
			see = "see " + child + " awake now"
		}
		pass.ReportOpenGapf(gap, doc, at,
			"%s; %s, so a visit was due by %s and none is recorded up to %s%s: %s, or record the visit that did (%s)",
			what, g.By, g.Due.Long(), g.To.Long(), uncounted, see, cite(pass))
	}
	return nil
}

// dueUnseenChild is the next visit that must see the child alone: the gap
// still open at pass.Until() (seenAloneGaps, the computation runUnseenChild
// reports from), due on its day, reported on plan.md's started line.
func dueUnseenChild(pass *lint.Pass) []lint.Obligation {
	gaps := seenAloneGaps(pass)
	if len(gaps) == 0 {
		return nil
	}
	g := gaps[len(gaps)-1]
	if g.ToSeen != nil {
		return nil
	}
	from := planStartedSource(pass)
	switch {
	case g.FromSeen != nil && pass.Case.IsBabyOn(g.From):
		from = lint.SourceOf(g.FromSeen.Doc, "last seen awake")
	case g.FromSeen != nil:
		from = lint.SourceOf(g.FromSeen.Doc, "last seen alone")
	case g.FromBirth && pass.Case.Record != nil:
		from = lint.SourceOf(pass.Case.Record.Doc, "born")
	}
	due := openGapDue(pass, g.From)
	what := "the child seen alone by the lead worker"
	if pass.Case.IsBabyOn(due) {
		what = "the baby seen awake by the lead worker"
	}
	doc, at := openAt(pass, "")
	return []lint.Obligation{{Key: "next-seen-alone", What: what, Due: due, From: from, Doc: doc, Offset: at}}
}

// openGapDue is the due day of the gap still open since from, as
// runUnseenChild judges it on each day: linted as of the due day it is
// quiet, as of the next day it fires. The interval can depend on the day
// linted (a reduced visiting agreement, or a review conference ending it,
// dated after pass.AsOf changes it from that day), so the day is found by
// asking seenAloneDue as of each day: forward from the as-of date while
// the gap is still in time, back to the day before it was first late and
// has stayed so while it is late. A gap to which no interval applies
// never fires, and its due day is then the one seenAloneDue gives as of
// the as-of date.
func openGapDue(pass *lint.Pass, from schema.Date) schema.Date {
	late := func(e schema.Date) (bool, schema.Date) {
		at := *pass
		at.AsOf = e
		due, _, ok := seenAloneDue(&at, from, at.Until())
		return ok && e.After(due), due
	}
	until := pass.Until()
	isLate, due := late(until)
	const most = 3 * 366 // days looked through: far more than any interval
	if !isLate {
		for e, n := until.AddDays(1), 0; n < most; e, n = e.AddDays(1), n+1 {
			if l, _ := late(e); l {
				return e.AddDays(-1)
			}
		}
		return due
	}
	for e := until.AddDays(-1); e.After(from); e = e.AddDays(-1) {
		if l, _ := late(e); !l {
			return e
		}
	}
	return from
}

// uncountedInGap says, for the message, which visits in gap g saw the child
// but do not count, and why: "; the visit of 5 February 2026 by Lee Morgan
// (class teacher) does not count: ...". Visits that do not count for the
// same reason are named together; at most four are named. It returns ""
// when there are none.
func uncountedInGap(pass *lint.Pass, g seenAloneGap) string {
	c := pass.Case
	const most = 4
	var reasons []string
	visits := map[string][]string{}
	named, more := 0, 0
	for _, v := range pass.Visits() {
		d := v.Date.Date
		if !d.After(g.From) || d.After(g.To) || (g.ToSeen != nil && d == g.To) || !c.SawChild(v) {
			continue
		}
		var why string
		sibling, instead := c.SiblingPresentInstead(v)
		switch {
		case instead && (v.SeenAlone || (c.IsBabyOn(d) && v.Awake)):
			why = fmt.Sprintf("its present lists %s and not %s", c.NameWithRole(sibling), c.ChildName())
		case !c.CountsAsLeadWorker(v) && c.SeenAlone(v):
			why = c.WhyNotLeadWorkers(v)
		case v.SeenAlone && c.IsBabyOn(d) && lint.IsAsleep(v):
			why = c.ChildName() + " was asleep (awake = false), and a baby must be seen awake"
		case c.SeenAlone(v) && isRemote(pass, v):
			said, _ := pass.NotFaceToFaceInWords(v)
			why = fmt.Sprintf("its record says %q, and a video or telephone call is not face to face contact", lint.Brief(said))
		case c.SeenAlone(v) && isUnseenInWords(pass, v):
			said, _ := pass.NotSeenInWords(v)
			why = fmt.Sprintf("its record says %q, though child_seen = true is recorded", lint.Brief(said))
		case c.SeenAlone(v) && isAsleepInWords(pass, v):
			said, _ := pass.ChildAsleepInWords(v)
			why = fmt.Sprintf("its record says %q, though seen_alone = true is recorded, and a child asleep is not seen or spoken with alone", lint.Brief(said))
		case c.SeenAlone(v) && !pass.SeenAlone(v):
			said, _ := pass.NotSeenAloneInWords(v)
			why = fmt.Sprintf("its record says %q, though seen_alone = true is recorded", lint.Brief(said))
		case !v.SeenAlone && !c.IsBabyOn(d) && c.CountsAsLeadWorker(v) && c.SaysSeenAlone(v):
			// The key is the fact: words never count a visit as seeing
			// the child alone, but the worker is told what to correct.
			why = fmt.Sprintf("seen_alone = true is not recorded, though its notes say %s was seen alone (if so, record seen_alone = true)", c.ChildName())
		default:
			continue
		}
		if named == most {
			more++
			continue
		}
		named++
		if _, ok := visits[why]; !ok {
			reasons = append(reasons, why)
		}
		visits[why] = append(visits[why], fmt.Sprintf("%s by %s", d.Long(), c.NameWithRole(v.By)))
	}
	var parts []string
	for _, why := range reasons {
		vs := visits[why]
		if len(vs) == 1 {
			parts = append(parts, fmt.Sprintf("the visit of %s does not count, as %s", vs[0], why))
			continue
		}
		parts = append(parts, fmt.Sprintf("the visits of %s do not count, as %s", joinWithAnd(vs), why))
	}
	if len(parts) == 0 {
		return ""
	}
	s := "; " + strings.Join(parts, "; ")
	if more > 0 {
		s += fmt.Sprintf(" (and %d more visits that do not count)", more)
	}
	return s
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

// seenAloneDue returns the day by which the child must next be seen alone
// after being seen alone (or the plan starting, or the birth) on from, for
// a gap that ends on end, and the interval that set it. The profile's
// interval applies, or the plan's seen_alone_every when that gives an
// earlier day.
//
// Approved reduced visiting (Oxfordshire 1.8 §3; the plan's own reduced
// frequency where it agreed a smaller reduction: Pass.ReducedSeenAloneEvery)
// replaces it for gaps ending
// on or after the agreement whose usual due day is not before the agreement
// (lint.ReducedVisitingAppliesTo: a visit already overdue when the reduction
// was agreed stays due on its usual day), until a review conference
// continues the plan:
// the reduction is agreed on the recommendation that planning end there, so
// when it does not, the usual frequency returns from that conference. A gap
// that spans the conference is due by the earlier of the reduced due day
// and the usual interval counted from the conference. ok is false when no
// interval applies (the profile turns the requirement off and the plan sets
// none).
func seenAloneDue(pass *lint.Pass, from, end schema.Date) (due schema.Date, by visitingInterval, ok bool) {
	agreed, reduced := pass.ReducedVisitingFrom()
	if !reduced || end.Before(agreed) {
		return usualSeenAloneDue(pass, from)
	}
	if udue, uby, uok := usualSeenAloneDue(pass, from); uok && !lint.ReducedVisitingAppliesTo(agreed, udue) {
		// Already overdue when the reduction was agreed.
		uby.Whose = fmt.Sprintf("%s, and not the reduced visiting agreed later, on %s (a reduction does not excuse a visit already overdue),", uby.Whose, agreed.Long())
		return udue, uby, true
	}
	riv, byPlan := pass.ReducedSeenAloneEvery(from)
	rby := visitingInterval{riv, "the reduced visiting approved from " + agreed.Long()}
	if byPlan {
		rby.Whose = "the plan's reduced visiting (its seen_alone_every), approved from " + agreed.Long() + ","
	}
	rdue := pass.Calendar.Add(from, rby.Interval)
	lapsed := pass.ReducedVisitingLapsedAt()
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

// seenAloneGap is a stretch of time in which the lead worker did not see the
// child alone: from the plan's start (or the birth) or a visit that counted,
// to the next such visit or, while still open, to pass.Until().
type seenAloneGap struct {
	From      schema.Date
	FromSeen  *schema.Visit // the visit that opened the gap; nil: the plan's start or the birth
	FromBirth bool          // the gap opened at the birth, after the plan started
	To        schema.Date
	ToSeen    *schema.Visit // the visit that ended the gap; nil: still open at To = pass.Until()
	Due       schema.Date   // the child had to be seen alone by this day
	By        visitingInterval
}

// Late reports whether the gap outlasted its due day.
func (g seenAloneGap) Late() bool { return g.To.After(g.Due) }

// seenAloneGaps returns every gap between the lead worker seeing the child
// alone (lint.Case.SeenAlone and CountsAsLeadWorker), from the later of the
// plan's start and the birth to pass.Until(), in order; nil when there is no
// plan, no start, or the child is not yet born. A gap to which no interval
// applies is left out. Several visits on one day make one gap end there.
func seenAloneGaps(pass *lint.Pass) []seenAloneGap {
	c := pass.Case
	start, ok := c.SeeingFrom()
	if !ok {
		return nil
	}
	until := pass.Until()
	if until.Before(start) {
		return nil
	}
	var gaps []seenAloneGap
	from, fromSeen := start, (*schema.Visit)(nil)
	fromBirth := start.After(c.PlanStart())
	add := func(to schema.Date, toSeen *schema.Visit) {
		if due, by, ok := seenAloneDue(pass, from, to); ok {
			gaps = append(gaps, seenAloneGap{From: from, FromSeen: fromSeen, FromBirth: fromBirth && fromSeen == nil,
				To: to, ToSeen: toSeen, Due: due, By: by})
		}
	}
	for _, v := range pass.Visits() {
		d := v.Date.Date
		if d.Before(start) || !pass.SeenAlone(v) || !c.CountsAsLeadWorker(v) {
			continue
		}
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
