package lint

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// TestIncompleteness: a record or folder not read and a rule that failed
// make a run incomplete, and say so; the deliberate notices (a link not
// followed, a file that is not a record, the history rules skipped, the
// config, an older version over the limit, the baseline) do not.
func TestIncompleteness(t *testing.T) {
	deliberate := []Notification{
		{Kind: NoticeSymlink, Path: "c/visits/link.md"},
		{Kind: NoticeNotARecord, Path: "c/empty.md"},
		{Kind: NoticeHistorySkipped},
		{Kind: NoticeConfig},
		{Kind: NoticeTooLarge, Path: "c/plan.md"},
		{Kind: NoticeSubmodule, Path: "sub"},
		{Kind: NoticeBaseline},
		{Kind: NoticeOther},
	}
	if got := Incompleteness(deliberate); got != "" {
		t.Errorf("deliberate notices: %q, want complete", got)
	}
	for _, n := range deliberate {
		if n.Incomplete() {
			t.Errorf("%s notice counted as incomplete", n.Kind)
		}
	}
	for _, tc := range []struct {
		notes []Notification
		want  string
	}{
		{[]Notification{{Kind: NoticeUnreadable, Path: "c/visits/2026-02-16.md"}}, "1 record could not be read: the result is incomplete"},
		{[]Notification{{Kind: NoticeUnreadable, Path: "c/case.md"}, {Kind: NoticeUnreadable, Path: "c/plan.md"}}, "2 records could not be read: the result is incomplete"},
		{[]Notification{{Kind: NoticeUnreadable, Path: "c/visits"}}, "1 folder could not be read: the result is incomplete"},
		{[]Notification{{Kind: NoticeRuleFailed, Path: "c"}}, "1 rule could not check a case: the result is incomplete"},
		{[]Notification{{Kind: NoticeBaseUnread}}, "the base revision could not be read in full: the result is incomplete"},
		{[]Notification{{Kind: NoticeHistoryUnread}}, "the git history could not be read: the result is incomplete"},
		{append(slices.Clone(deliberate), Notification{Kind: NoticeUnreadable, Path: "c/a.md"}, Notification{Kind: NoticeUnreadable, Path: "d"},
			Notification{Kind: NoticeRuleFailed}, Notification{Kind: NoticeRuleFailed}),
			"1 record could not be read, 1 folder could not be read, 2 rules could not check a case: the result is incomplete"},
	} {
		if got := Incompleteness(tc.notes); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.notes, got, tc.want)
		}
	}
}

