package checks_test

import (
	"context"
	"os"
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

// TestDueFirstCoreGroupAsSet: the initial conference of 20 January 2026
// set the first core group for 29 January, the 7th working day, and none
// is held. due lists it on 29 January (first-core-group-not-as-set, on
// the conference's first_core_group line) before the 10th working day, 3
// February (late-first-core-group); lint is quiet about it as of 29
// January and fires as of 30 January, where due said. Held on 29 January,
// nothing is listed.
func TestDueFirstCoreGroupAsSet(t *testing.T) {
	fsys, err := linttest.FS(filepath.Join("..", "testdata", "checks", "first-core-group-not-as-set", "set-date-today-quiet"))
	if err != nil {
		t.Fatal(err)
	}
	files := mapOf(t, fsys)
	asOf := schema.NewDate(2026, 1, 22)
	for _, name := range []string{lint.ProfileStoke, lint.ProfileOxfordshire, lint.ProfileCombined} {
		prof, err := lint.ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		due := func(d schema.Date) map[string]lint.Obligation {
			t.Helper()
			cases, _, err := lint.Due(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: d, Calendar: calendar.Default()})
			if err != nil || len(cases) != 1 {
				t.Fatalf("%s: due: %v, %d cases", name, err, len(cases))
			}
			out := map[string]lint.Obligation{}
			for _, o := range cases[0].Obligations {
				out[o.Rule] = o
			}
			return out
		}
		fires := func(d schema.Date) map[string]int {
			t.Helper()
			res, err := lint.Run(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: d, Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]int{}
			for _, f := range res.Findings {
				if path.Base(f.Path) == "2026-01-20-initial.md" || path.Base(f.Path) == "plan.md" {
					out[f.RuleID] = f.Pos.Line
				}
			}
			return out
		}
		got := due(asOf)
		set, late := got[checks.FirstCoreGroupNotAsSet.ID], got[checks.LateFirstCoreGroup.ID]
		if set.Due != schema.NewDate(2026, 1, 29) || late.Due != schema.NewDate(2026, 2, 3) {
			t.Fatalf("%s: due lists the date set %s and the 10 working days %s, want 29 January and 3 February", name, set.Due, late.Due)
		}
		if set.From.What != "initial conference: first_core_group" || path.Base(set.Path) != "2026-01-20-initial.md" {
			t.Errorf("%s: the date set counted from %v at %s", name, set.From, set.Path)
		}
		if _, ok := fires(schema.NewDate(2026, 1, 29))[checks.FirstCoreGroupNotAsSet.ID]; ok {
			t.Errorf("%s: first-core-group-not-as-set fires on the day set", name)
		}
		if line, ok := fires(schema.NewDate(2026, 1, 30))[checks.FirstCoreGroupNotAsSet.ID]; !ok || line != set.Line {
			t.Errorf("%s: as of 30 January first-core-group-not-as-set fires %v on line %d, want line %d", name, ok, line, set.Line)
		}
		// Past the 10 working days: late-first-core-group's alone.
		if _, ok := due(schema.NewDate(2026, 2, 4))[checks.FirstCoreGroupNotAsSet.ID]; ok {
			t.Errorf("%s: the date set still listed past the 10 working days", name)
		}
		if f := fires(schema.NewDate(2026, 2, 4)); f[checks.LateFirstCoreGroup.ID] == 0 || f[checks.FirstCoreGroupNotAsSet.ID] != 0 {
			t.Errorf("%s: as of 4 February %v, want late-first-core-group alone", name, f)
		}
	}

	// Held on the date set: nothing of the first core group is listed.
	held, err := os.ReadFile(filepath.Join("..", "testdata", "checks", "first-core-group-not-as-set", "held-on-earlier-set-date", "case", "core-groups", "2026-01-29.md"))
	if err != nil {
		t.Fatal(err)
	}
	files["case/core-groups/2026-01-29.md"] = &fstest.MapFile{Data: held}
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	cases, _, err := lint.Due(context.Background(), lint.Options{FS: files, Rules: checks.All(), Profile: prof, AsOf: schema.NewDate(2026, 1, 29), Calendar: calendar.Default()})
	if err != nil || len(cases) != 1 {
		t.Fatalf("due: %v, %d cases", err, len(cases))
	}
	for _, o := range cases[0].Obligations {
		if o.Rule == checks.FirstCoreGroupNotAsSet.ID || o.Rule == checks.LateFirstCoreGroup.ID {
			t.Errorf("held on the date set: %s still listed, due %s", o.Rule, o.Due)
		}
	}
}
