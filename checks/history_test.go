package checks_test

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// fakeHistory is a lint.History made by hand: each path's versions, oldest
// first, and each version's content by blob.
type fakeHistory struct {
	versions map[string][]lint.Version
	content  map[string][]byte
}

func newFakeHistory() *fakeHistory {
	return &fakeHistory{versions: map[string][]lint.Version{}, content: map[string][]byte{}}
}

// commit adds a version of path with content, committed at when (RFC 3339)
// by author.
func (h *fakeHistory) commit(path, content, author, when string) lint.Version {
	t, err := time.Parse(time.RFC3339, when)
	if err != nil {
		panic(err)
	}
	sum := sha1.Sum([]byte(content))
	blob := hex.EncodeToString(sum[:])
	commit := sha1.Sum([]byte(fmt.Sprintf("%s %s %s %d", path, blob, when, len(h.versions[path]))))
	v := lint.Version{Commit: hex.EncodeToString(commit[:]), Author: author, When: t, Blob: blob}
	h.versions[path] = append(h.versions[path], v)
	h.content[blob] = []byte(content)
	return v
}

func (h *fakeHistory) Versions(path string) []lint.Version { return h.versions[path] }

func (h *fakeHistory) Content(path string, v lint.Version) ([]byte, error) {
	data, ok := h.content[v.Blob]
	if !ok {
		return nil, fmt.Errorf("%s: no blob %s", path, v.Blob)
	}
	return data, nil
}

func (h *fakeHistory) LineOrigin(path string, data []byte, line int) (lint.Version, bool) {
	vs := h.versions[path]
	if len(vs) == 0 {
		return lint.Version{}, false
	}
	return vs[len(vs)-1], true
}

const historyCase = `+++
type = "case"
id = "H-1"
[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true
[[people]]
name = "Sam Jones"
role = "social worker"
qualified = true
[[people]]
name = "Dana Price"
role = "mother"
family = true
+++
`

const historyPlan = `+++
type = "plan"
started = 2026-01-05
lead_worker = "Aisha Patel"
+++

## Concerns
Neglect.
`

// historyFS is the case with record at path.
func historyFS(path, record string) fstest.MapFS {
	return fstest.MapFS{
		"cases/H-1/case.md": {Data: []byte(historyCase)},
		"cases/H-1/plan.md": {Data: []byte(historyPlan)},
		path:                {Data: []byte(record)},
	}
}

// visitMD is a visit record on date (a TOML date or date-time), seen alone
// or not, with body as its narrative.
func visitMD(date string, alone bool, body string) string {
	return fmt.Sprintf("+++\ntype = \"visit\"\ndate = %s\nby = \"Aisha Patel\"\nchild_seen = true\nseen_alone = %v\n+++\n\n## Observations\n%s\n", date, alone, body)
}

func coreGroupMD(date string) string {
	return fmt.Sprintf("+++\ntype = \"core-group\"\ndate = %s\nattended = [\"Aisha Patel\", \"Dana Price\"]\n+++\n\n## Progress against outcomes\nGood progress.\n", date)
}

const (
	visitPath = "cases/H-1/visits/2026-01-12.md"
	cgPath    = "cases/H-1/core-groups/2026-06-01.md"
)

// lintHistory lints fsys with the history rules, as of 20 November
// 2026, under the combined profile (recording limit 5 working days).
func lintHistory(t *testing.T, fsys fstest.MapFS, h lint.History, note string) *lint.Result {
	t.Helper()
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	rules := []*lint.Rule{checks.LateRecording, checks.RecordedBeforeEvent, checks.RewrittenRecord, checks.ByID(lint.UnusedSuppressionID), checks.ByID(lint.InvalidRecordID)}
	opts := lint.Options{FS: fsys, Rules: rules, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), HistoryNote: note}
	if h != nil { // a nil *fakeHistory must be a nil History
		opts.History = h
	}
	res, err := lint.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.RuleID == lint.InvalidRecordID {
			t.Fatalf("fixture: %s:%d: %s", f.Path, f.Pos.Line, f.Message)
		}
	}
	return res
}

func findings(res *lint.Result, rule string) []lint.Finding {
	var out []lint.Finding
	for _, f := range res.Findings {
		if f.RuleID == rule {
			out = append(out, f)
		}
	}
	return out
}

