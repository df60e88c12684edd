package lintcmd_test

// End-to-end tests of caselint lint in real repositories, built with the
// git command (only tests run it: caselint reads git through go-git).

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/root"
	"github.com/caselint/caselint/internal/gittest"
)

// gitEnv is the environment of the git commands the tests run: none of the
// caller's GIT_* variables, no user or system configuration.
func gitEnv(home string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "HOME=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Test Author", "GIT_AUTHOR_EMAIL=author@example.org",
		"GIT_COMMITTER_NAME=Test Committer", "GIT_COMMITTER_EMAIL=committer@example.org")
	return append(env, extra...)
}

type repo struct {
	t    *testing.T
	dir  string
	home string
}

// newRepo makes an empty repository on branch main, and clears
// GIT_INDEX_FILE for the caselint under test.
func newRepo(t *testing.T) *repo {
	t.Helper()
	gittest.Require(t)
	t.Setenv("GIT_INDEX_FILE", "")
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &repo{t: t, dir: filepath.Join(base, "repo"), home: base}
	if err := os.Mkdir(r.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) gitEnv(extra []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = gitEnv(r.home, extra...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	return r.gitEnv(nil, args...)
}

func (r *repo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit stages everything and commits it as author at date (ISO 8601,
// the author and committer date), and returns the commit's hash.
func (r *repo) commit(author, date, msg string) string {
	r.t.Helper()
	r.git("add", "-A")
	email := strings.ToLower(strings.ReplaceAll(author, " ", ".")) + "@example.org"
	r.gitEnv([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"commit", "-q", "--allow-empty", "--author", author+" <"+email+">", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

// caselint runs caselint in dir, in this process.
func caselint(t *testing.T, dir string, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	t.Chdir(dir)
	ios, _, out, errOut := iostreams.Test()
	code := root.Main(args, ios)
	return code, out.String(), errOut.String()
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
	Severity string `json:"severity"`
}

// lintJSON runs caselint with --format json and returns its findings.
func lintJSON(t *testing.T, dir string, args ...string) ([]jsonFinding, string) {
	t.Helper()
	code, out, errOut := caselint(t, dir, append([]string{"lint", "--format", "json"}, args...)...)
	if code == cmdutil.ExitError {
		t.Fatalf("caselint lint %s: exit 2: %s", strings.Join(args, " "), errOut)
	}
	var rep struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	return rep.Findings, errOut
}

func only(fs []jsonFinding, rule string) []jsonFinding {
	var out []jsonFinding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

type sarifLog struct {
	Runs []struct {
		Invocations []struct {
			Notifications []struct {
				Message struct{ Text string } `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Provenance []struct {
			RepositoryURI string `json:"repositoryUri"`
			RevisionID    string `json:"revisionId"`
			Branch        string `json:"branch"`
		} `json:"versionControlProvenance"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Properties map[string]string `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

// lintSARIF runs caselint with --format sarif into a file and reads it.
func lintSARIF(t *testing.T, dir string, args ...string) (*sarifLog, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "caselint.sarif")
	code, _, errOut := caselint(t, dir, append([]string{"lint", "--format", "sarif", "-o", out}, args...)...)
	if code == cmdutil.ExitError {
		t.Fatalf("caselint lint %s: exit 2: %s", strings.Join(args, " "), errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	return &log, errOut
}

// The records.

const caseMD = `+++
type = "case"
id = "T-1"

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
name = "Sam Jones"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Dana Price"
role = "mother"
family = true
+++

## Background
Jamie lives with his mother.
`

const planMD = `+++
type = "plan"
started = 2026-01-05
category = "neglect"
lead_worker = "Aisha Patel"
core_group = ["Aisha Patel", "Dana Price"]
+++

## Concerns
Jamie is often hungry at school.

## Outcomes
- O1: Jamie is fed every day.

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Make Jamie breakfast | Dana Price | weekly | O1 |

## Developmental needs
Reading support at school.

## Contact arrangements
Aisha Patel sees Jamie alone every two weeks.

## Review
At each core group.

## Contingency plan
If Jamie misses meals, Aisha Patel convenes a strategy discussion.
`

// visit is a complete visit record on date; facts are more frontmatter
// lines (child_seen and seen_alone default to true) and note ends the
// observations.
func visit(date string, facts string, note string) string {
	if !strings.Contains(facts, "child_seen") {
		facts = "child_seen = true\n" + facts
	}
	if !strings.Contains(facts, "seen_alone") {
		facts += "seen_alone = true\n"
	}
	return `+++
type = "visit"
date = ` + date + `
by = "Aisha Patel"
present = ["Jamie", "Dana Price"]
` + facts + `bedroom_seen = true
+++

## Observations
Jamie was in the kitchen. ` + note + `

## Wishes and feelings
Jamie wants to stay at home.

## Meals and sleeping
Toast for breakfast; his own bed.

## Presentation and behaviour
Clean clothes; chatty.

## Incidents and injuries
None.
`
}

// start commits the case and its plan on Monday 5 January 2026.
func start(r *repo) string {
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planMD)
	return r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1: case and plan")
}

func TestGitLateRecording(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "T-1: visit of 12 January")
	// Wednesday 14 January, committed two weeks later.
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late."))
	late := r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
	r.git("remote", "add", "origin", "https://github.com/example-la/cases.git")

	log, errOut := lintSARIF(t, r.dir, "--as-of", "2026-11-20", "cases")
	if strings.Contains(errOut, "history rules skipped") {
		t.Errorf("history rules skipped in a full repository: %s", errOut)
	}
	run := log.Runs[0]
	var got []int
	for i, res := range run.Results {
		if res.RuleID == "late-recording" {
			got = append(got, i)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d late-recording results, want 1", len(got))
	}
	res := run.Results[got[0]]
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "cases/T-1/visits/2026-01-14.md" || loc.Region.StartLine != 3 {
		t.Errorf("late-recording at %s:%d, want the date line of the late visit", loc.ArtifactLocation.URI, loc.Region.StartLine)
	}
	for k, want := range map[string]string{
		"attributedCommit": late, "attributedAuthor": "Sam Jones", "attributedDate": "2026-01-28T09:00:00Z",
		"commit": late, "author": "Sam Jones", "date": "2026-01-28T09:00:00Z",
	} {
		if res.Properties[k] != want {
			t.Errorf("properties[%s] = %q, want %q", k, res.Properties[k], want)
		}
	}
	for _, want := range []string{late[:7], "Sam Jones", "28 January 2026"} {
		if !strings.Contains(res.Message.Text, want) {
			t.Errorf("message does not name %q: %s", want, res.Message.Text)
		}
	}
	// Every result on a committed line carries its line's commit.
	for _, res := range run.Results {
		if res.Properties["commit"] == "" {
			t.Errorf("%s result without the commit of its line", res.RuleID)
		}
	}
	head := r.git("rev-parse", "HEAD")
	if p := run.Provenance; len(p) != 1 || p[0].RepositoryURI != "https://github.com/example-la/cases.git" || p[0].RevisionID != head || p[0].Branch != "main" {
		t.Errorf("versionControlProvenance = %+v", p)
	}

	// Text: the finding names the commit.
	_, out, _ := caselint(t, r.dir, "lint", "--as-of", "2026-11-20", "cases")
	if !strings.Contains(out, "cases/T-1/visits/2026-01-14.md:3:1: warning: ") || !strings.Contains(out, late[:7]) {
		t.Errorf("text output:\n%s", out)
	}

	// As of a day before the late commit, it had not happened.
	fs, _ := lintJSON(t, r.dir, "--as-of", "2026-01-27", "cases")
	if n := len(only(fs, "late-recording")); n != 0 {
		t.Errorf("as of 27 January: %d late-recording findings, want 0", n)
	}
}

func TestGitRewrittenRecord(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "seen_alone = false\nnot_seen_reason = \"Jamie wanted his mother there\"\n", ""))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "T-1: visit of 12 January")

	// Narrative only, weeks later: not a rewrite.
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "seen_alone = false\nnot_seen_reason = \"Jamie wanted his mother there\"\n", "He showed me his drawings."))
	r.commit("Aisha Patel", "2026-02-20T09:00:00Z", "T-1: visit of 12 January, more detail")
	fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if n := len(only(fs, "rewritten-record")) + len(only(fs, "late-recording")); n != 0 {
		t.Fatalf("a narrative edit: %d history findings, want 0: %v", n, fs)
	}

	// The facts, weeks later: a rewrite, named.
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "seen_alone = true\n", "He showed me his drawings."))
	rewrite := r.commit("Sam Jones", "2026-03-02T09:00:00Z", "T-1: visit of 12 January, corrected")
	// And the narrative again after that: still one finding.
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "seen_alone = true\n", "He showed me his drawings of a dog."))
	r.commit("Aisha Patel", "2026-03-03T09:00:00Z", "T-1: typo")

	fs, _ = lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	got := only(fs, "rewritten-record")
	if len(got) != 1 {
		t.Fatalf("%d rewritten-record findings, want 1: %v", len(got), got)
	}
	f := got[0]
	if f.Path != "cases/T-1/visits/2026-01-12.md" || f.Line != 3 {
		t.Errorf("at %s:%d, want the visit's date line", f.Path, f.Line)
	}
	for _, want := range []string{rewrite[:7], "Sam Jones", "2 March 2026", "not_seen_reason and seen_alone were changed"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message does not say %q: %s", want, f.Message)
		}
	}

	// --rev before the rewrite: the history as it was then has none.
	before := r.git("rev-parse", "HEAD~2")
	fs, _ = lintJSON(t, r.dir, "--rev", before, "--as-of", "2026-11-20", "cases")
	if n := len(only(fs, "rewritten-record")); n != 0 {
		t.Errorf("--rev before the rewrite: %d rewritten-record findings, want 0", n)
	}
}

func TestGitRev(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", strings.Replace(planMD, "## Contingency plan\nIf Jamie misses meals, Aisha Patel convenes a strategy discussion.\n", "", 1))
	first := r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1: plan without a contingency plan")
	r.write("cases/T-1/plan.md", planMD)
	r.commit("Aisha Patel", "2026-01-06T10:00:00Z", "T-1: contingency plan")

	fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if n := len(only(fs, "missing-contingency-plan")); n != 0 {
		t.Errorf("work tree: %d missing-contingency-plan findings, want 0", n)
	}
	fs, _ = lintJSON(t, r.dir, "--rev", first[:10], "cases")
	if n := len(only(fs, "missing-contingency-plan")); n != 1 {
		t.Errorf("--rev %s: %d missing-contingency-plan findings, want 1", first[:10], n)
	}
	// As of the commit's date (6 January), Jamie is not yet overdue a
	// visit; as of November, he is.
	if fs, _ = lintJSON(t, r.dir, "--rev", "HEAD", "cases"); len(only(fs, "unseen-child")) != 0 {
		t.Errorf("--rev HEAD: as of the commit's date, Jamie is not yet unseen: %v", only(fs, "unseen-child"))
	}
	if fs, _ = lintJSON(t, r.dir, "--rev", "HEAD", "--as-of", "2026-11-20", "cases"); len(only(fs, "unseen-child")) == 0 {
		t.Errorf("--rev HEAD --as-of 2026-11-20: Jamie unseen for months, and no finding")
	}
	log, _ := lintSARIF(t, r.dir, "--rev", "main", "cases")
	if p := log.Runs[0].Provenance; len(p) != 0 {
		t.Errorf("provenance without a remote: %+v", p)
	}
	r.git("remote", "add", "origin", "git@github.com:example-la/cases.git")
	log, _ = lintSARIF(t, r.dir, "--rev", first, "cases")
	if p := log.Runs[0].Provenance; len(p) != 1 || p[0].RevisionID != first || p[0].RepositoryURI != "ssh://github.com/example-la/cases.git" {
		t.Errorf("provenance of --rev: %+v", p)
	}

	code, _, errOut := caselint(t, r.dir, "lint", "--rev", "no-such-branch", "cases")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "no-such-branch") {
		t.Errorf("--rev of nothing: exit %d, %s", code, errOut)
	}
	code, _, errOut = caselint(t, r.dir, "lint", "--rev", "HEAD", "--staged")
	if code != cmdutil.ExitError {
		t.Errorf("--rev with --staged: exit %d, %s", code, errOut)
	}
}

func TestGitNewFromRev(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "T-1: visit of 12 January")
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Recorded late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")

	r.git("checkout", "-q", "-b", "feature")
	// Lines move: a comment at the top of the plan's frontmatter and of
	// the late visit's.
	r.write("cases/T-1/plan.md", strings.Replace(planMD, "+++\n", "+++\n# reviewed with the team manager\n", 1))
	r.write("cases/T-1/visits/2026-01-14.md", strings.Replace(visit("2026-01-14T10:00:00", "", "Recorded late."), "+++\n", "+++\n# checked\n", 1))
	// One defect: a visit where Jamie was not seen, and no reason why.
	r.write("cases/T-1/visits/2026-01-26.md", visit("2026-01-26T10:00:00", "child_seen = false\nseen_alone = false\n", "Jamie was out with Nan."))
	r.commit("Aisha Patel", "2026-01-27T09:00:00Z", "T-1: visit of 26 January")

	all, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if len(all) < 5 || len(only(all, "late-recording")) != 1 {
		t.Fatalf("the branch should have several older findings, a late recording among them: %v", all)
	}
	got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "main", "cases")
	if len(got) != 1 || got[0].Rule != "missing-not-seen-reason" || got[0].Path != "cases/T-1/visits/2026-01-26.md" {
		t.Fatalf("--new-from-rev main: %v, want the one missing-not-seen-reason on the new visit", got)
	}

	// The same in SARIF, and in the github format.
	log, _ := lintSARIF(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "main", "cases")
	if n := len(log.Runs[0].Results); n != 1 {
		t.Errorf("SARIF --new-from-rev: %d results, want 1", n)
	}
	code, out, _ := caselint(t, r.dir, "lint", "--as-of", "2026-11-20", "--new-from-rev", "main", "--format", "github", "cases")
	if code != cmdutil.ExitFindings || strings.Count(out, "::error ") != 1 || strings.Contains(out, "::warning ") {
		t.Errorf("github --new-from-rev: exit %d\n%s", code, out)
	}

	// Nothing new against the branch itself.
	if got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "HEAD", "cases"); len(got) != 0 {
		t.Errorf("--new-from-rev HEAD: %v", got)
	}
	// A case added on the branch is new as a whole.
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planMD)
	r.commit("Aisha Patel", "2026-01-27T10:00:00Z", "T-2")
	got, _ = lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "main", "cases/T-2")
	if len(got) == 0 {
		t.Error("--new-from-rev main on a case new on the branch: no findings")
	}
	for _, f := range got {
		if !strings.HasPrefix(f.Path, "cases/T-2/") {
			t.Errorf("finding outside the path asked for: %v", f)
		}
	}

	// A commit that is not there: exit 2, and say to fetch.
	code, _, errOut := caselint(t, r.dir, "lint", "--new-from-rev", "origin/main", "cases")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "fetch") {
		t.Errorf("--new-from-rev of a missing commit: exit %d, %s", code, errOut)
	}
}

// TestGitStaged stages a visit where Jamie was not seen and no reason was
// recorded, then puts the work tree back as committed: --staged sees the
// defect, the work tree has none.
func TestGitStaged(t *testing.T) {
	r := newRepo(t)
	start(r)
	good := visit("2026-01-12T10:00:00", "", "")
	r.write("cases/T-1/visits/2026-01-12.md", good)
	r.write("cases/T-2/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-2"`, 1))
	r.write("cases/T-2/plan.md", planMD)
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "cases")

	bad := visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", "")
	r.write("cases/T-1/visits/2026-01-12.md", bad)
	r.git("add", "cases/T-1/visits/2026-01-12.md")
	r.write("cases/T-1/visits/2026-01-12.md", good)

	staged, _ := lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20")
	if n := len(only(staged, "missing-not-seen-reason")); n != 1 {
		t.Errorf("--staged: %d missing-not-seen-reason findings, want 1", n)
	}
	for _, f := range staged {
		if !strings.HasPrefix(f.Path, "cases/T-1/") {
			t.Errorf("--staged linted a case the change does not touch: %v", f)
		}
	}
	plain, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20")
	if n := len(only(plain, "missing-not-seen-reason")); n != 0 {
		t.Errorf("work tree: %d missing-not-seen-reason findings, want 0", n)
	}
	// From a folder inside the repository, with a path.
	staged, _ = lintJSON(t, filepath.Join(r.dir, "cases"), "--staged", "--as-of", "2026-11-20", "T-1")
	if n := len(only(staged, "missing-not-seen-reason")); n != 1 {
		t.Errorf("--staged T-1 from cases/: %d missing-not-seen-reason findings, want 1", n)
	}
	if staged, _ = lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20", "cases/T-2"); len(staged) != 0 {
		t.Errorf("--staged cases/T-2, nothing staged there: %v", staged)
	}

	// Deleting a staged visit lints its case.
	r.git("reset", "-q")
	r.git("rm", "-q", "cases/T-1/visits/2026-01-12.md")
	staged, _ = lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20")
	if len(staged) == 0 || len(only(staged, "unseen-child")) == 0 {
		t.Errorf("--staged after deleting the only visit: %v, want T-1 linted (unseen-child)", staged)
	}
	r.git("reset", "-q", "--hard")

	// Nothing staged: nothing linted, exit 0.
	code, out, errOut := caselint(t, r.dir, "lint", "--staged")
	if code != cmdutil.ExitOK || !strings.Contains(out, "no problems") {
		t.Errorf("nothing staged: exit %d\n%s%s", code, out, errOut)
	}
}

// TestGitIndexFile is git commit -a as its hook sees it: the change is in
// the work tree, not in the index, and GIT_INDEX_FILE names the temporary
// index git is about to commit.
func TestGitIndexFile(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", ""))
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "visit")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", ""))

	if fs, _ := lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20"); len(fs) != 0 {
		t.Errorf("--staged with nothing staged in the index: %v", fs)
	}
	tmp := filepath.Join(t.TempDir(), "index")
	r.gitEnv([]string{"GIT_INDEX_FILE=" + tmp}, "read-tree", "HEAD")
	r.gitEnv([]string{"GIT_INDEX_FILE=" + tmp}, "add", "-A")
	t.Setenv("GIT_INDEX_FILE", tmp)
	fs, _ := lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20")
	if n := len(only(fs, "missing-not-seen-reason")); n != 1 {
		t.Errorf("--staged with GIT_INDEX_FILE: %d missing-not-seen-reason findings, want 1: %v", n, fs)
	}
}

// TestGitHookCommitAll installs the hook with the real caselint binary and
// runs git commit -a: a defect stops the commit, a clean change goes in.
func TestGitHookCommitAll(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	if testing.Short() {
		t.Skip("builds caselint")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "caselint"), "github.com/caselint/caselint/cmd/caselint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	r := newRepo(t)
	// Only the rule under test is on, so that the case is otherwise clean
	// whatever the day the test runs.
	var cfg strings.Builder
	cfg.WriteString("profile = \"combined\"\n[rules]\n")
	for _, rule := range checks.All() {
		if rule.ID != "missing-not-seen-reason" && rule.ID != "invalid-record" && rule.ID != "unexplained-suppression" {
			cfg.WriteString(rule.ID + " = \"off\"\n")
		}
	}
	r.write(".caselint.toml", cfg.String())
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", ""))
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "visit")

	path := "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")
	install := exec.Command(filepath.Join(bin, "caselint"), "hook", "install")
	install.Dir = r.dir
	install.Env = gitEnv(r.home, path)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("caselint hook install: %v\n%s", err, out)
	}

	commitAll := func(msg string) (string, error) {
		cmd := exec.Command("git", "commit", "-a", "-m", msg)
		cmd.Dir = r.dir
		cmd.Env = gitEnv(r.home, path)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	head := r.git("rev-parse", "HEAD")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", ""))
	out, err := commitAll("a defect")
	if err == nil {
		t.Fatalf("git commit -a went through with a defect:\n%s", out)
	}
	if !strings.Contains(out, "cases/T-1/visits/2026-01-12.md:") || !strings.Contains(out, "[missing-not-seen-reason]") {
		t.Errorf("the hook's output does not show the finding:\n%s", out)
	}
	if got := r.git("rev-parse", "HEAD"); got != head {
		t.Error("a commit was made")
	}

	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\nnot_seen_reason = \"Jamie was at his grandmother's; seen there on 13 January\"\n", ""))
	if out, err := commitAll("the reason"); err != nil {
		t.Fatalf("git commit -a of a clean change: %v\n%s", err, out)
	}
	if got := r.git("rev-parse", "HEAD"); got == head {
		t.Error("no commit was made")
	}
}

func TestGitShallowClone(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Recorded late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
	if fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases"); len(only(fs, "late-recording")) != 1 {
		t.Fatalf("full repository: want one late-recording finding: %v", fs)
	}

	clone := filepath.Join(r.home, "clone")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, clone)

	log, errOut := lintSARIF(t, clone, "--as-of", "2026-11-20", "cases")
	for _, res := range log.Runs[0].Results {
		if res.RuleID == "late-recording" || res.RuleID == "rewritten-record" {
			t.Errorf("a history finding in a shallow clone: %s", res.Message.Text)
		}
	}
	if !strings.Contains(errOut, "history rules skipped") || !strings.Contains(errOut, "shallow clone") {
		t.Errorf("stderr does not say the history rules were skipped, and why: %q", errOut)
	}
	found := false
	for _, n := range log.Runs[0].Invocations[0].Notifications {
		found = found || (strings.Contains(n.Message.Text, "history rules skipped") && strings.Contains(n.Message.Text, "shallow clone"))
	}
	if !found {
		t.Errorf("SARIF toolExecutionNotifications do not say the history rules were skipped: %+v", log.Runs[0].Invocations)
	}
	// A file:// remote is a local path: no provenance.
	if p := log.Runs[0].Provenance; len(p) != 0 {
		t.Errorf("provenance naming a local folder: %+v", p)
	}

	// Text: the notice on stderr, once, not in the report.
	_, out, errOut := caselint(t, clone, "lint", "--as-of", "2026-11-20", "cases")
	if strings.Count(errOut, "history rules skipped") != 1 || strings.Contains(out, "history rules skipped") {
		t.Errorf("text: stdout\n%s\nstderr\n%s", out, errOut)
	}

	// --new-from-rev against a commit behind the boundary.
	code, _, errOut := caselint(t, clone, "lint", "--new-from-rev", "HEAD~1", "cases")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "fetch") || !strings.Contains(errOut, "shallow") {
		t.Errorf("--new-from-rev in a shallow clone: exit %d, %s", code, errOut)
	}
}

