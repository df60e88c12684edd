package checks_test

import (
	"context"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
	"github.com/caselint/caselint/schema"
)

// TestOccurrenceInFingerprint: a rule that reports an open, moving
// obligation on a line every instance of it shares (a gap still open on
// plan.md's started or review_conference line, a decision to end the plan
// on its type line, a lapsed reduced visiting agreement on its header)
// gives each instance its own fingerprint: linted later, the same
// instance keeps its fingerprint (--new-from-rev finds it not new), and a
// new instance on the same line, after the records moved on, has another
// (a baseline entry of the old one cannot hide it).
func TestOccurrenceInFingerprint(t *testing.T) {
	tests := []struct {
		rule    *lint.Rule
		fixture string
		later   schema.Date // the same instance, linted later
		// edit changes the records so that a new instance stands on the
		// same line, linted as of asOf.
		edit func(files fstest.MapFS)
		asOf schema.Date
		says string // the new instance's message says
	}{
		{
			rule: checks.UnseenChild, fixture: "unseen-child/stoke-open-gap-fires", later: schema.NewDate(2026, 5, 10),
			edit: func(files fstest.MapFS) {
				copyRecord(t, files, "SOT-2026-0102/visits/2026-02-16.md", "SOT-2026-0102/visits/2026-04-13.md", "2026-02-16", "2026-04-13")
			},
			asOf: schema.NewDate(2026, 6, 30), says: "last seen alone on 13 April 2026",
		},
		{
			rule: checks.OverdueCoreGroup, fixture: "overdue-core-group/open-gap-overdue", later: schema.NewDate(2026, 12, 20),
			edit: func(files fstest.MapFS) {
				copyRecord(t, files, "case/core-groups/2026-10-19.md", "case/core-groups/2026-11-23.md", "2026-10-19", "2026-11-23")
			},
			asOf: schema.NewDate(2027, 1, 30), says: "has not met since 23 November 2026",
		},
		{
			rule: checks.LateReviewConference, fixture: "late-review-conference/none-held-overdue", later: schema.NewDate(2026, 12, 20),
			edit: func(files fstest.MapFS) {
				files["case/conferences/2026-09-15-review.md"] = &fstest.MapFile{Data: []byte("+++\ntype = \"conference\"\nkind = \"review\"\ndate = 2026-09-15\nchair = \"Helen Ward\"\nquorate = true\ndecision = \"continue\"\n+++\n")}
			},
			asOf: schema.NewDate(2027, 4, 20), says: "since the previous review conference of 15 September 2026",
		},
		{
			rule: checks.LateFirstCoreGroup, fixture: "late-first-core-group/not-held-overdue", later: schema.NewDate(2026, 12, 20),
			edit: func(files fstest.MapFS) {
				// The conference's record, dated as it was held: the wait
				// is counted from another day.
				copyRecord(t, files, "case/conferences/2026-11-05-initial.md", "case/conferences/2026-11-06-initial.md", "2026-11-05", "2026-11-06")
				delete(files, "case/conferences/2026-11-05-initial.md")
			},
			asOf: schema.NewDate(2026, 12, 20), says: "on 6 November 2026",
		},
		{
			rule: checks.PlanNotEnded, fixture: "plan-not-ended/fires-no-cessation", later: schema.NewDate(2026, 12, 20),
			edit: func(files fstest.MapFS) {
				// The July review in fact continued the plan; a later one
				// decided to end it.
				replaceIn(t, files, "case/conferences/2026-07-22-review.md", `decision = "cease"`, `decision = "continue"`)
				copyRecord(t, files, "case/conferences/2026-07-22-review.md", "case/conferences/2026-10-21-review.md", "2026-07-22", "2026-10-21")
				replaceIn(t, files, "case/conferences/2026-10-21-review.md", `decision = "continue"`, `decision = "cease"`)
			},
			asOf: schema.NewDate(2026, 11, 20), says: "review conference of 21 October 2026",
		},
		{
			rule: checks.StaleReducedVisiting, fixture: "stale-reduced-visiting/continued-after-agreement", later: schema.NewDate(2026, 12, 20),
			edit: func(files fstest.MapFS) {
				// Renewed after the July review, and continued again by
				// the review of 13 October.
				replaceIn(t, files, "case/plan.md", "agreed = 2026-06-01", "agreed = 2026-07-20")
				copyRecord(t, files, "case/conferences/2026-07-14-review.md", "case/conferences/2026-10-13-review.md", "2026-07-14", "2026-10-13")
			},
			asOf: schema.NewDate(2026, 11, 20), says: "review conference on 13 October 2026",
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "checks", filepath.FromSlash(tt.fixture))
			var fx linttest.Fixture
			if _, err := toml.DecodeFile(filepath.Join(dir, "fixture.toml"), &fx); err != nil {
				t.Fatal(err)
			}
			prof, err := (*lint.Config)(nil).ResolveProfile(fx.Profile)
			if err != nil {
				t.Fatal(err)
			}
			fsys, err := linttest.FS(dir)
			if err != nil {
				t.Fatal(err)
			}
			files := mapOf(t, fsys)
			open := func(files fstest.MapFS, asOf schema.Date) lint.Finding {
				t.Helper()
				res, err := lint.Run(context.Background(), lint.Options{FS: files, Rules: []*lint.Rule{tt.rule}, Profile: prof, AsOf: asOf, Workers: 1})
				if err != nil {
					t.Fatal(err)
				}
				var out []lint.Finding
				for _, f := range res.Findings {
					if f.RuleID == tt.rule.ID && path.Base(f.Path) == "plan.md" {
						out = append(out, f)
					}
				}
				if len(out) != 1 {
					t.Fatalf("as of %s: %d findings of %s on plan.md, want 1: %v", asOf, len(out), tt.rule.ID, out)
				}
				return out[0]
			}
			first, again := open(files, fx.AsOf), open(files, tt.later)
			if first.Fingerprint != again.Fingerprint {
				t.Errorf("the same instance as of %s and %s: fingerprints %s and %s", fx.AsOf, tt.later, first.Fingerprint, again.Fingerprint)
			}
			tt.edit(files)
			next := open(files, tt.asOf)
			if !strings.Contains(next.Message, tt.says) {
				t.Fatalf("the new instance says %q, want %q", next.Message, tt.says)
			}
			if next.Pos.Line != first.Pos.Line {
				t.Fatalf("the new instance is on line %d, the first on %d: the test wants one line", next.Pos.Line, first.Pos.Line)
			}
			if next.Fingerprint == first.Fingerprint {
				t.Errorf("a new instance on the same line has the old one's fingerprint %s: a baseline entry of the old one would hide it", first.Fingerprint)
			}
		})
	}
}

// mapOf is a copy of fsys that a test can change.
func mapOf(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copyRecord adds to as a copy of from with old replaced by new.
func copyRecord(t *testing.T, files fstest.MapFS, from, to, old, new string) {
	t.Helper()
	f, ok := files[from]
	if !ok {
		t.Fatalf("no %s", from)
	}
	files[to] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(f.Data), old, new))}
}

// replaceIn replaces old with new in the file p, which must hold it.
func replaceIn(t *testing.T, files fstest.MapFS, p, old, new string) {
	t.Helper()
	f, ok := files[p]
	if !ok || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s does not hold %q", p, old)
	}
	files[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}
