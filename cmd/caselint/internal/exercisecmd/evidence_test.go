package exercisecmd

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/training"
)

// TestCheckExitsOnEvidence: as a trainee runs it, the right fix exits 0
// with full marks; the same fix with one record falsified exits 1 and
// says the evidence was changed (issue 15).
func TestCheckExitsOnEvidence(t *testing.T) {
	ex, err := training.Shipped(checks.All()).Get("seen-alone")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "archie")
	if _, err := run(t, "start", "seen-alone", dir); err != nil {
		t.Fatal(err)
	}
	sol := ex.Solution()
	err = fs.WalkDir(sol, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sol, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "check", dir)
	if err != nil || !strings.Contains(out, "(100%)") || !strings.Contains(out, "well done") {
		t.Fatalf("the solution: err %v:\n%s", err, out)
	}

	// The visit of 6 October falsified: Archie, who was out, "seen" (its
	// notes left saying he was not there).
	p := filepath.Join(dir, "visits", "2026-10-06.md")
	if err := os.WriteFile(p, ex.Files["visits/2026-10-06.md"], 0o600); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	s := strings.Replace(string(data), "child_seen = false", "child_seen = true\nseen_alone = true", 1)
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "check", dir)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("falsified: err = %v", err)
	}
	// The record's own words ("Archie was not there.") still say he was
	// not seen, so the seeded problem is still found there, not taken
	// away by the change.
	for _, w := range []string{"1 seeded problem still to fix", "You changed the evidence", "child_seen: false → true", "well done"} {
		if strings.Contains(out, w) != (w != "well done") {
			t.Errorf("falsified: %q: %v:\n%s", w, !strings.Contains(out, w), out)
		}
	}
}

// TestCheckJSONCarriesEvidence: check --format json shows the trainee the
// evidence they changed and their suppressions, and holds back what is
// still there (the same view as the text).
func TestCheckJSONCarriesEvidence(t *testing.T) {
	ex, err := training.Shipped(checks.All()).Get("seen-alone")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "archie")
	if _, err := run(t, "start", "seen-alone", dir); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "visits", "2026-10-06.md")
	s := strings.Replace(string(ex.Files["visits/2026-10-06.md"]), "child_seen = false", "child_seen = true\nseen_alone = true", 1)
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "check", "--format", "json", dir)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v", err)
	}
	var res training.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(res.ChangedEvidence) == 0 || res.ChangedEvidence[0].Path != "visits/2026-10-06.md" || !strings.Contains(res.ChangedEvidence[0].What, "child_seen") {
		t.Errorf("changed_evidence: %+v", res.ChangedEvidence)
	}
	if res.Trainer || len(res.HeldBack) == 0 {
		t.Errorf("the trainee's view holds nothing back: %+v", res)
	}
	for _, it := range res.Items {
		if it.Status == training.StillThere.String() {
			t.Errorf("a problem still there is listed to the trainee: %+v", it)
		}
	}
}
