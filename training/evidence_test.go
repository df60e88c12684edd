package training_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/training"
)

// The commits a trainee makes in these tests are dated, never the clock's.
var traineeTime = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// solved starts ex and puts it right as its solution/ says.
func solved(t *testing.T, ex *training.Exercise, git bool) string {
	t.Helper()
	dir := start(t, ex, git)
	overlay(t, dir, ex.Solution(), ex)
	return dir
}

// rewrite replaces old with new in the file p of dir (old must be there).
func rewrite(t *testing.T, dir, p, old, new string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", p, old)
	}
	if err := os.WriteFile(full, []byte(strings.Replace(string(data), old, new, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
}

// original puts the file p of dir back as the exercise started it.
func original(t *testing.T, ex *training.Exercise, dir, p string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), ex.Files[p], 0o600); err != nil {
		t.Fatal(err)
	}
}

// commitAll commits every change in dir as the trainee, at when.
func commitAll(t *testing.T, dir, msg string, when time.Time) {
	t.Helper()
	repo, err := vcs.OpenWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repo.Commit(nil, vcs.Signature{Name: "Trainee", Email: "trainee@example.invalid", When: when}, msg); err != nil {
		t.Fatal(err)
	}
}

// falsified checks a falsified "solution": it is not done, the evidence
// change of kind is reported in path, each item of rules in path (if any)
// is not counted, and the report says the evidence was changed and why.
func falsified(t *testing.T, ex *training.Exercise, dir string, kind training.EvidenceKind, path string, items ...string) *training.FixReport {
	t.Helper()
	r, err := ex.CheckFix(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Done() {
		t.Error("a falsified record is marked done")
	}
	found := false
	for _, c := range r.Evidence {
		if c.Kind == kind && c.Path == path {
			found = true
		}
	}
	if !found {
		t.Errorf("no %q in %s among the changes: %+v", kind, path, r.Evidence)
	}
	for _, at := range items {
		seen := false
		for _, it := range r.Items {
			if it.At()+" "+it.Rule == at {
				seen = true
				if it.Status != training.ChangedEvidence {
					t.Errorf("%s: %s, want changed the evidence", at, it.Status)
				}
			}
		}
		if !seen {
			t.Errorf("no item %s", at)
		}
	}
	if len(items) > 0 && r.Fixed() == len(r.Items) {
		t.Errorf("full marks for a falsified record")
	}
	var out strings.Builder
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"You changed the evidence", string(kind), "never by rewriting what was recorded", "not counted: "} {
		if len(items) == 0 && w == "not counted: " {
			continue
		}
		if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
	if strings.Contains(out.String(), "well done") {
		t.Errorf("a falsified record is 'well done':\n%s", out.String())
	}
	return r
}

// TestFalsifiedSolutions: each kind of falsification, on several shipped
// exercises, put in place of the right fix while everything else is put
// right, fails and is reported as changed evidence; the problem it hid is
// never counted as fixed.
func TestFalsifiedSolutions(t *testing.T) {
	tests := []struct {
		name, exercise string
		falsify        func(t *testing.T, ex *training.Exercise, dir string)
		kind           training.EvidenceKind
		path           string
		items          []string
	}{
		{"asleep becomes awake and seen alone", "seen-alone", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-09-22.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "seen_alone = false", "seen_alone = true")
			rewrite(t, dir, p, "awake = false", "awake = true")
		}, training.ChangedFact, "visits/2026-09-22.md", []string{"visits/2026-09-22.md:7 missing-not-seen-reason"}},
		{"a child who was not there is seen", "seen-alone", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-10-06.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "child_seen = false", "child_seen = true\nseen_alone = true")
			// Its notes made to agree: left saying "Archie was not
			// there.", the record still reads as not seeing him.
			rewrite(t, dir, p, "Archie was not there.", "Archie was content.")
			rewrite(t, dir, p, "Archie was not there.", "Archie was clean.")
		}, training.ChangedFact, "visits/2026-10-06.md", []string{"visits/2026-10-06.md:6 missing-not-seen-reason"}},
		{"a visit invented in the past", "seen-alone", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-09-09.md"
			original(t, ex, dir, p)
			visit := "+++\ntype = \"visit\"\ndate = 2026-09-04T10:00:00\nby = \"Grace Adeyemi\"\npresent = [\"Archie\", \"Kayleigh Doyle\"]\nchild_seen = true\nseen_alone = true\nawake = true\nbedroom_seen = true\n+++\n\n## Observations\n\nArchie was awake and well.\n\n## Wishes and feelings\n\nArchie smiled.\n\n## Meals and sleeping\n\nFed at 9.\n\n## Presentation and behaviour\n\nClean and alert.\n\n## Incidents and injuries\n\nNone.\n"
			if err := os.WriteFile(filepath.Join(dir, "visits", "2026-09-04.md"), []byte(visit), 0o600); err != nil {
				t.Fatal(err)
			}
		}, training.BackdatedRecord, "visits/2026-09-04.md", []string{"visits/2026-09-09.md:3 unseen-child"}},
		{"a visit backdated", "refused-at-the-door", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-04-23.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "date = 2026-04-23T09:15:00", "date = 2026-04-22T09:15:00")
		}, training.ChangedFact, "visits/2026-04-23.md", []string{"visits/2026-04-23.md:3 unseen-child"}},
		{"an escalation backdated", "refused-at-the-door", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-04-14.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "escalated = 2026-04-21", "escalated = 2026-04-14")
		}, training.ChangedFact, "visits/2026-04-14.md", []string{"visits/2026-04-14.md:8 unescalated-refusal"}},
		{"an action's row deleted", "first-plan-review", func(t *testing.T, ex *training.Exercise, dir string) {
			rewrite(t, dir, "plan.md", "| A5 | Get Ellie to breakfast club by 8:15 each school day | Kerry Barker | daily | O3 |\n", "")
		}, training.DeletedEntry, "plan.md", []string{"plan.md:65 unnamed-action-owner"}},
		{"Someone added to own an action", "first-plan-review", func(t *testing.T, ex *training.Exercise, dir string) {
			rewrite(t, dir, "plan.md", "| Kerry Barker | daily | O3 |", "| Someone | daily | O3 |")
			rewrite(t, dir, "case.md", "[[people]]\n", "[[people]]\nname = \"Someone\"\nrole = \"family support worker\"\nagency = \"Children's Services\"\n\n[[people]]\n")
		}, training.InventedPerson, "case.md", []string{"plan.md:65 unnamed-action-owner"}},
		{"a core group's record deleted", "core-group-rhythm", func(t *testing.T, ex *training.Exercise, dir string) {
			if err := os.Remove(filepath.Join(dir, "core-groups", "2026-07-03.md")); err != nil {
				t.Fatal(err)
			}
		}, training.DeletedRecord, "core-groups/2026-07-03.md", []string{"core-groups/2026-07-03.md:9 late-minutes"}},
		{"a late core group made a note, not a record", "core-group-rhythm", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "core-groups/2026-06-05.md"
			data := string(ex.Files[p])
			end := strings.Index(data[3:], "+++") + 3
			if err := os.WriteFile(filepath.Join(dir, p), []byte(data[end+4:]), 0o600); err != nil {
				t.Fatal(err)
			}
		}, training.DeletedRecord, "core-groups/2026-06-05.md", []string{"core-groups/2026-06-05.md:3 late-first-core-group"}},
		{"a plan's start moved", "first-plan-review", func(t *testing.T, ex *training.Exercise, dir string) {
			rewrite(t, dir, "plan.md", "started = 2026-", "started = 2027-")
		}, training.ChangedFact, "plan.md", nil},
		{"a visit's observations deleted", "visit-records", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-09-15.md"
			original(t, ex, dir, p)
			data := string(ex.Files[p])
			i, j := strings.Index(data, "## Observations"), strings.Index(data, "## Wishes and feelings")
			if err := os.WriteFile(filepath.Join(dir, p), []byte(data[:i]+data[j:]), 0o600); err != nil {
				t.Fatal(err)
			}
		}, training.DeletedSection, "visits/2026-09-15.md", []string{"visits/2026-09-15.md:14 non-specific-label"}},
		{"a vague sentence deleted from a visit", "visit-records", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "visits/2026-09-15.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "Claire Whitworth phoned before the visit: since the start of term Finley's\nbehaviour has been challenging and he hit a boy in the lunch queue on 11\nSeptember. ", "")
		}, training.DeletedText, "visits/2026-09-15.md", []string{"visits/2026-09-15.md:14 non-specific-label"}},
		{"a premature ending deleted without a word", "ending-too-soon", func(t *testing.T, ex *training.Exercise, dir string) {
			original(t, ex, dir, "plan.md")
			rewrite(t, dir, "plan.md", "[cessation]\ndate = 2026-05-14\nreason = \"no longer at risk\"\nconference = \"conferences/2026-05-14-review.md\"\nnotified = [\"Gemma Birks\", \"Pat Birks\", \"Louise Tomkinson\", \"Angela Wood\"]\n", "")
		}, training.DeletedEntry, "plan.md", nil},
		{"a bedroom seen after the event", "full-review", func(t *testing.T, ex *training.Exercise, dir string) {
			// The gap the rewrite of 21 July hid, closed by another
			// visit's facts instead of being recorded.
			original(t, ex, dir, "conferences/2026-09-24-review.md")
			rewrite(t, dir, "visits/2026-09-08.md", "bedroom_seen = false", "bedroom_seen = true")
		}, training.ChangedFact, "visits/2026-09-08.md", nil},
		{"a countersignature claimed in the past", "full-review", func(t *testing.T, ex *training.Exercise, dir string) {
			rewrite(t, dir, "plan.md", "countersigned = 2026-11-27", "countersigned = 2026-03-27")
		}, training.ChangedFact, "plan.md", []string{"plan.md:8 uncountersigned-plan"}},
		{"a translated copy claimed given in March", "full-review", func(t *testing.T, ex *training.Exercise, dir string) {
			rewrite(t, dir, "plan.md", "given = 2026-11-27 # Romanian translation", "given = 2026-03-30 # Romanian translation")
		}, training.ChangedFact, "plan.md", []string{"plan.md:21 missing-plan-copy"}},
		{"minutes' circulation backdated", "core-group-rhythm", func(t *testing.T, ex *training.Exercise, dir string) {
			p := "core-groups/2026-07-03.md"
			original(t, ex, dir, p)
			rewrite(t, dir, p, "minutes_circulated = 2026-07-09", "minutes_circulated = 2026-07-07")
		}, training.ChangedFact, "core-groups/2026-07-03.md", []string{"core-groups/2026-07-03.md:9 late-minutes"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ex := shipped(t, tc.exercise)
			dir := solved(t, ex, ex.Git)
			tc.falsify(t, ex, dir)
			falsified(t, ex, dir, tc.kind, tc.path, tc.items...)
		})
	}
}

