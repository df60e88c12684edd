package lint

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

// endCase is a case of recs (a plan, conferences) with a child born in 2019.
// Each conference's document is the case's, as the engine gives them, so
// that [cessation] conference can name it.
func endCase(recs ...schema.Record) *Case {
	c := NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Ellie", Born: sd("2019-04-02")}}, recs)
	for _, cf := range c.Conferences {
		cf.Doc.Record, cf.Doc.Kind = cf, schema.KindConference
		c.Documents = append(c.Documents, cf.Doc)
	}
	return c
}

// adultCase is endCase for a child who turns 18 on 8 October 2026.
func adultCase(recs ...schema.Record) *Case {
	c := endCase(recs...)
	c.Record.Child.Born = sd("2008-10-08")
	return c
}

// statusCase records the child's legal status from the day from.
func statusCase(c *Case, status, from string) *Case {
	c.Record.LegalStatus = append(c.Record.LegalStatus, schema.LegalStatus{Status: status, From: sd(from)})
	return c
}

func quorate(cf *schema.Conference) *schema.Conference { cf.Quorate = true; return cf }

func readPlan(cs *schema.Cessation) *schema.Plan {
	return &schema.Plan{Started: sd("2026-09-01"), Doc: &schema.Document{}, Cessation: cs}
}

func TestPlanUnwritten(t *testing.T) {
	initial := quorate(sconf("initial", "2026-09-01", "plan", "2026-09-01-initial.md"))
	noPlan := quorate(sconf("initial", "2026-09-01", "no plan", "2026-09-01-initial.md"))
	undated := &schema.Conference{Kind: "initial", Decision: "plan", Doc: &schema.Document{}}
	for _, tc := range []struct {
		name           string
		c              *Case
		unwritten, has bool
		reasonHas      string
	}{
		{"plan.md read", endCase(readPlan(nil), initial), false, true, ""},
		{"plan.md read, no conference", endCase(readPlan(nil)), false, true, ""},
		{"no plan.md, the initial conference decided plan", endCase(initial), true, true, ""},
		{"plan.md unreadable (no document), the conference decided plan", endCase(&schema.Plan{}, initial), true, true, ""},
		{"no plan.md, the conference decided no plan", endCase(noPlan), false, false, "no readable plan.md"},
		{"no plan.md, no conference", endCase(), false, false, "no readable plan.md"},
		{"plan.md unreadable, no conference", endCase(&schema.Plan{}), false, false, "plan.md could not be read"},
		{"no plan.md, an undated conference", endCase(undated), false, false, "no readable plan.md"},
		{"no plan.md, a transfer conference decided plan", endCase(quorate(sconf("transfer", "2026-09-01", "plan", "t.md"))), true, true, ""},
	} {
		if got := tc.c.PlanUnwritten(); got != tc.unwritten {
			t.Errorf("%s: PlanUnwritten = %v, want %v", tc.name, got, tc.unwritten)
		}
		if got := tc.c.HasPlan(); got != tc.has {
			t.Errorf("%s: HasPlan = %v, want %v", tc.name, got, tc.has)
		}
		got := tc.c.NoPlanReason()
		if (got == "") != (tc.reasonHas == "") || !strings.Contains(got, tc.reasonHas) {
			t.Errorf("%s: NoPlanReason = %q, want one with %q", tc.name, got, tc.reasonHas)
		}
	}
}

func TestSeeingFromWithoutPlanMD(t *testing.T) {
	c := endCase(quorate(sconf("initial", "2026-09-01", "plan", "2026-09-01-initial.md")))
	if from, ok := c.SeeingFrom(); !ok || from != sd("2026-09-01") {
		t.Errorf("SeeingFrom = %s, %v; want the conference's day", from, ok)
	}
	if _, ok := endCase().SeeingFrom(); ok {
		t.Error("no plan and no conference: nothing to see from")
	}
}