func TestGitLinkedWorktree(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Recorded late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
	wt := filepath.Join(r.home, "wt")
	r.git("worktree", "add", "-q", "-b", "feature", wt)

	fs, errOut := lintJSON(t, filepath.Join(wt, "cases"), "--as-of", "2026-11-20")
	if n := len(only(fs, "late-recording")); n != 1 || strings.Contains(errOut, "skipped") {
		t.Errorf("linked worktree: %d late-recording findings, want 1; stderr %q", n, errOut)
	}
	for _, f := range fs {
		if !strings.HasPrefix(f.Path, "cases/") {
			t.Errorf("path not relative to the worktree's root: %s", f.Path)
		}
	}
}

func TestOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"cases/T-1/case.md": caseMD, "cases/T-1/plan.md": planMD} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.Command("git", "-C", dir, "rev-parse", "--git-dir").Output(); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	_, out, errOut := caselint(t, dir, "lint", "--as-of", "2026-11-20", "cases")
	// Outside git there is no history to check: a notice on stderr says
	// so and names the rules skipped, so that a clean report is not read
	// as the records having been written up in time (issue 17).
	if !strings.Contains(errOut, "not in a git repository") || !strings.Contains(errOut, "late-recording") || strings.Contains(out, "history rules") {
		t.Errorf("outside a repository: stdout\n%s\nstderr\n%s", out, errOut)
	}
	for _, flag := range [][]string{{"--staged"}, {"--rev", "HEAD"}, {"--new-from-rev", "HEAD"}} {
		code, _, errOut := caselint(t, dir, append([]string{"lint"}, append(flag, "cases")...)...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, "git") {
			t.Errorf("%s outside a repository: exit %d, %s", flag[0], code, errOut)
		}
	}
}