// TestLateEntriesMarkedHonestly: in late-entries, putting the rewritten
// record back as the brief asks is not "a new problem", and leaving the
// falsified record with short or one-word suppressions is not "well done".
func TestLateEntriesMarkedHonestly(t *testing.T) {
	ex := shipped(t, "late-entries")
	t.Run("short suppressions on the falsified record", func(t *testing.T) {
		t.Parallel()
		dir := start(t, ex, false)
		rewrite(t, dir, "visits/2026-09-29.md", "date = 2026-09-29T17:00:00", "date = 2026-09-29T17:00:00 # caselint:ignore rewritten-record looks fine")
		rewrite(t, dir, "visits/2026-10-13.md", "date = 2026-10-13T08:30:00", "date = 2026-10-13T08:30:00 # caselint:ignore late-recording entered late")
		rewrite(t, dir, "core-groups/2026-10-22.md", "date = 2026-10-22", "date = 2026-10-22 # caselint:ignore late-recording entered late")
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if r.Done() || r.Fixed() != 0 {
			t.Errorf("short suppressions: %d put right, done %v", r.Fixed(), r.Done())
		}
		n := 0
		for _, it := range r.Items {
			if it.Now != nil && it.Now.Suppression != nil {
				n++
				if it.Status != training.SuppressedNotAccepted {
					t.Errorf("%s %s: %s", it.At(), it.Rule, it.Status)
				}
			}
		}
		if n != 3 {
			t.Errorf("%d seeded problems suppressed, want 3", n)
		}
		if len(r.Suppressions) != 3 {
			t.Errorf("suppressions listed: %+v", r.Suppressions)
		}
		var out strings.Builder
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"Suppressions, for your trainer to judge (3)", `"looks fine"`, `"entered late"`, "too short to say"} {
			if !strings.Contains(out.String(), w) {
				t.Errorf("report lacks %q:\n%s", w, out.String())
			}
		}
		if strings.Contains(out.String(), "well done") {
			t.Errorf("short suppressions are 'well done':\n%s", out.String())
		}
	})
	t.Run("one-word suppressions suppress nothing", func(t *testing.T) {
		// The engine refuses a one-word reason (unexplained-suppression):
		// the seeded problems stay in view, and each comment is a new
		// problem the trainee made.
		t.Parallel()
		dir := start(t, ex, false)
		rewrite(t, dir, "visits/2026-09-29.md", "date = 2026-09-29T17:00:00", "date = 2026-09-29T17:00:00 # caselint:ignore rewritten-record ok")
		rewrite(t, dir, "visits/2026-10-13.md", "date = 2026-10-13T08:30:00", "date = 2026-10-13T08:30:00 # caselint:ignore late-recording late")
		rewrite(t, dir, "core-groups/2026-10-22.md", "date = 2026-10-22", "date = 2026-10-22 # caselint:ignore late-recording late")
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if r.Done() || r.Fixed() != 0 || len(r.Suppressions) != 0 {
			t.Errorf("one-word suppressions: %d put right, done %v, suppressions %+v", r.Fixed(), r.Done(), r.Suppressions)
		}
		var out strings.Builder
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"You introduced 3 new problems", `"ok", which does not say why`, "[unexplained-suppression]"} {
			if !strings.Contains(out.String(), w) {
				t.Errorf("report lacks %q:\n%s", w, out.String())
			}
		}
		if strings.Contains(out.String(), "well done") {
			t.Errorf("one-word suppressions are 'well done':\n%s", out.String())
		}
	})
	t.Run("the record put back, the gap not yet recorded", func(t *testing.T) {
		t.Parallel()
		dir := solved(t, ex, true)
		// The trainee has not yet recorded the gap the rewrite hid.
		rewrite(t, dir, "visits/2026-10-13.md", "# caselint:ignore unseen-child Tyler was not seen alone between 16 September and 13 October: the visit of 29 September did not see him alone; Rachel Green has reported the gap to David Okoro for the review conference\n", "")
		commitAll(t, dir, "Put back the visit of 29 September as first recorded", traineeTime)
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.New) != 0 || len(r.Evidence) != 0 {
			t.Errorf("putting the record back: new %+v, evidence %+v", r.New, r.Evidence)
		}
		// The gap is either in the key (still there) or, where the key
		// lacks it, shown as brought into view: never as introduced.
		inKey := false
		for _, it := range r.Items {
			if it.Rule == "unseen-child" && it.Path == "visits/2026-10-13.md" {
				inKey = it.Status == training.StillThere
			}
		}
		if !inKey && (len(r.Uncovered) != 1 || r.Uncovered[0].RuleID != "unseen-child") {
			t.Errorf("uncovered: %+v", r.Uncovered)
		}
		if r.Done() {
			t.Error("done with the gap unrecorded")
		}
		var out strings.Builder
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "You introduced") || !inKey && !strings.Contains(out.String(), "brought 1 problem into view") {
			t.Errorf("report:\n%s", out.String())
		}
	})
	t.Run("the history rewritten", func(t *testing.T) {
		t.Parallel()
		dir := solved(t, ex, true)
		// The facts put back, and the late change wiped from the history:
		// a new repository with one commit.
		if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
			t.Fatal(err)
		}
		if _, err := vcs.InitWorkTree(dir, "main"); err != nil {
			t.Fatal(err)
		}
		commitAll(t, dir, "Records", traineeTime)
		falsified(t, ex, dir, training.RewroteHistory, "", "visits/2026-09-29.md:3 rewritten-record")
	})
}

