package checks_test

import (
	"path/filepath"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
)

// TestSamples lints the shipped sample cases (the README's first command)
// with every rule: the findings must be exactly those their want comments
// name.
func TestSamples(t *testing.T) {
	all := checks.All()
	under := all
	_, problems, err := linttest.Check(filepath.Join("..", "testdata", "samples"), under, all)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestWellKeptSample requires the well-kept sample to be clean (no error or
// warning) under every shipped profile.
func TestWellKeptSample(t *testing.T) {
	all := checks.All()
	for _, prof := range lint.ShippedProfileNames {
		t.Run(prof, func(t *testing.T) {
			res, err := linttest.Lint(filepath.Join("..", "testdata", "samples", "well-kept"), prof, all)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Suppression == nil && f.Severity >= lint.Warning {
					t.Errorf("%s:%d:%d: %s: %s [%s]", f.Path, f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.RuleID)
				}
			}
		})
	}
}
