package checks_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
)

// TestVariation lints the cases of testdata/variation, written the ways
// different practitioners write records (see its README), with every rule
// as the fixture's profile has them. Every error and warning must be
// wanted by a want comment at its line, and every want found; notes are
// not compared.
func TestVariation(t *testing.T) {
	all := checks.All()
	under := map[string]bool{}
	for _, r := range all {
		under[r.ID] = true
	}
	dirs, err := linttest.Dirs(filepath.Join("..", "testdata", "variation"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata/variation")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, _, err := linttest.Check(dir, all, all)
			if err != nil {
				t.Fatal(err)
			}
			wants, err := linttest.Expectations(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range wants {
				if !under[w.Rule] {
					t.Errorf("%s: want names %s, which is not a registered rule", w, w.Rule)
				}
			}
			var findings []lint.Finding
			for _, f := range res.Findings {
				if f.Severity >= lint.Warning {
					findings = append(findings, f)
				}
			}
			for _, p := range linttest.Compare(findings, wants, under) {
				t.Error(p)
			}
		})
	}
}
