package training

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// TestReportsArePrintable: a trainee's file names, answers and records
// reach the marking escaped, as lint's text format shows them (issue 14,
// item 18).
func TestReportsArePrintable(t *testing.T) {
	ex := &Exercise{Name: "t"}
	ex.Title, ex.Level, ex.Profile, ex.AsOf = "t", 1, "combined", schema.NewDate(2026, 1, 1)
	evil := "a\x1b[2J\a\u202e\nb"
	var out strings.Builder
	spot := &SpotReport{Exercise: ex,
		Wrong: []Wrong{{Answer: Answer{Rule: "rule" + evil, Path: "cases/" + evil + ".md", Line: 3}, Hint: "hint" + evil}},
		Notes: []string{"note " + evil}}
	if err := spot.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	fix := &FixReport{Exercise: ex,
		New:   []lint.Finding{{RuleID: "r", Severity: lint.Error, Path: "cases/" + evil + ".md", Pos: schema.Position{Line: 1, Col: 1}, Message: "msg " + evil}},
		Notes: []string{"note " + evil}}
	if err := fix.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\x1b", "\a", "\u202e", "\nb"} {
		if strings.Contains(out.String(), bad) {
			t.Errorf("the marking holds %q raw:\n%q", bad, out.String())
		}
	}
	if !strings.Contains(out.String(), `a\x1b[2J\x07\u202e\nb`) {
		t.Errorf("the marking does not show the names escaped:\n%s", out.String())
	}
}