// TestTraineeCommitsAreRead: with git, a falsification the trainee
// committed is seen even when the folder has been put back since, and a
// right fix committed is still full marks.
func TestTraineeCommitsAreRead(t *testing.T) {
	ex := shipped(t, "seen-alone")
	t.Run("committed and put back", func(t *testing.T) {
		t.Parallel()
		dir := start(t, ex, true)
		rewrite(t, dir, "visits/2026-09-22.md", "seen_alone = false", "seen_alone = true")
		commitAll(t, dir, "Visit of 22 September", traineeTime)
		overlay(t, dir, ex.Solution(), ex)
		commitAll(t, dir, "Put right", traineeTime.Add(time.Hour))
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if r.Done() || len(r.Evidence) != 1 || !strings.Contains(r.Evidence[0].Commit, "Visit of 22 September") || !strings.Contains(r.Evidence[0].What, "seen_alone: false → true") {
			t.Errorf("done %v, evidence %+v", r.Done(), r.Evidence)
		}
	})
}

// TestSolutionsCommitted: every shipped exercise's solution, committed by
// the trainee in a repository (--git, or the exercise's own history),
// scores full marks with nothing changed of the evidence.
func TestSolutionsCommitted(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			t.Parallel()
			dir := solved(t, ex, true)
			commitAll(t, dir, "Put right", traineeTime)
			r, err := ex.CheckFix(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Done() || r.Fixed() != len(r.Items) {
				var out strings.Builder
				_ = r.WriteText(&out)
				t.Errorf("solution committed: not full marks:\n%s", out.String())
			}
		})
	}
}

