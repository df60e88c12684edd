package lint

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Whether a plan is in force, and until when. A plan is made by a
// conference, not by plan.md: between the initial conference and the first
// core group there is often no detailed plan yet (Oxfordshire 1.8 §1 "Outline
// the proposed plan, making sure it is detailed enough to protect the child
// until the first Core Group meeting"; Stoke-on-Trent C06 §05 the core group
// "develop[s] the outline plan into a detailed plan"), and the deadlines
// run all the same. And a plan is ended by a conference, not by plan.md:
// "The decision to cease a Child Protection Plan can only be made by a
// quorate Child Protection conference" (C06 §07); an ending caselint itself
// calls unlawful (cessation-without-conference) has not ended it.

// PlanUnwritten reports whether a conference of the case started a plan
// (PlanStartConference, with a date) but plan.md is missing or could not be
// read (YAML frontmatter, a mistyped type). invalid-record says the plan is
// missing; the deadlines that count from the conference (seeing the child,
// the first core group, the core group's meetings, the review conference)
// still run, and the rules about what the plan says stay quiet.
func (c *Case) PlanUnwritten() bool {
	if c.Plan != nil && c.Plan.Doc != nil {
		return false
	}
	cf := c.PlanStartConference()
	return cf != nil && cf.Doc != nil && !cf.Date.IsZero()
}

// HasPlan reports whether the case holds a plan whose deadlines run:
// plan.md could be read, or a conference started a plan whose plan.md is
// missing (PlanUnwritten).
func (c *Case) HasPlan() bool {
	return c.Plan != nil && c.Plan.Doc != nil || c.PlanUnwritten()
}

// NoPlanReason says why the obligations of a case cannot be worked out at
// all: it has no readable plan.md, and no initial or transfer conference
// that decided "plan" to count from. It is "" when they can (HasPlan).
// `caselint due` lists such a case with this reason rather than drop it.
func (c *Case) NoPlanReason() string {
	if c.HasPlan() {
		return ""
	}
	if c.Plan != nil {
		return "plan.md could not be read, and no initial or transfer conference deciding \"plan\" is recorded to count the deadlines from"
	}
	return "the case has no readable plan.md, and no initial or transfer conference deciding \"plan\" is recorded to count the deadlines from"
}

// CessationUndecided reports whether plan.md's [cessation] ended the plan
// without the conference its ending needs (CessationNeedsReview: no longer
// at risk, or, where the procedure keeps it until the review conference,
// section 20): the conference it names is missing, not a conference, or
// not a quorate review conference deciding "cease" on the cessation date
// (CeaseConferenceFaults); or, naming none, no conference that day is one.
// A named record that could not be read, and values caselint cannot read,
// are invalid-record's, and not held against the ending. This is
// cessation-without-conference's test, and such an ending has not ended
// the plan (PlanEnd): its deadlines run on.
func (c *Case) CessationUndecided(p *Profile) bool {
	if _, needed := c.CessationNeedsReview(p); !needed {
		return false
	}
	cs := c.Cessation()
	if ref := strings.TrimSpace(cs.Conference); ref != "" {
		cf, doc := c.ConferenceAt(ref)
		switch {
		case doc == nil:
			return true
		case doc.Kind != "" && doc.Kind != schema.KindConference:
			return true
		case cf == nil:
			return false // unreadable: invalid-record says why
		}
		return len(CeaseConferenceFaults(cf, cs.Date)) > 0
	}
	for _, cf := range c.Conferences {
		if cf != nil && cf.Doc != nil && cf.Date == cs.Date && len(CeaseConferenceFaults(cf, cs.Date)) == 0 {
			return false
		}
	}
	return true
}

// CeaseConferenceFaults says what keeps conference cf from being a quorate
// review conference that decided on day that the plan cease; none when it
// is one. A value caselint cannot read (kind = "Review CP Conference",
// quorate = "yes", decision = "ceased") is invalid-record's finding on the
// conference, once, and not a fault here.
func CeaseConferenceFaults(cf *schema.Conference, day schema.Date) []string {
	var out []string
	switch cf.Kind {
	case schema.ConferenceReview:
	case schema.ConferenceInitial, schema.ConferenceTransfer:
		article := ""
		if strings.ContainsRune("aeiou", rune(cf.Kind[0])) {
			article = "n"
		}
		out = append(out, fmt.Sprintf("is a%s %s conference, not a review conference", article, cf.Kind))
	}
	if !cf.Quorate && !quorateUnreadable(cf) {
		out = append(out, "is not recorded as quorate (quorate = true)")
	}
	switch {
	case cf.Decision == schema.DecisionAdjourned:
		// An adjourned sitting decided nothing (C06 §07: "can only be
		// made by a quorate Child Protection conference").
		out = append(out, "was adjourned without a decision")
	case cf.Decision != schema.DecisionCease && knownDecision(cf.Decision):
		out = append(out, fmt.Sprintf("decided %q, not \"cease\"", cf.Decision))
	}
	if cf.Date != day {
		when := "an undated meeting"
		if !cf.Date.IsZero() {
			when = cf.Date.Long()
		}
		out = append(out, fmt.Sprintf("was held on %s, not on the cessation date", when))
	}
	return out
}

