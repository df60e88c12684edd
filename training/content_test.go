package training_test

// Issue 15, deliverable 4: content fidelity. Every shipped exercise is
// marked under one procedure, its key items are breaches of that
// procedure, its solution is clean under it, and a started folder carries
// its profile and as-of date so that caselint lint there reads the case as
// the exercise does.

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
	"github.com/caselint/caselint/training"
)

// procedureWords are the words a message cites each procedure by.
var procedureWords = map[string]string{
	lint.ProfileStoke:       "Stoke-on-Trent C06",
	lint.ProfileOxfordshire: "Oxfordshire 1.8",
}

func TestShippedOneProcedureEach(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	hard := map[string]bool{} // procedures with a level 4 or 5 exercise
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			own, ok := procedureWords[ex.Profile]
			if !ok {
				t.Fatalf("marked under %q: a shipped exercise is marked under one procedure, %s or %s", ex.Profile, lint.ProfileStoke, lint.ProfileOxfordshire)
			}
			other := procedureWords[lint.ProfileStoke]
			if ex.Profile == lint.ProfileStoke {
				other = procedureWords[lint.ProfileOxfordshire]
			}
			if ex.Level >= 4 {
				hard[ex.Profile] = true
			}
			// The brief names the exercise's procedure and not the other's
			// (nor "together", as the combined ones did).
			brief := strings.Join(strings.Fields(string(ex.Brief)), " ")
			if !strings.Contains(brief, strings.Fields(own)[0]) {
				t.Errorf("the brief does not name its procedure (%s)", own)
			}
			if strings.Contains(brief, other) || strings.Contains(brief, "together (where") || strings.Contains(brief, "combined") {
				t.Errorf("the brief names another procedure, or both together: %q", other)
			}
			// Each key item is a breach of the exercise's procedure: its rule
			// is on under that procedure, and what caselint says of it cites
			// that procedure (or Working Together), never the other.
			res := lintStarted(t, ex, start(t, ex, ex.Git))
			byPlace := map[string]lint.Finding{}
			for _, f := range res.Findings {
				byPlace[f.Path+":"+itoa(f.Pos.Line)+" "+f.RuleID] = f
			}
			for _, k := range ex.Key {
				r := ex.Rule(k.Rule)
				if r == nil || !r.InProfile(ex.Profile) {
					t.Errorf("%s: %s is not a rule of %s", k, k.Rule, ex.Profile)
					continue
				}
				f, ok := byPlace[k.Path+":"+itoa(k.Line)+" "+k.Rule]
				if !ok {
					t.Errorf("%s: caselint does not find it under %s", k, ex.Profile)
					continue
				}
				if strings.Contains(f.Message, other) {
					t.Errorf("%s: the message cites %s: %s", k, other, f.Message)
				}
			}
			// The solution is clean under the exercise's profile, as of its
			// date: nothing but findings suppressed with a reason.
			sol := ex.Solution()
			if sol == nil {
				t.Fatal("no solution")
			}
			prof, err := lint.ShippedProfile(ex.Profile)
			if err != nil {
				t.Fatal(err)
			}
			sres, err := lint.Run(ctx, lint.Options{FS: sol, Rules: checks.All(), Profile: prof, AsOf: ex.AsOf})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range sres.Findings {
				if f.Suppression == nil {
					t.Errorf("solution/%s:%d: %s: %s", f.Path, f.Pos.Line, f.RuleID, f.Message)
				}
			}
		})
	}
	for p := range procedureWords {
		if !hard[p] {
			t.Errorf("no level 4 or 5 exercise is marked under %s", p)
		}
	}
}

// TestStartedFolderReadsAsTheExercise: a started folder's .caselint.toml
// gives the exercise's profile and as-of date, and caselint linting the
// folder through it (as caselint lint there does) finds exactly the key.
func TestStartedFolderReadsAsTheExercise(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			dir := start(t, ex, ex.Git)
			res := lintStarted(t, ex, dir)
			if problems := expect.Compare(res.Findings, ex.Key, allRules()); len(problems) > 0 {
				t.Errorf("linted through the folder's config:\n  %s", strings.Join(problems, "\n  "))
			}
		})
	}
}

