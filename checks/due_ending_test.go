package checks_test

import (
	"context"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/linttest"
	"github.com/caselint/caselint/schema"
)

// TestDueEighteenAndReviewDate: a child born on 12 February 2008, whose
// plan.md set the review conference for 11 February 2026, listed as of 5
// February. due lists ending the plan at the 18th birthday, and the review
// conference on the day plan.md set, each due on the last day lint is
// quiet: as of 11 February lint says nothing of either, as of 12 February
// plan-past-eighteen and missing-review-date fire where due said.
func TestDueEighteenAndReviewDate(t *testing.T) {
	fsys, err := linttest.FS(filepath.Join("..", "testdata", "checks", "plan-past-eighteen", "day-before-eighteenth-birthday"))
	if err != nil {
		t.Fatal(err)
	}
	asOf := schema.NewDate(2026, 2, 5)
	files := mapOf(t, asItStood(t, fsys, asOf))
	replaceIn(t, files, "case/case.md", "born = 2008-11-21", "born = 2008-02-12")
	replaceIn(t, files, "case/plan.md", "review_conference = 2027-03-02", "review_conference = 2026-02-11")
	prof, err := lint.ShippedProfile(lint.ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	cases, _, err := lint.Due(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: asOf, Calendar: calendar.Default()})
	if err != nil || len(cases) != 1 {
		t.Fatalf("due: %v, %d cases", err, len(cases))
	}
	want := map[string]schema.Date{
		checks.PlanPastEighteen.ID:  schema.NewDate(2026, 2, 11),
		checks.MissingReviewDate.ID: schema.NewDate(2026, 2, 11),
	}
	got := map[string]lint.Obligation{}
	for _, o := range cases[0].Obligations {
		got[o.Rule] = o
	}
	fires := func(d schema.Date) map[string]int {
		res, err := lint.Run(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: d, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, f := range res.Findings {
			if path.Base(f.Path) == "plan.md" {
				out[f.RuleID] = f.Pos.Line
			}
		}
		return out
	}
	quiet, fired := fires(schema.NewDate(2026, 2, 11)), fires(schema.NewDate(2026, 2, 12))
	for rule, day := range want {
		o, ok := got[rule]
		if !ok {
			t.Errorf("due as of %s lists nothing of %s: %+v", asOf, rule, cases[0].Obligations)
			continue
		}
		if o.Due != day {
			t.Errorf("%s: due %s, want %s", rule, o.Due, day)
		}
		if _, ok := quiet[rule]; ok {
			t.Errorf("%s fires as of 11 February, its due day", rule)
		}
		if line, ok := fired[rule]; !ok || line != o.Line {
			t.Errorf("%s as of 12 February: fires %v on line %d, want line %d (where due said)", rule, ok, line, o.Line)
		}
	}
	if o := got[checks.PlanPastEighteen.ID]; o.From.What != "born" || path.Base(o.From.Path) != "case.md" {
		t.Errorf("plan-past-eighteen counted from %v, want case.md: born", o.From)
	}

	// Quiet: the ending recorded for the birthday, and the review held on
	// the day plan.md set, leave nothing of either to do; an ending dated
	// after the birthday is still the plan past 18.
	listed := func(asOf schema.Date) map[string]bool {
		cases, _, err := lint.Due(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: asOf, Calendar: calendar.Default()})
		if err != nil || len(cases) != 1 {
			t.Fatalf("due: %v, %d cases", err, len(cases))
		}
		out := map[string]bool{}
		for _, o := range cases[0].Obligations {
			out[o.Rule] = true
		}
		return out
	}
	plan := string(files["case/plan.md"].Data)
	for ending, want := range map[string]bool{"2026-02-12": false, "2026-02-20": true} {
		replaceIn(t, files, "case/plan.md", "\n+++\n", "\n[cessation]\ndate = "+ending+"\nreason = \"reached 18\"\n+++\n")
		if got := listed(asOf)[checks.PlanPastEighteen.ID]; got != want {
			t.Errorf("[cessation] dated %s: plan-past-eighteen listed %v, want %v", ending, got, want)
		}
		files["case/plan.md"] = &fstest.MapFile{Data: []byte(plan)}
	}
	copyRecord(t, files, "case/conferences/2026-01-20-initial.md", "case/conferences/2026-02-11-review.md", "2026-01-20", "2026-02-11")
	replaceIn(t, files, "case/conferences/2026-02-11-review.md", `kind = "initial"`, `kind = "review"`)
	if listed(schema.NewDate(2026, 2, 11))[checks.MissingReviewDate.ID] {
		t.Errorf("the review held on the day plan.md set: missing-review-date still listed")
	}
}

// TestDueAfterReplan: Kacey's plan ceased on 26 September 2025 and a new
// initial conference made a plan on 15 January 2026; plan.md still holds
// the earlier plan and its [cessation]. due lists what the new plan owes
// (the first core group by 29 January, Kacey seen alone by 24 February,
// the review by 15 April), not "0 due": that [cessation] is no end of the
// new plan. With the new conference deciding "no plan", the plan stays
// ended and nothing is due.
func TestDueAfterReplan(t *testing.T) {
	fsys, err := linttest.FS(filepath.Join("..", "testdata", "checks", "unseen-child", "stoke-re-referred-no-plan-quiet"))
	if err != nil {
		t.Fatal(err)
	}
	asOf := schema.NewDate(2026, 4, 16)
	prof, err := lint.ShippedProfile(lint.ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	due := func(files fstest.MapFS) lint.CaseObligations {
		t.Helper()
		cases, _, err := lint.Due(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: asOf, Calendar: calendar.Default()})
		if err != nil || len(cases) != 1 {
			t.Fatalf("due: %v, %d cases", err, len(cases))
		}
		return cases[0]
	}
	files := mapOf(t, fsys)
	if co := due(files); !co.Ended || len(co.Obligations) != 0 {
		t.Errorf("no plan decided: ended %v, obligations %+v; want ended, none", co.Ended, co.Obligations)
	}
	replaceIn(t, files, "SOT-2025-0311/conferences/2026-01-15-initial.md", `decision = "no plan"`, `decision = "plan"`)
	co := due(files)
	if co.Ended {
		t.Errorf("re-plan: the case is read as ended")
	}
	want := map[string]schema.Date{
		checks.LateFirstCoreGroup.ID:   schema.NewDate(2026, 1, 29),
		checks.UnseenChild.ID:          schema.NewDate(2026, 2, 24),
		checks.LateReviewConference.ID: schema.NewDate(2026, 4, 15),
	}
	got := map[string]schema.Date{}
	for _, o := range co.Obligations {
		got[o.Rule] = o.Due
	}
	for rule, day := range want {
		if got[rule] != day {
			t.Errorf("%s: due %v, want %s (all: %+v)", rule, got[rule], day, co.Obligations)
		}
	}
}
