package lintcmd_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/lintcmd"
	"github.com/caselint/caselint/lint"
)

// newFromRevCounts runs caselint lint --new-from-rev rev cases in dir, in
// this process, and returns how many cases it linted now and at rev, and
// how many it passed over at rev.
func newFromRevCounts(t *testing.T, dir, rev string) (now, then, passed int) {
	t.Helper()
	t.Chdir(dir)
	ios, _, _, _ := iostreams.Test()
	opts := &lintcmd.Options{
		IO: ios, Rules: checks.All(), Version: "test", Format: "json", FailLevel: "warning",
		AsOf: "2026-11-20", NewFromRev: rev, Paths: []string{"cases"},
		Now: time.Now, Getwd: func() (string, error) { return dir, nil },
		Stages: []lint.Stage{{Name: "count", Apply: func(_ context.Context, res *lint.Result) error {
			now = res.Cases
			return nil
		}}},
	}
	if err := lintcmd.Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatal(err)
	}
	before, err := lintcmd.NewFromRevBase(opts)
	if err != nil || before == nil {
		t.Fatalf("the base: %v, %v", before, err)
	}
	return now, before.Cases, before.Untouched
}

// TestGitNewFromRevTouched: --new-from-rev lints, now and at the base,
// only the cases the change touched; a finding in a case it did not touch
// is not new, and what a change does to another case (a case id used
// twice, a config, a deleted record) still is.
func TestGitNewFromRevTouched(t *testing.T) {
	r := newRepo(t)
	start(r)
	// T-1 has an old defect; T-2 and T-3 are clean.
	r.write("cases/T-1/visits/2026-01-26.md", visit("2026-01-26T10:00:00", "child_seen = false\nseen_alone = false\n", "Jamie was out with Nan."))
	for _, id := range []string{"T-2", "T-3"} {
		r.write("cases/"+id+"/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "`+id+`"`, 1))
		r.write("cases/"+id+"/plan.md", planMD)
		r.write("cases/"+id+"/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	}
	r.commit("Aisha Patel", "2026-01-27T09:00:00Z", "three cases")
	if all := lintJSON1(t, r.dir); len(only(all, "missing-not-seen-reason")) != 1 {
		t.Fatalf("T-1's old defect not found: %v", all)
	}

	// A change to T-2 alone: one new finding, T-1's is not new, and only
	// T-2 is linted, now and at the base.
	r.git("checkout", "-q", "-b", "feature")
	r.write("cases/T-2/visits/2026-01-26.md", visit("2026-01-26T10:00:00", "child_seen = false\nseen_alone = false\n", "Jamie was out with Nan."))
	r.commit("Aisha Patel", "2026-01-27T10:00:00Z", "T-2: visit")
	got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "main", "cases")
	if len(got) != 1 || got[0].Path != "cases/T-2/visits/2026-01-26.md" || got[0].Rule != "missing-not-seen-reason" {
		t.Errorf("--new-from-rev main after T-2 changed: %v, want T-2's new visit alone", got)
	}
	if now, then, passed := newFromRevCounts(t, r.dir, "main"); now != 1 || then != 1 || passed != 2 {
		t.Errorf("cases linted now %d, at main %d, passed over at main %d; want 1, 1, 2", now, then, passed)
	}
	// Nothing changed: nothing linted, nothing new, no error.
	if now, then, _ := newFromRevCounts(t, r.dir, "HEAD"); now != 0 || then != 0 {
		t.Errorf("--new-from-rev HEAD linted %d cases now, %d then; want none", now, then)
	}
	code, _, errOut := caselint(t, r.dir, "lint", "--as-of", "2026-11-20", "--new-from-rev", "HEAD", "cases")
	if code != cmdutil.ExitOK {
		t.Errorf("--new-from-rev HEAD: exit %d, %s", code, errOut)
	}

	// An uncommitted case reusing T-3's id, though it comes before T-3:
	// the finding is new, and falls on the new case, which the change
	// touched and a review reads, not on T-3, which keeps its id. The
	// same for a copy of a case folder beside it ("T-3 copy").
	for _, c := range []string{"A-1", "T-3 copy", "T-3-2"} {
		r.write("cases/"+c+"/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-3"`, 1))
		got, _ = lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "HEAD", "cases")
		var dup bool
		for _, f := range got {
			if f.Path == "cases/T-3/case.md" {
				t.Errorf("%s: a finding on T-3, which keeps its id: %v", c, f)
			}
			dup = dup || (f.Path == "cases/"+c+"/case.md" && strings.Contains(f.Message, "case id T-3 is already used by cases/T-3/case.md"))
		}
		if !dup {
			t.Errorf("a case id reused by a new case %s: %v, want the duplicate on it", c, got)
		}
		r.git("clean", "-qfd", "cases/"+c)
	}

	// A deleted record touches its case, and it alone.
	r.git("rm", "-q", "cases/T-3/visits/2026-01-12.md")
	if now, then, _ := newFromRevCounts(t, r.dir, "HEAD"); now != 1 || then != 1 {
		t.Errorf("after deleting a visit: %d cases linted now, %d then; want 1 and 1", now, then)
	}
	got, _ = lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "HEAD", "cases")
	for _, f := range got {
		if !strings.HasPrefix(f.Path, "cases/T-3/") {
			t.Errorf("new finding outside the case changed: %v", f)
		}
	}
	r.git("reset", "-q", "HEAD", "--", "cases/T-3")
	r.git("checkout", "-q", "HEAD", "--", "cases/T-3")

	// An edit not staged touches its case, and it alone.
	r.write("cases/T-1/visits/2026-01-26.md", visit("2026-01-26T10:00:00", "child_seen = false\nseen_alone = false\n", "Nobody answered the door."))
	if now, then, _ := newFromRevCounts(t, r.dir, "HEAD"); now != 1 || then != 1 {
		t.Errorf("after an edit not staged: %d cases linted now, %d then; want 1 and 1", now, then)
	}
	r.git("checkout", "-q", "HEAD", "--", "cases/T-1")

	// A config touches every case below it.
	r.write("cases/.caselint.toml", "profile = \"oxfordshire\"\n")
	if now, then, _ := newFromRevCounts(t, r.dir, "HEAD"); now != 3 || then != 3 {
		t.Errorf("after a config change: %d cases linted now, %d then; want 3 and 3", now, then)
	}
}

// newFromRevSARIF runs caselint lint --format sarif --new-from-rev rev
// (and the flags of mode) in dir, in this process, linting every case at
// both ends when every is set, and returns its results.
func newFromRevSARIF(t *testing.T, dir, rev, mode string, every bool) string {
	t.Helper()
	t.Chdir(dir)
	ios, _, out, errOut := iostreams.Test()
	opts := &lintcmd.Options{
		IO: ios, Rules: checks.All(), Version: "test", Format: "sarif", FailLevel: "warning",
		AsOf: "2026-11-20", NewFromRev: rev, Paths: []string{"."},
		Now: time.Now, Getwd: func() (string, error) { return dir, nil },
	}
	switch mode {
	case "--staged":
		opts.Staged = true
	case "--rev":
		opts.Rev = "HEAD"
	}
	if every {
		lintcmd.LintEveryCase(opts)
	}
	if err := lintcmd.Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var log struct {
		Runs []struct {
			Results json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v in\n%s", err, out)
	}
	return string(log.Runs[0].Results)
}

// TestGitNewFromRevSameAsEveryCase: what --new-from-rev reports, linting
// only the cases the change touched, is exactly what it reports linting
// every case at both ends (rule, message, place, fingerprints, the commit
// each line was last changed in), in the work tree, the index and a
// commit, after a change of every kind: committed edits, a rename across
// cases, a deletion, an untracked new case, a case id reused, an edit not
// staged, a staged edit the work tree undoes, a config.
func TestGitNewFromRevSameAsEveryCase(t *testing.T) {
	r := newRepo(t)
	start(r)
	late := visit("2026-01-26T10:00:00", "child_seen = false\nseen_alone = false\n", "Nobody answered.")
	r.write("cases/T-1/visits/2026-01-26.md", late)
	for _, id := range []string{"T-2", "T-3", "T-4", "T-5"} {
		r.write("cases/"+id+"/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "`+id+`"`, 1))
		r.write("cases/"+id+"/plan.md", planMD)
		r.write("cases/"+id+"/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
		r.write("cases/"+id+"/visits/2026-01-19.md", visit("2026-01-19T10:00:00", "", "On time."))
	}
	r.commit("Aisha Patel", "2026-01-27T09:00:00Z", "five cases")

	r.git("checkout", "-q", "-b", "feature")
	r.git("mv", "cases/T-2/visits/2026-01-19.md", "cases/T-3/visits/2026-01-20.md")
	r.git("rm", "-q", "cases/T-4/visits/2026-01-12.md")
	r.write("cases/T-1/visits/2026-01-26.md", strings.Replace(late, "Nobody answered.", "Nobody answered; a note left.", 1))
	r.commit("Sam Jones", "2026-02-02T09:00:00Z", "rename, delete, edit")
	r.write("cases/T-5/plan.md", strings.Replace(planMD, "+++\n", "+++\n# reviewed\n", 1))
	r.commit("Sam Jones", "2026-02-03T09:00:00Z", "T-5: plan reviewed")

	// Not committed.
	r.write("cases/A-0/case.md", strings.Replace(caseMD, `id = "T-1"`, `id = "T-4"`, 1)) // untracked, T-4's id
	r.write("cases/A-0/visits/2026-02-01.md", visit("2026-02-01T10:00:00", "child_seen = false\n", "Out."))
	r.write("cases/T-3/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "seen_alone = false\n", "Not alone.")) // not staged
	r.write("cases/T-5/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", "Staged."))
	r.git("add", "cases/T-5/visits/2026-01-12.md")
	r.write("cases/T-5/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time.")) // undone in the work tree

	check := func(when string) {
		t.Helper()
		for _, mode := range []string{"work tree", "--staged", "--rev"} {
			for _, rev := range []string{"main", "HEAD~1", "HEAD"} {
				got := newFromRevSARIF(t, r.dir, rev, mode, false)
				want := newFromRevSARIF(t, r.dir, rev, mode, true)
				if got != want {
					t.Errorf("%s, %s --new-from-rev %s: the touched cases alone give\n%s\nevery case gives\n%s", when, mode, rev, got, want)
				}
				if mode == "work tree" && rev == "main" && !strings.Contains(got, "cases/A-0/") {
					t.Errorf("%s: the untracked case's findings are not new: %s", when, got)
				}
			}
		}
	}
	check("after the change")
	r.write("cases/.caselint.toml", "profile = \"oxfordshire\"\n")
	check("with a config")
}

// TestGitNewFromRevStdin: a record an editor sends on standard input,
// whose file on disk is as committed, is what the change is: its new
// findings are reported, not passed over as an untouched case's.
func TestGitNewFromRevStdin(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T09:00:00Z", "T-1: visit")
	for _, name := range []string{"cases/T-1/visits/2026-01-12.md", "cases/T-1/visits/2026-01-19.md"} {
		t.Chdir(r.dir)
		ios, in, out, errOut := iostreams.Test()
		in.WriteString(visit("2026-01-12T10:00:00", "child_seen = false\nseen_alone = false\n", "Nobody answered."))
		opts := &lintcmd.Options{
			IO: ios, Rules: checks.All(), Version: "test", Format: "json", FailLevel: "warning",
			AsOf: "2026-11-20", NewFromRev: "HEAD", Paths: []string{"-"}, StdinFilename: name,
			Now: time.Now, Getwd: func() (string, error) { return r.dir, nil },
		}
		if err := lintcmd.Run(context.Background(), opts); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
			t.Fatalf("%v\n%s", err, errOut)
		}
		if !strings.Contains(out.String(), `"missing-not-seen-reason"`) {
			t.Errorf("--stdin-filename %s --new-from-rev HEAD, the buffer with a new defect: %s", name, out)
		}
	}
}
