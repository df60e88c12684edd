package lintcmd_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestHTMLDeadlines: the dashboard's next deadline and overdue count are
// caselint due's, for the same records as of the same day.
func TestHTMLDeadlines(t *testing.T) {
	samples, err := filepath.Abs("../../../../testdata/samples")
	if err != nil {
		t.Fatal(err)
	}
	code, page, errOut := caselint(t, samples, "lint", "--as-of", "2026-11-20", "--format", "html", ".")
	if code == cmdutil.ExitError {
		t.Fatalf("exit 2: %s", errOut)
	}
	_, due, errOut := caselint(t, samples, "due", "--as-of", "2026-11-20", ".")
	if errOut != "" {
		t.Logf("due: %s", errOut)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, " "), " ")
	// SOT-2026-0073's next deadline is the review conference plan.md set
	// for 5 November, passed (missing-review-date); the baby is next due
	// to be seen awake on 1 December, after it.
	want := "SOT-2026-0073 Leo Ola Adeyemi 8 June 2026 23 weeks 5 November 2026: the review conference held on the date the plan sets for it"
	if !strings.Contains(text, want) {
		t.Errorf("the dashboard does not say %q", want)
	}
	if !strings.Contains(due, "2026-11-05 Thu  OVERDUE by 15 days  the review conference held on the date the plan sets for it") ||
		!strings.Contains(due, "2026-12-01 Tue  in 11 days  the baby seen awake by the lead worker") || !strings.Contains(due, "from visits/2026-11-17.md: last seen awake") {
		t.Errorf("caselint due does not list the review date of 2026-11-05 and the baby seen awake by 2026-12-01:\n%s", due)
	}
	if strings.Contains(text, "—") && !strings.Contains(text, "none") {
		t.Errorf("a deadline column left unfilled")
	}
}
