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
	// The baby in SOT-2026-0073 is next due to be seen awake on 1 December.
	for _, want := range []string{"1 December 2026: the baby seen awake by the lead worker"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dashboard does not say %q", want)
		}
		if !strings.Contains(due, "2026-12-01 Tue  in 11 days  the baby seen awake by the lead worker") || !strings.Contains(due, "from visits/2026-11-17.md: last seen awake") {
			t.Errorf("caselint due does not list the baby seen awake by 2026-12-01:\n%s", due)
		}
	}
	if strings.Contains(text, "—") && !strings.Contains(text, "none") {
		t.Errorf("a deadline column left unfilled")
	}
}
