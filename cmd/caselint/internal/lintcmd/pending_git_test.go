package lintcmd_test

// The pre-commit hook (--staged) applies the history rules to what it is
// about to commit: a staged record that differs from HEAD has a pending
// version, dated now (Options.Now), its content the index's. The
// repositories are built with go-git (through internal/vcs, the one door
// to it), as caselint reads them.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/lintcmd"
	"github.com/caselint/caselint/internal/vcs"
)

// ggRepo is a repository built with go-git.
type ggRepo struct {
	t   *testing.T
	dir string
	wt  *vcs.WorkTree
}

func newGoGitRepo(t *testing.T) *ggRepo {
	t.Helper()
	t.Setenv("GIT_INDEX_FILE", "")
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "repo")
	wt, err := vcs.InitWorkTree(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	return &ggRepo{t: t, dir: dir, wt: wt}
}

// stage writes name with content and stages it.
func (r *ggRepo) stage(name, content string) {
	r.t.Helper()
	r.write(name, content)
	if err := r.wt.Add(name); err != nil {
		r.t.Fatal(err)
	}
}

// write writes name with content in the work tree only.
func (r *ggRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits what is staged as author at date (RFC 3339), the author
// and committer date, and returns the commit's hash.
func (r *ggRepo) commit(author, date string) string {
	r.t.Helper()
	when, err := time.Parse(time.RFC3339, date)
	if err != nil {
		r.t.Fatal(err)
	}
	h, err := r.wt.Commit(nil, vcs.Signature{Name: author, Email: "someone@example.org", When: when}, "records")
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// pendingStart commits case T-1 and its plan on Monday 5 January 2026.
func pendingStart(r *ggRepo) {
	r.stage("cases/T-1/case.md", caseMD)
	r.stage("cases/T-1/plan.md", planMD)
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z")
}

// stagedNow is the clock of the runs: Friday 20 November 2026, at noon
// in London (GMT).
var stagedNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

var historyRules = []string{"late-recording", "recorded-before-event", "rewritten-record"}

// lintAt runs caselint lint in r's work tree at now with args, in
// this process, and returns the history rules' findings.
func (r *ggRepo) lintAt(now time.Time, format string, args ...string) ([]jsonFinding, string) {
	r.t.Helper()
	r.t.Chdir(r.dir)
	ios, _, out, errOut := iostreams.Test()
	opts := &lintcmd.Options{
		IO: ios, Rules: checks.All(), Version: "test", Format: format, FailLevel: "warning",
		Now: func() time.Time { return now }, Getwd: func() (string, error) { return r.dir, nil },
	}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; a {
		case "--staged":
			opts.Staged = true
		case "--no-cache":
			opts.NoCache = true
		case "--as-of":
			i++
			opts.AsOf = args[i]
		default:
			opts.Paths = append(opts.Paths, a)
		}
	}
	if err := lintcmd.Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
		r.t.Fatalf("caselint lint %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
	if format != "json" {
		return nil, out.String()
	}
	var rep struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		r.t.Fatalf("%v in\n%s", err, out)
	}
	var fs []jsonFinding
	for _, rule := range historyRules {
		fs = append(fs, only(rep.Findings, rule)...)
	}
	return fs, out.String()
}

// staged runs the hook's lint, as of the day of stagedNow.
func (r *ggRepo) staged(args ...string) []jsonFinding {
	r.t.Helper()
	fs, _ := r.lintAt(stagedNow, "json", append([]string{"--staged", "--as-of", "2026-11-20"}, args...)...)
	return fs
}

// findingAt returns the history rules' findings on path.
func findingsOn(fs []jsonFinding, path string) []jsonFinding {
	var out []jsonFinding
	for _, f := range fs {
		if f.Path == path {
			out = append(out, f)
		}
	}
	return out
}

// wantOne checks that fs holds exactly one finding on path, of rule, whose
// message holds each of words, and says it is being committed (names no
// commit).
func wantOne(t *testing.T, fs []jsonFinding, path, rule string, words ...string) {
	t.Helper()
	got := findingsOn(fs, path)
	if len(got) != 1 || got[0].Rule != rule {
		t.Fatalf("%s: %v, want one finding of %s", path, got, rule)
	}
	for _, w := range append(words, "being") {
		if !strings.Contains(got[0].Message, w) {
			t.Errorf("%s: %q does not say %q", path, got[0].Message, w)
		}
	}
	if strings.Contains(got[0].Message, "(commit ") {
		t.Errorf("%s: names a commit: %s", path, got[0].Message)
	}
}

func wantNone(t *testing.T, fs []jsonFinding, path string) {
	t.Helper()
	if got := findingsOn(fs, path); len(got) > 0 {
		t.Errorf("%s: %v, want none", path, got)
	}
}

// TestStagedRecordedBeforeEvent: a visit staged before the day, or the
// time, it records is stopped by the hook; one staged after it is not.
func TestStagedRecordedBeforeEvent(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	const (
		tomorrow = "cases/T-1/visits/2026-11-21.md"
		later    = "cases/T-1/visits/2026-11-20-pm.md" // at 14:00, staged at noon
		earlier  = "cases/T-1/visits/2026-11-20-am.md" // at 10:00
		dayOnly  = "cases/T-1/visits/2026-11-20.md"    // no time: cannot be told
	)
	r.stage(tomorrow, visit("2026-11-21T10:00:00", "", "Tomorrow."))
	r.stage(later, visit("2026-11-20T14:00:00", "", "This afternoon."))
	r.stage(earlier, visit("2026-11-20T10:00:00", "", "This morning."))
	r.stage(dayOnly, visit("2026-11-20", "", "Today."))
	fs := r.staged()
	wantOne(t, fs, tomorrow, "recorded-before-event", "is being committed now, on 20 November 2026, 1 day before it")
	wantOne(t, fs, later, "recorded-before-event", "at 12:00 on 20 November 2026, before it")
	wantNone(t, fs, earlier)
	wantNone(t, fs, dayOnly)

	// The work tree is not being committed: the same records, not
	// staged, are not judged by the history rules. And the staged run
	// left nothing of its pending versions in the history cache.
	r.write("cases/T-1/visits/2026-11-22.md", visit("2026-11-22T10:00:00", "", "Not staged."))
	wt, _ := r.lintAt(stagedNow, "json", "--as-of", "2026-11-20", "cases")
	if len(wt) > 0 {
		t.Errorf("the work tree: %v, want no history finding", wt)
	}
	// Linted as of the day before: the commit being made is after it,
	// left out as any commit after the as-of date is.
	before, _ := r.lintAt(stagedNow, "json", "--staged", "--as-of", "2026-11-19")
	if len(before) > 0 {
		t.Errorf("--as-of the day before now: %v, want none", before)
	}
}

// TestStagedLateRecording: a visit staged beyond the recording limit (5
// working days) is stopped; on the limit's last day, or the same day, it
// is not.
func TestStagedLateRecording(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	const (
		threeWeeks = "cases/T-1/visits/2026-10-30.md"
		dayAfter   = "cases/T-1/visits/2026-11-12.md" // due by Thursday 19 November
		lastDay    = "cases/T-1/visits/2026-11-13.md" // due by Friday 20 November
		sameDay    = "cases/T-1/visits/2026-11-20.md"
	)
	r.stage(threeWeeks, visit("2026-10-30T10:00:00", "", "Three weeks ago."))
	r.stage(dayAfter, visit("2026-11-12T10:00:00", "", "Eight days ago."))
	fs := r.staged()
	wantOne(t, fs, threeWeeks, "late-recording", "is being committed now, on 20 November 2026, 15 working days after it", "by 6 November 2026")
	wantOne(t, fs, dayAfter, "late-recording", "6 working days after it", "by 19 November 2026")
	r.commit("Sam Jones", "2026-11-20T12:00:00Z")

	// On the last day, and the same day: on time. The two committed
	// before are still late, as committed, naming their commit.
	r.stage(lastDay, visit("2026-11-13T10:00:00", "", "A week ago."))
	r.stage(sameDay, visit("2026-11-20T09:00:00", "", "This morning."))
	fs = r.staged()
	wantNone(t, fs, lastDay)
	wantNone(t, fs, sameDay)
	for _, p := range []string{threeWeeks, dayAfter} {
		got := findingsOn(fs, p)
		if len(got) != 1 || strings.Contains(got[0].Message, "being") || !strings.Contains(got[0].Message, "(commit ") {
			t.Errorf("%s, committed: %v, want one naming its commit", p, got)
		}
	}
}

// TestStagedBulkImport: three late records staged together are one
// import, being committed.
func TestStagedBulkImport(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	for _, d := range []string{"2026-09-07", "2026-09-21", "2026-10-05"} {
		r.stage("cases/T-1/visits/"+d+".md", visit(d+"T10:00:00", "", "From the paper file."))
	}
	fs := r.staged()
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "3 visit records of this case, dated from 7 September 2026 to 5 October 2026, are being committed together now, on 20 November 2026") {
		t.Fatalf("%v, want one bulk import being committed", fs)
	}
}

