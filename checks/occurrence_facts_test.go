package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// TestDistinctFactsOnOneLine: a rule that reports several distinct facts
// on one line (each missing section on the type line, each person's copy
// on core_group) gives each fact its own fingerprint, so that a baseline
// entry, or a --new-from-rev comparison, made when one fact stood there
// does not hide another that stands there later, with the line unchanged.
func TestDistinctFactsOnOneLine(t *testing.T) {
	const c = "SOT-2026-0140/"
	dropSection := func(file, heading string) func(fstest.MapFS) {
		return func(files fstest.MapFS) {
			f := files[c+file]
			re := regexp.MustCompile(`(?ms)^## ` + regexp.QuoteMeta(heading) + `\n.*?(\n## |\z)`)
			out := re.ReplaceAllString(string(f.Data), "$1")
			if out == string(f.Data) {
				t.Fatalf("%s has no %q section", file, heading)
			}
			files[c+file] = &fstest.MapFile{Data: []byte(strings.Replace(out, "\n\n## ", "\n\n## ", 1))}
		}
	}
	// A full Oxfordshire visit record but for the section left out.
	visitWithout := func(left string) func(fstest.MapFS) {
		return func(files fstest.MapFS) {
			f := string(files[c+"visits/2026-02-24.md"].Data)
			front := f[:strings.Index(f, "+++\n\n")+5]
			for _, h := range []string{"Observations", "Wishes and feelings", "Presentation and behaviour", "Meals and sleeping", "Incidents and injuries"} {
				if h != left {
					front += "\n## " + h + "\nJamie was calm and said he is glad to be home.\n"
				}
			}
			files[c+"visits/2026-02-24.md"] = &fstest.MapFile{Data: []byte(front)}
		}
	}
	dropCopy := func(to string) func(fstest.MapFS) {
		return func(files fstest.MapFS) {
			replaceIn(t, files, c+"plan.md", "[[copies]]\nto = \""+to+"\"\ngiven = 2026-01-13\n", "")
		}
	}
	tests := []struct {
		rule         *lint.Rule
		profile      string
		first, later func(fstest.MapFS)
		says         string // the later fact's message says
	}{
		{checks.MissingPlanSection, "stoke-on-trent", dropSection("plan.md", "Review"), dropSection("plan.md", "Contact arrangements"), "Contact arrangements"},
		{checks.IncompleteVisitRecord, "oxfordshire", visitWithout("Observations"), visitWithout("Meals and sleeping"), "Meals and sleeping"},
		{checks.MissingPlanCopy, "stoke-on-trent", dropCopy("Sam Doe"), dropCopy("Jamie"), "Jamie"},
	}
	base := filepath.Join("..", "testdata", "checks", "_bases", "shared--SOT-2026-0140")
	for _, tt := range tests {
		t.Run(tt.rule.ID, func(t *testing.T) {
			prof, err := (*lint.Config)(nil).ResolveProfile(tt.profile)
			if err != nil {
				t.Fatal(err)
			}
			only := func(edit func(fstest.MapFS)) lint.Finding {
				t.Helper()
				files := mapOf(t, os.DirFS(base))
				edit(files)
				res, err := lint.Run(context.Background(), lint.Options{FS: files, Rules: []*lint.Rule{tt.rule}, Profile: prof, AsOf: schema.NewDate(2026, 3, 2), Workers: 1})
				if err != nil {
					t.Fatal(err)
				}
				var out []lint.Finding
				for _, f := range res.Findings {
					if f.RuleID == tt.rule.ID {
						out = append(out, f)
					}
				}
				if len(out) != 1 {
					t.Fatalf("%d findings of %s, want 1: %v", len(out), tt.rule.ID, out)
				}
				return out[0]
			}
			a, b := only(tt.first), only(tt.later)
			if !strings.Contains(b.Message, tt.says) {
				t.Fatalf("the later fact says %q, want %q", b.Message, tt.says)
			}
			if a.Path != b.Path || a.Pos.Line != b.Pos.Line {
				t.Fatalf("the facts are at %s:%d and %s:%d: the test wants one line", a.Path, a.Pos.Line, b.Path, b.Pos.Line)
			}
			if a.Fingerprint == b.Fingerprint {
				t.Errorf("two distinct facts on one line share the fingerprint %s: a baseline entry of the first hides the second", a.Fingerprint)
			}
		})
	}
}
