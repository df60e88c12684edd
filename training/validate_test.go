package training_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/training"
)

// TestValidateShipped: every shipped exercise validates, as a trainer's
// folder on disk would.
func TestValidateShipped(t *testing.T) {
	rules := checks.All()
	names, err := training.Shipped(rules).Names()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			v, err := training.Validate(ctx, filepath.Join("exercises", name), rules)
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
func validateFails(t *testing.T, dir, at string, says ...string) *training.Validation {
	t.Helper()
	v, err := training.Validate(ctx, dir, checks.All())
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

// A want comment one row away from the problem: validate says to move it,
// with the lines in case/.
func TestValidateWrongKeyLine(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	plan := filepath.Join(dir, "case", "plan.md")
	edit(t, plan, "| All professionals | 2026-10-09 | O2 | <!-- want: unnamed-action-owner -->", "| All professionals | 2026-10-09 | O2 |")
	edit(t, plan, "| Dean Marsh | 2026-09-30 | O1, O4 |", "| Dean Marsh | 2026-09-30 | O1, O4 | <!-- want: unnamed-action-owner -->")
	validateFails(t, dir, "case/plan.md:62", "move the want comment for unnamed-action-owner from line 62 to line 63")
}

// A want for a problem the record does not have, and a finding the key
// lacks.
func TestValidateKeyMissingAndUnexpected(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	plan := filepath.Join(dir, "case", "plan.md")
	edit(t, plan, "| Amy Collins | 2026-10-16 | O1 |", "| Amy Collins | 2026-10-16 | O1 | <!-- want: missing-action-timescale -->")
	edit(t, plan, "| TBC | daily | O3 | <!-- want: unnamed-action-owner -->", "| TBC | daily | O3 |")
	v := validateFails(t, dir, "case/plan.md:65", "caselint finds unnamed-action-owner here, which the key does not have", "add <!-- want: unnamed-action-owner --> at the end of line 65")
	found := false
	for _, p := range v.Problems {
		found = found || strings.Contains(p.Message, "the key wants missing-action-timescale here, but caselint does not find it")
	}
	if !found {
		t.Errorf("no problem for the want with nothing there: %v", v.Problems)
	}
}

// A solution that leaves a problem, deletes a record and backdates a
// visit fails, each with what to change.
func TestValidateDirtySolution(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	sol := filepath.Join(dir, "solution", "visits")
	// Left as the case has it (want comment taken out).
	edit(t, filepath.Join(sol, "2026-09-22.md"), "seen_alone = false\n", "seen_alone = false\n")
	data, err := os.ReadFile(filepath.Join(dir, "case", "visits", "2026-09-22.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sol, "2026-09-22.md"), []byte(strings.Replace(string(data), " # want: missing-not-seen-reason", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(sol, "2026-10-07.md")); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(sol, "2026-09-09.md"), "date = 2026-09-09T10:30:00", "date = 2026-09-07T10:30:00")
	validateFails(t, dir, "solution/visits/2026-09-22.md:7", "missing-not-seen-reason is still there")
	validateFails(t, dir, "solution/visits/2026-10-07.md", "missing: a record is put right by a dated entry, never deleted")
	validateFails(t, dir, "solution/visits/2026-09-09.md:3", "changes the visit's date (case/ has 2026-09-09T10:30:00)")
}

// A solution that brings in a problem of its own fails.
func TestValidateSolutionBringsInAProblem(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	edit(t, filepath.Join(dir, "solution", "plan.md"), "| Amy Collins | 2026-10-16 |", "| TBC | 2026-10-16 |")
	validateFails(t, dir, "solution/plan.md:67", "the solution brings in a problem the case did not have: unnamed-action-owner")
}

// A brief that names a keyed rule, quotes its title or quotes what
// caselint says gives the answer away.
func TestValidateBriefGivesNoAnswer(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	brief := filepath.Join(dir, "BRIEF.md")
	edit(t, brief, "as it should have, does the record say why?", "as it should have, does the record say why?\nLook out for unseen-child.")
	validateFails(t, dir, "BRIEF.md:30", "names the rule unseen-child")

	dir = copyShipped(t, "seen-alone")
	brief = filepath.Join(dir, "BRIEF.md")
	edit(t, brief, "## Your task\n", "## Your task\n\nHint: the child was not seen alone\nas often as required.\n")
	validateFails(t, dir, "BRIEF.md:25", "quotes the title of unseen-child")

	// Quoting caselint's message for a key item.
	ex, err := training.Load(os.DirFS(filepath.Join("exercises", "seen-alone")), "seen-alone", "", checks.All())
	if err != nil {
		t.Fatal(err)
	}
	r, err := ex.Reveal(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var msg string
	for _, it := range r.Items {
		if it.Rule == "unseen-child" {
			msg = it.Message
		}
	}
	clause, _, _ := strings.Cut(msg, ";")
	dir = copyShipped(t, "seen-alone")
	edit(t, filepath.Join(dir, "BRIEF.md"), "## Your task\n", "## Your task\n\n"+clause+".\n")
	validateFails(t, dir, "BRIEF.md:25", "quotes what caselint says of unseen-child")
}

// A visit moved so that the child goes unseen for longer than the
// procedure allows, with no want for it: an accidental gap, and the visit
// to move and the day to move it to.
func TestValidateAccidentalGap(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	edit(t, filepath.Join(dir, "case", "visits", "2026-10-20.md"), "date = 2026-10-20T16:30:00", "date = 2026-10-23T16:30:00")
	validateFails(t, dir, "case/visits/2026-10-20.md:3", "accidental gap",
		"move the visit case/visits/2026-10-20.md:3 from 23 October 2026 to 21 October 2026 (or earlier)",
		"or add a visit that saw the child alone between 8 October 2026 and 21 October 2026 (caselint new visit --case case --date 2026-10-21)",
		"if the gap is meant, add # want: unseen-child at the end of line 3")

	// A visit moved too early: moving the next one earlier would open a
	// gap after it, so the one to move is the early one, back.
	dir = copyShipped(t, "seen-alone")
	edit(t, filepath.Join(dir, "case", "visits", "2026-10-07.md"), "date = 2026-10-07T15:00:00", "date = 2026-10-02T15:00:00")
	validateFails(t, dir, "case/visits/2026-10-20.md:3", "accidental gap",
		"move the visit case/visits/2026-10-07.md:3 from 2 October 2026 to 6 October 2026 (or a day up to 7 October 2026)")
}

// Every shipped exercise, validated by the command line's path: Validate
// on a folder that is not an exercise is a usage error.
func TestValidateNotAnExercise(t *testing.T) {
	if _, err := training.Validate(ctx, t.TempDir(), checks.All()); err == nil {
		t.Error("a folder with no exercise.toml validated")
	}
	if _, err := training.Validate(ctx, "exercises", checks.All()); err == nil {
		t.Error("a folder of exercises validated as one")
	}
}

// A draft with no want comments yet is validated: each finding is listed
// with the want comment to add, so a trainer writes the key from it.
func TestValidateDraftWithoutKey(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	err := filepath.WalkDir(filepath.Join(dir, "case"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s, err := training.Strip(p, data)
		if err != nil {
			return err
		}
		return os.WriteFile(p, s.Data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	validateFails(t, dir, "case", "no want comments yet")
	validateFails(t, dir, "case/plan.md:63", "caselint finds unnamed-action-owner here", "add <!-- want: unnamed-action-owner --> at the end of line 63")
	validateFails(t, dir, "case/plan.md:88", "caselint finds missing-contingency-plan here")
}

// A want comment after another comment on a frontmatter line is not read:
// validate says so, at its line, as well as the finding the key lacks.
func TestValidateUnreadWant(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	edit(t, filepath.Join(dir, "case", "visits", "2026-09-22.md"), "seen_alone = false # want: missing-not-seen-reason", "seen_alone = false # not alone # want: missing-not-seen-reason")
	validateFails(t, dir, "case/visits/2026-09-22.md:7", "this want: is not read as a want comment")
	validateFails(t, dir, "case/visits/2026-09-22.md:7", "caselint finds missing-not-seen-reason here, which the key does not have")
}

// A solution that deletes an action's row, or a section, instead of
// putting it right fails.
func TestValidateSolutionDeletesRowOrSection(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	plan := filepath.Join(dir, "solution", "plan.md")
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "| A5 |") {
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(plan, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, plan, "## Developmental needs", "## Needs")
	validateFails(t, dir, "solution/plan.md", "takes out the row A5 (case/plan.md:65)")
	validateFails(t, dir, "solution/plan.md", `takes out the section "Developmental needs"`)
}

// A finding the trainer did not seed can be accepted as incidental with a
// caselint:ignore comment and its reason; without a reason it cannot.
func TestValidateIncidental(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	plan := filepath.Join(dir, "case", "plan.md")
	edit(t, plan, "| Amy Collins | 2026-10-16 | O1 |", "| Amy Collins | ongoing | O1 | <!-- caselint:ignore missing-action-timescale the school nurse checks every half term; not what this exercise is about -->")
	for _, sol := range []string{filepath.Join(dir, "solution", "plan.md")} {
		edit(t, sol, "| Amy Collins | 2026-10-16 | O1 |", "| Amy Collins | ongoing | O1 | <!-- caselint:ignore missing-action-timescale the school nurse checks every half term; not what this exercise is about -->")
	}
	v, err := training.Validate(ctx, dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.Problems {
		t.Error(p)
	}
	if len(v.Incidental) != 1 || !strings.Contains(v.Incidental[0], "case/plan.md:67: missing-action-timescale") || !strings.Contains(v.Incidental[0], "school nurse") {
		t.Errorf("incidental: %q", v.Incidental)
	}
}

// An ignore with no reason suppresses nothing, so the finding is still
// unkeyed, and the ignore itself is a finding.
func TestValidateIncidentalNeedsAReason(t *testing.T) {
	dir := copyShipped(t, "first-plan-review")
	edit(t, filepath.Join(dir, "case", "plan.md"), "| Amy Collins | 2026-10-16 | O1 |", "| Amy Collins | ongoing | O1 | <!-- caselint:ignore missing-action-timescale -->")
	validateFails(t, dir, "case/plan.md:67", "caselint finds unexplained-suppression here")
}

// A gap still open at the as-of date is reported on the plan's started
// line: the visit to add, by when.
func TestValidateAccidentalGapOpenAtAsOf(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	if err := os.Remove(filepath.Join(dir, "case", "visits", "2026-11-17.md")); err != nil {
		t.Fatal(err)
	}
	validateFails(t, dir, "case/plan.md:3", "accidental gap",
		"add a visit that saw the child alone between 4 November 2026 and 17 November 2026 (caselint new visit --case case --date 2026-11-17)",
		"if the gap is meant, add # want: unseen-child at the end of line 3")
}

// A link in solution/ is never followed: the record it stands for is
// missing from the solution, and the link is named.
func TestValidateSolutionLinkNotFollowed(t *testing.T) {
	dir := copyShipped(t, "seen-alone")
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte("+++\ntype = \"visit\"\n+++\nSECRET\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rec := filepath.Join(dir, "solution", "visits", "2026-10-07.md")
	if err := os.Remove(rec); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, rec); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	v := validateFails(t, dir, "solution/visits/2026-10-07.md", "missing")
	noted := false
	for _, n := range v.Notes {
		noted = noted || strings.Contains(n, "solution/visits/2026-10-07.md")
	}
	for _, p := range v.Problems {
		if strings.Contains(p.Message, "SECRET") {
			t.Errorf("the link was followed: %s", p)
		}
	}
	if !noted {
		t.Errorf("the link is not named: %q", v.Notes)
	}
}