// TestStagedRewrittenRecord: a change to the facts of a visit committed
// long ago is stopped; a change within the limit, a typo fix in the
// narrative, and a record staged as it was, are not.
func TestStagedRewrittenRecord(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	const (
		monthOld = "cases/T-1/visits/2026-10-19.md" // committed 20 October
		dayAfter = "cases/T-1/visits/2026-11-11.md" // committed Thursday 12 November: open until the 19th
		lastDay  = "cases/T-1/visits/2026-11-12.md" // committed Friday 13 November: open until the 20th
		typo     = "cases/T-1/visits/2026-10-16.md"
	)
	r.stage(monthOld, visit("2026-10-19T10:00:00", seenFalse, ""))
	r.stage(typo, visit("2026-10-16T10:00:00", "", "He showd me his drawings."))
	r.commit("Aisha Patel", "2026-10-20T17:00:00Z")
	r.stage(dayAfter, visit("2026-11-11T10:00:00", seenFalse, ""))
	r.commit("Aisha Patel", "2026-11-12T17:00:00Z")
	r.stage(lastDay, visit("2026-11-12T10:00:00", seenFalse, ""))
	r.commit("Aisha Patel", "2026-11-13T17:00:00Z")
	if fs := r.staged(); len(fs) > 0 {
		t.Fatalf("nothing staged: %v", fs)
	}

	r.stage(monthOld, visit("2026-10-19T10:00:00", "seen_alone = true\n", ""))
	r.stage(dayAfter, visit("2026-11-11T10:00:00", "seen_alone = true\n", ""))
	r.stage(lastDay, visit("2026-11-12T10:00:00", "seen_alone = true\n", ""))
	r.stage(typo, visit("2026-10-16T10:00:00", "", "He showed me his drawings."))
	fs := r.staged()
	wantOne(t, fs, monthOld, "rewritten-record", "are being changed in the commit being made now, on 20 November 2026, 23 working days after it was first committed on 20 October 2026",
		"not_seen_reason and seen_alone are being changed")
	wantOne(t, fs, dayAfter, "rewritten-record", "6 working days after it was first committed on 12 November 2026")
	wantNone(t, fs, lastDay)
	wantNone(t, fs, typo)

	// Without --staged, the same changes in the work tree are not judged.
	if wt, _ := r.lintAt(stagedNow, "json", "--as-of", "2026-11-20", "cases"); len(wt) > 0 {
		t.Errorf("the work tree: %v, want none", wt)
	}
	// Uncached, the same as cached.
	nc, _ := r.lintAt(stagedNow, "json", "--staged", "--no-cache", "--as-of", "2026-11-20")
	if !equalStrings(messages(nc, "rewritten-record"), messages(fs, "rewritten-record")) {
		t.Errorf("--no-cache: %v, cached: %v", nc, fs)
	}

	// Committed, the next run says the same of the commit, naming it.
	c := r.commit("Sam Jones", "2026-11-20T12:00:00Z")
	after, _ := r.lintAt(stagedNow, "json", "--as-of", "2026-11-20", "cases")
	got := findingsOn(after, monthOld)
	if len(got) != 1 || !strings.Contains(got[0].Message, "were changed on 20 November 2026 by Sam Jones (commit "+c[:7]+"), 23 working days after") {
		t.Errorf("after the commit: %v", got)
	}
}