// TestGitNewFromRevRewriteOnBranch: a branch rewrites an old visit in a
// commit dated before the tip of main (main moved on meanwhile). The
// rewrite is the branch's, so it is new against main.
func TestGitNewFromRevRewriteOnBranch(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", ""))
	r.commit("Aisha Patel", "2026-01-13T10:00:00Z", "visit")
	r.git("checkout", "-q", "-b", "feature")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "awake = true\n", ""))
	rewrite := r.commit("Sam Jones", "2026-03-02T09:00:00Z", "visit: awake")
	r.git("checkout", "-q", "main")
	r.write("cases/T-1/notes.md", "Notes.\n")
	r.commit("Aisha Patel", "2026-03-10T09:00:00Z", "notes")
	r.git("checkout", "-q", "feature")

	for _, rev := range []string{"main", "HEAD~1"} {
		got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", rev, "cases")
		if len(got) != 1 || got[0].Rule != "rewritten-record" || !strings.Contains(got[0].Message, rewrite[:7]) {
			t.Errorf("--new-from-rev %s: %v, want the branch's rewrite", rev, got)
		}
	}
	// Linting main's commit with the branch's history: no rewrite there.
	if got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--rev", "main", "cases"); len(only(got, "rewritten-record")) != 0 {
		t.Errorf("--rev main: %v", only(got, "rewritten-record"))
	}
}

