package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// named makes cf's record findable by [cessation] conference
// (Case.ConferenceAt reads the document's record).
func named(cf *schema.Conference) *schema.Conference {
	cf.Doc.Record = cf
	return cf
}

func cessation(date, reason, conference string) *schema.Cessation {
	return &schema.Cessation{Date: sd(date), Reason: reason, Conference: conference}
}

// TestPlanEnd holds the one definition of the plan's end (PlanEnd,
// CessationNotTheEnd): a [cessation] ends this plan only when it is dated
// on or after the plan's start, no conference after it started a plan, and
// the conference that decided that day did not decide "continue".
func TestPlanEnd(t *testing.T) {
	asOf := sd("2026-04-16")
	first := func() *schema.Conference { return sconf("initial", "2025-09-01", "plan", "2025-09-01-initial.md") }
	// A quorate review deciding "cease": what ends a plan that was no
	// longer needed (CessationUndecided).
	quorate := func(cf *schema.Conference) *schema.Conference { cf.Quorate = true; return cf }
	ceased := func() *schema.Conference {
		return quorate(named(sconf("review", "2025-09-26", "cease", "2025-09-26-review.md")))
	}
	replan := func() *schema.Conference { return sconf("initial", "2026-01-15", "plan", "2026-01-15-initial.md") }
	oldEnd := func() *schema.Cessation {
		return cessation("2025-09-26", "no longer at risk", "conferences/2025-09-26-review.md")
	}
	newReplan := replan()
	continued := named(sconf("review", "2025-11-20", "continue", "2025-11-20-review.md"))
	continuedUnnamed := sconf("review", "2025-11-20", "continue", "2025-11-20-review.md")
	transferOut := sconf("transfer", "2025-10-06", "plan", "2025-10-06-transfer.md")
	sameDay := sconf("initial", "2026-01-15", "plan", "2026-01-15-initial.md")

	cases := []struct {
		name  string
		c     *Case
		why   string
		conf  *schema.Conference // NotTheEnd.Conference
		end   string             // PlanEnd, "" for none
		start string             // PlanStart
	}{
		{"no cessation", startCase(&schema.Plan{Started: sd("2025-09-01")}, first()), "", nil, "", "2025-09-01"},
		{"ended at a quorate review", startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: oldEnd()}, first(), ceased()), "", nil, "2025-09-26", "2025-09-01"},
		{"re-plan, plan.md still the earlier plan's",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: oldEnd()}, first(), ceased(), newReplan), CessationReplanned, newReplan, "", "2026-01-15"},
		{"re-plan, plan.md rewritten, earlier cessation left in",
			startCase(&schema.Plan{Started: sd("2026-01-15"), Cessation: cessation("2025-10-02", "no longer at risk", "")}, first(), ceased(), newReplan), CessationReplanned, newReplan, "", "2026-01-15"},
		{"re-referred, the new conference decided no plan",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: oldEnd()}, first(), ceased(), sconf("initial", "2026-01-15", "no plan", "n.md")), "", nil, "2025-09-26", "2025-09-01"},
		{"ended by a letter (no conference), then a new plan",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-10-01", "ICO", "")}, first(), newReplan), CessationReplanned, newReplan, "", "2026-01-15"},
		{"dated before started, no conference recorded",
			startCase(&schema.Plan{Started: sd("2026-01-15"), Cessation: cessation("2026-01-14", "no longer at risk", "")}), CessationBeforeStart, nil, "", "2026-01-15"},
		{"dated the day the plan started",
			startCase(&schema.Plan{Started: sd("2026-01-15"), Cessation: cessation("2026-01-15", "died", "")}, sameDay), "", nil, "2026-01-15", "2026-01-15"},
		{"the named review decided continue",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-11-20", "no longer at risk", "conferences/2025-11-20-review.md")}, first(), continued), CessationContinued, continued, "", "2025-09-01"},
		{"none named, the review that day decided continue",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-11-20", "no longer at risk", "")}, first(), continuedUnnamed), CessationContinued, continuedUnnamed, "", "2025-09-01"},
		{"none named, one conference that day continued and another ceased",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-11-20", "no longer at risk", "")}, first(), sconf("review", "2025-11-20", "continue", "a.md"), quorate(sconf("review", "2025-11-20", "cease", "b.md"))), "", nil, "2025-11-20", "2025-09-01"},
		{"a continued cessation ends nothing before a later initial conference: it is a stray",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-11-20", "no longer at risk", "conferences/2025-11-20-review.md")}, first(), named(sconf("review", "2025-11-20", "continue", "2025-11-20-review.md")), replan()),
			CessationContinued, nil, "", "2025-09-01"},
		// The cessation came before the receiving authority's transfer
		// conference: "only after this has taken place may cessation of
		// the Child Protection Plan take place" (C06 §07), so the plan
		// ends on the conference's day.
		{"moved away: the receiving authority's transfer conference after the cessation starts nothing",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-10-01", "moved to another authority", "")}, first(), transferOut), "", nil, "2025-10-06", "2025-09-01"},
		{"moved away after the receiving authority's transfer conference",
			startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-10-06", "moved to another authority", "")}, first(), transferOut), "", nil, "2025-10-06", "2025-09-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := tc.c.CessationNotTheEnd()
			if n.Why != tc.why {
				t.Fatalf("CessationNotTheEnd().Why = %q, want %q", n.Why, tc.why)
			}
			if tc.conf != nil && n.Conference != tc.conf {
				t.Errorf("CessationNotTheEnd().Conference = %+v, want %+v", n.Conference, tc.conf)
			}
			if got := tc.c.PlanStart().String(); got != tc.start {
				t.Errorf("PlanStart = %s, want %s", got, tc.start)
			}
			end, ok := tc.c.PlanEnd(nil)
			until := asOf
			if tc.end == "" {
				if ok {
					t.Errorf("PlanEnd = %s, want none", end)
				}
			} else {
				if !ok || end != sd(tc.end) {
					t.Errorf("PlanEnd = %s, %v; want %s", end, ok, tc.end)
				}
				until = sd(tc.end)
			}
			if got := tc.c.EvaluatedUntil(nil, asOf); got != until {
				t.Errorf("EvaluatedUntil = %s, want %s", got, until)
			}
			if got := tc.c.PlanActiveAfter(nil, sd("2026-03-01")); got != (tc.end == "") {
				t.Errorf("PlanActiveAfter(1 March 2026) = %v, want %v", got, tc.end == "")
			}
			if earlier := tc.c.CessationOfThisPlan() == nil && tc.c.Cessation() != nil; earlier != n.EarlierPlan() {
				t.Errorf("CessationOfThisPlan nil = %v, want %v (an earlier plan's)", earlier, n.EarlierPlan())
			}
		})
	}
}

// TestEvaluatedUntilEnded: the case is evaluated to the as-of date until
// the plan ends, and to its end after.
func TestEvaluatedUntilEnded(t *testing.T) {
	c := startCase(&schema.Plan{Started: sd("2025-09-01"), Cessation: cessation("2025-09-26", "no longer at risk", "")},
		sconf("initial", "2025-09-01", "plan", "i.md"), sconf("review", "2025-09-26", "cease", "r.md"))
	if got := c.EvaluatedUntil(nil, sd("2025-09-26")); got != sd("2025-09-26") {
		t.Errorf("as of the cessation day: %s", got)
	}
	if got := c.EvaluatedUntil(nil, sd("2025-09-25")); got != sd("2025-09-25") {
		t.Errorf("as of the day before the cessation: %s", got)
	}
}