// TestStagedRenameDeletion: a staged rename carries the records' history
// over, as the commit will, and invents no pending version; a staged
// deletion none either.
func TestStagedRenameDeletion(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	r.stage("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.stage("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Gone."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z")
	r.stage("cases/T-1/visits/2026-01-19.md", visit("2026-01-19T10:00:00", "", "Late."))
	late := r.commit("Sam Jones", "2026-02-09T09:00:00Z")

	// A record deleted: nothing.
	if err := r.wt.Remove("cases/T-1/visits/2026-01-14.md"); err != nil {
		t.Fatal(err)
	}
	if fs := r.staged(); len(findingsOn(fs, "cases/T-1/visits/2026-01-19.md")) != 1 || len(fs) != 1 {
		t.Errorf("a deletion staged: %v, want only the committed late record", fs)
	}

	// The case folder moved (git mv), one record edited in its narrative
	// as it moves: each keeps its first commit.
	for _, p := range []string{"case.md", "plan.md", "visits/2026-01-12.md", "visits/2026-01-19.md"} {
		if err := r.wt.Move("cases/T-1/"+p, "open/T-1/"+p); err != nil {
			t.Fatal(err)
		}
	}
	r.stage("open/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time; moved."))
	fs := r.staged()
	if len(fs) != 1 || fs[0].Path != "open/T-1/visits/2026-01-19.md" || !strings.Contains(fs[0].Message, "(commit "+late[:7]+")") {
		t.Errorf("a rename staged: %v, want the late record's finding, naming its commit", fs)
	}
}

