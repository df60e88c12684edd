package exercisecmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/lint/exercise"
)

// TestCheckExitsOnEvidence: as a trainee runs it, the right fix exits 0
// with full marks; the same fix with one record falsified exits 1 and
// says the evidence was changed (issue 15).
func TestCheckExitsOnEvidence(t *testing.T) {
	ex, err := exercise.Shipped(checks.All()).Get("seen-alone")
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

	// The visit of 6 October falsified: Archie, who was out, "seen".
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
	for _, w := range []string{"changed the evidence  visits/2026-10-06.md:6", "You changed the evidence", "child_seen: false → true", "well done"} {
		if strings.Contains(out, w) != (w != "well done") {
			t.Errorf("falsified: %q: %v:\n%s", w, !strings.Contains(out, w), out)
		}
	}
}