// lintStarted lints a started folder as caselint lint there does: with the
// config it finds there, its profile and its as_of, and the folder's git
// history when it is a repository.
func lintStarted(t *testing.T, ex *training.Exercise, dir string) *lint.Result {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, err := lint.LoadConfigFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if cfg == nil {
		t.Fatalf("the started folder has no %s", lint.ConfigFileName)
	}
	prof, err := cfg.ResolveProfile("")
	if err != nil {
		t.Fatal(err)
	}
	if prof.Name != ex.Profile || cfg.AsOf != ex.AsOf {
		t.Fatalf("the folder's config: profile %q as of %s, want %q as of %s", prof.Name, cfg.AsOf, ex.Profile, ex.AsOf)
	}
	opts := lint.Options{FS: fsys, Rules: checks.All(), Profile: prof, AsOf: cfg.AsOf, Calendar: cfg.Calendar()}
	if ex.Git {
		repo, err := vcs.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer repo.Close()
		h, err := repo.History()
		if err != nil {
			t.Fatal(err)
		}
		opts.History = h
	}
	res, err := lint.Run(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func allRules() map[string]bool {
	m := map[string]bool{}
	for _, r := range checks.All() {
		m[r.ID] = true
	}
	return m
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBankHolidaysInTheTexts: where a brief or a record names a bank
// holiday and a date in one sentence ("Good Friday was 3 April and Easter
// Monday 6 April"), each date it gives is a bank holiday of England and
// Wales (lint/calendar), in the exercise's year unless the sentence says.
func TestBankHolidaysInTheTexts(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	holiday := regexp.MustCompile(`(?i)bank holiday|good friday|easter monday|boxing day|christmas day|new year's day`)
	date := regexp.MustCompile(`\b([0-3]?[0-9])(?:\s*(?:-|–|to|and)\s*([0-3]?[0-9]))?\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(20[0-9][0-9]))?\b`)
	cal := calendar.Default()
	checked := 0
	for _, ex := range exs {
		texts := map[string]string{training.BriefFile: string(ex.Brief)}
		for p, data := range ex.Files {
			texts[p] = string(data)
		}
		for name, text := range texts {
			flat := strings.Join(strings.Fields(text), " ")
			for _, sentence := range regexp.MustCompile(`[.;:]\s`).Split(flat, -1) {
				if !holiday.MatchString(sentence) || strings.Contains(strings.ToLower(sentence), "holidays ran") {
					continue
				}
				for _, m := range date.FindAllStringSubmatch(sentence, -1) {
					year := ex.AsOf.Year
					if m[4] != "" {
						year, _ = strconv.Atoi(m[4])
					}
					month, _ := time.Parse("January", m[3])
					for _, day := range []string{m[1], m[2]} {
						if day == "" {
							continue
						}
						n, _ := strconv.Atoi(day)
						d := schema.NewDate(year, month.Month(), n)
						checked++
						if _, ok := cal.Closed(d); !ok {
							t.Errorf("%s: %s: %s is not a bank holiday of England and Wales: %q", ex.Name, name, d, sentence)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no bank holiday named in any exercise: the test checks nothing")
	}
}

// TestFolderConfigWithTheCaseConfig: a trainer's case with a config of its
// own (a custom profile) gets it in the started folder after the
// exercise's profile and date; a case config naming another profile, or
// another date, than exercise.toml is refused before anything is written.
func TestFolderConfigWithTheCaseConfig(t *testing.T) {
	meta := strings.Replace(trainerMeta, `profile = "combined"`, `profile = "ours"`, 1)
	dir := trainerExercise(t, meta)
	caseCfg := filepath.Join(dir, "case", lint.ConfigFileName)
	own := "[profiles.ours]\nextends = \"stoke-on-trent\"\n"
	if err := os.WriteFile(caseCfg, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := training.Folder(dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	ex, err := c.Get("")
	if err != nil {
		t.Fatal(err)
	}
	trainee := filepath.Join(t.TempDir(), "trainee")
	if err := ex.Start(ctx, trainee, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	cfg, err := lint.LoadConfigFS(os.DirFS(trainee), ".")
	if err != nil || cfg == nil {
		t.Fatalf("the started folder's config: %v, %v", cfg, err)
	}
	prof, err := cfg.ResolveProfile("")
	if err != nil {
		t.Fatal(err)
	}
	if prof.Name != "ours" || prof.Base != lint.ProfileStoke || cfg.AsOf != ex.AsOf {
		t.Errorf("the started folder reads as %q (%s) as of %s", prof.Name, prof.Base, cfg.AsOf)
	}

	for _, bad := range []string{
		"profile = \"stoke-on-trent\"\n" + own,
		"as_of = 2026-01-01\n" + own,
	} {
		if err := os.WriteFile(caseCfg, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		ex, err := c.Get("")
		if err != nil {
			t.Fatal(err)
		}
		trainee := filepath.Join(t.TempDir(), "trainee")
		err = ex.Start(ctx, trainee, training.StartOptions{})
		if err == nil || !strings.Contains(err.Error(), "say the same in both") {
			t.Errorf("case config %q: %v", bad, err)
		}
		if _, serr := os.Stat(trainee); serr == nil {
			t.Errorf("case config %q: the folder was written", bad)
		}
	}
}
