// Package linttest runs rules on fixture cases and checks their findings
// against the expectations written in the fixtures themselves, in the style
// of golang.org/x/tools/go/analysis/analysistest:
//
//	lead_worker = "Aisha Patel"   # want: unqualified-lead-worker
//	| A1 | Attend school | TBC | weekly | O1 | <!-- want: unnamed-action-owner -->
//
// A want comment at the end of a line expects the finding on that line; one
// on a line of its own expects it on the next line. Several ids may follow
// one want, and each id may be followed by message patterns, Go regular
// expressions in Go string syntax that the finding's message must match
// (analysistest's semantics; see lint/expect):
//
//	date = 2026-02-10T16:00:00   # want: unseen-child "due by 9 February 2026"
//
// Every finding of the rules under test must be wanted, and every want of
// those rules must be found. A want that cannot be read fails the fixture
// with its file:line.
//
// A fixture folder holds a fixture.toml saying how to lint it:
//
//	profile = "stoke-on-trent"   # default: combined
//	as_of = 2026-11-20           # required: fixtures never read the clock
//
// and, when it tests a config, a .caselint.toml. A fixture may name a base
// case and hold only the files it adds or changes (overlay.go).
package linttest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
)

// Fixture is a fixture folder's fixture.toml.
type Fixture struct {
	Profile string      `toml:"profile"`
	AsOf    schema.Date `toml:"as_of"`
	// Rules are more rules under test besides the folder's own: a
	// suppression fixture needs the rule it suppresses.
	Rules []string `toml:"rules"`
	// Want holds expectations no comment can carry: a finding on the
	// frontmatter's opening line, where a comment would stop it being one.
	Want []Expectation `toml:"want"`
	// Base names the case the fixture overlays (overlay.go): the fixture
	// folder then holds only the files it adds or changes.
	Base string `toml:"base"`
	// Delete lists the base's files the fixture leaves out.
	Delete []string `toml:"delete"`
}

// Expectation is a finding a fixture wants (expect.Expectation).
type Expectation = expect.Expectation

// Run lints the fixture folder dir with rules (the rules under test) and
// reports every unexpected and every missing finding of those rules. It
// returns the result for further checks.
func Run(t testing.TB, dir string, rules ...*lint.Rule) *lint.Result {
	t.Helper()
	res, problems, err := Check(dir, rules, nil)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	return res
}

// Check is Run without a testing.T: it returns the problems as sorted lines.
// all, when not nil, is the full registry (so that suppressions of rules not
// under test are understood); rules are those under test.
func Check(dir string, rules []*lint.Rule, all []*lint.Rule) (*lint.Result, []string, error) {
	fx, err := readFixture(dir)
	if err != nil {
		return nil, nil, err
	}
	return CheckFixture(dir, fx, rules, all)
}

// CheckFixture is Check with the fixture's settings given rather than read
// from dir/fixture.toml: training exercises keep theirs in exercise.toml.
func CheckFixture(dir string, fx Fixture, rules []*lint.Rule, all []*lint.Rule) (*lint.Result, []string, error) {
	opts, under, err := options(dir, fx, rules, all)
	if err != nil {
		return nil, nil, err
	}
	res, err := lint.Run(context.Background(), opts)
	if err != nil {
		return nil, nil, err
	}
	wants, err := Expectations(opts.FS)
	if err != nil {
		return nil, nil, err
	}
	wants = append(wants, fx.Want...)
	return res, Compare(res.Findings, wants, under), nil
}

