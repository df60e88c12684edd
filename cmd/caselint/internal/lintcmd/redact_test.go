package lintcmd_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/report"
)

// A case whose findings name the child, Jamie, his mother, Sam Doe, and
// his social worker, Aisha Patel.
const redactCase = `+++
type = "case"
id = "R-1"

[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"

[[people]]
name = "Aisha Patel"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Sam Doe"
role = "mother"
family = true
+++
`

// The plan leaves the lead worker out of the core group, is countersigned
// by the mother, gives an action to someone case.md does not list ("Sam
// Do"), and has no contingency plan.
const redactPlan = `+++
type = "plan"
started = 2026-01-05
category = "neglect"
lead_worker = "Aisha Patel"
core_group = ["Sam Doe"]
countersigned_by = "Sam Doe"
countersigned = 2026-01-06
+++

## Concerns
Jamie is often hungry at school.

## Outcomes
- O1: Jamie is fed every day.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Make Jamie breakfast | Sam Do | weekly | O1 |

## Developmental needs
Reading support at school.

## Contact arrangements
Aisha Patel sees Jamie alone every two weeks.

## Review
At each core group.
`

// The visit did not see Jamie and gives no reason; it was committed
// weeks late by Aisha Patel.
const redactVisit = `+++
type = "visit"
date = 2026-01-12T16:00:00
by = "Aisha Patel"
present = ["Sam Doe"]
child_seen = false # caselint:ignore missing-not-seen-reason Jamie was at Sam Doe's sister's
bedroom_seen = true
+++

## Observations
Sam Doe said Jamie was out.

## Wishes and feelings
Not seen.

## Meals and sleeping
Not seen.

## Presentation and behaviour
Not seen.

## Incidents and injuries
None.
`

// Team Secretary is a commit author who is none of the case's people.
var redactNames = []string{"Jamie", "Sam Doe", "Sam", "Doe", "Aisha Patel", "Aisha", "Patel", "Sam Do", "Team Secretary"}

func redactRepo(t *testing.T) *repo {
	t.Helper()
	r := newRepo(t)
	r.write("cases/R-1/case.md", redactCase)
	r.write("cases/R-1/plan.md", redactPlan)
	r.commit("Team Secretary", "2026-01-05T10:00:00Z", "R-1: case and plan")
	r.write("cases/R-1/visits/2026-01-12.md", redactVisit)
	r.commit("Aisha Patel", "2026-02-20T10:00:00Z", "R-1: visit")
	return r
}

// TestRedactEveryFormat: with --redact no name of the case is anywhere in
// any format's output, stdout or stderr, and the roles are; without it the
// messages name them as before.
func TestRedactEveryFormat(t *testing.T) {
	r := redactRepo(t)
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			args := []string{"lint", "--as-of", "2026-03-02", "--no-color", "--format", format, "cases"}
			code, out, errOut := caselint(t, r.dir, append(args, "--redact")...)
			if code != cmdutil.ExitFindings {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			all := out + "\n" + errOut
			for _, name := range redactNames {
				if re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(name) + `\b`); re.MatchString(all) {
					t.Errorf("--redact output names %q", name)
					for _, line := range strings.Split(all, "\n") {
						if re.MatchString(line) {
							t.Log(line)
						}
					}
				}
			}
			for _, role := range []string{"[the child]", "[mother]", "[social worker]", "[person]"} {
				if !strings.Contains(all, role) {
					t.Errorf("--redact output has no %s:\n%s", role, out)
				}
			}

			code, plain, errOut := caselint(t, r.dir, args...)
			if code != cmdutil.ExitFindings {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, name := range []string{"Jamie", "Sam Doe", "Aisha Patel", "Sam Do"} {
				if !strings.Contains(plain, name) {
					t.Errorf("without --redact the output does not name %s:\n%s", name, plain)
				}
			}
			if strings.Contains(plain, "[the child]") || strings.Contains(plain, "[mother]") {
				t.Errorf("without --redact the output is redacted:\n%s", plain)
			}
		})
	}
}

// TestRedactKeepsFingerprints: --redact changes messages and the folder
// and file names caselint does not give, not what identifies a finding,
// so --new-from-rev and code scanning match the same findings either way.
func TestRedactKeepsFingerprints(t *testing.T) {
	r := redactRepo(t)
	type finding struct {
		Rule, Path, Message, Fingerprint string
		Line                             int
		Suppressed                       *struct{ Reason string }
	}
	read := func(args ...string) []finding {
		t.Helper()
		_, out, errOut := caselint(t, r.dir, append([]string{"lint", "--as-of", "2026-03-02", "--format", "json", "cases"}, args...)...)
		var rep struct{ Findings []finding }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %s\n%s", err, out, errOut)
		}
		return rep.Findings
	}
	plain, red := read(), read("--redact")
	if len(plain) != len(red) || len(plain) == 0 {
		t.Fatalf("%d findings plain, %d redacted", len(plain), len(red))
	}
	// Findings that share path, line and rule are ordered by message, so
	// match them by fingerprint.
	byPrint := map[string]finding{}
	for _, p := range plain {
		byPrint[p.Fingerprint] = p
	}
	suppressed := false
	for _, q := range red {
		p, ok := byPrint[q.Fingerprint]
		// The case folder R-1 is not a name caselint gives: it is
		// redacted, the rest of the path kept.
		if !ok || p.Rule != q.Rule || strings.Replace(p.Path, "/R-1/", "/redacted-1/", 1) != q.Path || p.Line != q.Line {
			t.Errorf("--redact changed a finding's identity:\n%+v\n%+v", p, q)
			continue
		}
		if q.Suppressed != nil {
			suppressed = true
			if p.Suppressed == nil || strings.Contains(q.Suppressed.Reason, "Jamie") || p.Suppressed.Reason == q.Suppressed.Reason {
				t.Errorf("suppression reason not withheld: %q", q.Suppressed.Reason)
			}
		}
	}
	if !suppressed {
		t.Error("no suppressed finding: the test case lost its caselint:ignore")
	}
}
