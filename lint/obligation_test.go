package lint

import (
	"context"
	"strings"
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

// TestNotFullyRead: a record whose frontmatter was not wholly read is
// named beside the case's obligations (CaseObligations.NotFullyRead), as
// what it records (here a refusal of contact, its date written as text)
// may be missing from them. A record dated after the as-of date is not
// known then; a person no one introduced, or the case's missing plan, are
// problems of the case as a set of records and leave the facts read; a
// plan that ended has nothing due and names nothing.
func TestNotFullyRead(t *testing.T) {
	visit := func(date, extra string) []byte {
		return []byte("+++\ntype = \"visit\"\ndate = " + date + "\nby = \"Aisha Patel\"\nchild_seen = false\naccess_refused = true\nnot_seen_reason = \"refused\"\n" + extra + "+++\n")
	}
	fsys := fstest.MapFS{
		"cases/a/case.md":                   {Data: []byte(caseMD)},
		"cases/a/plan.md":                   {Data: []byte(planMD(""))},
		"cases/a/visits/2026-01-14.md":      {Data: visit(`"14/01/2026"`, "")},
		"cases/a/visits/2026-01-15.md":      {Data: visit("2026-01-15T10:00:00", "acess_refused = true\n")},
		"cases/a/visits/2026-01-16.md":      {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-16T10:00:00\nchild_seen = [\n+++\n")},
		"cases/a/visits/2026-02-02.md":      {Data: visit("2026-02-02T10:00:00", "seen_alon = true\n")},
		"cases/a/visits/2026-01-17.md":      {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-17T10:00:00\nby = \"Ann Other\"\nchild_seen = true\n+++\n")},
		"cases/a/visits/2026-01-18.md":      {Data: visit("2026-01-18T10:00:00", "")},
		"cases/b/case.md":                   {Data: []byte(caseMD)},
		"cases/b/plan.md":                   {Data: []byte(planMD("\n[cessation]\ndate = 2026-01-18\nreason = \"left the UK\""))},
		"cases/b/visits/2026-01-14.md":      {Data: visit(`"14/01/2026"`, "")},
		"cases/c/case.md":                   {Data: []byte(caseMD)},
		"cases/c/conferences/initial.md":    {Data: []byte("+++\ntype = \"conference\"\nkind = \"initial\"\ndate = 2026-01-12\ndecision = \"plan\"\n+++\n")},
		"cases/c/conferences/2026-01-19.md": {Data: []byte("+++\ntype = \"conference\"\nkind = \"review\"\ndate = 2026-01-19\ndecision = \"plan\"\nquorate = \"yes\"\n+++\n")},
	}
	prof, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	none := &Rule{ID: "test-none", Severity: Warning, Due: func(*Pass) []Obligation { return nil }}
	cases, _, err := Due(context.Background(), Options{FS: fsys, Rules: []*Rule{none}, Profile: prof, AsOf: schema.NewDate(2026, 1, 20)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range cases {
		got[c.Dir] = c.NotFullyRead
	}
	want := map[string][]string{
		"cases/a": {"cases/a/visits/2026-01-14.md", "cases/a/visits/2026-01-15.md", "cases/a/visits/2026-01-16.md"},
		"cases/b": nil,
		"cases/c": {"cases/c/conferences/2026-01-19.md"},
	}
	for dir, w := range want {
		if strings.Join(got[dir], ",") != strings.Join(w, ",") {
			t.Errorf("%s: NotFullyRead = %q, want %q", dir, got[dir], w)
		}
	}
	a := cases[0]
	a.Redact(PathRedactor())
	if len(a.NotFullyRead) != 3 || strings.Contains(strings.Join(a.NotFullyRead, ","), "cases/a/") {
		t.Errorf("redacted: %q", a.NotFullyRead)
	}
}

// TestObligationsBeforeARecordedEnd: a plan recorded to end on a day still
// to come (a cessation written ahead, dated the 18th birthday) lists only
// what falls due before that day: the rules evaluate the case to it, and
// never report the rest. An obligation a rule reports whatever the plan's
// end (Obligation.AfterEnd: minutes, a refusal's escalation) stays, and
// is all that is listed once the plan has ended.
func TestObligationsBeforeARecordedEnd(t *testing.T) {
	rule := &Rule{ID: "test-end", Severity: Warning, Due: func(p *Pass) []Obligation {
		start := p.Case.Plan.Started
		return []Obligation{
			{Key: "before", Due: start.AddDays(9)},
			{Key: "on-the-day", Due: start.AddDays(10)},
			{Key: "after", Due: start.AddDays(20)},
			{Key: "after-kept", Due: start.AddDays(20), AfterEnd: true},
		}
	}}
	fsys := fstest.MapFS{
		"cases/a/case.md": {Data: []byte(caseMD)},
		// Ends on 22 January 2026, ten days after it started.
		"cases/a/plan.md": {Data: []byte(planMD("\n[cessation]\ndate = 2026-01-22\nreason = \"left the UK\""))},
		"cases/b/case.md": {Data: []byte(caseMD)},
		"cases/b/plan.md": {Data: []byte(planMD(""))},
	}
	prof, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	keys := func(co CaseObligations) string {
		var k []string
		for _, o := range co.Obligations {
			k = append(k, o.Key)
		}
		return strings.Join(k, ",")
	}
	for _, tc := range []struct{ asOf, a string }{
		{"2026-01-14", "before,after-kept"},
		{"2026-01-22", "before,after-kept"}, // the end day: the plan ends today
		{"2026-01-23", "after-kept"},        // ended: only what outlives it
	} {
		cases, _, err := Due(context.Background(), Options{FS: fsys, Rules: []*Rule{rule}, Profile: prof, AsOf: sd(tc.asOf)})
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(cases[0]); got != tc.a {
			t.Errorf("as of %s: ending plan lists %q, want %q", tc.asOf, got, tc.a)
		}
		if got := keys(cases[1]); got != "before,on-the-day,after,after-kept" {
			t.Errorf("as of %s: plan in force lists %q", tc.asOf, got)
		}
	}
}