// options are the lint options for the fixture dir with the rules under
// test, and the ids of those rules.
func options(dir string, fx Fixture, rules []*lint.Rule, all []*lint.Rule) (lint.Options, map[string]bool, error) {
	if fx.AsOf.IsZero() {
		return lint.Options{}, nil, fmt.Errorf("%s: an as-of date is required: fixtures never read the clock", dir)
	}
	var err error
	var cfg *lint.Config
	if p := filepath.Join(dir, lint.ConfigFileName); fileExists(p) {
		if cfg, err = lint.LoadConfig(p); err != nil {
			return lint.Options{}, nil, err
		}
	}
	prof, err := cfg.ResolveProfile(fx.Profile)
	if err != nil {
		return lint.Options{}, nil, err
	}
	// The rules under test run as the profile has them (a rule that is off
	// in the fixture's profile must stay quiet there); with a full registry,
	// the others are off.
	if prof.Rules == nil {
		prof.Rules = map[string]string{}
	}
	under := map[string]bool{}
	for _, r := range rules {
		under[r.ID] = true
	}
	for _, id := range fx.Rules {
		found := false
		for _, r := range all {
			if r.ID == id {
				found = true
				rules = append(rules, r)
				under[id] = true
			}
		}
		if !found {
			return lint.Options{}, nil, fmt.Errorf("%s: fixture.toml names rule %q, which is not registered", dir, id)
		}
	}
	registry := rules
	if all != nil {
		registry = all
		for _, r := range all {
			if !under[r.ID] {
				prof.Rules[r.ID] = "off"
			}
		}
	}
	fsys, err := caseFS(dir, fx)
	if err != nil {
		return lint.Options{}, nil, err
	}
	return lint.Options{
		FS: fsys, Rules: registry, Profile: prof, AsOf: fx.AsOf, Calendar: cfg.Calendar(), Workers: 2,
	}, under, nil
}

// Compare matches findings against wants, for the rules in under, and
// returns the differences as sorted lines: "unexpected finding ..." and
// "missing finding ...". Suppressed findings are not expected.
func Compare(findings []lint.Finding, wants []Expectation, under map[string]bool) []string {
	return expect.Compare(findings, wants, under)
}

// Expectations reads every want comment of the records in fsys.
func Expectations(fsys fs.FS) ([]Expectation, error) { return expect.Expectations(fsys) }

func readFixture(dir string) (Fixture, error) {
	var fx Fixture
	p := filepath.Join(dir, "fixture.toml")
	md, err := toml.DecodeFile(p, &fx)
	if err != nil {
		return fx, fmt.Errorf("%s: %w", p, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return fx, fmt.Errorf("%s: unknown key %s", p, u[0])
	}
	if fx.AsOf.IsZero() {
		return fx, fmt.Errorf("%s: as_of is required: fixtures never read the clock", p)
	}
	return fx, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// Dirs returns the fixture folders below root: every folder holding a
// fixture.toml, sorted.
func Dirs(root string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == "fixture.toml" {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs, err
}

// Lint lints dir with every rule of all as profile has them, as of the
// as_of date of the nearest fixture.toml at or above dir.
func Lint(dir, profile string, all []*lint.Rule) (*lint.Result, error) {
	fxDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for !fileExists(filepath.Join(fxDir, "fixture.toml")) {
		parent := filepath.Dir(fxDir)
		if parent == fxDir {
			return nil, fmt.Errorf("%s: no fixture.toml at or above it", dir)
		}
		fxDir = parent
	}
	fx, err := readFixture(fxDir)
	if err != nil {
		return nil, err
	}
	prof, err := lint.ShippedProfile(profile)
	if err != nil {
		return nil, err
	}
	fsys, err := caseFS(fxDir, fx)
	if err != nil {
		return nil, err
	}
	if abs, err := filepath.Abs(dir); err != nil {
		return nil, err
	} else if abs != fxDir {
		rel, err := filepath.Rel(fxDir, abs)
		if err != nil {
			return nil, err
		}
		if fsys, err = fs.Sub(fsys, filepath.ToSlash(rel)); err != nil {
			return nil, err
		}
	}
	return lint.Run(context.Background(), lint.Options{
		FS: fsys, Rules: all, Profile: prof, AsOf: fx.AsOf, Calendar: calendar.Default(), Workers: 2,
	})
}