// TestHistoryRulesNeedHistory: the engine skips a rule without history by
// its Needs, not its family (TestRegistry holds Needs to what Run reads).
func TestHistoryRulesNeedHistory(t *testing.T) {
	for _, r := range []*lint.Rule{checks.LateRecording, checks.RecordedBeforeEvent, checks.RewrittenRecord} {
		if checks.ByID(r.ID) != r || r.Family != checks.FamilyHistory {
			t.Errorf("%s: not registered in the history family", r.ID)
		}
		if !r.Has(lint.NeedsHistory) {
			t.Errorf("%s: does not declare lint.NeedsHistory: the engine would run it without history", r.ID)
		}
	}
}

func TestLateRecording(t *testing.T) {
	for _, tc := range []struct {
		name      string
		path      string
		record    string
		committed string // the first commit; "" for none
		fires     bool
	}{
		// Monday 12 January 2026: the 5th working day after it is Monday 19th.
		{"visit on the 5th working day", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-19T16:00:00Z", false},
		{"visit on the 6th working day", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-20T09:00:00Z", true},
		{"visit committed the same day", visitPath, visitMD("2026-01-12", true, "Fine."), "2026-01-12T18:00:00Z", false},
		{"visit two weeks late", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-26T09:00:00Z", true},
		{"visit not committed", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "", false},
		{"visit first committed after the as-of date", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-11-21T09:00:00Z", false},
		{"visit first committed on the as-of date", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-11-20T23:30:00Z", true},
		// Monday 1 June 2026: the 5th working day is Monday 8 June. 22:30
		// UTC on the 8th is 23:30 in London (BST), still the 8th; 23:30
		// UTC is 00:30 on the 9th in London.
		{"core group, 23:30 BST on the 5th working day", cgPath, coreGroupMD("2026-06-01"), "2026-06-08T22:30:00Z", false},
		{"core group, 00:30 BST on the 6th working day", cgPath, coreGroupMD("2026-06-01"), "2026-06-08T23:30:00Z", true},
		// Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th)
		// do not count, so the 5th working day is Monday 13 April.
		{"visit over Easter, 5th working day", "cases/H-1/visits/2026-04-02.md", visitMD("2026-04-02", true, "Fine."), "2026-04-13T12:00:00Z", false},
		{"visit over Easter, 6th working day", "cases/H-1/visits/2026-04-02.md", visitMD("2026-04-02", true, "Fine."), "2026-04-14T12:00:00Z", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := historyFS(tc.path, tc.record)
			h := newFakeHistory()
			var first lint.Version
			if tc.committed != "" {
				first = h.commit(tc.path, tc.record, "Aisha Patel", tc.committed)
				// A later commit changes the narrative only.
				h.commit(tc.path, tc.record+"\nMore.\n", "Sam Jones", "2026-09-01T09:00:00Z")
			}
			res := lintHistory(t, fsys, h, "")
			got := findings(res, checks.LateRecording.ID)
			if !tc.fires {
				if len(got) != 0 {
					t.Fatalf("unexpected finding: %s", got[0].Message)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d findings, want 1: %v", len(got), got)
			}
			f := got[0]
			if f.Path != tc.path || f.Pos.Line != 3 {
				t.Errorf("at %s:%d, want the date line %s:3", f.Path, f.Pos.Line, tc.path)
			}
			if f.Attributed == nil || *f.Attributed != first {
				t.Errorf("attributed to %v, want the first commit %v", f.Attributed, first)
			}
			for _, want := range []string{first.Commit[:7], "Aisha Patel", commitDay(first)} {
				if !strings.Contains(f.Message, want) {
					t.Errorf("message does not name %q: %s", want, f.Message)
				}
			}
			if f.Severity != lint.Warning {
				t.Errorf("severity %s, want warning", f.Severity)
			}
		})
	}
}

// commitDay is the day of v as a message names it, in London.
func commitDay(v lint.Version) string {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return schema.DateOf(v.When.In(loc)).Long()
}

func TestRewrittenRecord(t *testing.T) {
	v1 := visitMD("2026-01-12T10:00:00", false, "Jamie was in the kitchen.")
	type commit struct {
		content, author, when string
	}
	for _, tc := range []struct {
		name    string
		commits []commit
		want    []int  // the indexes of the commits that rewrote the facts
		keys    string // what the finding of the first of them says changed
	}{
		{"facts changed within the limit", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen."), "Aisha Patel", "2026-01-20T09:00:00Z"}, // 5th working day
		}, nil, ""},
		{"facts changed after the limit", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen."), "Sam Jones", "2026-01-21T09:00:00Z"}, // 6th working day
		}, []int{1}, "seen_alone was changed"},
		{"narrative changed weeks later", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", false, "Jamie was in the kitchen, drawing."), "Sam Jones", "2026-03-02T09:00:00Z"},
		}, nil, ""},
		{"frontmatter comments and layout changed weeks later", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{strings.Replace(v1, "by = \"Aisha Patel\"", "by   =   \"Aisha Patel\"   # the lead worker", 1), "Sam Jones", "2026-03-02T09:00:00Z"},
		}, nil, ""},
		{"two rewrites, a narrative edit between", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen."), "Sam Jones", "2026-03-02T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", true, "Jamie was in the garden."), "Aisha Patel", "2026-03-03T09:00:00Z"},
			{strings.Replace(visitMD("2026-01-12T11:30:00", true, "Jamie was in the garden."), "by = \"Aisha Patel\"", "by = \"Sam Jones\"", 1), "Sam Jones", "2026-04-01T09:00:00Z"},
		}, []int{1, 3}, "seen_alone was changed"},
		{"date and visitor changed", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{strings.Replace(visitMD("2026-01-12T11:30:00", false, "Jamie was in the kitchen."), "by = \"Aisha Patel\"", "by = \"Sam Jones\"", 1), "Sam Jones", "2026-02-02T09:00:00Z"},
		}, []int{1}, "by and date were changed"},
		{"facts changed after the as-of date", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen."), "Sam Jones", "2026-11-21T09:00:00Z"},
		}, nil, ""},
		{"a fact added", []commit{
			{v1, "Aisha Patel", "2026-01-13T09:00:00Z"},
			{strings.Replace(v1, "seen_alone = false", "seen_alone = false\nbedroom_seen = true", 1), "Sam Jones", "2026-02-02T09:00:00Z"},
		}, []int{1}, "bedroom_seen was changed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newFakeHistory()
			var vs []lint.Version
			for _, c := range tc.commits {
				vs = append(vs, h.commit(visitPath, c.content, c.author, c.when))
			}
			fsys := historyFS(visitPath, tc.commits[len(tc.commits)-1].content)
			res := lintHistory(t, fsys, h, "")
			got := findings(res, checks.RewrittenRecord.ID)
			if len(got) != len(tc.want) {
				for _, f := range got {
					t.Log(f.Message)
				}
				t.Fatalf("%d findings, want %d", len(got), len(tc.want))
			}
			// Findings on one line come in message order: match them to
			// the commits they name.
			byCommit := map[string]lint.Finding{}
			for _, f := range got {
				if f.Attributed == nil {
					t.Fatalf("finding not attributed: %s", f.Message)
				}
				byCommit[f.Attributed.Commit] = f
			}
			for i, want := range tc.want {
				v := vs[want]
				f, ok := byCommit[v.Commit]
				if !ok || *f.Attributed != v {
					t.Errorf("no finding attributed to commit %d %v", want, v)
					continue
				}
				if f.Pos.Line != 3 {
					t.Errorf("finding %d on line %d, want the date line 3", i, f.Pos.Line)
				}
				for _, want := range []string{v.Commit[:7], v.Author, commitDay(v)} {
					if !strings.Contains(f.Message, want) {
						t.Errorf("finding %d does not name %q: %s", i, want, f.Message)
					}
				}
			}
			if len(got) > 0 {
				first := byCommit[vs[tc.want[0]].Commit]
				if !strings.Contains(first.Message, ": "+tc.keys+";") {
					t.Errorf("message does not say %q: %s", tc.keys, first.Message)
				}
				if got[0].Fingerprint == "" || (len(got) > 1 && got[0].Fingerprint == got[1].Fingerprint) {
					t.Errorf("fingerprints not unique: %q", got[0].Fingerprint)
				}
			}
		})
	}
}

