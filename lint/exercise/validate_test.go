package exercise_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint/exercise"
)

// TestValidateShipped: every shipped exercise validates, as a trainer's
// folder on disk would.
func TestValidateShipped(t *testing.T) {
	rules := checks.All()
	names, err := exercise.Shipped(rules).Names()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			v, err := exercise.Validate(ctx, filepath.Join("exercises", name), rules)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range v.Problems {
				t.Errorf("%s", p)
			}
			for _, n := range v.Notes {
				t.Logf("note: %s", n)
			}
		})
	}
}

// copyShipped copies a shipped exercise's folder into a temporary folder,
// for a trainer to break.
func copyShipped(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("exercises", name))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// validateFails validates dir and requires a problem at at whose message
// holds each of says.
func validateFails(t *testing.T, dir, at string, says ...string) *exercise.Validation {
	t.Helper()
	v, err := exercise.Validate(ctx, dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	if v.OK() {
		t.Fatalf("validate passed a broken exercise")
	}
	for _, p := range v.Problems {
		if p.At != at {
			continue
		}
		ok := true
		for _, s := range says {
			ok = ok && strings.Contains(p.Message, s)
		}
		if ok {
			return v
		}
	}
	t.Errorf("no problem at %s saying %q; got:", at, says)
	for _, p := range v.Problems {
		t.Errorf("  %s", p)
	}
	return v
}
