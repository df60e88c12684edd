package lintcmd_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
)

// A distinctive name, put in every place a record can hold text: --redact
// must keep it out of every format (issue 14, item 4).
const zName = "zofia"

// zofiaRepo is a repository whose records hold zName in keys, values,
// headings, table cells, suppressions (rule ids and reasons), file and
// folder names, TOML syntax errors, roles, commit authors, a branch and
// the remote.
func zofiaRepo(t *testing.T) *repo {
	t.Helper()
	r := newRepo(t)
	dir := "cases/zofia-family"
	r.write(dir+"/case.md", `+++
type = "case"
id = "zofia-1"
zofia_mood = "zofia"

[child]
name = "Zofia Mood"
born = 2015-04-02
first_language = "Zofian"

[[people]]
name = "Aisha Patel"
role = "zofia's social worker"
agency = "Zofia Services"
qualified = true

[[people]]
name = "Dana Price"
role = "aunt zofia"
family = true

[zofia]
x = 1
+++

## Zofia background
Zofia lives with her aunt.
`)
	r.write(dir+"/plan.md", `+++
type = "plan"
started = 2026-01-05
category = "zofia"
lead_worker = "Zofiana Smith"
core_group = ["Aisha Patel", "Zofiana Smith", "Dana Price"]
countersigned_by = "Zofiah Brown"
+++

## Concerns
Zofia is often hungry at school.

## Zofia outcomes
- O1: Zofia is fed every day.

## Outcomes
- zofia1: fed.

## Actions
| ID | Action | Owner | Due | Outcome | Zofia |
|----|--------|-------|-----|---------|-------|
| zofia2 | Make zofia breakfast | Zofiana Smyth | zofia-day | zofia3 | zofia |

## Contingency plan
Zofia.

### Review for Zofia
At each core group.

## Zofia's contact arrangements
Weekly.
`)
	r.write(dir+"/visits/2026-01-12-zofia.md", `+++
type = "visit"
date = 2026-01-12T16:00:00
by = "Zofiab Jones"
present = ["Zofia Mood", "Zofiac"]
child_seen = false # caselint:ignore missing-not-seen-reason Zofia was at her aunt's
bedroom_seen = "zofia"
zofia-key = 1
+++

<!-- caselint:ignore zofia-mood Zofia asked -->
<!-- caselint:ignore zofia-rule -->
<!-- caselint:ignore unseen-child zofia -->

## Observations
Zofia said hello.
`)
	r.write(dir+"/visits/2026-01-13.md", "+++\ntype = \"visit\"\nzofia mood = \"zofia\"\n+++\n")
	r.write(dir+"/visits/2026-01-14.md", "+++\ntype = \"visit\"\ndate = zofia\n+++\n")
	r.write(dir+"/visits/2026-01-15.md", "+++\ntype = \"zofia\"\n+++\n")
	r.write(dir+"/visits/2026-01-16.md", "+++\ntype = \"visit\"\ndate = 2026-01-16\nby = \"\"\"zofia\n+++\n")
	r.write(dir+"/conferences/2026-01-02-zofia.md", "+++\ntype = \"conference\"\ndate = 2026-01-02\nkind = \"zofia\"\ndecision = \"[zofia] (zofia)\"\n+++\n")
	r.write("cases/other-zofia/case.md", "+++\ntype = \"case\"\nid = \"zofia-1\"\n[child]\nname = \"Zed\"\nborn = 2015-01-01\nfirst_language = \"English\"\n+++\n")
	r.write("cases/zofia-notes.md", "Zofia's notes, not a record.\n")
	r.write("cases/zofia.txt", "zofia\n")
	r.git("checkout", "-q", "-b", "zofia-branch")
	r.commit("Zofia Author", "2026-01-20T10:00:00Z", "zofia: records")
	r.write(dir+"/visits/2026-01-12-zofia.md", strings.Replace(readFile(t, filepath.Join(r.dir, dir, "visits/2026-01-12-zofia.md")), "Zofia said hello.", "Zofia said goodbye.", 1))
	r.commit("Zofiad Editor", "2026-02-20T10:00:00Z", "zofia: edit")
	if err := os.Symlink("case.md", filepath.Join(r.dir, dir, "zofia-link.md")); err != nil {
		t.Log("no symbolic link:", err)
	}
	r.git("remote", "add", "origin", "https://zofia:s3cret@git.example.org/zofia/cases.git?zofia=1")
	return r
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestRedactEveryPlace: with --redact, no format, stdout or stderr, holds
// the name put in every place of the records; without it they do (so the
// places are reported at all).
func TestRedactEveryPlace(t *testing.T) {
	r := zofiaRepo(t)
	formats := append(slices.Clone(report.Formats), htmlreport.Format)
	for _, format := range formats {
		for _, extra := range [][]string{nil, {"--new-from-rev", "HEAD~1"}} {
			args := append([]string{"lint", "--as-of", "2026-03-02", "--no-color", "--format", format}, extra...)
			code, out, errOut := caselint(t, r.dir, append(args, "--redact", "cases")...)
			if code == cmdutil.ExitError {
				t.Fatalf("%s: exit 2: %s", format, errOut)
			}
			all := out + "\n" + errOut
			if strings.Contains(strings.ToLower(all), zName) {
				t.Errorf("%s %q --redact: the output holds %q:", format, extra, zName)
				for _, line := range strings.Split(all, "\n") {
					if strings.Contains(strings.ToLower(line), zName) {
						t.Log(line)
					}
				}
			}
			if extra != nil {
				continue
			}
			_, plain, plainErr := caselint(t, r.dir, append(args, "cases")...)
			if os.Getenv("CASELINT_SHOW") != "" {
				t.Logf("%s%s", plain, plainErr)
			}
			if n := strings.Count(strings.ToLower(plain+plainErr), zName); n < 10 {
				t.Errorf("%s: without --redact the name is reported %d times: the test lost its places\n%s%s", format, n, plain, plainErr)
			}
			if format != "text" {
				continue
			}
			// Each place is reported without --redact.
			for _, place := range []string{
				"unknown key zofia_mood",                        // a key
				"unknown key zofia in",                          // a table
				`category: "zofia"`,                             // a value
				`decision: "[zofia] (zofia)"`,                   // a value in brackets
				`the heading "Zofia's contact`,                  // a heading
				"action zofia2 is due \"zofia-day\"",            // table cells
				"ascribed to Zofiana Smyth",                     // an owner no one is
				"caselint:ignore names zofia-mood",              // a suppression's rule id
				"caselint:ignore zofia-rule gives",              // one without a reason
				`found "zofia" instead`,                         // a TOML syntax error
				"(aunt zofia)",                                  // a role
				"by Zofia Author",                               // a commit author
				"cases/zofia-family/visits/2026-01-12-zofia.md", // folder and file names
				"zofia-link.md: notice",                         // a notice's path
				"case id zofia-1 is already used",               // a case id, across cases
			} {
				if !strings.Contains(plain+plainErr, place) {
					t.Errorf("without --redact the output lacks %q: the test lost a place", place)
				}
			}
		}
	}
}