// TestGitHistoryCache: the history cache in the git folder changes how
// fast the history is built, never what the history rules find.
func TestGitHistoryCache(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "T-1: visit of 14 January")
	cache := filepath.Join(r.dir, ".git", "caselint", "history")

	// --no-cache neither reads nor writes it.
	uncached, _ := lintJSON(t, r.dir, "--no-cache", "--as-of", "2026-11-20", "cases")
	if _, err := os.Stat(cache); err == nil {
		t.Fatalf("--no-cache wrote %s", cache)
	}
	if n := len(only(uncached, "late-recording")); n != 1 {
		t.Fatalf("%d late-recording findings, want 1", n)
	}
	same := func(what string, got []jsonFinding) {
		t.Helper()
		if len(got) != len(uncached) {
			t.Fatalf("%s: %d findings, want %d: %v", what, len(got), len(uncached), got)
		}
		for i := range got {
			if got[i] != uncached[i] {
				t.Errorf("%s: finding %d %+v, want %+v", what, i, got[i], uncached[i])
			}
		}
	}
	// Written by the first run, read by the next: the same findings.
	same("cache written", lintJSON1(t, r.dir))
	st, err := os.Stat(cache)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("cache: %v, %v; want a file readable by its owner alone", st, err)
	}
	same("cache read", lintJSON1(t, r.dir))

	// A damaged cache is passed over and written anew.
	if err := os.WriteFile(cache, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	same("cache damaged", lintJSON1(t, r.dir))
	if data, err := os.ReadFile(cache); err != nil || string(data) == "damaged" {
		t.Errorf("the damaged cache was not written anew: %v", err)
	}

	// The pre-commit run reads it too.
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late, and amended."))
	r.git("add", "cases")
	staged, _ := lintJSON(t, r.dir, "--staged", "--as-of", "2026-11-20")
	if n := len(only(staged, "late-recording")); n != 1 {
		t.Errorf("--staged: %d late-recording findings, want 1", n)
	}
}

