package checks_test

import (
	"path/filepath"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
	"github.com/caselint/caselint/schema"
)

// TestStartQuiet lints, with every rule and under every shipped profile,
// cases whose records go back before this authority's plan started, each
// kept to its own timescales: a child who moved in with a plan (the
// previous authority's initial conference, review and core groups kept in
// the case), a child who moved away (the receiving authority's transfer
// conference ends the plan and starts nothing), and a re-plan (an earlier
// plan's records kept). Records before the start are history, not this
// plan's deadlines: nothing may be reported.
func TestStartQuiet(t *testing.T) {
	for _, name := range []string{"transfer-in-quiet", "transfer-out-quiet", "re-plan-quiet"} {
		t.Run(name, func(t *testing.T) { startQuiet(t, filepath.Join("..", "testdata", "start", name)) })
	}
}

func startQuiet(t *testing.T, dir string) {
	var rules []*lint.Rule
	for _, r := range checks.All() {
		if pendingStart[r.ID] {
			t.Logf("%s: not yet asking lint.Case for the plan's start; left out", r.ID)
			continue
		}
		rules = append(rules, r)
	}
	for _, profile := range lint.ShippedProfileNames {
		t.Run(profile, func(t *testing.T) {
			fx := linttest.Fixture{Profile: profile, AsOf: schema.NewDate(2026, 11, 6)}
			_, problems, err := linttest.CheckFixture(dir, fx, rules, checks.All())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// pendingStart are rules of other areas that still read every conference,
// not this authority's plan's (lint.Case.PlanConferences): remove each once
// it does. unseen-bedroom reports the previous authority's review.
var pendingStart = map[string]bool{}