// TestRuleFailedIsIncomplete: a rule that fails on a case is an
// error-level notice that makes the run incomplete; the other rules run.
func TestRuleFailedIsIncomplete(t *testing.T) {
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"c/case.md": {Data: []byte(caseMD)},
		"c/plan.md": {Data: []byte(planMD(""))},
	}
	failing := &Rule{ID: "fails", Title: "test", Severity: Warning, Run: func(*Pass) error { return errors.New("object not found") }}
	res, err := Run(context.Background(), Options{FS: fsys, Rules: append([]*Rule{failing}, hygiene...),
		Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	var failed []Notification
	for _, n := range res.Notifications {
		if n.Kind == NoticeRuleFailed {
			failed = append(failed, n)
		}
	}
	if len(failed) != 1 || failed[0].Level != Error || !failed[0].Incomplete() {
		t.Errorf("rule-failed notices %+v, want one at error level, incomplete", failed)
	}
	if got, want := Incompleteness(res.Notifications), "1 rule could not check a case: the result is incomplete"; got != want {
		t.Errorf("Incompleteness %q, want %q", got, want)
	}
}

// TestNewSinceStageBaseUnread: a base with a record not read (a partial
// clone's missing blob) hides no finding: a gap the deleted record would
// have filled is found at both ends, and dropping it as old would pass the
// change. Every finding is kept, and the run is incomplete.
func TestNewSinceStageBaseUnread(t *testing.T) {
	now := []Finding{{Fingerprint: "a", Path: "SOT-1/plan.md"}, {Fingerprint: "b"}}
	base := func(context.Context) (*Result, error) {
		return &Result{Findings: []Finding{{Fingerprint: "a", Path: "SOT-1/plan.md"}},
			Notifications: []Notification{
				{Kind: NoticeSymlink, Path: "SOT-1/link.md"},
				{Kind: NoticeUnreadable, Level: Error, Path: "SOT-1/visits/2026-01-29.md", Message: "not read: object a1f4: object not found"},
			}}, nil
	}
	res := &Result{Findings: slices.Clone(now)}
	if err := NewSinceStage(base).Apply(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 {
		t.Errorf("findings %+v, want both kept", res.Findings)
	}
	if len(res.Notifications) != 1 || res.Notifications[0].Kind != NoticeBaseUnread || res.Notifications[0].Path != "SOT-1/visits/2026-01-29.md" ||
		!res.Notifications[0].Incomplete() {
		t.Errorf("notifications %+v, want one saying the base was not read in full, at the record", res.Notifications)
	}
	if got := Incompleteness(res.Notifications); got != "the base revision could not be read in full: the result is incomplete" {
		t.Errorf("Incompleteness %q", got)
	}
	// A base with only deliberate notices is compared as before.
	clean := func(context.Context) (*Result, error) {
		return &Result{Findings: []Finding{{Fingerprint: "a"}}, Notifications: []Notification{{Kind: NoticeSymlink}}}, nil
	}
	res = &Result{Findings: slices.Clone(now)}
	if err := NewSinceStage(clean).Apply(context.Background(), res); err != nil || len(res.Findings) != 1 || len(res.Notifications) != 0 {
		t.Errorf("clean base: %v, %+v, %+v", err, res.Findings, res.Notifications)
	}
}

// TestLFSPointerIsIncomplete: a record kept in Git LFS is, in the index
// and in every commit, a pointer of three lines. It was taken for a note
// with no frontmatter and skipped without a word: the hook passed a visit
// it never read. A pointer in a case is a record not read (exit 2).
func TestLFSPointerIsIncomplete(t *testing.T) {
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	pointer := "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1234\n"
	fsys := fstest.MapFS{
		"c/case.md":              {Data: []byte(caseMD)},
		"c/plan.md":              {Data: []byte(planMD(""))},
		"c/visits/2026-02-16.md": {Data: []byte(pointer)},
		"c/notes.md":             {Data: []byte("Some notes, not a record.\n")},
		"README.md":              {Data: []byte(pointer)}, // in no case: not a record
	}
	res, err := Run(context.Background(), Options{FS: fsys, Rules: hygiene, Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	var got []Notification
	for _, n := range res.Notifications {
		if n.Incomplete() {
			got = append(got, n)
		}
	}
	if len(got) != 1 || got[0].Kind != NoticeUnreadable || got[0].Path != "c/visits/2026-02-16.md" || !strings.Contains(got[0].Message, "Git LFS pointer") {
		t.Errorf("incomplete notices %+v, want the pointer named", got)
	}
	if why := Incompleteness(res.Notifications); why != "1 record could not be read: the result is incomplete" {
		t.Errorf("Incompleteness: %q", why)
	}
	// Under --redact the notice is caselint's words, kept whole.
	res, err = Run(context.Background(), Options{FS: fsys, Rules: hygiene, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), Redact: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notifications {
		if n.Incomplete() && n.Message != lfsPointerNote {
			t.Errorf("redacted: %q, want %q", n.Message, lfsPointerNote)
		}
	}
	for _, data := range []string{
		"version https://git-lfs.github.com/spec/v1\nsize 1234\n",             // no oid
		"Version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 1\n", // not the spec's line
		pointer + strings.Repeat("x", 1024),                                   // too long for a pointer
	} {
		if isLFSPointer([]byte(data)) {
			t.Errorf("%.40q taken for a pointer", data)
		}
	}
}
