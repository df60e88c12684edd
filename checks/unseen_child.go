package checks

import (
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
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit},
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
Under reduced visiting (Oxfordshire 1.8 §3: every 4 weeks) agreed and
approved by the independent conference chair, gaps that end on or after
the agreed date are measured against the reduced interval, until a review
conference continues the plan: the reduction is agreed on the recommendation
that planning end at that conference, so when it does not, the usual
frequency applies again from the conference.

Any visitor counts here (whether the visit was properly delegated is
undelegated-visit's concern). A late visit is reported on its date line; a
gap still open at the as-of date on plan.md's started line.`,
	Bad: `# plan.md: started = 2026-01-12
# visits/2026-02-26.md (46 days later, Oxfordshire: every 2 weeks)
date = 2026-02-26T16:00:00
child_seen = true
seen_alone = true`,
	Good: `# visits/2026-01-23.md, 2026-02-06.md, 2026-02-20.md: every 2 weeks
date = 2026-01-23T16:00:00
child_seen = true
seen_alone = true`,
	Since: "0.1.0",
	Run:   runUnseenChild,
}

func runUnseenChild(pass *lint.Pass) error {
	plan := pass.Case.Plan
	child := pass.Case.ChildName()
	for _, g := range seenAloneGaps(pass) {
		if !g.Late() {
			continue
		}
		if g.ToSeen != nil {
			what := child + " was last seen alone on " + g.From.Long() + ", then not until " + g.To.Long()
			if g.FromSeen == nil {
				what = child + " was not seen alone from the start of the plan on " + g.From.Long() + " until " + g.To.Long()
			}
			pass.Reportf(g.ToSeen.Doc, g.ToSeen.Doc.At("date"),
				"%s; %s, so a visit was due by %s: record any visit in between that saw %s alone (%s)",
				what, g.By, g.Due.Long(), child, cite(pass))
			continue
		}
		what := child + " was last seen alone on " + g.From.Long()
		if g.FromSeen == nil {
			what = child + " has not been seen alone since the plan started on " + g.From.Long()
		}
		if c := pass.Case.Cessation(); c != nil && c.Date == g.To {
			pass.Reportf(plan.Doc, plan.Doc.At("started"),
				"%s; %s, so a visit was due by %s and none is recorded before the plan ended on %s: record the visit that saw %s alone, if there was one (%s)",
				what, g.By, g.Due.Long(), g.To.Long(), child, cite(pass))
			continue
		}
		pass.Reportf(plan.Doc, plan.Doc.At("started"),
			"%s; %s, so a visit was due by %s and none is recorded up to %s: see %s alone now, or record the visit that did (%s)",
			what, g.By, g.Due.Long(), g.To.Long(), child, cite(pass))
	}
	return nil
}