func TestCessationUndecided(t *testing.T) {
	stoke, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	nlar := func(date, conf string) *schema.Cessation {
		return &schema.Cessation{Date: sd(date), Reason: "no longer at risk", Conference: conf}
	}
	review := func(date string, q bool, decision string) *schema.Conference {
		cf := sconf("review", date, decision, date+"-review.md")
		cf.Quorate = q
		return cf
	}
	for _, tc := range []struct {
		name      string
		c         *Case
		undecided bool
		end       string // PlanEnd's day, "" while in force
	}{
		{"no conference at all", endCase(readPlan(nlar("2026-10-09", ""))), true, ""},
		{"a quorate review deciding cease that day", endCase(readPlan(nlar("2026-10-09", "")), review("2026-10-09", true, "cease")), false, "2026-10-09"},
		{"the same, named", endCase(readPlan(nlar("2026-10-09", "conferences/2026-10-09-review.md")), review("2026-10-09", true, "cease")), false, "2026-10-09"},
		{"named, not quorate", endCase(readPlan(nlar("2026-10-09", "conferences/2026-10-09-review.md")), review("2026-10-09", false, "cease")), true, ""},
		{"not quorate, not named", endCase(readPlan(nlar("2026-10-09", "")), review("2026-10-09", false, "cease")), true, ""},
		{"decided continue", endCase(readPlan(nlar("2026-10-09", "")), review("2026-10-09", true, "continue")), true, ""},
		{"the day before", endCase(readPlan(nlar("2026-10-09", "")), review("2026-10-08", true, "cease")), true, ""},
		{"named, no such record", endCase(readPlan(nlar("2026-10-09", "conferences/2026-10-09-review.md"))), true, ""},
		{"an initial conference that day", endCase(readPlan(nlar("2026-10-09", "")), quorate(sconf("initial", "2026-10-09", "cease", "i.md"))), true, ""},
		// Endings no conference decides, as the code already knows them.
		{"reached 18", adultCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "reached 18"})), false, "2026-10-09"},
		{"reached 18 on the birthday", adultCase(readPlan(&schema.Cessation{Date: sd("2026-10-08"), Reason: "reached 18"})), false, "2026-10-08"},
		{"moved, the transfer conference held that day", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "moved to another authority"}), sconf("transfer", "2026-10-09", "plan", "t.md")), false, "2026-10-09"},
		{"died", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "died"})), false, "2026-10-09"},
		// A reason the case contradicts ends nothing (CessationContradiction):
		// no ground C06 §07 allows ended the plan, and its deadlines run on.
		// In force until the 18th birthday, years after the as-of date.
		{"reached 18 at 7", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "reached 18"})), false, "2037-04-02"},
		// ... until the reason holds: the plan ends at 18 at the latest.
		{"reached 18 the day before the birthday", adultCase(readPlan(&schema.Cessation{Date: sd("2026-10-07"), Reason: "reached 18"})), false, "2026-10-08"},
		{"looked after, no legal status", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "looked after"})), false, ""},
		{"looked after, an interim care order from a week later", statusCase(endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "looked after"})), "interim care order", "2026-10-16"), false, "2026-10-16"},
		{"looked after, section 20 from a week later", statusCase(endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "looked after"})), "section 20", "2026-10-16"), false, ""},
		{"looked after, an interim care order that day", statusCase(endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "looked after"})), "interim care order", "2026-10-09"), false, "2026-10-09"},
		{"moved, no transfer conference", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "moved to another authority"})), false, ""},
		// Only after the receiving authority's transfer conference "may
		// cessation of the Child Protection Plan take place" (C06 §07).
		{"moved, the transfer conference held after", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "moved to another authority"}), sconf("transfer", "2026-10-23", "plan", "t.md")), false, "2026-10-23"},
		{"moved, the transfer conference after the as-of date", endCase(readPlan(&schema.Cessation{Date: sd("2026-10-09"), Reason: "moved to another authority"}), sconf("transfer", "2026-12-01", "plan", "t.md")), false, "2026-12-01"},
		{"not ended", endCase(readPlan(nil)), false, ""},
		// No plan.md: the plan ends at a quorate review deciding cease.
		{"no plan.md, a quorate review decided cease", endCase(quorate(sconf("initial", "2026-09-01", "plan", "i.md")), review("2026-10-09", true, "cease")), false, "2026-10-09"},
		{"no plan.md, an unquorate review decided cease", endCase(quorate(sconf("initial", "2026-09-01", "plan", "i.md")), review("2026-10-09", false, "cease")), false, ""},
		{"no plan.md, a review with no decision", endCase(quorate(sconf("initial", "2026-09-01", "plan", "i.md")), review("2026-10-09", true, "")), false, ""},
	} {
		if got := tc.c.CessationUndecided(stoke); got != tc.undecided {
			t.Errorf("%s: CessationUndecided = %v, want %v", tc.name, got, tc.undecided)
		}
		end, ok := tc.c.PlanEnd(stoke)
		if got := map[bool]string{true: end.String(), false: ""}[ok]; got != tc.end {
			t.Errorf("%s: PlanEnd = %q, want %q", tc.name, got, tc.end)
		}
		p := &Pass{Case: tc.c, Profile: stoke, AsOf: sd("2026-11-20")}
		want := sd("2026-11-20")
		if tc.end != "" && sd(tc.end).Before(want) {
			want = sd(tc.end)
		}
		if got := p.Until(); got != want {
			t.Errorf("%s: Until = %s, want %s", tc.name, got, want)
		}
	}
}
