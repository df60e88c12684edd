package lint

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// dueRule sets two obligations counted from the plan's start, 10 and 3
// days after it, the first with a citation of each procedure.
var dueRule = &Rule{ID: "test-due", Severity: Warning,
	Cites: []Citation{{Source: ProcedureStoke, Paragraph: "§03"}, {Source: ProcedureOxfordshire, Paragraph: "§3"}},
	Due: func(p *Pass) []Obligation {
		plan := p.Case.Plan
		return []Obligation{
			{Key: "b", What: "later", Due: plan.Started.AddDays(10), From: SourceOf(plan.Doc, "plan started"), Doc: plan.Doc, Offset: plan.Doc.At("lead_worker")},
			{Key: "a", What: "sooner", Due: plan.Started.AddDays(3), From: SourceOf(plan.Doc, "plan started")},
		}
	}}

func TestObligations(t *testing.T) {
	fsys := fstest.MapFS{
		"cases/a/case.md": {Data: []byte(caseMD)},
		"cases/a/plan.md": {Data: []byte(planMD(""))},
		"cases/b/case.md": {Data: []byte(caseMD)},
		// An ending no conference decides (the family left the UK).
		"cases/b/plan.md": {Data: []byte(planMD("\n[cessation]\ndate = 2026-01-18\nreason = \"left the UK\""))},
		// "No longer needed" needs a quorate review conference deciding
		// "cease" that day (C06 §07); with none, the plan has not ended.
		"cases/c/case.md": {Data: []byte(caseMD)},
		"cases/c/plan.md": {Data: []byte(planMD("\n[cessation]\ndate = 2026-01-18\nreason = \"plan no longer needed\""))},
	}
	prof, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	asOf := schema.NewDate(2026, 1, 20)
	cases, _, err := Due(context.Background(), Options{FS: fsys, Rules: []*Rule{dueRule}, Profile: prof, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 3 || cases[0].Dir != "cases/a" || cases[1].Dir != "cases/b" || cases[2].Dir != "cases/c" {
		t.Fatalf("cases = %+v", cases)
	}
	a := cases[0]
	if a.Child != "Jamie" || a.LeadWorker != "Aisha Patel" {
		t.Errorf("case = %q, %q", a.Child, a.LeadWorker)
	}
	a.Redact(PathRedactor())
	if a.Dir != "cases/redacted-1" || a.Obligations[1].Path != "cases/redacted-1/plan.md" || a.Obligations[1].From.Path != "cases/redacted-1/plan.md" {
		t.Errorf("redacted paths: %q, %q, %q", a.Dir, a.Obligations[1].Path, a.Obligations[1].From.Path)
	}
	if a.Child != "[the child]" || a.LeadWorker != "[lead worker]" || a.ID != "T-1" {
		t.Errorf("redacted case = %q, %q, %q", a.Child, a.LeadWorker, a.ID)
	}
	if len(a.Obligations) != 2 || a.Obligations[0].Key != "a" || a.Obligations[1].Key != "b" {
		t.Fatalf("obligations not soonest first: %+v", a.Obligations)
	}
	later := a.Obligations[1]
	if later.Rule != "test-due" || later.Path != "cases/redacted-1/plan.md" || later.Line != 4 || len(later.Cites) != 1 || later.Cites[0].Source != ProcedureOxfordshire {
		t.Errorf("later = rule %q at %s:%d citing %v", later.Rule, later.Path, later.Line, later.Cites)
	}
	if got := later.From.String(); got != "cases/redacted-1/plan.md: plan started" {
		t.Errorf("From = %q", got)
	}
	if next, ok := a.NextDue(); !ok || next != schema.NewDate(2026, 1, 15) {
		t.Errorf("NextDue = %s, %v", next, ok)
	}
	if n := a.Overdue(asOf); n != 1 {
		t.Errorf("Overdue(%s) = %d, want 1 (due 15 January; 22 January is not)", asOf, n)
	}
	if n := a.Overdue(schema.NewDate(2026, 1, 22)); n != 1 {
		t.Errorf("Overdue on the due day = %d, want 1: in time on the day", n)
	}
	if a.Ended || !cases[1].Ended {
		t.Errorf("Ended: %v, %v", a.Ended, cases[1].Ended)
	}
	if len(cases[1].Obligations) != 0 {
		t.Errorf("a plan that ended has obligations: %+v", cases[1].Obligations)
	}
	if _, ok := cases[1].NextDue(); ok {
		t.Error("NextDue of no obligation")
	}
	if c := cases[2]; c.Ended || len(c.Obligations) != 2 {
		t.Errorf("a plan ended with no conference deciding it: Ended %v, obligations %+v", c.Ended, c.Obligations)
	}
}