// TestStagedSARIF: a result attributed to the commit being made carries
// no commit and says so; the log is otherwise as any.
func TestStagedSARIF(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	r.stage("cases/T-1/visits/2026-11-21.md", visit("2026-11-21T10:00:00", "", "Tomorrow."))
	_, out := r.lintAt(stagedNow, "sarif", "--staged", "--as-of", "2026-11-20")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string         `json:"ruleId"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "recorded-before-event" {
			continue
		}
		n++
		p := res.Properties
		if p["attributedPending"] != true || p["attributedCommit"] != nil || p["attributedAuthor"] != nil || p["attributedDate"] != "2026-11-20T12:00:00Z" {
			t.Errorf("properties %v", p)
		}
	}
	if n != 1 {
		t.Errorf("%d recorded-before-event results in\n%s", n, out)
	}
	if bytes.Contains([]byte(out), []byte(`"attributedCommit": ""`)) {
		t.Errorf("an empty commit in\n%s", out)
	}
}

// TestStagedMerge: a merge being concluded (MERGE_HEAD, as after a
// conflict resolved) brings a branch's records with their own commits:
// their content, which the merged commit has, is that side's, not the
// merge's, so it is not being committed late. What the merge makes
// itself (content no parent has) is being committed now.
func TestStagedMerge(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	const (
		branchVisit = "cases/T-1/visits/2026-01-12.md"
		mergeVisit  = "cases/T-1/visits/2026-02-02.md"
	)
	if err := r.wt.Checkout("side", true); err != nil {
		t.Fatal(err)
	}
	r.stage(branchVisit, visit("2026-01-12T10:00:00", "", "On the branch, on time."))
	side := r.commit("Sam Jones", "2026-01-13T17:00:00Z")
	if err := r.wt.Checkout("main", false); err != nil {
		t.Fatal(err)
	}
	r.stage("cases/T-1/visits/2026-01-26.md", visit("2026-01-26T10:00:00", "", "On main, on time."))
	r.commit("Aisha Patel", "2026-01-27T17:00:00Z")
	// The merge, stopped before its commit: the branch's visit staged as
	// the branch has it, and one the merge writes itself.
	r.stage(branchVisit, visit("2026-01-12T10:00:00", "", "On the branch, on time."))
	r.stage(mergeVisit, visit("2026-02-02T10:00:00", "", "Written in the merge."))
	if err := os.WriteFile(filepath.Join(r.dir, ".git", "MERGE_HEAD"), []byte(side+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := r.staged()
	wantNone(t, fs, branchVisit)
	wantOne(t, fs, mergeVisit, "late-recording", "is being committed now")
}

// TestStagedColdHistory: the first hook run in a clone has no history
// cache, and builds the history of the staged cases alone (following a
// case folder renamed in an earlier commit back to its old path) without
// writing a cache; it reports what a run with the cache reports. A run
// that lints every case writes the cache.
func TestStagedColdHistory(t *testing.T) {
	r := newGoGitRepo(t)
	pendingStart(r)
	r.stage("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z")
	r.stage("cases/T-1/visits/2026-01-19.md", visit("2026-01-19T10:00:00", "", "Late."))
	late := r.commit("Sam Jones", "2026-02-09T09:00:00Z")
	r.stage("cases/T-2/case.md", strings.ReplaceAll(caseMD, "T-1", "T-2"))
	r.commit("Sam Jones", "2026-02-10T09:00:00Z")
	for _, p := range []string{"case.md", "plan.md", "visits/2026-01-12.md", "visits/2026-01-19.md"} {
		if err := r.wt.Move("cases/T-1/"+p, "open/T-1/"+p); err != nil {
			t.Fatal(err)
		}
	}
	r.commit("Sam Jones", "2026-03-02T09:00:00Z")
	// Staged: an edit of the late visit, and a visit staged the day
	// before it happens.
	r.stage("open/T-1/visits/2026-01-19.md", visit("2026-01-19T10:00:00", "", "Late; edited."))
	r.stage("open/T-1/visits/2026-11-21.md", visit("2026-11-21T10:00:00", "", "Tomorrow."))
	cache := filepath.Join(r.dir, ".git", filepath.FromSlash(vcs.CacheFile))

	_, cold := r.lintAt(stagedNow, "json", "--staged", "--as-of", "2026-11-20")
	if _, err := os.Stat(cache); err == nil {
		t.Error("a hook run with no cache wrote one")
	}
	// The late visit's first commit, made under its old path.
	for _, want := range []string{`"late-recording"`, `"recorded-before-event"`, "open/T-1/visits/2026-01-19.md", "(commit " + late[:7]} {
		if !strings.Contains(cold, want) {
			t.Errorf("the cold run does not report %s:\n%s", want, cold)
		}
	}
	r.lintAt(stagedNow, "json", "--as-of", "2026-11-20")
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("a run of every case wrote no cache: %v", err)
	}
	if _, warm := r.lintAt(stagedNow, "json", "--staged", "--as-of", "2026-11-20"); warm != cold {
		t.Errorf("with the cache:\n%s\nwithout:\n%s", warm, cold)
	}
}
