package training_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/training"
)

// withKeyFile copies first-plan-review and gives it a key.toml.
func withKeyFile(t *testing.T, key string) string {
	t.Helper()
	dir := copyShipped(t, "first-plan-review")
	if err := os.WriteFile(filepath.Join(dir, training.KeyFile), []byte(key), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func loadFolder(t *testing.T, dir string) (*training.Exercise, error) {
	t.Helper()
	c, err := training.Folder(dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	return c.Get("")
}

const altKey = `
[[accept]]
item = "plan.md:63 unnamed-action-owner"
rule = "missing-action-timescale"
note = "an owner of 'all professionals' and a date nobody owns are one problem"

[[accept]]
item = "plan.md:65"
at = "plan.md:66"
`

func TestAcceptedAlternativesInTheKey(t *testing.T) {
	dir := withKeyFile(t, altKey)
	ex, err := loadFolder(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	k := ex.KeyItemFor("unnamed-action-owner", "plan.md", 63)
	if !k.Matches("unnamed-action-owner", "plan.md", 63) || !k.Matches("missing-action-timescale", "plan.md", 63) {
		t.Error("the item or its other rule does not match")
	}
	if k.Matches("missing-action-timescale", "plan.md", 64) {
		t.Error("an alternative rule matched another line")
	}
	k = ex.KeyItemFor("unnamed-action-owner", "plan.md", 65)
	if !k.Matches("unnamed-action-owner", "plan.md", 66) || k.Matches("missing-action-timescale", "plan.md", 66) {
		t.Error("the other place matches with the item's rule only")
	}

	// Spot marking credits an alternative as the item.
	answers := []training.Answer{
		{Rule: "missing-action-timescale", Path: "plan.md", Line: 63},
		{Rule: "unnamed-action-owner", Path: "plan.md", Line: 66},
	}
	r, err := ex.CheckSpot(ctx, answers)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Found) != 2 || len(r.Wrong) != 0 {
		t.Errorf("found %d, wrong %v: want both alternatives credited", len(r.Found), r.Wrong)
	}

	// Fix marking: a trainee who names an owner for A3 but leaves it
	// "ongoing" has the item still there, reported by the other rule, not
	// fixed with a new problem.
	tdir := filepath.Join(t.TempDir(), "t")
	if err := ex.Start(ctx, tdir, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(tdir, "plan.md"), "| All professionals | 2026-10-09 |", "| Lisa Ward | ongoing |")
	fr, err := ex.CheckFix(ctx, tdir)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range fr.Items {
		if it.Line == 63 && it.Rule == "unnamed-action-owner" && (it.Status != training.StillThere || it.Now.RuleID != "missing-action-timescale") {
			t.Errorf("A3: %v, want still there as missing-action-timescale", it.Status)
		}
	}
	for _, f := range fr.New {
		t.Errorf("new: %s:%d %s", f.Path, f.Pos.Line, f.RuleID)
	}

	// And the exercise still validates.
	v, err := training.Validate(ctx, dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.Problems {
		t.Error(p)
	}
}

func TestKeyFileIsStrict(t *testing.T) {
	for _, c := range []struct{ key, says string }{
		{"[[accept]]\nitem = \"plan.md:62 unnamed-action-owner\"\nrule = \"missing-action-timescale\"\n", "key.toml:1: item = \"plan.md:62 unnamed-action-owner\": not in the key"},
		{"[[accept]]\nitem = \"plan.md:63\"\n", "give the other rule"},
		{"[[accept]]\nitem = \"plan.md:63\"\nrule = \"unnamed-owner\"\n", "caselint has no such rule"},
		{"[[accept]]\nitem = \"plan.md:63\"\nat = \"plan.md:9999\"\n", "plan.md has"},
		{"[[accept]]\nitem = \"plan.md:63\"\nat = \"nowhere.md\"\n", "the case has no record nowhere.md"},
		{"[[accept]]\nitem = \"plan.md:63\"\nwhy = \"x\"\n", "unknown key accept.why"},
		{"[[accept]\n", "key.toml:2:"},
	} {
		_, err := loadFolder(t, withKeyFile(t, c.key))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("key.toml %q: got %v, want %q", c.key, err, c.says)
		}
	}
}

// An alternative whose rule is off under the exercise's profile could
// never be a trainee's right answer: validate says so, at key.toml.
func TestValidateAlternativeOffInProfile(t *testing.T) {
	dir := withKeyFile(t, "[[accept]]\nitem = \"plan.md:63\"\nrule = \"non-specific-label\"\n")
	validateFails(t, dir, "key.toml", "the alternative non-specific-label for plan.md:63 unnamed-action-owner is off under the profile \"stoke-on-trent\"")
}

// A folder that does not load (a brief holding a want comment) is a
// problem, said as load says it, not a usage error.
func TestValidateFolderThatDoesNotLoad(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	edit(t, filepath.Join(dir, "BRIEF.md"), "# ", "<!-- want: unnamed-action-owner -->\n# ")
	validateFails(t, dir, "", "BRIEF.md holds a want comment")
}
