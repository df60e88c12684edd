package lintcmd_test

// Hostile repository shapes for the history rules (issue 14): merges,
// renamed case folders and branches HEAD does not reach, each compared
// with the same records in a repository whose history is one straight
// line.

import (
	"sort"
	"strings"
	"testing"
)

// messages returns the messages of the findings of rule, sorted, with
// commit hashes taken out (a linear repository's differ).
func messages(fs []jsonFinding, rule string, hashes ...string) []string {
	var out []string
	for _, f := range only(fs, rule) {
		m := f.Message
		for _, h := range hashes {
			m = strings.ReplaceAll(m, h[:7], "COMMIT")
		}
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const seenFalse = "seen_alone = false\nnot_seen_reason = \"Jamie wanted his mother there\"\n"

func TestGitRewrittenRecordAfterMerge(t *testing.T) {
	// A branch changes a visit's facts weeks later; main changes its
	// narrative; the branch is merged with --no-ff. The rewrite is the
	// branch commit's, not the narrative commit's nor the merge's: as in
	// the same changes made one after another on one line.
	const p = "cases/T-1/visits/2026-01-12.md"
	before := visit("2026-01-12T10:00:00", seenFalse, "")
	fixed := visit("2026-01-12T10:00:00", "seen_alone = true\n", "")
	narrative := visit("2026-01-12T10:00:00", seenFalse, "He showed me his drawings.")
	both := visit("2026-01-12T10:00:00", "seen_alone = true\n", "He showed me his drawings.")

	r := newRepo(t)
	start(r)
	r.write(p, before)
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "visit")
	r.git("checkout", "-q", "-b", "fix")
	r.write(p, fixed)
	fix := r.commit("Sam Jones", "2026-03-02T09:00:00Z", "visit: seen alone after all")
	r.git("checkout", "-q", "main")
	r.write(p, narrative)
	narr := r.commit("Aisha Patel", "2026-03-03T09:00:00Z", "visit: more detail")
	r.gitEnv([]string{"GIT_AUTHOR_DATE=2026-03-04T09:00:00Z", "GIT_COMMITTER_DATE=2026-03-04T09:00:00Z"},
		"-c", "user.name=Dan Roe", "merge", "-q", "--no-ff", "-m", "merge fix", "fix")
	merge := r.git("rev-parse", "HEAD")
	if got := r.git("show", "HEAD:"+p); got != strings.TrimSpace(both) {
		t.Fatalf("the merge made\n%s", got)
	}

	fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	got := only(fs, "rewritten-record")
	if len(got) != 1 || !strings.Contains(got[0].Message, fix[:7]) || !strings.Contains(got[0].Message, "Sam Jones") ||
		!strings.Contains(got[0].Message, "not_seen_reason and seen_alone were changed") {
		t.Fatalf("rewritten-record: %v, want one, the branch's commit %s", got, fix[:7])
	}
	if strings.Contains(got[0].Message, narr[:7]) || strings.Contains(got[0].Message, merge[:7]) {
		t.Errorf("rewritten-record names the narrative commit or the merge: %s", got[0].Message)
	}

	// The same changes on one line: the same finding.
	l := newRepo(t)
	start(l)
	l.write(p, before)
	l.commit("Aisha Patel", "2026-01-13T17:00:00Z", "visit")
	l.write(p, fixed)
	lfix := l.commit("Sam Jones", "2026-03-02T09:00:00Z", "visit: seen alone after all")
	l.write(p, both)
	l.commit("Aisha Patel", "2026-03-03T09:00:00Z", "visit: more detail")
	lfs, _ := lintJSON(t, l.dir, "--as-of", "2026-11-20", "cases")
	for _, rule := range []string{"rewritten-record", "late-recording"} {
		if a, b := messages(fs, rule, fix), messages(lfs, rule, lfix); !equalStrings(a, b) {
			t.Errorf("%s: after the merge %v, on one line %v", rule, a, b)
		}
	}
	// Uncached, the same.
	if nc, _ := lintJSON(t, r.dir, "--no-cache", "--as-of", "2026-11-20", "cases"); !equalStrings(messages(nc, "rewritten-record"), messages(fs, "rewritten-record")) {
		t.Errorf("--no-cache: %v", only(nc, "rewritten-record"))
	}
}

// lateCase commits case T-1 with visits, some recorded late, in r.
func lateCase(r *repo) {
	start(r)
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "visit of 12 January")
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late."))
	r.write("cases/T-1/visits/2026-01-15.md", visit("2026-01-15T10:00:00", "", "Late too."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "visits of 14 and 15 January")
	r.write("cases/T-1/visits/2026-01-15.md", visit("2026-01-15T10:00:00", "", "Late too, amended."))
	r.commit("Sam Jones", "2026-01-29T09:00:00Z", "visit of 15 January amended")
}

func TestGitRenameCaseFolder(t *testing.T) {
	// git mv of a case folder months later re-dates nothing: the history
	// findings are those before the rename, and none is new against the
	// commit before it.
	r := newRepo(t)
	lateCase(r)
	r.write("cases/T-1/visits/2026-02-02.md", visit("2026-02-02T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-02-02T17:00:00Z", "visit of 2 February")
	beforeRename, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if n := len(only(beforeRename, "late-recording")); n != 2 {
		t.Fatalf("%d late-recording findings before the rename, want 2", n)
	}
	r.git("mv", "cases/T-1", "cases/T-1-renamed")
	r.commit("Dan Roe", "2026-06-01T09:00:00Z", "case folder renamed")

	for _, args := range [][]string{{}, {"--no-cache"}} {
		after, _ := lintJSON(t, r.dir, append(args, "--as-of", "2026-11-20", "cases")...)
		for _, rule := range []string{"late-recording", "rewritten-record", "recorded-before-event"} {
			if a, b := messages(after, rule), messages(beforeRename, rule); !equalStrings(a, b) {
				t.Errorf("%v %s after the rename:\n%v\nwant, as before it:\n%v", args, rule, a, b)
			}
		}
		for _, f := range only(after, "late-recording") {
			if !strings.HasPrefix(f.Path, "cases/T-1-renamed/") {
				t.Errorf("finding at %s", f.Path)
			}
		}
		for _, path := range []string{"cases", "cases/T-1-renamed"} {
			got, _ := lintJSON(t, r.dir, append(args, "--as-of", "2026-11-20", "--new-from-rev", "HEAD~1", path)...)
			if len(got) != 0 {
				t.Errorf("%v --new-from-rev before the rename, %s: %v, want nothing new", args, path, got)
			}
		}
	}
	// Moved into a folder that did not exist before (cases/T-1-renamed
	// to open/T-1): linting open/, or the case, finds nothing new, as the
	// old folder is linted at the revision compared with.
	r.git("mv", "cases/T-1-renamed", "open")
	r.commit("Dan Roe", "2026-06-01T10:00:00Z", "case moved to open/")
	for _, p := range []string{"open", "open/visits", "."} {
		if got, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "--new-from-rev", "HEAD~1", p); len(got) != 0 {
			t.Errorf("--new-from-rev before the move, %s: %v, want nothing new", p, got)
		}
	}
	r.git("mv", "open", "cases/T-1-renamed")
	r.commit("Dan Roe", "2026-06-01T11:00:00Z", "case moved back")
	// Renamed and edited in the same commit: still the same findings.
	r.git("mv", "cases/T-1-renamed/visits/2026-01-15.md", "cases/T-1-renamed/visits/2026-01-15-visit.md")
	r.write("cases/T-1-renamed/visits/2026-01-15-visit.md", visit("2026-01-15T10:00:00", "", "Late too, amended again."))
	r.commit("Dan Roe", "2026-06-02T09:00:00Z", "visit renamed and amended")
	after, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	if a, b := messages(after, "late-recording"), messages(beforeRename, "late-recording"); !equalStrings(a, b) {
		t.Errorf("late-recording after a rename with an edit:\n%v\nwant\n%v", a, b)
	}
}

func TestGitRevUnreachableBranch(t *testing.T) {
	// --rev of a branch HEAD does not reach: the history findings of the
	// records only it has are those found with the branch checked out.
	r := newRepo(t)
	start(r)
	r.git("checkout", "-q", "-b", "other")
	r.write("cases/T-1/visits/2026-01-14.md", visit("2026-01-14T10:00:00", "", "Late."))
	r.commit("Sam Jones", "2026-01-28T09:00:00Z", "visit of 14 January, late")
	r.write("cases/T-1/visits/2026-01-20.md", visit("2026-01-20T10:00:00", seenFalse, ""))
	r.commit("Aisha Patel", "2026-01-20T17:00:00Z", "visit of 20 January")
	r.write("cases/T-1/visits/2026-01-20.md", visit("2026-01-20T10:00:00", "seen_alone = true\n", ""))
	r.commit("Sam Jones", "2026-03-02T09:00:00Z", "visit of 20 January rewritten")
	r.git("checkout", "-q", "main")
	r.write("cases/T-1/notes.md", "Notes.\n")
	r.commit("Aisha Patel", "2026-03-10T09:00:00Z", "notes on main")

	r.git("checkout", "-q", "other")
	want, _ := lintJSON(t, r.dir, "--as-of", "2026-11-20", "cases")
	r.git("checkout", "-q", "main")
	if len(only(want, "late-recording")) != 1 || len(only(want, "rewritten-record")) != 1 {
		t.Fatalf("checked out, the branch has %v", want)
	}
	for _, args := range [][]string{{}, {"--no-cache"}} {
		got, _ := lintJSON(t, r.dir, append(args, "--rev", "other", "--as-of", "2026-11-20", "cases")...)
		for _, rule := range []string{"late-recording", "rewritten-record", "recorded-before-event"} {
			if a, b := messages(got, rule), messages(want, rule); !equalStrings(a, b) {
				t.Errorf("%v --rev other: %s %v, want %v", args, rule, a, b)
			}
		}
		// Against main, the branch's history findings are new.
		got, _ = lintJSON(t, r.dir, append(args, "--rev", "other", "--as-of", "2026-11-20", "--new-from-rev", "main", "cases")...)
		if len(only(got, "late-recording")) != 1 || len(only(got, "rewritten-record")) != 1 {
			t.Errorf("%v --rev other --new-from-rev main: %v", args, got)
		}
		// Main linted with --new-from-rev other: main has none of them.
		got, _ = lintJSON(t, r.dir, append(args, "--as-of", "2026-11-20", "--new-from-rev", "other", "cases")...)
		if n := len(only(got, "late-recording")) + len(only(got, "rewritten-record")); n != 0 {
			t.Errorf("%v main --new-from-rev other: %v", args, got)
		}
	}
}

func TestGitNewFromRevAhead(t *testing.T) {
	// --new-from-rev of a branch HEAD does not reach: its commits are read
	// for it alone, never taken as the work tree's history. Here the
	// branch has the visit committed before the event; main has it
	// committed after.
	r := newRepo(t)
	start(r)
	r.git("checkout", "-q", "-b", "other")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T09:00:00", "", "Written ahead."))
	r.commit("Sam Jones", "2026-01-10T17:00:00Z", "visit written before it happened")
	r.git("checkout", "-q", "main")
	r.write("cases/T-1/visits/2026-01-12.md", visit("2026-01-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-01-13T17:00:00Z", "visit")

	if got, _ := lintJSON(t, r.dir, "--rev", "other", "--as-of", "2026-11-20", "cases"); len(only(got, "recorded-before-event")) != 1 {
		t.Fatalf("--rev other: %v, want its recorded-before-event", got)
	}
	for _, args := range [][]string{{}, {"--no-cache"}} {
		got, _ := lintJSON(t, r.dir, append(args, "--as-of", "2026-11-20", "--new-from-rev", "other", "cases")...)
		for _, rule := range []string{"recorded-before-event", "late-recording", "rewritten-record"} {
			if fs := only(got, rule); len(fs) != 0 {
				t.Errorf("%v main --new-from-rev other: %v, from the other branch's history", args, fs)
			}
		}
	}
}