func TestHistoryRulesSkippedWithoutHistory(t *testing.T) {
	record := visitMD("2026-01-12T10:00:00", true, "Fine.")
	suppressed := strings.Replace(record, "date = 2026-01-12T10:00:00", "date = 2026-01-12T10:00:00  # caselint:ignore late-recording Written up from notes after sick leave", 1)
	fsys := historyFS(visitPath, suppressed)

	// Without history: nothing, and no unused-suppression either: the same
	// record may be linted where the history is at hand.
	const why = "this is a shallow clone: fetch the full history (git fetch --unshallow) to check when records were committed"
	res := lintHistory(t, fsys, nil, why)
	if len(res.Findings) != 0 {
		t.Errorf("findings without history: %v", res.Findings)
	}
	if len(res.Notifications) != 1 {
		t.Fatalf("notifications %v, want one", res.Notifications)
	}
	n := res.Notifications[0]
	for _, want := range []string{"history rules skipped", why, "late-recording", "recorded-before-event", "rewritten-record"} {
		if !strings.Contains(n.Message, want) {
			t.Errorf("notification %q does not say %q", n.Message, want)
		}
	}
	if n.Path != "" {
		t.Errorf("notification about %q, want none in particular", n.Path)
	}

	// No note, no notification (a fixture, the old side of --new-from-rev).
	if res := lintHistory(t, fsys, nil, ""); len(res.Notifications) != 0 {
		t.Errorf("notifications with no note: %v", res.Notifications)
	}

	// History rules turned off: nothing is skipped, nothing said.
	prof, _ := lint.ShippedProfile(lint.ProfileCombined)
	prof.Rules = map[string]string{"late-recording": "off", "recorded-before-event": "off", "rewritten-record": "off"}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Rules: checks.All(), Profile: prof, AsOf: schema.NewDate(2026, 11, 20), HistoryNote: why})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notifications {
		if strings.Contains(n.Message, "history") {
			t.Errorf("notification with the history rules off: %s", n.Message)
		}
	}

	// With history: late, and the reviewed exception suppresses it.
	h := newFakeHistory()
	h.commit(visitPath, suppressed, "Aisha Patel", "2026-02-02T09:00:00Z")
	res = lintHistory(t, fsys, h, why)
	got := findings(res, checks.LateRecording.ID)
	if len(got) != 1 || got[0].Suppression == nil {
		t.Errorf("late-recording findings %v, want one, suppressed", got)
	}
	if len(findings(res, lint.UnusedSuppressionID)) != 0 || len(res.Notifications) != 0 {
		t.Errorf("with history: %v, %v", res.Findings, res.Notifications)
	}
	if got[0].Origin == nil {
		t.Errorf("no line origin with a history")
	}
}

