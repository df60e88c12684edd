package lintcmd_test

// Issue 14, item 7 and issue 17, item 4: one rule for the config in every
// mode. Each case's config is the nearest .caselint.toml at or above its
// folder inside the tree read (the work tree, the index or the commit),
// never above the repository, never through a link; the report names
// each config used.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// ruleOff is a config that turns off the finding planNoContingency makes.
const ruleOff = "[rules]\nmissing-contingency-plan = \"off\"\n"

// offSays is what the notice naming a config of ruleOff adds to its name.
const offSays = " (turns off missing-contingency-plan)"

var planNoContingency = strings.Replace(planMD, "## Contingency plan\nIf Jamie misses meals, Aisha Patel convenes a strategy discussion.\n", "", 1)

// contingency counts the missing-contingency-plan findings of a JSON run,
// and returns its notices.
func contingency(t *testing.T, dir string, args ...string) (int, []string) {
	t.Helper()
	code, out, errOut := caselint(t, dir, append([]string{"lint", "--format", "json", "--as-of", "2026-11-20"}, args...)...)
	if code == cmdutil.ExitError {
		t.Fatalf("caselint lint %s: exit 2: %s", strings.Join(args, " "), errOut)
	}
	var rep struct {
		Findings      []jsonFinding `json:"findings"`
		Notifications []struct {
			Message string `json:"message"`
		} `json:"notifications"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	var notes []string
	for _, n := range rep.Notifications {
		notes = append(notes, n.Message)
	}
	return len(only(rep.Findings, "missing-contingency-plan")), notes
}

func hasNote(notes []string, want string) bool {
	for _, n := range notes {
		if n == want {
			return true
		}
	}
	return false
}

func saysConfig(notes []string) bool {
	for _, n := range notes {
		if strings.HasPrefix(n, "config: ") {
			return true
		}
	}
	return false
}

// A .caselint.toml in the folder above the repository (as /tmp/.caselint.toml
// is above a clone in /tmp) is read in no mode.
func TestConfigAboveRepositoryIgnored(t *testing.T) {
	r := newRepo(t)
	if err := os.WriteFile(filepath.Join(r.home, ".caselint.toml"), []byte(ruleOff), 0o644); err != nil {
		t.Fatal(err)
	}
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")
	r.write("cases/T-1/plan.md", planNoContingency+"\n")
	r.git("add", "-A")

	for _, args := range [][]string{{"cases"}, {"--rev", "HEAD", "cases"}, {"--staged", "cases"}} {
		n, notes := contingency(t, r.dir, args...)
		if n != 1 || saysConfig(notes) {
			t.Errorf("%v: %d findings, notices %q; want 1 and no config", args, n, notes)
		}
	}
	n, notes := contingency(t, filepath.Join(r.dir, "cases", "T-1"))
	if n != 1 || saysConfig(notes) {
		t.Errorf("from cases/T-1: %d findings, notices %q; want 1 and no config", n, notes)
	}
}

// Outside a repository the config is looked for up to the folder the
// paths are relative to (the working folder), never above it.
func TestConfigAboveWorkingFolderIgnored(t *testing.T) {
	base := t.TempDir()
	if _, err := exec.Command("git", "-C", base, "rev-parse", "--git-dir").Output(); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	work := filepath.Join(base, "work")
	for name, text := range map[string]string{
		filepath.Join(base, ".caselint.toml"):                ruleOff,
		filepath.Join(work, "cases", "T-1", "case.md"):       caseMD,
		filepath.Join(work, "cases", "T-1", "plan.md"):       planNoContingency,
		filepath.Join(work, "other", ".caselint.toml"):       ruleOff,
		filepath.Join(work, "other", "cases", "T-1/case.md"): caseMD,
		filepath.Join(work, "other", "cases", "T-1/plan.md"): planNoContingency,
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, notes := contingency(t, work, "cases"); n != 1 || saysConfig(notes) {
		t.Errorf("outside a repository: %d findings, notices %q; want 1 and no config", n, notes)
	}
	// A config below the working folder, above the path, is read.
	if n, notes := contingency(t, work, "other/cases"); n != 0 || !hasNote(notes, "config: other/.caselint.toml"+offSays) {
		t.Errorf("other/cases: %d findings, notices %q; want 0 and other/.caselint.toml", n, notes)
	}
}

// --rev reads the config of the revision linted, not the work tree's.
func TestConfigOfRevision(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("cases/.caselint.toml", ruleOff)
	first := r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1, rule off")
	r.git("rm", "-q", "cases/.caselint.toml")
	r.commit("Aisha Patel", "2026-01-06T10:00:00Z", "rule on")

	if n, notes := contingency(t, r.dir, "--rev", first, "cases"); n != 0 || !hasNote(notes, "config: cases/.caselint.toml"+offSays) {
		t.Errorf("--rev first: %d findings, notices %q; want 0 under cases/.caselint.toml", n, notes)
	}
	if n, notes := contingency(t, r.dir, "--rev", "HEAD", "cases"); n != 1 || saysConfig(notes) {
		t.Errorf("--rev HEAD: %d findings, notices %q; want 1 and no config", n, notes)
	}
	// A config in the work tree alone is not the commit's.
	r.write("cases/.caselint.toml", ruleOff)
	if n, _ := contingency(t, r.dir, "cases"); n != 0 {
		t.Errorf("work tree with the config: %d findings, want 0", n)
	}
	if n, notes := contingency(t, r.dir, "--rev", "HEAD", "cases/T-1"); n != 1 || saysConfig(notes) {
		t.Errorf("--rev HEAD, config in the work tree only: %d findings, notices %q; want 1 and no config", n, notes)
	}
}

// --staged reads the staged config, not the work tree's.
func TestConfigStaged(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")

	r.write("cases/.caselint.toml", ruleOff)
	r.git("add", "cases/.caselint.toml")
	r.write("cases/.caselint.toml", "[rules]\nmissing-contingency-plan = \"error\"\n")
	if n, notes := contingency(t, r.dir, "--staged", "cases"); n != 0 || !hasNote(notes, "config: cases/.caselint.toml"+offSays) {
		t.Errorf("--staged: %d findings, notices %q; want 0 under the staged config", n, notes)
	}
	if n, _ := contingency(t, r.dir, "cases"); n != 1 {
		t.Errorf("work tree: %d findings, want 1 under the work tree's config", n)
	}

	// Staged in the work tree only: the index has none.
	r.git("rm", "-q", "-f", "--cached", "cases/.caselint.toml")
	r.write("cases/.caselint.toml", ruleOff)
	r.write("cases/T-1/plan.md", planNoContingency+"\n")
	r.git("add", "cases/T-1/plan.md")
	if n, notes := contingency(t, r.dir, "--staged", "cases"); n != 1 || saysConfig(notes) {
		t.Errorf("--staged, config not staged: %d findings, notices %q; want 1 and no config", n, notes)
	}
}

// A config that is a symbolic link is refused in every mode, whether it
// leads out of the tree or not.
func TestConfigLinkRefused(t *testing.T) {
	r := newRepo(t)
	if err := os.WriteFile(filepath.Join(r.home, "outside.toml"), []byte(ruleOff), 0o644); err != nil {
		t.Fatal(err)
	}
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("inside.toml", ruleOff)
	for _, target := range []string{"../../outside.toml", "../inside.toml"} {
		os.Remove(filepath.Join(r.dir, "cases", ".caselint.toml"))
		if err := os.Symlink(target, filepath.Join(r.dir, "cases", ".caselint.toml")); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "config link to "+target)
		r.write("cases/T-1/plan.md", planNoContingency+target)
		r.git("add", "cases/T-1/plan.md")
		for _, args := range [][]string{{"cases"}, {"--rev", "HEAD", "cases"}, {"--staged", "cases"}, {"cases/T-1"}} {
			code, out, errOut := caselint(t, r.dir, append([]string{"lint", "--as-of", "2026-11-20"}, args...)...)
			if code != cmdutil.ExitError || !strings.Contains(errOut, "cases/.caselint.toml is a symbolic link") || strings.Contains(errOut, r.home) {
				t.Errorf("link to %s, %v: exit %d\n%s%s", target, args, code, out, errOut)
			}
		}
	}
}

// The report names the config it was made under, relative to the root, in
// every format.
func TestConfigNamedInReport(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("cases/.caselint.toml", ruleOff)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")

	cases := filepath.Join(r.dir, "cases")
	_, out, _ := caselint(t, cases, "lint", "--as-of", "2026-11-20", "T-1")
	if !strings.Contains(out, "caselint: notice: config: cases/.caselint.toml"+offSays+"\n") {
		t.Errorf("text report:\n%s", out)
	}
	if _, notes := contingency(t, cases, "T-1"); !hasNote(notes, "config: cases/.caselint.toml"+offSays) {
		t.Errorf("JSON notifications: %q", notes)
	}
	log, _ := lintSARIF(t, cases, "--as-of", "2026-11-20", "T-1")
	found := false
	for _, n := range log.Runs[0].Invocations[0].Notifications {
		found = found || n.Message.Text == "config: cases/.caselint.toml"+offSays
	}
	if !found {
		t.Errorf("SARIF notifications: %+v", log.Runs[0].Invocations[0].Notifications)
	}
	// --config outside the tree is named by its base name, never its path.
	other := filepath.Join(t.TempDir(), "ours.toml")
	if err := os.WriteFile(other, []byte(ruleOff), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, notes := contingency(t, r.dir, "--config", other, "cases"); !hasNote(notes, "config: ours.toml"+offSays) {
		t.Errorf("--config: %q", notes)
	}
}

// Paths under different configs are linted in one run, each case under
// its own (issue 17, item 4), in every mode; the report names both.
func TestConfigDiffersByPath(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("cases/T-1/.caselint.toml", ruleOff)
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planNoContingency)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1, T-2")
	for _, args := range [][]string{{"cases/T-1", "cases/T-2"}, {"--rev", "HEAD", "cases/T-2", "cases/T-1"}, {"cases"}, {"--rev", "HEAD"}} {
		code, out, errOut := caselint(t, r.dir, append([]string{"lint", "--format", "json", "--as-of", "2026-11-20"}, args...)...)
		if code == cmdutil.ExitError {
			t.Fatalf("%v: exit 2: %s", args, errOut)
		}
		var rep struct {
			Findings []jsonFinding `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		got := only(rep.Findings, "missing-contingency-plan")
		if len(got) != 1 || !strings.HasPrefix(got[0].Path, "cases/T-2/") {
			t.Errorf("%v: %+v; want one, in cases/T-2", args, got)
		}
	}
	if n, notes := contingency(t, r.dir, "cases/T-1"); n != 0 || !hasNote(notes, "config: cases/T-1/.caselint.toml"+offSays) {
		t.Errorf("cases/T-1: %d findings, %q", n, notes)
	}
}

// A config nested 8,000 deep is refused at its place, quickly, in every
// mode (issue 14, item 13).
func TestConfigNestedDeep(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planMD)
	r.write(".caselint.toml", "closures = "+strings.Repeat("[", 8000)+strings.Repeat("]", 8000)+"\n")
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")
	for _, args := range [][]string{{"cases"}, {"--rev", "HEAD", "cases"}} {
		code, _, errOut := caselint(t, r.dir, append([]string{"lint"}, args...)...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, ".caselint.toml:1:22: the config nests arrays or tables more than 10 deep") {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
}
