package checks_test

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
)

// TestPendingVersion: under --staged, a staged record's pending version
// (the commit being made, now) is judged by the history rules as a
// commit is, its findings saying it is being committed. The lint is as of
// Friday 20 November 2026; the recording limit is 5 working days.
func TestPendingVersion(t *testing.T) {
	const (
		noon    = "2026-11-20T12:00:00Z"
		nextDay = "2026-11-21T12:00:00Z" // after the as-of date
	)
	for _, tc := range []struct {
		name      string
		date      string // the visit's
		committed string // its first commit, "" for none: it is staged new
		staged    string // its facts as staged (seen alone), when committed
		body      string // its narrative as staged
		now       string
		rule      string // the rule that fires, "" for none
		words     string
	}{
		{"visit dated tomorrow", "2026-11-21T10:00:00", "", "", "", noon, "recorded-before-event", "is being committed now, on 20 November 2026, 1 day before it"},
		{"visit later today", "2026-11-20T14:00:00", "", "", "", noon, "recorded-before-event", "at 12:00 on 20 November 2026, before it"},
		{"visit earlier today", "2026-11-20T10:00:00", "", "", "", noon, "", ""},
		{"visit today, no time", "2026-11-20", "", "", "", noon, "", ""},
		{"visit tomorrow, linted as of the day before now", "2026-11-22T10:00:00", "", "", "", nextDay, "", ""},
		{"visit on the 6th working day", "2026-11-12T10:00:00", "", "", "", noon, "late-recording", "is being committed now, on 20 November 2026, 6 working days after it"},
		{"visit on the 5th working day", "2026-11-13T10:00:00", "", "", "", noon, "", ""},
		{"visit three weeks late, linted as of the day before now", "2026-10-30T10:00:00", "", "", "", nextDay, "", ""},
		{"facts changed on the 6th working day", "2026-11-11T10:00:00", "2026-11-12T17:00:00Z", "true", "", noon, "rewritten-record", "are being changed in the commit being made now, on 20 November 2026, 6 working days after it was first committed on 12 November 2026"},
		{"facts changed on the 5th working day", "2026-11-12T10:00:00", "2026-11-13T17:00:00Z", "true", "", noon, "", ""},
		{"narrative changed a month on", "2026-10-19T10:00:00", "2026-10-20T17:00:00Z", "false", "Fine, spelt right.", noon, "", ""},
		{"staged as committed", "2026-10-19T10:00:00", "2026-10-20T17:00:00Z", "false", "", noon, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := "cases/H-1/visits/" + tc.date[:10] + ".md"
			record := visitMD(tc.date, false, "Fine.")
			h := newFakeHistory()
			parents := "-"
			if tc.committed != "" {
				parents = h.commit(path, record, "Aisha Patel", tc.committed).Blob
				record = visitMD(tc.date, tc.staged == "true", "Fine.")
				if tc.body != "" {
					record = visitMD(tc.date, false, tc.body)
				}
			}
			sum := sha1.Sum([]byte(record))
			blob := hex.EncodeToString(sum[:])
			h.content[blob] = []byte(record)
			var files []lint.StagedFile
			if blob != parents {
				files = append(files, lint.StagedFile{Path: path, Blob: blob, Parents: parents})
			}
			now, err := time.Parse(time.RFC3339, tc.now)
			if err != nil {
				t.Fatal(err)
			}
			res := lintHistory(t, historyFS(path, record), lint.WithPending(h, now, files), "")
			var got []lint.Finding
			for _, f := range res.Findings {
				if f.RuleID != lint.UnusedSuppressionID {
					got = append(got, f)
				}
			}
			if tc.rule == "" {
				if len(got) > 0 {
					t.Fatalf("%v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].RuleID != tc.rule || !strings.Contains(got[0].Message, tc.words) {
				t.Fatalf("%v, want one finding of %s saying %q", got, tc.rule, tc.words)
			}
			if a := got[0].Attributed; a == nil || !a.Pending || a.Commit != "" {
				t.Errorf("attributed to %+v, want the pending version", a)
			}
			if strings.Contains(got[0].Message, "commit ") && !strings.Contains(got[0].Message, "commit being made") {
				t.Errorf("names a commit: %s", got[0].Message)
			}
		})
	}
}