// TestHistoryContentError: a version whose content cannot be read makes
// the rule report that it could not check the case, not a finding.
func TestHistoryContentError(t *testing.T) {
	h := newFakeHistory()
	h.commit(visitPath, visitMD("2026-01-12T10:00:00", false, "A."), "Aisha Patel", "2026-01-13T09:00:00Z")
	v := h.commit(visitPath, visitMD("2026-01-12T10:00:00", true, "A."), "Sam Jones", "2026-03-02T09:00:00Z")
	delete(h.content, v.Blob)
	fsys := historyFS(visitPath, visitMD("2026-01-12T10:00:00", true, "A."))
	res := lintHistory(t, fsys, h, "")
	if len(findings(res, checks.RewrittenRecord.ID)) != 0 {
		t.Errorf("findings: %v", res.Findings)
	}
	found := false
	for _, n := range res.Notifications {
		found = found || strings.Contains(n.Message, "rewritten-record could not check this case")
	}
	if !found {
		t.Errorf("no notification that the rule could not check the case: %v", res.Notifications)
	}
}

func TestRecordedBeforeEvent(t *testing.T) {
	for _, tc := range []struct {
		name      string
		path      string
		record    string
		committed string // the first commit; "" for none
		fires     bool
		says      string // what the message says of when it was committed
	}{
		// Monday 12 January 2026 (GMT: London is UTC).
		{"visit committed the day before", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-11T18:00:00Z", true, "on 11 January 2026, 1 day before it"},
		{"visit committed three days before", visitPath, visitMD("2026-01-12", true, "Fine."), "2026-01-09T09:00:00Z", true, "3 days before it"},
		{"visit, a minute before the time it records", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-12T09:59:00Z", true, "at 09:59 that day, before it"},
		{"visit, at the time it records", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-12T10:00:00Z", false, ""},
		{"visit, the evening after", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-12T18:00:00Z", false, ""},
		{"visit giving the day only, committed that morning", visitPath, visitMD("2026-01-12", true, "Fine."), "2026-01-12T07:00:00Z", false, ""},
		{"visit committed the day after", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "2026-01-13T09:00:00Z", false, ""},
		{"visit not committed", visitPath, visitMD("2026-01-12T10:00:00", true, "Fine."), "", false, ""},
		// A record of a visit to come, committed before the as-of date:
		// as of that date it already claims the visit happened.
		{"visit after the as-of date, committed before it", "cases/H-1/visits/2026-11-25.md", visitMD("2026-11-25T10:00:00", true, "Fine."), "2026-11-18T09:00:00Z", true, "7 days before it"},
		{"first committed after the as-of date", "cases/H-1/visits/2026-11-25.md", visitMD("2026-11-25T10:00:00", true, "Fine."), "2026-11-21T09:00:00Z", false, ""},
		// Monday 1 June 2026 (BST: London is UTC+1). 23:30 UTC on Sunday 31
		// May is 00:30 on 1 June in London: the day of the meeting.
		{"core group committed the day before", cgPath, coreGroupMD("2026-06-01"), "2026-05-31T22:30:00Z", true, "on 31 May 2026, 1 day before it"},
		{"core group committed 00:30 BST on its day", cgPath, coreGroupMD("2026-06-01"), "2026-05-31T23:30:00Z", false, ""},
		// A visit at 09:30 BST: 08:45 UTC is 09:45 in London, after it;
		// 08:15 UTC is 09:15, before it.
		{"visit 09:30 BST, committed 09:45 BST", "cases/H-1/visits/2026-06-02.md", visitMD("2026-06-02T09:30:00", true, "Fine."), "2026-06-02T08:45:00Z", false, ""},
		{"visit 09:30 BST, committed 09:15 BST", "cases/H-1/visits/2026-06-02.md", visitMD("2026-06-02T09:30:00", true, "Fine."), "2026-06-02T08:15:00Z", true, "at 09:15 that day, before it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := historyFS(tc.path, tc.record)
			h := newFakeHistory()
			var first lint.Version
			if tc.committed != "" {
				first = h.commit(tc.path, tc.record, "Aisha Patel", tc.committed)
				// A later commit changes the narrative only.
				h.commit(tc.path, tc.record+"\nMore.\n", "Sam Jones", "2026-11-19T09:00:00Z")
			}
			res := lintHistory(t, fsys, h, "")
			got := findings(res, checks.RecordedBeforeEvent.ID)
			if !tc.fires {
				if len(got) != 0 {
					t.Fatalf("unexpected finding: %s", got[0].Message)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d findings, want 1: %v", len(got), got)
			}
			f := got[0]
			if f.Path != tc.path || f.Pos.Line != 3 {
				t.Errorf("at %s:%d, want the date line %s:3", f.Path, f.Pos.Line, tc.path)
			}
			if f.Attributed == nil || *f.Attributed != first {
				t.Errorf("attributed to %v, want the first commit %v", f.Attributed, first)
			}
			for _, want := range []string{first.Commit[:7], "Aisha Patel", tc.says, "Oxfordshire 1.8 §1", "Stoke-on-Trent C06 §05"} {
				if !strings.Contains(f.Message, want) {
					t.Errorf("message does not say %q: %s", want, f.Message)
				}
			}
			if f.Severity != lint.Error {
				t.Errorf("severity %s, want error", f.Severity)
			}
			// Not late: late-recording stays quiet on a record committed early.
			if n := len(findings(res, checks.LateRecording.ID)); n != 0 {
				t.Errorf("late-recording fired %d times on a record committed before the event", n)
			}
		})
	}
}

// TestRecordedBeforeEventSuppressed: a reviewed exception on the date line
// suppresses the finding, and the suppression is used.
func TestRecordedBeforeEventSuppressed(t *testing.T) {
	record := strings.Replace(visitMD("2026-01-12T10:00:00", true, "Fine."), "date = 2026-01-12T10:00:00",
		"date = 2026-01-12T10:00:00  # caselint:ignore recorded-before-event Moved from 9 January at the family's request; the date was put right on 12 January", 1)
	h := newFakeHistory()
	h.commit(visitPath, record, "Aisha Patel", "2026-01-09T17:00:00Z")
	res := lintHistory(t, historyFS(visitPath, record), h, "")
	got := findings(res, checks.RecordedBeforeEvent.ID)
	if len(got) != 1 || got[0].Suppression == nil {
		t.Errorf("findings %v, want one, suppressed", got)
	}
	if n := len(findings(res, lint.UnusedSuppressionID)); n != 0 {
		t.Errorf("%d unused-suppression findings", n)
	}
}

// TestRewrittenRecordLaterEvents: a key that records a later event (the
// minutes circulated, a refusal escalated) written into the record when
// that event happens is no rewrite; changing or removing its value is, and
// other facts changed beside it still are.
func TestRewrittenRecordLaterEvents(t *testing.T) {
	cg := coreGroupMD("2026-06-01")
	withMinutes := func(md, line string) string {
		return strings.Replace(md, "attended =", line+"\nattended =", 1)
	}
	refusal := visitMD("2026-01-12T10:00:00", false, "Nobody answered the door.")
	refusal = strings.Replace(refusal, "child_seen = true", "child_seen = false\naccess_refused = true", 1)
	withEscalation := func(md, lines string) string {
		return strings.Replace(md, "access_refused = true", "access_refused = true\n"+lines, 1)
	}
	for _, tc := range []struct {
		name, path string
		first      string // committed 2 June (visit: 13 January)
		later      string // committed three weeks after
		keys       string // what the finding says changed; "" none
	}{
		{"minutes circulated added (Oxfordshire: by the next meeting)", cgPath, cg,
			withMinutes(cg, "minutes_circulated = 2026-06-19"), ""},
		{"minutes circulated changed", cgPath, withMinutes(cg, "minutes_circulated = 2026-06-03"),
			withMinutes(cg, "minutes_circulated = 2026-06-19"), "minutes_circulated was changed"},
		{"minutes circulated taken out", cgPath, withMinutes(cg, "minutes_circulated = 2026-06-03"),
			cg, "minutes_circulated was changed"},
		{"minutes circulated added, attendance changed", cgPath, cg,
			withMinutes(strings.Replace(cg, `"Dana Price"]`, `"Dana Price", "Sam Jones"]`, 1), "minutes_circulated = 2026-06-19"),
			"attended was changed"},
		{"escalation added", visitPath, refusal,
			withEscalation(refusal, "escalated_to = \"Sam Jones\"\nescalated = 2026-01-13"), ""},
		{"escalation filled in from a placeholder", visitPath, withEscalation(refusal, "escalated_to = \"TBC\""),
			withEscalation(refusal, "escalated_to = \"Sam Jones\"\nescalated = 2026-01-13"), ""},
		{"escalation date changed", visitPath, withEscalation(refusal, "escalated_to = \"Sam Jones\"\nescalated = 2026-01-20"),
			withEscalation(refusal, "escalated_to = \"Sam Jones\"\nescalated = 2026-01-13"), "escalated was changed"},
		{"escalation added, seen alone changed", visitPath, refusal,
			strings.Replace(withEscalation(refusal, "escalated_to = \"Sam Jones\"\nescalated = 2026-01-13"), "seen_alone = false", "seen_alone = true", 1),
			"seen_alone was changed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			firstAt, laterAt := "2026-06-02T09:00:00Z", "2026-06-23T09:00:00Z"
			if tc.path == visitPath {
				firstAt, laterAt = "2026-01-13T09:00:00Z", "2026-02-03T09:00:00Z"
			}
			h := newFakeHistory()
			h.commit(tc.path, tc.first, "Aisha Patel", firstAt)
			h.commit(tc.path, tc.later, "Aisha Patel", laterAt)
			res := lintHistory(t, historyFS(tc.path, tc.later), h, "")
			got := findings(res, checks.RewrittenRecord.ID)
			switch {
			case tc.keys == "" && len(got) != 0:
				t.Errorf("a rewrite reported: %s", got[0].Message)
			case tc.keys != "" && len(got) != 1:
				t.Errorf("%d findings, want 1", len(got))
			case tc.keys != "" && !strings.Contains(got[0].Message, ": "+tc.keys+";"):
				t.Errorf("message does not say %q: %s", tc.keys, got[0].Message)
			}
		})
	}
}
