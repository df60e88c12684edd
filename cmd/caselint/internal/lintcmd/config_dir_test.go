package lintcmd_test

// Issue 17, item 4: a .caselint.toml applies to the records below it,
// looked up from the repository root down to each case folder (nearer
// wins), the same from any folder, in the index and at a revision.

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// ruleError turns the rule ruleOff turns off into an error.
const ruleError = "[rules]\nmissing-contingency-plan = \"error\"\n"

// A cases/.caselint.toml turning a rule off applies when linting from the
// repository root (no path), from a subfolder, with --staged and --rev.
func TestConfigBesideRecords(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("cases/.caselint.toml", ruleOff)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")
	r.write("cases/T-1/plan.md", planNoContingency+"\n")
	r.git("add", "cases/T-1/plan.md")

	for _, c := range []struct {
		dir  string
		args []string
	}{
		{r.dir, nil},
		{r.dir, []string{"."}},
		{r.dir, []string{"--staged"}},
		{r.dir, []string{"--rev", "HEAD"}},
		{filepath.Join(r.dir, "cases"), nil},
		{filepath.Join(r.dir, "cases", "T-1"), nil},
		{filepath.Join(r.dir, "cases", "T-1"), []string{"--staged"}},
		{filepath.Join(r.dir, "cases", "T-1"), []string{"--rev", "HEAD"}},
	} {
		n, notes := contingency(t, c.dir, c.args...)
		if n != 0 || !hasNote(notes, "config: cases/.caselint.toml"+offSays) {
			t.Errorf("from %s, %v: %d findings, notices %q; want 0 under cases/.caselint.toml", c.dir, c.args, n, notes)
		}
	}
}

// A nearer config beats a farther one, case by case, in one run; -v says
// which config applied to which folder.
func TestConfigNearerWins(t *testing.T) {
	r := newRepo(t)
	r.write(".caselint.toml", ruleError)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("cases/T-1/.caselint.toml", ruleOff)
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planNoContingency)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1, T-2")

	for _, args := range [][]string{nil, {"--rev", "HEAD"}, {"cases/T-2", "cases/T-1"}} {
		code, out, errOut := caselint(t, r.dir, append([]string{"lint", "--format", "json", "--as-of", "2026-11-20", "-v"}, args...)...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1 (an error in T-2): %s", args, code, errOut)
		}
		var rep struct {
			Findings      []jsonFinding `json:"findings"`
			Notifications []struct {
				Message string `json:"message"`
			} `json:"notifications"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		got := only(rep.Findings, "missing-contingency-plan")
		if len(got) != 1 || !strings.HasPrefix(got[0].Path, "cases/T-2/") || got[0].Severity != "error" {
			t.Errorf("%v: %+v; want one error, in cases/T-2", args, got)
		}
		var notes []string
		for _, n := range rep.Notifications {
			notes = append(notes, n.Message)
		}
		if !hasNote(notes, "configs: .caselint.toml, cases/T-1/.caselint.toml"+offSays) {
			t.Errorf("%v: the report does not name both configs: %q", args, notes)
		}
		for _, want := range []string{"caselint: cases/T-1: config cases/T-1/.caselint.toml\n", "caselint: cases/T-2: config .caselint.toml\n"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: -v does not say %q:\n%s", args, want, errOut)
			}
		}
	}
}