func lintJSON1(t *testing.T, dir string) []jsonFinding {
	t.Helper()
	fs, _ := lintJSON(t, dir, "--as-of", "2026-11-20", "cases")
	return fs
}

// TestGitRecordedBeforeEvent: in a real repository, a visit record first
// committed before the visit it records is reported, attributed to that
// commit; one committed after it is not.
func TestGitRecordedBeforeEvent(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "After."))
	r.commit("Aisha Patel", "2026-01-12T16:40:00Z", "T-1: visit of 12 January")
	// Friday 16 January at 14:00, committed that morning.
	r.write("cases/T-1/visits/2026-01-16.md", visit("2026-01-16T14:00:00", "", "Before."))
	early := r.commit("Sam Jones", "2026-01-16T09:15:00Z", "T-1: visit of 16 January")

	log, _ := lintSARIF(t, r.dir, "--as-of", "2026-11-20", "cases")
	run := log.Runs[0]
	var got []int
	for i, res := range run.Results {
		if res.RuleID == "recorded-before-event" {
			got = append(got, i)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d recorded-before-event results, want 1", len(got))
	}
	res := run.Results[got[0]]
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "cases/T-1/visits/2026-01-16.md" || loc.Region.StartLine != 3 {
		t.Errorf("recorded-before-event at %s:%d, want the date line of the visit of 16 January", loc.ArtifactLocation.URI, loc.Region.StartLine)
	}
	if res.Properties["attributedCommit"] != early || res.Properties["attributedAuthor"] != "Sam Jones" {
		t.Errorf("properties %v, want the commit %s by Sam Jones", res.Properties, early)
	}
	for _, want := range []string{early[:7], "Sam Jones", "at 09:15 that day, before it"} {
		if !strings.Contains(res.Message.Text, want) {
			t.Errorf("message does not say %q: %s", want, res.Message.Text)
		}
	}
}
