package checks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
)

var ruleID = regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)

// TestRegistry checks the rule metadata every report and doc page is made
// from: unique kebab-case ids, and no empty documentation; and the
// metadata the engine acts on, Needs, against what each rule's Run reads.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range checks.All() {
		if !ruleID.MatchString(r.ID) {
			t.Errorf("%q: rule ids are kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("%s: registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || strings.HasSuffix(r.Title, ".") {
			t.Errorf("%s: title must be one line with no full stop: %q", r.ID, r.Title)
		}
		if r.Text == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: help text, bad and good examples are required", r.ID)
		}
		if r.Severity == 0 {
			t.Errorf("%s: no default severity", r.ID)
		}
		if r.Family == "" || r.Since == "" {
			t.Errorf("%s: family and since are required", r.ID)
		} else if !slices.Contains(checks.Families(), r.Family) {
			t.Errorf("%s: family %q is not one of checks.Families() %q: use a checks.Family* constant", r.ID, r.Family, checks.Families())
		}
		if len(r.Cites) == 0 && r.Family != checks.FamilyRecordHygiene {
			t.Errorf("%s: every rule cites the paragraph it enforces", r.ID)
		}
		for _, p := range r.Profiles {
			if _, err := lint.ShippedProfile(p); err != nil {
				t.Errorf("%s: %v", r.ID, err)
			}
		}
	}
	checkNeeds(t)
}

// TestFixtures runs every rule on its fixtures, testdata/checks/RULE/*/,
// requires each rule to have fixtures that fire and fixtures that stay
// quiet, and holds each rule to its Reads (linttest.CheckReads).
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "checks")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == linttest.BasesDir {
			continue // the bases fixtures overlay (linttest.FS)
		}
		r := checks.ByID(e.Name())
		if r == nil {
			t.Errorf("testdata/checks/%s: no rule of that id", e.Name())
			continue
		}
		have[r.ID] = true
		dirs, err := linttest.Dirs(filepath.Join(root, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fires, quiet, ran := false, false, false
		for _, dir := range dirs {
			t.Run(r.ID+"/"+filepath.Base(dir), func(t *testing.T) {
				ran = true
				res, problems, err := linttest.Check(dir, []*lint.Rule{r}, checks.All())
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range problems {
					t.Error(p)
				}
				reads, err := linttest.CheckReads(dir, r, checks.All())
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range reads {
					t.Error(p)
				}
				n := 0
				for _, f := range res.Findings {
					if f.RuleID == r.ID && f.Suppression == nil {
						n++
					}
				}
				if n > 0 {
					fires = true
				} else {
					quiet = true
				}
			})
		}
		if ran && (!fires || !quiet) {
			t.Errorf("%s: needs fixtures that fire (fires: %v) and fixtures that stay quiet (quiet: %v)", r.ID, fires, quiet)
		}
	}
	for _, r := range checks.All() {
		// The history rules read git history, which a fixture folder cannot
		// carry: history_test.go and the CLI's git tests cover them.
		if !have[r.ID] && r.Run != nil && !r.Has(lint.NeedsHistory) {
			t.Errorf("%s: no fixtures in testdata/checks/%s", r.ID, r.ID)
		}
	}
}