// TestEvidenceHostileRecords: a trainee's record that is garbage, deeply
// nested or huge ends in a marking, never a panic; a solution saved with
// CRLF line endings is still full marks.
func TestEvidenceHostileRecords(t *testing.T) {
	ex := shipped(t, "seen-alone")
	t.Run("CRLF", func(t *testing.T) {
		t.Parallel()
		dir := solved(t, ex, false)
		for p := range ex.Files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			data, err := os.ReadFile(full)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(strings.ReplaceAll(string(data), "\n", "\r\n")), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Done() {
			t.Errorf("a solution with CRLF endings: evidence %+v", r.Evidence)
		}
	})
	t.Run("garbage", func(t *testing.T) {
		t.Parallel()
		dir := solved(t, ex, true)
		bad := map[string]string{
			"visits/2026-09-22.md": "+++\ntype = \"visit\"\ndate = [[[[\n+++\n\x00\xff\xfe",
			"visits/2026-10-06.md": "+++\n" + strings.Repeat("a = [", 100000) + "\n+++\n",
			"visits/2026-10-07.md": strings.Repeat("x", 1<<20),
			"visits/new.md":        "+++\ntype = \"visit\"\ndate = 2026-01-01T10:00:00\n" + strings.Repeat("[", 5000) + "\n+++\n",
		}
		for p, data := range bad {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), []byte(data), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		commitAll(t, dir, "garbage", traineeTime)
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if r.Done() {
			t.Error("garbage is done")
		}
		var out strings.Builder
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "\x00") || strings.Contains(out.String(), "\xff") {
			t.Errorf("report holds raw bytes:\n%q", out.String())
		}
	})
}
