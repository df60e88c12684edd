package lintcmd_test

// git commit --amend, a rebase and a cherry-pick move a commit's committer
// date to the day of the rewrite and keep its author date. The history
// rules read the day a record was recorded as the earlier of the two
// (late-recording, rewritten-record), so rewriting history does not make a
// record written on time look late; recorded-before-event reads the
// committer date, the day the content provably stood in a commit, so an
// early author date neither hides nor makes that finding.

import (
	"strings"
	"testing"
)

// commitDates stages everything and commits it as author with the author
// date authored and the committer date committed.
func (r *repo) commitDates(author, authored, committed, msg string) string {
	r.t.Helper()
	r.git("add", "-A")
	email := strings.ToLower(strings.ReplaceAll(author, " ", ".")) + "@example.org"
	r.gitEnv([]string{"GIT_AUTHOR_DATE=" + authored, "GIT_COMMITTER_DATE=" + committed},
		"commit", "-q", "--allow-empty", "--author", author+" <"+email+">", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

func TestGitAmendedRecordNotLate(t *testing.T) {
	r := newRepo(t)
	start(r)
	// Thursday 12 November 2026, committed that day.
	r.write("cases/T-1/visits/2026-11-12.md", visit("2026-11-12T10:00:00", "", "On time."))
	r.commit("Aisha Patel", "2026-11-12T17:00:00Z", "T-1: visit of 12 November")
	if fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-30", "cases"); len(only(fs, "late-recording")) != 0 {
		t.Fatalf("committed on the day: %v", only(fs, "late-recording"))
	}
	// Amended on Tuesday 24 November (the message reworded): the author
	// date stays 12 November.
	r.gitEnv([]string{"GIT_COMMITTER_DATE=2026-11-24T09:00:00Z"}, "commit", "-q", "--amend", "-m", "T-1: visit of 12 November, at home")
	if got := r.git("log", "-1", "--format=%aI %cI"); got != "2026-11-12T17:00:00+00:00 2026-11-24T09:00:00+00:00" {
		t.Fatalf("amended commit dates %q", got)
	}
	if fs, errOut := lintJSON(t, r.dir, "--as-of", "2026-11-30", "cases"); len(only(fs, "late-recording")) != 0 {
		t.Errorf("amended 12 days later: %v, want no late-recording\n%s", only(fs, "late-recording"), errOut)
	}

	// A visit of 13 November first committed on 24 November, author and
	// committer alike, is late.
	r.write("cases/T-1/visits/2026-11-13.md", visit("2026-11-13T10:00:00", "", "Late."))
	late := r.commit("Sam Jones", "2026-11-24T10:00:00Z", "T-1: visit of 13 November")
	fs, _ := lintJSON(t, r.dir, "--as-of", "2026-11-30", "cases")
	if got := only(fs, "late-recording"); len(got) != 1 || got[0].Path != "cases/T-1/visits/2026-11-13.md" || !strings.Contains(got[0].Message, late[:7]) || !strings.Contains(got[0].Message, "24 November 2026") {
		t.Errorf("late-recording %v, want the visit of 13 November, committed on 24 November", got)
	}

	// The boundary: authored on the 5th working day after the event
	// (Friday 20 November), committed on the 6th: on time.
	r.write("cases/T-1/visits/2026-11-16.md", visit("2026-11-16T10:00:00", "", "Fifth day."))
	r.commitDates("Aisha Patel", "2026-11-23T16:00:00Z", "2026-11-24T11:00:00Z", "T-1: visit of 16 November")
	// Authored on the 6th working day: late, whatever the committer date.
	r.write("cases/T-1/visits/2026-11-17.md", visit("2026-11-17T10:00:00", "", "Sixth day."))
	r.commitDates("Aisha Patel", "2026-11-25T16:00:00Z", "2026-11-25T16:00:00Z", "T-1: visit of 17 November")
	fs, _ = lintJSON(t, r.dir, "--as-of", "2026-11-30", "cases")
	var paths []string
	for _, f := range only(fs, "late-recording") {
		paths = append(paths, f.Path)
	}
	if want := "cases/T-1/visits/2026-11-13.md cases/T-1/visits/2026-11-17.md"; strings.Join(paths, " ") != want {
		t.Errorf("late-recording at %v, want %s", paths, want)
	}
}

// TestGitRebasedCorrectionNotRewritten: a branch that records a visit and
// corrects a fact the next day, rebased a month later, keeps the days
// its author recorded: the correction was made in time, not a rewrite.
func TestGitRebasedCorrectionNotRewritten(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.git("checkout", "-q", "-b", "visit")
	r.write("cases/T-1/visits/2026-11-12.md", visit("2026-11-12T10:00:00", "seen_alone = false\nnot_seen_reason = \"Dana Price would not leave the room\"\n", "Kitchen."))
	r.commit("Aisha Patel", "2026-11-12T17:00:00Z", "T-1: visit of 12 November")
	r.write("cases/T-1/visits/2026-11-12.md", visit("2026-11-12T10:00:00", "", "Kitchen."))
	r.commit("Aisha Patel", "2026-11-13T09:00:00Z", "T-1: 12 November: Jamie was seen alone")
	r.git("checkout", "-q", "main")
	r.write("cases/T-1/notes.md", "Notes.\n")
	r.commit("Sam Jones", "2026-12-01T09:00:00Z", "T-1: notes")
	r.git("checkout", "-q", "visit")
	r.gitEnv([]string{"GIT_COMMITTER_DATE=2026-12-14T09:00:00Z"}, "rebase", "-q", "main")
	if got := r.git("log", "-1", "--format=%aI %cI"); got != "2026-11-13T09:00:00+00:00 2026-12-14T09:00:00+00:00" {
		t.Fatalf("rebased commit dates %q", got)
	}
	fs, errOut := lintJSON(t, r.dir, "--as-of", "2026-12-15", "cases")
	if got := append(only(fs, "rewritten-record"), only(fs, "late-recording")...); len(got) != 0 {
		t.Errorf("rebased: %v, want no rewritten-record nor late-recording\n%s", got, errOut)
	}
	// A fact changed a month on, on the branch, is still a rewrite.
	r.write("cases/T-1/visits/2026-11-12.md", visit("2026-11-12T10:00:00", "bedroom_seen = false\n", "Kitchen."))
	r.commit("Sam Jones", "2026-12-14T10:00:00Z", "T-1: 12 November: bedroom")
	if got, _ := lintJSON(t, r.dir, "--as-of", "2026-12-15", "cases"); len(only(got, "rewritten-record")) != 1 {
		t.Errorf("a fact changed a month later: %v, want one rewritten-record", only(got, "rewritten-record"))
	}
}

// TestGitRecordedBeforeEventReadsTheCommitterDate: a record whose author
// date is before the event but whose commit was made after it (a commit
// of the morning amended in the afternoon to add the visit) was not
// written before the event as far as git can show: quiet. One committed
// before the event fires, whatever its author date.
func TestGitRecordedBeforeEventReadsTheCommitterDate(t *testing.T) {
	r := newRepo(t)
	start(r)
	r.write("cases/T-1/visits/2026-11-12.md", visit("2026-11-12T14:00:00", "", "Amended in."))
	r.commitDates("Aisha Patel", "2026-11-12T09:00:00Z", "2026-11-12T16:30:00Z", "T-1: visit of 12 November")
	r.write("cases/T-1/visits/2026-11-19.md", visit("2026-11-19T14:00:00", "", "Too early."))
	early := r.commitDates("Sam Jones", "2026-11-20T09:00:00Z", "2026-11-18T09:00:00Z", "T-1: visit of 19 November")
	fs, errOut := lintJSON(t, r.dir, "--as-of", "2026-11-30", "cases")
	got := only(fs, "recorded-before-event")
	if len(got) != 1 || got[0].Path != "cases/T-1/visits/2026-11-19.md" || !strings.Contains(got[0].Message, early[:7]) || !strings.Contains(got[0].Message, "18 November 2026") {
		t.Errorf("recorded-before-event %v, want the visit of 19 November, committed on 18 November\n%s", got, errOut)
	}
}
