package training_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/training"
)

var ctx = context.Background()

// TestShippedExercises checks every exercise built into caselint, as a
// trainee would meet it: started and checked untouched, it reports exactly
// its key, all still there; put right as its solution/ says, every key item
// is fixed and nothing is new; a spot answers file with some right, some
// wrong and some missing answers is marked as such.
func TestShippedExercises(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) == 0 {
		t.Fatal("no shipped exercises")
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			t.Parallel()
			testUntouched(t, ex)
			testSolution(t, ex)
			testSpot(t, ex)
		})
	}
}

// start starts ex in a new folder and returns it.
func start(t *testing.T, ex *training.Exercise, git bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "trainee")
	if err := ex.Start(ctx, dir, training.StartOptions{Git: git}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func testUntouched(t *testing.T, ex *training.Exercise) {
	dir := start(t, ex, false)
	// The key never reaches the trainee: no want comment in any file, the
	// git history included.
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte("want:")) {
			t.Errorf("%s holds a want comment: the key reached the trainee's folder", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ex.Git {
		noWantsInHistory(t, dir)
	}
	// The folder knows its exercise.
	opened, err := training.Open(dir, "", checks.All())
	if err != nil {
		t.Fatal(err)
	}
	if opened.Name != ex.Name {
		t.Fatalf("Open: exercise %q, want %q", opened.Name, ex.Name)
	}
	r, err := opened.CheckFix(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Items) != len(ex.Key) {
		t.Fatalf("%d items, key has %d", len(r.Items), len(ex.Key))
	}
	for _, it := range r.Items {
		if it.Status != training.StillThere {
			t.Errorf("untouched: %s %s is %s, want still there", it.At(), it.Rule, it.Status)
		}
		if it.Message == "" {
			t.Errorf("untouched: %s %s: caselint does not report it in the case as started", it.At(), it.Rule)
		}
	}
	for _, f := range r.New {
		t.Errorf("untouched: reported as new: %s:%d: %s: %s", f.Path, f.Pos.Line, f.RuleID, f.Message)
	}
	for _, n := range r.Notes {
		t.Errorf("untouched: note: %s", n)
	}
	if r.Fixed() != 0 || r.Done() {
		t.Errorf("untouched: %d fixed, done %v", r.Fixed(), r.Done())
	}
	var out bytes.Buffer
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("Score: 0 of %d seeded problems put right (0%%).", len(ex.Key)); !strings.Contains(out.String(), want) {
		t.Errorf("untouched report lacks %q:\n%s", want, out.String())
	}
	// With --git, a history that makes no record late changes nothing.
	if !ex.Git {
		gdir := start(t, ex, true)
		r, err := ex.CheckFix(ctx, gdir)
		if err != nil {
			t.Fatal(err)
		}
		if r.Fixed() != 0 || len(r.New) != 0 {
			t.Errorf("started with --git: %d fixed, %d new", r.Fixed(), len(r.New))
		}
		// The history rules find nothing late in it.
		repo, err := vcs.Open(gdir)
		if err != nil {
			t.Fatal(err)
		}
		defer repo.Close()
		h, err := repo.History()
		if err != nil {
			t.Fatal(err)
		}
		prof, err := lint.ShippedProfile(ex.Profile)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(ctx, lint.Options{FS: os.DirFS(gdir), Rules: checks.All(), Profile: prof, AsOf: ex.AsOf, History: h})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Attributed != nil || ex.Rule(f.RuleID).Has(lint.NeedsHistory) {
				t.Errorf("started with --git: %s:%d: %s: %s", f.Path, f.Pos.Line, f.RuleID, f.Message)
			}
		}
		if len(h.Versions("plan.md")) == 0 && len(h.Versions(firstCase(ex)+"plan.md")) == 0 {
			t.Error("started with --git: plan.md never committed")
		}
	}
}

// noWantsInHistory requires no committed version of any file to hold a want
// comment.
func noWantsInHistory(t *testing.T, dir string) {
	t.Helper()
	log, err := vcs.Log(dir)
	if err != nil && !errors.Is(err, vcs.ErrNoCommits) {
		t.Fatal(err)
	}
	n := len(log)
	for _, c := range log {
		for name, data := range c.Files(1 << 30) {
			if strings.Contains(string(data), "want:") {
				t.Errorf("commit %s: %s holds a want comment", c.Hash[:7], name)
			}
		}
	}
	if n == 0 {
		t.Error("the exercise has a history, and the repository has no commits")
	}
}

// testSolution puts the started case right as solution/ says: every key
// item is fixed (or suppressed with a reason) and nothing is new.
func testSolution(t *testing.T, ex *training.Exercise) {
	sol := ex.Solution()
	if sol == nil {
		t.Fatalf("no %s/: a shipped exercise shows the case put right", training.SolutionDir)
	}
	dir := start(t, ex, false)
	overlay(t, dir, sol, ex)
	r, err := ex.CheckFix(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Items {
		switch it.Status {
		case training.StillThere:
			t.Errorf("solution: %s %s is still there: %s", it.At(), it.Rule, it.Now.Message)
		case training.Fixed, training.Suppressed:
		default:
			t.Errorf("solution: %s %s is %s: %s", it.At(), it.Rule, it.Status, it.Why)
		}
	}
	// The right fix never changes the evidence, and every suppression
	// carries a reason that counts.
	for _, c := range r.Evidence {
		t.Errorf("solution: changed the evidence: %s: %s: %s", c.At(), c.Kind, c.What)
	}
	for _, s := range r.Suppressions {
		if s.Weak != "" {
			t.Errorf("solution: suppression at %s:%d not accepted: %s", s.Path, s.Line, s.Weak)
		}
	}
	for _, f := range r.Uncovered {
		t.Errorf("solution: uncovered, not recorded: %s:%d: %s", f.Path, f.Pos.Line, f.RuleID)
	}
	for _, f := range r.New {
		t.Errorf("solution: new problem: %s:%d: %s: %s", f.Path, f.Pos.Line, f.RuleID, f.Message)
	}
	for _, n := range r.Notes {
		t.Errorf("solution: note: %s", n)
	}
	if !r.Done() {
		t.Error("solution: not done")
	}
}

// overlay replaces the case files of the started folder dir with the tree
// sol: files of the case that sol lacks are removed.
func overlay(t *testing.T, dir string, sol fs.FS, ex *training.Exercise) {
	t.Helper()
	for p := range ex.Files {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	err := fs.WalkDir(sol, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sol, p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte("want:")) {
			t.Errorf("%s/%s: a solution holds no want comments", training.SolutionDir, p)
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testSpot marks answers with some right, some wrong and some missing:
// the first half of the key answered right, then one item answered at
// another line of its record (found: the rule in the right record), one
// with a rule that does not fire there (not supported, and that item
// missed), and the rest left out (missed); plus an answer naming no rule.
func testSpot(t *testing.T, ex *training.Exercise) {
	key := ex.Key
	nRight := len(key) / 2
	var answers []training.Answer
	wantFound, wantWrong := nRight, 1 // the made-up rule
	for i, k := range key {
		switch {
		case i < nRight:
			answers = append(answers, training.Answer{Rule: k.Rule, Path: k.Path, Line: k.Line})
		case i == nRight:
			answers = append(answers, training.Answer{Rule: k.Rule, Path: k.Path, Line: k.Line + 1000})
			wantFound++
		case i == nRight+1 && !keyHas(key, k.Path, k.Line, "invalid-record") && !slices.Contains(ex.Rule(k.Rule).Related, "invalid-record"):
			answers = append(answers, training.Answer{Rule: "invalid-record", Path: k.Path, Line: k.Line})
			wantWrong++
		}
	}
	answers = append(answers, training.Answer{Rule: "no-such-rule", Path: key[0].Path, Line: key[0].Line})
	r, err := ex.CheckSpot(ctx, answers)
	if err != nil {
		t.Fatal(err)
	}
	found, total := r.Score()
	if found != wantFound || total != len(key) {
		t.Errorf("spot: score %d/%d, want %d/%d", found, total, wantFound, len(key))
	}
	for i, m := range r.Found {
		if i < nRight && (m.Item.Path != key[i].Path || m.Item.Line != key[i].Line || m.Item.Rule != key[i].Rule || !m.Exact) {
			t.Errorf("spot: found %v (exact %v), want %v exactly", m.Item, m.Exact, key[i])
		}
	}
	if len(r.Missed) != len(key)-wantFound {
		t.Errorf("spot: %d missed, want %d", len(r.Missed), len(key)-wantFound)
	}
	if len(r.Wrong) != wantWrong {
		t.Errorf("spot: %d not supported, want %d: %+v", len(r.Wrong), wantWrong, r.Wrong)
	}
	if r.Done() {
		t.Error("spot: done with answers missing")
	}
	r.Show = training.HintsAll // the trainer's view: each missed item explained
	var out bytes.Buffer
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Missed {
		// Each missed item is explained from its rule's help.
		if want := "Why: " + strings.Fields(training.Explanation(ex.Rule(it.Rule)))[0]; !strings.Contains(out.String(), want) {
			t.Errorf("spot: the report does not explain %s:\n%s", it.Rule, out.String())
		}
	}
	// All right: done.
	var all []training.Answer
	for _, k := range key {
		all = append(all, training.Answer{Rule: k.Rule, Path: k.Path, Line: k.Line})
	}
	r, err = ex.CheckSpot(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Done() {
		t.Errorf("spot: every answer right and not done: %+v", r)
	}
}

func keyHas(key []expect.Expectation, path string, line int, rule string) bool {
	for _, k := range key {
		if k.Path == path && k.Line == line && k.Rule == rule {
			return true
		}
	}
	return false
}

// TestShippedCoverage: the shipped exercises, together, seed every rule
// family but record hygiene, under both procedures, from easy to hard.
// Until there are ten, it says what is still to write.
func TestShippedCoverage(t *testing.T) {
	rules := checks.All()
	exs, err := training.Shipped(rules).All()
	if err != nil {
		t.Fatal(err)
	}
	families := map[lint.Family]bool{}
	profiles := map[string]bool{}
	levels := map[int]bool{}
	for _, ex := range exs {
		for _, id := range ex.Rules() {
			families[ex.Rule(id).Family] = true
		}
		profiles[ex.Profile] = true
		levels[ex.Level] = true
	}
	var gaps []string
	for _, f := range []lint.Family{checks.FamilyPlanContent, checks.FamilySeeingChild, checks.FamilyCoreGroup, checks.FamilyEndingPlan, checks.FamilyHistory} {
		if !families[f] {
			gaps = append(gaps, "no exercise seeds the "+string(f)+" family")
		}
	}
	for _, p := range []string{lint.ProfileStoke, lint.ProfileOxfordshire} {
		if !profiles[p] {
			gaps = append(gaps, "no exercise is marked under "+p)
		}
	}
	if !levels[training.MinLevel] || len(levels) < 3 {
		gaps = append(gaps, "the levels do not run from easy to hard")
	}
	if len(exs) < 10 {
		gaps = append(gaps, fmt.Sprintf("%d exercises, and the issue asks for at least 10", len(exs)))
		t.Skipf("shipped exercises incomplete: %s", strings.Join(gaps, "; "))
	}
	for _, g := range gaps {
		t.Error(g)
	}
}

// firstCase is the folder of the exercise's first case.md, "" or "NAME/".
func firstCase(ex *training.Exercise) string {
	best := ""
	for p := range ex.Files {
		if strings.HasSuffix(p, "case.md") && (best == "" || p < best) {
			best = p
		}
	}
	return strings.TrimSuffix(best, "case.md")
}

// TestSpotHintsARuleOffInTheProfile: an answer naming a rule the exercise's
// procedure does not ask for is wrong, and the hint says why.
func TestSpotHintsARuleOffInTheProfile(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		if ex.Profile != lint.ProfileStoke || len(ex.Key) == 0 {
			continue
		}
		k := ex.Key[0]
		r, err := ex.CheckSpot(ctx, []training.Answer{{Rule: "non-specific-label", Path: k.Path, Line: k.Line}})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Wrong) != 1 || !strings.Contains(r.Wrong[0].Hint, "off under stoke-on-trent") {
			t.Errorf("%s: hint for a rule off in the profile: %+v", ex.Name, r.Wrong)
		}
		return
	}
	t.Skip("no Stoke-on-Trent exercise")
}