// knownDecision reports whether d is a conference decision as the record
// format spells it (the schema reads "Cease" as "cease"); anything else is
// an invalid record.
func knownDecision(d string) bool {
	switch d {
	case schema.DecisionPlan, schema.DecisionNoPlan, schema.DecisionContinue, schema.DecisionCease:
		return true
	}
	return false
}

// quorateUnreadable reports whether the conference writes quorate as
// something other than true or false ("yes"): invalid-record reports it.
func quorateUnreadable(cf *schema.Conference) bool {
	if cf.Doc == nil || cf.Doc.Keys == nil || cf.Doc.Source == nil {
		return false
	}
	sp, ok := cf.Doc.Keys.Value("quorate")
	if !ok || sp.Start < 0 || sp.End > len(cf.Doc.Source.Data) || sp.Start >= sp.End {
		return false
	}
	v := strings.TrimSpace(string(cf.Doc.Source.Data[sp.Start:sp.End]))
	return v != "true" && v != "false"
}

// PlanEnd returns the day this authority's plan ended, and true; the zero
// date and false while it is in force. This is the one definition of the
// plan's end: the day every rule evaluates the case to (Pass.Until,
// Case.EvaluatedUntil), `caselint due` (a plan that ended has nothing
// due), and whether the plan was in force on a day (PlanActiveAfter) ask
// it. It is:
//
//   - plan.md's [cessation] date, unless the cessation is not this plan's
//     end (CessationNotTheEnd: an earlier plan's, dated before this plan
//     started, or contradicted by a conference deciding "continue"), or no
//     conference decided an ending that needed one (CessationUndecided):
//     then it has not ended the plan;
//   - with plan.md missing or unreadable (PlanUnwritten), the first
//     quorate review conference after the plan's start that decided
//     "cease" on its day (CeaseConferenceFaults).
//
// A [cessation] whose reason the case contradicts (CessationContradiction:
// "reached 18" before the 18th birthday, "looked after" with no such
// status in force, "moved to another authority" before any transfer
// conference) has not ended the plan on its date: no ground C06 §07 allows
// was there, and the deadlines run on until one is (contradictedEnd): the
// 18th birthday; the day an interim care order, care order or placement
// order is recorded from; the receiving authority's transfer conference,
// "only after this has taken place may cessation of the Child Protection
// Plan take place" (C06 §07).
func (c *Case) PlanEnd(p *Profile) (schema.Date, bool) {
	if cs := c.Cessation(); cs != nil && !cs.Date.IsZero() {
		if c.CessationNotTheEnd().Why != "" || c.CessationUndecided(p) {
			return schema.Date{}, false
		}
		if c.cessationContradicted() {
			return c.contradictedEnd()
		}
		return cs.Date, true
	}
	if !c.PlanUnwritten() {
		return schema.Date{}, false
	}
	start := c.PlanStart()
	for _, cf := range c.Conferences {
		if cf != nil && cf.Doc != nil && cf.Decision == schema.DecisionCease && cf.Date.After(start) && len(CeaseConferenceFaults(cf, cf.Date)) == 0 {
			return cf.Date, true
		}
	}
	return schema.Date{}, false
}

// cessationContradicted is CessationContradiction() != "", asked once a
// case: PlanEnd is asked by every rule, through Pass.Until.
func (c *Case) cessationContradicted() bool {
	if !c.contradictionRead {
		c.contradictionRead = true
		c.contradicted = c.CessationContradiction() != ""
	}
	return c.contradicted
}

// contradictedEnd is the end of a plan whose [cessation] gives a reason
// the case contradicts on its date: the first day after it that the
// reason holds, and true; the zero date and false, the plan still in
// force, when none is recorded. For "reached 18", the 18th birthday; for
// "looked after", the day the next legal status is recorded from when it
// is one that ends the plan by itself (an interim care order, a care or
// placement order: section 20 keeps the plan until the review conference
// under C06 §03); for "moved to another authority", the day of the
// receiving authority's transfer conference held after the cessation
// (TransferOutConferences).
func (c *Case) contradictedEnd() (schema.Date, bool) {
	cs := c.Cessation()
	switch reason, _ := c.CessationReason(); reason {
	case ReasonReached18:
		if b, ok := c.BirthdayOf(AdultAge); ok && b.After(cs.Date) {
			return b, true
		}
	case ReasonLookedAfter:
		if next, ok := c.NextLegalStatusAfter(cs.Date); ok && next.LookedAfter() && !next.DischargedAtReview() {
			return next.From, true
		}
	case ReasonMoved:
		if held, later := c.TransferOutConferences(cs.Date); held == nil && later != nil {
			return later.Date, true
		}
	}
	return schema.Date{}, false
}
